/**
 * The province-sized jobs, each run as an officer runs it (the real CLI in its own process, CPU
 * time and peak memory measured inside it) and compared with a process that merely opens the
 * same files with exceljs: CLI start-up, import of 2,000 and 10,000 tasks, validate / rollup /
 * fix of a 60 agencies × 300 tasks master (18,000 rows), consolidation of 16 × 300 and 60 × 300
 * returned files (CLI, and the pane's file mode in-process). The province-sized runs are measured
 * once each (CPU time, which other work on the machine disturbs least): minutes otherwise.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { importBench } from "./import-bench";
import { medianProcess, OPEN_WITH_EXCELJS, PHULUC, type ProcessUsage } from "./measure-process";
import { syntheticTracking } from "./synthetic-tracking";
import { writeWorkbook } from "../../src/xlsx";
import { trackingWorkbookSpec } from "../../src/core/workbook/from-tracking";
import { TRACKED_COLUMNS } from "../../src/core/workbook/columns";
import { untrackedValues, type TrackingWorkbook } from "../../src/core/workbook/tracking-model";
import { distributionPlan } from "../../src/core/exchange/distribution-plan";
import { agencyReportWorkbook } from "../../src/core/exchange/agency-report-workbook";
import { openTrackingBytes } from "../../src/app/tracking-file";
import { consolidateFiles } from "../../src/app/consolidate-files";

const fmt = (n: number) => n.toFixed(0);
const ratio = (a: number, b: number) => (a / b).toFixed(2).replace(".", ",");
const usage = (u: ProcessUsage) =>
  `CPU ${fmt(u.cpuMs)} ms, đỉnh ${fmt(u.peakMb)} MB RAM (đồng hồ ${fmt(u.wallMs)} ms)`;

/** A filled master of `agencies` × `perAgency` lead rows, and the same master left empty. */
function masters(
  agencies: number,
  perAgency: number
): {
  filled: TrackingWorkbook;
  empty: TrackingWorkbook;
} {
  const filled = syntheticTracking(agencies * perAgency, agencies);
  filled.plan = { number: "4784/KH-UBND" };
  filled.rows.forEach((r) => {
    r.partners = [];
    r.cells = Object.fromEntries(
      TRACKED_COLUMNS.map((id, j) => [id, `${String.fromCharCode(77 + j)}${r.sheetRow}`])
    );
  });
  const empty = { ...filled, rows: filled.rows.map((r) => ({ ...r, ...untrackedValues() })) };
  return { filled, empty };
}

async function writeMaster(wb: TrackingWorkbook, file: string): Promise<void> {
  const spec = trackingWorkbookSpec(wb, {
    reportYear: 2026,
    reportDate: "2026-12-15",
    generatedOn: "2026-11-01",
  });
  writeFileSync(file, await writeWorkbook(spec));
}

/** The agencies' files, made by the distribute code from the filled master, into `dir`. */
async function returnedFiles(filled: TrackingWorkbook, dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (const a of distributionPlan(filled, 2026)) {
    const { spec } = agencyReportWorkbook(filled, a, {
      year: 2026,
      deadline: "2026-12-15",
      generatedOn: "2026-11-01",
    });
    const file = path.join(dir, `${files.length + 1}.xlsx`);
    writeFileSync(file, await writeWorkbook(spec));
    files.push(file);
  }
  return files;
}

