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
  const pieces: string[] = [];
  const bases: number[] = [];
  let last = 0;
  for (const m of formula.matchAll(REFERENCE)) {
    const [, str, sheet, , , , rowAbs, digits] = m;
    if (str !== undefined || sheet !== undefined || rowAbs) continue;
    const end = (m.index ?? 0) + m[0].length;
    pieces.push(formula.slice(last, end - digits.length));
    bases.push(Number(digits));
    last = end;
  }
  pieces.push(formula.slice(last));
  return (rows) => {
    if (rows === 0 || bases.length === 0) return formula;
    const parts = new Array<string>(pieces.length + bases.length);
    for (let k = 0; k < bases.length; k++) {
      parts[2 * k] = pieces[k];
      parts[2 * k + 1] = String(Math.max(1, bases[k] + rows));
    }
    parts[parts.length - 1] = pieces[pieces.length - 1];
    return parts.join("");
  };
}

function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}
