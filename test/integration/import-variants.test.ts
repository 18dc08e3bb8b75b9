/**
 * Phụ lục tables as other provinces write them (headings, header rows, groups), written by
 * python-docx and imported by the CLI: every task arrives once, with its text, lead, partners
 * and the time that is its deadline; no header or group row becomes a task.
 */
import path from "node:path";
import { itWithTools, runPython, tempDir } from "../helpers/tools";
import { importJson, type JsonResult } from "../helpers/import-json";
import { phuluc } from "../helpers/phuluc-cli";

/** One table: its rows (null: a cell left as python-docx made it), merges [r1, c1, r2, c2]. */
interface TableSpec {
  /** Paragraphs written before the table (a group heading, a page break as "\f"). */
  before?: string[];
  rows: (string | null)[][];
  merges?: [number, number, number, number][];
}

const SCRIPT = `
import sys, json
from docx import Document
from docx.enum.text import WD_BREAK
spec = json.loads(sys.argv[2])
d = Document()
for l in ["ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG", "Số: 88/KH-UBND", "Tuyên Quang, ngày 10 tháng 01 năm 2026",
          "KẾ HOẠCH", "Thông tin đối ngoại tỉnh Tuyên Quang năm 2026", "PHỤ LỤC",
          "(Kèm theo Kế hoạch số 88/KH-UBND ngày 10/01/2026 của UBND tỉnh Tuyên Quang)"]:
    d.add_paragraph(l)
for tspec in spec:
    for l in tspec.get("before", []):
        if l == "\\f": d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        else: d.add_paragraph(l)
    rows = tspec["rows"]
    t = d.add_table(rows=0, cols=len(rows[0]))
    for values in rows:
        cells = t.add_row().cells
        for i, v in enumerate(values):
            if v is None: continue
            lines = v.split("\\n")
            cells[i].paragraphs[0].text = lines[0]
            for l in lines[1:]: cells[i].add_paragraph(l)
    for r1, c1, r2, c2 in tspec.get("merges", []):
        first = t.cell(r1, c1).text
        m = t.cell(r1, c1).merge(t.cell(r2, c2))
        for p in m.paragraphs[1:]: p._element.getparent().remove(p._element)
        m.paragraphs[0].text = first
d.save(sys.argv[1]); print("1")
`;

function importTables(name: string, tables: TableSpec[]): JsonResult {
  const file = path.join(tempDir("variants"), `${name}.docx`);
  runPython(SCRIPT, [file, JSON.stringify(tables)]);
  return importJson(file);
}

/** Task rows: STT, task, lead, partners, time. */
const TASKS = [
  ["Tuyên truyền tiềm năng của tỉnh", "Sở Ngoại vụ", "Công an tỉnh", "Quý I/2026"],
  ["Tổ chức hội nghị xúc tiến đầu tư", "Sở Tài chính", "Sở Ngoại vụ", "Tháng 6/2026"],
  ["Quản lý phóng viên nước ngoài", "Công an tỉnh", "Sở Ngoại vụ", "Quý III năm 2026"],
] as const;

const summary = (r: JsonResult) =>
  r.tasks.map((t) => [t.title, t.lead, t.partners, t.timeText, t.deadline]);
const EXPECTED = [
  [
    "Tuyên truyền tiềm năng của tỉnh",
    ["Sở Ngoại vụ"],
    ["Công an tỉnh"],
    "Quý I/2026",
    "2026-03-31",
  ],
  [
    "Tổ chức hội nghị xúc tiến đầu tư",
    ["Sở Tài chính"],
    ["Sở Ngoại vụ"],
    "Tháng 6/2026",
    "2026-06-30",
  ],
  [
    "Quản lý phóng viên nước ngoài",
    ["Công an tỉnh"],
    ["Sở Ngoại vụ"],
    "Quý III năm 2026",
    "2026-09-30",
  ],
];

