/**
 * Cell value helpers shared by both renderers, so a spec value means the same thing in a
 * file and in the open workbook.
 */
import type { CellValue } from "./sheet-spec";

export const DATE_FORMAT = "dd/mm/yyyy";

/**
 * Whether Excel would reinterpret this text if it were typed (or set through Range.values):
 * formulas (= + - @), numbers ("0123", "1,5", "10%"), dates/times ("12/05/2024", "8:30"),
 * booleans and error literals. Such strings need protecting to stay text.
 */
export function excelWouldReinterpret(s: string): boolean {
  if (s === "") return false;
  if (/^[=+\-@]/.test(s)) return true;
  const t = s.trim();
  if (/^(true|false|đúng|sai)$/i.test(t)) return true;
  if (/^#(N\/A|NAME\?|REF!|VALUE!|DIV\/0!|NUM!|NULL!)$/i.test(t)) return true;
  // Mostly digits with number/date/time punctuation: Excel's parser may take it.
  return /\d/.test(t) && /^[\d\s.,:/%$€₫()eE'-]+$/.test(t) && !/[a-df-zA-DF-Z]/.test(t);
}

export function isFormula(v: CellValue): v is { formula: string } {
  return typeof v === "object" && v !== null && "formula" in v;
}

export function isDate(v: CellValue): v is { date: string } {
  return typeof v === "object" && v !== null && "date" in v;
}
