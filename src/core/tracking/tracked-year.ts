/**
 * A year is a year: the figures, files and reports of a year come from the rows of that year.
 * A tracking workbook holds its report year ("Năm báo cáo" on "Thông tin") and the finished years
 * kept in "Lịch sử" by roll-over; nothing else. One rule for `phuluc rollup / report / distribute
 * / consolidate` and the pane:
 *  - the report year: the workbook as it is;
 *  - a year kept in "Lịch sử": rollup and reports are made from its archived values (the rows
 *    of the task table give the tasks, "Lịch sử" gives what each agency reported that year);
 *    distribute and consolidate are refused (that year is closed: its values are archived);
 *  - any other year: refused, naming the year the workbook tracks and how to get the other
 *    (roll-over, or a workbook built for that year). Nothing is written.
 * A workbook without "Năm báo cáo" (read with a finding) is not refused here.
 */
import { InputError } from "../errors/input-error";
import { SHEETS } from "../workbook/columns";
import type {
  HistoryRow,
  TrackedColumnId,
  TrackingRow,
  TrackingWorkbook,
} from "../workbook/tracking-model";
import { statusOf } from "./status-wording";
import { normalizeProgress } from "./normalize-input";
import { isIsoDate, yearEnd } from "../text/dates";

const YEAR_ERRORS = {
  /** Neither the report year nor a year of "Lịch sử". */
  YEAR_NOT_TRACKED: "YEAR_NOT_TRACKED",
  /** A year of "Lịch sử" asked for an action only the current year takes (distribute, consolidate). */
  YEAR_ARCHIVED: "YEAR_ARCHIVED",
} as const;

export type YearUse = "rollup" | "report" | "distribute" | "consolidate";

const WHAT: Record<YearUse, string> = {
  rollup: "không tổng hợp số liệu",
  report: "không lập báo cáo",
  distribute: "không tạo tệp gửi đơn vị",
  consolidate: "không tổng hợp báo cáo của đơn vị",
};

/** The finished years "Lịch sử" keeps, ascending. */
function historyYears(wb: TrackingWorkbook): number[] {
  return [...new Set(wb.history.map((h) => h.year))].sort((a, b) => a - b);
}

/** Where the figures of `year` come from, or why there are none (a Vietnamese sentence). */
export function trackedYearRefusal(
  wb: TrackingWorkbook,
  year: number,
  use: YearUse
): { code: string; message: string } | null {
  const current = wb.reportYear;
  if (current === null || year === current) return null;
  const file = wb.source ?? "sổ theo dõi";
  const kept = historyYears(wb);
  const where = `Tệp "${file}" theo dõi năm ${current} (ô "Năm báo cáo", trang "${SHEETS.info}")`;
  if (kept.includes(year)) {
    if (use === "rollup" || use === "report") return null;
    return {
      code: YEAR_ERRORS.YEAR_ARCHIVED,
      message:
        `${where}; năm ${year} đã kết thúc, số liệu đã lưu ở trang "${SHEETS.history}": ${WHAT[use]} năm ${year}, không ghi gì. ` +
        `Gửi và tổng hợp báo cáo chỉ làm cho năm đang theo dõi (${current}); số liệu năm ${year} xem bằng "phuluc rollup --year ${year}" hoặc "phuluc report --year ${year}".`,
    };
  }
  const history = kept.length
    ? `, trang "${SHEETS.history}" giữ năm ${kept.join(", ")}`
    : `, trang "${SHEETS.history}" chưa có năm nào`;
  const how =
    year > current
      ? `Để theo dõi năm ${year}: chuyển năm (phuluc rollover, hoặc "Chuyển năm" trong ô tác vụ)${year > current + 1 ? `, từng năm một từ ${current + 1}` : ""}, hoặc dùng sổ theo dõi lập cho năm ${year} (phuluc import --year ${year}).`
      : `Số liệu năm ${year} phải lấy từ sổ theo dõi lập cho năm ${year} (phuluc import --year ${year}), không lấy từ các dòng năm ${current}.`;
  return {
    code: YEAR_ERRORS.YEAR_NOT_TRACKED,
    message: `${where}${history}; không có số liệu năm ${year}: ${WHAT[use]} năm ${year}, không ghi gì. ${how}`,
  };
}

/** Throws an InputError (CLI exit 2, the pane's message bar) when `year` is not the workbook's. */
export function checkTrackedYear(wb: TrackingWorkbook, year: number, use: YearUse): void {
  const refusal = trackedYearRefusal(wb, year, use);
  if (refusal) throw new InputError(refusal.code, wb.source ?? "", refusal.message);
}

/**
 * The workbook whose rows speak for `year`: the workbook itself for its report year; for a
 * year of "Lịch sử", one row per archived (task, lead) line with the values archived then,
 * reported as at 31/12 of that year. Throws as checkTrackedYear.
 */
export function workbookForYear(
  wb: TrackingWorkbook,
  year: number,
  use: YearUse
): TrackingWorkbook {
  checkTrackedYear(wb, year, use);
  if (wb.reportYear === null || year === wb.reportYear) return wb;
  return historyWorkbook(wb, year);
}

/** The default "as of" date for `year` in `wb`: its report date for the report year, else 31/12. */
export function defaultDateFor(wb: TrackingWorkbook, year: number, fallback: string): string {
  if (year === wb.reportYear && wb.reportDate) return wb.reportDate;
  if (wb.reportYear !== null && year !== wb.reportYear) return yearEnd(year);
  return fallback;
}

function historyWorkbook(wb: TrackingWorkbook, year: number): TrackingWorkbook {
  const byKeyLead = new Map<string, TrackingRow>();
  const byKey = new Map<string, TrackingRow>();
  for (const r of wb.rows) {
    const id = `${r.key}\u0000${r.lead}`;
    if (!byKeyLead.has(id)) byKeyLead.set(id, r);
    if (!byKey.has(r.key)) byKey.set(r.key, r);
  }
  const rows = wb.history
    .filter((h) => h.year === year)
    .flatMap((h): TrackingRow[] => {
      // The task as the table describes it; a lead moved to its successor since is archived
      // under the agency that reported then.
      const base =
        byKeyLead.get(`${h.key}\u0000${h.lead}`) ??
        (h.written ? byKeyLead.get(`${h.key}\u0000${h.written}`) : undefined) ??
        byKey.get(h.key);
      if (!base) return [];
      return [
        {
          ...base,
          lead: h.lead,
          // The plan's partners: resolved on that year's date by whoever counts them.
          partners: base.planPartners?.length ? [...base.planPartners] : [...base.partners],
          // A deadline typed over the formula belongs to the year it was typed in.
          deadline: null,
          ...archivedValues(h),
        },
      ];
    });
  return { ...wb, reportYear: year, reportDate: yearEnd(year), rows };
}

/** The tracked fields of a row from a "Lịch sử" line (text as archived). */
function archivedValues(h: HistoryRow): Pick<TrackingRow, TrackedColumnId | "typed"> {
  const v = h.values;
  const iso = (t: string | undefined) => (t && isIsoDate(t) ? t : null);
  return {
    status: statusOf(v.status ?? ""),
    completedOn: iso(v.completedOn),
    progress: v.progress ? normalizeProgress(v.progress).value : null,
    result: v.result ?? "",
    evidence: v.evidence ?? "",
    difficulties: v.difficulties ?? "",
    proposals: v.proposals ?? "",
    updatedOn: iso(v.updatedOn),
    typed: {
      status: v.status ?? "",
      completedOn: v.completedOn ?? "",
      progress: v.progress ?? "",
      updatedOn: v.updatedOn ?? "",
    },
  };
}
