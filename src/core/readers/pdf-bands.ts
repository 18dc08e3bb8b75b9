/**
 * Tables drawn without ruling lines: the header row ("STT … Nhiệm vụ … chủ trì …") gives the
 * columns, each header cell one band; the bands' edges move to where no text of the table's
 * lines crosses. A row starts where the first column (STT) has text, or after a wide gap with
 * text in several columns; the table ends at a wide gap or a line of prose across the bands,
 * and goes on at the top of the next page when the page ended inside it.
 */
import type { PdfTextItem } from "./pdf-page";
import type { Frame, PageGrid } from "./pdf-grid";
import { joinLines, medianPitch, splitLine, toLines, type TextLine } from "./pdf-lines";
import { foldVietnamese } from "../text/fold";
import { nth, present } from "./present";

/**
 * A table that ran to the end of its page: its column edges, and its header's lines as
 * written (a header repeated on the next page is those lines again, and no more).
 */
export type OpenBands = { edges: number[]; header: string[] } | null;

interface Bands {
  edges: number[];
  /** Per inner edge k, the x-range it may move within: between the two header cells' text. */
  room: [number, number][];
  /** Lines the header row takes (0: bands carried from the previous page, no header). */
  headerLines: number;
  /** Those lines' texts. */
  header: string[];
}

/** Spaces removed: "ST / T" wrapped in a narrow column is "STT". */
const HEADER_STT = /^(stt|tt|sott|sothutu)\.?$/;
const HEADER_WORDS = /chu tri|thuc hien|phoi hop/;
/** The STT of a row (a task's number, a group's roman numeral, "a)"): no header line ("ST / T" is). */
const ROW_MARK = /^([IVXLC]+|\d+(\.\d+)*)[.)]?$|^[a-zđA-Z][.)]$/;
/** Words in capitals, as a group's heading is typed ("PHÁT TRIỂN HẠ TẦNG SỐ"). */
const CAPITALS = /^\p{Lu}{2,}(\s+\p{Lu}[\p{Lu},]*){1,}$/u;
/** A header row's text wraps onto at most this many lines. */
const HEADER_LINES = 4;
const HEADER_TITLE = /nhiem vu|noi dung|cong viec|ten de an|hoat dong/;

export function bandTables(
  items: PdfTextItem[],
  carried: OpenBands = null,
  frames: Frame[] = []
): { grids: PageGrid[]; rest: PdfTextItem[]; open: OpenBands } {
  const lines = toLines(items);
  const grids: PageGrid[] = [];
  const used = new Set<PdfTextItem>();
  let open: OpenBands = null;
  let i = 0;
  // A header repeated at the top of the page gives the bands anew (and is a header row); a
  // first line with text across a column edge is not the table going on (a signature block).
  const [firstLine] = lines;
  // The repeated header is the previous header's lines: the rest of a row cut by the page
  // break, right under it and without STT, would read as the header's wrapped words.
  const repeated = carried?.header;
  if (carried && firstLine && (headerEdges(lines, 0) || crossesEdge(firstLine, carried.edges)))
    carried = null;
  let bands: Bands | null = carried
    ? {
        edges: carried.edges,
        room: carried.edges.map((e) => [e, e] as [number, number]),
        headerLines: 0,
        header: carried.header,
      }
    : null;
  let start = carried ? 0 : -1;
  while (i < lines.length) {
    if (start < 0) {
      const header = headerEdges(lines, i, i === 0 ? repeated : undefined);
      if (!header) {
        i++;
        continue;
      }
      bands = header;
      start = i;
    }
    const end = Math.min(tableEnd(lines, start, bands!.edges), frameEnd(lines, start, frames));
    const block = lines.slice(start, end);
    if (block.length >= 2 || (carried && start === 0)) {
      const tight = tighten(bands!, block);
      grids.push(gridOf(block, tight, bands!.headerLines));
      for (const l of block) for (const it of l.items) used.add(it);
      if (end === lines.length) open = { edges: tight, header: bands!.header };
    }
    i = end;
    start = -1;
    bands = null;
  }
  return { grids, rest: items.filter((it) => !used.has(it)), open };
}

