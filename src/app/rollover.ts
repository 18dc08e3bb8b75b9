/**
 * The "roll-over" use case for `phuluc rollover` and the pane's file backend: the plan
 * (core/tracking/rollover-plan.ts, the same one the open workbook's roll-over applies) and the
 * new year's workbook as a NEW file, with this session's earlier fixes written and logged.
 * Refusals: core/tracking/rollover-rules.ts.
 */
import type { Finding } from "../core/model";
import type { CellChange } from "../core/tracking/changes";
import { openErrorsBeforeRollover } from "../core/tracking/rollover-rules";
import { rolloverPlan, type RolloverPlan } from "../core/tracking/rollover-plan";
import { historySheet } from "../core/workbook/history-sheet";
import type { TrackingWorkbook } from "../core/workbook/tracking-model";
import { editedFile, type OpenedTracking, type WriteOptions } from "./tracking-file";

export type { RolloverSummary } from "../core/tracking/rollover-plan";

/** The plan for `wb` (the workbook as read, or after this session's fixes), and open errors. */
export function planRollover(
  opened: OpenedTracking,
  wb: TrackingWorkbook,
  to: number,
  reportDate?: string
): RolloverPlan & { errors: Finding[] } {
  const errors = openErrorsBeforeRollover(wb, opened.readFindings);
  return { ...rolloverPlan(opened.cells, wb, to, reportDate), errors };
}

/**
 * The new year's file. `earlier`: changes made before in this session (file mode), written
 * first and logged with the roll-over's own.
 */
export function rolledFile(
  opened: OpenedTracking,
  plan: RolloverPlan,
  o: WriteOptions & { earlier?: CellChange[] }
): Promise<{ bytes: Uint8Array; batch: string }> {
  const wb = plan.result.workbook;
  return editedFile(
    opened,
    {
      workbook: wb,
      changes: [...(o.earlier ?? []), ...plan.changes],
      // The finished year's values are in "Lịch sử"; the log keeps the officers' own edits.
      logged: o.earlier ?? [],
      appends: plan.history ? [plan.history] : [],
      // No "Lịch sử" to append to: the sheet is written whole, with the lines archived now.
      sheets: plan.history ? [] : [historySheet(wb.history)],
      reportYear: plan.summary.to,
      reportDate: plan.summary.reportDate,
    },
    o
  );
}
