/**
 * The "texts" use case: the tracking workbook with a "Mẫu in" sheet (the print texts an officer
 * edits) as a NEW workbook, for `phuluc texts` and the pane's file mode (the Excel pane adds the
 * sheet to the open workbook instead). The texts written are the ones in use: the issuer's
 * defaults ← an existing "Mẫu in" ← this run's edits; an existing "Mẫu in" is kept, renamed
 * "Mẫu in (cũ)".
 */
import {
  PRINT_TEXTS_SHEET,
  printTextsSheet,
  type PrintTextEdits,
} from "../core/papers/print-texts";
import type { CellChange } from "../core/tracking/changes";
import type { TrackingWorkbook } from "../core/workbook/tracking-model";
import { printTextsFor } from "./papers";
import { editedFile, type OpenedTracking, type TrackingEdits } from "./tracking-file";

export interface PrintTextsFileOptions {
  /** ISO date of today (core reads no clock). */
  today: string;
  /** Who made the batch in "Nhật ký sửa" ("phuluc texts", "Phụ Lục (tệp)"). */
  batchPrefix: string;
  /** File mode: the session's changes, written and logged as in every file the pane writes. */
  changes?: CellChange[];
  edits?: PrintTextEdits;
}

/** What the texts use case does to the workbook; `had`: a "Mẫu in" was there (now "(cũ)"). */
export function printTextsEdits(
  opened: OpenedTracking,
  wb: TrackingWorkbook,
  o: Omit<PrintTextsFileOptions, "batchPrefix">
): { edits: TrackingEdits; had: boolean } {
  const texts = printTextsFor({ ...opened, workbook: wb }, o.edits);
  const taken = new Set(opened.cells.sheets.map((s) => s.name.toLowerCase()));
  const old = opened.cells.sheets.find(
    (s) => s.name.toLowerCase() === PRINT_TEXTS_SHEET.toLowerCase()
  );
  const oldName = (() => {
    for (let i = 1; ; i++) {
      const name = i === 1 ? `${PRINT_TEXTS_SHEET} (cũ)` : `${PRINT_TEXTS_SHEET} (cũ ${i})`;
      if (!taken.has(name.toLowerCase())) return name;
    }
  })();
  return {
    had: Boolean(old),
    edits: {
      workbook: wb,
      changes: o.changes ?? [],
      renames: old ? [{ from: old.name, to: oldName }] : [],
      sheets: [printTextsSheet(texts)],
      reportYear: wb.reportYear ?? Number(o.today.slice(0, 4)),
      reportDate: wb.reportDate ?? o.today,
    },
  };
}

export async function printTextsFile(
  opened: OpenedTracking,
  wb: TrackingWorkbook,
  o: PrintTextsFileOptions
): Promise<{ bytes: Uint8Array; had: boolean }> {
  const { edits, had } = printTextsEdits(opened, wb, o);
  const { bytes } = await editedFile(opened, edits, o);
  return { bytes, had };
}
