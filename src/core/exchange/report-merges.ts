/**
 * A value merged over several task rows of a returned table ("Hoàn thành" or one result text
 * for three tasks): the file holds it in the top cell only, so the tasks below it got nothing,
 * without a word. Each task row the range covers takes the value, and the officer is told.
 */
import { parseRange } from "../spec/a1";
import { cellText } from "../tracking/raw-cell";

export interface SpreadMerge {
  /** "J6:J8". */
  range: string;
  /** 0-based column of the value. */
  col: number;
  /** 1-based task rows that took the top cell's value (the top one first). */
  rows: number[];
  text: string;
}

/**
 * The grid with each merged range over `columns`, from `firstRow` (1-based: the header's merges
 * are headers) down, that covers two or more task rows filled down its first column onto those
 * rows (a new grid only when something changes).
 */
export function spreadMerged(
  grid: unknown[][],
  merges: readonly string[],
  columns: ReadonlySet<number>,
  firstRow: number,
  isTaskRow: (line: unknown[]) => boolean
): { grid: unknown[][]; spread: SpreadMerge[] } {
  const spread: SpreadMerge[] = [];
  let out = grid;
  for (const ref of merges) {
    let r;
    try {
      r = parseRange(ref);
    } catch {
      continue; // a range Excel would not write: nothing to spread
    }
    const col = r.left - 1;
    if (r.bottom === r.top || r.top < firstRow || !columns.has(col)) continue;
    const top = grid[r.top - 1]?.[col];
    if (cellText(top) === "") continue;
    const rows: number[] = [];
    for (let row = r.top; row <= Math.min(r.bottom, grid.length); row++)
      if (isTaskRow(grid[row - 1] ?? [])) rows.push(row);
    if (rows.length < 2) continue; // over one task and its continuation: read as such
    if (out === grid) out = grid.map((l) => l);
    for (const row of rows.slice(1)) {
      const line = Array.from(out[row - 1] ?? []);
      while (line.length < col) line.push(null);
      line[col] = top;
      out[row - 1] = line;
    }
    spread.push({ range: ref, col, rows, text: cellText(top) });
  }
  return { grid: out, spread };
}
