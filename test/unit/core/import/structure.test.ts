/** Groups and tasks from RawTables (as the .xlsx reader and the Excel selection give them). */
import { formatFinding } from "../../../../src/cli/format-finding";
import { importPlan } from "../../../../src/core/import/import-plan";
import { locateTable } from "../../../../src/core/import/locate-table";
import { buildStructure } from "../../../../src/core/import/structure";
import type { RawTable } from "../../../../src/core/table/raw-table";

const HEADER = [
  "STT",
  "Tên nhiệm vụ",
  "Cơ quan chủ trì",
  "Cơ quan phối hợp",
  "Thời gian thực hiện",
];

function table(rows: string[][], merges: RawTable["merges"] = []): RawTable {
  return {
    source: "t.xlsx",
    sheet: "Sheet1",
    index: 1,
    rows,
    sourceRows: rows.map((_, i) => i + 1),
    merges,
  };
}

function structure(rows: string[][], merges: RawTable["merges"] = []) {
  const { table: located } = locateTable([table(rows, merges)], "t.xlsx");
  return buildStructure(located, "t.xlsx");
}

test("'1 / 1.1' numbering with leading zeros: groups are title-only rows, tasks keyed T<n.m>", () => {
  const s = structure([
    HEADER,
    ["01", "Nhóm một", "", "", ""],
    ["01.01", "Việc một", "Sở Nội vụ", "", "2025"],
    ["1.02.", "Việc hai", "Sở Nội vụ", "", "2025"],
    ["02", "Nhóm hai", "", "", ""],
    ["2.1", "Việc ba", "Sở Tài chính", "", "2025"],
  ]);
  expect(s.groups.map((g) => g.stt)).toEqual(["01", "02"]);
  expect(s.tasks.map((t) => [t.key, t.stt, t.numbered, t.group])).toEqual([
    ["T1.1", "01.01", "1.1", "01"],
    ["T1.2", "1.02.", "1.2", "01"],
    ["T2.1", "2.1", "2.1", "02"],
  ]);
  expect(s.findings).toEqual([]);
});

test("a top-level row with its own lead in '1 / 1.1' numbering is its own group, not part of the one above", () => {
  const s = structure([
    HEADER,
    ["1", "Nhóm một", "", "", ""],
    ["1.1", "Việc một", "Sở Nội vụ", "", "2025"],
    ["2", "Việc lớn", "Sở Tài chính", "", "2026"],
  ]);
  expect(s.groups.map((g) => g.stt)).toEqual(["1", "2"]);
  expect(s.tasks.map((t) => [t.key, t.group])).toEqual([
    ["T1.1", "1"],
    ["T2", "2"],
  ]);
});

test("Roman groups with numbering restarting in each group: keys stay unique", () => {
  const s = structure([
    HEADER,
    ["I.", "NHÓM MỘT", "", "", ""],
    ["1", "Việc một", "Sở Nội vụ", "", "2025"],
    ["2", "Việc hai", "Sở Nội vụ", "", "2025"],
    ["II.", "NHÓM HAI", "", "", ""],
    ["1", "Việc ba", "Sở Nội vụ", "", "2025"],
  ]);
  expect(s.groups.map((g) => g.stt)).toEqual(["I.", "II."]);
  expect(s.tasks.map((t) => [t.key, t.group])).toEqual([
    ["T1", "I."],
    ["T2", "I."],
    ["TII.1", "II."],
  ]);
  expect(s.findings.map((f) => f.code)).not.toContain("STT_DUPLICATE");
});

test("flat 1..n list without groups: tasks with group '' and a warning each", () => {
  const s = structure([
    HEADER,
    ["1", "Việc một", "Sở Nội vụ", "", "2025"],
    ["", "Việc hai", "Sở Nội vụ", "", "2025"],
  ]);
  expect(s.groups).toEqual([]);
  expect(s.tasks.map((t) => [t.key, t.numbered, t.group])).toEqual([
    ["T1", "1", ""],
    ["T(2)", "(2)", ""],
  ]);
  expect(s.findings.filter((f) => f.code === "TASK_WITHOUT_GROUP")).toHaveLength(2);
  const empty = s.findings.find((f) => f.code === "STT_EMPTY")!;
  expect(empty.location).toEqual({ file: "t.xlsx", table: 1, row: 3, column: "STT" });
  expect(empty.message).toContain("(2)");
});

test("duplicate STT in the same group is flagged, and both tasks kept with unique keys", () => {
  const s = structure([
    HEADER,
    ["1", "Nhóm", "", "", ""],
    ["1.1", "Việc một", "Sở Nội vụ", "", "2025"],
    ["1.1", "Việc hai", "Sở Nội vụ", "", "2025"],
  ]);
  expect(s.tasks.map((t) => t.key)).toEqual(["T1.1", "T1.1-2"]);
  expect(s.findings.map((f) => f.code)).toEqual(["STT_DUPLICATE"]);
});

