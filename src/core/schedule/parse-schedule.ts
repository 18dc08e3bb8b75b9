/**
 * Reads the "Thời gian thực hiện" cell into a Schedule: which years a task is due in and its
 * deadline inside each. The vocabulary and the proposed rules are in shared/DOMAIN.md:
 *
 * | text                                   | kind        | years                       | deadline       |
 * |----------------------------------------|-------------|-----------------------------|----------------|
 * | 2024 / Năm 2024 / Trong năm 2024        | year        | [2024]                      | 31/12          |
 * | 2024, 2026, 2028                       | years       | those                       | 31/12          |
 * | 2024 - 2030 / Giai đoạn 2024-2030      | range       | each (multiYear)            | 31/12/2030 each |
 * | Đến năm 2030                           | until       | period start..2030 (multi)  | 31/12/2030 each |
 * | Hằng năm / Hàng năm / Cả năm           | annual      | every period year           | 31/12          |
 * | Trước ngày 15/11 hằng năm              | annual      | every period year           | 15/11          |
 * | Quý III hằng năm / Tháng 6 hằng năm    | annual      | every period year           | quarter/month end |
 * | 2025 và các năm tiếp theo              | annual      | 2025..period end            | 31/12          |
 * | Hàng quý / Hàng tháng, quý / Định kỳ   | periodic    | every period year           | 31/12          |
 * | Quý II, III / Quý III/2025             | quarter     | written year, else period start | end of latest quarter |
 * | Tháng 6/2025 / Tháng 6 năm 2025        | month       | written year, else period start | end of month |
 * | Từ tháng 3 đến tháng 6/2025 / Tháng 3-6/2025 | month | written year, else period start | end of the last month |
 * | Từ tháng 3/2025 đến quý II/2026 (any two times, "đến" or "-") | as its end; multi-year (range) from the start's year |
 * | Đến (hết) tháng 6/2026                 | until       | period start..2026 (multi)  | 30/6/2026 each |
 * | Từ tháng 3/2026 / Từ quý II/2026       | annual      | 2026..period end            | 31/12          |
 * | 6 tháng đầu năm (2025) / cuối năm      | month       | written year, else period start | 30/6 / 31/12   |
 * | Trước ngày 15 tháng 12 (năm 2025)      | as 15/12(/2025)                                            |
 * | Trước (ngày) 30/6/2025                 | year        | [2025]                      | 30/6/2025      |
 * | Thường xuyên                           | continuous  | every period year           | none (null)    |
 * | Khi có hướng dẫn / yêu cầu             | on-guidance | every period year           | none (null)    |
 * | anything else                          | unknown     | null                        |                |
 *
 * A multi-year task (range, until) is reported each year as progress toward one final deadline
 * (DOMAIN.md: "31/12 of the final year"): every due year's deadline is that final deadline, so
 * it cannot be overdue before the final year is over.
 *
 * Without a period, recurring kinds (annual, periodic, continuous, on-guidance) keep their
 * kind with years null: they are due every year, but we cannot list the years. deadlineInYear
 * still answers for any year. Quarters and months without a written year also get years null.
 */
import type { Schedule, ScheduleKind } from "../model";
import { foldVietnamese, normalizeText } from "../text/fold";
import { isoDate, isValidDay, monthEnd, yearEnd } from "../text/dates";
import { isPlausibleYear, quarterEnd, quarterNumber, yearsBetween } from "./dates";
import { endOnly, spanEnds, startOnly, writtenYear } from "./time-span";

export type Period = { from: number; to: number } | null;

type PerYear = (year: number) => string | null;

/** "hằng năm", "hàng năm", "mỗi năm", "cả năm" all fold to one of these. */
const EVERY_YEAR = /(?:^|\s)(?:hang nam|moi nam|ca nam)(?:\s|$)/;

