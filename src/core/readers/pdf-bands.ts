/**
 * Tables drawn without ruling lines: the header row ("STT … Nhiệm vụ … chủ trì …") gives the
 * columns, each header cell one band; the bands' edges move to where no text of the table's
 * lines crosses. A row starts where the first column (STT) has text, or after a wide gap with
 * text in several columns; the table ends at a wide gap or a line of prose across the bands,
 * and goes on at the top of the next page when the page ended inside it.
 */
import type { PdfTextItem } from "./pdf-page";
import type { PageGrid } from "./pdf-grid";
import { joinLines, splitLine, toLines, type TextLine } from "./pdf-lines";
import { foldVietnamese } from "../text/fold";

/** Column edges carried from a page whose table ran to its end. */
export type OpenBands = number[] | null;

interface Bands {
  edges: number[];
  /** Per inner edge k, the x-range it may move within: between the two header cells' text. */
  room: [number, number][];
}

const HEADER_STT = /^(stt|tt|so tt|so thu tu)\.?$/;
const HEADER_WORDS = /chu tri|thuc hien|phoi hop/;
const HEADER_TITLE = /nhiem vu|noi dung|cong viec|ten de an|hoat dong/;

export function bandTables(
  items: PdfTextItem[],
  carried: OpenBands = null
): { grids: PageGrid[]; rest: PdfTextItem[]; open: OpenBands } {
  const lines = toLines(items);
  const grids: PageGrid[] = [];
  const used = new Set<PdfTextItem>();
  let open: OpenBands = null;
  let i = 0;
  let bands: Bands | null = carried
    ? { edges: carried, room: carried.map((e) => [e, e] as [number, number]) }
    : null;
  let start = carried ? 0 : -1;
  while (i < lines.length) {
    if (start < 0) {
      const header = headerEdges(lines, i);
      if (!header) {
        i++;
        continue;
      }
      bands = header;
      start = i;
    }
    const end = tableEnd(lines, start, bands!.edges);
    const block = lines.slice(start, end);
    if (block.length >= 2 || (carried && start === 0)) {
      const tight = tighten(bands!, block);
      grids.push(gridOf(block, tight));
      for (const l of block) for (const it of l.items) used.add(it);
      if (end === lines.length) open = tight;
    }
    i = end;
    start = -1;
    bands = null;
  }
  return { grids, rest: items.filter((it) => !used.has(it)), open };
}

/** Column edges (left edge of each column, then the right end) when line i is a header row. */
function headerEdges(lines: TextLine[], i: number): Bands | null {
  const pieces = splitLine(lines[i], 0.8);
  if (pieces.length < 3 || !HEADER_STT.test(foldVietnamese(pieces[0].text))) return null;
  // The header's words may wrap onto the next line or two ("Thời gian thực / hiện").
  const text = foldVietnamese(
    lines
      .slice(i, i + 3)
      .map((l) => l.text)
      .join(" ")
  );
  if (!HEADER_WORDS.test(text) || !HEADER_TITLE.test(text)) return null;
  const right = Math.max(...lines.slice(i, i + 3).map((l) => l.right));
  const edges = [
    ...pieces.map((p, k) => (k === 0 ? p.x - 1 : (pieces[k - 1].right + p.x) / 2)),
    right + 1,
  ];
  const room = edges.map((e, k): [number, number] =>
    k === 0 || k === edges.length - 1 ? [e, e] : [pieces[k - 1].right, pieces[k].x]
  );
  return { edges, room };
}

/** Lines from `start` that belong to the table. */
function tableEnd(lines: TextLine[], start: number, edges: number[]): number {
  const pitch = medianPitch(lines.slice(start, start + 30));
  let i = start + 1;
  while (i < lines.length) {
    const gap = lines[i].y - lines[i - 1].y;
    if (pitch && gap > 3 * pitch) break;
    const line = lines[i];
    if (line.x < edges[0] - line.size || line.right > edges[edges.length - 1] + 2 * line.size)
      break;
    // Prose across the columns (no STT): the text after the table.
    const crossing = line.items.some(
      (it) => edges.slice(1, -1).filter((e) => it.x < e && it.x + it.width > e).length >= 2
    );
    if (crossing && columnOf(line.items[0], edges) !== 0) break;
    i++;
  }
  return i;
}

