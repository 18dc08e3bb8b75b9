/**
 * The open tracking workbook → TrackingCells (the neutral input of core/tracking/read-tracking),
 * in ONE context.sync() whatever the row count: the used range (values + formulas) of each
 * tracking sheet, and the workbook's defined names. Dates arrive as serials (numbers), which
 * readTracking reads as real dates; formula cells as { value, formula } like the xlsx adapter.
 */
import {
  readTracking,
  type ReadTrackingResult,
  type TrackingCells,
} from "../../core/tracking/read-tracking";
import { CHANGE_LOG_SHEET } from "../../core/tracking/changes";
import { SHEETS } from "../../core/workbook/columns";
import { PRINT_TEXTS_SHEET } from "../../core/papers/print-texts";
import { CONSOLIDATION_SHEET } from "../../core/papers/consolidation";

/**
 * The sheets read: the tracking workbook's own (a renamed task sheet is not found here), the
 * officer's print texts and the consolidation record when present (the papers use them).
 */
export const TRACKING_SHEETS: string[] = [
  SHEETS.info,
  SHEETS.tasks,
  SHEETS.agencies,
  SHEETS.history,
  SHEETS.meta,
  CHANGE_LOG_SHEET,
  PRINT_TEXTS_SHEET,
  CONSOLIDATION_SHEET,
  // What partner agencies reported (consolidation keeps and extends it).
  SHEETS.contributions,
];

interface LoadedRange {
  isNullObject: boolean;
  values: unknown[][];
  formulas: unknown[][];
  rowIndex: number;
  columnIndex: number;
}

/** A used range as a 0-based sheet grid from A1 (cells before it are empty). */
export function gridFromRange(r: LoadedRange): unknown[][] {
  if (r.isNullObject) return [];
  const pad = Array.from({ length: r.columnIndex }, () => null);
  const rows: unknown[][] = Array.from({ length: r.rowIndex }, () => []);
  r.values.forEach((line, i) =>
    rows.push([
      ...pad,
      ...line.map((v, j) => {
        const f = r.formulas[i]?.[j];
        const value = v === "" ? null : v;
        return typeof f === "string" && f.startsWith("=") && f !== v
          ? { value, formula: f.slice(1) }
          : value;
      }),
    ])
  );
  return rows;
}

/**
 * Queues the loads (no sync): call, then sync once (with other loads of the same batch), then
 * call the returned function to get the cells.
 */
export function queueTrackingRead(context: Excel.RequestContext): () => TrackingCells {
  const wb = context.workbook;
  const names = wb.names.load("items/name,items/formula");
  const sheets = TRACKING_SHEETS.map((name) => {
    const ws = wb.worksheets.getItemOrNullObject(name);
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("values,formulas,rowIndex,columnIndex");
    return { name, ws, used };
  });
  return () => ({
    sheets: sheets
      .filter((s) => !s.ws.isNullObject)
      .map((s) => ({ name: s.name, rows: gridFromRange(s.used as unknown as LoadedRange) })),
    names: names.items.map((n) => ({
      name: n.name,
      refersTo: String(n.formula).replace(/^=/, ""),
    })),
  });
}

/** 1 sync. */
export async function readTrackingFromOffice(
  context: Excel.RequestContext
): Promise<{ cells: TrackingCells; syncs: number }> {
  const cells = queueTrackingRead(context);
  await context.sync();
  return { cells: cells(), syncs: 1 };
}

/** readTrackingFromOffice + readTracking: what the pane validates and fixes. 1 sync. */
export async function readTrackingWorkbookFromOffice(
  context: Excel.RequestContext,
  fileName = "Sổ theo dõi"
): Promise<ReadTrackingResult & { cells: TrackingCells; syncs: number }> {
  const { cells, syncs } = await readTrackingFromOffice(context);
  return { ...readTracking(cells, fileName), cells, syncs };
}
