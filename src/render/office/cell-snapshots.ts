/**
 * The changed cells as they are now — one bounding box per sheet, read in as few syncs as the
 * response limit allows — and a cell written back (apply, rollback and undo all write this way).
 */
import { DATE_FORMAT } from "../../core/spec/cell-values";
import { parseCell } from "../../core/spec/a1";
import type { Current } from "./backup-log";
import { readBoxes, type ReadGrid } from "./chunked-read";
import type { OfficeInput } from "./office-values";
import { payloadBytes, SMALL_OP, type QueuedOp } from "./sync-budget";

export interface Box {
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
export async function readCells(
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
  for (const { box, grid } of await readBoxes(context, list, ["values", "formulas"], sync))
    box.grid = grid;
  return boxes;
}

export function currentOf(boxes: Map<string, Box>, sheet: string, address: string): Current {
  const b = boxes.get(sheet)!;
  const { row, col } = parseCell(address);
  const g = b.grid!;
  const values = g.values[row - b.top];
  const formulas = g.formulas[row - b.top];
  // readCells read every address asked for: a row missing is a bug, not an empty cell.
  if (values === undefined || formulas === undefined)
    throw new Error(`${sheet}!${address} was not read`);
  return { value: values[col - b.left], formula: formulas[col - b.left] };
}

/** A changed cell's write, with its estimated request bytes (Office.js sends a few actions). */
export function cellWrite(
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