test("cells starting with = + - @ stay text exactly; = and @ are pointed out", async () => {
  const r = await importPlan({
    kind: "tables",
    fileName: "t.xlsx",
    tables: [
      table([
        [...HEADER, "Ghi chú"],
        ["1", "Nhóm", "", "", "", ""],
        ["1.1", "=SUM(A1:A3) báo cáo", "Sở Nội vụ", "", "2025", "@mention"],
        ["1.2", "+84 đường dây nóng", "Sở Nội vụ", "", "2025", ""],
        ["1.3", "- Một việc duy nhất", "Sở Nội vụ", "", "2025", ""],
      ]),
    ],
  });
  expect(r.tasks.map((t) => t.title)).toEqual([
    "=SUM(A1:A3) báo cáo",
    "+84 đường dây nóng",
    "- Một việc duy nhất",
  ]);
  expect(r.tasks[0].extra).toEqual({ "Ghi chú": "@mention" });
  const flagged = r.findings.filter((f) => f.code === "FORMULA_LIKE_TEXT");
  expect(flagged.map((f) => f.location.column)).toEqual(["Tên nhiệm vụ", "Ghi chú"]);
  expect(flagged.every((f) => f.severity === "info")).toBe(true);
});

test("tables input: unknown agency and unreadable time become findings with row and column", async () => {
  const r = await importPlan({
    kind: "tables",
    fileName: "t.xlsx",
    bodyText: "Số: 7/KH-UBND\nLâm Đồng, ngày 2 tháng 1 năm 2025\nKẾ HOẠCH\nThực hiện đến năm 2027",
    tables: [
      table([
        HEADER,
        ["1", "Nhóm", "", "", ""],
        ["1.1", "Việc", "Sở Thông tin Truyền thông", "Hội Chim Cảnh", "khi nào rảnh"],
      ]),
    ],
  });
  expect(r.plan.period).toEqual({ from: 2025, to: 2027 });
  expect(r.tasks[0].lead.map((a) => a.name)).toEqual(["Sở Thông tin và Truyền thông"]);
  const unknown = r.findings.find((f) => f.code === "AGENCY_UNKNOWN")!;
  expect(unknown.location).toEqual({
    file: "t.xlsx",
    table: 1,
    row: 3,
    column: "Cơ quan phối hợp",
    task: "1.1",
  });
  expect(unknown.message).toContain("Hội Chim Cảnh");
  // The place is said once, from the data: not again at the start of the text.
  expect(unknown.message).not.toMatch(/^Dòng/);
  expect(formatFinding(unknown)).toBe(
    'Cảnh báo [AGENCY_UNKNOWN] tệp "t.xlsx", bảng 1, dòng 3, cột "Cơ quan phối hợp": ' +
      unknown.message
  );
  const time = r.findings.find((f) => f.code === "SCHEDULE_UNPARSED")!;
  expect(time.location.column).toBe("Thời gian thực hiện");
  expect(r.tasks[0].schedule.kind).toBe("unknown");
});

test("two-row header: 'Đơn vị thực hiện' over 'Chủ trì' / 'Phối hợp'", () => {
  const s = structure(
    [
      ["STT", "Nhiệm vụ", "Đơn vị thực hiện", "", "Thời gian"],
      ["", "", "Chủ trì", "Phối hợp", ""],
      ["1", "Nhóm", "", "", ""],
      ["1.1", "Việc", "Sở Nội vụ", "Công an tỉnh", "2025"],
    ],
    [
      { top: 0, left: 2, bottom: 0, right: 3 },
      { top: 0, left: 0, bottom: 1, right: 0 },
    ]
  );
  expect(s.tasks[0]).toMatchObject({
    leadText: "Sở Nội vụ",
    partnersText: "Công an tỉnh",
    timeText: "2025",
  });
});

test("a second, different phụ lục (new PHỤ LỤC heading) is not joined: located apart", () => {
  const first = table([
    HEADER,
    ["1", "Nhóm", "", "", ""],
    ["1.1", "Việc", "Sở Nội vụ", "", "2025"],
  ]);
  const second = {
    ...table([HEADER, ["1", "Khác", "", "", ""], ["1.1", "Khác", "Sở Nội vụ", "", "2025"]]),
    index: 2,
  };
  second.context = "PHỤ LỤC II\nDANH MỤC KHÁC";
  const { table: located, more } = locateTable([first, second], "t.docx");
  expect(located.tables).toEqual([1]);
  expect(more.map((m) => m.tables)).toEqual([[2]]);
});
