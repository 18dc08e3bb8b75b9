/**
 * Reading rectangles of cells (values, formulas) under Excel on the web's 5 MB response limit:
 * row chunks, as many per sync as fit in ~4 MB by the bytes per row seen so far. A response
 * Excel still refuses (ResponsePayloadSizeLimitExceeded: long texts further down) is retried
 * with chunks half as big; reads change nothing, so a retry is safe.
 */
import { columnLetter } from "../../core/spec/a1";
import { payloadBytes, SYNC_BUDGET } from "./sync-budget";

/** A rectangle to read, 1-based and inclusive. */
export interface CellBox {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export type ReadField = "values" | "formulas" | "numberFormat";

export interface ReadGrid {
  values: unknown[][];
  formulas: unknown[][];
  /** Filled when asked for ("numberFormat"). */
  numberFormat: unknown[][];
}

/** Bytes per cell assumed before anything was read (a task row's text and formulas). */
const FIRST_GUESS_PER_CELL = 120;
const MAX_RETRIES = 6;

/** A box being read: what came back so far and what the next chunk is planned with. */
interface BoxRead<B extends CellBox> {
  box: B;
  grid: ReadGrid;
  /** Bytes per row to plan the next chunk with. */
  perRow: number;
  /** First row not read yet. */
  next: number;
  /** Largest bytes per row seen so far (with margin). */
  measured: number;
}

/** Each box with its cells, in the order given. */
export async function readBoxes<B extends CellBox>(
  context: Excel.RequestContext,
  boxes: B[],
  fields: ReadField[],
  sync: () => Promise<void>,
  budget = SYNC_BUDGET
): Promise<{ box: B; grid: ReadGrid }[]> {
  const reads: BoxRead<B>[] = boxes.map((box) => ({
    box,
    grid: { values: [], formulas: [], numberFormat: [] },
    perRow: (box.right - box.left + 1) * FIRST_GUESS_PER_CELL * fields.length,
    next: box.top,
    measured: 0,
  }));
  let retries = 0;
  while (reads.some((r) => r.next <= r.box.bottom)) {
    // One sync's worth of chunks.
    let room = budget;
    const batch: {
      read: BoxRead<B>;
      top: number;
      bottom: number;
      range: Excel.Range;
    }[] = [];
    for (const read of reads) {
      if (room <= 0) break;
      const b = read.box;
      if (read.next > b.bottom) continue;
      const rows = Math.max(1, Math.min(b.bottom - read.next + 1, Math.floor(room / read.perRow)));
      if (batch.length > 0 && rows * read.perRow > room) break;
      const top = read.next;
      const bottom = top + rows - 1;
      const range = context.workbook.worksheets
        .getItem(b.sheet)
        .getRange(`${columnLetter(b.left)}${top}:${columnLetter(b.right)}${bottom}`);
      // eslint-disable-next-line office-addins/no-empty-load -- the fields are named by the caller
      range.load(fields.join(","));
      batch.push({ read, top, bottom, range });
      room -= rows * read.perRow;
    }
    try {
      await sync();
    } catch (e) {
      if ((e as { code?: string }).code !== "ResponsePayloadSizeLimitExceeded") throw e;
      if (++retries > MAX_RETRIES || batch.every((c) => c.top === c.bottom)) throw e;
      for (const c of batch) c.read.perRow *= 2;
      continue;
    }
    for (const { read, top, bottom, range } of batch) {
      const r = range as unknown as Partial<ReadGrid>;
      const values = fields.includes("values") ? (r.values ?? []) : [];
      const formulas = fields.includes("formulas") ? (r.formulas ?? []) : [];
      for (const row of values) read.grid.values.push(row);
      for (const row of formulas) read.grid.formulas.push(row);
      const formats = fields.includes("numberFormat") ? (r.numberFormat ?? []) : [];
      for (const row of formats) read.grid.numberFormat.push(row);
      const rows = bottom - top + 1;
      // Learn from what came back, never below what was measured for earlier chunks. The
      // first guess gives way to a real chunk's measure at once (a few rows teach little: it
      // halves), so wider sheets do not cost extra syncs for a guess.
      const seen = (payloadBytes(values) + payloadBytes(formulas) + payloadBytes(formats)) / rows;
      read.measured = Math.max(read.measured, seen * 1.25);
      read.perRow = rows >= 50 ? read.measured : Math.max(read.perRow * 0.5, read.measured);
      read.next = bottom + 1;
    }
  }
  return reads.map(({ box, grid }) => ({ box, grid }));
}
