/**
 * What officers type into the tracking columns, turned into canonical values: dates as
 * text, serials or Dates, progress as "80%", 0.8 or 80 (statuses: status-wording.ts).
 * Each function says whether the input was understood; none throws.
 */
import { foldVietnamese as fold } from "../text/fold";
import { cellValue, isPercentCell } from "./raw-cell";
import { serialToIso, utcIso, validIso } from "../text/dates";

export interface Normalized<T> {
  /** The canonical value; null when the input was empty or not understood. */
  value: T | null;
  /** The input as text (trimmed), "" when empty. */
  text: string;
  /** False when the input is non-empty but not understood. */
  ok: boolean;
}

/** Two-digit years are this century's; years outside 1900..2200 are typos, 31/02 is no day. */
function isoOf(y: number, m: number, d: number): string | null {
  if (y < 100) y += 2000;
  return y < 1900 || y > 2200 ? null : validIso(y, m, d);
}

/** Serials that can be dates in a tracking workbook (1950..2200), so 80 or 2026 are not read as dates. */
const MIN_SERIAL = 18_264;
const MAX_SERIAL = 110_000;

/**
 * "15/11/2026", "15-11-2026", "15.11.2026", "2026-11-15", "ngày 15 tháng 11 năm 2026",
 * an Excel serial or a JS Date (exceljs: UTC midnight; its UTC date is taken) → "2026-11-15".
 * Day-first, as Vietnamese dates are written.
 */
export interface DateOptions {
  /**
   * The report year: a day and month typed without a year ("15/11", "15-11", "ngày 15 tháng
   * 11") is read in that year, and `yearAssumed` says so (callers tell the officer).
   */
  year?: number;
}

export function normalizeDate(
  raw: unknown,
  opts: DateOptions = {}
): Normalized<string> & { yearAssumed?: boolean } {
  const v = cellValue(raw);
  if (v === null || v === undefined || v === "") return { value: null, text: "", ok: true };
  if (v instanceof Date) {
    const iso = utcIso(v);
    return iso === null
      ? { value: null, text: "", ok: false }
      : { value: iso, text: iso, ok: true };
  }
  if (typeof v === "number") {
    const ok = v >= MIN_SERIAL && v <= MAX_SERIAL;
    return { value: ok ? serialToIso(v) : null, text: String(v), ok };
  }
  const text = String(v)
    .replace(/\u00a0/g, " ")
    .trim();
  if (text === "") return { value: null, text, ok: true };
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(text);
  let iso: string | null = null;
  // Every group below is required; Number(undefined) would be NaN, which is no date.
  if (m) iso = isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  else if ((m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{2}|\d{4})$/.exec(text)))
    iso = isoOf(Number(m[3]), Number(m[2]), Number(m[1]));
  else if ((m = /^(?:ngay\s*)?(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})$/.exec(fold(text))))
    iso = isoOf(Number(m[3]), Number(m[2]), Number(m[1]));
  else if (
    opts.year !== undefined &&
    ((m = /^(\d{1,2})\s*[/-]\s*(\d{1,2})$/.exec(text)) ||
      (m = /^(?:ngay\s*)?(\d{1,2})\s*thang\s*(\d{1,2})$/.exec(fold(text))))
  ) {
    // Day and month only: one reading in the report year (day-first; 31/02 or 15/13 → none).
    iso = isoOf(opts.year, Number(m[2]), Number(m[1]));
    return { value: iso, text, ok: iso !== null, yearAssumed: iso !== null };
  } else if (/^\d+(\.\d+)?$/.test(text)) {
    const n = Number(text); // a serial that arrived as text
    if (n >= MIN_SERIAL && n <= MAX_SERIAL) iso = serialToIso(n);
  }
  return { value: iso, text, ok: iso !== null };
}

export interface ProgressOptions {
  /** The cell is formatted as a percentage: numbers are fractions (1 = 100%). */
  percentFormat?: boolean;
}

/**
 * "80%", "80", "80,5" → 80 / 80.5; 0.8 (a % cell) → 80. Without percentFormat, a number
 * strictly between 0 and 1 is read as a fraction (nobody reports 0.8 percent), whole numbers as percents.
 */
export function normalizeProgress(raw: unknown, opts: ProgressOptions = {}): Normalized<number> {
  const v = cellValue(raw);
  if (v === null || v === undefined || v === "") return { value: null, text: "", ok: true };
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return { value: null, text: String(v), ok: false };
    const asFraction = opts.percentFormat || isPercentCell(raw) || (v > 0 && v < 1);
    return { value: tidy(asFraction ? v * 100 : v), text: String(v), ok: true };
  }
  const text = String(v)
    .replace(/\u00a0/g, " ")
    .trim();
  if (text === "") return { value: null, text, ok: true };
  const m = /^(\d+(?:[.,]\d+)?)\s*(%?)$/.exec(text);
  const digits = m?.[1];
  if (!m || digits === undefined) return { value: null, text, ok: false };
  const n = Number(digits.replace(",", "."));
  const fraction = m[2] === "" && n > 0 && n < 1;
  return { value: tidy(fraction ? n * 100 : n), text, ok: true };
}

/** 0.07 * 100 = 7.000000000000001: keep 6 decimals, enough for any typed percentage. */
function tidy(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
