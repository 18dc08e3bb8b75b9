/**
 * When a tracked task is due, read from its "Thời gian thực hiện" text and "Các năm thực hiện"
 * cell, following the design table of DOMAIN.md ("Thời gian thực hiện: the vocabulary"):
 *   Hằng năm / Cả năm / Hàng quý → every year, 31/12 of that year
 *   Quý II, III                  → its year(s), last day of the last quarter named
 *   2024 - 2030 / Đến năm 2030   → each year as progress, deadline 31/12 of the final year
 *   2024, 2026, 2028             → only those years, 31/12
 *   Tháng 6/2025                 → 2025, last day of the month
 *   Thường xuyên / Khi có hướng dẫn → every year, no deadline
 */
import type { ScheduleKind } from "../model";
import { foldVietnamese } from "../text/fold";

export interface RowSchedule {
  kind: ScheduleKind;
  /** Years the task is due in; null = every year (no list known). */
  years: number[] | null;
  /** Deadline inside `year` (ISO), null when the task has none that year. */
  deadlineIn(year: number): string | null;
  /** Reset every year by rollover (annual, periodic, continuous, one-off years). */
  recurring: boolean;
  /** Runs over several years toward one final deadline ("2024 - 2030", "Đến năm 2030"). */
  multiYear: boolean;
  finalYear: number | null;
}

const endOfYear = (y: number) => `${y}-12-31`;
const pad = (n: number) => String(n).padStart(2, "0");
function endOfMonth(y: number, m: number): string {
  return `${y}-${pad(m)}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, "1": 1, "2": 2, "3": 3, "4": 4 };

/** "2024, 2026", "2024 - 2030", "2024-2030; 2032", 2025 (a number) → sorted distinct years; null when none. */
export function parseYearList(raw: string | number | null | undefined): number[] | null {
  if (raw === null || raw === undefined) return null;
  const text = foldVietnamese(String(raw));
  if (text === "") return null;
  const years = new Set<number>();
  const rest = text.replace(/((?:19|20|21)\d\d)\s*-\s*((?:19|20|21)\d\d)/g, (_, a: string, b: string) => {
    for (let y = Math.min(+a, +b); y <= Math.max(+a, +b); y++) years.add(y);
    return " ";
  });
  for (const m of rest.matchAll(/(?<!\d)((?:19|20|21)\d\d)(?!\d)/g)) years.add(+m[1]);
  return years.size ? [...years].sort((a, b) => a - b) : null;
}

/**
 * The schedule of one row. `yearsCell` (the workbook's list, which already knows the plan's
 * period for "Hằng năm") wins over years read from the text; `period` fills "Đến năm 2030".
 */
export function rowSchedule(
  timeText: string,
  yearsCell: number[] | null,
  period?: { from: number; to: number } | null,
): RowSchedule {
  const t = foldVietnamese(timeText);
  const fromText = parseYearList(t);
  const make = (
    kind: ScheduleKind,
    years: number[] | null,
    deadlineIn: (y: number) => string | null,
    flags: { recurring: boolean; multiYear: boolean },
  ): RowSchedule => {
    const ys = yearsCell ?? years;
    return { kind, years: ys, deadlineIn, ...flags, finalYear: ys && ys.length ? ys[ys.length - 1] : null };
  };
  const periodYears = period ? parseYearList(`${period.from}-${period.to}`) : null;

  if (t === "") return make("unknown", null, () => null, { recurring: false, multiYear: false });
  if (/thuong xuyen|lien tuc/.test(t))
    return make("continuous", periodYears, () => null, { recurring: true, multiYear: false });
  if (/khi co (huong dan|yeu cau|chi dao)|theo (huong dan|chi dao|yeu cau)/.test(t))
    return make("on-guidance", periodYears, () => null, { recurring: true, multiYear: false });
  if (/hang (quy|thang)|dinh ky/.test(t))
    return make("periodic", fromText ?? periodYears, endOfYear, { recurring: true, multiYear: false });
  if (/(hang|moi|ca) nam/.test(t))
    return make("annual", fromText ?? periodYears, endOfYear, { recurring: true, multiYear: false });

  const month = /thang (\d{1,2})\s*[/-]\s*((?:19|20|21)\d\d)/.exec(t);
  if (month && +month[1] >= 1 && +month[1] <= 12) {
    const y = +month[2];
    const m = +month[1];
    return make("month", [y], (yr) => (yr === y ? endOfMonth(y, m) : null), { recurring: true, multiYear: false });
  }
  const quarter = /quy\s+((?:iv|i{1,3}|[1-4])(?:\s*(?:,|va|-)\s*(?:iv|i{1,3}|[1-4]))*)\b/.exec(t);
  if (quarter) {
    const qs = quarter[1].split(/\s*(?:,|va|-)\s*/).map((q) => ROMAN[q]);
    const last = Math.max(...qs);
    return make("quarter", fromText ?? periodYears, (y) => endOfMonth(y, last * 3), {
      recurring: true,
      multiYear: false,
    });
  }
  const until = /den (?:nam )?((?:19|20|21)\d\d)/.exec(t);
  if (until) {
    const to = +until[1];
    const from = yearsCell?.[0] ?? period?.from ?? to;
    const final = yearsCell ? yearsCell[yearsCell.length - 1] : to;
    return make("until", parseYearList(`${Math.min(from, to)}-${to}`), () => endOfYear(final), {
      recurring: false,
      multiYear: true,
    });
  }
  if (/((?:19|20|21)\d\d)\s*-\s*((?:19|20|21)\d\d)/.test(t) && fromText) {
    const final = (yearsCell ?? fromText)[(yearsCell ?? fromText).length - 1];
    return make("range", fromText, () => endOfYear(final), { recurring: false, multiYear: true });
  }
  if (fromText && /^(nam )?[\d\s,;va]+$/.test(t)) {
    return make(fromText.length > 1 ? "years" : "year", fromText, endOfYear, { recurring: true, multiYear: false });
  }
  return make("unknown", null, () => null, { recurring: false, multiYear: false });
}

/** Whether the task is due in `year` (no year list = every year). */
export function isDueIn(s: RowSchedule, year: number): boolean {
  return s.years === null || s.years.includes(year);
}
