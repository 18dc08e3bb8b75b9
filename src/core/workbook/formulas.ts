/**
 * Every formula of the tracking workbook, and THE RULES they implement. The TypeScript twin
 * (src/core/tracking/derive-status.ts) must implement exactly these rules so that the add-in,
 * the CLI and a workbook opened without the add-in (Excel, LibreOffice) always agree.
 *
 * Inputs, per row of "Nhiệm vụ":
 *   Y  = Năm báo cáo (name NamBaoCao), R = Ngày báo cáo (NgayBaoCao)
 *   K  = "Mã lịch hạn" (schedule-code.ts): which years the task is due in, and the deadline
 *        that applies in each (a full date: for a multi-year task, its final deadline)
 *   D  = "Hạn hoàn thành" = the deadline for Y from K; empty when Y has no deadline
 *        (thường xuyên, khi có hướng dẫn, unreadable time text, K empty) or when not due in Y.
 *        The officer may overwrite D with a date of their own; the status then follows it.
 *   S  = "Trạng thái" compared after TRIM (outer spaces removed, inner runs of spaces made one),
 *        case-insensitively, with the RAW text: a value outside STATUS_VALUES counts as not done
 *        (the dropdown's stop alert keeps such values out; the twin must not "normalize" them).
 *   C  = "Ngày hoàn thành" as a date serial; empty or text counts as "no date".
 *
 * Derived status ("Tình trạng"), first matching rule wins:
 *   1. K is not empty and has neither Y nor "****" in it        → "Không thuộc năm báo cáo"
 *  1b. S = "Hoàn thành", C a date before 1/1 of Y, in a year the task was due in (K empty, or
 *      K has YEAR(C) or "****")                                  → "Hoàn thành năm trước"
 *      (a multi-year task done in 2026 is 2026's result: not counted again in 2027; a task of
 *       2026 alone done early, in 2025, is still 2026's)
 *   2. S = "Không thực hiện"                                   → "Không thực hiện"
 *   3. S = "Hoàn thành" and C > R: a completion date nobody can have on R (an error for the
 *      check): not counted as done until fixed; rules 5–7 as if S = "Đang thực hiện".
 *   4. S = "Hoàn thành": no D, or C ≤ D                        → "Hoàn thành đúng hạn"
 *                        C > D                                → "Hoàn thành quá hạn"
 *                        no C (empty or text) and R ≤ D       → "Hoàn thành đúng hạn"
 *                                                               (done by R, R not past D)
 *                        no C and R > D                       → "Hoàn thành chưa ghi ngày"
 *      (timing unknown: counted as completed in the rate, never as "đúng hạn"; the row is
 *       flagged as inconsistent by the purple conditional format.)
 *   5. no D (and not done)                                     → "Thường xuyên"
 *   6. R > D (and not done)                                    → "Quá hạn"
 *   7. R ≤ D and S = "Đang thực hiện" (or rule 3)              → "Đang thực hiện trong hạn"
 *   8. R ≤ D and S empty / "Chưa triển khai" / anything else   → "Chưa đến hạn"
 *   Rules 7 and 8 are both the government's "chưa hoàn thành, còn trong hạn"; they are kept
 *   apart because "nobody started yet" is what a coordinating department chases.
 *   The deadline day itself is still in time (R = D → not overdue).
 *
 * Partner work is counted per task, once per agency: the hidden "Tình trạng cho đơn vị phối
 * hợp" holds, on the first row of each task key (sheet order; rows without a key: none), the
 * first status of PARTNER_STATUS_ORDER that one of the task's rows has ("" when none, i.e. the
 * task is not in the year); "Tổng hợp" section III counts that column, with the partners of
 * the same row.
 *
 * Completion rate (Quyết định 42/2014/QĐ-TTg practice, DOMAIN.md "Status"):
 *   rate = done ÷ (done + Quá hạn), done = đúng hạn + quá hạn + chưa ghi ngày; empty when the
 *   divisor is 0.
 *   Thường xuyên, Không thực hiện, in-time and not-this-year rows are outside the rate.
 *
 * Inconsistent row (purple), any of:
 *   S = Hoàn thành and no C (empty or text); Tiến độ ≥ 100 and S ≠ Hoàn thành; C after R; C filled and S ≠ Hoàn thành.
 *
 * Formulas use English function names, no leading "=", row-relative A1 references for the row's
 * own cells (a table's [@col] syntax is not read by LibreOffice), and absolute bounded ranges
 * (never whole columns) for lookups across rows.
 */
