/**
 * Finds the phụ lục among a document's tables: the header row (within the first rows), the
 * column map, and the data rows, skipping header rows typed again after a page break and
 * rows of column numbers, and joining a table continued in the next table.
 */
import type { RawTable } from "../table/raw-table";
import { foldVietnamese } from "../text/fold";
import { logicalRows } from "../readers/logical-rows";
import {
  ColumnMap,
  classifyHeader,
  isColumnNumberRow,
  repeatsHeader,
  sameHeader,
} from "./header-columns";
import { INPUT_ERRORS } from "../errors/finding-codes";
import { InputError } from "../errors/input-error";

/** The header is searched in this many first rows of each table (titles may come first). */
const HEADER_SEARCH_ROWS = 10;

export interface TableRow {
  cells: string[];
  /** 1-based index of the source table in the document. */
  table: number;
  sourceRow: number;
  /** Horizontal merges on the row (group rows are often one merged cell). */
  spans: { left: number; right: number }[];
  /** Cells shared with other rows through a vertical merge (LogicalRow.shared). */
  shared?: Record<number, { index: number; count: number }>;
}

export interface LocatedTable {
  /** Indices of the source tables joined into this one (a continued table gives several). */
  tables: number[];
  columns: ColumnMap;
  rows: TableRow[];
  /** Text around the table (its heading), for the plan's metadata. */
  context: string;
  /** Grid rows above the header (a sheet's title rows, or the whole plan's text before it). */
  aboveHeader: string[][];
}

interface Header {
  columns: ColumnMap;
  /** First grid row after the header. */
  dataStart: number;
  /** The header's first grid row (title rows above it are context, like text above a table). */
  top: number;
}

export function locateTable(
  tables: RawTable[],
  fileName: string
): { table: LocatedTable; more: LocatedTable[] } {
  const found: LocatedTable[] = [];
  let current: LocatedTable | null = null;
  let lastIndex = -1;
  let lastWidth = -1;
  // The line just above each table's header when it reads as a group heading ("I. …").
  const firstHeadings = new Map<LocatedTable, string>();

  for (const t of tables.flatMap(splitAtAppendix)) {
    const header = findHeader(t);
    const width = t.rows[0]?.length ?? 0;
    const newAppendix = startsNewAppendix(t.context);
    const next = t.index === lastIndex + 1 && width === lastWidth;
    const continues =
      current !== null &&
      !newAppendix &&
      (header
        ? sameHeader(header.columns, current.columns) ||
          // A two-row header's first row alone typed again on the next page: its time column
          // reads as the merged "Thời gian" (the start), the table's is its "Hoàn thành".
          (next && sameHeader({ ...header.columns, time: current.columns.time }, current.columns))
        : next);
    if (continues && current) {
      current.tables.push(t.index);
      // One table per group, each under its heading ("II. …"): the headings are group rows,
      // the first table's too once a second one has one.
      const heading = groupHeading(t.context);
      if (heading) {
        firstGroup(current, firstHeadings);
        current.rows.push(headingRow(heading, current.columns, t.index));
      }
      current.rows.push(...dataRows(t, current.columns, header ? header.dataStart : 0));
    } else if (header) {
      current = {
        tables: [t.index],
        columns: header.columns,
        rows: dataRows(t, header.columns, header.dataStart),
        context: [
          t.context ?? "",
          ...t.rows.slice(0, header.top).map((r) => r.filter((c) => c.trim()).join(" ")),
        ]
          .filter((l) => l.trim())
          .join("\n"),
        aboveHeader: t.rows.slice(0, header.top),
      };
      const heading = groupHeading(current.context);
      if (heading) firstHeadings.set(current, heading);
      found.push(current);
    } else {
      continue;
    }
    lastIndex = t.index;
    lastWidth = width;
  }

  // "I. …" above the header and "II" among the rows (or "Nhóm …" and another "Nhóm …"):
  // the first group's heading.
  for (const [located, heading] of firstHeadings) {
    const next = nextNumber(heading);
    const { stt, title } = located.columns;
    const starts = (row: TableRow, re: RegExp) =>
      [stt, title].some((c) => re.test(foldVietnamese(row.cells[c] ?? "")));
    const again = next
      ? new RegExp(`^${next.toLowerCase()}(?:[.)]|$)`)
      : new RegExp(`^${foldVietnamese(heading).split(" ")[0] ?? ""}\\b`);
    if (located.rows.some((row) => starts(row, again))) firstGroup(located, firstHeadings);
  }

  if (found.length === 0) {
    throw new InputError(
      INPUT_ERRORS.NO_TABLE,
      fileName,
      `Không tìm thấy bảng phụ lục (cần các cột STT, Nhiệm vụ, Đơn vị chủ trì…) trong tệp "${fileName}".`
    );
  }
  const [table, ...more] = found.filter((f) => f.rows.length > 0);
  if (!table) {
    throw new InputError(
      INPUT_ERRORS.EMPTY_TABLE,
      fileName,
      `Bảng phụ lục trong tệp "${fileName}" chỉ có dòng tiêu đề, chưa có nhiệm vụ nào.`
    );
  }
  // Later phụ lục tables (Phụ lục II…) are imported too (more-appendices.ts).
  return { table, more };
}

/**
 * The header within the first rows: one row, or two when the second names "chủ trì / phối hợp".
 * Further down only while every row above is a line of text (at most two cells: a sheet that
 * holds the whole plan, as Excel or LibreOffice open its web page, has the letterhead, body and
 * signature above the phụ lục), never below the rows of another table.
 */
