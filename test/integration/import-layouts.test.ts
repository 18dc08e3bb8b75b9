/**
 * Phụ lục tables laid out as other provinces lay them out, written by python-docx
 * (layouts/make_layouts.py) and imported by core as the CLI and the pane do: every task once,
 * with its own text, lead, partners, time and extra columns, whatever the header's shape, the
 * columns' order, the page the table is cut at, or a table nested in a cell.
 */
import path from "node:path";
import { readFileSync } from "node:fs";
import {
  itWithTools,
  runPythonFile,
  sofficeConvert,
  sofficeConvertAll,
  tempDir,
} from "../helpers/tools";
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

describe("extra columns", () => {
  itWithTools(
    ["python3-openpyxl"],
    "'Sản phẩm / Kết quả đầu ra', 'Kinh phí', 'Ghi chú' kept by their headers for each task",
    async () => {
      const r = await importLayout("extra-columns");
      expect(summary(r)).toEqual(TASKS);
      expect(r.extraColumns).toEqual([
        "Sản phẩm / Kết quả đầu ra",
        "Kinh phí (triệu đồng)",
        "Ghi chú",
      ]);
      expect(r.tasks.map((t) => Object.values(t.extra))).toEqual(
        [1, 2, 3, 4].map((k) => [`Sản phẩm ${k}`, String(100 * k), `Ghi chú ${k}`])
      );
      expect(codes(r)).toEqual([]);
    }
  );
});

describe("a table cut at a page into two Word tables", () => {
  for (const [variant, what] of [
    ["split-no-header", "the second without a header"],
    ["split-header-again", "the header and its row of column numbers typed again"],
    ["split-two-row-header", "a two-row header's first row alone typed again"],
  ] as const) {
    itWithTools(["python3-openpyxl"], `${what}: one table, every task once`, async () => {
      const r = await importLayout(variant);
      expect(summary(r)).toEqual(TASKS);
      expect(r.tasks.map((t) => t.stt)).toEqual(["1", "2", "3", "4"]);
      expect(codes(r)).toEqual([]);
    });
  }
});

describe("cells merged down", () => {
  itWithTools(
    ["python3-openpyxl"],
    "one STT over two rows naming their own lead and time: two tasks 1a, 1b; one lead over two tasks: each",
    async () => {
      const r = await importLayout("merged-stt-lead");
      expect(r.tasks.map((t) => [t.key, t.stt])).toEqual([
        ["T1a", "1"],
        ["T1b", "1"],
        ["T2", "2"],
        ["T3", "3"],
      ]);
      // Rows 3 and 4 share the lead cell "Sở Ngoại vụ".
      expect(summary(r)).toEqual([
        TASKS[0],
        TASKS[1],
        [TASKS[2]![0], ["Sở Ngoại vụ"], ...TASKS[2]!.slice(2)],
        TASKS[3],
      ]);
      expect(codes(r)).toEqual([]);
    }
  );

  itWithTools(
    ["python3-openpyxl"],
    "STT, lead, partners and time merged down beside a cell's lines: one row, read as typed in one cell",
    async () => {
      const r = await importLayout("merged-lines");
      expect(r.tasks.map((t) => [t.key, t.title, t.lead.map((a) => a.name), t.timeText])).toEqual([
        ["T1a", "Tuyên truyền trên: Báo in", ["Sở Văn hóa, Thể thao và Du lịch"], "Quý I/2026"],
        [
          "T1b",
          "Tuyên truyền trên: Báo điện tử.",
          ["Sở Văn hóa, Thể thao và Du lịch"],
          "Quý I/2026",
        ],
        ["T2", TASKS[1]![0], ["Sở Tài chính"], "Tháng 6/2026"],
      ]);
      // Its "- " lines with one lead for all: split as typed bullets are, and said so.
      expect(codes(r)).toEqual(["BULLETS_SPLIT"]);
    }
  );
});

