/**
 * The three consolidation figures of issue 16, each as an officer meets it: `phuluc consolidate`
 * of 16 × 300 returned files into a 4,800-row master (CPU time against a process that merely opens
 * the master and the files with exceljs), of 60 × 300 into the 18,000-row province master (CLI),
 * and the same 60 files in the pane's file mode (the use case in-process, as the pane calls it:
 * src/app/consolidate-files.ts, master opened from its bytes, new file written).
 * Part of `npm run bench` (province-bench.ts); alone: `node --import tsx test/bench/consolidate-bench.ts`.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { medianProcess, OPEN_WITH_EXCELJS, PHULUC, type ProcessUsage } from "./measure-process";
import { syntheticTracking } from "./synthetic-tracking";
import { writeWorkbook } from "../../src/xlsx";
import { trackingWorkbookSpec } from "../../src/core/workbook/from-tracking";
import type { WorkbookSpec } from "../../src/core/spec/sheet-spec";
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
export function masters(
  agencies: number,
  perAgency: number
): { filled: TrackingWorkbook; empty: TrackingWorkbook } {
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

export async function writeMaster(wb: TrackingWorkbook, file: string): Promise<void> {
  const spec = trackingWorkbookSpec(wb, {
    reportYear: 2026,
    reportDate: "2026-12-15",
    generatedOn: "2026-11-01",
  });
  writeFileSync(file, await writeWorkbook(spec));
}

/**
 * The agencies' workbooks as they come back in November: distributed from the empty master
 * (their hidden identity holds its empty values) and filled in by each agency (the values of
 * `filled`), so every row reports something new and the master changes (1–2 cells a row).
 */
export function returnedWorkbooks(m: {
  filled: TrackingWorkbook;
  empty: TrackingWorkbook;
}): { agency: string; spec: WorkbookSpec }[] {
  const o = { year: 2026, deadline: "2026-12-15", generatedOn: "2026-11-01" };
  const sent = distributionPlan(m.empty, 2026);
  return distributionPlan(m.filled, 2026).map((a, i) => {
    if (sent[i].agency !== a.agency) throw new Error("bench: distribution order differs");
    const { spec } = agencyReportWorkbook(m.filled, a, o);
    const identity = agencyReportWorkbook(m.empty, sent[i], o).spec.sheets.at(-1)!;
    return { agency: a.agency, spec: { ...spec, sheets: [...spec.sheets.slice(0, -1), identity] } };
  });
}

/** The returned workbooks as files in `dir`. */
export async function returnedFiles(
  m: { filled: TrackingWorkbook; empty: TrackingWorkbook },
  dir: string
): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (const { spec } of returnedWorkbooks(m)) {
    const file = path.join(dir, `${files.length + 1}.xlsx`);
    writeFileSync(file, await writeWorkbook(spec));
    files.push(file);
  }
  return files;
}

/** The masters and returned files of the three runs, written into `dir`. */
export async function consolidationInputs(
  dir: string,
  province?: { filled: TrackingWorkbook; empty: TrackingWorkbook }
) {
  const big = province ?? masters(60, 300);
  const empty60 = path.join(dir, "so-tinh-18000-trong.xlsx");
  await writeMaster(big.empty, empty60);
  const small = masters(16, 300);
  const empty16 = path.join(dir, "so-4800-trong.xlsx");
  await writeMaster(small.empty, empty16);
  const files16 = await returnedFiles(small, path.join(dir, "gui-16"));
  const files60 = await returnedFiles(big, path.join(dir, "gui-60"));
  return { empty16, files16, empty60, files60 };
}

export async function consolidationBench(
  dir: string,
  province?: { filled: TrackingWorkbook; empty: TrackingWorkbook }
): Promise<string[][]> {
  const rows: string[][] = [];
  const { empty16, files16, empty60, files60 } = await consolidationInputs(dir, province);
  for (const [label, master, files, folder, goal] of [
    ["16 tệp × 300 dòng vào sổ 4.800 dòng", empty16, files16, "gui-16", "≤ 1,5 × chỉ mở"],
    ["60 tệp × 300 dòng vào sổ 18.000 dòng", empty60, files60, "gui-60", "< 5 s"],
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
  const masterBytes = new Uint8Array(readFileSync(empty60));
  const returned = files60.map((f) => ({ file: f, bytes: new Uint8Array(readFileSync(f)) }));
  const pane = async () => {
    const opened = await openTrackingBytes(masterBytes, "so-tinh.xlsx");
    return consolidateFiles(opened, returned, {
      year: 2026,
      date: "2026-12-15",
      today: "2026-12-15",
      consolidatedAt: "2026-12-15 08:00",
      batchPrefix: "Phụ Lục (tổng hợp)",
    });
  };
  const check = await pane();
  const merged = check.result.report.received.reduce((n, r) => n + r.matched, 0);
  const changed = check.result.changes.length;
  if (check.result.report.received.length !== 60 || merged !== 18000 || changed < 18000)
    throw new Error(
      `pane bench: ${check.result.report.received.length} files, ${merged} rows, ${changed} cells`
    );
  const c = process.cpuUsage();
  const t = performance.now();
  await pane();
  const d = process.cpuUsage(c);
  rows.push([
    "**Trang tác vụ (chế độ tệp): tổng hợp 60 tệp × 300 dòng vào sổ 18.000 dòng** (mục tiêu < 5 s)",
    `**${fmt(performance.now() - t)} ms**`,
    `CPU ${fmt((d.user + d.system) / 1000)} ms (mở sổ, đọc tệp, khớp, gộp, ghi sổ mới); ${changed} ô thay đổi`,
  ]);
  return rows;
}

if (require.main === module) {
  const keep = process.argv[2];
  const dir = keep ?? mkdtempSync(path.join(os.tmpdir(), "phuluc-consolidate-"));
  consolidationBench(dir)
    .then((rows) => {
      for (const r of rows) console.log(`| ${r.join(" | ")} |`);
    })
    .catch((e) => {
      console.error(e);
      process.exitCode = 1;
    })
    .finally(() => {
      if (!keep) rmSync(dir, { recursive: true, force: true });
    });
}
