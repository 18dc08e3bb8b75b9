/**
 * Ruled tables on a PDF page: the ruling lines that touch each other form a table; their
 * x and y positions are the grid's column and row edges; a border missing between two grid
 * cells means they are one merged cell. Text items fall into the cell under their middle.
 */
import type { MergedArea } from "../table/raw-table";
import type { PdfRule, PdfTextItem } from "./pdf-page";
import { joinLines, toLines } from "./pdf-lines";
import { nth } from "./present";

/** Points within which two ruling positions are the same edge. */
const SNAP = 2;
/** More ruling segments than this on a page (after joining) is a drawing, not tables. */
const MAX_SEGMENTS = 4000;

export interface PageGrid {
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** Column edges, left to right (n + 1 for n columns). */
  xs: number[];
  /** Row edges, top to bottom. */
  ys: number[];
  rows: string[][];
  merges: MergedArea[];
  /** Per grid row: does it span all columns as one merged cell. */
  mergedAcross: boolean[];
}

interface Segment extends PdfRule {
  horizontal: boolean;
}

/** A box of rules with rows ruled across it and no column inside: a table without column rules. */
export interface Frame {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * The ruled tables of a page, top to bottom; `items` left over are returned as `rest`, and the
 * frames (boxes ruled across, no column rules) whose text the column bands read.
 */
export function ruledTables(
  rules: PdfRule[],
  items: PdfTextItem[]
): { grids: PageGrid[]; rest: PdfTextItem[]; frames: Frame[] } {
  const segments = joinCollinear(
    rules
      .map((r): Segment => ({ ...r, horizontal: r.y2 - r.y1 < r.x2 - r.x1 }))
      .filter((s) => (s.horizontal ? s.x2 - s.x1 : s.y2 - s.y1) > SNAP)
  );
  const grids: PageGrid[] = [];
  const frames: Frame[] = [];
  let rest = items;
  // Thousands of strokes on one page is a drawing, not a table: read its text as lines.
  if (segments.length > MAX_SEGMENTS) return { grids, rest, frames };
  for (const cluster of clusters(segments)) {
    const hs = cluster.filter((s) => s.horizontal);
    const vs = cluster.filter((s) => !s.horizontal);
    const xs = snap(vs.map((s) => s.x1));
    const ys = snap(hs.map((s) => s.y1));
    // A box around a paragraph or a single line under a heading is not a table; a box ruled
    // across its rows bounds a table whose columns the bands find.
    if (xs.length === 2 && ys.length >= 3)
      frames.push({
        left: nth(xs, 0),
        right: nth(xs, 1),
        top: nth(ys, 0),
        bottom: nth(ys, ys.length - 1),
      });
    if (xs.length < 3 || ys.length < 2) continue;
    const box = {
      left: nth(xs, 0),
      right: nth(xs, xs.length - 1),
      top: nth(ys, 0),
      bottom: nth(ys, ys.length - 1),
    };
    // By the item's start, as fillGrid places it: a long word running past the table's right
    // border ("Trước 30/6/2026 (báo cáo)" in the last column) is still its cell's text.
    const inside = (it: PdfTextItem) => {
      const cx = it.x + Math.min(it.width, it.size) / 2;
      const cy = it.y - it.size / 3;
      return cx > box.left && cx < box.right && cy > box.top && cy < box.bottom;
    };
    const mine = rest.filter(inside);
    rest = rest.filter((it) => !inside(it));
    grids.push(fillGrid(xs, ys, hs, vs, mine, box));
  }
  grids.sort((a, b) => a.top - b.top);
  return { grids, rest, frames };
}

function fillGrid(
  xs: number[],
  ys: number[],
  hs: Segment[],
  vs: Segment[],
  items: PdfTextItem[],
  box: { left: number; right: number; top: number; bottom: number }
): PageGrid {
  const nRows = ys.length - 1;
  const nCols = xs.length - 1;
  // A vertical border between columns c and c+1 in row r; a horizontal one under row r in column c.
  const vBorder = (r: number, c: number) => {
    const x = nth(xs, c + 1);
    const y = (nth(ys, r) + nth(ys, r + 1)) / 2;
    return vs.some((s) => Math.abs(s.x1 - x) <= SNAP && s.y1 - SNAP <= y && y <= s.y2 + SNAP);
  };
  const hBorder = (r: number, c: number) => {
    const y = nth(ys, r + 1);
    const x = (nth(xs, c) + nth(xs, c + 1)) / 2;
    return hs.some((s) => Math.abs(s.y1 - y) <= SNAP && s.x1 - SNAP <= x && x <= s.x2 + SNAP);
  };
  // Each grid cell's owner: the top-left cell of the merged area it belongs to.
  const owner: number[][] = Array.from({ length: nRows }, () => Array<number>(nCols).fill(-1));
  const merges: MergedArea[] = [];
  for (const [r, ownerRow] of owner.entries()) {
    for (let c = 0; c < nCols; c++) {
      if (nth(ownerRow, c) >= 0) continue;
      let right = c;
      while (right + 1 < nCols && !vBorder(r, right) && nth(ownerRow, right + 1) < 0) right++;
      let bottom = r;
      const open = (rr: number) => {
        for (let cc = c; cc <= right; cc++) if (hBorder(rr, cc)) return false;
        return true;
      };
      while (bottom + 1 < nRows && open(bottom)) bottom++;
      for (let rr = r; rr <= bottom; rr++) {
        const row = nth(owner, rr);
        for (let cc = c; cc <= right; cc++) row[cc] = r * nCols + c;
      }
      if (right > c || bottom > r) merges.push({ top: r, left: c, bottom, right });
    }
  }
  const buckets = new Map<number, PdfTextItem[]>();
  for (const it of items) {
    const cx = it.x + Math.min(it.width, it.size) / 2;
    const cy = it.y - it.size / 3;
    const c = Math.max(0, xs.findIndex((x) => x > cx) - 1);
    const r = Math.max(0, ys.findIndex((y) => y > cy) - 1);
    const key = nth(nth(owner, Math.min(r, nRows - 1)), Math.min(c, nCols - 1));
    const list = buckets.get(key);
    if (list) list.push(it);
    else buckets.set(key, [it]);
  }
  const rows = Array.from({ length: nRows }, () => Array<string>(nCols).fill(""));
  for (const [key, list] of buckets) {
    const r = Math.floor(key / nCols);
    const c = key % nCols;
    const merge = merges.find((m) => m.top === r && m.left === c);
    const right = nth(xs, (merge?.right ?? c) + 1);
    const lines = toLines(list);
    // The cell's padding on the left is about the padding on the right.
    const pad = Math.max(0, Math.min(...lines.map((l) => l.x)) - nth(xs, c));
    nth(rows, r)[c] = joinLines(lines, right - pad);
  }
  const mergedAcross = rows.map((_, r) =>
    merges.some((m) => m.top === r && m.left === 0 && m.right === nCols - 1)
  );
  return { ...box, xs, ys, rows, merges, mergedAcross };
}

/** Positions within SNAP of each other are one edge (their mean). */
function snap(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  // The value before in sorted order ends the last group.
  let prev = -Infinity;
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - prev <= SNAP) last.push(v);
    else out.push([v]);
    prev = v;
  }
  return out.map((g) => g.reduce((s, v) => s + v, 0) / g.length);
}

