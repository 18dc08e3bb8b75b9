/**
 * The "Theo dõi" tab's work on a tracking workbook held in memory: read it (from file bytes or
 * from the cells Office.js read), check it, roll it up, fix it, roll it over. Pure core calls
 * plus, for file mode, writing a NEW .xlsx (the source file is never touched: the browser
 * cannot write it, and we would not). Loaded lazily with the tab (chunk "tracking").
 *
 * File mode mirrors `phuluc fix` / `phuluc rollover`: the rebuilt workbook keeps the officers'
 * own sheets (values) and the "Nhật ký sửa" log, extended with this session's changes.
 */
import type { Finding } from "../core/model";
import { validateTracking } from "../core/tracking/validate";
import type { Rollup } from "../core/tracking/rollup";
import { trackedYearRefusal, workbookForYear } from "../core/tracking/tracked-year";
import { workbookRollup } from "../core/tracking/workbook-rollup";
import { isSafeFix } from "../core/tracking/apply-fixes";
import type { CellChange } from "../core/tracking/changes";
import type { TrackingWorkbook } from "../core/workbook/tracking-model";
import type { OpenedTracking } from "../app/tracking-file";
import * as fix from "../app/fix";
import * as roll from "../app/rollover";
import * as texts from "../app/print-texts-file";
import type { PrintTextEdits } from "../core/papers/print-texts";

export { openTrackingBytes, openTrackingCells, type OpenedTracking } from "../app/tracking-file";
export { safeFixes, chosenFix, chosenFixes } from "../app/fix";

/** Batches this pane adds to "Nhật ký sửa" in file mode. */
const BATCH_PREFIX = "Phụ Lục (tệp)";

export function checkWorkbook(
  opened: OpenedTracking,
  wb: TrackingWorkbook,
  year: number,
  date: string
): Finding[] {
  return [...opened.readFindings, ...validateTracking(wb, { year, date })];
}

/**
 * Exactly what `phuluc rollup` and the "Tổng hợp" sheet count (workbook-rollup.ts), for the
 * report year or a year kept in "Lịch sử"; another year has no figures: the refusal says why.
 */
export function rollupOf(
  wb: TrackingWorkbook,
  year: number,
  date: string
): { rollup: Rollup | null; refusal: string | null } {
  const refusal = trackedYearRefusal(wb, year, "rollup");
  if (refusal) return { rollup: null, refusal: refusal.message };
  return { rollup: workbookRollup(workbookForYear(wb, year, "rollup"), year, date), refusal: null };
}

export const isSafe = isSafeFix;

/**
 * File mode: a copy of the workbook with the "Mẫu in" sheet (the texts in use and the pane's
 * edits), as `phuluc texts` writes it; this session's changes are written and logged too.
 */
export async function printTextsFile(
  opened: OpenedTracking,
  wb: TrackingWorkbook,
  changes: CellChange[],
  today: string,
  edits?: PrintTextEdits
): Promise<Uint8Array> {
  const out = await texts.printTextsFile(opened, wb, {
    today,
    batchPrefix: BATCH_PREFIX,
    changes,
    edits,
  });
  return out.bytes;
}

/** The fixed workbook as a new file: every change of this session written and logged. */
export async function fixedFile(
  opened: OpenedTracking,
  wb: TrackingWorkbook,
  changes: CellChange[],
  today: string
): Promise<Uint8Array> {
  const out = await fix.fixedFile(opened, wb, changes, { today, batchPrefix: BATCH_PREFIX });
  return out.bytes;
}

/**
 * The next year in a new file (as `phuluc rollover`): history keeps the finished year, Năm báo
 * cáo / Ngày báo cáo move to `toYear` / 31/12. `changes` (fixes of this session) are logged.
 */
export async function rolledFile(
  opened: OpenedTracking,
  wb: TrackingWorkbook,
  toYear: number,
  changes: CellChange[],
  today: string
): Promise<{ bytes: Uint8Array; summary: roll.RolloverSummary }> {
  const plan = roll.planRollover(opened, wb, toYear);
  const out = await roll.rolledFile(opened, plan, {
    today,
    batchPrefix: BATCH_PREFIX,
    earlier: changes,
  });
  return { bytes: out.bytes, summary: plan.summary };
}
