import { cellFinding } from "../../../src/core/tracking/tracking-findings";
import { trackingFileName, sanitizeForFileName } from "../../../src/taskpane/file-name";
import {
  todayIso,
  isValidIsoDate,
  isPlausibleReportYear,
  formatIsoDateVi,
} from "../../../src/taskpane/report-date";
import {
  groupFindings,
  formatLocation,
  findingCountsText,
} from "../../../src/taskpane/findings-view";
import {
  countsText,
  periodText,
  yearsText,
  tasksByGroup,
} from "../../../src/taskpane/plan-summary";
import { errorText } from "../../../src/taskpane/error-text";
import { InputError } from "../../../src/core/errors/input-error";
import { XlsxReadError } from "../../../src/xlsx/read-errors";
import type { Finding, Group, Schedule, Task } from "../../../src/core/model";

describe("trackingFileName", () => {
  it("turns the plan number into a safe ASCII file name", () => {
    expect(trackingFileName("4784/KH-UBND")).toBe("theo-doi-4784-KH-UBND.xlsx");
    expect(trackingFileName("281/KH-UBND ĐN")).toBe("theo-doi-281-KH-UBND-DN.xlsx");
  });
  it("falls back to the source file name, then to a generic name", () => {
    expect(trackingFileName("", "Kế hoạch Lâm Đồng")).toBe("theo-doi-Ke-hoach-Lam-Dong.xlsx");
    expect(trackingFileName("", "")).toBe("theo-doi-ke-hoach.xlsx");
  });
  it("strips characters that are illegal in Windows file names", () => {
    expect(sanitizeForFileName('a<b>c:"d\\e|f?g*')).toBe("a-b-c-d-e-f-g");
  });
});

describe("report date defaults", () => {
  it("uses the local calendar day, not UTC (an officer at 06:00 in Việt Nam)", () => {
    expect(todayIso(new Date(2026, 0, 5, 6, 0))).toBe("2026-01-05");
  });
  it("validates ISO dates and plausible years", () => {
    expect(isValidIsoDate("2026-02-29")).toBe(false);
    expect(isValidIsoDate("2028-02-29")).toBe(true);
    expect(isValidIsoDate("15/11/2026")).toBe(false);
    expect(isPlausibleReportYear(2026)).toBe(true);
    expect(isPlausibleReportYear(226)).toBe(false);
    expect(formatIsoDateVi("2024-06-13")).toBe("13/06/2024");
    expect(formatIsoDateVi(null)).toBe("");
  });
});

/** A finding as core makes it: the place as data, the text apart. */
const finding = (severity: Finding["severity"], row: number): Finding =>
  cellFinding(
    "STT_GAP",
    severity,
    { sheet: "Nhiệm vụ", row, column: "stt", file: "a.xlsx" },
    `m${row}`
  );

describe("findings view", () => {
  it("groups errors first, then warnings, then info, rows in order, empty groups left out", () => {
    const groups = groupFindings([
      finding("info", 3),
      finding("warning", 9),
      finding("warning", 2),
    ]);
    expect(groups.map((g) => g.label)).toEqual(["Cảnh báo", "Thông tin"]);
    expect(groups[0].findings.map((f) => f.location.row)).toEqual([2, 9]);
  });
  it("writes the location in Vietnamese", () => {
    expect(formatLocation({ table: 1, row: 12, column: "Cơ quan chủ trì" })).toBe(
      'Bảng 1, dòng 12, cột "Cơ quan chủ trì"'
    );
    expect(formatLocation({ file: "a.docx" })).toBe("");
  });
  it("counts by severity", () => {
    expect(
      findingCountsText([finding("error", 1), finding("warning", 2), finding("warning", 3)])
    ).toBe("1 lỗi, 2 cảnh báo");
    expect(findingCountsText([])).toBe("");
  });
});

const schedule = (years: number[] | null): Schedule => ({
  text: "",
  kind: "unknown",
  years,
  deadlines: {},
  finalDeadline: null,
  multiYear: false,
});

describe("plan summary", () => {
  it("counts groups and tasks", () => {
    expect(countsText([{} as Group, {} as Group], new Array(29).fill({}) as Task[])).toBe(
      "2 nhóm, 29 nhiệm vụ"
    );
  });
  it("writes periods and due years compactly", () => {
    expect(periodText({ from: 2024, to: 2030 })).toBe("2024 – 2030");
    expect(periodText(null)).toBe("");
    expect(yearsText(schedule([2024, 2025, 2026, 2027]))).toBe("2024 – 2027");
    expect(yearsText(schedule([2024, 2026, 2028]))).toBe("2024, 2026, 2028");
    expect(yearsText(schedule(null))).toBe("Chưa xác định");
  });
  it("keeps tasks outside any group in their own section first", () => {
    const groups = [{ stt: "1", title: "Một", sourceRow: 2 }];
    const tasks = [
      { key: "a", group: "" },
      { key: "b", group: "1" },
    ] as Task[];
    expect(
      tasksByGroup({ groups, tasks }).map((s) => [s.group?.stt ?? null, s.tasks.map((t) => t.key)])
    ).toEqual([
      [null, ["a"]],
      ["1", ["b"]],
    ]);
  });
});

describe("errorText", () => {
  it("shows an InputError's Vietnamese message as is", () => {
    const e = new InputError("LEGACY_DOC", "a.doc", "Tệp a.doc là định dạng Word cũ.");
    expect(errorText(e, "import")).toEqual({
      title: "Không đọc được kế hoạch",
      message: "Tệp a.doc là định dạng Word cũ.",
    });
    const xls = new XlsxReadError("LEGACY_XLS", 'Tệp "a.xls" có định dạng Excel cũ (.xls).');
    expect(errorText(xls, "import").message).toBe('Tệp "a.xls" có định dạng Excel cũ (.xls).');
  });
  it("recognises the error class, not a name string", () => {
    const named = Object.assign(new Error("x"), { name: "InputError" });
    expect(errorText(named, "import").message).toMatch(/không mong muốn.*Chi tiết: x/);
  });
  it("wraps unexpected errors and says nothing was written", () => {
    expect(errorText(new TypeError("boom"), "confirm").message).toMatch(
      /chưa có gì được ghi.*boom/
    );
  });
});
