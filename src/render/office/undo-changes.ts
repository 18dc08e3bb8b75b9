/**
 * Undo of one batch (core of the pane's "Hoàn tác"): the backup lines of the batch put back,
 * except cells the officer edited since — skipped and reported, never overwritten silently;
 * rows the batch appended removed unless typed into. On failure, the cells are left as they
 * were before the undo.
 */
import { columnLetter, parseRange } from "../../core/spec/a1";
import {
  BACKUP_HEADERS,
  BATCH_STATE,
  decodeInput,
  encodeCurrent,
  holds,
  loadBackupSheet,
  type Current,
} from "./backup-log";
import { cellWrite, currentOf, readCells } from "./cell-snapshots";
import { ChangesError } from "./changes-error";
import { readBoxes } from "./chunked-read";
import { officeErrorText } from "./office-errors";
import type { OfficeInput } from "./office-values";
import { SMALL_OP, SyncBatcher, SyncCount } from "./sync-budget";

export interface UndoResult {
  syncs: number;
  restored: number;
  /** Cells changed since the batch: left as the officer made them. */
  skipped: { sheet: string; address: string; expected: string; found: string }[];
}

export async function undoChanges(
  context: Excel.RequestContext,
  batchId: string,
  options: { backupSheet?: string | boolean } = {}
): Promise<UndoResult> {
  const count = new SyncCount();
  const { counted } = count;
  const wb = context.workbook;

  // Sync 1: where the backup lines are; then the lines (one more sync per ~4 MB of them).
  const { name: backupName, sheet: backup, used } = loadBackupSheet(wb, options.backupSheet);
  await counted(context.sync());
  if (backup.isNullObject || used.isNullObject)
    return { syncs: count.syncs, restored: 0, skipped: [] };
  const read = await readBoxes(
    context,
    [
      {
        sheet: backupName,
        top: used.rowIndex + 1,
        left: 1,
        bottom: used.rowIndex + used.rowCount,
        right: BACKUP_HEADERS.length,
      },
    ],
    ["values"],
    () => counted(context.sync())
  );
  const lines = read
    .flatMap(({ grid }) => grid.values) // one box: the lines from the first row used
    .map((cells, i) => backupLine(used.rowIndex + 1 + i, cells))
    .filter((l) => l.batch === batchId && l.state === BATCH_STATE.applied);
  if (lines.length === 0) return { syncs: count.syncs, restored: 0, skipped: [] };
  const cellLines = lines.filter((l) => l.kindBefore !== "rows");
  const rowLines = lines.filter((l) => l.kindBefore === "rows");

  // Sync 2 (more for over ~4 MB): the cells as they are now, and the appended rows.
  const boxes = await readCells(
    context,
    [
      ...cellLines.map((l) => ({ sheet: l.sheet, address: l.address })),
      // The appended rows' corners: their sheet's box then covers them.
      ...rowLines.flatMap((l) =>
        l.address.split(":").map((address) => ({ sheet: l.sheet, address }))
      ),
    ],
    () => counted(context.sync())
  );
  const skipped: UndoResult["skipped"] = [];
  const restore: { sheet: string; address: string; input: OfficeInput; now: Current }[] = [];
  for (const { sheet, address, kindBefore, before, kindAfter, after } of cellLines) {
    const now = currentOf(boxes, sheet, address);
    if (!holds(now, kindAfter, after))
      skipped.push({ sheet, address, expected: after, found: encodeCurrent(now)[1] });
    else restore.push({ sheet, address, input: decodeInput(kindBefore, before), now });
  }
  const deletions = rowLines.filter((line) => {
    const rows = parseRange(line.address);
    // Rows typed into since (a cell emptied): leave them (and say so).
    let untouched = true;
    for (let row = rows.top; row <= rows.bottom && untouched; row++) {
      let any = false;
      for (let col = rows.left; col <= rows.right; col++) {
        const v = currentOf(boxes, line.sheet, `${columnLetter(col)}${row}`).value;
        if (v !== "" && v !== null) any = true;
      }
      untouched = any;
    }
    if (!untouched)
      skipped.push({
        sheet: line.sheet,
        address: line.address,
        expected: "dòng đã thêm",
        found: "đã bị sửa",
      });
    return untouched;
  });

  // Sync 3 (one more per ~4 MB): restore, remove appended rows, mark the batch.
  const batcher = new SyncBatcher(() => counted(context.sync()));
  try {
    for (const r of restore)
      await batcher.add(cellWrite(context, r.sheet, r.address, r.input, false));
    for (const d of deletions)
      await batcher.add({
        bytes: SMALL_OP,
        queue: () =>
          wb.worksheets
            .getItem(d.sheet)
            .getRange(d.address)
            .delete("Up" as Excel.DeleteShiftDirection),
      });
    for (const l of lines)
      await batcher.add({
        bytes: SMALL_OP,
        queue: () =>
          (wb.worksheets.getItem(backupName).getRange(`J${l.row}`).values = [[BATCH_STATE.undone]]),
      });
    await batcher.flush();
  } catch (cause) {
    // Put back what was there before this undo (1 sync per ~4 MB).
    let rolledBack = false;
    try {
      const back = new SyncBatcher(() => counted(context.sync()));
      for (const r of restore) {
        const [k, t] = encodeCurrent(r.now);
        await back.add(cellWrite(context, r.sheet, r.address, decodeInput(k, t), false));
      }
      await back.flush();
      rolledBack = true;
    } catch {
      /* reported below */
    }
    throw new ChangesError(
      rolledBack
        ? `Không hoàn tác được (${officeErrorText(cause)}). Các ô đã được để lại như trước khi hoàn tác.`
        : `Không hoàn tác được (${officeErrorText(cause)}) và không trả lại được các ô như trước khi hoàn tác; hãy kiểm tra các ô trong lô ${batchId} (trang "${backupName}").`,
      rolledBack,
      cause
    );
  }
  return { syncs: count.syncs, restored: restore.length, skipped };
}

/** One line of the backup sheet (columns as in BACKUP_HEADERS), read back as text. */
interface BackupLine {
  /** The line's row on the backup sheet. */
  row: number;
  batch: string;
  sheet: string;
  address: string;
  /** "rows" for the table rows a batch appended (then `address` is their range). */
  kindBefore: string;
  before: string;
  kindAfter: string;
  after: string;
  state: string;
}

function backupLine(row: number, cells: unknown[]): BackupLine {
  // An empty cell (or one past what was read) is empty text.
  const text = (col: number) => {
    const x = cells[col];
    return x === null || x === undefined ? "" : String(x);
  };
  return {
    row,
    batch: text(0),
    sheet: text(2),
    address: text(3),
    kindBefore: text(4),
    before: text(5),
    kindAfter: text(6),
    after: text(7),
    state: text(9),
  };
}
