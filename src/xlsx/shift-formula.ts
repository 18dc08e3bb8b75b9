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

/** f[from, to) is the text of g from `at`, compared in place (no slices of long formulas). */
function sameText(f: string, from: number, to: number, g: string, at: number): boolean {
  if (at + (to - from) > g.length) return false;
  for (let k = from; k < to; k++) if (f.charCodeAt(k) !== g.charCodeAt(at + k - from)) return false;
  return true;
}

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
      if (!sameText(f, i, end, g, j)) return false;
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
        if (!sameText(f, i, digits, g, j)) return false;
        j += digits - i;
        if (rowAbs) {
          // Kept as written.
          if (!sameText(f, digits, k, g, j) || isDigit(g.charCodeAt(j + k - digits))) return false;
          j += k - digits;
        } else if (k - digits > 9) {
          // Too long for exact integer arithmetic: compared as the text shiftFormula writes.
          const want = String(Math.max(1, Number(f.slice(digits, k)) + rows));
          if (g.slice(j, j + want.length) !== want || isDigit(g.charCodeAt(j + want.length)))
            return false;
          j += want.length;
        } else {
          // The row moved: g holds max(1, row + rows) here, without leading zeros, no slice.
          let want = 0;
          for (let d = digits; d < k; d++) want = want * 10 + (f.charCodeAt(d) - 48);
          want = Math.max(1, want + rows);
          const from = j;
          let got = 0;
          while (j - from <= 10 && isDigit(g.charCodeAt(j)))
            got = got * 10 + (g.charCodeAt(j++) - 48);
          if (isDigit(g.charCodeAt(j)) || got !== want || g.charCodeAt(from) === 48) return false;
        }
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
