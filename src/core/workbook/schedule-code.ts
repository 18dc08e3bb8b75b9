/**
 * The hidden "Mã lịch hạn" cell: a task's parsed schedule written so that a worksheet formula
 * can find the deadline for whatever year the officer puts in "Năm báo cáo".
 *
 *   ";2024=20241231;2026=20260630;"  due in 2024 (by 31/12/2024) and 2026 (by 30/6/2026) only
 *   ";2024=20301231;…;2030=20301231;" 2024 - 2030: due each year, all toward 31/12/2030
 *   ";2025=00000000;"                due in 2025 with no deadline (thường xuyên, known period)
 *   ";****=****1115;"                due every year by 15/11 of the report year (hằng năm in a
 *                                    plan whose period is unknown)
 *   ";****=00000000;"                due every year, no deadline (thường xuyên, period unknown)
 *   ""                               due every year, no deadline (a time text nobody could
 *                                    read, or a row an officer added)
 * An entry is ";" + due year (4 digits, or "****" = any year) + "=" + deadline as YYYYMMDD,
 * whose year part is 4 digits or "****" (= Năm báo cáo); "00000000" = no deadline. A year's own
 * entry wins over "****". Fixed widths keep the formula a plain FIND + MID:
 *   deadline = DATE(year part, or NamBaoCao when "****"; MM; DD)
 * The full date lets a deadline fall after its due year: a multi-year task reported in 2026 is
 * still in time on 5/1/2027, because its deadline is 31/12/2030.
 *
 * Why a code and not values: a year roll-over then only changes Năm báo cáo; the deadline and
 * status columns follow by formula, in Excel and LibreOffice alike, with or without the add-in.
 */
import type { Schedule } from "../model";
import { deadlineInYear } from "../schedule/deadline";

const NO_DEADLINE = "00000000";
const ANY_YEAR = "****";
/** Any year will do to read an every-year deadline's month-day; not a leap year (no 29/2 deadlines). */
const SAMPLE_YEAR = 2001;

export function scheduleCode(schedule: Schedule): string {
  if (!schedule.years || schedule.years.length === 0) {
    // Due every year but the years are unknown (no period): keep the deadline if it has one.
    const every = deadlineInYear(schedule, SAMPLE_YEAR);
    return every === undefined ? "" : `;${ANY_YEAR}=${codeDate(every, SAMPLE_YEAR)};`;
  }
  const years = [...new Set(schedule.years)].sort((a, b) => a - b);
  return ";" + years.map((y) => `${y}=${codeDate(schedule.deadlines[y] ?? null)};`).join("");
}

/** "2030-12-31" -> "20301231"; the year part becomes "****" when it is `reportYear`'s own. */
function codeDate(iso: string | null, reportYear?: number): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  if (!m) return NO_DEADLINE;
  const y = m[1] ?? "";
  const year = reportYear !== undefined && Number(y) === reportYear ? ANY_YEAR : y;
  return year + (m[2] ?? "") + (m[3] ?? "");
}

interface YearDeadline {
  readonly due: boolean;
  readonly deadline: string | null;
}

/**
 * Answers by year and code: a province's 18,000 rows carry a few dozen codes, and a rollup asks
 * of every row (a Date made and printed each time cost ~80 ms). Bounded: a sheet of distinct
 * codes only refills it.
 */
const answered = new Map<string, YearDeadline>();
const MAX_ANSWERED = 4096;

/** What a code says about one year; the TypeScript twin of the deadline formula (formulas.ts). */
export function deadlineFromCode(code: string, year: number): YearDeadline {
  const key = `${year}${code}`;
  let answer = answered.get(key);
  if (answer) return answer;
  if (answered.size >= MAX_ANSWERED) answered.clear();
  answer = Object.freeze(readCode(code, year));
  answered.set(key, answer);
  return answer;
}

function readCode(code: string, year: number): YearDeadline {
  const trimmed = code.trim();
  if (trimmed === "") return { due: true, deadline: null };
  const own = trimmed.indexOf(`;${year}=`);
  const at = own >= 0 ? own : trimmed.indexOf(`;${ANY_YEAR}=`);
  if (at < 0) return { due: false, deadline: null };
  const date = trimmed.slice(at + 6, at + 14);
  const m = /^(\d{4}|\*{4})(\d{2})(\d{2})$/.exec(date);
  // Unreadable or "00000000": due, no deadline (the formula's IFERROR gives "" too).
  if (!m || date === NO_DEADLINE) return { due: true, deadline: null };
  const y = m[1] === ANY_YEAR ? year : Number(m[1]);
  // Same arithmetic as DATE(): day 31 of a 30-day month rolls over, as in the sheet.
  const d = new Date(Date.UTC(2000, Number(m[2]) - 1, Number(m[3])));
  d.setUTCFullYear(y, Number(m[2]) - 1, Number(m[3]));
  return { due: true, deadline: d.toISOString().slice(0, 10) };
}

/** "2024-2030" for a run of consecutive years, else "2024; 2026; 2028"; "" when unknown. */
export function yearsText(schedule: Schedule): string {
  if (!schedule.years || schedule.years.length === 0) return "";
  const years = [...new Set(schedule.years)].sort((a, b) => a - b);
  const consecutive = years.every((y, i) => y - i === years[0]); // sorted, distinct: the first + i
  return consecutive && years.length > 2
    ? `${years[0]}-${years[years.length - 1]}`
    : years.join("; ");
}
