/**
 * The open tracking workbook → TrackingCells (the neutral input of core/tracking/read-tracking):
 * the used range (values + formulas) of each tracking sheet, and the workbook's defined names. Dates arrive as serials (numbers), which
 * readTracking reads as real dates; formula cells as { value, formula } like the xlsx adapter.
 */
import type { TrackingCells } from "../../core/tracking/read-tracking";
import { CHANGE_LOG_SHEET } from "../../core/workbook/change-log-sheet";
import { SHEETS } from "../../core/workbook/columns";
import { PRINT_TEXTS_SHEET } from "../../core/papers/print-texts";
import { CONSOLIDATION_SHEET } from "../../core/papers/consolidation";
import { readBoxes } from "./chunked-read";
import { SyncCount } from "./sync-budget";

/**
 * The sheets read: the tracking workbook's own (a renamed task sheet is not found here), the
 * officer's print texts and the consolidation record when present (the papers use them).
 */
const TRACKING_SHEETS: string[] = [
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
  // What the last consolidation left: the next one tells the coordinator's edits from it.
  SHEETS.baseline,
];

interface LoadedRange {
  isNullObject: boolean;
  values: unknown[][];
  formulas: unknown[][];
  /** When read: a number shown as a percentage is marked (1 shown "100%" is progress 100). */
  numberFormat?: unknown[][];
  rowIndex: number;
  columnIndex: number;
}

/** A number format showing a percentage: "%" outside quoted text and escapes. */
const percentShown = (fmt: string) => /%/.test(fmt.replace(/"[^"]*"|\\./g, ""));

/** A used range as a 0-based sheet grid from A1 (cells before it are empty). */
function gridFromRange(r: LoadedRange): unknown[][] {
  if (r.isNullObject) return [];
  const pad = Array.from({ length: r.columnIndex }, () => null);
  const rows: unknown[][] = Array.from({ length: r.rowIndex }, () => []);
  r.values.forEach((line, i) =>
    rows.push([
      ...pad,
      ...line.map((v, j) => {
        const f = r.formulas[i]?.[j];
        const value = v === "" ? null : v;
        const fmt = r.numberFormat?.[i]?.[j];
        const percent = typeof value === "number" && typeof fmt === "string" && percentShown(fmt);
        if (typeof f === "string" && f.startsWith("=") && f !== v)
          return percent ? { value, formula: f.slice(1), percent } : { value, formula: f.slice(1) };
        return percent ? { value, percent } : value;
      }),
    ])
  );
  return rows;
}

/**
 * Sync 1: the defined names and where each tracking sheet's used range lies; then the cells,
 * in as few syncs as keep each response under ~4 MB (chunked-read.ts): 2 syncs for an ordinary
 * workbook, one more per ~4 MB of cells.
 */
export async function readTrackingFromOffice(
  context: Excel.RequestContext
): Promise<{ cells: TrackingCells; syncs: number }> {
  const count = new SyncCount();
  const { counted } = count;
  const wb = context.workbook;
  const names = wb.names.load("items/name,items/formula");
  const sheets = TRACKING_SHEETS.map((name) => {
    const ws = wb.worksheets.getItemOrNullObject(name);
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    return { name, ws, used };
  });
  await counted(context.sync());
  const present = sheets
    .filter((s) => !s.ws.isNullObject)
    .map((s) => ({ name: s.name, used: s.used }));
  const withCells = present.filter((s) => !s.used.isNullObject);
  const reads = await readBoxes(
    context,
    withCells.map((s) => ({
      sheet: s.name,
      used: s.used,
      top: s.used.rowIndex + 1,
      left: s.used.columnIndex + 1,
      bottom: s.used.rowIndex + s.used.rowCount,
      right: s.used.columnIndex + s.used.columnCount,
    })),
    ["values", "formulas", "numberFormat"],
    () => counted(context.sync())
  );
  const rowsOf = (name: string): unknown[][] => {
    const read = reads.find((r) => r.box.sheet === name);
    if (!read) return [];
    const { box, grid } = read;
    return gridFromRange({
      isNullObject: false,
      rowIndex: box.used.rowIndex,
      columnIndex: box.used.columnIndex,
      values: grid.values,
      formulas: grid.formulas,
      numberFormat: grid.numberFormat,
    });
  };
  const cells: TrackingCells = {
    sheets: present.map((s) => ({ name: s.name, rows: rowsOf(s.name) })),
    names: names.items.map((n) => ({
      name: n.name,
      refersTo: String(n.formula).replace(/^=/, ""),
    })),
  };
  return { cells, syncs: count.syncs };
}
