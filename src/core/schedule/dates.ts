/** Calendar helpers for deadlines: ISO dates, month and quarter ends. */

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function monthEnd(year: number, month: number): string {
  return isoDate(year, month, lastDayOfMonth(year, month));
}

export function quarterEnd(year: number, quarter: number): string {
  return monthEnd(year, quarter * 3);
}

export function yearEnd(year: number): string {
  return isoDate(year, 12, 31);
}

/** True for a real day/month (29/2 only counts in leap years when a year is given). */
export function isValidDay(day: number, month: number, year = 2024): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= lastDayOfMonth(year, month);
}

/** Years from..to inclusive. */
export function yearsBetween(from: number, to: number): number[] {
  const out: number[] = [];
  for (let y = from; y <= to; y++) out.push(y);
  return out;
}

/** Years a plan may plausibly name: guards against "Quý 3/202" or a document number. */
export function isPlausibleYear(y: number): boolean {
  return y >= 1990 && y <= 2100;
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

/** "III" or "3" -> 3; undefined for anything that is not a quarter. */
export function quarterNumber(s: string): number | undefined {
  const q = ROMAN[s.toLowerCase()] ?? (/^[1-4]$/.test(s) ? Number(s) : undefined);
  return q;
}
