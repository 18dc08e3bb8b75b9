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

/** A formula cut at its relative row numbers: the text before each and that number; the rest. */
interface RowCuts {
  cuts: { before: string; row: number }[];
  tail: string;
}

function cutRows(formula: string): RowCuts {
  const cuts: RowCuts["cuts"] = [];
  let last = 0;
  for (const m of formula.matchAll(REFERENCE)) {
    const [whole, str, sheet, , , , rowAbs, digits] = m;
    if (str !== undefined || sheet !== undefined || rowAbs || digits === undefined) continue;
    const end = (m.index ?? 0) + whole.length;
    cuts.push({ before: formula.slice(last, end - digits.length), row: Number(digits) });
    last = end;
  }
  return { cuts, tail: formula.slice(last) };
}

/**
 * Whether `text` is shiftFormula(formula, rows, 0), for any `rows`: the formula is read once and
 * cut at its relative row numbers, each text compared in place (no moved text is made). The
 * writer's test for a column of thousands of long formulas filled down.
 */
export function rowShiftTest(formula: string): (text: string, rows: number) => boolean {
  const { cuts, tail } = cutRows(formula);
  return (text, rows) => {
    if (rows === 0 || cuts.length === 0) return text === formula;
    let at = 0;
    for (const { before, row } of cuts) {
      if (!text.startsWith(before, at)) return false;
      at += before.length;
      const digits = String(Math.max(1, row + rows));
      if (!text.startsWith(digits, at)) return false;
      at += digits.length;
    }
    return text.length === at + tail.length && text.endsWith(tail);
  };
}

function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}