describe("phụ lục variants from other provinces", () => {
  itWithTools(
    ["python3-openpyxl"],
    "'Bắt đầu' / 'Hoàn thành' under a merged 'Thời gian thực hiện': the deadline is the end, in every table",
    async () => {
      const header = [
        ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện", ""],
        ["", "", "", "", "Bắt đầu", "Hoàn thành"],
      ];
      const merges: TableSpec["merges"] = [
        [0, 4, 0, 5],
        [0, 0, 1, 0],
        [0, 1, 1, 1],
        [0, 2, 1, 2],
        [0, 3, 1, 3],
      ];
      const row = (i: number) => {
        const [title, lead, partners, time] = TASKS[i]!;
        return [String(i + 1), title, lead, partners, "2026", time];
      };
      const r = importTables("time-subcolumns", [
        { rows: [...header, row(0), row(1)], merges },
        { before: ["\f"], rows: [...header, row(2)], merges },
      ]);
      expect(summary(r)).toEqual(EXPECTED);
      expect(r.findings.map((f) => f.code)).not.toContain("LEAD_MISSING");
    }
  );

  itWithTools(
    ["python3-openpyxl"],
    "'Thời gian bắt đầu' before 'Thời gian hoàn thành': the deadline is the end; the start kept",
    async () => {
      const r = importTables("time-start-end", [
        {
          rows: [
            [
              "STT",
              "Nội dung công việc",
              "Cơ quan chủ trì",
              "Cơ quan phối hợp",
              "Thời gian bắt đầu",
              "Thời gian hoàn thành",
            ],
            ...TASKS.map(([title, lead, partners, time], i) => [
              String(i + 1),
              title,
              lead,
              partners,
              "2026",
              time,
            ]),
          ],
        },
      ]);
      expect(summary(r)).toEqual(EXPECTED);
    }
  );
});

/** Task rows under the STTs given, the header first. */
const H5 = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"];
const taskRow = (stt: string, i: number) => [stt, ...TASKS[i]!];
const groupRow = (stt: string, title: string) => [stt, title, "", "", ""];
const placed = (r: JsonResult) => r.tasks.map((t) => [t.key, t.group, t.title]);

describe("validate on the workbook of such a plan", () => {
  itWithTools(
    ["python3-openpyxl"],
    "numbers restarting under each Roman group and '-' sub-items are no duplicate STT",
    async () => {
      const dir = tempDir("variants");
      const plan = path.join(dir, "restart.docx");
      const rows = [
        H5,
        groupRow("I", "TUYÊN TRUYỀN"),
        taskRow("1", 0),
        groupRow("II", "QUẢNG BÁ"),
        taskRow("1", 1),
        groupRow("III", "HỘI NGHỊ"),
        taskRow("-", 2),
        taskRow("-", 0),
      ];
      runPython(SCRIPT, [plan, JSON.stringify([{ rows }])]);
      const book = path.join(dir, "restart.xlsx");
      expect(phuluc(["import", plan, "-o", book, "--year", "2026"]).code).toBe(0);
      const v = phuluc(["validate", book, "--year", "2026", "--json"]);
      expect(v.stdout).toContain('"findings"');
      expect(v.stdout).not.toContain("STT_DUPLICATE");
    }
  );
});

describe("column headings as other provinces write them", () => {
  itWithTools(
    ["python3-openpyxl"],
    "'Tên chương trình, đề án' is the task; 'Hạn hoàn thành', 'Năm thực hiện', 'Lộ trình' the time",
    async () => {
      for (const time of ["Hạn hoàn thành", "Năm thực hiện", "Lộ trình thực hiện"]) {
        const r = importTables("headings", [
          {
            rows: [
              ["TT", "Tên chương trình, đề án", "Cơ quan chủ trì", "Cơ quan phối hợp", time],
              ...TASKS.map((t, i) => [String(i + 1), ...t]),
            ],
          },
        ]);
        expect([time, summary(r)]).toEqual([time, EXPECTED]);
      }
    }
  );
});

