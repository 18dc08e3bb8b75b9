/**
 * `phuluc import` of a generated plan (2,000 and 10,000 tasks) as an officer runs it: the real
 * CLI in its own process, its CPU time read inside it, against a process that merely opens the
 * workbook it wrote with exceljs (issue 16: 2,000 tasks ≤ 1 × that; 10,000 tasks < 2 s).
 * Part of `npm run bench` (province-bench.ts); alone: `npm run bench:import`, which prints the
 * rows and the load average without touching docs/BENCHMARKS.md.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { makePlanDocx } from "./make-plan-docx";
import { medianProcess, OPEN_WITH_EXCELJS, PHULUC, type ProcessUsage } from "./measure-process";

const fmt = (n: number) => n.toFixed(0);
const ratio = (a: number, b: number) => (a / b).toFixed(2).replace(".", ",");
const usage = (u: ProcessUsage) =>
  `CPU ${fmt(u.cpuMs)} ms, đỉnh ${fmt(u.peakMb)} MB RAM (đồng hồ ${fmt(u.wallMs)} ms)`;

/** The two rows of docs/BENCHMARKS.md; `runs`: runs of the 2,000-task import (median). */
export async function importBench(dir: string, runs = 3): Promise<string[][]> {
  const rows: string[][] = [];
  for (const [groups, label, goal] of [
    [40, "2.000", "≤ 1 × chỉ mở sổ đã ghi"],
    [200, "10.000", "< 2 s"],
  ] as const) {
    const docx = path.join(dir, `ke-hoach-${groups}.docx`);
    const xlsx = path.join(dir, `theo-doi-${groups}.xlsx`);
    writeFileSync(docx, await makePlanDocx(groups, 50));
    const args = [PHULUC, "import", docx, "-o", xlsx, "--year", "2026", "--force"];
    // The 10,000-task run is judged on its wall time: a median of three, as the 2,000-task one,
    // so one run slowed by the machine's other work does not decide it.
    const n = groups > 40 ? 3 : runs;
    const run = medianProcess(n, args, [0]);
    const open = medianProcess(n, [OPEN_WITH_EXCELJS, xlsx]);
    rows.push([
      `**phuluc import ${label} nhiệm vụ (.docx → .xlsx)** (mục tiêu ${goal})`,
      `**CPU ${fmt(run.cpuMs)} ms**`,
      `**${ratio(run.cpuMs, open.cpuMs)} × chỉ mở** (exceljs mở sổ ${fmt(open.cpuMs)} ms CPU); ${usage(run)}`,
    ]);
  }
  return rows;
}

if (require.main === module) {
  void (async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "phuluc-import-bench-"));
    try {
      const load = os.loadavg().map((l) => l.toFixed(1));
      const rows = await importBench(dir, Number(process.env.PHULUC_BENCH_RUNS ?? 5));
      console.log(`Tải máy lúc bắt đầu: ${load.join(" / ")} (${os.cpus().length} lõi)`);
      for (const r of rows) console.log(`| ${r.join(" | ")} |`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  })();
}
