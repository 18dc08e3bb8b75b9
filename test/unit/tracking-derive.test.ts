import { DERIVED_STATUS as D } from "../../src/core/workbook/columns";
import { derivedStatus, taskStatus } from "../../src/core/tracking/derive-status";
import { parseYearList, rowSchedule } from "../../src/core/tracking/row-schedule";
import { rowOf, seedRows } from "./tracking-fixtures";

describe("rowSchedule", () => {
  it("reads the vocabulary of Thời gian thực hiện", () => {
    const period = { from: 2024, to: 2030 };
    expect(rowSchedule("Hằng năm", null, period)).toMatchObject({ kind: "annual", recurring: true });
    expect(rowSchedule("Hàng năm", null, period).deadlineIn(2026)).toBe("2026-12-31");
    expect(rowSchedule("Hằng năm", null, period).years).toEqual([2024, 2025, 2026, 2027, 2028, 2029, 2030]);
    expect(rowSchedule("2024 - 2030", null).deadlineIn(2026)).toBe("2030-12-31");
    expect(rowSchedule("2024 - 2030", null)).toMatchObject({ kind: "range", multiYear: true, finalYear: 2030 });
    expect(rowSchedule("Đến năm 2030", null, period)).toMatchObject({ kind: "until", multiYear: true });
    expect(rowSchedule("Đến năm 2030", null, period).years?.[0]).toBe(2024);
    expect(rowSchedule("2024, 2026, 2028, 2030", null).years).toEqual([2024, 2026, 2028, 2030]);
    expect(rowSchedule("Quý II, III", [2025]).deadlineIn(2025)).toBe("2025-09-30");
    expect(rowSchedule("Tháng 6/2025", null).deadlineIn(2025)).toBe("2025-06-30");
    expect(rowSchedule("Thường xuyên", null).deadlineIn(2026)).toBeNull();
    expect(rowSchedule("Khi có hướng dẫn", null).kind).toBe("on-guidance");
    expect(rowSchedule("Sau khi có kinh phí", null).kind).toBe("unknown");
  });

  it("parses year lists written either way", () => {
    expect(parseYearList("2024 - 2026")).toEqual([2024, 2025, 2026]);
    expect(parseYearList("2024, 2026")).toEqual([2024, 2026]);
    expect(parseYearList(2025)).toEqual([2025]);
    expect(parseYearList("")).toBeNull();
  });
});

describe("derivedStatus (report year 2026)", () => {
  const rows = seedRows();
  const annual = rowOf(rows, "T2.2"); // Hằng năm → 31/12/2026
  const range = rowOf(rows, "T3.2"); // 2024 - 2030 → 31/12/2030
  const odd = rowOf(rows, "T3.1"); // 2024, 2026, 2028, 2030
  const routine = rowOf(rows, "T2.7"); // Thường xuyên

  it("leaves out tasks not due in the year", () => {
    expect(derivedStatus(rowOf(rows, "T2.1"), 2026, "2026-12-15")).toBe(D.notThisYear);
    expect(derivedStatus(odd, 2027, "2027-12-15")).toBe(D.notThisYear);
    expect(derivedStatus({ ...odd, status: "Hoàn thành" }, 2025, "2025-12-15")).toBe(D.notThisYear);
  });

  it("tells on time from late by the completion date", () => {
    const done = { ...annual, status: "Hoàn thành" as const };
    expect(derivedStatus({ ...done, completedOn: "2026-12-31" }, 2026, "2027-01-10")).toBe(D.doneOnTime);
    expect(derivedStatus({ ...done, completedOn: "2027-01-05" }, 2026, "2027-01-10")).toBe(D.doneLate);
    expect(derivedStatus({ ...done, completedOn: null }, 2026, "2027-01-10")).toBe(D.doneOnTime);
  });

  it("is overdue only after the deadline", () => {
    expect(derivedStatus({ ...annual, status: "Đang thực hiện" }, 2026, "2026-12-31")).toBe(D.inProgress);
    expect(derivedStatus({ ...annual, status: "Đang thực hiện" }, 2026, "2027-01-01")).toBe(D.overdue);
    expect(derivedStatus(annual, 2026, "2026-06-30")).toBe(D.notDue);
    expect(derivedStatus(annual, 2026, "2027-01-15")).toBe(D.overdue);
  });

  it("keeps multi-year tasks within the deadline until the final year", () => {
    expect(derivedStatus({ ...range, status: "Đang thực hiện" }, 2026, "2027-01-15")).toBe(D.inProgress);
    expect(derivedStatus({ ...range, status: "Đang thực hiện" }, 2030, "2031-01-15")).toBe(D.overdue);
  });

  it("has no deadline for routine tasks, and respects Không thực hiện", () => {
    expect(derivedStatus(routine, 2026, "2027-06-01")).toBe(D.noDeadline);
    expect(derivedStatus({ ...routine, status: "Hoàn thành" }, 2026, "2027-06-01")).toBe(D.doneOnTime);
    expect(derivedStatus({ ...annual, status: "Không thực hiện" }, 2026, "2027-06-01")).toBe(D.notDone);
  });
});

describe("taskStatus", () => {
  it("counts the lead agencies that finished", () => {
    const rows = seedRows().filter((r) => r.key === "T4.3");
    expect(taskStatus(rows)).toBe("0/2 đơn vị hoàn thành");
    rows[1].status = "Hoàn thành";
    expect(taskStatus(rows)).toBe("1/2 đơn vị hoàn thành");
    expect(taskStatus([{ status: "Hoàn thành" }, { status: "Hoàn thành" }, { status: "Đang thực hiện" }])).toBe(
      "2/3 đơn vị hoàn thành",
    );
  });
});
