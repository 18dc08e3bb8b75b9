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
  return year < Number(todayIso.slice(0, 4)) ? `${year}-12-31` : todayIso;
}
