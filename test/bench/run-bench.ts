/**
 * `npm run bench`: speed and memory, measured (never asserted in tests). Writes docs/BENCHMARKS.md.
 * Each timing is the median of several runs after one warm-up; memory is the heap growth
 * around one run after a forced GC (node --expose-gc), plus the process RSS at the end.
 */
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { makePlanDocx } from "./make-plan-docx";
import { pdfBench } from "./pdf-bench";
import { peakMemory } from "./peak-memory";
import { syntheticTracking } from "./synthetic-tracking";
import { provinceBench } from "./province-bench";
import { ZIP_LIMITS } from "../../src/core/readers/zip-package";
import type { WorkbookSpec } from "../../src/core/spec/sheet-spec";
import { importPlan } from "../../src/core/import/import-plan";
import { defaultAgencies, defaultDirectory } from "../../src/core/agency/default-directory";
import { buildTrackingWorkbook } from "../../src/core/workbook/tracking-workbook";
import { writeWorkbook } from "../../src/xlsx";
import { renderToOffice } from "../../src/render/office/render-workbook";
import { FakeExcel } from "../fakes/office-fake";
import { readTrackingFromOffice } from "../../src/render/office/read-tracking-office";
import { applyChanges } from "../../src/render/office/apply-changes";
import { BACKUP_SHEET } from "../../src/render/office/backup-log";
import { undoChanges } from "../../src/render/office/undo-changes";
import { readTracking } from "../../src/core/tracking/read-tracking";
import { applyFixes } from "../../src/core/tracking/apply-fixes";
import { rollup } from "../../src/core/tracking/rollup";
import { validateTracking } from "../../src/core/tracking/validate";
import { reportContext } from "../../src/core/papers/report-context";
import { defaultPrintTexts } from "../../src/core/papers/print-texts";
import { agencyReportTexts } from "../../src/core/papers/agency-report";
import { appendixPaper } from "../../src/core/papers/appendix";
import { allAgencyReports } from "../../src/app/reports";
import { paperBytes } from "../../src/app/papers";
import { reportBench } from "./report-bench";
import ExcelJS from "exceljs";
import { masters, returnedWorkbooks } from "./consolidate-bench";
import { consolidate } from "../../src/core/exchange/consolidate";
import { readReturnedFile } from "../../src/app/consolidate-files";

const root = path.resolve(__dirname, "..", "..");
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