/**
 * Column edges (left edge of each column, then the right end) when line i starts a header row.
 * A header cell's words wrap onto the next lines ("Đơn vị / chủ trì", even "ST / T" in a narrow
 * column): the pieces of the header's lines that overlap in x are one cell.
 */
function headerEdges(lines: TextLine[], i: number, repeats?: string[]): Bands | null {
  const head = lines[i];
  if (!head) return null;
  const size = head.size;
  let n = 1;
  for (let above = head; n < HEADER_LINES; n++) {
    const next = lines[i + n];
    const wraps =
      next !== undefined && next.y - above.y <= 1.6 * size && !ROW_MARK.test(firstPiece(next).text);
    if (!wraps) break;
    above = next;
  }
  if (repeats?.length && repeats.length < n && repeats.every((t, k) => lines[i + k]?.text === t))
    n = repeats.length;
  const cells: TextLine[][] = [];
  const pieces = lines.slice(i, i + n).flatMap((l) => splitLine(l, 0.8));
  for (const p of [...pieces].sort((a, b) => a.x - b.x)) {
    const last = cells[cells.length - 1];
    const lastRight = last ? Math.max(...last.map((q) => q.right)) : -Infinity;
    if (last && p.x < lastRight + 0.3 * size) last.push(p);
    else cells.push([p]);
  }
  const [sttCell] = cells;
  if (cells.length < 3 || !sttCell) return null;
  const textOf = (cell: TextLine[]) =>
    [...cell]
      .sort((a, b) => a.y - b.y)
      .map((q) => q.text)
      .join(" ");
  if (!HEADER_STT.test(foldVietnamese(textOf(sttCell)).replace(/\s+/g, ""))) return null;
  // The STT cell starts on the header's first line.
  if (!sttCell.some((q) => Math.abs(q.y - head.y) < 0.4 * size)) return null;
  const text = foldVietnamese(cells.map(textOf).join(" "));
  if (!HEADER_WORDS.test(text) || !HEADER_TITLE.test(text)) return null;
  // Each inner edge halfway between two cells' text, free to move between them.
  const edges: number[] = [];
  const room: [number, number][] = [];
  let right = -Infinity;
  cells.forEach((c, k) => {
    const x = Math.min(...c.map((q) => q.x));
    const edge = k === 0 ? x - 1 : (right + x) / 2;
    edges.push(edge);
    room.push(k === 0 ? [edge, edge] : [right, x]);
    right = Math.max(...c.map((q) => q.right));
  });
  edges.push(right + 1);
  room.push([right + 1, right + 1]);
  return { edges, room, headerLines: n, header: lines.slice(i, i + n).map((l) => l.text) };
}

/** The first piece of a line split at gaps of 0.8 font sizes (a row's STT, or a header's). */
function firstPiece(line: TextLine): TextLine {
  return present(splitLine(line, 0.8)[0], "piece of a line");
}

/** Lines from `start` that belong to the table. */
function tableEnd(lines: TextLine[], start: number, edges: number[]): number {
  const pitch = medianPitch(lines.slice(start, start + 30));
  const left = nth(edges, 0);
  const sttWidth = nth(edges, 1) - left;
  const end = nth(edges, edges.length - 1);
  let i = start + 1;
  for (let line = lines[i]; line; line = lines[++i]) {
    const gap = line.y - nth(lines, i - 1).y;
    if (pitch && gap > 3 * pitch) break;
    // A header centred over a narrow STT column starts right of its numbers: the column's own
    // width is the leeway. The last column's text may run past its header ("Trước 30/6/2025"
    // under "Thời gian"): text after the table is told by crossing the columns, below.
    const leeway = Math.max(line.size, sttWidth);
    if (line.x < left - leeway || line.x >= end) break;
    // Prose across the columns (no STT): the text after the table.
    const crossing = line.items.some(
      (it) => edges.slice(1, -1).filter((e) => it.x < e && it.x + it.width > e).length >= 2
    );
    const [firstItem] = line.items;
    // Unless the table's rows go on right under it: then it is a row across the table (a note,
    // a heading without STT), and the rows after it are not lost to the body text.
    if (
      crossing &&
      firstItem &&
      columnOf(firstItem, edges) !== 0 &&
      !rowFollows(lines, i, edges, pitch)
    )
      break;
  }
  return i;
}

