/**
 * The province-sized jobs, each run as an officer runs it (the real CLI in its own process, CPU
 * time and peak memory measured inside it) and compared with a process that merely opens the
 * same files with exceljs: CLI start-up, import of 2,000 and 10,000 tasks, validate / rollup /
 * fix of a 60 agencies × 300 tasks master (18,000 rows), consolidation of 16 × 300 and 60 × 300
 * returned files (CLI, and the pane's file mode in-process). The province-sized runs are measured
 * once each (CPU time, which other work on the machine disturbs least): minutes otherwise.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { importBench } from "./import-bench";
import { medianProcess, OPEN_WITH_EXCELJS, PHULUC, type ProcessUsage } from "./measure-process";
import { consolidationBench, masters, writeMaster } from "./consolidate-bench";

const fmt = (n: number) => n.toFixed(0);
const ratio = (a: number, b: number) => (a / b).toFixed(2).replace(".", ",");
const usage = (u: ProcessUsage) =>
  `CPU ${fmt(u.cpuMs)} ms, đỉnh ${fmt(u.peakMb)} MB RAM (đồng hồ ${fmt(u.wallMs)} ms)`;

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

    // Consolidation: 16 × 300 into a 4,800-row master, 60 × 300 into the 18,000 rows (CLI),
    // and the same 60 in the pane's file mode (consolidate-bench.ts).
    rows.push(...(await consolidationBench(dir, big)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