/** Segments on one line that touch or overlap become one (producers draw each cell's border). */
function joinCollinear(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  const key = (s: Segment) => (s.horizontal ? s.y1 : s.x1);
  const from = (s: Segment) => (s.horizontal ? s.x1 : s.y1);
  const to = (s: Segment) => (s.horizontal ? s.x2 : s.y2);
  for (const horizontal of [true, false]) {
    const list = segments
      .filter((s) => s.horizontal === horizontal)
      .sort((a, b) => key(a) - key(b) || from(a) - from(b));
    let cur: Segment | null = null;
    for (const s of list) {
      if (cur && Math.abs(key(s) - key(cur)) <= SNAP / 2 && from(s) <= to(cur) + SNAP) {
        if (horizontal) cur.x2 = Math.max(cur.x2, s.x2);
        else cur.y2 = Math.max(cur.y2, s.y2);
      } else {
        if (cur) out.push(cur);
        cur = { ...s };
      }
    }
    if (cur) out.push(cur);
  }
  return out;
}

/** Groups of segments connected by crossings or touching ends. */
function clusters(segments: Segment[]): Segment[][] {
  const parent = segments.map((_, i) => i);
  const find = (i: number): number => {
    const up = nth(parent, i);
    return up === i ? i : (parent[i] = find(up));
  };
  const hs = segments.map((s, i) => [s, i] as const).filter(([s]) => s.horizontal);
  const vs = segments.map((s, i) => [s, i] as const).filter(([s]) => !s.horizontal);
  for (const [h, i] of hs) {
    for (const [v, j] of vs) {
      if (v.x1 >= h.x1 - SNAP && v.x1 <= h.x2 + SNAP && h.y1 >= v.y1 - SNAP && h.y1 <= v.y2 + SNAP)
        parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, Segment[]>();
  segments.forEach((s, i) => {
    const root = find(i);
    const g = groups.get(root);
    if (g) g.push(s);
    else groups.set(root, [s]);
  });
  return [...groups.values()];
}
