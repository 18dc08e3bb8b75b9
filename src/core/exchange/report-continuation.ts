/**
 * Rows of a returned table that name no task but hold a report: officers split a long report
 * over two rows (a row inserted under the task, or the task's cells merged down over both), and
 * the second row has no "Nhiệm vụ" and no "Mã nhiệm vụ". Dropping it lost the text silently. A
 * row right under a task row is that task's continuation (its texts added, its other values
 * taken where the task row has none); one further away is named to the officer, never merged.
 * A task's row copied (same key, or same text and STT) joins the first the same way.
 */
import { foldVietnamese } from "../text/fold";
import { cellText } from "../tracking/raw-cell";
import type { ReportField } from "./report-headers";

/** Fields whose second column or second row adds its text to the first. */
export const TEXT_FIELDS: readonly ReportField[] = [
  "result",
  "evidence",
  "difficulties",
  "proposals",
  "contribution",
];

type Values = Partial<Record<ReportField, unknown>>;

/**
 * The continuation's values added to the task row's: texts appended on a new line; a status,
 * date or percentage taken when the task row has none, else the task row's kept. Returns what
 * the officer should hear beyond the join itself (a value kept over a different one).
 */
export function joinContinuation(into: Values, more: Values, headerOf: (f: ReportField) => string) {
  const kept: string[] = [];
  for (const [f, raw] of Object.entries(more) as [ReportField, unknown][]) {
    const before = into[f];
    if (before === undefined) into[f] = raw;
    else if (TEXT_FIELDS.includes(f)) {
      // A copied row repeats the texts it was copied with: each text lands once.
      const lines = cellText(before).split("\n");
      if (!lines.includes(cellText(raw))) into[f] = `${cellText(before)}\n${cellText(raw)}`;
    } else if (cellText(before) !== cellText(raw))
      kept.push(`"${headerOf(f)}" = "${cellText(before)}" (dòng này ghi "${cellText(raw)}")`);
  }
  return kept;
}

/** Words of the signature block under a table ("Nơi nhận:", "GIÁM ĐỐC", "KT. GIÁM ĐỐC"). */
const SIGNATURE =
  /^(noi nhan|nguoi lap|nguoi ky|nguoi bao cao|giam doc|pho giam doc|thu truong|chanh van phong|truong phong|kt\.?\s|tm\.?\s|q\.\s|ky ten|\(ky)/;

/** A row of the signature block or the place-and-date line, not a report. */
export function isSignatureLine(line: unknown[], dateIn: (text: string) => string | null) {
  return Array.from(line, cellText).some(
    (t) => t !== "" && (SIGNATURE.test(foldVietnamese(t).trim()) || dateIn(t) !== null)
  );
}