async function median(runs: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

async function heapGrowth(fn: () => Promise<unknown>): Promise<number> {
  gc();
  const before = process.memoryUsage().heapUsed;
  const keep = await fn(); // kept alive until measured
  const after = process.memoryUsage().heapUsed;
  void keep;
  return after - before;
}

const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
const ms = (n: number) => n.toFixed(0);

/** One plain sheet of `n` rows × 5 columns (no formulas): the row limit's worst accepted case. */
function longSheetSpec(n: number): WorkbookSpec {
  const values = Array.from({ length: n }, (_, i) => [
    i + 1,
    `Nhiệm vụ ${i + 1}`,
    "Sở Tài chính",
    "Sở Nội vụ",
    "Hằng năm",
  ]);
  return {
    defaultFont: { name: "Times New Roman", size: 12 },
    sheets: [
      {
        name: "Dữ liệu",
        visibility: "visible",
        columns: [],
        blocks: [{ address: "A1", values }],
        styles: [],
        merges: [],
        tables: [],
        validations: [],
        conditionalFormats: [],
      },
    ],
  };
}

function bundleSizes(): {
  initial: number;
  initialGzip: number;
  lazy: number;
  lazyGzip: number;
} | null {
  const dist = path.join(root, "dist");
  const html = path.join(dist, "taskpane.html");
  if (!existsSync(html)) return null;
  // The production HTML is minified: src=runtime.js, without quotes.
  const initialFiles = [
    ...readFileSync(html, "utf8").matchAll(/<script[^>]*\ssrc="?([^"\s>]+\.js)"?/g),
  ]
    .map((m) => m[1])
    .filter((src) => !/^https?:/.test(src))
    .map((src) => path.join(dist, src.replace(/^\.?\//, "")));
  // Lazy chunks live in dist/chunks/.
  const listJs = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory()
        ? listJs(path.join(dir, e.name))
        : e.name.endsWith(".js")
          ? [path.join(dir, e.name)]
          : []
    );
  const allJs = listJs(dist);
  const size = (files: string[]) => files.reduce((n, f) => n + statSync(f).size, 0);
  const gz = (files: string[]) => files.reduce((n, f) => n + gzipSync(readFileSync(f)).length, 0);
  const lazy = allJs.filter((f) => !initialFiles.includes(f));
  return {
    initial: size(initialFiles),
    initialGzip: gz(initialFiles),
    lazy: size(lazy),
    lazyGzip: gz(lazy),
  };
}

async function main() {
  const load = os.loadavg();
  const rows: string[][] = [];
  const docx = await makePlanDocx(40, 50); // 2,000 tasks in 40 groups
  const input = () => ({ kind: "docx" as const, bytes: docx, fileName: "ke-hoach-2000.docx" });

  const parsed = await importPlan(input());
  if (parsed.tasks.length !== 2000)
    throw new Error(`expected 2,000 tasks, got ${parsed.tasks.length}`);
  const build = () =>
    buildTrackingWorkbook(parsed, {
      reportYear: 2026,
      reportDate: "2026-12-15",
      directory: defaultAgencies("Lâm Đồng"),
    });
  const spec = build();

  const tImport = await median(5, () => importPlan(input()));
  const tBuild = await median(5, build);
  const tWrite = await median(3, () => writeWorkbook(spec));
  const tTotal = await median(3, async () => {
    const r = await importPlan(input());
    return writeWorkbook(
      buildTrackingWorkbook(r, {
        reportYear: 2026,
        reportDate: "2026-12-15",
        directory: defaultAgencies("Lâm Đồng"),
      })
    );
  });
  const heap = await heapGrowth(async () => {
    const r = await importPlan(input());
    return writeWorkbook(
      buildTrackingWorkbook(r, {
        reportYear: 2026,
        reportDate: "2026-12-15",
        directory: defaultAgencies("Lâm Đồng"),
      })
    );
  });
  const xlsxBytes = (await writeWorkbook(spec)).length;
  rows.push([
    "Đọc kế hoạch .docx 2.000 nhiệm vụ (importPlan)",
    `${ms(tImport)} ms`,
    `${(docx.length / 1024).toFixed(0)} KB .docx`,
  ]);
  rows.push([
    "Dựng sổ theo dõi (buildTrackingWorkbook)",
    `${ms(tBuild)} ms`,
    `${spec.sheets.length} trang`,
  ]);
  rows.push([
    "Ghi .xlsx (writeWorkbook: các phần viết thẳng từ spec, nén bằng zip-write)",
    `${ms(tWrite)} ms`,
    `${mb(xlsxBytes)} MB .xlsx`,
  ]);
  rows.push([
    "**Tổng: .docx 2.000 nhiệm vụ → .xlsx** (mục tiêu < 2 s)",
    `**${ms(tTotal)} ms**`,
    `heap +${mb(heap)} MB, RSS ${mb(process.memoryUsage().rss)} MB`,
  ]);

  rows.push(...(await pdfBench()));

  // Office.js: syncs and the largest payload per sync, counted by the fake (5 MB limit on).
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  for (const groups of [1, 40, 200]) {
    const small = await importPlan({
      kind: "docx",
      bytes: await makePlanDocx(groups, 50),
      fileName: "k.docx",
    });
    const s = buildTrackingWorkbook(small, {
      reportYear: 2026,
      reportDate: "2026-12-15",
      directory: defaultAgencies(),
    });
    const fake = new FakeExcel({ sheets: [{ name: "Sheet1" }] });
    const t = performance.now();
    await renderToOffice(fake.context, s, { onConflict: async () => "backup" });
    const taskRows = s.sheets.find((x) => x.name === "Nhiệm vụ")!.blocks[0].values.length - 1;
    rows.push([
      `Office.js: ghi sổ ${small.tasks.length} nhiệm vụ (${taskRows} dòng) vào sổ đang mở (giả lập)`,
      `${ms(performance.now() - t)} ms`,
      `**${fake.syncCount} lần context.sync()**, gửi lớn nhất ${kb(fake.largestRequest)}`,
    ]);

    // An officer typed every status without diacritics: check, fix all, undo.
    const sheet = fake.sheet("Nhiệm vụ");
    const statusCol = [...sheet.cells.entries()]
      .find(([addr, c]) => /^[A-Z]+1$/.test(addr) && c.value === "Trạng thái")![0]
      .slice(0, -1);
    for (let row = 2; row <= taskRows + 1; row++)
      sheet.cells.set(`${statusCol}${row}`, { value: "hoan thanh" });
    const t2 = performance.now();
    fake.resetCounters();
    const read = await readTrackingFromOffice(fake.context);
    const readSyncs = fake.syncCount;
    const readLargest = fake.largestResponse;
    const { workbook } = readTracking(read.cells, "bench");
    const { changes } = applyFixes(
      workbook,
      validateTracking(workbook, { year: 2026, date: "2026-12-15" })
    );
    fake.resetCounters();
    const applied = await applyChanges(fake.context, changes, { backupSheet: BACKUP_SHEET });
    const fixSyncs = fake.syncCount;
    const fixLargest = fake.largestRequest;
    const tFix = performance.now() - t2;
    fake.resetCounters();
    await undoChanges(fake.context, applied.batchId);
    rows.push([
      `Office.js: kiểm tra + sửa tất cả ${changes.length} ô (đọc sổ, ghi, sao lưu) rồi hoàn tác (giả lập)`,
      `${ms(tFix)} ms`,
      `**đọc ${readSyncs} + sửa ${fixSyncs} + hoàn tác ${fake.syncCount} lần context.sync()**; ` +
        `nhận lớn nhất ${kb(readLargest)}, gửi lớn nhất ${kb(fixLargest)}`,
    ]);
  }

  const tracking = syntheticTracking(2000, 30);
  const directory = defaultDirectory();
  const tRollup = await median(7, () => rollup(tracking, 2026, "2026-12-15"));
  const tValidate = await median(7, () =>
    validateTracking(tracking, { year: 2026, date: "2026-12-15", directory })
  );
  rows.push([
    "Tổng hợp (rollup) 2.000 nhiệm vụ × 30 đơn vị, lõi (mục tiêu < 200 ms)",
    `${ms(tRollup)} ms`,
    "",
  ]);
  rows.push([
    "Kiểm tra (validateTracking) 2.000 nhiệm vụ × 30 đơn vị, lõi (mục tiêu < 200 ms)",
    `${ms(tValidate)} ms`,
    "",
  ]);

  // Peak memory of the largest inputs: 10,000 tasks, and a sheet just under the row limit.
  const big = await importPlan({
    kind: "docx",
    bytes: await makePlanDocx(200, 50),
    fileName: "k.docx",
  });
  const dir = mkdtempSync(path.join(os.tmpdir(), "phuluc-bench-"));
  const bigDocx = path.join(dir, "ke-hoach-10000.docx");
  writeFileSync(bigDocx, await makePlanDocx(200, 50));
  const bigXlsx = path.join(dir, "theo-doi-10000.xlsx");
  writeFileSync(
    bigXlsx,
    await writeWorkbook(
      buildTrackingWorkbook(big, {
        reportYear: 2026,
        reportDate: "2026-12-15",
        directory: defaultAgencies("Lâm Đồng"),
      })
    )
  );
  const rowsXlsx = path.join(dir, `bang-${ZIP_LIMITS.maxSheetRows - 1}-dong.xlsx`);
  writeFileSync(rowsXlsx, await writeWorkbook(longSheetSpec(ZIP_LIMITS.maxSheetRows - 1)));
  for (const [label, kind, file] of [
    ["Đọc kế hoạch .docx 10.000 nhiệm vụ (importPlan)", "docx", bigDocx],
    ["Đọc sổ theo dõi .xlsx 10.000 nhiệm vụ (readWorkbookCells + readTracking)", "xlsx", bigXlsx],
    [
      `Đọc .xlsx một trang ${ZIP_LIMITS.maxSheetRows - 1} dòng (sát giới hạn dòng)`,
      "xlsx-tables",
      rowsXlsx,
    ],
  ] as const) {
    const m = peakMemory(kind, file);
    rows.push([
      `Bộ nhớ đỉnh: ${label}`,
      `${ms(m.ms)} ms`,
      `**+${m.peakMb.toFixed(0)} MB RSS đỉnh**, tệp ${mb(statSync(file).size)} MB`,
    ]);
  }
  rmSync(dir, { recursive: true, force: true });

  rows.push(...(await consolidationBench()));
  rows.push(...(await provinceBench()));

  // Papers: every agency's report of a 2,000-task plan naming 60 agencies, and the appendix.
  const plan60 = syntheticTracking(2000, 60);
  const texts = { ...defaultPrintTexts({ issuer: "UBND tỉnh Lâm Đồng" }), ...agencyReportTexts() };
  for (const format of ["docx", "xlsx"] as const) {
    let files = 0;
    const t = await median(3, async () => {
      const r = await allAgencyReports(reportContext(plan60, 2026, "2026-12-15"), texts, format);
      files = r.files.length;
      return r;
    });
    rows.push([
      `**Báo cáo của mọi đơn vị (.${format} trong .zip), 2.000 nhiệm vụ × 60 đơn vị** (mục tiêu < 10 s)`,
      `**${ms(t)} ms**`,
      `${files} tệp`,
    ]);
  }
  rows.push(...(await reportBench(median)));
  for (const format of ["docx", "xlsx"] as const) {
    const t = await median(3, () => paperBytes(appendixPaper(plan60, { texts }), format));
    rows.push([`Phụ lục để ký 2.000 nhiệm vụ (.${format})`, `${ms(t)} ms`, ""]);
  }

  const bundle = bundleSizes();
  if (bundle) {
    rows.push([
      "Task pane: JavaScript tải ban đầu",
      `${(bundle.initial / 1024).toFixed(0)} KB`,
      `**${(bundle.initialGzip / 1024).toFixed(0)} KB gzip**`,
    ]);
    rows.push([
      "Task pane: phần tải khi cần (exceljs, jszip…)",
      `${(bundle.lazy / 1024).toFixed(0)} KB`,
      `${(bundle.lazyGzip / 1024).toFixed(0)} KB gzip`,
    ]);
  }

  const offline = path.join(root, "dist", "phuluc.html");
  if (existsSync(offline)) {
    const page = readFileSync(offline);
    rows.push([
      "Trang ngoại tuyến dist/phuluc.html (một tệp, mọi thứ nội tuyến)",
      `${(page.length / 1024).toFixed(0)} KB`,
      `**${(gzipSync(page).length / 1024).toFixed(0)} KB gzip**`,
    ]);
  }

  const table = [
    "| Phép đo | Thời gian / kích thước | Ghi chú |",
    "|---|---|---|",
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ];
  const md = `# Benchmarks

Written by \`npm run bench\` (test/bench/run-bench.ts); not tests. Times are medians after a
warm-up. Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${mb(os.totalmem())} MB RAM, Node ${process.version}.
Date: ${new Date().toISOString().slice(0, 10)}. Load average at the start (other work on the machine slows every row): ${load
    .map((x) => x.toFixed(1))
    .join(" / ")}.${bundle ? "" : "\nTask-pane bundle size: run `npm run build` first."}

${table.join("\n")}

The Office.js rows run the real renderer against the stateful fake (test/fakes/office-fake.ts),
which counts the syncs and measures each request and response as JSON: every action takes its
fixed syncs plus one per ~4 MB, and no sync goes over Excel on the web's 5 MB.
The 2,000-task plan is generated with the \`docx\` library (test/bench/make-plan-docx.ts).
The PDF rows: the same generator's plan of 275 tasks printed by LibreOffice headless (~40 pages),
read in-process and by \`phuluc import\` (its own CPU time beside the wall time).
The consolidation rows: 60 agency workbooks of 300 lead rows each, distributed from an empty
18,000-row master and filled in by the agencies (every row reports a status, 22,500 cells change),
consolidated into that master (read with the
values-only reader, matched by identity, merged, rolled up); "chỉ mở" loads the same 60 files with
exceljs in the same run. Peak memory: heap growth over one run and the process RSS.
The rows marked "phuluc …" run the real CLI (bin/phuluc.js, the bundled build) in its own
process and read that process's CPU time and peak RSS from inside it (test/bench/measure-process.ts);
"chỉ mở" is a process that only opens the same files with exceljs (test/bench/open-with-exceljs.cjs).
Ratios are of CPU time, which other work on the machine disturbs less than wall time. The province
master is 60 agencies × 300 tasks (18,000 rows, test/bench/province-bench.ts). The two import rows
alone: \`npm run bench:import\` (test/bench/import-bench.ts), printed, this file left as it is.
The three consolidation figures of issue 16 (16 × 300 against merely opening, 60 × 300 in the CLI
and in the pane's file mode) alone: \`npm run bench:consolidate\` (test/bench/consolidate-bench.ts).
`;
  writeFileSync(path.join(root, "docs", "BENCHMARKS.md"), md);
  console.log(md);
}

/**
 * The November job: 60 agency workbooks × 300 lead rows, distributed from an empty master and
 * filled in by the agencies (consolidate-bench.ts), consolidated into that master. Compared with merely opening the same 60 files with exceljs, in the same run.
 */
async function consolidationBench(): Promise<string[][]> {
  const m = masters(60, 300);
  const files: { file: string; bytes: Uint8Array }[] = [];
  for (const { agency, spec } of returnedWorkbooks(m))
    files.push({ file: `${agency}.xlsx`, bytes: await writeWorkbook(spec) });
  const empty = m.empty;
  const run = async () => {
    const returned = [];
    for (const f of files) returned.push(await readReturnedFile(f));
    return consolidate(empty, returned, {
      year: 2026,
      date: "2026-12-15",
      consolidatedAt: "2026-12-15 08:00",
      previousIntake: [],
      previousContributions: [],
    });
  };
  const open = async () => {
    for (const f of files)
      await new ExcelJS.Workbook().xlsx.load(f.bytes as unknown as ExcelJS.Buffer);
  };
  const check = await run();
  const merged = check.report.received.reduce((n, r) => n + r.matched, 0);
  if (check.report.received.length !== 60 || merged !== 18000 || check.changes.length < 18000)
    throw new Error(`consolidation bench: ${check.report.received.length} files, ${merged} rows`);
  const tOpen = await median(3, open);
  const tRun = await median(3, run);
  const heap = await heapGrowth(run);
  const size = files.reduce((n, f) => n + f.bytes.length, 0);
  return [
    [
      "Chỉ mở 60 tệp đơn vị × 300 dòng bằng exceljs (mốc so sánh)",
      `${ms(tOpen)} ms`,
      `${mb(size)} MB .xlsx tổng cộng`,
    ],
    [
      "**Tổng hợp 60 tệp đơn vị × 300 dòng** (đọc + khớp + gộp, mục tiêu < 2 s, ≤ 1,5 × chỉ mở)",
      `**${ms(tRun)} ms**`,
      `**${(tRun / tOpen).toFixed(2).replace(".", ",")} × chỉ mở**; ${check.changes.length} ô thay đổi; heap +${mb(heap)} MB, RSS ${mb(process.memoryUsage().rss)} MB`,
    ],
  ];
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
