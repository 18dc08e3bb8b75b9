/**
 * The year roll-over in the open workbook (core/tracking/rollover.ts computes it):
 *   syncs 1–2  read the tracking sheets and names (read-tracking-office);
 *   sync 3     read the cells to change, the backup sheet and the history table (apply-changes);
 *   sync 4     backup batch, then the changed cells (reset / carried rows, Năm báo cáo, Ngày báo
 *              cáo) and the finished year's lines appended to the history table.
 * 4 syncs, plus one per ~4 MB of payload; a failure puts everything back (2 more) and a refused
 * roll-over (not the next year, already rolled) writes nothing. Undo: undoChanges(batchId).
 */
import { parseCell } from "../../core/spec/a1";
import { readTracking } from "../../core/tracking/read-tracking";
import { rollover, historyCells, type RolloverResult } from "../../core/tracking/rollover";
import { rowChanges, type CellChange } from "../../core/tracking/changes";
import { HISTORY_COLUMNS, TRACKED_COLUMNS } from "../../core/tracking/tracking-model";
import { NAMES, SHEETS, TABLES, TASK_COLUMNS } from "../../core/workbook/columns";
import { historyValue } from "../../core/workbook/history-sheet";
import { INFO_INPUTS } from "../../core/workbook/info-sheet";
import { cellText } from "../../core/tracking/raw-cell";
import { applyChanges, type ApplyChangesOptions } from "./apply-changes";
import { toOfficeInput, type OfficeInput } from "./office-values";
import { readTrackingFromOffice } from "./read-tracking-office";

export class RolloverRefused extends Error {
  readonly code = "ROLLOVER_REFUSED";
}

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
  } = {}
): Promise<RolloverOfficeResult> {
  const read = await readTrackingFromOffice(context);
  const { workbook: wb } = readTracking(read.cells, "Sổ làm việc đang mở");
  const from = wb.reportYear;
  if (from === null)
    throw new RolloverRefused(
      `Sổ chưa có "Năm báo cáo" (trang "${SHEETS.info}"): không chuyển năm được.`
    );
  if (toYear <= from)
    throw new RolloverRefused(
      toYear === from
        ? `Sổ đã ở năm báo cáo ${from}: đã chuyển năm rồi, không chuyển lại.`
        : `Sổ đang ở năm báo cáo ${from}, không lùi về năm ${toYear}.`
    );
  if (toYear !== from + 1)
    throw new RolloverRefused(
      `Chỉ chuyển được sang năm kế tiếp (${from + 1}), không phải ${toYear}.`
    );
  const history = read.cells.sheets.find((s) => s.name === SHEETS.history);
  const headers = Array.from(history?.rows?.[0] ?? [], (h) => cellText(h));
  if (!history || headers.length === 0)
    throw new RolloverRefused(`Không thấy trang "${SHEETS.history}" để lưu số liệu năm ${from}.`);
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

/** Năm báo cáo / Ngày báo cáo, where their names point (else the info sheet's fixed cells). */
function inputChanges(
  cells: Parameters<typeof readTracking>[0],
  to: number,
  date: string,
  reason: string
): CellChange[] {
  const at = (name: string, fallback: string) => {
    const ref = cells.names?.find((n) => n.name === name)?.refersTo ?? "";
    const m = /^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]+)\$?(\d+)$/.exec(ref.replace(/^=/, ""));
    return m
      ? { sheet: m[1]?.replace(/''/g, "'") ?? m[2], address: `${m[3]}${m[4]}` }
      : { sheet: SHEETS.info, address: fallback };
  };
  const before = (sheet: string, address: string) => {
    const grid = cells.sheets.find((s) => s.name === sheet)?.rows ?? [];
    const { row, col } = parseCell(address);
    const raw = grid[row - 1]?.[col - 1];
    const v =
      raw !== null && typeof raw === "object" && "value" in raw
        ? (raw as { value: unknown }).value
        : raw;
    return typeof v === "number" || typeof v === "string" ? v : null;
  };
  const y = at(NAMES.reportYear, INFO_INPUTS.reportYear);
  const d = at(NAMES.reportDate, INFO_INPUTS.reportDate);
  return [
    {
      ...y,
      row: parseCell(y.address).row,
      column: "Năm báo cáo",
      before: before(y.sheet, y.address),
      after: to,
      reason,
      code: "ROLLOVER",
    },
    {
      ...d,
      row: parseCell(d.address).row,
      column: "Ngày báo cáo",
      before: before(d.sheet, d.address),
      after: { date },
      reason,
      code: "ROLLOVER",
    },
  ];
}
