/**
 * A tracking workbook held in memory, and the NEW workbook made from it after fixes or a
 * roll-over: shared by `phuluc validate/rollup/fix/rollover` and the task pane's file mode, so
 * both produce the same file. The rebuilt workbook keeps the officers' own sheets (as values)
 * and the "Nhật ký sửa" log, extended with this session's changes. Sources are never modified.
 */
import type { Finding } from "../core/model";
import type { WorkbookSpec } from "../core/spec/sheet-spec";
import { readTracking, type TrackingCells } from "../core/tracking/read-tracking";
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
  contributionsSheet,
  intakeSheet,
  readContributions,
  readIntake,
  type ContributionRow,
  type IntakeRow,
} from "../core/exchange/intake-sheet";
import {
  keptSheetsFromCells,
  planSourceFromCells,
  trackingWorkbookSpec,
} from "../core/workbook/from-tracking";

export interface OpenedTracking {
  /** File name (file mode, CLI) or workbook name (Excel), for messages and derived names. */
  source: string;
  cells: TrackingCells;
  /** As read; fixes replace the workbook in the caller's state, never `cells`. */
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

/** Reads .xlsx bytes; the exceljs adapter is loaded on first use (a lazy chunk in the pane). */
export async function openTrackingBytes(
  bytes: Uint8Array,
  fileName: string
): Promise<OpenedTracking> {
  const { readWorkbookCells } = await import(/* webpackChunkName: "xlsx" */ "../xlsx/index");
  return openTrackingCells(await readWorkbookCells(bytes, fileName), fileName);
}

export interface RebuildOptions {
  reportYear: number;
  reportDate: string;
  /** ISO date of today (core reads no clock). */
  today: string;
  /** Changes made in this session, appended to "Nhật ký sửa" as one batch. */
  changes: CellChange[];
  /** Who made the batch: "phuluc fix", "Phụ Lục (tệp)"… */
  batchPrefix: string;
  /** "Tiếp nhận" / "Phối hợp báo cáo" lines replacing the workbook's own (consolidation). */
  intake?: IntakeRow[];
  contributions?: ContributionRow[];
}

/**
 * `wb` (the workbook after fixes or roll-over) as a new workbook spec; the batch label is
 * numbered after the batches already in the log. No log sheet when there is nothing to log.
 */
export function rebuiltSpec(
  opened: OpenedTracking,
  wb: TrackingWorkbook,
  o: RebuildOptions
): { spec: WorkbookSpec; batch: string } {
  const log = readChangeLog(opened.cells);
  const batch = `${o.batchPrefix} ${o.today} #${new Set(log.map((e) => e.batch)).size + 1}`;
  const entries = [...log, ...(o.changes.length ? logEntries(o.changes, batch, o.today) : [])];
  const kept = keptSheetsFromCells(opened.cells, [
    ...Object.values(SHEETS),
    opened.workbook.taskSheet,
    CHANGE_LOG_SHEET,
  ]);
  // Consolidation's sheets are rebuilt with their tables (the reports read them by table name).
  const intake = o.intake ?? readIntake(opened.cells);
  const contributions = o.contributions ?? readContributions(opened.cells);
  const spec = trackingWorkbookSpec(wb, {
    reportYear: o.reportYear,
    reportDate: o.reportDate,
    dueSoonDays: wb.dueSoonDays,
    generatedOn: o.today,
    planSource: opened.planSource,
    extraSheets: [
      ...(intake.length ? [intakeSheet(intake)] : []),
      ...(contributions.length ? [contributionsSheet(contributions)] : []),
      ...kept,
      ...(entries.length ? [changeLogSheet(entries)] : []),
    ],
  });
  return { spec, batch };
}
