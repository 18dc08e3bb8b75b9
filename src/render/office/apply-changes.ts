/**
 * Writing CellChanges (core/tracking/changes.ts) into the open workbook, undoably:
 *   1. FIRST the previous value of every changed cell is recorded in a very hidden backup sheet
 *      ("_phuluc_saoluu": batch id, time, sheet, address, before, after, reason, state);
 *   2. then only the changed cells are written (strings as text: the renderer's apostrophe rule).
 * undoChanges(batchId) (undo-changes.ts) puts the previous values back, except in cells the
 * officer edited since the fix: those are skipped and reported, never overwritten silently.
 * The backup lines: backup-log.ts; the cells read and written: cell-snapshots.ts; a failed
 * apply put back: rollback-apply.ts.
 *
 * context.sync() calls, each plus one per ~4 MB of payload (sync-budget.ts, chunked-read.ts):
 *   applyChanges  2 (1: read the changed cells and where the backup sheet ends; 2: backup + writes);
 *                 on failure 2 more (1: see what the failed batch did; 1: put everything back).
 *   undoChanges   4 (1: where the backup lines are; 2: read them; 3: read the cells now;
 *                 4: restore + mark the batch); on failure 1 more (write back what was there
 *                 before the undo), reported as failed when that fails too.
 */
import type { CellChange, ChangeValue } from "../../core/tracking/changes";
import { columnLetter } from "../../core/spec/a1";
import {
  asText,
  BACKUP_HEADERS,
  backupWrites,
  BATCH_STATE,
  defaultBatchId,
  encodeAfter,
  encodeCurrent,
  LAST_COL,
  loadBackupSheet,
} from "./backup-log";
import { cellWrite, currentOf, readCells } from "./cell-snapshots";
import { ChangesError } from "./changes-error";
import { officeErrorText } from "./office-errors";
import { toOfficeInput, type OfficeInput } from "./office-values";
import { rollbackApply } from "./rollback-apply";
import { payloadBytes, rowChunks, SMALL_OP, SyncBatcher, SyncCount } from "./sync-budget";

export interface ApplyChangesOptions {
  /** Backup sheet name; true or absent: "_phuluc_saoluu". */
  backupSheet?: string | boolean;
  /** Clock for the batch id and time; tests pin it. */
  now?: () => Date;
  batchId?: string;
  /**
   * Rows appended to a table in the same write (the history lines of a roll-over), recorded in
   * the backup so undo removes them. `values` are ready for Office (toOfficeInput).
   */
  appendRows?: { sheet: string; table: string; values: OfficeInput[][] };
}

export interface ApplyChangesResult {
  syncs: number;
  batchId: string;
  written: number;
}

export async function applyChanges(
  context: Excel.RequestContext,
  changes: CellChange[],
  options: ApplyChangesOptions = {}
): Promise<ApplyChangesResult> {
  const now = (options.now ?? (() => new Date()))();
  const batchId = options.batchId ?? defaultBatchId(now);
  const count = new SyncCount();
  const { counted } = count;
  const wb = context.workbook;

  // Sync 1: where the backup sheet ends (and the history table), with the changed cells as they
  // are (more syncs only when those exceed ~4 MB).
  const { name: backupName, sheet: backup, used } = loadBackupSheet(wb, options.backupSheet);
  const tableRange = options.appendRows
    ? wb.tables.getItem(options.appendRows.table).getRange()
    : undefined;
  tableRange?.load("rowIndex,rowCount,columnIndex");
  // readCells' first sync (written here) also brings the loads above.
  const boxes = await readCells(context, changes, () => counted(context.sync()));
  const created = backup.isNullObject;
  const append =
    options.appendRows && tableRange
      ? {
          ...options.appendRows,
          firstRow: tableRange.rowIndex + tableRange.rowCount + 1,
          firstCol: tableRange.columnIndex + 1,
        }
      : undefined;
  const nextRow = created || used.isNullObject ? 2 : used.rowIndex + used.rowCount + 1;

  const time = now.toISOString();
  const lines: OfficeInput[][] = changes.map((c) => {
    const [kb, tb] = encodeCurrent(currentOf(boxes, c.sheet, c.address));
    const [ka, ta] = encodeAfter(c.after);
    return [batchId, time, c.sheet, c.address, kb, tb, ka, ta, c.reason, BATCH_STATE.applied].map(
      (x) => asText(String(x))
    );
  });
  const firstAppended = append?.values[0];
  if (append && firstAppended) {
    const width = firstAppended.length;
    const range = `${columnLetter(append.firstCol)}${append.firstRow}:${columnLetter(append.firstCol + width - 1)}${append.firstRow + append.values.length - 1}`;
    lines.push(
      [
        batchId,
        time,
        append.sheet,
        range,
        "rows",
        append.table,
        "rows",
        String(append.values.length),
        "Thêm dòng vào bảng",
        BATCH_STATE.applied,
      ].map((x) => asText(String(x)))
    );
  }

  // Sync 2 (one more per ~4 MB): the backup first, then the cells.
  const batcher = new SyncBatcher(() => counted(context.sync()));
  try {
    if (created) {
      await batcher.add({
        bytes: SMALL_OP * 3 + payloadBytes(BACKUP_HEADERS),
        queue: () => {
          const sheet = wb.worksheets.add(backupName);
          sheet.getRange(`A1:${LAST_COL}1`).values = [BACKUP_HEADERS];
          sheet.visibility = "VeryHidden";
        },
      });
    }
    await batcher.addAll(backupWrites(context, backupName, nextRow, lines));
    for (const c of changes)
      await batcher.add(
        cellWrite(context, c.sheet, c.address, toOfficeInput(c.after), isDateValue(c.after))
      );
    if (append && append.values.length > 0)
      await batcher.addAll(
        rowChunks(append.values).map((chunk) => ({
          bytes: SMALL_OP + chunk.bytes,
          queue: () => wb.tables.getItem(append.table).rows.add(undefined, chunk.rows),
        }))
      );
    await batcher.flush();
  } catch (cause) {
    let rolledBack = false;
    try {
      await rollbackApply(
        context,
        changes,
        boxes,
        { backupName, created, nextRow, count: lines.length, append },
        counted
      );
      rolledBack = true;
    } catch {
      // reported below
    }
    const detail = officeErrorText(cause);
    throw new ChangesError(
      rolledBack
        ? `Không ghi được các thay đổi: ${detail}. Sổ theo dõi đã được khôi phục như trước.`
        : `Không ghi được các thay đổi: ${detail}. Việc khôi phục cũng thất bại: một phần thay đổi có thể đã được ghi; hãy kiểm tra các ô đã sửa (bản sao lưu ở trang ẩn "${backupName}", lô ${batchId}).`,
      rolledBack,
      cause
    );
  }
  return { syncs: count.syncs, batchId, written: changes.length };
}

const isDateValue = (v: ChangeValue) => typeof v === "object" && v !== null && "date" in v;
