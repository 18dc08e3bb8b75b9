/**
 * Writing CellChanges (core/tracking/changes.ts) into the open workbook, undoably:
 *   1. FIRST the previous value of every changed cell is recorded in a very hidden backup sheet
 *      ("_phuluc_saoluu": batch id, time, sheet, address, before, after, reason, state);
 *   2. then only the changed cells are written (strings as text: the renderer's apostrophe rule).
 * undoChanges(batchId) puts the previous values back, except in cells the officer edited since
 * the fix: those are skipped and reported, never overwritten silently.
 *
 * context.sync() calls, each plus one per ~4 MB of payload (sync-budget.ts, chunked-read.ts):
 *   applyChanges  2 (1: read the changed cells and where the backup sheet ends; 2: backup + writes);
 *                 on failure 2 more (1: see what the failed batch did; 1: put everything back).
 *   undoChanges   4 (1: where the backup lines are; 2: read them; 3: read the cells now;
 *                 4: restore + mark the batch); on failure 1 more (write back what was there
 *                 before the undo), reported as failed when that fails too.
 */
import { DATE_FORMAT } from "../../core/spec/cell-values";
import { parseCell, columnLetter } from "../../core/spec/a1";
import type { CellChange, ChangeValue } from "../../core/tracking/changes";
import { readBoxes, type ReadGrid } from "./chunked-read";
import { toOfficeInput, type OfficeInput } from "./office-values";
import { officeErrorText } from "./office-errors";
import { payloadBytes, rowChunks, SMALL_OP, SyncBatcher, type QueuedOp } from "./sync-budget";

export const BACKUP_SHEET = "_phuluc_saoluu";
export const BACKUP_HEADERS = [
  "Lô",
  "Thời gian",
  "Trang",
  "Ô",
  "Loại trước",
  "Trước",
  "Loại sau",
  "Sau",
  "Lý do",
  "Trạng thái",
];
const LAST_COL = columnLetter(BACKUP_HEADERS.length);
export const BATCH_STATE = {
  applied: "Đã áp dụng",
  undone: "Đã hoàn tác",
  failed: "Lỗi, đã khôi phục",
} as const;

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

export class ChangesError extends Error {
  constructor(
    message: string,
    readonly rolledBack: boolean,
    readonly cause: unknown
  ) {
    super(message);
    this.name = "ChangesError";
  }
}

/** A cell as loaded: its value and its formula ("=…" when it has one). */
interface Current {
  value: unknown;
  formula: unknown;
}

type Kind = "empty" | "text" | "number" | "boolean" | "formula";

/** What is in a cell, as (kind, text) for the backup sheet. */
function encodeCurrent(c: Current): [Kind, string] {
  if (typeof c.formula === "string" && c.formula.startsWith("=") && c.formula !== c.value)
    return ["formula", c.formula];
  const v = c.value;
  if (v === null || v === undefined || v === "") return ["empty", ""];
  if (typeof v === "number") return ["number", String(v)];
  if (typeof v === "boolean") return ["boolean", v ? "TRUE" : "FALSE"];
  return ["text", String(v)];
}

/** What we write for a change's after value, as (kind, text). */
function encodeAfter(v: ChangeValue): [Kind, string] {
  const input = toOfficeInput(v);
  if (typeof input === "number") return ["number", String(input)];
  if (typeof input === "boolean") return ["boolean", input ? "TRUE" : "FALSE"];
  if (input === "") return ["empty", ""];
  if (typeof v === "object" && v !== null && "formula" in v) return ["formula", input];
  return ["text", typeof v === "string" ? v : String(input)];
}

/** (kind, text) → what Range.formulas takes to put it back exactly. */
export function decodeInput(kind: string, text: string): OfficeInput {
  switch (kind) {
    case "number":
      return Number(text);
    case "boolean":
      return text === "TRUE";
    case "formula":
      return text;
    case "empty":
      return "";
    default:
      return toOfficeInput(text);
  }
}

/** Whether the cell still holds (kind, text). */
function holds(c: Current, kind: string, text: string): boolean {
  const [k, t] = encodeCurrent(c);
  if (kind === "number" && k === "number") return Number(t) === Number(text);
  return k === kind && t === text;
}

/** Text for a backup cell: always stored as text. */
const asText = (s: string): OfficeInput => toOfficeInput(s);

interface Box {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
  grid?: ReadGrid;
}

/**
 * The cells as they are now: one bounding box per sheet, read in as few syncs as the response
 * limit allows (1 for an ordinary batch). Loads queued before the call share its first sync.
 */