/**
 * Where the ruled box the table starts in ends: a signature block a little below a table
 * ruled only across its rows ("TM. ỦY BAN NHÂN DÂN" under the lead column) is not its text.
 */
function frameEnd(lines: TextLine[], start: number, frames: Frame[]): number {
  const first = lines[start];
  const inside = (l: TextLine, f: Frame) => l.y - l.size / 3 > f.top && l.y - l.size / 3 < f.bottom;
  const frame =
    first && frames.find((f) => inside(first, f) && first.x >= f.left && first.x < f.right);
  if (!frame) return lines.length;
  const out = lines.findIndex((l, i) => i > start && !inside(l, frame));
  return out < 0 ? lines.length : out;
}

/**
 * Each inner edge moves into the widest x-range, between the two header cells' text, that no
 * item of the table's lines crosses (cells' text never crosses a column edge; rows merged
 * across, a group's title, are left out of the count).
 */
function tighten(bands: Bands, lines: TextLine[]): number[] {
  // Twice: what crosses "several columns" is judged first by the start of each next header
  // cell's text (a cell's text ends before its column's right edge, so it crosses one of those
  // at most, even a title column far wider than its centred header), then by the tightened edges.
  const starts = bands.room.map(([, hi]) => hi);
  return tightenBy(bands, lines, tightenBy(bands, lines, starts));
}

function tightenBy({ edges, room }: Bands, lines: TextLine[], judge: number[]): number[] {
  const items = lines.flatMap((l) => l.items);
  const inner = judge.slice(1, -1);
  const acrossColumns = (it: PdfTextItem) =>
    inner.filter((e) => it.x < e && it.x + it.width > e).length >= 2;
  const out = [...edges];
  // A header centred over the STT column starts right of the numbers under it.
  const sttRight = nth(edges, 1);
  const lefts = items.filter((it) => !acrossColumns(it) && it.x < sttRight).map((it) => it.x - 1);
  out[0] = Math.min(nth(edges, 0), ...lefts);
  for (const [k, [lo, hi]] of room.entries()) {
    if (k === 0 || k >= edges.length - 1 || hi <= lo) continue;
    const covered = items
      .filter((it) => !acrossColumns(it))
      .map((it) => [Math.max(lo, it.x), Math.min(hi, it.x + it.width)] as const)
      .filter(([a, b]) => b > a)
      .sort((a, b) => a[0] - b[0]);
    // The x-range between the header cells crossed by the fewest items (a group's title merged
    // across the columns crosses any), the widest of those: cells' text never crosses an edge.
    const cuts = [...new Set([lo, hi, ...covered.flat()])].sort((p, q) => p - q);
    let best: [number, number] | null = null;
    let fewest = Infinity;
    for (const [c, b] of cuts.entries()) {
      const a = cuts[c - 1];
      if (a === undefined) continue;
      const mid = (a + b) / 2;
      const n = covered.filter(([x, r]) => x < mid && r > mid).length;
      if (n < fewest || (n === fewest && best && b - a > best[1] - best[0])) {
        fewest = n;
        best = [a, b];
      }
    }
    const free = best as [number, number] | null;
    if (free) out[k] = (free[0] + free[1]) / 2;
  }
  return out;
}

/**
 * A row's STT in the first column follows line `i` at the table's pitch, after at most two
 * more lines of its own (a note wrapped on a few lines).
 */
function rowFollows(lines: TextLine[], i: number, edges: number[], pitch: number): boolean {
  for (let k = i + 1; k <= i + 3; k++) {
    const above = lines[k - 1];
    const next = lines[k];
    if (!above || !next || !pitch || next.y - above.y > 2 * pitch) return false;
    const [first] = next.items;
    if (!first) return false;
    if (columnOf(first, edges) === 0) return ROW_MARK.test(firstPiece(next).text);
  }
  return false;
}

function crossesEdge(line: TextLine, edges: number[]): boolean {
  const inner = edges.slice(1, -1);
  return line.items.some((it) => inner.some((e) => it.x < e && it.x + it.width > e));
}

