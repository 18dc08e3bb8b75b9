/** The one date module: ISO inside, dd/mm/yyyy for officers, Excel serials in cells. */
import {
  formatUtcDateVi,
  formatViDate,
  isIsoDate,
  isoDate,
  isoToSerial,
  isoToUtcDate,
  isValidDay,
  localDateTime,
  localIsoDate,
  monthEnd,
  parseViDate,
  serialToIso,
  utcIso,
  validIso,
  yearEnd,
} from "../../../../src/core/text/dates";

describe("ISO dates", () => {
  it("accepts real days only, leap years included", () => {
    expect(isIsoDate("2026-11-15")).toBe(true);
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("1900-02-29")).toBe(false); // not a leap year (Excel's bug is its own)
    expect(isIsoDate("2000-02-29")).toBe(true);
    expect(isIsoDate("2026-02-31")).toBe(false);
    expect(isIsoDate("2026-12-31")).toBe(true);
    expect(isIsoDate("2026-13-01")).toBe(false);
    expect(isIsoDate("2026-1-5")).toBe(false);
    expect(isIsoDate("15/11/2026")).toBe(false);
    expect(isIsoDate("")).toBe(false);
  });

  it("builds dates from numbers, checked or not", () => {
    expect(isoDate(2026, 1, 5)).toBe("2026-01-05");
    expect(validIso(2026, 2, 31)).toBeNull();
    expect(validIso(2026, 0, 1)).toBeNull();
    expect(validIso(2028, 2, 29)).toBe("2028-02-29");
    expect(isValidDay(29, 2)).toBe(true); // no year: 29/2 can exist
    expect(isValidDay(29, 2, 2026)).toBe(false);
  });

  it("knows month and year ends", () => {
    expect(yearEnd(2026)).toBe("2026-12-31");
    expect(monthEnd(2024, 2)).toBe("2024-02-29");
    expect(monthEnd(2026, 2)).toBe("2026-02-28");
    expect(monthEnd(2026, 4)).toBe("2026-04-30");
  });

  it("turns into a UTC Date and back; a bad date throws", () => {
    expect(isoToUtcDate("2026-12-31").toISOString()).toBe("2026-12-31T00:00:00.000Z");
    expect(() => isoToUtcDate("2026-02-31")).toThrow(/Ngày không hợp lệ: "2026-02-31"/);
    expect(utcIso(new Date(Date.UTC(2026, 11, 31, 23, 59)))).toBe("2026-12-31");
    expect(utcIso(new Date(NaN))).toBeNull();
  });
});

describe("dates as officers write them", () => {
  it("reads dd/mm/yyyy with or without zeros, any usual separator, or ISO", () => {
    expect(parseViDate("15/11/2026")).toBe("2026-11-15");
    expect(parseViDate("1/2/2026")).toBe("2026-02-01");
    expect(parseViDate(" 5 - 1 - 2027 ")).toBe("2027-01-05");
    expect(parseViDate("31.12.2026")).toBe("2026-12-31");
    expect(parseViDate("2026-11-15")).toBe("2026-11-15");
  });

  it("refuses what is not a real day, and month-first readings", () => {
    expect(parseViDate("31/02/2026")).toBeNull();
    expect(parseViDate("29/02/2026")).toBeNull();
    expect(parseViDate("29/02/2028")).toBe("2028-02-29");
    expect(parseViDate("11/15/2026")).toBeNull(); // month 15
    expect(parseViDate("15/11/26")).toBeNull(); // the year is written whole
    expect(parseViDate("2026-2-1")).toBeNull();
    expect(parseViDate("")).toBeNull();
  });

  it("writes dd/mm/yyyy with zeros", () => {
    expect(formatViDate("2024-06-13")).toBe("13/06/2024");
    expect(formatViDate(null)).toBe("");
    expect(formatViDate("chưa rõ")).toBe("chưa rõ");
    expect(formatUtcDateVi(new Date(Date.UTC(2026, 0, 5)))).toBe("05/01/2026");
  });

  it("takes today from the local calendar, not UTC", () => {
    // 06:30 on 1 January in the machine's zone is that day, whatever UTC says.
    const early = new Date(2027, 0, 1, 6, 30);
    expect(localIsoDate(early)).toBe("2027-01-01");
    expect(localDateTime(early)).toBe("2027-01-01 06:30");
  });
});

describe("Excel serials (1900 date system)", () => {
  it("match the dates Excel shows", () => {
    expect(isoToSerial("2026-11-15")).toBe(46341);
    expect(isoToSerial("1900-03-01")).toBe(61);
    expect(isoToSerial("2026-12-31")).toBe(46387);
    expect(serialToIso(46387)).toBe("2026-12-31");
    expect(serialToIso(46387.75)).toBe("2026-12-31"); // a time of day stays on its day
    expect(serialToIso(isoToSerial("2028-02-29") + 1)).toBe("2028-03-01");
    expect(() => isoToSerial("2026-02-31")).toThrow();
  });
});
