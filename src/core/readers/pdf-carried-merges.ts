/**
 * A merged cell cut by a page break (one lead for several tasks, its last tasks on the next
 * page) has its text printed once, at its top on the first page: its part on the next page is
 * an empty merged cell. It is given the text of the cell it goes on from.
 */
import type { MergedArea, RawTable } from "../table/raw-table";

/**
 * Fills, in `rows` (the next page's part, `first` its first row after a repeated header), each
 * empty vertical merge starting at `first` (also one left one cell high when the row cut by
 * the page break was joined to the row above) with the text of the previous part's last cell in
 * its column (the top of the merge covering that cell, if any). A single empty cell there
 * stays empty: nothing tells the rest of a merge from a partner cell left empty on purpose.
 */
export function carryMergedCells(
  previous: RawTable,
  rows: string[][],
  merges: MergedArea[],
  first: number
): void {
  const lastRow = previous.rows.length - 1;
  const row = rows[first];
  if (!row || lastRow < 0) return;
  for (const m of merges) {
    // One cell high: a merge that also covered the cut row joined to the row above.
    if (m.top !== first || m.bottom < m.top || m.left !== m.right || row[m.left]?.trim()) continue;
    const above = previous.merges.find(
      (p) => p.left === m.left && p.right === m.right && p.top <= lastRow && lastRow <= p.bottom
    );
    const text = previous.rows[above?.top ?? lastRow]?.[m.left];
    if (text?.trim()) row[m.left] = text;
  }
}

/**
 * A merge cut by the page break with one row on the next page: that row's cell is a single
 * empty cell there, as a partner cell left empty on purpose is. When the previous part ends in
 * a merge of two rows or more in that column, the cell takes the merge's text (the merge more
 * often goes on than ends right at the break with an empty cell under it), and the caller says
 * so: the officer checks it. Returns the columns filled, with their text.
 */
export function carryMergeRest(
  previous: RawTable,
  rows: string[][],
  merges: MergedArea[],
  first: number
): { column: number; text: string }[] {
  const lastRow = previous.rows.length - 1;
  const row = rows[first];
  if (!row || lastRow < 0 || row.every((t) => !t.trim())) return [];
  const out: { column: number; text: string }[] = [];
  row.forEach((cell, c) => {
    if (cell.trim()) return;
    const inMerge = merges.some(
      (m) => m.left <= c && c <= m.right && m.top <= first && first <= m.bottom
    );
    const above = previous.merges.find(
      (p) => p.left === c && p.right === c && p.top < lastRow && p.bottom === lastRow
    );
    const text = above && previous.rows[above.top]?.[c];
    if (inMerge || !text?.trim()) return;
    row[c] = text;
    out.push({ column: c, text });
  });
  return out;
}
