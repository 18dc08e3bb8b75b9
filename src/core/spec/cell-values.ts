/**
 * Cell value helpers shared by both renderers, so a spec value means the same thing in a
 * file and in the open workbook.
 */
import type { CellValue } from "./sheet-spec";

export const DATE_FORMAT = "dd/mm/yyyy";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-11-15" → a Date at UTC midnight (Excel dates have no time zone). */
export function isoToUtcDate(iso: string): Date {
  const m = ISO_DATE.exec(iso);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : new Date(NaN);
  if (!m || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) {
    throw new RangeError(`Ngày không hợp lệ: "${iso}" (cần dạng yyyy-mm-dd)`);
  }
  return d;
}

/** Excel's 1900 date system serial; valid after 1900-03-01, which is all we write. */
export function isoToSerial(iso: string): number {
  return isoToUtcDate(iso).getTime() / 86400000 + 25569;
}

/** Date → "dd/mm/yyyy" read in UTC (exceljs and Excel serials carry no zone). */
export function formatDateVi(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

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
