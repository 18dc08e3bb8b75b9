/**
 * Grid rows -> logical rows. When Excel receives a table pasted from Word, a cell with several
 * paragraphs becomes several sheet rows and the row's other cells are merged vertically over
 * them: rows covered by one vertical merge of the STT cell are one logical row (texts joined
 * with "\n"). A vertical merge of another cell spanning several logical rows (one lead for
 * several tasks) gives its text to each of them.
 */
import type { RawTable } from "../table/raw-table";

export interface LogicalRow {
  cells: string[];
  /** The 1-based row the user sees for the logical row's first grid row. */
  sourceRow: number;
  /** Horizontal merges on this row, as column ranges. */
  spans: { left: number; right: number }[];
  /**
   * Cells this row shares with other logical rows through one vertical merge (one lead cell
   * for several tasks), by column: this row's place among them and how many there are, so a
   * merged partner cell listing one line per task can be told from one listing a number of
   * lines that fits no count (import/structure.ts flags it).
   */
  shared?: Record<number, { index: number; count: number }>;
}

/**
 * Logical rows of `table` from grid row `from` on, with the STT in column `sttCol`; `details`:
 * the columns of a task's own agencies and time, which tell rows sharing one STT in a table of
 * rows as written (RawTable.rowsAsWritten) from one task's lines.
 */
export function logicalRows(
  table: RawTable,
  sttCol: number,
  from: number,
  details: number[] = []
): LogicalRow[] {
  const n = table.rows.length;
  // Grid row -> first grid row of its logical row.
  const head = Array.from({ length: n }, (_, i) => i);
  // STT merges over rows that are tasks of their own: kept apart, the number shared.
  const ownRows: typeof table.merges = [];
  for (const m of table.merges) {
    if (m.bottom > m.top && m.top >= from && m.left <= sttCol && sttCol <= m.right) {
      if (table.rowsAsWritten && namesOwnDetails(table, m, details)) ownRows.push(m);
      else for (let r = m.top + 1; r <= Math.min(m.bottom, n - 1); r++) head[r] = m.top;
    }
  }

  // Horizontal merges by their row, found once (not a scan of every merge for every row).
  const spansByRow = new Map<number, { left: number; right: number }[]>();
  for (const m of table.merges) {
    if (m.right <= m.left) continue;
    const spans = spansByRow.get(m.top);
    if (spans) spans.push({ left: m.left, right: m.right });
    else spansByRow.set(m.top, [{ left: m.left, right: m.right }]);
  }

  const byHead = new Map<number, LogicalRow>();
  const out: LogicalRow[] = [];
  for (const [r, cells] of table.rows.entries()) {
    if (r < from) continue;
    const existing = byHead.get(head[r] ?? r);
    if (!existing) {
      const row: LogicalRow = {
        cells: [...cells],
        sourceRow: table.sourceRows[r] ?? r + 1,
        spans: spansByRow.get(r) ?? [],
      };
      byHead.set(r, row);
      out.push(row);
    } else {
      cells.forEach((text, c) => {
        if (text.trim() === "") return;
        const joined = existing.cells[c];
        existing.cells[c] = joined ? joined + "\n" + text : text;
      });
    }
  }

  // Fill down vertical merges that span several logical rows (outside the STT column, or an
  // STT shared by rows of their own).
  for (const m of table.merges) {
    if (m.bottom <= m.top || m.top < from) continue;
    if (m.left <= sttCol && sttCol <= m.right && !ownRows.includes(m)) continue;
    const text = table.rows[m.top]?.[m.left] ?? "";
    if (text.trim() === "") continue;
    const covered = [byHead.get(head[m.top] ?? m.top)];
    for (let r = m.top + 1; r <= Math.min(m.bottom, n - 1); r++) {
      if (head[r] !== r) continue; // same logical row as above: already joined
      const row = byHead.get(r);
      if (row && (row.cells[m.left] ?? "").trim() === "") {
        row.cells[m.left] = text;
        covered.push(row);
      }
    }
    const rows = covered.filter((x): x is LogicalRow => x !== undefined);
    if (rows.length > 1)
      rows.forEach((row, index) => {
        (row.shared ??= {})[m.left] = { index, count: rows.length };
      });
  }
  return out;
}

/**
 * Two or more of the merge's rows write their own lead, partners or time (not one cell merged
 * down beside them): rows of their own, not the lines of one task.
 */
function namesOwnDetails(
  table: RawTable,
  m: RawTable["merges"][number],
  details: number[]
): boolean {
  let own = 0;
  for (let r = m.top; r <= Math.min(m.bottom, table.rows.length - 1); r++) {
    const cells = table.rows[r] ?? [];
    if (details.some((c) => (cells[c] ?? "").trim() !== "")) own++;
  }
  return own >= 2;
}