/**
 * Each inner edge moves into the widest x-range, between the two header cells' text, that no
 * item of the table's lines crosses (cells' text never crosses a column edge; rows merged
 * across, a group's title, are left out of the count).
 */
function tighten({ edges, room }: Bands, lines: TextLine[]): number[] {
  const items = lines.flatMap((l) => l.items);
  const inner = edges.slice(1, -1);
  const acrossColumns = (it: PdfTextItem) =>
    inner.filter((e) => it.x < e && it.x + it.width > e).length >= 2;
  const out = [...edges];
  for (let k = 1; k < edges.length - 1; k++) {
    const [lo, hi] = room[k];
    if (hi <= lo) continue;
    const covered = items
      .filter((it) => !acrossColumns(it))
      .map((it) => [Math.max(lo, it.x), Math.min(hi, it.x + it.width)] as const)
      .filter(([a, b]) => b > a)
      .sort((a, b) => a[0] - b[0]);
    // The widest free x-range between the header cells; none free: the header's middle stays.
    let best: [number, number] | null = null;
    let cursor = lo;
    const consider = (a: number, b: number) => {
      if (b > a && (!best || b - a > best[1] - best[0])) best = [a, b];
    };
    for (const [a, b] of covered) {
      consider(cursor, a);
      cursor = Math.max(cursor, b);
    }
    consider(cursor, hi);
    const free = best as [number, number] | null;
    if (free) out[k] = (free[0] + free[1]) / 2;
  }
  return out;
}

function columnOf(it: PdfTextItem, edges: number[]): number {
  const x = it.x + 0.5;
  for (let c = edges.length - 2; c >= 0; c--) if (x >= edges[c]) return c;
  return 0;
}

function gridOf(lines: TextLine[], edges: number[]): PageGrid {
  const nCols = edges.length - 1;
  const pitch = medianPitch(lines);
  const rowsOfLines: TextLine[][][] = [];
  lines.forEach((line, i) => {
    const cells: PdfTextItem[][] = Array.from({ length: nCols }, () => []);
    for (const it of line.items) cells[columnOf(it, edges)].push(it);
    const filled = cells.filter((c) => c.length).length;
    const gap = i > 0 ? line.y - lines[i - 1].y : 0;
    const startsRow =
      i === 0 || cells[0].length > 0 || (pitch > 0 && gap > 1.6 * pitch && filled >= 2);
    if (startsRow) rowsOfLines.push(Array.from({ length: nCols }, () => []));
    const row = rowsOfLines[rowsOfLines.length - 1];
    cells.forEach((c, k) => {
      if (c.length) row[k].push(...toLines(c));
    });
  });
  // Where a full line of each column ends (a heading merged across is left out).
  const rights = Array.from({ length: nCols }, (_, c) =>
    Math.max(
      edges[c],
      ...rowsOfLines.flatMap((r) => r[c].map((l) => l.right).filter((x) => x <= edges[c + 1] + 1))
    )
  );
  const rows = rowsOfLines.map((r) =>
    r.map((cell, c) => (cell.length ? joinLines(cell, rights[c]) : ""))
  );
  return {
    left: edges[0],
    right: edges[nCols],
    top: lines[0].y - lines[0].size,
    bottom: lines[lines.length - 1].y,
    xs: edges,
    ys: [],
    rows,
    merges: [],
    mergedAcross: rows.map(() => false),
  };
}

function medianPitch(lines: TextLine[]): number {
  const steps = lines
    .slice(1)
    .map((l, i) => l.y - lines[i].y)
    .filter((d, i) => d > 0 && d < 3 * lines[i].size)
    .sort((a, b) => a - b);
  return steps[Math.floor(steps.length / 2)] ?? 0;
}
