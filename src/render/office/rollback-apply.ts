/**
 * Putting a failed apply back (2 syncs): the changed cells as they were, the appended table rows
 * removed, the backup lines of the batch cleared (or the backup sheet removed if it was new).
 */
import type { CellChange } from "../../core/tracking/changes";
import { columnLetter } from "../../core/spec/a1";
import { BACKUP_HEADERS, decodeInput, encodeCurrent, LAST_COL } from "./backup-log";
import { cellWrite, currentOf, type Box } from "./cell-snapshots";
import type { OfficeInput } from "./office-values";
import { SyncBatcher } from "./sync-budget";

/** 2 syncs: see whether the backup sheet / appended rows exist, then put everything back. */
export async function rollbackApply(
  context: Excel.RequestContext,
  changes: CellChange[],
  boxes: Map<string, Box>,
  b: {
    backupName: string;
    created: boolean;
    nextRow: number;
    count: number;
    append?: {
      sheet: string;
      table: string;
      values: OfficeInput[][];
      firstRow: number;
      firstCol: number;
    };
  },
  /** Counts a sync: called as counted(context.sync()). */
  counted: (synced: Promise<void>) => Promise<void>
): Promise<void> {
  const wb = context.workbook;
  const backup = wb.worksheets.getItemOrNullObject(b.backupName);
  let table: Excel.Range | undefined;
  if (b.append) {
    table = wb.tables.getItem(b.append.table).getRange();
    table.load("rowIndex,rowCount");
  }
  await counted(context.sync());
  const batcher = new SyncBatcher(() => counted(context.sync()));
  for (const c of changes) {
    const [k, t] = encodeCurrent(currentOf(boxes, c.sheet, c.address));
    await batcher.add(cellWrite(context, c.sheet, c.address, decodeInput(k, t), false));
  }
  const firstAppended = b.append?.values[0];
  if (b.append && table && firstAppended) {
    const bottom = table.rowIndex + table.rowCount; // 1-based last row
    if (bottom >= b.append.firstRow) {
      const width = firstAppended.length;
      wb.worksheets
        .getItem(b.append.sheet)
        .getRange(
          `${columnLetter(b.append.firstCol)}${b.append.firstRow}:${columnLetter(b.append.firstCol + width - 1)}${bottom}`
        )
        .delete("Up" as Excel.DeleteShiftDirection);
    }
  }
  if (!backup.isNullObject) {
    if (b.created) {
      const ws = wb.worksheets.getItem(b.backupName);
      ws.visibility = "Visible";
      ws.delete();
    } else if (b.count > 0) {
      wb.worksheets
        .getItem(b.backupName)
        .getRange(`A${b.nextRow}:${LAST_COL}${b.nextRow + b.count - 1}`).formulas = Array.from(
        { length: b.count },
        () => BACKUP_HEADERS.map(() => "")
      );
    }
  }
  await batcher.flush();
}