describe("no word of the table dropped without a finding", () => {
  itWithTools(
    ["python3-openpyxl"],
    "text under no header, and a note beside a group's title, are named where they are",
    async () => {
      const r = await importLayout("stray-text");
      expect(summary(r)).toEqual(TASKS);
      const lost = r.findings.filter((f) => f.code === "TEXT_NOT_IMPORTED");
      expect(lost.map((f) => [f.location.row, f.subject])).toEqual([
        [2, "Ưu tiên hàng đầu"],
        [4, "Đã bố trí kinh phí"],
      ]);
      expect(lost[1]!.message).toContain("(cột không có tiêu đề)");
    }
  );

  itWithTools(
    ["python3-openpyxl", "soffice"],
    "every line LibreOffice shows in the table reaches a task, a group or a finding",
    async () => {
      for (const variant of ["nested-table", "merged-stt-lead", "stray-text", "two-row-header"]) {
        const file = runPythonFile<string>(MAKE, [tempDir("layouts"), variant]);
        const r = await importPlan({ kind: "docx", bytes: readFileSync(file), fileName: "p.docx" });
        const text = readFileSync(sofficeConvert(file, "txt:Text"), "utf8");
        // The table's lines: after the heading "(Kèm theo …)", LibreOffice writes a cell a line.
        const lines = text
          .split("\n")
          .slice(text.split("\n").findIndex((l) => l.startsWith("(Kèm theo")) + 1)
          .map((l) => l.trim())
          .filter((l) => l !== "");
        const reached = [
          ...r.tasks.flatMap((t) => [
            t.stt,
            t.title,
            t.leadText ?? "",
            t.partnersText ?? "",
            t.timeText,
            ...Object.values(t.extra),
          ]),
          ...r.groups.flatMap((g) => [g.stt, g.title]),
          ...r.findings.map((f) => f.message),
          ...Object.values(r.plan.headers ?? {}),
          ...r.extraColumns,
        ].join("\n");
        const fold = (s: string) => s.replace(/\s+/g, " ");
        // Each cell's text (nested rows: each of its cells) is found as written.
        const missing = lines
          .flatMap((l) => l.split(" | "))
          .filter((l) => !fold(reached).includes(fold(l)));
        expect([variant, missing]).toEqual([variant, []]);
      }
    }
  );
});

describe("the same plans as web pages (pasted HTML)", () => {
  itWithTools(
    ["python3-openpyxl", "soffice"],
    "LibreOffice's HTML of every layout gives the tasks the .docx gives",
    async () => {
      const dir = tempDir("layouts");
      const variants = ["merged-stt-lead", "nested-table", "split-two-row-header", "stray-text"];
      const files = variants.map((v) => runPythonFile<string>(MAKE, [dir, v]));
      const pages = sofficeConvertAll(files, "html");
      const tasks = (r: ImportResult) =>
        r.tasks.map((t) => [t.key, t.title, t.leadText, t.partnersText, t.timeText]);
      for (const file of files) {
        const page = pages.find((p) => path.basename(p) === path.basename(file, ".docx") + ".html");
        const docx = await importPlan({ kind: "docx", bytes: readFileSync(file), fileName: "p" });
        const html = await importPlan({ kind: "html", html: readFileSync(page ?? "", "utf8") });
        expect([file, tasks(html)]).toEqual([file, tasks(docx)]);
        expect(codes(html).sort()).toEqual(codes(docx).sort());
      }
    }
  );
});

describe("two task columns", () => {
  itWithTools(
    ["python3-openpyxl"],
    "'Nhiệm vụ' merged over its 'Nội dung thực hiện': each task titled by both, told apart",
    async () => {
      const r = await importLayout("two-task-columns");
      expect(summary(r)).toEqual([
        ["Tuyên truyền đối ngoại: Đăng tin trên báo", ...TASKS[0]!.slice(1)],
        ["Tuyên truyền đối ngoại: Làm phóng sự", ...TASKS[1]!.slice(1)],
        ["Xúc tiến đầu tư", ...TASKS[2]!.slice(1)],
      ]);
      expect(r.extraColumns).toEqual(["Kinh phí thực hiện nhiệm vụ"]);
      expect(codes(r)).toEqual([]);
    }
  );
});
