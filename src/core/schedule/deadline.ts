/**
 * The deadline that applies to a task in a given report year, for the yearly tracking sheets.
 * ISO date: due that year, by then; null: due that year with no deadline (thường xuyên);
 * undefined: not due that year.
 *
 * The date is not always inside the year: a multi-year task ("2024 - 2030", "Đến năm 2030") is
 * reported each year as progress toward its final deadline, so in 2026 it answers "2030-12-31"
 * (DOMAIN.md, "Thời gian thực hiện"). Every other kind answers a date in `year`.
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