function columnOf(it: PdfTextItem, edges: number[]): number {
  const x = it.x + 0.5;
  for (let c = edges.length - 2; c >= 0; c--) if (x >= nth(edges, c)) return c;
  return 0;
}

function gridOf(lines: TextLine[], edges: number[], headerLines: number): PageGrid {
  const nCols = edges.length - 1;
  const pitch = medianPitch(lines);
  const right = Math.max(nth(edges, nCols), ...lines.map((l) => l.right + 1));
  edges = [...edges.slice(0, nCols), right];
  const rowsOfLines: TextLine[][][] = [];
  const acrossRows: boolean[] = [];
  // The header's own lines ("Đơn vị phối / hợp") are its row: what follows is a row, even one
  // without STT (the rest of a row cut by the page break, under a repeated header).
  lines.forEach((line, i) => {
    const cells: PdfTextItem[][] = Array.from({ length: nCols }, () => []);
    for (const it of line.items) nth(cells, columnOf(it, edges)).push(it);
    const filled = cells.filter((c) => c.length).length;
    const above = lines[i - 1];
    const gap = above ? line.y - above.y : 0;
    const afterHeader = headerLines > 0 && i === headerLines;
    const inHeader = i > 0 && i < headerLines;
    // A line across the columns (a note, a heading without STT) starts a row of its own; its
    // wrapped lines across the columns go on in it.
    const acrossColumns = (l: TextLine | undefined) =>
      !!l &&
      l.items.some(
        (it) => edges.slice(1, -1).filter((e) => it.x < e && it.x + it.width > e).length >= 2
      );
    // A group's heading typed without its number, in capitals in the title column alone.
    const heading = (l: TextLine | undefined, own: PdfTextItem[][]) =>
      !!l &&
      own.every((c, k) => (k === 1) === c.length > 0) &&
      CAPITALS.test(l.text) &&
      l.text === l.text.toLocaleUpperCase("vi");
    const cellsOf = (l: TextLine) => {
      const out: PdfTextItem[][] = Array.from({ length: nCols }, () => []);
      for (const it of l.items) nth(out, columnOf(it, edges)).push(it);
      return out;
    };
    const across =
      (acrossColumns(line) && !acrossColumns(above)) ||
      (heading(line, cells) && !(above && heading(above, cellsOf(above))));
    const startsRow =
      i === 0 ||
      afterHeader ||
      (!inHeader && across && nth(cells, 0).length === 0) ||
      (!inHeader && nth(cells, 0).length > 0) ||
      (pitch > 0 && gap > 1.6 * pitch && filled >= 2);
    if (startsRow) {
      rowsOfLines.push(Array.from({ length: nCols }, () => []));
      acrossRows.push(across);
    }
    // The first line always starts one.
    const row = present(rowsOfLines[rowsOfLines.length - 1], "row");
    cells.forEach((c, k) => {
      if (c.length) nth(row, k).push(...toLines(c));
    });
  });
  // Where a full line of each column ends (a heading merged across is left out).
  const rights = Array.from({ length: nCols }, (_, c) => {
    const limit = nth(edges, c + 1) + 1;
    return Math.max(
      nth(edges, c),
      ...rowsOfLines.flatMap((r) =>
        nth(r, c)
          .map((l) => l.right)
          .filter((x) => x <= limit)
      )
    );
  });
  const rows = rowsOfLines.map((r) =>
    r.map((cell, c) => (cell.length ? joinLines(cell, nth(rights, c)) : ""))
  );
  // "ST / T" wrapped in a narrow header cell is "STT".
  const [headerRow] = rows;
  const stt = headerRow?.[0];
  if (
    headerLines > 0 &&
    headerRow &&
    stt !== undefined &&
    HEADER_STT.test(foldVietnamese(stt).replace(/\s+/g, ""))
  )
    headerRow[0] = stt.replace(/\s+/g, "");
  const first = present(lines[0], "line of a table");
  return {
    left: nth(edges, 0),
    right,
    top: first.y - first.size,
    bottom: present(lines[lines.length - 1], "line of a table").y,
    xs: edges,
    ys: [],
    rows,
    merges: [],
    // A row across the table is never the rest of a row cut by the page break.
    mergedAcross: rows.map((_, r) => acrossRows[r] ?? false),
  };
}