describe("group rows as other provinces write them: groups, never tasks", () => {
  itWithTools(
    ["python3-openpyxl"],
    "'A', 'B', 'C' sections above Roman groups and numbered tasks ('C' is not a Roman hundred)",
    async () => {
      const r = importTables("sections", [
        {
          rows: [
            H5,
            groupRow("A", "NHIỆM VỤ CHUNG"),
            groupRow("I", "Tuyên truyền"),
            taskRow("1", 0),
            groupRow("B", "NHIỆM VỤ CỤ THỂ"),
            taskRow("1", 1),
            groupRow("C", "NHIỆM VỤ KHÁC"),
            taskRow("1", 2),
          ],
        },
      ]);
      expect(r.groups.map((g) => [g.stt, g.title])).toEqual([
        ["A", "NHIỆM VỤ CHUNG"],
        ["I", "Tuyên truyền"],
        ["B", "NHIỆM VỤ CỤ THỂ"],
        ["C", "NHIỆM VỤ KHÁC"],
      ]);
      expect(placed(r)).toEqual([
        ["T1", "I", TASKS[0][0]],
        ["TB.1", "B", TASKS[1][0]],
        ["TC.1", "C", TASKS[2][0]],
      ]);
      expect(r.findings.map((f) => f.code)).not.toContain("LEAD_MISSING");
    }
  );

  itWithTools(
    ["python3-openpyxl"],
    "unnumbered group rows (merged across, or in capitals) are numbered (1), (2)",
    async () => {
      const r = importTables("unnumbered-groups", [
        {
          rows: [
            H5,
            ["Nhóm nhiệm vụ 1: Tuyên truyền", "", "", "", ""],
            taskRow("1", 0),
            groupRow("", "CÔNG TÁC XÚC TIẾN"),
            taskRow("2", 1),
            taskRow("3", 2),
          ],
          merges: [[1, 0, 1, 4]],
        },
      ]);
      expect(r.groups.map((g) => [g.stt, g.title])).toEqual([
        ["(1)", "Nhóm nhiệm vụ 1: Tuyên truyền"],
        ["(2)", "CÔNG TÁC XÚC TIẾN"],
      ]);
      expect(placed(r)).toEqual([
        ["T1", "(1)", TASKS[0][0]],
        ["T2", "(2)", TASKS[1][0]],
        ["T3", "(2)", TASKS[2][0]],
      ]);
      expect(r.findings.map((f) => f.code)).toEqual([]);
    }
  );

  itWithTools(
    ["python3-openpyxl"],
    "a numbered row with no agency above 'a)' or '-' rows is their group, not a task",
    async () => {
      const r = importTables("sub-items", [
        {
          rows: [
            H5,
            groupRow("1", "Tuyên truyền đối ngoại"),
            taskRow("a)", 0),
            taskRow("b)", 1),
            groupRow("2", "Quản lý"),
            taskRow("-", 2),
          ],
        },
      ]);
      expect(r.groups.map((g) => [g.stt, g.title])).toEqual([
        ["1", "Tuyên truyền đối ngoại"],
        ["2", "Quản lý"],
      ]);
      expect(placed(r)).toEqual([
        ["T1.a", "1", TASKS[0][0]],
        ["T1.b", "1", TASKS[1][0]],
        ["T2.(1)", "2", TASKS[2][0]],
      ]);
      expect(r.findings.map((f) => f.code)).toEqual([]);
    }
  );
});

describe("one table per group", () => {
  itWithTools(
    ["python3-openpyxl"],
    "the heading above each table is its group; numbering restarting in each is no duplicate",
    async () => {
      const r = importTables("table-per-group", [
        { before: ["I. TUYÊN TRUYỀN"], rows: [H5, taskRow("1", 0), taskRow("2", 1)] },
        { before: ["\f", "II. QUẢNG BÁ"], rows: [H5, taskRow("1", 2)] },
      ]);
      expect(r.groups.map((g) => [g.stt, g.title])).toEqual([
        ["I", "TUYÊN TRUYỀN"],
        ["II", "QUẢNG BÁ"],
      ]);
      expect(placed(r)).toEqual([
        ["T1", "I", TASKS[0][0]],
        ["T2", "I", TASKS[1][0]],
        ["TII.1", "II", TASKS[2][0]],
      ]);
      expect(r.findings.map((f) => f.code)).toEqual([]);
    }
  );
});

/** A sheet holding the whole plan, as Excel or LibreOffice open its web page: lines in column A. */
const WHOLE_PLAN_SHEET = `
import sys, json, openpyxl
lines = json.loads(sys.argv[2])
wb = openpyxl.Workbook(); ws = wb.active
for r, row in enumerate(lines, start=1):
    for c, v in enumerate(row, start=1):
        if v: ws.cell(r, c).value = v
for rng in json.loads(sys.argv[3]): ws.merge_cells(rng)
wb.save(sys.argv[1]); print("1")
`;

