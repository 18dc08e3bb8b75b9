/**
 * When a year roll-over is refused, and which errors of the finished year must be seen first:
 * one rule for `phuluc rollover`, the pane's file mode and the roll-over in the open workbook.
 *  - no "Năm báo cáo": nothing to roll from;
 *  - the target year is the current one or earlier: already rolled / no going back;
 *  - only the next year: a year nobody reported on would have no history;
 *  - "Lịch sử" already holds the current year (rolled, then the year set back by hand): rolling
 *    again would overwrite the archived values.
 * Errors still open in the finished year do not refuse by themselves: "Lịch sử" keeps what it
 * archives for good, so the officer sees them and goes on only on purpose (--force, the pane's
 * confirmation).
 */
import { PhuLucError } from "../errors/phuluc-error";
import type { Finding } from "../model";
import { SHEETS } from "../workbook/columns";
import type { TrackingWorkbook } from "../workbook/tracking-model";
import { validateTracking } from "./validate";
import { yearEnd } from "../text/dates";

export type RolloverRefusalCode =
  | "NO_REPORT_YEAR"
  | "SAME_YEAR"
  | "BACKWARDS"
  | "NOT_NEXT_YEAR"
  | "YEAR_IN_HISTORY"
  /** Errors still open and no --force / confirmation (see openErrorsBeforeRollover). */
  | "OPEN_ERRORS"
  /** The open workbook has no "Lịch sử" table to append to (the CLI rebuilds it). */
  | "NO_HISTORY_SHEET"
  /** Neither the defined name nor the label finds Năm báo cáo / Ngày báo cáo (input-cells.ts). */
  | "NO_INPUT_CELL";

export interface RolloverRefusal {
  code: RolloverRefusalCode;
  /** Vietnamese, a full sentence naming the sheet and the years. */
  message: string;
}

/** A refused roll-over: nothing was written. Shown to the officer as is. */
export class RolloverRefused extends PhuLucError {
  readonly reason: RolloverRefusalCode;

  constructor(refusal: RolloverRefusal) {
    super("ROLLOVER_REFUSED", refusal.message);
    this.name = "RolloverRefused";
    this.reason = refusal.code;
  }
}

/** Why `wb` cannot be rolled over to `toYear` (default: the next year), or null. */
export function rolloverRefusal(wb: TrackingWorkbook, toYear?: number): RolloverRefusal | null {
  const from = wb.reportYear;
  if (from === null)
    return {
      code: "NO_REPORT_YEAR",
      message: `Sổ chưa có "Năm báo cáo" (trang "${SHEETS.info}"): không chuyển năm được.`,
    };
  const to = toYear ?? from + 1;
  if (to === from)
    return {
      code: "SAME_YEAR",
      message: `Sổ đã ở năm báo cáo ${from}: đã chuyển năm rồi, không chuyển lại (lịch sử không bị ghi trùng).`,
    };
  if (to < from)
    return {
      code: "BACKWARDS",
      message: `Sổ đang ở năm báo cáo ${from}, không lùi về năm ${to}.`,
    };
  if (to !== from + 1)
    return {
      code: "NOT_NEXT_YEAR",
      message: `Chỉ chuyển được sang năm kế tiếp (${from + 1}), không phải ${to}: năm ${from + 1} chưa được báo cáo.`,
    };
  const latest = wb.history.reduce((m, h) => Math.max(m, h.year), 0);
  if (latest >= from)
    return {
      code: "YEAR_IN_HISTORY",
      message: `Trang "${SHEETS.history}" đã có số liệu năm ${latest}: sổ đã được chuyển năm rồi, không chuyển lại (lịch sử không bị ghi trùng).`,
    };
  return null;
}

/** Throws RolloverRefused when `rolloverRefusal` says no; returns the year rolled from. */
export function assertRollover(wb: TrackingWorkbook, toYear: number): number {
  const refusal = rolloverRefusal(wb, toYear);
  if (refusal) throw new RolloverRefused(refusal);
  return wb.reportYear!;
}

/** The date the finished year is judged at: its report date when inside it, else 31/12. */
function finishedYearDate(wb: TrackingWorkbook): string {
  const from = wb.reportYear;
  if (from === null) return "";
  return wb.reportDate?.startsWith(String(from)) ? wb.reportDate : yearEnd(from);
}

/**
 * Errors still open in the year being finished (reading the workbook's structure, then the
 * rows' values), to list before a roll-over archives the year.
 */
export function openErrorsBeforeRollover(
  wb: TrackingWorkbook,
  readFindings: Finding[] = []
): Finding[] {
  if (wb.reportYear === null) return [];
  return [
    ...readFindings,
    ...validateTracking(wb, { year: wb.reportYear, date: finishedYearDate(wb) }),
  ].filter((f) => f.severity === "error");
}
