/** The tracking workbook spec: layout, formulas' references, validation ranges, text safety. */
import type { AgencyRef, ImportResult, Schedule, Task } from "../../../../src/core/model";
import { parseRange } from "../../../../src/core/spec/a1";
import { checkSpec } from "../../../../src/core/spec/check-spec";
import type { CellValue, SheetSpec, WorkbookSpec } from "../../../../src/core/spec/sheet-spec";
import { NAMES, SHEETS, TABLES, TASK_COLUMNS } from "../../../../src/core/workbook/columns";
import { deadlineInYear } from "../../../../src/core/schedule/deadline";
import { parseSchedule } from "../../../../src/core/schedule/parse-schedule";
import {
  deadlineFromCode,
  scheduleCode,
  yearsText,
} from "../../../../src/core/workbook/schedule-code";
import { buildTrackingWorkbook } from "../../../../src/core/workbook/tracking-workbook";

const ref = (name: string, matched = true): AgencyRef => ({ name, written: name, matched });
const schedule = (
  years: number[] | null,
  deadlines: Record<number, string | null> = {},
  kind: Schedule["kind"] = "years"
): Schedule => ({
  text: "",
  kind,
  years,
  deadlines,
  finalDeadline: null,
  multiYear: false,
});
function task(key: string, lead: AgencyRef[], over: Partial<Task> = {}): Task {
  return {
    key,
    stt: "",
    numbered: key,
    group: "1",
    title: `Việc ${key}`,
    lead,
    partners: [],
    timeText: "2025",
    schedule: schedule([2025], { 2025: "2025-12-31" }),
    extra: {},
    sourceRow: 1,
    ...over,
  };
}

const result: ImportResult = {
  plan: {
    number: "1/KH-UBND",
    issuedOn: null,
    issuer: "UBND tỉnh X",
    province: "X",
    title: "KH",
    appendixTitle: "",
    period: null,
  },
  groups: [{ stt: "1", title: "Nhóm 1", sourceRow: 1 }],
  tasks: [
    task("T1", [ref("Sở Nội vụ"), ref("Sở Tài chính"), ref("Sở Nội vụ")], {
      partners: [ref("Công an tỉnh"), ref("Sở Y tế")],
      extra: { "Sản phẩm": '=HYPERLINK("x")', "Ghi chú": "+84" },
    }),
    task("T2", [ref("Phòng Không Có", false)], { title: "=1+1", stt: "2" }),
    task("T3", []),
  ],
  extraColumns: ["Sản phẩm", "Ghi chú"],
  findings: [],
  source: "kh.docx",
};

const spec = buildTrackingWorkbook(result, {
  reportYear: 2025,
  reportDate: "2025-11-20",
  directory: [{ name: "Sở Nội vụ", shortNames: ["Sở NV"], aliases: [], kind: "department" }],
});
const sheet = (name: string): SheetSpec => spec.sheets.find((s) => s.name === name)!;

/** All cells of a sheet by A1 address. */
function cells(s: SheetSpec): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  for (const b of s.blocks) {
    const { top, left } = parseRange(b.address);
    b.values.forEach((r, i) => r.forEach((v, j) => out.set(`${colLetter(left + j)}${top + i}`, v)));
  }
  return out;
}
const colLetter = (n: number): string =>
  (n > 26 ? colLetter(Math.floor((n - 1) / 26)) : "") + String.fromCharCode(65 + ((n - 1) % 26));

const tasks = sheet(SHEETS.tasks);
const taskCells = cells(tasks);
const header = tasks.blocks[0].values[0] as string[];
const letterOf = (h: string) => colLetter(header.indexOf(h) + 1);
const col = (h: string) => tasks.blocks[0].values.slice(1).map((r) => r[header.indexOf(h)]);

