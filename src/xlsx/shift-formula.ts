/** Moving a formula the way Excel fills it: shared by the writer and the readers of .xlsx. */
import { columnLetter } from "../core/spec/a1";

/**
 * A formula moved by (rows, cols), as Excel fills it: relative references shift, $-anchored
 * parts and text in quotes stay. Function names (LOG10) and names are not references.
 */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  // Strings ("…" with "" inside) are copied; references outside them are shifted.
  return formula.replace(REFERENCE, (m, str, sheet, pre, colAbs, letters, rowAbs, digits) => {
    if (str !== undefined || sheet !== undefined) return m;
    const c = colAbs ? letters : columnLetter(Math.max(1, columnNumber(letters) + cols));
    const r = rowAbs ? digits : String(Math.max(1, Number(digits) + rows));
    return `${pre}${colAbs}${c}${rowAbs}${r}`;
  });
}

/** A string, a quoted sheet name, or a reference with what stands before it (shiftFormula). */
const REFERENCE =
  /("(?:[^"]|"")*")|('(?:[^']|'')*'(?=!))|(^|[^A-Za-z0-9_.$[])(\$?)([A-Z]{1,3})(\$?)([0-9]+)(?![A-Za-z0-9_(!])/g;

/**
 * shiftFormula(formula, rows, 0) for any `rows`, the formula read once: cut at its relative row
 * numbers, each moved text is one join. For the writer to tell a filled-down column of
 * thousands of long formulas: one join and one comparison of flat strings per cell.
 */
export function rowShifter(formula: string): (rows: number) => string {
  // The text before each relative row number and that number; then the text after the last.
  const cuts: { before: string; row: number }[] = [];
  let last = 0;
  for (const m of formula.matchAll(REFERENCE)) {
    const [whole, str, sheet, , , , rowAbs, digits] = m;
    if (str !== undefined || sheet !== undefined || rowAbs || digits === undefined) continue;
    const end = (m.index ?? 0) + whole.length;
    cuts.push({ before: formula.slice(last, end - digits.length), row: Number(digits) });
    last = end;
  }
  const tail = formula.slice(last);
  return (rows) => {
    if (rows === 0 || cuts.length === 0) return formula;
    const parts = new Array<string>(2 * cuts.length + 1);
    let k = 0;
    for (const { before, row } of cuts) {
      parts[k++] = before;
      parts[k++] = String(Math.max(1, row + rows));
    }
    parts[k] = tail;
    return parts.join("");
  };
}

function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

/**
 * Whether a row template's formula (core/spec/row-template.ts: pieces joined by the row number)
 * is one formula filled down: at any row, moved down k rows, it reads as the template at the row
 * k below. It is when every joined row number is a relative row reference and no other relative
 * row reference is in the pieces; one comparison at two rows shows both, as the joined number
 * stands alone (no digit beside it) and so is read the same whatever its value. Checked once per
 * template.
 */
export function templateFillsDown(pieces: readonly string[]): boolean {
  let known = FILLS_DOWN.get(pieces);
  if (known !== undefined) return known;
  const digitBeside = pieces.some(
    (p, i) => (i > 0 && /^[0-9]/.test(p)) || (i < pieces.length - 1 && /[0-9]$/.test(p))
  );
  const at = (row: number) => pieces.join(String(row)).replace(/^=/, "");
  known = pieces.length > 1 && !digitBeside && rowShifter(at(7))(1048569) === at(1048576);
  FILLS_DOWN.set(pieces, known);
  return known;
}

const FILLS_DOWN = new WeakMap<readonly string[], boolean>();
