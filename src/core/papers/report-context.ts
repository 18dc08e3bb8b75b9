/**
 * What every report of one year is made from: the core rollup (the figures `phuluc rollup`
 * prints; never counted again here), each row's derived status, and which rows belong to which
 * agency (the names the rollup reported under an agency: its own and the plan's older ones).
 * Agencies are reported under the agency existing on the report date (DOMAIN.md, 2025
 * reorganization): the rollup is asked with the workbook's directory.
 */
import { workbookAgencies } from "../agency/resolve-agency";
import { InputError } from "../errors/input-error";
import { participantsIn } from "../exchange/distribution-plan";
import { foldVietnamese } from "../text/fold";
import { countsInYear, derivedStatus, dueIn, type DerivedStatus } from "../tracking/derive-status";
import { type AgencyRollup, type Rollup, type StatusCounts } from "../tracking/rollup";
import type { TrackingRow, TrackingWorkbook } from "../workbook/tracking-model";
import { workbookRollup } from "../tracking/workbook-rollup";
import type { PaperText } from "./paper";
import { PAPER_ERRORS, viDate } from "./paper-year";

export interface ReportContext {
  wb: TrackingWorkbook;
  year: number;
  date: string;
  rollup: Rollup;
  /** Rows due in the year, in sheet order, with their derived status. */
  due: { row: TrackingRow; status: DerivedStatus }[];
}

export function reportContext(wb: TrackingWorkbook, year: number, date: string): ReportContext {
  const result = workbookRollup(wb, year, date);
  const due = wb.rows
    .map((row) => ({ row, status: derivedStatus(row, year, date) }))
    .filter((r) => countsInYear(r.status));
  return { wb, year, date, rollup: result, due };
}

/** Names the rollup reports under `entry` (its own and those written in the plan). */
export const namesOf = (entry: AgencyRollup | undefined): Set<string> =>
  new Set(entry ? [entry.agency, ...(entry.written ?? [])] : []);

export function rollupEntry(
  ctx: ReportContext,
  agency: string,
  role: "lead" | "partner"
): AgencyRollup | undefined {
  return ctx.rollup.agencies.find((a) => a.agency === agency && a.role === role);
}

/**
 * The agencies that report for the year: exactly those `phuluc distribute` sends a file to
 * (lead or partner of a task due that year, collective partners expanded into their members);
 * a collective the plan names as a whole ("Các Sở, ban, ngành") is not an agency that reports.
 */
export function reportAgencies(ctx: ReportContext): string[] {
  return participantsIn(ctx.wb, ctx.year);
}

/**
 * The agency an officer typed (--agency): its name, a short name, an alias or a name the plan
 * used, accents and case aside; an unknown name is refused with the closest names listed.
 */
export function findAgency(ctx: ReportContext, typed: string): string {
  const key = foldVietnamese(typed);
  const names = reportAgencies(ctx);
  for (const n of names) if (foldVietnamese(n) === key) return n;
  for (const a of ctx.rollup.agencies)
    if (foldVietnamese(a.agency) === key || a.written?.some((w) => foldVietnamese(w) === key))
      return a.agency;
  const known = workbookAgencies(ctx.wb, ctx.date).agencyOf(typed);
  if (
    known &&
    (names.includes(known.name) || ctx.rollup.agencies.some((a) => a.agency === known.name))
  )
    return known.name;
  const close = names.filter((n) => foldVietnamese(n).includes(key.split(" ").pop() ?? key));
  const file = ctx.wb.source ?? "sổ theo dõi";
  throw new InputError(
    PAPER_ERRORS.UNKNOWN_AGENCY,
    file,
    `Tệp "${file}", trang "${ctx.wb.taskSheet}": không có đơn vị "${typed}" trong các cột "Đơn vị chủ trì", "Đơn vị phối hợp". ${
      close.length
        ? `Có phải: ${close.slice(0, 5).join("; ")}?`
        : `Các đơn vị: ${names.slice(0, 8).join("; ")}…`
    }`
  );
}

/** Vietnamese labels of the rollup's figures; a figure added to the rollup later shows by its key. */
const COUNT_LABELS: Record<string, string> = {
  total: "Số nhiệm vụ trong năm",
  done_on_time: "Hoàn thành đúng hạn",
  done_late: "Hoàn thành quá hạn",
  done_undated: "Hoàn thành (không ghi ngày)",
  in_progress: "Đang thực hiện trong hạn",
  overdue: "Quá hạn",
  not_due: "Chưa đến hạn",
  no_deadline: "Thường xuyên",
  not_done: "Không thực hiện",
  rate: "Tỷ lệ hoàn thành",
};
/** Short headers for the figures as table columns. */
const COUNT_HEADERS: Record<string, string> = {
  ...COUNT_LABELS,
  total: "Tổng số",
};

export const countLabel = (key: string) => COUNT_LABELS[key] ?? key;
export const countHeader = (key: string) => COUNT_HEADERS[key] ?? key;

/** The figures of a StatusCounts in the rollup's own order, rate last. */
export function countKeys(c: StatusCounts): string[] {
  const keys = Object.keys(c).filter(
    (k) => k !== "rate" && typeof (c as unknown as Record<string, unknown>)[k] === "number"
  );
  return [...keys, "rate"];
}

/** "83,33%"; "—" when nothing has come due (the rate is undefined, not 0). */
/**
 * The lines under a report's title: the figures' date and how the rate is computed; then, in a
 * year when no task of the plan falls due, `nothingDue` saying so.
 */
export function asOfBlocks(
  ctx: ReportContext,
  nothingDue: string,
  o: { perLead?: boolean } = {}
): PaperText[] {
  // Tables over several agencies count a task once per lead (rollup.ts): said where it matters.
  const perLead = o.perLead && hasSeveralLeads(ctx);
  return [
    {
      kind: "text",
      text: `(Số liệu đến ngày ${viDate(ctx.date)}; ${perLead ? "nhiệm vụ có nhiều đơn vị chủ trì được tính cho từng đơn vị; " : ""}tỷ lệ hoàn thành = số nhiệm vụ đã hoàn thành ÷ số nhiệm vụ đã đến hạn)`,
      italic: true,
      align: "center",
    },
    ...(ctx.due.length === 0
      ? [{ kind: "text" as const, text: nothingDue, italic: true, spaceBefore: 1 }]
      : []),
  ];
}

/** Whether some task due in the year has more than one lead row (requests aside). */
function hasSeveralLeads(ctx: ReportContext): boolean {
  const keys = new Set<string>();
  for (const { row } of ctx.due) {
    if (row.kind === "request" || row.key === "") continue;
    if (keys.has(row.key)) return true;
    keys.add(row.key);
  }
  return false;
}

export function rateText(rate: number | null): string {
  return rate === null ? "—" : `${(rate * 100).toFixed(2).replace(".", ",")}%`;
}

export function countText(c: StatusCounts | undefined, key: string): string {
  if (!c) return "";
  if (key === "rate") return rateText(c.rate);
  return String((c as unknown as Record<string, number>)[key] ?? 0);
}

/** The row's deadline in the year, or how the plan words a task without one. */
export function deadlineText(row: TrackingRow, year: number): string {
  const { deadline } = dueIn(row, year);
  return deadline ? viDate(deadline) : row.timeText || "Không có hạn";
}

export const progressText = (row: TrackingRow) => (row.progress === null ? "" : `${row.progress}`);

/** Rows with nothing entered for the year: no status, no progress, no result. */
export const hasNoData = (row: TrackingRow) =>
  row.typed.status.trim() === "" && row.progress === null && row.result.trim() === "";
