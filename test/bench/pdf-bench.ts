/**
 * The PDF row of the bench: a plan of about 40 pages (the bench's generated plan, 275 tasks,
 * printed to PDF by LibreOffice headless), read in-process (pdfjs + layout + import) and by
 * `phuluc import plan.pdf -o …` as an officer runs it (process start, bundle load included).
 * Run alone: `node --import tsx test/bench/pdf-bench.ts`.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { makePlanDocx } from "./make-plan-docx";
import { readPdfPages } from "../../src/pdf/read-pdf";
import { importPlan } from "../../src/core/import/import-plan";

const root = path.resolve(__dirname, "..", "..");

async function median(runs: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

/** Rows for docs/BENCHMARKS.md, or none (with a note) when LibreOffice is missing. */
export async function pdfBench(): Promise<string[][]> {
  if (!existsSync("/usr/bin/soffice"))
    return [["Đọc kế hoạch PDF ~40 trang", "(thiếu LibreOffice)", ""]];
  const dir = mkdtempSync(path.join(os.tmpdir(), "phuluc-bench-pdf-"));
  const profile = mkdtempSync(path.join(os.tmpdir(), "phuluc-bench-profile-"));
  try {
    const docx = path.join(dir, "ke-hoach-40-trang.docx");
    writeFileSync(docx, await makePlanDocx(11, 25));
    execFileSync(
      "/usr/bin/soffice",
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        dir,
        docx,
      ],
      { stdio: "pipe", timeout: 180000 }
    );
    const pdf = docx.replace(/\.docx$/, ".pdf");
    const bytes = new Uint8Array(readFileSync(pdf));
    const pages = (await readPdfPages(bytes, "k.pdf")).length;
    const read = async () =>
      importPlan({ kind: "pdf", pages: await readPdfPages(bytes, "k.pdf"), fileName: "k.pdf" });
    const tasks = (await read()).tasks.length;
    const tRead = await median(5, read);
    const out = path.join(dir, "theo-doi.xlsx");
    const cpuFile = path.join(dir, "cpu.txt");
    const cpu: number[] = [];
    const cli = () => {
      const r = spawnSync(
        process.execPath,
        [
          "-r",
          path.join(__dirname, "cpu-at-exit.cjs"),
          path.join(root, "bin", "phuluc.js"),
          "import",
          pdf,
          "-o",
          out,
          "--force",
        ],
        { encoding: "utf8", env: { ...process.env, PHULUC_CPU_FILE: cpuFile } }
      );
      if (r.status !== 0) throw new Error(r.stderr);
      cpu.push(Number(readFileSync(cpuFile, "utf8")));
    };
    const tCli = await median(3, cli);
    const cpuMedian = cpu.sort((a, b) => a - b)[Math.floor(cpu.length / 2)];
    return [
      [
        `Đọc kế hoạch PDF ${pages} trang, ${tasks} nhiệm vụ (pdfjs + bố cục + importPlan)`,
        `${tRead.toFixed(0)} ms`,
        `${(bytes.length / 1024).toFixed(0)} KB .pdf (LibreOffice)`,
      ],
      [
        `**\`phuluc import\` PDF ${pages} trang → .xlsx** (mục tiêu < 2 s)`,
        `**${tCli.toFixed(0)} ms**`,
        `CPU ${cpuMedian.toFixed(0)} ms (cả khởi động Node, nạp gói CLI, ghi .xlsx)`,
      ],
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}

if (require.main === module) {
  pdfBench().then((rows) => console.log(rows.map((r) => `| ${r.join(" | ")} |`).join("\n")));
}
