/**
 * What kind of time a tracked task has, read from its "Thời gian thực hiện" text with the
 * vocabulary of DOMAIN.md. Due years and deadlines come from the schedule code (the sheet's
 * own source, see derive-status.ts); this only answers what rollover and validation ask:
 * does the task recur each year, run toward one final year, or is its text unreadable?
 */
import type { ScheduleKind } from "../model";
import { foldVietnamese } from "../text/fold";
import { parseSchedule, spanKind } from "../schedule/parse-schedule";

export interface TimeKind {
  kind: ScheduleKind;
  /** Reset every year by rollover: annual, periodic, continuous, quarter, listed years. */
  recurring: boolean;
  /** Runs over several years toward one final year ("2024 - 2030", "Đến năm 2030"). */
  multiYear: boolean;
}

const YEAR = "(?:19|20|21)\\d\\d";
const RANGE = new RegExp(`(${YEAR})\\s*-\\s*(${YEAR})`, "g");

/** "2024, 2026", "2024 - 2030", "2024-2030; 2032", 2025 → sorted distinct years; null when none. */
export function parseYearList(raw: string | number | null | undefined): number[] | null {
  if (raw === null || raw === undefined) return null;
  const text = foldVietnamese(String(raw));
  const years = new Set<number>();
  const rest = text.replace(RANGE, (_, a: string, b: string) => {
    for (let y = Math.min(+a, +b); y <= Math.max(+a, +b); y++) years.add(y);
    return " ";
  });
  for (const m of rest.matchAll(new RegExp(`(?<!\\d)(${YEAR})(?!\\d)`, "g"))) {
    const year = m[1];
    if (year) years.add(Number(year));
  }
  return years.size ? [...years].sort((a, b) => a - b) : null;
}

export function timeKind(timeText: string): TimeKind {
  const t = foldVietnamese(timeText);
  const k = (kind: ScheduleKind, recurring: boolean, multiYear = false): TimeKind => ({
    kind,
    recurring,
    multiYear,
  });
  if (t === "") return k("unknown", false);
  if (/thuong xuyen|lien tuc/.test(t)) return k("continuous", true);
  if (/khi co (huong dan|yeu cau|chi dao)|theo (huong dan|chi dao|yeu cau)/.test(t))
    return k("on-guidance", true);
  if (/hang (quy|thang)|dinh ky/.test(t)) return k("periodic", true);
  if (/(hang|moi|ca) nam/.test(t)) return k("annual", true);
  // Spans, ends and starts of months or quarters as the import read them (a slip unknown).
  const span = spanKind(timeText);
  if (span) {
    const read = parseSchedule(timeText, null);
    if (read.kind === "unknown") return k("unknown", false);
    if (span === "until") return k("until", false, true);
    return k(read.kind, !read.multiYear, read.multiYear);
  }
  if (/thang (\d{1,2})\s*[/-]\s*\d{4}/.test(t)) return k("month", true);
  if (/quy\s+(iv|i{1,3}|[1-4])\b/.test(t)) return k("quarter", true);
  if (new RegExp(`den (nam )?${YEAR}`).test(t)) return k("until", false, true);
  if (new RegExp(`${YEAR}\\s*-\\s*${YEAR}`).test(t)) return k("range", false, true);
  if (/^(nam )?\d{4}$/.test(t)) return k("year", true);
  if (new RegExp(`^(nam )?${YEAR}(\\s*(,|;|va)\\s*${YEAR})+$`).test(t)) return k("years", true);
  // Whatever else the import read ("Trước ngày 30/6/2026", "Tháng 6 năm 2026", "Năm 2026 và
  // các năm tiếp theo"): the same reading here, never "unknown" for a time the import knew.
  const read = parseSchedule(timeText, null);
  if (read.kind === "unknown") return k("unknown", false);
  return k(read.kind, !read.multiYear, read.multiYear);
}