export async function provinceBench(): Promise<string[][]> {
  const rows: string[][] = [];
  const dir = mkdtempSync(path.join(os.tmpdir(), "phuluc-province-"));
  try {
    // Start-up: `phuluc help` against a bare Node, wall time (what the officer waits).
    const bare = medianProcess(9, ["-e", "0"]);
    const help = medianProcess(9, [PHULUC, "help"]);
    rows.push([
      "**Khởi động CLI** (`phuluc help`, mục tiêu ≤ 3 × `node -e 0`)",
      `**${fmt(help.wallMs)} ms**`,
      `**${ratio(help.wallMs, bare.wallMs)} × node -e 0** (${fmt(bare.wallMs)} ms); CPU ${fmt(help.cpuMs)} ms`,
    ]);

    // Import: the CLI on a generated plan, against opening the workbook it wrote.
    rows.push(...(await importBench(dir)));

    // The province master: 60 agencies × 300 tasks.
    const big = masters(60, 300);
    const filled = path.join(dir, "so-tinh-18000.xlsx");
    const empty = path.join(dir, "so-tinh-18000-trong.xlsx");
    await writeMaster(big.filled, filled);
    await writeMaster(big.empty, empty);
    const openMaster = medianProcess(1, [OPEN_WITH_EXCELJS, filled]);
    rows.push([
      "Chỉ mở sổ tỉnh 18.000 dòng (60 đơn vị × 300) bằng exceljs (mốc so sánh)",
      `CPU ${fmt(openMaster.cpuMs)} ms`,
      `đỉnh ${fmt(openMaster.peakMb)} MB RAM; tệp ${(readFileSync(filled).length / 1048576).toFixed(1)} MB`,
    ]);
    const common = ["--year", "2026", "--date", "2026-12-15"];
    for (const [command, extra] of [
      ["validate", ["--json"]],
      ["rollup", ["--json"]],
      ["fix", ["-o", path.join(dir, "da-sua.xlsx"), "--force"]],
    ] as const) {
      const u = medianProcess(1, [PHULUC, command, filled, ...common, ...extra]);
      rows.push([
        `**phuluc ${command}** sổ 18.000 dòng (mục tiêu ≤ 2 × chỉ mở, < 600 MB)`,
        `**CPU ${fmt(u.cpuMs)} ms**`,
        `**${ratio(u.cpuMs, openMaster.cpuMs)} × chỉ mở**; ${usage(u)}`,
      ]);
    }

    // Consolidation: 16 × 300 into a 4,800-row master, and 60 × 300 into the 18,000 rows.
    const small = masters(16, 300);
    const empty16 = path.join(dir, "so-4800-trong.xlsx");
    await writeMaster(small.empty, empty16);
    const files16 = await returnedFiles(small.filled, path.join(dir, "gui-16"));
    const files60 = await returnedFiles(big.filled, path.join(dir, "gui-60"));
    for (const [label, master, files, folder, goal] of [
      ["16 tệp × 300 dòng vào sổ 4.800 dòng", empty16, files16, "gui-16", "≤ 1,5 × chỉ mở"],
      ["60 tệp × 300 dòng vào sổ 18.000 dòng", empty, files60, "gui-60", "< 5 s"],
    ] as const) {
      const out = path.join(dir, `tong-hop-${folder}.xlsx`);
      const u = medianProcess(1, [
        PHULUC,
        "consolidate",
        master,
        path.join(dir, folder),
        "--year",
        "2026",
        "--date",
        "2026-12-15",
        "-o",
        out,
        "--force",
      ]);
      const open = medianProcess(1, [OPEN_WITH_EXCELJS, master, ...files]);
      rows.push([
        `**phuluc consolidate ${label}** (mục tiêu ${goal})`,
        `**CPU ${fmt(u.cpuMs)} ms**`,
        `**${ratio(u.cpuMs, open.cpuMs)} × chỉ mở sổ và các tệp** (${fmt(open.cpuMs)} ms CPU); ${usage(u)}`,
      ]);
    }

    // The pane's file mode: the same use case in-process (no start-up), 60 files.
    const masterBytes = new Uint8Array(readFileSync(empty));
    const returned = files60.map((f) => ({ file: f, bytes: new Uint8Array(readFileSync(f)) }));
    const pane = async () => {
      const opened = await openTrackingBytes(masterBytes, "so-tinh.xlsx");
      return consolidateFiles(opened, returned, {
        year: 2026,
        date: "2026-12-15",
        today: "2026-12-15",
        consolidatedAt: "2026-12-15 08:00",
        batchPrefix: "Phụ Lục (tệp)",
      });
    };
    await pane();
    const c = process.cpuUsage();
    const t = performance.now();
    await pane();
    const d = process.cpuUsage(c);
    rows.push([
      "**Trang tác vụ (chế độ tệp): tổng hợp 60 tệp × 300 dòng vào sổ 18.000 dòng** (mục tiêu < 5 s)",
      `**${fmt(performance.now() - t)} ms**`,
      `CPU ${fmt((d.user + d.system) / 1000)} ms (đọc sổ, đọc tệp, khớp, gộp, ghi sổ mới)`,
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