describe("buildTrackingWorkbook", () => {
  it("is a valid spec with the contract's sheets, tables and names", () => {
    expect(checkSpec(spec)).toEqual([]);
    expect(spec.sheets.map((s) => s.name)).toEqual([
      SHEETS.info,
      SHEETS.tasks,
      SHEETS.summary,
      SHEETS.agencies,
      SHEETS.history,
      SHEETS.meta,
    ]);
    expect(sheet(SHEETS.meta).visibility).toBe("veryHidden");
    expect(spec.sheets.flatMap((s) => s.tables.map((t) => t.name)).sort()).toEqual(
      [TABLES.agencies, TABLES.history, TABLES.tasks].sort()
    );
    expect(spec.names).toEqual(
      expect.arrayContaining([
        { name: NAMES.reportYear, refersTo: "'Thông tin'!$B$14" },
        { name: NAMES.reportDate, refersTo: "'Thông tin'!$B$15" },
        { name: NAMES.dueSoonDays, refersTo: "'Thông tin'!$B$16" },
        {
          name: NAMES.agencyList,
          // The directory's rows (header first), then the growth margin of 200 rows.
          refersTo: `'Đơn vị'!$A$2:$A$${sheet(SHEETS.agencies).blocks[0].values.length + 200}`,
        },
      ])
    );
    const info = cells(sheet(SHEETS.info));
    expect(info.get("B14")).toBe(2025);
    expect(info.get("B15")).toEqual({ date: "2025-11-20" });
    expect(info.get("B16")).toBe(15);
  });

  it("writes one row per (task, lead agency); duplicates collapse, leadless tasks keep a row", () => {
    expect(col(TASK_COLUMNS.key)).toEqual(["T1", "T1", "T2", "T3"]);
    expect(col(TASK_COLUMNS.lead)).toEqual(["Sở Nội vụ", "Sở Tài chính", "Phòng Không Có", ""]);
    expect(col(TASK_COLUMNS.allLeads)[0]).toBe("Sở Nội vụ; Sở Tài chính");
    expect(col(TASK_COLUMNS.partners)[1]).toBe("Công an tỉnh; Sở Y tế");
    expect(col(TASK_COLUMNS.stt)).toEqual(["T1", "T1", "2", "T3"]); // numbered when STT is empty
    expect(col(TASK_COLUMNS.groupTitle)[0]).toBe("Nhóm 1");
    expect(header.slice(-2)).toEqual(["Sản phẩm", "Ghi chú"]);
    expect(tasks.tables[0].range).toBe(`A1:${letterOf("Ghi chú")}5`);
  });

  it("keeps text that looks like a formula as plain strings", () => {
    expect(col(TASK_COLUMNS.title)[2]).toBe("=1+1");
    expect(col("Sản phẩm")[0]).toBe('=HYPERLINK("x")');
    expect(col("Ghi chú")[0]).toBe("+84");
  });

  it("derives deadline and status by formulas that reference this row's columns and the names", () => {
    const [dl, code, st, done, derived, key] = [
      TASK_COLUMNS.deadline,
      TASK_COLUMNS.scheduleCode,
      TASK_COLUMNS.status,
      TASK_COLUMNS.completedOn,
      TASK_COLUMNS.derived,
      TASK_COLUMNS.key,
    ].map(letterOf);
    const f = (h: string, row: number) =>
      (taskCells.get(`${letterOf(h)}${row}`) as { formula: string }).formula;
    expect(f(TASK_COLUMNS.deadline, 3)).toContain(`$${code}3`);
    expect(f(TASK_COLUMNS.deadline, 3)).toContain(NAMES.reportYear);
    const status = f(TASK_COLUMNS.derived, 4);
    for (const ref of [`$${code}4`, `$${st}4`, `$${done}4`, `$${dl}4`, NAMES.reportDate])
      expect(status).toContain(ref);
    expect(status).not.toMatch(new RegExp(`\\$[A-Z]+(?:3|5)\\b`)); // no other row's cells
    expect(f(TASK_COLUMNS.taskProgress, 2)).toContain(`$${key}$2:$${key}$205`);
    expect(f(TASK_COLUMNS.taskProgress, 2)).toContain(`$${derived}$2:$${derived}$205`);
    expect(taskCells.get(`${code}2`)).toBe(";2025=20251231;");
    expect(tasks.columns[header.indexOf(TASK_COLUMNS.scheduleCode)].hidden).toBe(true);
  });

  it("validates exactly the data rows, never whole columns", () => {
    const v = (h: string) =>
      tasks.validations.find((x) => x.range === `${letterOf(h)}2:${letterOf(h)}5`);
    expect(v(TASK_COLUMNS.status)).toMatchObject({
      kind: "list",
      items: ["Chưa triển khai", "Đang thực hiện", "Hoàn thành", "Không thực hiện"],
    });
    expect(v(TASK_COLUMNS.lead)).toMatchObject({ kind: "list", source: `=${NAMES.agencyList}` });
    expect(v(TASK_COLUMNS.progress)).toMatchObject({ kind: "decimal", min: 0, max: 100 });
    expect(v(TASK_COLUMNS.completedOn)).toMatchObject({ kind: "date" });
    expect(v(TASK_COLUMNS.updatedOn)).toMatchObject({ kind: "date" });
    expect(v(TASK_COLUMNS.kind)).toMatchObject({
      kind: "list",
      items: ["Giao thực hiện", "Đề nghị"],
    });
    expect(tasks.validations).toHaveLength(6);
    for (const x of tasks.validations) expect(x.prompt?.message && x.error?.message).toBeTruthy();
    const ranges = spec.sheets.flatMap((s) => [
      ...s.validations.map((x) => x.range),
      ...s.conditionalFormats.map((c) => c.range),
    ]);
    for (const r of ranges) expect(r).toMatch(/^[A-Z]+\d+(:[A-Z]+\d+)?$/);
    expect(tasks.conditionalFormats.every((c) => c.range === `A2:${letterOf("Ghi chú")}5`)).toBe(
      true
    );
  });

  it("rolls up per lead and per partner with exact matching over bounded ranges", () => {
    const summary = cells(sheet(SHEETS.summary));
    const labelRow = (label: string) =>
      [...summary].find(([a, v]) => a.startsWith("B") && v === label)![0].slice(1);
    const formulaAt = (a: string) => (summary.get(a) as { formula: string }).formula;
    const derived = letterOf(TASK_COLUMNS.derived);
    const lead = letterOf(TASK_COLUMNS.lead);
    const partners = letterOf(TASK_COLUMNS.partners);
    const kind = letterOf(TASK_COLUMNS.kind);
    const r = labelRow("Sở Tài chính");
    // The exact name (TRIM, Excel's case-insensitive "="), or a spelling that fits it
    // ("Sở Tài chinh"): agency/counting-spelling.ts; the directory here is empty. Requests
    // ("Đề nghị") are left out of every line above section V.
    expect(formulaAt(`D${r}`)).toBe(
      `SUMPRODUCT(('Nhiệm vụ'!$${kind}$2:$${kind}$205<>"Đề nghị")*(TRIM('Nhiệm vụ'!$${lead}$2:$${lead}$205)=$B${r})*('Nhiệm vụ'!$${derived}$2:$${derived}$205="Hoàn thành đúng hạn"))`
    );
    const p = labelRow("Sở Y tế");
    expect(formulaAt(`F${p}`)).toContain(
      `FIND("; "&$B${p}&";","; "&'Nhiệm vụ'!$${partners}$2:$${partners}$205&";")`
    );
    expect(formulaAt(`M${r}`)).toBe(
      `IF(D${r}+E${r}+F${r}+G${r}=0,"",(D${r}+E${r}+F${r})/(D${r}+E${r}+F${r}+G${r}))`
    );
    expect(sheet(SHEETS.summary).conditionalFormats[0]).toMatchObject({ kind: "dataBar" });
    expect(
      [...summary.values()].some((v) => typeof v === "string" && v.includes("Tỷ lệ hoàn thành ="))
    ).toBe(true);
  });

  it("prints on A4 landscape with Nghị định 30 margins and repeated headers", () => {
    for (const s of [tasks, sheet(SHEETS.summary)]) {
      expect(s.pageLayout).toMatchObject({
        paper: "A4",
        orientation: "landscape",
        header: { center: "&P", differentFirst: true },
        restartPageNumbers: true,
      });
      expect(s.pageLayout!.margins.top).toBeGreaterThanOrEqual(30);
    }
    expect(tasks.pageLayout!.printTitleRows).toBe("1:1");
    expect(tasks.pageLayout!.printTitleColumns).toBe("A:B");
    // 21 visible columns do not fit one page at a readable scale; the summary does.
    expect(tasks.pageLayout!.fitToPagesWide).toBeGreaterThan(1);
    expect(sheet(SHEETS.summary).pageLayout!.fitToPagesWide).toBe(1);
    expect(tasks.freeze).toEqual({ rows: 1, columns: 0 });
  });

  it("maps column ids to headers and letters in the meta sheet", () => {
    const meta = cells(sheet(SHEETS.meta));
    const ids = [...meta].filter(([a]) => a.startsWith("A")).map(([, v]) => v);
    expect(ids).toEqual(expect.arrayContaining(["templateVersion", "derived", "extra"]));
    const row = [...meta].find(([a, v]) => a.startsWith("A") && v === "derived")![0].slice(1);
    expect(meta.get(`B${row}`)).toBe(TASK_COLUMNS.derived);
    expect(meta.get(`C${row}`)).toBe(letterOf(TASK_COLUMNS.derived));
  });

  it("still builds a valid workbook from a plan without tasks", () => {
    const empty = buildTrackingWorkbook(
      { ...result, tasks: [], groups: [] },
      { reportYear: 2025, reportDate: "2025-01-01", directory: [] }
    );
    expect(checkSpec(empty as WorkbookSpec)).toEqual([]);
  });
});