describe("a sheet holding the whole plan", () => {
  itWithTools(
    ["python3-openpyxl"],
    "group headings as lines, a two-row header typed again, '(tiếp theo)', then PHỤ LỤC II too",
    async () => {
      const header = [
        ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện", ""],
        ["", "", "", "", "Bắt đầu", "Hoàn thành"],
      ];
      const row = (stt: string, i: number) => [stt, ...TASKS[i]!.slice(0, 3), "2026", TASKS[i]![3]];
      const lines = [
        ["ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG"],
        ["Số: 88/KH-UBND"],
        ["KẾ HOẠCH"],
        ["Thông tin đối ngoại tỉnh Tuyên Quang năm 2026"],
        ["PHỤ LỤC"],
        ["(Kèm theo Kế hoạch số 88/KH-UBND ngày 10/01/2026 của UBND tỉnh Tuyên Quang)"],
        ["I. TUYÊN TRUYỀN"],
        ...header,
        row("1", 0),
        ["(tiếp theo)"],
        ...header,
        row("2", 1),
        ["II. QUẢNG BÁ"],
        row("3", 2),
        ["PHỤ LỤC II"],
        ["DANH MỤC ĐỀ ÁN"],
        ...header,
        row("1", 0),
      ];
      // Each header's "Thời gian thực hiện" over its two columns, STT..partners over two rows.
      const merges = [8, 12, 19].flatMap((r) => [
        `E${r}:F${r}`,
        ...["A", "B", "C", "D"].map((c) => `${c}${r}:${c}${r + 1}`),
      ]);
      const file = path.join(tempDir("variants"), "whole-plan.xlsx");
      runPython(WHOLE_PLAN_SHEET, [file, JSON.stringify(lines), JSON.stringify(merges)]);
      const r = importJson(file);
      // Phụ lục II is imported too, under its own group, and said so.
      expect(r.groups.map((g) => [g.stt, g.title])).toEqual([
        ["PL I – I", "TUYÊN TRUYỀN"],
        ["PL I – II", "QUẢNG BÁ"],
        ["PL II", "DANH MỤC ĐỀ ÁN"],
      ]);
      expect(summary(r)).toEqual([...EXPECTED, EXPECTED[0]]);
      expect(r.tasks.map((t) => t.key)).toEqual(["T1", "T2", "T3", "PL2-T1"]);
      expect(r.findings.map((f) => f.code)).toEqual(["EXTRA_APPENDIX_IMPORTED", "NOTE_ROW"]);
    }
  );
});

