/**
 * "Tình trạng": what a row means for the reporting year and the report date. These rules are
 * the TypeScript twin of the "Tình trạng" formula the workbook builder writes
 * (src/core/workbook/formulas.ts); the two must give the same answer for the same row.
 *
 * In order:
 *  1. not due in the year ("Các năm thực hiện")          → Không thuộc năm báo cáo
 *  2. Trạng thái = Không thực hiện                       → Không thực hiện
 *  3. Hoàn thành: no deadline, no completion date, or
 *     completed on/before the deadline                    → Hoàn thành đúng hạn, else quá hạn
 *  4. no deadline (thường xuyên, khi có hướng dẫn)        → Thường xuyên
 *  5. report date after the deadline                      → Quá hạn
 *  6. Đang thực hiện                                      → Đang thực hiện trong hạn
 *  7. otherwise (Chưa triển khai, empty)                  → Chưa đến hạn
 */
import { DERIVED_STATUS, type StatusValue } from "../workbook/columns";
import { isDueIn, rowSchedule, type RowSchedule } from "./row-schedule";
import type { TrackingRow } from "./tracking-model";

export type DerivedStatus = (typeof DERIVED_STATUS)[keyof typeof DERIVED_STATUS];

/** What derivedStatus reads from a row. */
export type StatusInput = Pick<TrackingRow, "status" | "completedOn" | "timeText" | "years">;

export function derivedStatus(
  row: StatusInput,
  year: number,
  refDate: string,
  schedule: RowSchedule = rowSchedule(row.timeText, row.years),
): DerivedStatus {
  if (!isDueIn(schedule, year)) return DERIVED_STATUS.notThisYear;
  return statusFor(row.status, row.completedOn, schedule.deadlineIn(year), refDate);
}

/** The rule on plain values (ISO dates compare as strings). */
export function statusFor(
  status: StatusValue | null,
  completedOn: string | null,
  deadline: string | null,
  refDate: string,
): DerivedStatus {
  if (status === "Không thực hiện") return DERIVED_STATUS.notDone;
  if (status === "Hoàn thành") {
    return !deadline || !completedOn || completedOn <= deadline ? DERIVED_STATUS.doneOnTime : DERIVED_STATUS.doneLate;
  }
  if (!deadline) return DERIVED_STATUS.noDeadline;
  if (refDate > deadline) return DERIVED_STATUS.overdue;
  if (status === "Đang thực hiện") return DERIVED_STATUS.inProgress;
  return DERIVED_STATUS.notDue;
}

export function isDone(s: DerivedStatus): boolean {
  return s === DERIVED_STATUS.doneOnTime || s === DERIVED_STATUS.doneLate;
}

/**
 * The task's own status from its rows (one per lead agency), as the workbook shows it:
 * "3/5 đơn vị hoàn thành" (uniform, also "1/1 …", so the formula stays one COUNTIFS ratio).
 */
export function taskStatus(rowsOfOneKey: readonly Pick<TrackingRow, "status">[]): string {
  const done = rowsOfOneKey.filter((r) => r.status === "Hoàn thành").length;
  return `${done}/${rowsOfOneKey.length} đơn vị hoàn thành`;
}