function findHeader(t: RawTable): Header | null {
  for (let r = 0; r < t.rows.length; r++) {
    const above = t.rows[r - 1];
    if (r >= HEADER_SEARCH_ROWS && above && filledCells(above) > 2) break;
    const top = spreadMerged(t, r);
    const single = classifyHeader(top);
    if (r + 1 < t.rows.length) {
      const below = spreadMerged(t, r + 1);
      if (isSubHeader(t, r, below)) {
        const combined = classifyHeader(
          top.map((c, i) => [c, below[i] ?? ""].filter((s) => s.trim()).join(" "))
        );
        if (combined) return { columns: combined, dataStart: r + 2, top: r };
      }
    }
    if (single) return { columns: single, dataStart: r + 1, top: r };
  }
  return null;
}

function filledCells(row: string[]): number {
  return row.filter((c) => c.trim()).length;
}

/**
 * A second header row: "Chủ trì", "Phối hợp" under a merged "Đơn vị thực hiện"; or any row whose
 * every text sits under a cell of row `r` merged across ("Bắt đầu", "Hoàn thành" under
 * "Thời gian thực hiện"): a data row has its STT outside such a cell.
 */
function isSubHeader(t: RawTable, r: number, cells: string[]): boolean {
  if (cells.some((c) => /^(don vi |co quan )?(chu tri|phoi hop)$/.test(foldVietnamese(c))))
    return true;
  const across = t.merges.filter((m) => m.top === r && m.right > m.left);
  const filled = cells.flatMap((c, i) => (c.trim() ? [i] : []));
  return (
    filled.length > 0 &&
    across.length > 0 &&
    filled.every((i) => across.some((m) => m.left <= i && i <= m.right))
  );
}

/** Row texts with a horizontally merged header cell's text given to every column it covers. */
function spreadMerged(t: RawTable, r: number): string[] {
  const cells = [...(t.rows[r] ?? [])];
  for (const m of t.merges) {
    const text = cells[m.left];
    if (m.top === r && m.right > m.left && text !== undefined) {
      for (let c = m.left + 1; c <= m.right; c++) if (!cells[c]) cells[c] = text;
    }
  }
  return cells;
}

function dataRows(t: RawTable, columns: ColumnMap, from: number): TableRow[] {
  const details = [columns.lead, columns.partners, columns.time].filter((c) => c >= 0);
  return logicalRows(t, columns.stt, from, details)
    .filter((row) => row.cells.some((c) => c.trim() !== ""))
    .filter((row) => !isColumnNumberRow(row.cells))
    .filter((row) => !repeatsHeader(row.cells, columns))
    .map((row) => ({
      cells: row.cells,
      table: t.index,
      sourceRow: row.sourceRow,
      spans: row.spans,
      ...(row.shared ? { shared: row.shared } : {}),
    }));
}

/**
 * The group heading written just above a table, "II. QUẢNG BÁ" or "Nhóm nhiệm vụ 2: …": the
 * last line of its context, numbered (Roman or 1.) or naming a group, short as a title is.
 */
function groupHeading(context: string | undefined): string | null {
  const last = (context ?? "")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .pop();
  if (!last || last.length > 200) return null;
  if (/^([IVXLC]+|\d{1,2})[.)]\s+\S/.test(last)) return last;
  return /^(nhom|linh vuc)\b/.test(foldVietnamese(last)) ? last : null;
}

/** The heading above `located`'s header made its first group row (once). */
function firstGroup(located: LocatedTable, headings: Map<LocatedTable, string>): void {
  const heading = headings.get(located);
  if (heading === undefined) return;
  located.rows.unshift(headingRow(heading, located.columns, located.tables[0] ?? 0));
  headings.delete(located);
}

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII"];

/** "II" after "I. …", "3" after "2. …": the next group's number; null when unnumbered. */
function nextNumber(heading: string): string | null {
  const m = /^([IVXLC]+|\d{1,2})[.)]/.exec(heading);
  if (!m?.[1]) return null;
  if (/^\d/.test(m[1])) return String(Number(m[1]) + 1);
  const i = ROMAN.indexOf(m[1]);
  return i >= 0 ? (ROMAN[i + 1] ?? null) : null;
}

/** A heading above a table as a row merged across it, STT and title cut as a merged row's are. */
function headingRow(heading: string, columns: ColumnMap, table: number): TableRow {
  const cells = columns.headers.map(() => "");
  cells[columns.stt] = heading;
  return { cells, table, sourceRow: 1, spans: [{ left: 0, right: cells.length - 1 }] };
}

/**
 * A sheet holding the whole plan (its web page opened in Excel or LibreOffice) has the next
 * appendix's heading, "PHỤ LỤC II", as a line of text below the first one's tasks: the sheet
 * is cut there into one table per appendix, each with its heading as context, as a document's
 * tables are.
 */
function splitAtAppendix(t: RawTable): RawTable[] {
  const header = findHeader(t);
  if (!header) return [t];
  const cut = t.rows.findIndex(
    (row, r) => r >= header.dataStart && filledCells(row) === 1 && startsNewAppendix(row.join(""))
  );
  if (cut < 0) return [t];
  const slice = (from: number, to: number, context: string | undefined): RawTable => ({
    ...t,
    rows: t.rows.slice(from, to),
    sourceRows: t.sourceRows.slice(from, to),
    merges: t.merges
      .filter((m) => m.top >= from && m.bottom < to)
      .map((m) => ({ ...m, top: m.top - from, bottom: m.bottom - from })),
    context,
  });
  const heading = t.rows[cut]?.join("").trim() ?? "";
  return [slice(0, cut, t.context), ...splitAtAppendix(slice(cut + 1, t.rows.length, heading))];
}

/** A "PHỤ LỤC …" heading before a table starts a new appendix, not a continuation. */
function startsNewAppendix(context: string | undefined): boolean {
  return (context ?? "").split("\n").some((l) => /^phu luc\b/.test(foldVietnamese(l)));
}
