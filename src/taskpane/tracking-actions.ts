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
import { rollover, type RolloverResult } from "../core/tracking/rollover";
import { assertRollover } from "../core/tracking/rollover-rules";
import { applyFixes, isSafeFix, type ApplyFixesResult } from "../core/tracking/apply-fixes";
import type { CellChange } from "../core/tracking/changes";
import type { TrackingWorkbook } from "../core/workbook/tracking-model";
import type { WorkbookSpec } from "../core/spec/sheet-spec";
import { rebuiltSpec, type OpenedTracking } from "../app/tracking-file";
import { withPrintTextsSpec } from "../app/print-texts-file";
import type { PrintTextEdits } from "../core/papers/print-texts";

export { openTrackingBytes, openTrackingCells, type OpenedTracking } from "../app/tracking-file";

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

/** Safe fixes only (status/agency spelling, dates typed as text): what "Sửa N ô an toàn" does. */
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

async function write(spec: WorkbookSpec) {
  const { writeWorkbook } = await import(/* webpackChunkName: "xlsx" */ "../xlsx");
  return writeWorkbook(spec);
}

/**
 * File mode: a copy of the workbook with the "Mẫu in" sheet (the texts in use and the pane's
 * edits), as `phuluc texts` writes it; this session's changes are logged as in every file.
 */
export async function printTextsFile(
  opened: OpenedTracking,
  wb: TrackingWorkbook,
  changes: CellChange[],
  today: string,
  edits?: PrintTextEdits
): Promise<Uint8Array> {
  return write(
    withPrintTextsSpec(opened, wb, { today, batchPrefix: BATCH_PREFIX, changes, edits })
  );
}

/**
 * The fixed workbook as a new file: `wb` (the workbook after the fixes) rebuilt with typed
 * values, the log "Nhật ký sửa" extended with every change of this session.
 */
export async function fixedFile(
  opened: OpenedTracking,
  wb: TrackingWorkbook,
  changes: CellChange[],
  today: string
): Promise<Uint8Array> {
  const { spec } = rebuiltSpec(opened, wb, {
    reportYear: wb.reportYear ?? Number(today.slice(0, 4)),
    reportDate: wb.reportDate ?? today,
    today,
    changes,
    batchPrefix: BATCH_PREFIX,
  });
  return write(spec);
}

export interface RolledFile {
  bytes: Uint8Array;
  result: RolloverResult;
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
): Promise<RolledFile> {
  assertRollover(wb, toYear);
  const result = rollover(wb, toYear);
  const { spec } = rebuiltSpec(opened, result.workbook, {
    reportYear: toYear,
    reportDate: `${toYear}-12-31`,
    today,
    changes,
    batchPrefix: BATCH_PREFIX,
  });
  return { bytes: await write(spec), result };
}

export function rolloverCounts(result: RolloverResult) {
  const count = (a: string) => result.actions.filter((x) => x.action === a).length;
  return {
    reset: count("reset"),
    carried: count("carry"),
    kept: count("keep"),
    archived: result.archived.length,
  };
}
