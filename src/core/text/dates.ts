/**
 * Dates, the one module: ISO "yyyy-mm-dd" is how every date travels inside the project; officers
 * read and type dd/mm/yyyy (days first, zeros optional: "1/2/2026"); cells hold Excel serials
 * (1900 date system). Calendar arithmetic is in UTC, so no time zone moves a day; only "today"
 * is the officer's local calendar day (toISOString() would give yesterday before 07:00 in
 * Việt Nam, UTC+7).
 */

const DAY_MS = 86_400_000;
/** Excel's day 0 in the 1900 system (its 1900 leap-year bug folded in: serial 25569 = 1970-01-01). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const p2 = (n: number) => String(n).padStart(2, "0");

/** yyyy-mm-dd from numbers, zero-padded, not checked (see `validIso`). */
export function isoDate(year: number, month: number, day: number): string {
  const p = (n: number, w: number) => String(n).padStart(w, "0");
  return `${p(year, 4)}-${p(month, 2)}-${p(day, 2)}`;
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True for a real day/month (29/2 only counts in leap years when a year is given). */
export function isValidDay(day: number, month: number, year = 2024): boolean {
  return (
    Number.isInteger(day) &&
    Number.isInteger(month) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= lastDayOfMonth(year, month)
  );
}

/** The ISO date of a real day, or null (31/02, month 13, day 0). */
export function validIso(year: number, month: number, day: number): string | null {
  return Number.isInteger(year) && isValidDay(day, month, year) ? isoDate(year, month, day) : null;
}

export function monthEnd(year: number, month: number): string {
  return isoDate(year, month, lastDayOfMonth(year, month));
}

/** 31/12 of the year: the deadline of "trong năm" and the report date of a closed year. */
export function yearEnd(year: number): string {
  return isoDate(year, 12, 31);
}

/** Year, month and day of a strict yyyy-mm-dd that names a real day, else null. */
function isoParts(text: string): { year: number; month: number; day: number } | null {
  const m = ISO.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidDay(day, month, year) ? { year, month, day } : null;
}

/** "2026-11-15" yes; "2026-02-31", "2026-1-5", "15/11/2026" no. */
export function isIsoDate(text: string): boolean {
  return isoParts(text) !== null;
}

/** "2026-11-15" → a Date at UTC midnight (Excel dates have no time zone); a bad date throws. */
export function isoToUtcDate(iso: string): Date {
  const p = isoParts(iso);
  if (!p) throw new RangeError(`Ngày không hợp lệ: "${iso}" (cần dạng yyyy-mm-dd)`);
  return new Date(Date.UTC(p.year, p.month - 1, p.day));
}

/** A Date's UTC calendar day as ISO (exceljs gives dates at UTC midnight); null if invalid. */
export function utcIso(d: Date): string | null {
  return isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}

/** The officer's local calendar day as ISO ("today" in the pane and the CLI). */
export function localIsoDate(d: Date = new Date()): string {
  return isoDate(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

/** The officer's local time as "yyyy-mm-dd hh:mm" (when a file was consolidated, edited). */
export function localDateTime(d: Date = new Date()): string {
  return `${localIsoDate(d)} ${p2(d.getHours())}:${p2(d.getMinutes())}`;
}

/** Excel serial (whole days since 1899-12-30; a fraction is the time of day) → ISO date. */
export function serialToIso(serial: number): string {
  return utcIso(new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS)) as string;
}

/** ISO date → Excel serial; a bad date throws. */
export function isoToSerial(iso: string): number {
  return Math.round((isoToUtcDate(iso).getTime() - EXCEL_EPOCH_MS) / DAY_MS);
}

/** Date → "dd/mm/yyyy" read in UTC (exceljs and Excel serials carry no zone). */
export function formatUtcDateVi(d: Date): string {
  return `${p2(d.getUTCDate())}/${p2(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** "2024-06-13" → "13/06/2024", the way Vietnamese documents write dates; other text as is. */
export function formatViDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/**
 * What an officer types in a date field, dd/mm/yyyy ("15/11/2026", "15-11-2026", "15.11.2026",
 * "5/1/2027") or ISO → ISO; null when it is not a real day. Day first, as Vietnamese dates are
 * written, whatever the browser's locale.
 */
export function parseViDate(text: string): string | null {
  const t = text.trim();
  const vi = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(t);
  if (vi) return validIso(Number(vi[3]), Number(vi[2]), Number(vi[1]));
  return isIsoDate(t) ? t : null;
}
