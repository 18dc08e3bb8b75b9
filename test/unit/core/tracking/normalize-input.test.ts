import { normalizeDate, normalizeProgress } from "../../../../src/core/tracking/normalize-input";

describe("normalizeDate", () => {
  it.each([
    ["15/11/2026", "2026-11-15"],
    ["15-11-2026", "2026-11-15"],
    ["15.11.2026", "2026-11-15"],
    ["5/1/2026", "2026-01-05"],
    ["2026-11-15", "2026-11-15"],
    ["15/11/26", "2026-11-15"],
    ["ngày 15 tháng 11 năm 2026", "2026-11-15"],
  ])("text %s → %s", (text, iso) => {
    expect(normalizeDate(text).value).toBe(iso);
  });

  it("reads Excel serials and exceljs Dates (UTC midnight)", () => {
    expect(normalizeDate(46341).value).toBe("2026-11-15");
    expect(normalizeDate(new Date(Date.UTC(2026, 10, 15))).value).toBe("2026-11-15");
    expect(normalizeDate({ formula: "TODAY()", result: 46341 }).value).toBe("2026-11-15");
  });

  it("refuses impossible dates and numbers that are not serials", () => {
    expect(normalizeDate("31/02/2026")).toMatchObject({ value: null, ok: false });
    expect(normalizeDate("tháng 11")).toMatchObject({ value: null, ok: false });
    expect(normalizeDate(2026)).toMatchObject({ value: null, ok: false });
    expect(normalizeDate("")).toMatchObject({ value: null, ok: true });
  });

  it("reads a day and month without a year in the report year, and says so", () => {
    expect(normalizeDate("15/11", { year: 2026 })).toMatchObject({
      value: "2026-11-15",
      ok: true,
      yearAssumed: true,
    });
    expect(normalizeDate(" 5-1 ", { year: 2027 }).value).toBe("2027-01-05");
    expect(normalizeDate("ngày 15 tháng 11", { year: 2026 }).value).toBe("2026-11-15");
    // No year to read it in, or no such day: not a date.
    expect(normalizeDate("15/11")).toMatchObject({ value: null, ok: false });
    expect(normalizeDate("29/02", { year: 2026 })).toMatchObject({ value: null, ok: false });
    expect(normalizeDate("11/15", { year: 2026 })).toMatchObject({ value: null, ok: false });
    // A full date keeps its own year.
    expect(normalizeDate("15/11/2025", { year: 2026 })).toMatchObject({ value: "2025-11-15" });
    expect(normalizeDate("15/11/2025", { year: 2026 }).yearAssumed).toBeUndefined();
  });
});

describe("normalizeProgress", () => {
  it.each<[unknown, number]>([
    ["80%", 80],
    ["80", 80],
    ["80,5 %", 80.5],
    ["0.8", 80],
    [0.8, 80],
    [0.07, 7],
    [80, 80],
    [100, 100],
  ])("%p → %p", (raw, pct) => {
    expect(normalizeProgress(raw).value).toBe(pct);
  });

  it("reads numbers as fractions in a percent-formatted cell", () => {
    expect(normalizeProgress(1, { percentFormat: true }).value).toBe(100);
    expect(normalizeProgress(1).value).toBe(1);
  });

  it("refuses text that is not a number", () => {
    expect(normalizeProgress("gần xong")).toMatchObject({ value: null, ok: false });
  });
});
