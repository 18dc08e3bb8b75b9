/**
 * The year a paper is about, checked against the plan: a report for a year the plan does not
 * cover is refused with a message naming the file and the plan's period (an officer's typo,
 * 2062 for 2026, must not print an empty report that looks real).
 */
import { InputError } from "../import/input-error";
import type { TrackingWorkbook } from "../tracking/tracking-model";

export const PAPER_ERRORS = {
  YEAR_OUTSIDE_PLAN: "YEAR_OUTSIDE_PLAN",
  UNKNOWN_AGENCY: "UNKNOWN_AGENCY",
} as const;

/** Throws an InputError when `year` is outside the plan's period (when the period is known). */
export function checkPaperYear(wb: TrackingWorkbook, year: number): void {
  const p = wb.plan.period;
  if (!p || (year >= p.from && year <= p.to)) return;
  const file = wb.source ?? "sổ theo dõi";
  throw new InputError(
    PAPER_ERRORS.YEAR_OUTSIDE_PLAN,
    file,
    `Tệp "${file}", trang "Thông tin": năm ${year} nằm ngoài giai đoạn của kế hoạch${wb.plan.number ? ` ${wb.plan.number}` : ""} (${p.from}–${p.to}). Hãy chọn một năm từ ${p.from} đến ${p.to}.`
  );
}

/** "2026-11-21" → "21/11/2026". */
export function viDate(iso: string | null | undefined): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? `${m[3]}/${m[2]}/${m[1]}` : "";
}
