import { parseSchedule } from "../../../../src/core/schedule/parse-schedule";
import { deadlineInYear } from "../../../../src/core/schedule/deadline";
import type { ScheduleKind } from "../../../../src/core/model";

/** The Lâm Đồng plan 4784/KH-UBND runs to 2030 ("đến năm 2030"), issued in 2024. */
const PERIOD = { from: 2024, to: 2030 };
const ALL = [2024, 2025, 2026, 2027, 2028, 2029, 2030];

type Row = [
  text: string,
  kind: ScheduleKind,
  years: number[] | null,
  final: string | null,
  multiYear: boolean,
];

describe("parseSchedule with the plan period 2024-2030", () => {
  const rows: Row[] = [
    ["2024", "year", [2024], "2024-12-31", false],
    ["Năm 2024", "year", [2024], "2024-12-31", false],
    ["Trong năm 2025", "year", [2025], "2025-12-31", false],
    ["Hằng năm", "annual", ALL, "2030-12-31", false],
    ["Hàng năm", "annual", ALL, "2030-12-31", false],
    ["Cả năm", "annual", ALL, "2030-12-31", false],
    ["HẰNG NĂM", "annual", ALL, "2030-12-31", false],
    ["Định kỳ hằng năm", "annual", ALL, "2030-12-31", false],
    ["Quý III", "quarter", [2024], "2024-09-30", false],
    ["Quý II, III", "quarter", [2024], "2024-09-30", false],
    ["Quý II,III", "quarter", [2024], "2024-09-30", false],
    ["Quý I", "quarter", [2024], "2024-03-31", false],
    ["Quý 4", "quarter", [2024], "2024-12-31", false],
    ["Quý III/2025", "quarter", [2025], "2025-09-30", false],
    ["Quý III năm 2025", "quarter", [2025], "2025-09-30", false],
    ["Quý II / 2026", "quarter", [2026], "2026-06-30", false],
    ["Hàng quý", "periodic", ALL, "2030-12-31", false],
    ["Hàng tháng, quý", "periodic", ALL, "2030-12-31", false],
    ["Định kỳ 6 tháng", "periodic", ALL, "2030-12-31", false],
    ["2024 - 2030", "range", ALL, "2030-12-31", true],
    ["2024 - 2025", "range", [2024, 2025], "2025-12-31", true],
    ["2024-2025", "range", [2024, 2025], "2025-12-31", true],
    ["2024 – 2030", "range", ALL, "2030-12-31", true],
    ["Giai đoạn 2024 - 2030", "range", ALL, "2030-12-31", true],
    ["Từ năm 2025 đến năm 2027", "range", [2025, 2026, 2027], "2027-12-31", true],
    ["2024, 2026, 2028, 2030", "years", [2024, 2026, 2028, 2030], "2030-12-31", false],
    ["2024, 2026, 2028,\n2030", "years", [2024, 2026, 2028, 2030], "2030-12-31", false],
    ["Năm 2024 và năm 2025", "years", [2024, 2025], "2025-12-31", false],
    ["Đến năm 2030", "until", ALL, "2030-12-31", true],
    ["Đến năm 2026", "until", [2024, 2025, 2026], "2026-12-31", true],
    ["Thường xuyên", "continuous", ALL, null, false],
    ["Tháng 6/2025", "month", [2025], "2025-06-30", false],
    ["Tháng 6 năm 2025", "month", [2025], "2025-06-30", false],
    ["Tháng 2/2028", "month", [2028], "2028-02-29", false],
    ["Tháng 10, 11/2024", "month", [2024], "2024-11-30", false],
    ["Trước ngày 15/11 hằng năm", "annual", ALL, "2030-11-15", false],
    ["Hằng năm (trước ngày 15/12)", "annual", ALL, "2030-12-15", false],
    ["Quý IV hằng năm", "annual", ALL, "2030-12-31", false],
    ["Khi có hướng dẫn", "on-guidance", ALL, null, false],
    ["(khi có hướng dẫn)", "on-guidance", ALL, null, false],
    ["Theo hướng dẫn của Bộ", "on-guidance", ALL, null, false],
    ["Trước 30/6/2025", "year", [2025], "2025-06-30", false],
    ["Trước ngày 30/6/2025", "year", [2025], "2025-06-30", false],
    ["Trước ngày 15 tháng 12 hằng năm", "annual", ALL, "2030-12-15", false],
    ["Trước ngày 30 tháng 6 năm 2025", "year", [2025], "2025-06-30", false],
    ["6 tháng đầu năm", "month", [2024], "2024-06-30", false],
    ["6 tháng đầu năm 2025", "month", [2025], "2025-06-30", false],
    ["6 tháng cuối năm hằng năm", "annual", ALL, "2030-12-31", false],
    ["Từ tháng 3 đến tháng 6/2025", "month", [2025], "2025-06-30", false],
    ["Tháng 3-6/2025", "month", [2025], "2025-06-30", false],
    ["Tháng 3 - tháng 6/2025", "month", [2025], "2025-06-30", false],
    ["Từ tháng 3/2025 đến tháng 6/2025", "month", [2025], "2025-06-30", false],
    ["Từ tháng 3 năm 2025 đến tháng 6 năm 2025", "month", [2025], "2025-06-30", false],
    ["Từ quý I đến quý III/2025", "quarter", [2025], "2025-09-30", false],
    ["Quý I/2025 - Quý II/2025", "quarter", [2025], "2025-06-30", false],
    ["Quý I-II/2026", "quarter", [2026], "2026-06-30", false],
    ["Từ 01/3/2025 đến 30/6/2025", "year", [2025], "2025-06-30", false],
    ["Từ tháng 6/2025 đến hết năm 2025", "year", [2025], "2025-12-31", false],
    ["Tháng 12/2025 - tháng 6/2026", "range", [2025, 2026], "2026-06-30", true],
    ["Đến hết tháng 6/2026", "until", [2024, 2025, 2026], "2026-06-30", true],
    ["Từ tháng 3/2026", "annual", [2026, 2027, 2028, 2029, 2030], "2030-12-31", false],
    ["Từ quý II/2026", "annual", [2026, 2027, 2028, 2029, 2030], "2030-12-31", false],
    ["Tháng 3 - tháng 6 hằng năm", "annual", ALL, "2030-06-30", false],
    [
      "2025 và các năm tiếp theo",
      "annual",
      [2025, 2026, 2027, 2028, 2029, 2030],
      "2030-12-31",
      false,
    ],
  ];

  it.each(rows)("%j", (text, kind, years, final, multiYear) => {
    const s = parseSchedule(text, PERIOD);
    expect(s.kind).toBe(kind);
    expect(s.years).toEqual(years);
    expect(s.finalDeadline).toBe(final);
    expect(s.multiYear).toBe(multiYear);
  });

  it.each([
    "Sau khi Bộ ban hành",
    "Quý V",
    "Tháng 13/2025",
    "2024 - 2023",
    "",
    "   ",
    "Năm 20245",
    "31/2/2025",
    "Từ tháng 6 đến tháng 3/2026",
    "Từ tháng 7/2026 đến tháng 3/2026",
    "Từ tháng 3/2026 đến khi hoàn thành",
    "Trước tháng 6/2026",
    "Đầu năm 2026",
  ])("%j is unknown, with years null for the caller to flag", (text) => {
    const s = parseSchedule(text, PERIOD);
    expect(s).toMatchObject({
      kind: "unknown",
      years: null,
      finalDeadline: null,
      multiYear: false,
    });
    expect(s.deadlines).toEqual({});
  });

  it("reads NFD, NBSP, odd case and en-dashes the same as clean text", () => {
    expect(parseSchedule("Hằng năm".normalize("NFD"), PERIOD).kind).toBe("annual");
    expect(parseSchedule("Năm\u00a02024", PERIOD).years).toEqual([2024]);
    expect(parseSchedule("GIAI ĐOẠN 2024\u00a0–\u00a02030", PERIOD).years).toEqual(ALL);
    expect(parseSchedule("quý ii, iii", PERIOD).finalDeadline).toBe("2024-09-30");
  });

  it("gives a deadline per due year, and keeps the text as written (normalized)", () => {
    const s = parseSchedule("Trước ngày 15/11 hằng năm", PERIOD);
    expect(s.deadlines[2024]).toBe("2024-11-15");
    expect(s.deadlines[2030]).toBe("2030-11-15");
    expect(s.text).toBe("Trước ngày 15/11 hằng năm");
    const range = parseSchedule("2024 - 2025", PERIOD);
    expect(range.deadlines).toEqual({ 2024: "2025-12-31", 2025: "2025-12-31" });
    const always = parseSchedule("Thường xuyên", PERIOD);
    expect(always.deadlines[2027]).toBeNull();
  });

  it("gives a multi-year task its final deadline in every year (progress, then final)", () => {
    const final = Object.fromEntries(ALL.map((y) => [y, "2030-12-31"]));
    for (const text of ["2024 - 2030", "Giai đoạn 2024 - 2030", "Đến năm 2030"]) {
      const s = parseSchedule(text, PERIOD);
      expect(s.multiYear).toBe(true);
      expect(s.deadlines).toEqual(final);
      expect(s.finalDeadline).toBe("2030-12-31");
    }
    expect(parseSchedule("Đến năm 2030", { from: 2025, to: 2030 }).deadlines[2025]).toBe(
      "2030-12-31"
    );
    // Not multi-year: each listed year keeps its own 31/12.
    expect(parseSchedule("2024, 2026, 2028, 2030", PERIOD).deadlines[2026]).toBe("2026-12-31");
  });

  it("puts an undated quarter in the plan's first year, not the issue year", () => {
    // A plan for 2025-2030 issued in December 2024.
    expect(parseSchedule("Quý II", { from: 2025, to: 2030 }).years).toEqual([2025]);
    expect(parseSchedule("Quý II", { from: 2025, to: 2030 }).finalDeadline).toBe("2025-06-30");
  });

  it("keeps the years written even outside the period", () => {
    expect(parseSchedule("2024 - 2030", { from: 2025, to: 2030 }).years).toEqual(ALL);
    expect(parseSchedule("Đến năm 2030", { from: 2025, to: 2030 }).years).toEqual([
      2025, 2026, 2027, 2028, 2029, 2030,
    ]);
  });
});