describe("schedule code", () => {
  const P = { from: 2024, to: 2030 };
  const ALL = [2024, 2025, 2026, 2027, 2028, 2029, 2030];
  const each = (date: string) => ";" + ALL.map((y) => `${y}=${date};`).join("");

  it.each([
    ["2025", P, ";2025=20251231;"],
    ["Trước ngày 30/6/2025", P, ";2025=20250630;"],
    ["2024, 2026, 2028, 2030", P, ";2024=20241231;2026=20261231;2028=20281231;2030=20301231;"],
    ["Quý II, III", P, ";2024=20240930;"],
    ["Quý III/2025", P, ";2025=20250930;"],
    ["Tháng 6/2025", P, ";2025=20250630;"],
    ["Tháng 2/2028", P, ";2028=20280229;"],
    ["Hằng năm", P, ";" + ALL.map((y) => `${y}=${y}1231;`).join("")],
    ["Trước ngày 15/11 hằng năm", P, ";" + ALL.map((y) => `${y}=${y}1115;`).join("")],
    ["Hàng quý", P, ";" + ALL.map((y) => `${y}=${y}1231;`).join("")],
    ["Thường xuyên", P, each("00000000")],
    ["Khi có hướng dẫn", P, each("00000000")],
    ["2024 - 2030", P, each("20301231")],
    ["2024 - 2025", P, ";2024=20251231;2025=20251231;"],
    ["Đến năm 2030", P, each("20301231")],
    [
      "Đến năm 2030",
      { from: 2026, to: 2030 },
      ";2026=20301231;2027=20301231;2028=20301231;2029=20301231;2030=20301231;",
    ],
    ["Hằng năm", null, ";****=****1231;"],
    ["Trước ngày 15/11 hằng năm", null, ";****=****1115;"],
    ["Quý IV hằng năm", null, ";****=****1231;"],
    ["Tháng 6 hằng năm", null, ";****=****0630;"],
    ["Hàng quý", null, ";****=****1231;"],
    ["Thường xuyên", null, ";****=00000000;"],
    ["Khi có hướng dẫn", null, ";****=00000000;"],
    ["Quý III", null, ""],
    ["Theo tiến độ dự án", P, ""],
  ] as Array<[string, { from: number; to: number } | null, string]>)(
    "%j (period %j) -> %j",
    (text, period, code) => {
      const s = parseSchedule(text, period);
      expect(scheduleCode(s)).toBe(code);
      // The code says what the schedule says, for every year around the plan.
      for (let y = 2022; y <= 2033; y++) {
        const d = deadlineInYear(s, y);
        expect(deadlineFromCode(code, y)).toEqual(
          code === ""
            ? { due: true, deadline: null }
            : { due: d !== undefined, deadline: d ?? null }
        );
      }
    }
  );

  it("decodes a full date, including one after its due year", () => {
    const code = ";2024=20301231;2025=20301231;2026=20301231;";
    expect(deadlineFromCode(code, 2026)).toEqual({ due: true, deadline: "2030-12-31" });
    expect(deadlineFromCode(code, 2027)).toEqual({ due: false, deadline: null });
    expect(deadlineFromCode(";2024=20241115;2026=00000000;", 2024)).toEqual({
      due: true,
      deadline: "2024-11-15",
    });
    expect(deadlineFromCode(";2024=20241115;2026=00000000;", 2026)).toEqual({
      due: true,
      deadline: null,
    });
    expect(deadlineFromCode(";2024=20241115;2026=00000000;", 2025)).toEqual({
      due: false,
      deadline: null,
    });
    expect(deadlineFromCode("", 2031)).toEqual({ due: true, deadline: null });
    expect(deadlineFromCode("  ", 2031)).toEqual({ due: true, deadline: null });
  });

  it("reads ****: any due year, and a deadline year of the report year; a year's own entry wins", () => {
    const code = ";****=****1231;2025=20250630;";
    expect(deadlineFromCode(code, 2025)).toEqual({ due: true, deadline: "2025-06-30" });
    expect(deadlineFromCode(code, 2027)).toEqual({ due: true, deadline: "2027-12-31" });
    expect(deadlineFromCode(";****=20301231;", 2027)).toEqual({
      due: true,
      deadline: "2030-12-31",
    });
    expect(deadlineFromCode(";2027=****0630;", 2027)).toEqual({
      due: true,
      deadline: "2027-06-30",
    });
    expect(deadlineFromCode(";****=00000000;", 2040)).toEqual({ due: true, deadline: null });
  });

  it("rolls impossible days over as DATE() does, and reads garbage as no deadline", () => {
    expect(deadlineFromCode(";****=****0229;", 2027)).toEqual({
      due: true,
      deadline: "2027-03-01",
    });
    expect(deadlineFromCode(";****=****0229;", 2028)).toEqual({
      due: true,
      deadline: "2028-02-29",
    });
    expect(deadlineFromCode(";2025=20250631;", 2025)).toEqual({
      due: true,
      deadline: "2025-07-01",
    });
    // The old month-day format, or a hand-edited code: due, but no date (the formula's IFERROR).
    expect(deadlineFromCode(";2025=1231;", 2025)).toEqual({ due: true, deadline: null });
    expect(deadlineFromCode(";2025=2025x231;", 2025)).toEqual({ due: true, deadline: null });
  });

  it("keeps an every-year deadline when the plan's period is unknown", () => {
    expect(
      scheduleCode({ ...schedule(null, {}, "annual"), text: "Trước ngày 15/11 hằng năm" })
    ).toBe(";****=****1115;");
    expect(scheduleCode({ ...schedule(null, {}, "continuous"), text: "Thường xuyên" })).toBe(
      ";****=00000000;"
    );
    expect(scheduleCode({ ...schedule(null, {}, "unknown"), text: "Theo dự án" })).toBe("");
  });

  it("writes fixed-width entries from hand-made schedules, sorted and deduplicated", () => {
    const s = schedule([2026, 2024, 2026], { 2024: "2024-11-15", 2026: null });
    expect(scheduleCode(s)).toBe(";2024=20241115;2026=00000000;");
    for (const entry of scheduleCode(parseSchedule("2024 - 2030", P)).split(";").filter(Boolean))
      expect(entry).toMatch(/^(\d{4}|\*{4})=(\d{8}|\*{4}\d{4})$/);
  });

  it("shows years for people", () => {
    expect(yearsText(schedule([2024, 2025, 2026, 2027]))).toBe("2024-2027");
    expect(yearsText(schedule([2030, 2024, 2026]))).toBe("2024; 2026; 2030");
    expect(yearsText(schedule([2024, 2025]))).toBe("2024; 2025");
    expect(yearsText(schedule(null))).toBe("");
  });
});
