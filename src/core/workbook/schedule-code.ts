/**
 * The hidden "Mã lịch hạn" cell: a task's parsed schedule written so that a worksheet formula
 * can find the deadline for whatever year the officer puts in "Năm báo cáo".
 *
 *   ";2024=1231;2026=0630;"  due in 2024 (deadline 31/12) and 2026 (deadline 30/6) only
 *   ";2025=0000;"            due in 2025 with no deadline (thường xuyên within a known period)
 *   ";****=1115;"            due every year by 15/11 (hằng năm in a plan whose period is unknown)
 *   ""                       due every year, no deadline (thường xuyên with no known period,
 *                            a time text nobody could read, or a row an officer added)
 * A year's own entry wins over "****". Fixed widths (4-digit year or ****, 4-digit MMDD) keep
 * the formula a plain FIND + MID.
 *
 * Why a code and not values: a year roll-over then only changes Năm báo cáo; the deadline and
 * status columns follow by formula, in Excel and LibreOffice alike, with or without the add-in.
 * Month-day only: a deadline in another year than its due year (never seen) keeps its month-day.
 */
import type { Schedule } from "../model";
import { deadlineInYear } from "../schedule/deadline";

const NO_DEADLINE = "0000";
export const ANY_YEAR = "****";
/** Any year will do to read an every-year deadline's month-day; not a leap year (no 29/2 deadlines). */
const SAMPLE_YEAR = 2001;

export function scheduleCode(schedule: Schedule): string {
  if (!schedule.years || schedule.years.length === 0) {
    // Due every year but the years are unknown (no period): keep the deadline if it has one.
    const every = deadlineInYear(schedule, SAMPLE_YEAR);
    return every === undefined ? "" : `;${ANY_YEAR}=${monthDay(every)};`;
  }
  const years = [...new Set(schedule.years)].sort((a, b) => a - b);
  return ";" + years.map((y) => `${y}=${monthDay(schedule.deadlines[y] ?? null)};`).join("");
}

function monthDay(iso: string | null): string {
  const m = iso ? /^\d{4}-(\d{2})-(\d{2})/.exec(iso) : null;
  return m ? m[1] + m[2] : NO_DEADLINE;
}

/** What a code says about one year; the TypeScript twin of the deadline formula. */
export function deadlineFromCode(
  code: string,
  year: number
): { due: boolean; deadline: string | null } {
  const trimmed = code.trim();
  if (trimmed === "") return { due: true, deadline: null };
  const own = trimmed.indexOf(`;${year}=`);
  const at = own >= 0 ? own : trimmed.indexOf(`;${ANY_YEAR}=`);
  if (at < 0) return { due: false, deadline: null };
  const md = trimmed.slice(at + 6, at + 10);
  if (!/^\d{4}$/.test(md) || md === NO_DEADLINE) return { due: true, deadline: null };
  // Same arithmetic as DATE(): day 31 of a 30-day month rolls over, as in the sheet.
  const d = new Date(Date.UTC(year, Number(md.slice(0, 2)) - 1, Number(md.slice(2))));
  return { due: true, deadline: d.toISOString().slice(0, 10) };
}

/** "2024-2030" for a run of consecutive years, else "2024; 2026; 2028"; "" when unknown. */
export function yearsText(schedule: Schedule): string {
  if (!schedule.years || schedule.years.length === 0) return "";
  const years = [...new Set(schedule.years)].sort((a, b) => a - b);
  const consecutive = years.every((y, i) => i === 0 || y === years[i - 1] + 1);
  return consecutive && years.length > 2
    ? `${years[0]}-${years[years.length - 1]}`
    : years.join("; ");
}
