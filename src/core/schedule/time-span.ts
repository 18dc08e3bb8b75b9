/**
 * A time written as a span or from a start: "Từ tháng 3/2026 đến tháng 6/2026", "Tháng 12/2025 -
 * tháng 6/2026", "Từ quý I đến quý III/2026", "Đến hết tháng 6/2026", "Từ tháng 3/2026". Each end
 * is an ordinary time (parse-schedule reads it); these only cut the text, already folded.
 */

/** A point in a year: a month, a quarter or a day ("thang 6/2026", "quy iii", "30/6/2026"). */
const POINT = String.raw`(?:thang|quy|ngay)\s\S.*|\d{1,2}/\d{1,2}(?:/\d{4})?|nam\s\d{4}|\d{4}`;

/** "tu A den B", "A den B", "A - B" (both points): the two ends; null for anything else. */
export function spanEnds(t: string): { start: string; end: string } | null {
  const m =
    new RegExp(
      String.raw`^(?:tu\s+)?(${POINT}?)\s+(?:den|toi)\s+(?:het\s+|cuoi\s+)?(${POINT})$`
    ).exec(t) ??
    new RegExp(
      String.raw`^((?:thang|quy|ngay)\s\S.*?|\d{1,2}/\d{1,2}/\d{4})\s*-\s*(${POINT})$`
    ).exec(t);
  const [, start, end] = m ?? [];
  return start && end ? { start, end } : null;
}

/** "tu thang 3/2026", "tu quy ii/2026", "tu 01/3/2026": the start alone (null otherwise). */
export function startOnly(t: string): string | null {
  const m = new RegExp(String.raw`^tu\s+(${POINT})$`).exec(t);
  return m?.[1] && !/\s(?:den|toi)\s/.test(m[1]) ? m[1] : null;
}

/** "den thang 6/2026", "den het quy ii/2026": the end alone (null otherwise). */
export function endOnly(t: string): string | null {
  const m = /^(?:den|toi)\s+(?:het\s+|cuoi\s+)?((?:thang|quy)\s\S.*)$/.exec(t);
  return m?.[1] ?? null;
}

/** The first year written in a folded time text, or null. */
export function writtenYear(t: string): number | null {
  const m = /(?<!\d)(\d{4})(?!\d)/.exec(t);
  return m?.[1] ? Number(m[1]) : null;
}