import { DERIVED_STATUS, NAMES } from "./columns";

/** Column letters of the task-table cells the formulas read, and the row they are on. */
export interface RowCells {
  row: number;
  status: string;
  completedOn: string;
  progress: string;
  deadline: string;
  scheduleCode: string;
  derived: string;
}

const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
const Y = NAMES.reportYear;
const R = NAMES.reportDate;

/** Where ";Y=" (else ";****=") sits in the code cell; an error when Y is not due. */
const findYear = (k: string) => `IFERROR(FIND(";"&${Y}&"=",${k}),FIND(";****=",${k}))`;

/**
 * "Hạn hoàn thành": the deadline that applies in Y as a date, or "" (no deadline / not
 * due). The entry found is ";YYYY=yyyymmdd;": DATE(yyyy, or Y when "****"; mm; dd); "00000000"
 * is no deadline. For a multi-year task the date is its final deadline, after Y.
 */
export function deadlineFormula(c: RowCells): string {
  const k = `$${c.scheduleCode}${c.row}`;
  const part = (offset: number, len: number) => `MID(${k},${findYear(k)}+${offset},${len})`;
  const year = `IF(${part(6, 4)}="****",${Y},VALUE(${part(6, 4)}))`;
  return (
    `IFERROR(IF(${part(6, 8)}="00000000","",` +
    `DATE(${year},VALUE(${part(10, 2)}),VALUE(${part(12, 2)}))),"")`
  );
}

/** "Tình trạng": rules 1–8 above. */
export function derivedStatusFormula(c: RowCells): string {
  const r = c.row;
  const k = `$${c.scheduleCode}${r}`;
  const s = `TRIM($${c.status}${r})`;
  const d = `$${c.deadline}${r}`;
  const cDone = `$${c.completedOn}${r}`;
  const S = DERIVED_STATUS;
  return (
    `IF(AND(${k}<>"",ISERROR(${findYear(k)})),${q(S.notThisYear)},` +
    `IF(AND(${s}="Hoàn thành",ISNUMBER(${cDone}),N(${cDone})<DATE(${Y},1,1),` +
    `OR(${k}="",ISNUMBER(FIND(";"&YEAR(N(${cDone}))&"=",${k})),ISNUMBER(FIND(";****=",${k})))),${q(S.doneEarlier)},` +
    `IF(${s}="Không thực hiện",${q(S.notDone)},` +
    `IF(AND(${s}="Hoàn thành",NOT(AND(ISNUMBER(${cDone}),N(${cDone})>${R}))),` +
    `IF(OR(${d}="",AND(ISNUMBER(${cDone}),N(${cDone})<=N(${d}))),${q(S.doneOnTime)},` +
    `IF(ISNUMBER(${cDone}),${q(S.doneLate)},IF(${R}<=N(${d}),${q(S.doneOnTime)},${q(S.doneUndated)}))),` +
    `IF(${d}="",${q(S.noDeadline)},` +
    `IF(${R}>${d},${q(S.overdue)},` +
    `IF(OR(${s}="Đang thực hiện",${s}="Hoàn thành"),${q(S.inProgress)},${q(S.notDue)})))))))`
  );
}

