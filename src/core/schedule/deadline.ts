/**
 * The deadline of a task in a given year, for the yearly tracking sheets.
 * ISO date: due that year by then; null: due that year with no deadline (thường xuyên);
 * undefined: not due that year.
 */
import type { Schedule, ScheduleKind } from "../model";
import { parseSchedule } from "./parse-schedule";

/** Kinds due every year: with no known period their years are null, yet any year is due. */
const EVERY_YEAR: ReadonlySet<ScheduleKind> = new Set([
  "annual",
  "periodic",
  "continuous",
  "on-guidance",
]);

export function deadlineInYear(s: Schedule, year: number): string | null | undefined {
  if (s.years) return s.years.includes(year) ? (s.deadlines[year] ?? null) : undefined;
  if (!EVERY_YEAR.has(s.kind)) return undefined;
  // Read the text again as a one-year plan: "Trước ngày 15/11 hằng năm" -> 15/11 of that year.
  const again = parseSchedule(s.text, { from: year, to: year });
  return again.years?.includes(year) ? (again.deadlines[year] ?? null) : undefined;
}