async function readCells(
  context: Excel.RequestContext,
  cells: { sheet: string; address: string }[],
  sync: () => Promise<void>
): Promise<Map<string, Box>> {
  const boxes = new Map<string, Box>();
  for (const c of cells) {
    const { row, col } = parseCell(c.address);
    const b = boxes.get(c.sheet);
    if (!b) boxes.set(c.sheet, { sheet: c.sheet, top: row, left: col, bottom: row, right: col });
    else
      Object.assign(b, {
        top: Math.min(b.top, row),
        left: Math.min(b.left, col),
        bottom: Math.max(b.bottom, row),
        right: Math.max(b.right, col),
      });
  }
  const list = [...boxes.values()];
  if (list.length === 0) {
    await sync();
    return boxes;
  }
  const grids = await readBoxes(context, list, ["values", "formulas"], sync);
  list.forEach((b, i) => (b.grid = grids[i]));
  return boxes;
}

function currentOf(boxes: Map<string, Box>, sheet: string, address: string): Current {
  const b = boxes.get(sheet)!;
  const { row, col } = parseCell(address);
  const g = b.grid!;
  return {
    value: g.values[row - b.top][col - b.left],
    formula: g.formulas[row - b.top][col - b.left],
  };
}

function defaultBatchId(now: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}-${Math.floor(now.getMilliseconds())}`;
}

/** A changed cell's write, with its estimated request bytes (Office.js sends a few actions). */
function cellWrite(
  context: Excel.RequestContext,
  sheet: string,
  address: string,
  input: OfficeInput,
  date: boolean
): QueuedOp {
  return {
    bytes: SMALL_OP + payloadBytes([[input]]),
    queue: () => {
      const r = context.workbook.worksheets.getItem(sheet).getRange(address);
      if (date) r.numberFormat = [[DATE_FORMAT]];
      r.formulas = [[input]];
    },
  };
}

/** Lines written into the backup sheet from `firstRow`, as row chunks under the budget. */
function backupWrites(
  context: Excel.RequestContext,
  backupName: string,
  firstRow: number,
  lines: OfficeInput[][]
): QueuedOp[] {
  return rowChunks(lines).map((chunk) => ({
    bytes: SMALL_OP + chunk.bytes,
    queue: () => {
      const top = firstRow + chunk.start;
      context.workbook.worksheets
        .getItem(backupName)
        .getRange(`A${top}:${LAST_COL}${top + chunk.rows.length - 1}`).formulas = chunk.rows;
    },
  }));
}

export async function applyChanges(
  context: Excel.RequestContext,
  changes: CellChange[],
  options: ApplyChangesOptions = {}
): Promise<ApplyChangesResult> {
  const backupName = typeof options.backupSheet === "string" ? options.backupSheet : BACKUP_SHEET;
  const now = (options.now ?? (() => new Date()))();
  const batchId = options.batchId ?? defaultBatchId(now);
  let syncs = 0;
  const sync = async () => {
    syncs++;
    await context.sync();
  };
  const wb = context.workbook;

  // Sync 1: where the backup sheet ends (and the history table), with the changed cells as they
  // are (more syncs only when those exceed ~4 MB).
  const backup = wb.worksheets.getItemOrNullObject(backupName);
  const used = backup.getUsedRangeOrNullObject(true);
  used.load("rowIndex,rowCount");
  const tableRange = options.appendRows
    ? wb.tables.getItem(options.appendRows.table).getRange()
    : undefined;
  tableRange?.load("rowIndex,rowCount,columnIndex");
  const boxes = await readCells(context, changes, sync);
  // eslint-disable-next-line office-addins/call-sync-before-read -- readCells synced (counted)
  const created = backup.isNullObject;
  const t = tableRange as unknown as
    | { rowIndex: number; rowCount: number; columnIndex: number }
    | undefined;
  const append =
    options.appendRows && t
      ? {
          ...options.appendRows,
          firstRow: t.rowIndex + t.rowCount + 1,
          firstCol: t.columnIndex + 1,
        }
      : undefined;
  const usedRange = used as unknown as {
    isNullObject: boolean;
    rowIndex: number;
    rowCount: number;
  };
  const nextRow =
    created || usedRange.isNullObject ? 2 : usedRange.rowIndex + usedRange.rowCount + 1;

  const time = now.toISOString();
  const lines: OfficeInput[][] = changes.map((c) => {
    const [kb, tb] = encodeCurrent(currentOf(boxes, c.sheet, c.address));
    const [ka, ta] = encodeAfter(c.after);
    return [batchId, time, c.sheet, c.address, kb, tb, ka, ta, c.reason, BATCH_STATE.applied].map(
      (x) => asText(String(x))
    );
  });
  if (append && append.values.length > 0) {
    const width = append.values[0].length;
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
  const batcher = new SyncBatcher(sync);
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
          queue: () =>
            wb.tables.getItem(append.table).rows.add(null as unknown as number, chunk.rows),
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
        sync
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
  return { syncs, batchId, written: changes.length };
}

const isDateValue = (v: ChangeValue) => typeof v === "object" && v !== null && "date" in v;

/** 2 syncs: see whether the backup sheet / appended rows exist, then put everything back. */
async function rollbackApply(
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
  sync: () => Promise<void>
): Promise<void> {
  const wb = context.workbook;
  const backup = wb.worksheets.getItemOrNullObject(b.backupName);
  let table: Excel.Range | undefined;
  if (b.append) {
    table = wb.tables.getItem(b.append.table).getRange();
    table.load("rowIndex,rowCount");
  }
  await sync();
  const batcher = new SyncBatcher(sync);
  for (const c of changes) {
    const [k, t] = encodeCurrent(currentOf(boxes, c.sheet, c.address));
    await batcher.add(cellWrite(context, c.sheet, c.address, decodeInput(k, t), false));
  }
  if (b.append && table) {
    const t = table as unknown as { rowIndex: number; rowCount: number };
    const bottom = t.rowIndex + t.rowCount; // 1-based last row
    if (bottom >= b.append.firstRow) {
      const width = b.append.values[0].length;
      wb.worksheets
        .getItem(b.append.sheet)
        .getRange(
          `${columnLetter(b.append.firstCol)}${b.append.firstRow}:${columnLetter(b.append.firstCol + width - 1)}${bottom}`
        )
        .delete("Up" as Excel.DeleteShiftDirection);
    }
  }
  // eslint-disable-next-line office-addins/call-sync-before-read -- sync() wraps context.sync() (counted)
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
  const backupName = typeof options.backupSheet === "string" ? options.backupSheet : BACKUP_SHEET;
  let syncs = 0;
  const sync = async () => {
    syncs++;
    await context.sync();
  };
  const wb = context.workbook;

  // Sync 1: where the backup lines are; then the lines (one more sync per ~4 MB of them).
  const backup = wb.worksheets.getItemOrNullObject(backupName);
  const used = backup.getUsedRangeOrNullObject(true);
  used.load("rowIndex,rowCount");
  await sync();
  const u = used as unknown as { isNullObject: boolean; rowIndex: number; rowCount: number };
  // eslint-disable-next-line office-addins/call-sync-before-read -- sync() wraps context.sync() (counted)
  if (backup.isNullObject || u.isNullObject) return { syncs, restored: 0, skipped: [] };
  const [backupGrid] = await readBoxes(
    context,
    [
      {
        sheet: backupName,
        top: u.rowIndex + 1,
        left: 1,
        bottom: u.rowIndex + u.rowCount,
        right: BACKUP_HEADERS.length,
      },
    ],
    ["values"],
    sync
  );
  const lines = backupGrid.values
    .map((v, i) => ({
      row: u.rowIndex + 1 + i,
      v: v.map((x) => (x === null || x === undefined ? "" : String(x))),
    }))
    .filter((l) => l.v[0] === batchId && l.v[9] === BATCH_STATE.applied);
  if (lines.length === 0) return { syncs, restored: 0, skipped: [] };
  const cellLines = lines.filter((l) => l.v[4] !== "rows");
  const rowLines = lines.filter((l) => l.v[4] === "rows");

  // Sync 2 (more for over ~4 MB): the cells as they are now, and the appended rows.
  const boxes = await readCells(
    context,
    [
      ...cellLines.map((l) => ({ sheet: l.v[2], address: l.v[3] })),
      // The appended rows' corners: their sheet's box then covers them.
      ...rowLines.flatMap((l) => l.v[3].split(":").map((address) => ({ sheet: l.v[2], address }))),
    ],
    sync
  );
  const skipped: UndoResult["skipped"] = [];
  const restore: { sheet: string; address: string; input: OfficeInput; now: Current }[] = [];
  for (const l of cellLines) {
    const [sheet, address, kb, tb, ka, ta] = [l.v[2], l.v[3], l.v[4], l.v[5], l.v[6], l.v[7]];
    const now = currentOf(boxes, sheet, address);
    if (!holds(now, ka, ta))
      skipped.push({ sheet, address, expected: ta, found: encodeCurrent(now)[1] });
    else restore.push({ sheet, address, input: decodeInput(kb, tb), now });
  }
  const deletions = rowLines.filter((line) => {
    const [from, to] = line.v[3].split(":").map(parseCell);
    // Rows typed into since (a cell emptied): leave them (and say so).
    let untouched = true;
    for (let row = from.row; row <= to.row && untouched; row++) {
      let any = false;
      for (let col = from.col; col <= to.col; col++) {
        const v = currentOf(boxes, line.v[2], `${columnLetter(col)}${row}`).value;
        if (v !== "" && v !== null) any = true;
      }
      untouched = any;
    }
    if (!untouched)
      skipped.push({
        sheet: line.v[2],
        address: line.v[3],
        expected: "dòng đã thêm",
        found: "đã bị sửa",
      });
    return untouched;
  });

  // Sync 3 (one more per ~4 MB): restore, remove appended rows, mark the batch.
  const batcher = new SyncBatcher(sync);
  try {
    for (const r of restore)
      await batcher.add(cellWrite(context, r.sheet, r.address, r.input, false));
    for (const d of deletions)
      await batcher.add({
        bytes: SMALL_OP,
        queue: () =>
          wb.worksheets
            .getItem(d.v[2])
            .getRange(d.v[3])
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
      const back = new SyncBatcher(sync);
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
  return { syncs, restored: restore.length, skipped };
}
