/**
 * A tracking workbook held in memory, and the NEW workbook made from it after fixes or a
 * roll-over: shared by `phuluc validate/rollup/fix/rollover` and the task pane's file mode, so
 * both produce the same file. The rebuilt workbook keeps the officers' own sheets (as values)
 * and the "Nhật ký sửa" log, extended with this session's changes. Sources are never modified.
 */
import type { Finding } from "../core/model";
import type { CellValue, SheetSpec, WorkbookSpec } from "../core/spec/sheet-spec";
import { readTracking, type TrackingCells } from "../core/tracking/read-tracking";
import type { CellChange } from "../core/tracking/changes";
import { logEntries, readChangeLog } from "../core/tracking/change-log";
import { CHANGE_LOG_SHEET, changeLogRow, changeLogSheet } from "../core/workbook/change-log-sheet";
import { FONT } from "../core/workbook/styles";
import type { TrackingWorkbook } from "../core/workbook/tracking-model";
import { SHEETS } from "../core/workbook/columns";
import {
  contributionsSheet,
  intakeSheet,
  readContributions,
  readIntake,
  type ContributionRow,
  type IntakeRow,
} from "../core/exchange/intake-sheet";
import { baselineSheet, readBaseline } from "../core/exchange/baseline-sheet";
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
  /** The file as read (CLI, file mode): edits are written into this package. */
  bytes?: Uint8Array;
  /** Its parts as the read inflated them: the edit starts from them (no second inflate). */
  parts?: Map<string, Uint8Array>;
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
  const parts = new Map<string, Uint8Array>();
  const cells = await readWorkbookCells(bytes, fileName, parts);
  return { ...openTrackingCells(cells, fileName), bytes, parts };
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
  // What the last consolidation left (hidden): kept through fixes and roll-overs.
  const baseline = readBaseline(opened.cells);
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
      ...(baseline.length ? [baselineSheet(baseline)] : []),
    ],
  });
  return { spec, batch };
}

/**
 * What a use case does to a tracking workbook, as data every writer applies the same way: the
 * open workbook (Office.js), or the original .xlsx package (CLI, the pane's file mode).
 */
export interface TrackingEdits {
  /** The workbook after the edits: what the pane shows next. */
  workbook: TrackingWorkbook;
  /** Officers' cells rewritten, in order (a later change of a cell wins). */
  changes: CellChange[];
  /** What "Nhật ký sửa" gets as this batch (default: `changes`). */
  logged?: CellChange[];
  /** Rows appended under a sheet's table (roll-over history). */
  appends?: RowAppend[];
  /** Sheets written whole: added, or replacing the sheet of the same name. */
  sheets?: SheetSpec[];
  /** Sheets renamed before the new ones are added ("Mẫu in" → "Mẫu in (cũ)"). */
  renames?: { from: string; to: string }[];
  reportYear: number;
  reportDate: string;
  /** "Tiếp nhận" / "Phối hợp báo cáo" lines (consolidation). */
  intake?: IntakeRow[];
  contributions?: ContributionRow[];
}

export interface RowAppend {
  sheet: string;
  /** The table the rows extend (its range, validations and formats follow). */
  table?: string;
  rows: CellValue[][];
}

export interface WriteOptions {
  /** ISO date of today. */
  today: string;
  /** Who made the batch: "phuluc fix", "Phụ Lục (tệp)"… */
  batchPrefix: string;
}

/**
 * The edits as a NEW .xlsx; the source bytes are never modified. A workbook read from a file is
 * patched (xlsx/patch-workbook.ts: the changed cells, appended rows and whole sheets written,
 * every other part of the officer's file kept); one read from cells alone is rebuilt.
 */
export async function editedFile(
  opened: OpenedTracking,
  edits: TrackingEdits,
  o: WriteOptions
): Promise<{ bytes: Uint8Array; batch: string }> {
  if (!opened.bytes) return rebuiltFile(opened, edits, o);
  const log = readChangeLog(opened.cells);
  const batch = `${o.batchPrefix} ${o.today} #${new Set(log.map((e) => e.batch)).size + 1}`;
  const entries = logEntries(edits.logged ?? edits.changes, batch, o.today);
  const hasLog = opened.cells.sheets.some((s) => s.name === CHANGE_LOG_SHEET);
  const { patchWorkbook } = await import(/* webpackChunkName: "xlsx" */ "../xlsx/index");
  const bytes = await patchWorkbook(
    opened.bytes,
    opened.source,
    {
      cells: edits.changes.map((c) => ({ sheet: c.sheet, address: c.address, value: c.after })),
      appends: [
        ...(edits.appends ?? []),
        ...(hasLog && entries.length
          ? [{ sheet: CHANGE_LOG_SHEET, rows: entries.map(changeLogRow) }]
          : []),
      ],
      renames: edits.renames ?? [],
      sheets: [
        ...(edits.sheets ?? []),
        ...(!hasLog && entries.length ? [changeLogSheet(entries)] : []),
      ],
      defaultFont: FONT,
    },
    opened.parts
  );
  return { bytes, batch };
}

/** A workbook known only by its cells, rebuilt from the model with the edits. */
async function rebuiltFile(
  opened: OpenedTracking,
  edits: TrackingEdits,
  o: WriteOptions
): Promise<{ bytes: Uint8Array; batch: string }> {
  const { spec, batch } = rebuiltSpec(opened, edits.workbook, {
    reportYear: edits.reportYear,
    reportDate: edits.reportDate,
    today: o.today,
    changes: edits.logged ?? edits.changes,
    batchPrefix: o.batchPrefix,
    intake: edits.intake,
    contributions: edits.contributions,
  });
  const renamed = new Map((edits.renames ?? []).map((r) => [r.from.toLowerCase(), r.to]));
  const whole = new Map((edits.sheets ?? []).map((s) => [s.name.toLowerCase(), s]));
  const sheets = spec.sheets.map((s) => {
    const to = renamed.get(s.name.toLowerCase());
    if (to) return { ...s, name: to };
    const replaced = whole.get(s.name.toLowerCase());
    if (replaced) whole.delete(s.name.toLowerCase());
    return replaced ?? s;
  });
  const { writeWorkbook } = await import(/* webpackChunkName: "xlsx" */ "../xlsx/index");
  const bytes = await writeWorkbook({ ...spec, sheets: [...sheets, ...whole.values()] });
  return { bytes, batch };
}
