/**
 * The tracking workbook with a "Mẫu in" sheet (the print texts an officer edits), as a NEW
 * workbook: `phuluc texts` and the pane's file mode (the Excel pane adds the sheet to the open
 * workbook instead). The texts written are the ones in use: the issuer's defaults ← an
 * existing "Mẫu in" ← this run's edits; an existing "Mẫu in" is kept, renamed "Mẫu in (cũ)".
 */
import {
  PRINT_TEXTS_SHEET,
  printTextsSheet,
  type PrintTextEdits,
} from "../core/papers/print-texts";
import type { CellChange } from "../core/tracking/changes";
import type { TrackingWorkbook } from "../core/tracking/tracking-model";
import type { WorkbookSpec } from "../core/spec/sheet-spec";
import { printTextsFor } from "./papers";
import { rebuiltSpec, type OpenedTracking } from "./tracking-file";

export interface PrintTextsFileOptions {
  /** ISO date of today (core reads no clock). */
  today: string;
  /** Who made the batch in "Nhật ký sửa" ("phuluc texts", "Phụ Lục (tệp)"). */
  batchPrefix: string;
  /** File mode: the session's changes, logged as in every file the pane writes. */
  changes?: CellChange[];
  edits?: PrintTextEdits;
}

export function withPrintTextsSpec(
  opened: OpenedTracking,
  wb: TrackingWorkbook,
  o: PrintTextsFileOptions
): WorkbookSpec {
  const texts = printTextsFor({ ...opened, workbook: wb }, o.edits);
  const { spec } = rebuiltSpec(opened, wb, {
    reportYear: wb.reportYear ?? Number(o.today.slice(0, 4)),
    reportDate: wb.reportDate ?? o.today,
    today: o.today,
    changes: o.changes ?? [],
    batchPrefix: o.batchPrefix,
  });
  const taken = new Set(spec.sheets.map((s) => s.name.toLowerCase()));
  const oldName = (() => {
    for (let i = 1; ; i++) {
      const name = i === 1 ? `${PRINT_TEXTS_SHEET} (cũ)` : `${PRINT_TEXTS_SHEET} (cũ ${i})`;
      if (!taken.has(name.toLowerCase())) return name;
    }
  })();
  const sheets = spec.sheets.map((s) =>
    s.name.toLowerCase() === PRINT_TEXTS_SHEET.toLowerCase() ? { ...s, name: oldName } : s
  );
  return { ...spec, sheets: [...sheets, printTextsSheet(texts)] };
}
