/**
 * Formulas that differ from row to row only by the row number written in them (a row's own
 * cells: $K5, TRIM($M5)…), made fast for tables of thousands of rows. Built once per marker row,
 * cut at the marker, then each row's text is one join of the pieces: a flat string made in one
 * pass, instead of dozens of concatenations per cell (which the .xlsx writer then has to flatten
 * again to read). A builder that does anything else with the row (arithmetic, a branch) is caught
 * by the checks below and simply built anew for every row.
 */

import { templateFormulaCell } from "../spec/row-template";

/** Rows past Excel's last (1,048,576): a formula never holds them but as our markers. */
const MARKERS = [7_340_033, 7_340_037] as const;

/**
 * `build`, or the same texts by join: checked to give build's exact text on both marker rows
 * and on `check` (the table's first and last rows).
 */
export function rowFormula(
  build: (row: number) => string,
  check: number[]
): (row: number) => string {
  const piecesAt = (marker: number) => build(marker).split(String(marker));
  const a = piecesAt(MARKERS[0]);
  const b = piecesAt(MARKERS[1]);
  const same = a.length > 1 && a.length === b.length && a.every((p, i) => p === b[i]);
  const join = (row: number) => a.join(String(row));
  if (!same || !check.every((row) => join(row) === build(row))) return build;
  PIECES.set(join, a);
  return join;
}

/** The pieces of each join rowFormula made: its cells are row templates (row-template.ts). */
const PIECES = new WeakMap<(row: number) => string, readonly string[]>();

/**
 * A formula cell of row `row` whose text is made each time it is read (an enumerable getter:
 * renderers, spreads and JSON see a plain `{ formula }`). A 10,000-task sheet's four formula
 * columns hold ~25 million characters; kept in the spec, the collector copied them all (a third of
 * the spec's time), while each reader wants each text once.
 */
export function formulaCell(text: (row: number) => string, row: number): { formula: string } {
  const pieces = PIECES.get(text);
  if (pieces) return templateFormulaCell(pieces, row);
  return {
    get formula() {
      return text(row);
    },
  };
}
