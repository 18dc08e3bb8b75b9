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
import { inputCell, INPUT_LABELS } from "../../core/tracking/input-cells";
import { readTracking } from "../../core/tracking/read-tracking";
import type { TrackingCells } from "../../core/tracking/tracking-cells";
import {
  assertRollover,
  openErrorsBeforeRollover,
  RolloverRefused,
} from "../../core/tracking/rollover-rules";
import { rollover, historyCells, type RolloverResult } from "../../core/tracking/rollover";
import { rowChanges, type CellChange } from "../../core/tracking/changes";
import { HISTORY_COLUMNS, TRACKED_COLUMNS } from "../../core/workbook/tracking-model";
import { NAMES, SHEETS, TABLES, TASK_COLUMNS } from "../../core/workbook/columns";
import { historyValue } from "../../core/workbook/history-sheet";
import { cellText, cellValue } from "../../core/tracking/raw-cell";
import { applyChanges, type ApplyChangesOptions } from "./apply-changes";
import { toOfficeInput, type OfficeInput } from "./office-values";
import { readTrackingFromOffice } from "./read-tracking-office";

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
  const from = assertRollover(wb, toYear);
  const errors = openErrorsBeforeRollover(wb, findings);
  if (errors.length > 0 && !options.force)
    throw new RolloverRefused({
      code: "OPEN_ERRORS",
      message: `Năm ${from} còn ${errors.length} lỗi chưa sửa; trang "${SHEETS.history}" lưu số liệu năm ${from} vĩnh viễn, nên hãy sửa trước hoặc xác nhận vẫn chuyển năm.`,
    });
  const history = read.cells.sheets.find((s) => s.name === SHEETS.history);
  const headers = Array.from(history?.rows?.[0] ?? [], (h) => cellText(h));
  if (!history || headers.length === 0)
    throw new RolloverRefused({
      code: "NO_HISTORY_SHEET",
      message: `Không thấy trang "${SHEETS.history}" để lưu số liệu năm ${from}.`,
    });
  const reportDate = options.reportDate ?? `${toYear}-12-31`;

  const result = rollover(wb, toYear);
  const reason = `Chuyển sổ từ năm ${from} sang năm ${toYear}`;
  const changes: CellChange[] = [
    ...rowChanges(wb, result.workbook, reason, "ROLLOVER"),
    ...inputChanges(read.cells, toYear, reportDate, reason),
  ];
  const added = result.workbook.history.slice(wb.history.length);
  const values: OfficeInput[][] = added.map((h) => {
    const cells = historyCells(h);
    return headers.map((header): OfficeInput => {
      const id = TRACKED_COLUMNS.find((c) => TASK_COLUMNS[c] === header);
      if (id) return toOfficeInput(historyValue(id, h.values[id]));
      if (header === HISTORY_COLUMNS.derived)
        return toOfficeInput(historyValue("derived", h.values.derived));
      const v = cells[header];
      return v === undefined ? "" : typeof v === "number" ? v : toOfficeInput(v);
    });
  });
  const applied = await applyChanges(context, changes, {
    backupSheet: options.backupSheet,
    now: options.now,
    appendRows: values.length
      ? { sheet: SHEETS.history, table: TABLES.history, values }
      : undefined,
  });
  const count = (a: string) => result.actions.filter((x) => x.action === a).length;
  return {
    syncs: read.syncs + applied.syncs,
    batchId: applied.batchId,
    from,
    to: toYear,
    reset: count("reset"),
    carried: count("carry"),
    kept: count("keep"),
    archived: added.length,
    cells: changes.length,
    moved: result.moved,
  };
}

/** Năm báo cáo / Ngày báo cáo written to the cells they were read from (input-cells.ts). */
function inputChanges(
  cells: TrackingCells,
  to: number,
  date: string,
  reason: string
): CellChange[] {
  const change = (id: "reportYear" | "reportDate", after: CellChange["after"]): CellChange => {
    const at = inputCell(cells, id);
    if (!at)
      throw new RolloverRefused({
        code: "NO_INPUT_CELL",
        message: `Không thấy ô "${INPUT_LABELS[id]}" (tên ${NAMES[id]} không còn, trang "${SHEETS.info}" không có dòng "${INPUT_LABELS[id]}" ở cột A): không chuyển năm được.`,
      });
    const v = cellValue(at.value);
    return {
      sheet: at.sheet,
      address: at.address,
      row: at.row,
      column: INPUT_LABELS[id],
      before: typeof v === "number" || typeof v === "string" ? v : null,
      after,
      reason,
      code: "ROLLOVER",
    };
  };
  return [change("reportYear", to), change("reportDate", { date })];
}
