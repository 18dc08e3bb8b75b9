import { yearEnd } from "../text/dates";
/**
 * Which year a freshly imported plan is tracked for. A plan whose period lies wholly in the past
 * (a 2018 plan opened in 2026) opens on its last year, reported as at 31/12 of that year: the
 * current year would make every task "Không thuộc năm báo cáo".
 */
export function defaultReportYear(
  period: { from: number; to: number } | null,
  currentYear: number
): number {
  return period && period.to < currentYear ? period.to : currentYear;
}

/** Today for the current year; the year's last day for a past year. */
export function defaultReportDate(year: number, todayIso: string): string {
  return year < Number(todayIso.slice(0, 4)) ? yearEnd(year) : todayIso;
}

/**
 * Why `year` is not a year of the plan (a Vietnamese sentence), or null: inside the period, or
 * the period unknown. A tracking workbook for a year the plan does not cover has no task due in
 * it (a typo, 2062 for 2026, or the wrong plan); the caller refuses unless the officer insists.
 */
export function yearOutsidePlan(
  period: { from: number; to: number } | null | undefined,
  year: number
): string | null {
  if (!period || (year >= period.from && year <= period.to)) return null;
  const span = period.from === period.to ? `năm ${period.from}` : `${period.from}–${period.to}`;
  return `năm ${year} nằm ngoài giai đoạn của kế hoạch (${span}): không nhiệm vụ nào của kế hoạch đến hạn trong năm ${year}.`;
}
