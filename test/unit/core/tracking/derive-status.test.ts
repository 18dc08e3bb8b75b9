import { DERIVED_STATUS as D } from "../../../../src/core/workbook/columns";
import {
  derivedStatus,
  sheetStatus,
  taskStatus,
} from "../../../../src/core/tracking/derive-status";
import { parseYearList, timeKind } from "../../../../src/core/tracking/row-schedule";
import { rowOf, seedRows } from "../../../helpers/tracking-fixtures";

describe("timeKind", () => {
  it.each([
    ["Hằng năm", "annual", true, false],
    ["Hàng năm", "annual", true, false],
    ["Cả năm", "annual", true, false],
    ["Hàng quý", "periodic", true, false],
    ["Quý II, III", "quarter", true, false],
    ["Tháng 6/2025", "month", true, false],
    ["2024 - 2030", "range", false, true],
    ["2024-2025", "range", false, true],
    ["Đến năm 2030", "until", false, true],
    ["2024, 2026, 2028, 2030", "years", true, false],
    ["Năm 2024", "year", true, false],
    ["Thường xuyên", "continuous", true, false],
    ["Khi có hướng dẫn", "on-guidance", true, false],
    ["Sau khi có kinh phí", "unknown", false, false],
  ])("%s → %s", (text, kind, recurring, multiYear) => {
    expect(timeKind(text)).toEqual({ kind, recurring, multiYear });
  });

  it("parses year lists written either way", () => {
    expect(parseYearList("2024-2026")).toEqual([2024, 2025, 2026]);
    expect(parseYearList("2024; 2026")).toEqual([2024, 2026]);
    expect(parseYearList(2025)).toEqual([2025]);
    expect(parseYearList("")).toBeNull();
  });
});

