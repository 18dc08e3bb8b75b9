/**
 * The "fix" use case, for `phuluc fix`, the pane's file backend and its Excel backend: the
 * findings of a workbook, the cell changes their fixes make (safe ones, or the ones an officer
 * chose: an agency renamed on every row), and the fixed workbook as a NEW file. The Excel
 * backend writes the same changes into the open workbook (render/office/apply-changes).
 */
import { reportDateChange } from "../core/tracking/input-cells";
import type { Finding } from "../core/model";
import { validateTracking } from "../core/tracking/validate";
import { applyFixes, type ApplyFixesResult } from "../core/tracking/apply-fixes";
import type { CellChange } from "../core/tracking/changes";
import type { TrackingWorkbook } from "../core/workbook/tracking-model";
import { editedFile, type OpenedTracking, type WriteOptions } from "./tracking-file";

export interface FixOutcome extends ApplyFixesResult {
  findings: Finding[];
}

/** Every safe fix of the workbook as read (`phuluc fix`). */
export function fixTracking(opened: OpenedTracking, o: { year: number; date: string }): FixOutcome {
  const findings = validateTracking(opened.workbook, o);
  return { findings, ...applyFixes(opened.workbook, findings) };
}

/** Safe fixes only (status/agency spelling, dates typed as text): "Sửa N ô an toàn". */
export function safeFixes(wb: TrackingWorkbook, findings: Finding[]): ApplyFixesResult {
  return applyFixes(wb, findings);
}

/** One finding whose fix the officer chose explicitly (agency → suggestion / successor). */
export function chosenFix(wb: TrackingWorkbook, finding: Finding): ApplyFixesResult {
  return applyFixes(wb, [finding], { include: (f) => f === finding });
}

/** Several findings chosen together (every row of one renamed agency): one set of changes. */
export function chosenFixes(wb: TrackingWorkbook, findings: Finding[]): ApplyFixesResult {
  const set = new Set(findings);
  return applyFixes(wb, findings, { include: (f) => set.has(f) });
}

/**
 * `wb` (after the fixes) as a new file: `changes` (every change of the session, in order)
 * written into the workbook and logged in "Nhật ký sửa" as one batch.
 */
export function fixedFile(
  opened: OpenedTracking,
  wb: TrackingWorkbook,
  changes: CellChange[],
  o: WriteOptions
): Promise<{ bytes: Uint8Array; batch: string }> {
  return editedFile(
    opened,
    {
      workbook: wb,
      // A report date set in the pane (file mode) is written as "Ngày báo cáo" too.
      changes: [
        ...changes,
        ...(wb.reportDate
          ? [reportDateChange(opened.cells, wb.reportDate)].filter((c) => c !== null)
          : []),
      ],
      reportYear: wb.reportYear ?? Number(o.today.slice(0, 4)),
      reportDate: wb.reportDate ?? o.today,
    },
    o
  );
}
