/** Moving a formula the way Excel fills it: shared by the writer and the readers of .xlsx. */
import { columnLetter } from "../core/spec/a1";

/**
 * A formula moved by (rows, cols), as Excel fills it: relative references shift, $-anchored
 * parts and text in quotes stay. Function names (LOG10) and names are not references.
 */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  // Strings ("…" with "" inside) are copied; references outside them are shifted.
  return formula.replace(
    /("(?:[^"]|"")*")|('(?:[^']|'')*'(?=!))|(^|[^A-Za-z0-9_.$[])(\$?)([A-Z]{1,3})(\$?)([0-9]+)(?![A-Za-z0-9_(!])/g,
    (m, str, sheet, pre, colAbs, letters, rowAbs, digits) => {
      if (str !== undefined || sheet !== undefined) return m;
      const c = colAbs ? letters : columnLetter(Math.max(1, columnNumber(letters) + cols));
      const r = rowAbs ? digits : String(Math.max(1, Number(digits) + rows));
      return `${pre}${colAbs}${c}${rowAbs}${r}`;
    }
  );
}

function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

const isRefPrefix = (c: number) =>
  // Not a letter, digit, _ . $ or [: what may stand before a reference (as in shiftFormula).
  !(
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    (c >= 48 && c <= 57) ||
    c === 95 ||
    c === 46 ||
    c === 36 ||
    c === 91
  );
const isUpper = (c: number) => c >= 65 && c <= 90;
const isDigit = (c: number) => c >= 48 && c <= 57;
/** What may follow a reference (as in shiftFormula): not a letter, digit, _ ( or !. */
const endsRef = (c: number) =>
  Number.isNaN(c) ||
  !(
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    isDigit(c) ||
    c === 95 ||
    c === 40 ||
    c === 33
  );

/**
 * shiftFormula(f, rows, 0) === g, without building the moved text: one pass over both, for the
 * writer to tell a filled-down column (thousands of long formulas) cheaply.
 */
export function isShiftedDown(f: string, g: string, rows: number): boolean {
  let i = 0;
  let j = 0;
  while (i < f.length) {
    const c = f.charCodeAt(i);
    if (c === 34 || c === 39) {
      // A string ("…") or a quoted sheet name ('…'!): copied as is, doubled quotes inside.
      let k = i + 1;
      for (; k < f.length; k++) {
        if (f.charCodeAt(k) === c) {
          if (f.charCodeAt(k + 1) === c) k++;
          else break;
        }
      }
      const end = Math.min(k + 1, f.length);
      if (c === 39 && f.charCodeAt(end) !== 33) {
        // Not a sheet name: an ordinary character, as shiftFormula reads it.
        if (g.charCodeAt(j) !== c) return false;
        i++;
        j++;
        continue;
      }
      if (g.slice(j, j + end - i) !== f.slice(i, end)) return false;
      j += end - i;
      i = end;
      continue;
    }
    if (i === 0 || isRefPrefix(f.charCodeAt(i - 1))) {
      // A reference: [$]letters[$]digits, then not a name character.
      let k = i;
      if (f.charCodeAt(k) === 36) k++;
      const letters = k;
      while (k < f.length && k - letters < 4 && isUpper(f.charCodeAt(k))) k++;
      const nLetters = k - letters;
      const rowAbs = f.charCodeAt(k) === 36;
      if (rowAbs) k++;
      const digits = k;
      while (k < f.length && isDigit(f.charCodeAt(k))) k++;
      if (nLetters >= 1 && nLetters <= 3 && k > digits && endsRef(f.charCodeAt(k))) {
        const head = f.slice(i, digits);
        if (g.slice(j, j + head.length) !== head) return false;
        j += head.length;
        const want = rowAbs
          ? f.slice(digits, k)
          : String(Math.max(1, Number(f.slice(digits, k)) + rows));
        if (g.slice(j, j + want.length) !== want || isDigit(g.charCodeAt(j + want.length)))
          return false;
        j += want.length;
        i = k;
        continue;
      }
    }
    if (g.charCodeAt(j) !== c) return false;
    i++;
    j++;
  }
  return j === g.length;
}