describe("a plan with a second phụ lục", () => {
  itWithTools(
    ["python3-openpyxl"],
    "Phụ lục II is imported under groups of its own, with keys of its own, and the officer told",
    async () => {
      const appendix2 = [
        "PHỤ LỤC II",
        "DANH MỤC ĐỀ ÁN TRỌNG TÂM",
        "(Kèm theo Kế hoạch số 88/KH-UBND ngày 10/01/2026 của UBND tỉnh Tuyên Quang)",
      ];
      const dir = tempDir("variants");
      const plan = path.join(dir, "two-appendices.docx");
      runPython(SCRIPT, [
        plan,
        JSON.stringify([
          {
            rows: [H5, ["I", "TUYÊN TRUYỀN", "", "", ""], ["1", ...TASKS[0]!], ["2", ...TASKS[1]!]],
          },
          {
            before: appendix2,
            rows: [
              ["STT", "Tên đề án", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
              [
                "1",
                "Đề án quảng bá hình ảnh tỉnh",
                "Sở Văn hóa, Thể thao và Du lịch",
                "",
                "Quý IV/2026",
              ],
              ["2", ...TASKS[2]!],
            ],
          },
        ]),
      ]);
      const r = importJson(plan);
      expect(r.groups.map((g) => [g.stt, g.title])).toEqual([
        ["PL I – I", "TUYÊN TRUYỀN"],
        ["PL II", "DANH MỤC ĐỀ ÁN TRỌNG TÂM"],
      ]);
      expect(r.tasks.map((t) => [t.key, t.stt, t.group, t.title, t.deadline])).toEqual([
        ["T1", "1", "PL I – I", TASKS[0]![0], "2026-03-31"],
        ["T2", "2", "PL I – I", TASKS[1]![0], "2026-06-30"],
        ["PL2-T1", "1", "PL II", "Đề án quảng bá hình ảnh tỉnh", "2026-12-31"],
        ["PL2-T2", "2", "PL II", TASKS[2]![0], "2026-09-30"],
      ]);
      const told = r.findings.filter((f) => f.code === "EXTRA_APPENDIX_IMPORTED");
      expect(told.map((f) => f.message)).toEqual([
        expect.stringMatching(
          /Phụ lục I .*2 nhiệm vụ.*Phụ lục II "DANH MỤC ĐỀ ÁN TRỌNG TÂM".*2 nhiệm vụ/
        ),
      ]);
      expect(r.findings.map((f) => f.code)).not.toContain("EXTRA_TABLE_IGNORED");
      expect(r.findings.map((f) => f.code)).not.toContain("TASK_WITHOUT_GROUP");
      // The workbook written from it checks clean: no STT repeated across the two appendices.
      const book = path.join(dir, "two-appendices.xlsx");
      expect(phuluc(["import", plan, "-o", book, "--year", "2026"]).code).toBe(0);
      const v = phuluc(["validate", book, "--year", "2026", "--json"]);
      const codes = (JSON.parse(v.stdout) as JsonResult).findings.map((f) => f.code);
      expect(codes).not.toContain("STT_DUPLICATE");
      expect(codes).not.toContain("STT_GROUP_MISMATCH");
    }
  );
});

describe("one column for both roles", () => {
  itWithTools(
    ["python3-openpyxl"],
    "'Chủ trì: …' / 'Phối hợp: …' or '… chủ trì, phối hợp với …' in 'Cơ quan thực hiện': partners do not lead",
    async () => {
      const r = importTables("roles-in-one-cell", [
        {
          rows: [
            ["STT", "Nhiệm vụ", "Cơ quan thực hiện", "Thời gian"],
            ["1", TASKS[0][0], "Chủ trì: Sở Ngoại vụ\nPhối hợp: Công an tỉnh", TASKS[0][3]],
            ["2", TASKS[1][0], "Sở Tài chính chủ trì, phối hợp với Sở Ngoại vụ", TASKS[1][3]],
            ["3", TASKS[2][0], "- Chủ trì: Công an tỉnh;\n- Phối hợp: Sở Ngoại vụ.", TASKS[2][3]],
          ],
        },
      ]);
      expect(summary(r)).toEqual(EXPECTED);
    }
  );
});

describe("bullets inside a task cell", () => {
  itWithTools(
    ["python3-openpyxl"],
    "'+' sub-bullets under a '-' bullet belong to it: one task per '-' bullet",
    async () => {
      const r = importTables("nested-bullets", [
        {
          rows: [
            H5,
            [
              "1",
              "Tuyên truyền đối ngoại:\n- Trên báo chí:\n+ Báo in;\n+ Báo điện tử;\n- Trên mạng xã hội.",
              "Sở Ngoại vụ",
              "Công an tỉnh",
              "- Quý I/2026\n- Quý III/2026",
            ],
          ],
        },
      ]);
      expect(r.tasks.map((t) => [t.key, t.title, t.timeText])).toEqual([
        ["T1a", "Tuyên truyền đối ngoại: Trên báo chí: Báo in; Báo điện tử", "Quý I/2026"],
        ["T1b", "Tuyên truyền đối ngoại: Trên mạng xã hội.", "Quý III/2026"],
      ]);
      expect(r.findings.map((f) => f.code)).not.toContain("BULLET_MISMATCH");
      // The time column's bullets say they are two tasks: nothing to ask.
      expect(r.findings.map((f) => f.code)).not.toContain("BULLETS_SPLIT");
    }
  );
});

describe("rows under the tasks that are not tasks", () => {
  itWithTools(
    ["python3-openpyxl"],
    "a total row and a note merged across are said, not imported as tasks without a lead",
    async () => {
      const r = importTables("notes", [
        {
          rows: [
            H5,
            taskRow("1", 0),
            taskRow("2", 1),
            ["", "Tổng cộng: 02 nhiệm vụ", "", "", ""],
            ["Ghi chú: các cơ quan báo cáo trước ngày 15/12 hằng năm.", "", "", "", ""],
          ],
          merges: [[4, 0, 4, 4]],
        },
      ]);
      expect(r.tasks.map((t) => t.title)).toEqual([TASKS[0][0], TASKS[1][0]]);
      const notes = r.findings.filter((f) => f.code === "NOTE_ROW");
      expect(notes.map((f) => f.message)).toEqual([
        expect.stringContaining('"Tổng cộng: 02 nhiệm vụ"'),
        expect.stringContaining('"Ghi chú: các cơ quan báo cáo trước ngày 15/12 hằng năm."'),
      ]);
      expect(r.findings.map((f) => f.code)).not.toContain("LEAD_MISSING");
    }
  );
});

describe("time as other provinces write it", () => {
  itWithTools(
    ["python3-openpyxl"],
    "a day written out in words, half years and spans of months give their own deadline",
    async () => {
      const times = [
        ["Trước ngày 15 tháng 12 hằng năm", "2026-12-15"],
        ["Trước ngày 30 tháng 9 năm 2026", "2026-09-30"],
        ["6 tháng đầu năm", "2026-06-30"],
        ["Từ tháng 3 đến tháng 6/2026", "2026-06-30"],
      ];
      const r = importTables("time-words", [
        {
          rows: [
            H5,
            ...times.map(([time], i) => [
              String(i + 1),
              `Nhiệm vụ ${i + 1}`,
              "Sở Ngoại vụ",
              "",
              time!,
            ]),
          ],
        },
      ]);
      expect(r.tasks.map((t) => [t.timeText, t.deadline])).toEqual(times);
      expect(r.findings.map((f) => f.code)).not.toContain("SCHEDULE_UNPARSED");
    }
  );

  itWithTools(
    ["python3-openpyxl"],
    "spans, starts and ends of months or quarters: the end is the deadline; a slip is kept and flagged",
    async () => {
      const times: [string, string | null][] = [
        ["Tháng 3-6/2026", "2026-06-30"],
        ["Từ tháng 3/2026 đến tháng 6/2026", "2026-06-30"],
        ["Từ tháng 3/2026", "2026-12-31"],
        ["Trước 30/6/2026", "2026-06-30"],
        ["Quý I-II/2026", "2026-06-30"],
        ["6 tháng đầu năm 2026", "2026-06-30"],
        ["Đến hết tháng 9/2026", "2026-09-30"],
        ["Từ tháng 7/2026 đến tháng 3/2026", null],
        ["Đầu năm 2026", null],
      ];
      const dir = tempDir("variants");
      const plan = path.join(dir, "time-spans.docx");
      const rows = times.map(([t], i) => [String(i + 1), `Nhiệm vụ ${i + 1}`, "Sở Tư pháp", "", t]);
      runPython(SCRIPT, [plan, JSON.stringify([{ rows: [H5, ...rows] }])]);
      const r = importJson(plan);
      expect(r.tasks.map((t) => [t.timeText, t.deadline])).toEqual(times);
      const unread = r.findings.filter((f) => f.code === "SCHEDULE_UNPARSED");
      expect(unread.map((f) => f.message)).toEqual([
        expect.stringMatching(/dòng 9, cột "Thời gian thực hiện".*nhiệm vụ 8/),
        expect.stringMatching(/dòng 10, cột "Thời gian thực hiện".*nhiệm vụ 9/),
      ]);
      // The workbook's own check reads the times as the import did.
      const book = path.join(dir, "time-spans.xlsx");
      expect(phuluc(["import", plan, "-o", book, "--year", "2026"]).code).toBe(0);
      const v = phuluc(["validate", book, "--year", "2026", "--json"]);
      const flagged = (JSON.parse(v.stdout) as JsonResult).findings.filter(
        (f) => f.code === "SCHEDULE_UNPARSED"
      );
      expect(flagged).toHaveLength(2);
    }
  );

  itWithTools(
    ["python3-openpyxl"],
    "a time the import read is not called unreadable by validate on the workbook it wrote",
    async () => {
      const times = ["Trước ngày 30/6/2026", "Tháng 6 năm 2026", "Năm 2026 và các năm tiếp theo"];
      const dir = tempDir("variants");
      const plan = path.join(dir, "times.docx");
      runPython(SCRIPT, [
        plan,
        JSON.stringify([
          {
            rows: [
              H5,
              ...times.map((t, i) => [String(i + 1), `Nhiệm vụ ${i + 1}`, "Sở Tư pháp", "", t]),
            ],
          },
        ]),
      ]);
      const book = path.join(dir, "times.xlsx");
      expect(phuluc(["import", plan, "-o", book, "--year", "2026"]).code).toBe(0);
      const v = phuluc(["validate", book, "--year", "2026", "--json"]);
      expect(v.stdout).toContain('"findings"');
      expect(v.stdout).not.toContain("SCHEDULE_UNPARSED");
    }
  );
});