/** "Tình trạng nhiệm vụ": how many of the task's lead rows are done, "1/2 đơn vị hoàn thành". */
export function taskProgressFormula(
  keyCell: string,
  keys: string,
  derived: string,
  derivedCell: string
): string {
  const done = [DERIVED_STATUS.doneOnTime, DERIVED_STATUS.doneLate, DERIVED_STATUS.doneUndated]
    .map((s) => `COUNTIFS(${keys},${keyCell},${derived},${q(s)})`)
    .join("+");
  return `IF(${derivedCell}=${q(DERIVED_STATUS.notThisYear)},"",${done}&"/"&COUNTIF(${keys},${keyCell})&" đơn vị hoàn thành")`;
}

/**
 * A task's status for its partners: the first of these one of its lead rows has (the least
 * advanced wins: a task is done only when every lead is done).
 */
export const PARTNER_STATUS_ORDER = [
  DERIVED_STATUS.overdue,
  DERIVED_STATUS.inProgress,
  DERIVED_STATUS.notDue,
  DERIVED_STATUS.noDeadline,
  DERIVED_STATUS.notDone,
  DERIVED_STATUS.doneUndated,
  DERIVED_STATUS.doneLate,
  DERIVED_STATUS.doneOnTime,
  DERIVED_STATUS.doneEarlier,
] as const;

/**
 * "Tình trạng cho đơn vị phối hợp" on row `row`: the task's status on its first row (the key
 * not seen above in `keyColumn`), "" elsewhere and on rows without a key.
 */
export function partnerStatusFormula(
  keyColumn: string,
  firstRow: number,
  row: number,
  keys: string,
  derived: string
): string {
  const key = `$${keyColumn}${row}`;
  const chain = PARTNER_STATUS_ORDER.reduceRight(
    (rest, s) => `IF(COUNTIFS(${keys},${key},${derived},${q(s)})>0,${q(s)},${rest})`,
    `""`
  );
  return `IF(OR(${key}="",COUNTIF($${keyColumn}$${firstRow}:${key},${key})>1),"",${chain})`;
}

/** Rows of the task range whose derived status is `status`, times an optional row condition. */
export function countStatus(derived: string, status: string, condition?: string): string {
  return condition
    ? `SUMPRODUCT(${condition}*(${derived}=${q(status)}))`
    : `SUMPRODUCT(--(${derived}=${q(status)}))`;
}

/** Exact match of one name in a "; "-joined cell: "Sở X" never matches "Sở X và Y". */
export function joinedListContains(joinedRange: string, nameCell: string): string {
  return `ISNUMBER(FIND("; "&${nameCell}&";","; "&${joinedRange}&";"))`;
}

/** The completion rate from the cells holding the done counts (on time, late, undated) and overdue. */
export function rateFormula(done: string[], overdue: string): string {
  const d = done.join("+");
  return `IF(${d}+${overdue}=0,"",(${d})/(${d}+${overdue}))`;
}

/** Conditional-format expressions, relative to the first data row (row-relative, column-absolute). */
export function overdueRule(c: RowCells): string {
  return `$${c.derived}${c.row}=${q(DERIVED_STATUS.overdue)}`;
}

export function dueSoonRule(c: RowCells): string {
  const d = `$${c.deadline}${c.row}`;
  const x = `$${c.derived}${c.row}`;
  return `AND(OR(${x}=${q(DERIVED_STATUS.inProgress)},${x}=${q(DERIVED_STATUS.notDue)}),ISNUMBER(${d}),${d}-${R}<=${NAMES.dueSoonDays})`;
}

export function doneRule(c: RowCells): string {
  return `LEFT($${c.derived}${c.row},10)="Hoàn thành"`;
}

export function inconsistentRule(c: RowCells): string {
  const r = c.row;
  const s = `TRIM($${c.status}${r})`;
  const cDone = `$${c.completedOn}${r}`;
  return (
    `OR(AND(${s}="Hoàn thành",NOT(ISNUMBER(${cDone}))),AND(N($${c.progress}${r})>=100,${s}<>"Hoàn thành"),` +
    `AND(ISNUMBER(${cDone}),N(${cDone})>${R}),AND(${cDone}<>"",${s}<>"Hoàn thành"))`
  );
}
