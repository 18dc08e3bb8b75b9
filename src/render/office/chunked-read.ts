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

export async function readBoxes(
  context: Excel.RequestContext,
  boxes: CellBox[],
  fields: ReadField[],
  sync: () => Promise<void>,
  budget = SYNC_BUDGET
): Promise<ReadGrid[]> {
  const out: ReadGrid[] = boxes.map(() => ({ values: [], formulas: [], numberFormat: [] }));
  const perRow = boxes.map((b) => (b.right - b.left + 1) * FIRST_GUESS_PER_CELL * fields.length);
  const next = boxes.map((b) => b.top); // first row not read yet
  const measured = boxes.map(() => 0); // largest bytes per row seen so far (with margin)
  let retries = 0;
  while (next.some((row, i) => row <= boxes[i].bottom)) {
    // One sync's worth of chunks.
    let room = budget;
    const batch: { i: number; top: number; bottom: number; range: Excel.Range }[] = [];
    for (let i = 0; i < boxes.length && room > 0; i++) {
      const b = boxes[i];
      if (next[i] > b.bottom) continue;
      const rows = Math.max(1, Math.min(b.bottom - next[i] + 1, Math.floor(room / perRow[i])));
      if (batch.length > 0 && rows * perRow[i] > room) break;
      const top = next[i];
      const bottom = top + rows - 1;
      const range = context.workbook.worksheets
        .getItem(b.sheet)
        .getRange(`${columnLetter(b.left)}${top}:${columnLetter(b.right)}${bottom}`);
      // eslint-disable-next-line office-addins/no-empty-load -- the fields are named by the caller
      range.load(fields.join(","));
      batch.push({ i, top, bottom, range });
      room -= rows * perRow[i];
    }
    try {
      await sync();
    } catch (e) {
      if ((e as { code?: string }).code !== "ResponsePayloadSizeLimitExceeded") throw e;
      if (++retries > MAX_RETRIES || batch.every((c) => c.top === c.bottom)) throw e;
      for (const c of batch) perRow[c.i] *= 2;
      continue;
    }
    for (const c of batch) {
      const r = c.range as unknown as Partial<ReadGrid>;
      const values = fields.includes("values") ? (r.values ?? []) : [];
      const formulas = fields.includes("formulas") ? (r.formulas ?? []) : [];
      for (const row of values) out[c.i].values.push(row);
      for (const row of formulas) out[c.i].formulas.push(row);
      const formats = fields.includes("numberFormat") ? (r.numberFormat ?? []) : [];
      for (const row of formats) out[c.i].numberFormat.push(row);
      const rows = c.bottom - c.top + 1;
      // Learn from what came back, never below what was measured for earlier chunks. The
      // first guess gives way to a real chunk's measure at once (a few rows teach little: it
      // halves), so wider sheets do not cost extra syncs for a guess.
      const seen = (payloadBytes(values) + payloadBytes(formulas) + payloadBytes(formats)) / rows;
      measured[c.i] = Math.max(measured[c.i], seen * 1.25);
      perRow[c.i] = rows >= 50 ? measured[c.i] : Math.max(perRow[c.i] * 0.5, measured[c.i]);
      next[c.i] = c.bottom + 1;
    }
  }
  return out;
}
