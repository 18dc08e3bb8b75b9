/**
 * Spec values → what Range.formulas accepts. Range.values/formulas parse strings as if typed,
 * so "=1+1" becomes a formula, "0123" the number 123 and "+84…" an error. Choice: strings that
 * Excel would reinterpret get a leading apostrophe (Excel stores the text and a hidden quote
 * prefix, exactly as when an officer types '0123). We do not use numberFormat "@" because it
 * would stay on the cell and turn numbers typed there later into text.
 */
import { excelWouldReinterpret, isDate, isFormula } from "../../core/spec/cell-values";
import type { CellValue } from "../../core/spec/sheet-spec";
import { isoToSerial } from "../../core/text/dates";

export type OfficeInput = string | number | boolean;

export function toOfficeInput(v: CellValue): OfficeInput {
  if (v === null) return "";
  if (isFormula(v)) return `=${v.formula.replace(/^=/, "")}`;
  if (isDate(v)) return isoToSerial(v.date);
  if (typeof v === "string") return excelWouldReinterpret(v) ? `'${v}` : v;
  return v;
}

/** Vertical runs of date cells in a block, as [firstRow, lastRow, col] offsets, to format them in few ops. */
export function dateRuns(values: CellValue[][]): { row: number; rows: number; col: number }[] {
  const runs: { row: number; rows: number; col: number }[] = [];
  const width = values.reduce((w, r) => Math.max(w, r.length), 0);
  for (let c = 0; c < width; c++) {
    let start = -1;
    for (let r = 0; r <= values.length; r++) {
      const cell = values[r]?.[c]; // undefined past the last row: the run ends
      const d = cell !== undefined && isDate(cell);
      if (d && start < 0) start = r;
      if (!d && start >= 0) {
        runs.push({ row: start, rows: r - start, col: c });
        start = -1;
      }
    }
  }
  return runs;
}

/**
 * Excel column width in characters → points for Range.format.columnWidth. One character is the
 * default font's digit width (~7 px at 11 pt) plus 5 px of padding; 1 px = 0.75 pt.
 */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

export const MM_TO_POINTS = 72 / 25.4;