describe("derivedStatus (report year 2026)", () => {
  const rows = seedRows();
  const annual = rowOf(rows, "T2.2"); // Hằng năm → 31/12/2026
  const range = rowOf(rows, "T3.2"); // 2024 - 2030, code ";2024=20301231;…;2030=20301231;"
  const until = rowOf(rows, "T2.6"); // Đến năm 2030, same code
  const odd = rowOf(rows, "T3.1"); // 2024, 2026, 2028, 2030
  const routine = rowOf(rows, "T2.7"); // Thường xuyên

  it("leaves out tasks not due in the year", () => {
    expect(derivedStatus(rowOf(rows, "T2.1"), 2026, "2026-12-15")).toBe(D.notThisYear);
    expect(derivedStatus(odd, 2027, "2027-12-15")).toBe(D.notThisYear);
    expect(derivedStatus({ ...odd, status: "Hoàn thành" }, 2025, "2025-12-15")).toBe(D.notThisYear);
  });

  it("tells on time from late by the completion date", () => {
    const done = { ...annual, status: "Hoàn thành" as const };
    expect(derivedStatus({ ...done, completedOn: "2026-12-31" }, 2026, "2027-01-10")).toBe(
      D.doneOnTime
    );
    expect(derivedStatus({ ...done, completedOn: "2027-01-05" }, 2026, "2027-01-10")).toBe(
      D.doneLate
    );
    // No date, deadline (31/12/2026) past on the report date: completed, timing unknown.
    expect(derivedStatus({ ...done, completedOn: null }, 2026, "2027-01-10")).toBe(D.doneUndated);
    // No date, report date not past the deadline: done by then, so on time.
    expect(derivedStatus({ ...done, completedOn: null }, 2026, "2026-12-31")).toBe(D.doneOnTime);
    // No deadline (Thường xuyên): nothing to be late for.
    expect(derivedStatus({ ...routine, status: "Hoàn thành" }, 2026, "2027-01-10")).toBe(
      D.doneOnTime
    );
  });

  it("does not count a completion date after the report date as done", () => {
    const done = { ...annual, status: "Hoàn thành" as const, completedOn: "2026-12-20" };
    expect(derivedStatus(done, 2026, "2026-11-30")).toBe(D.inProgress);
    expect(derivedStatus(done, 2026, "2026-12-20")).toBe(D.doneOnTime); // the same day is possible
    expect(derivedStatus({ ...done, completedOn: "2027-02-01" }, 2026, "2027-01-10")).toBe(
      D.overdue
    );
    expect(
      derivedStatus(
        { ...routine, ...done, scheduleCode: routine.scheduleCode, deadline: null },
        2026,
        "2026-11-30"
      )
    ).toBe(D.noDeadline);
  });

  it("is overdue only after the deadline", () => {
    expect(derivedStatus({ ...annual, status: "Đang thực hiện" }, 2026, "2026-12-31")).toBe(
      D.inProgress
    );
    expect(derivedStatus({ ...annual, status: "Đang thực hiện" }, 2026, "2027-01-01")).toBe(
      D.overdue
    );
    expect(derivedStatus(annual, 2026, "2026-06-30")).toBe(D.notDue);
    expect(derivedStatus(annual, 2026, "2027-01-15")).toBe(D.overdue);
  });

  it("reports a multi-year task each year as progress, overdue only after its final deadline", () => {
    const going = { ...range, status: "Đang thực hiện" as const };
    expect(derivedStatus(going, 2026, "2026-12-31")).toBe(D.inProgress);
    expect(derivedStatus(going, 2026, "2027-01-05")).toBe(D.inProgress);
    expect(derivedStatus(range, 2026, "2027-01-05")).toBe(D.notDue);
    expect(derivedStatus(until, 2027, "2028-01-05")).toBe(D.notDue);
    expect(derivedStatus(going, 2030, "2030-12-31")).toBe(D.inProgress);
    expect(derivedStatus(going, 2030, "2031-01-15")).toBe(D.overdue);
    expect(derivedStatus(until, 2030, "2031-01-15")).toBe(D.overdue);
    expect(derivedStatus(going, 2031, "2031-06-01")).toBe(D.notThisYear);
    // Done in 2026 is on time: the deadline is 31/12/2030.
    expect(
      derivedStatus(
        { ...range, status: "Hoàn thành", completedOn: "2027-01-03" },
        2026,
        "2027-01-05"
      )
    ).toBe(D.doneOnTime);
  });

  it("follows the schedule code, and a deadline the officer typed over the formula", () => {
    expect(derivedStatus({ ...range, status: "Đang thực hiện" }, 2026, "2026-12-31")).toBe(
      D.inProgress
    );
    expect(derivedStatus({ ...range, status: "Đang thực hiện" }, 2030, "2031-01-15")).toBe(
      D.overdue
    );
    const quarter = { ...range, scheduleCode: ";2025=20250630;" };
    expect(derivedStatus(quarter, 2025, "2025-07-01")).toBe(D.overdue);
    expect(derivedStatus(quarter, 2026, "2026-07-01")).toBe(D.notThisYear);
    expect(derivedStatus({ ...quarter, deadline: "2025-09-30" }, 2025, "2025-07-01")).toBe(
      D.notDue
    );
    // An empty code: due every year, no deadline (a row an officer added).
    expect(derivedStatus({ ...annual, scheduleCode: "" }, 2031, "2032-01-01")).toBe(D.noDeadline);
  });

  it("reads the status as the sheet does: trimmed, any case, but not without diacritics", () => {
    expect(sheetStatus("  HOÀN   THÀNH ")).toBe("Hoàn thành");
    expect(sheetStatus("hoan thanh")).toBeNull();
    expect(
      derivedStatus({ ...annual, status: sheetStatus("hoan thanh") }, 2026, "2027-01-02")
    ).toBe(D.overdue);
  });

  it("has no deadline for routine tasks, and respects Không thực hiện", () => {
    expect(derivedStatus(routine, 2026, "2027-06-01")).toBe(D.noDeadline);
    expect(derivedStatus({ ...routine, status: "Hoàn thành" }, 2026, "2027-06-01")).toBe(
      D.doneOnTime
    );
    expect(derivedStatus({ ...annual, status: "Không thực hiện" }, 2026, "2027-06-01")).toBe(
      D.notDone
    );
  });
});

describe("taskStatus", () => {
  it("counts the lead rows derived as done; empty when not due", () => {
    const rows = seedRows().filter((r) => r.key === "T4.3");
    expect(taskStatus(rows, 2026, "2026-12-15")).toBe("0/2 đơn vị hoàn thành");
    rows[1].status = "Hoàn thành";
    expect(taskStatus(rows, 2026, "2026-12-15")).toBe("1/2 đơn vị hoàn thành");
    rows[0].status = "Hoàn thành";
    rows[0].completedOn = "2027-02-01"; // late still counts as done
    expect(taskStatus(rows, 2026, "2027-03-01")).toBe("2/2 đơn vị hoàn thành");
    expect(taskStatus(rows, 2031, "2031-12-15")).toBe("");
  });
});
