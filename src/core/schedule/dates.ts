/** The words of schedules: quarters, plausible years, year ranges (dates: core/text/dates.ts). */
import { monthEnd } from "../text/dates";

export function quarterEnd(year: number, quarter: number): string {
  return monthEnd(year, quarter * 3);
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
