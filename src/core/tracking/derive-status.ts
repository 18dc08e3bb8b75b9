/**
 * "Tình trạng" in TypeScript: the twin of derivedStatusFormula in src/core/workbook/formulas.ts,
 * whose header states the rules. Same inputs as the sheet: the schedule code (due years and
 * deadlines), an officer-typed deadline, the status and the completion date only when the
 * cell holds a real date. The sheet compares the status text (TRIM, case-insensitive); core
 * reads it by status-wording.ts, so "xong rồi" counts here before `fix` writes "Hoàn thành"
 * for the sheet (validate says which rows the sheet does not count yet).
 *
 *   1. code not empty and the year not in it              → Không thuộc năm báo cáo
 *  1b. Hoàn thành with a date before the year, in a year the task was due in → Hoàn thành năm trước
 *   2. Không thực hiện                                    → Không thực hiện
 *   3. Hoàn thành with a completion date after the report date → not done yet: rules 4–6
 *      as if "Đang thực hiện" (an impossible date is an error until fixed)
 *   4. Hoàn thành: no deadline, or date ≤ deadline        → đúng hạn; date > deadline → quá hạn;
 *      no date: report date ≤ deadline → đúng hạn (done by then), else → chưa ghi ngày
 *   5. no deadline                                        → Thường xuyên
 *   6. report date > deadline                             → Quá hạn
 *   7. Đang thực hiện                                     → Đang thực hiện trong hạn
 *   8. anything else (empty, Chưa triển khai, unknown)    → Chưa đến hạn
 */
import { deadlineFromCode } from "../workbook/schedule-code";
import { DERIVED_STATUS, STATUS_VALUES, type StatusValue } from "../workbook/columns";
import type { TrackingRow } from "../workbook/tracking-model";

export type DerivedStatus = (typeof DERIVED_STATUS)[keyof typeof DERIVED_STATUS];

/** What derivedStatus reads from a row. */
export type StatusInput = Pick<TrackingRow, "status" | "completedOn" | "scheduleCode" | "deadline">;

/** Whether the row is due in `year`, and its deadline there (the officer's date wins). */
export function dueIn(
  row: Pick<TrackingRow, "scheduleCode" | "deadline">,
  year: number
): { due: boolean; deadline: string | null } {
  const fromCode = deadlineFromCode(row.scheduleCode, year);
  return { due: fromCode.due, deadline: row.deadline ?? fromCode.deadline };
}

export function derivedStatus(row: StatusInput, year: number, refDate: string): DerivedStatus {
  const { due, deadline } = dueIn(row, year);
  if (!due) return DERIVED_STATUS.notThisYear;
  if (doneInEarlierYear(row, year)) return DERIVED_STATUS.doneEarlier;
  return statusFor(row.status, row.completedOn, deadline, refDate);
}

/**
 * Rule 1b: done on a date before `year`, in a year the task was due in: that year's result
 * (a multi-year task done in 2026 is not done again in 2027). A task of `year` alone finished
 * early, in a year it was not due in, stays this year's.
 */
export function doneInEarlierYear(row: StatusInput, year: number): boolean {
  const c = row.completedOn;
  if (row.status !== "Hoàn thành" || c === null || c >= `${year}-01-01`) return false;
  return deadlineFromCode(row.scheduleCode, Number(c.slice(0, 4))).due;
}

/** Whether a derived status counts in the year's figures (and reports list the row). */
export function countsInYear(s: DerivedStatus): boolean {
  return s !== DERIVED_STATUS.notThisYear && s !== DERIVED_STATUS.doneEarlier;
}

/** Rules 2–8 on plain values (ISO dates compare as strings). */
function statusFor(
  status: StatusValue | null,
  completedOn: string | null,
  deadline: string | null,
  refDate: string
): DerivedStatus {
  if (status === "Không thực hiện") return DERIVED_STATUS.notDone;
  const futureDate = completedOn !== null && completedOn > refDate;
  if (status === "Hoàn thành" && !futureDate) {
    if (!deadline || (completedOn !== null && completedOn <= deadline))
      return DERIVED_STATUS.doneOnTime;
    if (completedOn !== null) return DERIVED_STATUS.doneLate;
    return refDate <= deadline ? DERIVED_STATUS.doneOnTime : DERIVED_STATUS.doneUndated;
  }
  if (!deadline) return DERIVED_STATUS.noDeadline;
  if (refDate > deadline) return DERIVED_STATUS.overdue;
  if (status === "Đang thực hiện" || status === "Hoàn thành") return DERIVED_STATUS.inProgress;
  return DERIVED_STATUS.notDue;
}

const BY_LOWER = new Map(STATUS_VALUES.map((s) => [s.toLowerCase(), s]));

/**
 * The status as the sheet compares it: Excel's TRIM (spaces only: outer removed, inner runs
 * made one) and case-insensitive "=". "hoan thanh" stays unknown here: validation offers the fix.
 */
export function sheetStatus(typed: string): StatusValue | null {
  const t = typed.replace(/ +/g, " ").replace(/^ | $/g, "");
  return BY_LOWER.get(t.toLowerCase()) ?? null;
}

export function isDone(s: DerivedStatus): boolean {
  return (
    s === DERIVED_STATUS.doneOnTime ||
    s === DERIVED_STATUS.doneLate ||
    s === DERIVED_STATUS.doneUndated
  );
}

/**
 * The task's own status from its rows (one per lead agency), as "Tình trạng nhiệm vụ" shows
 * it: "3/5 đơn vị hoàn thành" counting rows derived as done; "" when not due in the year.
 */
export function taskStatus(
  rowsOfOneKey: readonly StatusInput[],
  year: number,
  refDate: string
): string {
  const statuses = rowsOfOneKey.map((r) => derivedStatus(r, year, refDate));
  if (statuses.length === 0 || statuses[0] === DERIVED_STATUS.notThisYear) return "";
  return `${statuses.filter(isDone).length}/${statuses.length} đơn vị hoàn thành`;
}
