/**
 * The year roll-over in the open workbook (core/tracking/rollover.ts computes it):
 *   syncs 1–2  read the tracking sheets and names (read-tracking-office);
 *   sync 3     read the cells to change, the backup sheet and the history table (apply-changes);
 *   sync 4     backup batch, then the changed cells (reset / carried rows, Năm báo cáo, Ngày báo
 *              cáo) and the finished year's lines appended to the history table.
 * 4 syncs, plus one per ~4 MB of payload; a failure puts everything back (2 more) and a refused
 * roll-over (core/tracking/rollover-rules: not the next year, already rolled, errors still open
 * without `force`) writes nothing. Undo: undoChanges(batchId).
 */
import { readTracking } from "../../core/tracking/read-tracking";
import {
  openErrorsBeforeRollover,
  RolloverRefused,
  rolloverRefusal,
} from "../../core/tracking/rollover-rules";
import { rolloverPlan } from "../../core/tracking/rollover-plan";
import type { RolloverResult } from "../../core/tracking/rollover";
import { SHEETS } from "../../core/workbook/columns";
import { applyChanges, type ApplyChangesOptions } from "./apply-changes";
import { toOfficeInput } from "./office-values";
import { readTrackingFromOffice } from "./read-tracking-office";
import { yearEnd } from "../../core/text/dates";

/** A type (not an interface) so callers may treat it as Record<string, unknown>. */
export type RolloverOfficeResult = {
  syncs: number;
  batchId: string;
  from: number;
  to: number;
  reset: number;
  carried: number;
  kept: number;
  /** History lines appended. */
  archived: number;
  /** Cells written on the task and info sheets. */
  cells: number;
  /** Leads and partners renamed to the agency existing in the new year. */
  moved: RolloverResult["moved"];
};

export async function rolloverInOffice(
  context: Excel.RequestContext,
  toYear: number,
  options: {
    reportDate?: string;
    now?: () => Date;
    backupSheet?: ApplyChangesOptions["backupSheet"];
    /** Go on although errors are still open in the finished year (the officer confirmed). */
    force?: boolean;
  } = {}
): Promise<RolloverOfficeResult> {
  const read = await readTrackingFromOffice(context);
  const { workbook: wb, findings } = readTracking(read.cells, "Sổ làm việc đang mở");
  const refusal = rolloverRefusal(wb, toYear);
  if (refusal) throw new RolloverRefused(refusal);
  const from = wb.reportYear!;
  const errors = openErrorsBeforeRollover(wb, findings);
  if (errors.length > 0 && !options.force)
    throw new RolloverRefused({
      code: "OPEN_ERRORS",
      message: `Năm ${from} còn ${errors.length} lỗi chưa sửa; trang "${SHEETS.history}" lưu số liệu năm ${from} vĩnh viễn, nên hãy sửa trước hoặc xác nhận vẫn chuyển năm.`,
    });
  const { changes, history, summary } = rolloverPlan(
    read.cells,
    wb,
    toYear,
    options.reportDate ?? yearEnd(toYear)
  );
  if (!history)
    throw new RolloverRefused({
      code: "NO_HISTORY_SHEET",
      message: `Không thấy trang "${SHEETS.history}" để lưu số liệu năm ${from}.`,
    });
  const values = history.rows.map((row) => row.map(toOfficeInput));
  const applied = await applyChanges(context, changes, {
    backupSheet: options.backupSheet,
    now: options.now,
    appendRows: values.length ? { sheet: history.sheet, table: history.table, values } : undefined,
  });
  return {
    syncs: read.syncs + applied.syncs,
    batchId: applied.batchId,
    from,
    to: toYear,
    reset: summary.reset,
    carried: summary.carried,
    kept: summary.kept,
    archived: summary.archived,
    cells: changes.length,
    moved: summary.moved,
  };
}
