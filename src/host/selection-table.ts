/**
 * Turns what Office.js reports about the selected range into a RawTable, the shape every
 * reader produces. Pure (no Office.js), so it is unit-tested; read-selection.ts does the I/O.
 */
import type { MergedArea, RawTable } from "../core/table/raw-table";
import { columnLetter, parseRange } from "../core/spec/a1";
import { formatViDate, serialToIso } from "../core/text/dates";

export const SELECTION_SOURCE = "(vùng chọn)";

export interface SelectionSnapshot {
  sheet: string;
  /** 0-based row/column of the selection's top-left cell on the sheet (Range.rowIndex/columnIndex). */
  rowIndex: number;
  columnIndex: number;
  /** Range.text: what the user sees in each cell (dates and numbers as displayed). */
  texts: string[][];
  /**
   * Range.values and Range.numberFormat, when loaded: a number or date in a column too narrow
   * for it shows "####" in `text`, and a text cell's value is its whole text.
   */
  values?: unknown[][];
  numberFormats?: unknown[][];
  /**
   * RangeAreas.address of the merged areas inside the selection ("Sheet1!A1:C1,Sheet1!A5:B5"),
   * or null when none / not supported by the host.
   */
  mergedAddress: string | null;
}

/** "'Phụ lục 1'!A1:C1" → "A1:C1". */
function stripSheet(address: string): string {
  const bang = address.lastIndexOf("!");
  return bang < 0 ? address : address.slice(bang + 1);
}

/** Splits a RangeAreas address on commas outside quoted sheet names. */
function splitAreas(address: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  if (current) parts.push(current);
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** Merged areas relative to the selection (0-based grid coordinates), clipped to it. */
export function mergesInSelection(snapshot: SelectionSnapshot): MergedArea[] {
  if (!snapshot.mergedAddress) return [];
  const height = snapshot.texts.length;
  const width = snapshot.texts[0]?.length ?? 0;
  const areas: MergedArea[] = [];
  for (const part of splitAreas(snapshot.mergedAddress)) {
    const r = parseRange(stripSheet(part));
    const area = {
      top: Math.max(0, r.top - 1 - snapshot.rowIndex),
      left: Math.max(0, r.left - 1 - snapshot.columnIndex),
      bottom: Math.min(height - 1, r.bottom - 1 - snapshot.rowIndex),
      right: Math.min(width - 1, r.right - 1 - snapshot.columnIndex),
    };
    if (
      area.top <= area.bottom &&
      area.left <= area.right &&
      (area.top < area.bottom || area.left < area.right)
    ) {
      areas.push(area);
    }
  }
  return areas;
}

export function selectionToRawTable(snapshot: SelectionSnapshot): RawTable {
  const width = snapshot.texts[0]?.length ?? 0;
  return {
    source: SELECTION_SOURCE,
    sheet: snapshot.sheet,
    index: 1,
    rows: snapshot.texts.map((row, r) => row.map((_, c) => cellText(snapshot, r, c))),
    sourceRows: snapshot.texts.map((_, i) => snapshot.rowIndex + 1 + i),
    columnLabels: Array.from({ length: width }, (_, j) =>
      columnLetter(snapshot.columnIndex + 1 + j)
    ),
    merges: mergesInSelection(snapshot),
  };
}

/** "####": Excel's display of a number or date wider than its column. */
const HASHES = /^#+$/;
const DATE_FORMAT = /(^|[^"\\])[dy]/i;

/**
 * A cell's text as the officer typed it: text cells by value, numbers and dates as displayed,
 * or, when the column is too narrow to display them, from the value (dates as dd/mm/yyyy).
 */
function cellText(snapshot: SelectionSnapshot, r: number, c: number): string {
  const shown = String(snapshot.texts[r]?.[c] ?? "");
  const value = snapshot.values?.[r]?.[c];
  if (typeof value === "string") return value;
  if (typeof value !== "number" || !HASHES.test(shown)) return shown;
  const format = String(snapshot.numberFormats?.[r]?.[c] ?? "General");
  const iso = DATE_FORMAT.test(format) ? serialToIso(value) : null;
  return iso ? formatViDate(iso) : String(value);
}