export function parseSchedule(text: string, period: Period): Schedule {
  const written = normalizeText(text);
  const t = clean(written);
  const make = (
    kind: ScheduleKind,
    years: number[] | null,
    perYear: PerYear,
    multiYear = false
  ): Schedule => {
    if (years && years.some((y) => !isPlausibleYear(y))) return unknown(written);
    const last = years && years.length ? years[years.length - 1] : undefined;
    const deadlines: Record<number, string | null> = {};
    // Multi-year: each year is progress toward the final year's deadline.
    const final = multiYear && last !== undefined ? perYear(last) : undefined;
    for (const y of years ?? []) deadlines[y] = final !== undefined ? final : perYear(y);
    return {
      text: written,
      kind,
      years,
      deadlines,
      finalDeadline: last === undefined ? null : (deadlines[last] ?? null),
      multiYear,
    };
  };
  const everyYear = period ? yearsBetween(period.from, period.to) : null;
  /** The year of a one-off (quarter, month) written without one: the plan's first year. */
  const firstYear = (written?: string) =>
    written ? [Number(written)] : period ? [period.from] : null;
  let m: RegExpMatchArray | null;

  if (!t) return unknown(written);
  if (/\bthuong xuyen\b/.test(t)) return make("continuous", everyYear, () => null);
  if (/\b(?:khi|theo) (?:co )?(?:huong dan|yeu cau|chi dao|van ban)\b/.test(t)) {
    return make("on-guidance", everyYear, () => null);
  }

  // A day written out: "Trước ngày 15/11 hằng năm", "Trước 30/6/2025", "30/6/2025".
  m = t.match(
    /^(?:(?:truoc|cham nhat|den|hoan thanh truoc)\s+)?(?:ngay\s+)?(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?$/
  );
  m ??= t.match(
    /^(?:.*\s)?(?:truoc|cham nhat)\s+(?:ngay\s+)?(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?(?:\s.*)?$/
  );
  if (m) {
    const [day, month] = [Number(m[1]), Number(m[2])];
    if (!isValidDay(day, month, m[3] ? Number(m[3]) : 2024)) return unknown(written);
    if (m[3]) return make("year", [Number(m[3])], (y) => isoDate(y, month, day));
    if (EVERY_YEAR.test(t)) return make("annual", everyYear, (y) => isoDate(y, month, day));
    return make("year", firstYear(), (y) => isoDate(y, month, day));
  }

  if (
    /^(?:dinh ky\s*)?hang (?:ngay|tuan|thang|quy|6 thang)\b/.test(t) ||
    (/^dinh ky\b/.test(t) && !EVERY_YEAR.test(t))
  ) {
    return make("periodic", everyYear, yearEnd);
  }

  // "Quý II, III", "Quý III/2025", "Quý III năm 2025", "Quý IV hằng năm".
  m = t.match(
    /^(?:trong |vao )?quy ((?:[ivx]+|\d)(?:\s*(?:,|-|va)\s*(?:quy )?(?:[ivx]+|\d))*)(?:\s*(?:\/|nam|-)\s*(\d{4}))?( hang nam| moi nam)?$/
  );
  const quarterList = m?.[1];
  if (m && quarterList !== undefined) {
    const quarters = quarterList
      .split(/\s*(?:,|-|va|quy)\s*/)
      .filter(Boolean)
      .map(quarterNumber);
    if (quarters.some((q) => q === undefined)) return unknown(written);
    const q = Math.max(...(quarters as number[]));
    if (m[3]) return make("annual", everyYear, (y) => quarterEnd(y, q));
    return make("quarter", firstYear(m[2]), (y) => quarterEnd(y, q));
  }

  // "Tháng 6/2025", "Tháng 6 năm 2025", "Tháng 10, 11/2024", "Tháng 6 hằng năm"; a span of
  // months "Từ tháng 3 đến tháng 6/2025" ends with its last; a half year with its last month.
  m = t.match(
    /^(?:trong |vao |tu thang \d{1,2}\s*(?:den|-)\s*(?:het\s+)?)?thang (\d{1,2}(?:\s*(?:,|-|va)\s*\d{1,2})*)(?:\s*(?:\/|nam|-)\s*(\d{4}))?( hang nam| moi nam)?$/
  );
  const half = t.match(
    /^(?:trong )?6 thang (dau|cuoi) nam(?:\s*(?:\/|nam)?\s*(\d{4}))?( hang nam)?$/
  );
  if (half) m = [t, half[1] === "dau" ? "6" : "12", half[2], half[3]] as RegExpMatchArray;
  // "Từ tháng 6 đến tháng 3/2026": the start after the end is a typing slip, not a time.
  const months = /^tu thang (\d{1,2})\s*(?:den|-)\s*(?:het\s+)?thang (\d{1,2})\b/.exec(t);
  if (months && Number(months[1]) > Number(months[2])) return unknown(written);
  const monthList = m?.[1];
  if (m && monthList !== undefined) {
    const months = monthList.split(/\s*(?:,|-|va)\s*/).map(Number);
    if (months.some((x) => x < 1 || x > 12)) return unknown(written);
    const month = Math.max(...months);
    if (m[3]) return make("annual", everyYear, (y) => monthEnd(y, month));
    return make("month", firstYear(m[2]), (y) => monthEnd(y, month));
  }

  // "2025 và các năm tiếp theo", "Từ năm 2025": every year from then to the period's end.
  m =
    t.match(
      /^(?:tu )?(?:nam )?(\d{4})(?: tro di| va cac nam tiep theo| va nhung nam tiep theo)$/
    ) ?? t.match(/^tu (?:nam )?(\d{4})$/);
  if (m) {
    const from = Number(m[1]);
    return make("annual", yearsBetween(from, Math.max(from, period?.to ?? from)), yearEnd);
  }

  if (EVERY_YEAR.test(t) && /^(?:dinh ky |trong |vao )?(?:hang nam|moi nam|ca nam)\b/.test(t)) {
    return make("annual", everyYear, yearEnd);
  }

  // "Đến năm 2030": from the period's start (or the year itself) to that year.
  m = t.match(/^(?:den|toi|tu nay den|truoc)\s+(?:het\s+)?(?:nam\s+)?(\d{4})$/);
  if (m) {
    const to = Number(m[1]);
    const from = period && period.from <= to ? period.from : to;
    return make("until", yearsBetween(from, to), yearEnd, true);
  }

  // "2024 - 2030", "Giai đoạn 2024 - 2030", "Từ năm 2024 đến năm 2030".
  m = t.match(
    /^(?:trong )?(?:giai doan\s+)?(?:tu\s+)?(?:nam\s+)?(\d{4})\s*(?:-|den|toi)\s*(?:nam\s+)?(\d{4})$/
  );
  if (m) {
    const [from, to] = [Number(m[1]), Number(m[2])];
    if (to < from) return unknown(written);
    return make("range", yearsBetween(from, to), yearEnd, true);
  }

  // "2024", "Năm 2024", "2024, 2026, 2028, 2030", "Năm 2024 và năm 2025".
  if (/^(?:trong |vao )?(?:nam\s+)?\d{4}(?:\s*(?:,|;|va)\s*(?:nam\s+)?\d{4})*$/.test(t)) {
    const years = [...new Set((t.match(/\d{4}/g) ?? []).map(Number))].sort((a, b) => a - b);
    return make(years.length === 1 ? "year" : "years", years, yearEnd);
  }

  // A span's end before "hằng năm" anywhere in the text ("Tháng 3 - tháng 6 hằng năm": 30/6).
  const spanned = spanOrStart(t, written, period, make);
  if (spanned.kind === "unknown" && EVERY_YEAR.test(t)) return make("annual", everyYear, yearEnd);
  return spanned;
}

/**
 * Spans ("Từ tháng 3/2026 đến tháng 6/2026"), an end alone ("Đến tháng 6/2026") or a start alone
 * ("Từ tháng 3/2026"): each end read as an ordinary time, never guessed; unknown otherwise.
 */
function spanOrStart(
  t: string,
  written: string,
  period: Period,
  make: (kind: ScheduleKind, years: number[] | null, perYear: PerYear, multi?: boolean) => Schedule
): Schedule {
  // Times are short; a long text is no time (and never costs a regex long backtracking).
  if (t.length > 120) return unknown(written);
  const span = spanEnds(t);
  const untilEnd = span ? null : endOnly(t);
  const endText = span?.end ?? untilEnd;
  if (endText) {
    const end = parseSchedule(endText, period);
    const year = end.years?.length === 1 ? end.years[0] : undefined;
    const deadline = end.finalDeadline;
    const begin = span && parseSchedule(span.start, period);
    if (end.kind === "unknown" || begin?.kind === "unknown") return unknown(written);
    // "Từ tháng 6 đến tháng 3/2026": the start after the end is a typing slip, not a time.
    const startsBy = begin?.finalDeadline;
    if (startsBy && end.finalDeadline && startsBy > end.finalDeadline) return unknown(written);
    if (year === undefined || deadline === null) return { ...end, text: written };
    // From the start's year (a span) or the plan's first year ("Đến tháng 6/2026").
    const from = span ? (writtenYear(span.start) ?? year) : Math.min(period?.from ?? year, year);
    if (from > year) return unknown(written);
    if (from === year) return { ...end, text: written };
    return make(span ? "range" : "until", yearsBetween(from, year), () => deadline, true);
  }
  const start = startOnly(t);
  const from = start && parseSchedule(start, period).kind !== "unknown" && writtenYear(start);
  // Like "Từ năm 2025": every year from the start to the plan's end.
  if (from) return make("annual", yearsBetween(from, Math.max(from, period?.to ?? from)), yearEnd);
  return unknown(written);
}

/**
 * What a time of months, quarters or days is when written as a span ("Từ tháng 3/2026 đến tháng
 * 6/2026"), an end alone ("Đến hết tháng 9/2026") or a start alone ("Từ tháng 3/2026"); null
 * for any other text. The tracking sheet's checks ask it to read these as the import did.
 */
export function spanKind(text: string): "span" | "until" | "from" | null {
  const t = clean(normalizeText(text));
  if (t.length > 120 || !/\b(?:thang|quy)\s|\d{1,2}\/\d{1,2}/.test(t)) return null;
  if (spanEnds(t)) return "span";
  if (endOnly(t)) return "until";
  return startOnly(t) ? "from" : null;
}

/** Folded, parentheses and final dots dropped, dates' separators unified, spaces around "/" removed. */
function clean(written: string): string {
  return (
    foldVietnamese(written)
      .replace(/[()]/g, " ")
      // 30.6.2025 / 30-6-2025 -> 30/6/2025, but "tháng 3-6/2025" is a span of months.
      .replace(
        /(\d)\s*[.-](?=\d{1,2}[.\-/]\d{4}\b)/g,
        (whole, d: string, at: number, all: string) =>
          /(?:thang|quy)\s*\d?$/.test(all.slice(0, at)) ? whole : `${d}/`
      )
      .replace(/(\d)\.(?=\d{4}\b)/g, "$1/")
      .replace(/\s*\/\s*/g, "/")
      // "ngày 15 tháng 12 năm 2025" -> "ngày 15/12/2025" (a day written out, never "tháng 6 năm 2025")
      .replace(
        /\b(ngay|truoc|cham nhat) (\d{1,2}) thang (\d{1,2})(?: nam (\d{4}))?\b/g,
        (_, word: string, d: string, mo: string, y?: string) =>
          `${word} ${d}/${mo}${y ? `/${y}` : ""}`
      )
      .replace(/[.;:]+$/, "")
      .replace(/\s+/g, " ")
      .trim()
  );
}

function unknown(text: string): Schedule {
  return {
    text,
    kind: "unknown",
    years: null,
    deadlines: {},
    finalDeadline: null,
    multiYear: false,
  };
}
