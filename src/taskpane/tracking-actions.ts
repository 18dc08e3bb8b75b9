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
import { readTracking, type TrackingCells } from "../core/tracking/read-tracking";
import { validateTracking } from "../core/tracking/validate";
import { rollup, type Rollup } from "../core/tracking/rollup";
import { rollover, type RolloverResult } from "../core/tracking/rollover";
import { applyFixes, isSafeFix, type ApplyFixesResult } from "../core/tracking/apply-fixes";
import {
  CHANGE_LOG_SHEET,
  changeLogSheet,
  logEntries,
  readChangeLog,
  type CellChange,
} from "../core/tracking/changes";
import type { TrackingWorkbook } from "../core/tracking/tracking-model";
import { SHEETS } from "../core/workbook/columns";
import {
  keptSheetsFromCells,
  planSourceFromCells,
  trackingWorkbookSpec,
} from "../core/workbook/from-tracking";

export interface OpenedTracking {
  /** File name (file mode) or workbook name (Excel), for messages and derived file names. */
  source: string;
  cells: TrackingCells;
  /** As read; fixes in file mode replace `workbook` in the pane's state, never `cells`. */
  workbook: TrackingWorkbook;
  /** What reading recovered from (missing meta sheet, inputs…). */
  readFindings: Finding[];
  planSource?: string;
}

export function openTrackingCells(cells: TrackingCells, source: string): OpenedTracking {
  const { workbook, findings } = readTracking(cells, source);
  return {
    source,
    cells,
    workbook,
    readFindings: findings,
    planSource: planSourceFromCells(cells),
  };
}

export async function openTrackingBytes(
  bytes: Uint8Array,
  fileName: string
): Promise<OpenedTracking> {
  const { readWorkbookCells } = await import(/* webpackChunkName: "xlsx" */ "../xlsx");
  return openTrackingCells(await readWorkbookCells(bytes, fileName), fileName);
}

export function checkWorkbook(
  opened: OpenedTracking,
  wb: TrackingWorkbook,
  year: number,
  date: string
): Finding[] {
  return [...opened.readFindings, ...validateTracking(wb, { year, date })];
}

export function rollupOf(wb: TrackingWorkbook, year: number, date: string): Rollup {
  // Agencies as the workbook names them, exactly like its "Tổng hợp" sheet and `phuluc rollup`.
  return rollup(wb, year, date);
}

export const isSafe = isSafeFix;

/** Safe fixes only (status spelling, dates typed as text): what "Sửa tất cả lỗi an toàn" does. */
export function safeFixes(wb: TrackingWorkbook, findings: Finding[]): ApplyFixesResult {
  return applyFixes(wb, findings);
}

/** One finding whose fix the officer chose explicitly (agency → suggestion / successor). */
export function chosenFix(wb: TrackingWorkbook, finding: Finding): ApplyFixesResult {
  return applyFixes(wb, [finding], { include: (f) => f === finding });
}

/** The officers' own sheets, kept (as values) in a rebuilt file. */
function keptSheets(opened: OpenedTracking) {
  return keptSheetsFromCells(opened.cells, [
    ...Object.values(SHEETS),
    opened.workbook.taskSheet,
    CHANGE_LOG_SHEET,
  ]);
}

async function write(spec: Parameters<typeof import("../xlsx").writeWorkbook>[0]) {
  const { writeWorkbook } = await import(/* webpackChunkName: "xlsx" */ "../xlsx");
  return writeWorkbook(spec);
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
  const log = readChangeLog(opened.cells);
  const batch = `Phụ Lục (tệp) ${today} #${new Set(log.map((e) => e.batch)).size + 1}`;
  const spec = trackingWorkbookSpec(wb, {
    reportYear: wb.reportYear ?? Number(today.slice(0, 4)),
    reportDate: wb.reportDate ?? today,
    dueSoonDays: wb.dueSoonDays,
    generatedOn: today,
    planSource: opened.planSource,
    extraSheets: [
      ...keptSheets(opened),
      changeLogSheet([...log, ...logEntries(changes, batch, today)]),
    ],
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
  const result = rollover(wb, toYear);
  if (result.alreadyRolled)
    throw new RolloverRefused(`Sổ đã ở năm báo cáo ${wb.reportYear}: không chuyển lại.`);
  const log = readChangeLog(opened.cells);
  const entries = changes.length
    ? logEntries(
        changes,
        `Phụ Lục (tệp) ${today} #${new Set(log.map((e) => e.batch)).size + 1}`,
        today
      )
    : [];
  const all = [...log, ...entries];
  const spec = trackingWorkbookSpec(result.workbook, {
    reportYear: toYear,
    reportDate: `${toYear}-12-31`,
    dueSoonDays: wb.dueSoonDays,
    generatedOn: today,
    planSource: opened.planSource,
    extraSheets: [...keptSheets(opened), ...(all.length ? [changeLogSheet(all)] : [])],
  });
  return { bytes: await write(spec), result };
}

/** A roll-over the pane refuses (already rolled, no report year): shown as is. */
export class RolloverRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputError";
  }
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
