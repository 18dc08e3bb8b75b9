/**
 * Phụ lục tables laid out as other provinces lay them out, written by python-docx
 * (layouts/make_layouts.py) and imported by core as the CLI and the pane do: every task once,
 * with its own text, lead, partners, time and extra columns, whatever the header's shape, the
 * columns' order, the page the table is cut at, or a table nested in a cell.
 */
import path from "node:path";
import { readFileSync } from "node:fs";
import { itWithTools, runPythonFile, tempDir } from "../helpers/tools";
import { importPlan } from "../../src/core/import/import-plan";
import type { ImportResult } from "../../src/core/model";

const MAKE = path.join(__dirname, "layouts", "make_layouts.py");

async function importLayout(variant: string): Promise<ImportResult> {
  const file = runPythonFile<string>(MAKE, [tempDir("layouts"), variant]);
  return importPlan({ kind: "docx", bytes: readFileSync(file), fileName: path.basename(file) });
}

/** The tasks of make_layouts.py's T, as every variant must give them. */
const TASKS = [
  [
    "Tuyên truyền tiềm năng của tỉnh trên báo chí",
    ["Sở Văn hóa, Thể thao và Du lịch"],
    ["Sở Ngoại vụ"],
    "Quý I/2026",
    "2026-03-31",
  ],
  [
    "Tổ chức hội nghị xúc tiến đầu tư",
    ["Sở Tài chính"],
    ["Sở Ngoại vụ", "Công an tỉnh"],
    "Tháng 6/2026",
    "2026-06-30",
  ],
  [
    "Quản lý phóng viên nước ngoài đến tỉnh",
    ["Công an tỉnh"],
    ["Sở Ngoại vụ"],
    "Quý III/2026",
    "2026-09-30",
  ],
  [
    "Biên soạn tài liệu giới thiệu về tỉnh",
    ["Sở Ngoại vụ"],
    ["Sở Tài chính"],
    "Tháng 9/2026",
    "2026-09-30",
  ],
];

const summary = (r: ImportResult) =>
  r.tasks.map((t) => [
    t.title,
    t.lead.map((a) => a.name),
    t.partners.map((a) => a.name),
    t.timeText,
    t.schedule.finalDeadline,
  ]);
/** Codes other than "no group row" (these tables have none, on purpose). */
const codes = (r: ImportResult) =>
  r.findings.map((f) => f.code).filter((c) => c !== "TASK_WITHOUT_GROUP");

describe("headers as other provinces shape them", () => {
  for (const [variant, what] of [
    [
      "two-row-header",
      "'Đơn vị thực hiện' over 'Chủ trì'/'Phối hợp', 'Thời gian' over 'Bắt đầu'/'Hoàn thành'",
    ],
    ["partners-first", "'phối hợp' before 'chủ trì', time named 'Tiến độ'"],
    ["deadline-named", "time named 'Thời hạn hoàn thành'"],
    ["no-diacritics", "headers typed without diacritics ('Don vi chu tri')"],
    ["typos", "headers with typos ('S TT', 'Nhiêm vụ', 'Đơn vi chủ tri', 'Thơi gian')"],
  ] as const) {
    itWithTools(["python3-openpyxl"], `${what}: every task with its own cells`, async () => {
      const r = await importLayout(variant);
      expect(summary(r)).toEqual(TASKS);
      expect(codes(r)).toEqual([]);
    });
  }
});

describe("a table nested in a task cell", () => {
  itWithTools(
    ["python3-openpyxl"],
    "its rows are lines of the task, never dropped; the other tasks as they are",
    async () => {
      const r = await importLayout("nested-table");
      expect(r.tasks.map((t) => t.title)).toEqual([
        TASKS[0]![0],
        "Tổ chức hội nghị xúc tiến đầu tư:\nHội nghị tại Hà Nội | Quý II\n" +
          "Hội nghị tại TP. Hồ Chí Minh | Quý IV",
        TASKS[2]![0],
        TASKS[3]![0],
      ]);
      expect(summary(r).map((t) => t.slice(1))).toEqual(TASKS.map((t) => t.slice(1)));
    }
  );
});