describe("parseSchedule without a period", () => {
  it.each([
    ["2024", "year", [2024]],
    ["2024 - 2025", "range", [2024, 2025]],
    ["2024, 2026, 2028, 2030", "years", [2024, 2026, 2028, 2030]],
    ["Tháng 6/2025", "month", [2025]],
    ["Quý III/2025", "quarter", [2025]],
    ["Đến năm 2030", "until", [2030]],
    // Due every year, but which years is unknown without a period.
    ["Hằng năm", "annual", null],
    ["Hàng quý", "periodic", null],
    ["Thường xuyên", "continuous", null],
    ["Khi có hướng dẫn", "on-guidance", null],
    // No year written and no period: the year cannot be known.
    ["Quý III", "quarter", null],
  ] as Array<[string, ScheduleKind, number[] | null]>)("%j -> %s %j", (text, kind, years) => {
    const s = parseSchedule(text, null);
    expect(s.kind).toBe(kind);
    expect(s.years).toEqual(years);
  });
});

describe("deadlineInYear", () => {
  it.each([
    ["Hằng năm", 2026, "2026-12-31"],
    ["2024", 2024, "2024-12-31"],
    ["2024", 2025, undefined],
    ["2024, 2026, 2028, 2030", 2026, "2026-12-31"],
    ["2024, 2026, 2028, 2030", 2027, undefined],
    ["2024 - 2025", 2024, "2025-12-31"],
    ["2024 - 2025", 2025, "2025-12-31"],
    ["2024 - 2025", 2026, undefined],
    ["2024 - 2030", 2026, "2030-12-31"],
    ["Đến năm 2030", 2024, "2030-12-31"],
    ["Đến năm 2030", 2031, undefined],
    ["Thường xuyên", 2027, null],
    ["Khi có hướng dẫn", 2027, null],
    ["Quý II, III", 2024, "2024-09-30"],
    ["Quý II, III", 2025, undefined],
    ["Trước ngày 15/11 hằng năm", 2028, "2028-11-15"],
    ["Hằng năm", 2031, undefined],
    ["không rõ", 2024, undefined],
  ] as Array<[string, number, string | null | undefined]>)(
    "%j in %i -> %s",
    (text, year, expected) => {
      expect(deadlineInYear(parseSchedule(text, PERIOD), year)).toBe(expected);
    }
  );

  it("answers for every year when a recurring task has no known period", () => {
    expect(deadlineInYear(parseSchedule("Trước ngày 15/11 hằng năm", null), 2027)).toBe(
      "2027-11-15"
    );
    expect(deadlineInYear(parseSchedule("Hằng năm", null), 2031)).toBe("2031-12-31");
    expect(deadlineInYear(parseSchedule("Thường xuyên", null), 2031)).toBeNull();
    expect(deadlineInYear(parseSchedule("Quý III", null), 2027)).toBeUndefined();
  });
});
