/**
 * The "Theo dõi" tab inside Excel: thin adapters from the pane's actions to the Office.js
 * renderers in src/render/office (each a fixed, small number of context.sync() calls), loaded
 * lazily: only inside Excel, only when the officer acts.
 */
import type { RolloverOfficeResult } from "../render/office/rollover-office";
import type { CellChange } from "../core/tracking/changes";
import type { TrackingCells } from "../core/tracking/read-tracking";

export interface ExcelTracking {
  cells: TrackingCells;
  /** The open workbook's name, for messages ("Sổ làm việc đang mở" when Excel does not say). */
  name: string;
}

/** The open workbook's cells (readTrackingFromOffice) and its name. */
export async function readOpenTracking(): Promise<ExcelTracking> {
  const { readTrackingFromOffice } = await import(
    /* webpackChunkName: "office-tracking" */ "../render/office/read-tracking-office"
  );
  return Excel.run(async (context) => {
    const { cells } = await readTrackingFromOffice(context);
    return { cells, name: workbookName() };
  });
}

function workbookName(): string {
  try {
    const url = Office.context.document.url ?? "";
    const last = decodeURIComponent(url.split(/[\\/]/).pop() ?? "");
    return last || "Sổ làm việc đang mở";
  } catch {
    return "Sổ làm việc đang mở";
  }
}

/** Selects one cell (and shows its sheet) in one sync. False when the sheet is gone. */
export async function selectCell(sheet: string, address: string): Promise<boolean> {
  try {
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      await context.sync();
    });
    return true;
  } catch {
    return false;
  }
}

/** Writes the cells of `changes`, their previous values kept in a backup batch; → its id. */
export async function applyChangesInExcel(
  changes: CellChange[]
): Promise<{ batchId: string; syncs: number }> {
  const { applyChanges } = await import(
    /* webpackChunkName: "office-tracking" */ "../render/office/apply-changes"
  );
  return Excel.run(async (context) => {
    // Default backup sheet ("_phuluc_saoluu"): the previous values, by batch.
    const out = await applyChanges(context, changes);
    return { batchId: String(out.batchId), syncs: out.syncs };
  });
}

/**
 * Puts back the values a batch replaced. Cells the officer changed since are left as they
 * are (their number is returned, to say so).
 */
export async function undoChangesInExcel(
  batchId: string
): Promise<{ restored: number; skipped: number }> {
  const { undoChanges } = await import(
    /* webpackChunkName: "office-tracking" */ "../render/office/undo-changes"
  );
  return Excel.run(async (context) => {
    const out = await undoChanges(context, batchId);
    return { restored: out.restored, skipped: out.skipped.length };
  });
}

/** What a roll-over in Excel did (the renderer's own summary). */
export type ExcelRollover = Omit<RolloverOfficeResult, "syncs" | "cells">;

/**
 * The year roll-over in the open workbook (3 syncs), undoable by its batch. A refused one
 * (core/tracking/rollover-rules: not the next year, already rolled) throws RolloverRefused.
 */
export async function rolloverInExcel(toYear: number): Promise<ExcelRollover> {
  const { rolloverInOffice } = await import(
    /* webpackChunkName: "office-tracking" */ "../render/office/rollover-office"
  );
  return Excel.run(async (context) => {
    // The pane listed the open errors in its confirmation: the officer chose to go on.
    const {
      syncs: _syncs,
      cells: _cells,
      ...done
    } = await rolloverInOffice(context, toYear, {
      force: true,
    });
    return done;
  });
}

/** The status chart on "Tổng hợp". */
export async function insertChartInExcel(): Promise<void> {
  const { insertStatusChart } = await import(
    /* webpackChunkName: "office-tracking" */ "../render/office/insert-chart"
  );
  await Excel.run(async (context) => {
    await insertStatusChart(context);
  });
}

/**
 * A consolidation's result into the open master: the cell changes (backup, undo) and the record
 * sheets "Tiếp nhận" / "Phối hợp báo cáo" (4 syncs, src/render/office/consolidate-office.ts).
 */
export async function consolidateInExcel(
  changes: CellChange[],
  recordSheets: import("../core/spec/sheet-spec").SheetSpec[],
  defaultFont: import("../core/spec/sheet-spec").FontSpec
): Promise<{ batchId: string | null }> {
  const { consolidateInOffice } = await import(
    /* webpackChunkName: "office-tracking" */ "../render/office/consolidate-office"
  );
  return Excel.run(async (context) => {
    const out = await consolidateInOffice(context, changes, recordSheets, defaultFont);
    return { batchId: out.batchId };
  });
}
