/**
 * A PDF's pages (positioned text items and ruling lines, from src/pdf) → the same
 * DocumentContent as a .docx: ruled tables as grids (pdf-grid.ts; tables without rules by
 * column bands, pdf-bands.ts), a table cut by a page break given back as the tables that
 * follow each other (core's locate-table joins them, as for .docx and HTML) with a row cut in
 * two made whole again, and the text outside tables as lines (bodyText, the two columns of a
 * Vietnamese letterhead or signature block one after the other) and as paragraphs (prose).
 */
import type { RawTable } from "../table/raw-table";
import type { DocumentContent } from "./docx-reader";
import type { Paragraph } from "./paragraph";
import type { PdfPage, PdfTextItem } from "./pdf-page";
import type { Finding } from "../model";
import { pdfCellCarried, pdfScanned, pdfTextOutsideCells } from "./pdf-errors";
import { detectLegacyEncoding, fromLegacy } from "../text/legacy-encoding";
import {
  hardBreak,
  medianPitch,
  softJoin,
  splitLine,
  toLines,
  visibleItems,
  type TextLine,
} from "./pdf-lines";
import { ruledTables, type PageGrid } from "./pdf-grid";
import { bandTables, type OpenBands } from "./pdf-bands";
import { carryMergedCells, carryMergeRest } from "./pdf-carried-merges";
import { withoutRunningLines } from "./pdf-running-lines";

const CONTEXT_LINES = 12;
/** A gap wider than this many font sizes separates two columns of text on one line. */
const COLUMN_GAP = 2.5;
/** A line starting this many font sizes in from the text's left edge is centred or aligned right. */
const ALIGNED_INDENT = 5;
/** A page that is mostly a picture with less text than this is a scanned page. */
const SCAN_TEXT_CHARS = 200;

interface LineBlock {
  kind: "line";
  page: number;
  line: TextLine;
  /** Part of a letterhead/signature run: its own paragraph. */
  columnPart: boolean;
}
interface GridBlock {
  kind: "grid";
  page: number;
  grid: PageGrid;
  /** Nothing but the page's header/footer lies between the previous page's last block and it. */
  topOfPage: boolean;
}
type Block = LineBlock | GridBlock;

/** Where a page's body text runs, and its line pitch (0 when unknown). */
interface PageEdges {
  left: number;
  right: number;
  pitch: number;
}

export function readPdfLayout(pages: PdfPage[], source: string): DocumentContent {
  if (isScan(pages)) throw pdfScanned(source);
  pages = withoutRunningLines(inUnicode(pages));
  const blocks: Block[] = [];
  let open: OpenBands = null;
  const findings: Finding[] = [];
  for (const page of pages) {
    const read = pageBlocks(page, open);
    blocks.push(...read.blocks);
    open = read.open;
    for (const text of read.outside) findings.push(pdfTextOutsideCells(source, page.number, text));
  }

  const tables: RawTable[] = [];
  const bodyLines: LineBlock[] = [];
  let sinceTable: string[] = [];
  // The table's part on the page before, and the header row of the part the table started with.
  let previous: { table: RawTable; grid: PageGrid; header: string[] } | null = null;
  blocks.forEach((b, i) => {
    if (b.kind === "line") {
      bodyLines.push(b);
      sinceTable.push(b.line.text);
      return;
    }
    const prevBlock = blocks[i - 1];
    const continues =
      b.topOfPage && prevBlock?.kind === "grid" && prevBlock.page === b.page - 1 && previous;
    const rows = b.grid.rows.map((r) => [...r]);
    let first = 0;
    let merges = b.grid.merges;
    if (continues && previous) {
      first = repeatedHeaderRows(previous.table, rows);
      const last = previous.table.rows[previous.table.rows.length - 1];
      const cut = rows[first];
      if (last && cut && rowCutByPageBreak(previous, b.grid, first)) {
        cut.forEach((text, c) => {
          const before = last[c];
          if (text) last[c] = before ? softJoin(before, text) : text;
        });
        rows.splice(first, 1);
        merges = shiftMerges(merges, first);
      }
      carryMergedCells(previous.table, rows, merges, first);
      const stt = rows[first]?.[0] ?? "";
      for (const { column, text } of carryMergeRest(previous.table, rows, merges, first))
        findings.push(pdfCellCarried(source, b.page, previous.header[column] ?? "", stt, text));
    }
    const table: RawTable = {
      source,
      index: tables.length + 1,
      rows,
      sourceRows: rows.map((_, r) => r + 1),
      merges,
      context: sinceTable
        .filter((l) => l.trim())
        .slice(-CONTEXT_LINES)
        .join("\n"),
    };
    // A page holding only the repeated header and the middle of a task longer than a page
    // adds nothing: the task's row, above, is still the one the next page goes on from.
    if (rows.length > first) {
      tables.push(table);
      const header = continues && previous ? previous.header : (rows[0] ?? []);
      previous = { table, grid: b.grid, header: header.map((h) => h.replace(/\s+/g, " ").trim()) };
    }
    sinceTable = [];
  });

  // As for a .docx, the body text is one line per paragraph.
  const paragraphs = paragraphsOf(bodyLines);
  const scanned = scannedPages(pages);
  return {
    tables,
    bodyText: paragraphs.map((p) => p.text).join("\n"),
    paragraphs,
    ...(scanned.length ? { scannedPages: scanned } : {}),
    ...(findings.length ? { findings } : {}),
  };
}

/**
 * Old plans typed in TCVN3 (.VnTime) or VNI fonts give their text in those 8-bit codes ("Së Y
 * tÕ"): when the document as a whole clearly is, every item that looks legacy becomes Unicode.
 */
function inUnicode(pages: PdfPage[]): PdfPage[] {
  const encoding = detectLegacyEncoding(pages.flatMap((p) => p.items.map((i) => i.text)));
  if (!encoding) return pages;
  return pages.map((p) => ({
    ...p,
    items: p.items.map((i) => ({ ...i, text: fromLegacy(i.text, encoding) })),
  }));
}

/** Most pages are pictures with (almost) no text: a scan. No text at all is one too. */
function isScan(pages: PdfPage[]): boolean {
  if (pages.every((p) => textChars(p) === 0)) return true;
  return scannedPages(pages).length * 2 > pages.length;
}

/** Pages that are mostly a picture with (almost) no text, by number. */
function scannedPages(pages: PdfPage[]): number[] {
  return pages
    .filter((p) => p.imageCover > 0.5 && textChars(p) < SCAN_TEXT_CHARS)
    .map((p) => p.number);
}

const textChars = (p: PdfPage) => visibleItems(p.items).reduce((s, i) => s + i.text.length, 0);

function pageBlocks(
  page: PdfPage,
  carried: OpenBands
): { blocks: Block[]; open: OpenBands; outside: string[] } {
  const items = withoutPageFurniture(
    visibleItems(page.items).map((i) => ({ ...i, text: i.text.normalize("NFC") }))
  );
  const ruled = ruledTables(page.rules, items);
  const banded = bandTables(ruled.rest, ruled.grids.length ? null : carried, ruled.frames);
  const grids = [...ruled.grids, ...banded.grids].sort((a, b) => a.top - b.top);
  const lines = toLines(banded.rest);
  const out: Block[] = [];
  const parts = letterheadParts(lines);
  let g = 0;
  const firstContent = Math.min(lines[0]?.y ?? Infinity, grids[0]?.top ?? Infinity);
  const pushGrid = (grid: PageGrid) =>
    out.push({ kind: "grid", page: page.number, grid, topOfPage: grid.top <= firstContent });
  parts.forEach(({ line, columnPart }) => {
    for (let grid = grids[g]; grid && grid.top < line.y; grid = grids[++g]) pushGrid(grid);
    out.push({ kind: "line", page: page.number, line, columnPart });
  });
  for (let grid = grids[g]; grid; grid = grids[++g]) pushGrid(grid);
  return { blocks: out, open: banded.open, outside: outsideCells(lines, grids) };
}

/**
 * The text of lines left out of every table that lie at a table's height (across its border,
 * beside it in the margin, a note written over it): every text item in a table's area ends up
 * in a cell or is said, never lost without a word. It stays in the body text too.
 */
function outsideCells(lines: TextLine[], grids: PageGrid[]): string[] {
  // A table without rules (no row edges) starts at its header's first line: the words of a
  // two-row header above it ("Đơn vị thực hiện" over "Chủ trì", "Phối hợp") are no task's.
  const top = (it: PdfTextItem, g: PageGrid) => (g.ys.length ? g.top : g.top + it.size);
  const overlaps = (it: PdfTextItem, g: PageGrid) =>
    Math.min(it.y, g.bottom) - Math.max(it.y - 0.8 * it.size, top(it, g)) > 0.3 * it.size;
  return lines
    .filter((l) => l.items.some((it) => grids.some((g) => overlaps(it, g))))
    .map((l) => l.text);
}

/** A page number alone on the first or last line of a page ("2", "- 2 -", "Trang 2/19"). */
function withoutPageFurniture(items: PdfTextItem[]): PdfTextItem[] {
  const lines = toLines(items);
  const furniture = (l: TextLine | undefined): l is TextLine =>
    !!l && /^(-\s*)?\d{1,3}(\s*-)?$|^trang\s+\d+(\s*\/\s*\d+)?$/iu.test(l.text);
  const drop = new Set<PdfTextItem>();
  const first = lines[0];
  const last = lines[lines.length - 1];
  if (lines.length > 1 && furniture(first)) first.items.forEach((i) => drop.add(i));
  if (lines.length > 1 && furniture(last)) last.items.forEach((i) => drop.add(i));
  return drop.size ? items.filter((i) => !drop.has(i)) : items;
}

/**
 * The letterhead ("ỦY BAN NHÂN DÂN … | CỘNG HÒA XÃ HỘI …") and the signature block ("Nơi
 * nhận: …" | "KT. CHỦ TỊCH …") are two columns side by side: each column's lines are given one
 * after the other (left first), so "Số: …" and "…, ngày … tháng … năm …" stay separate lines.
 */
function letterheadParts(lines: TextLine[]): { line: TextLine; columnPart: boolean }[] {
  const out: { line: TextLine; columnPart: boolean }[] = [];
  let i = 0;
  for (let line = lines[i]; line; line = lines[i]) {
    const parts = splitLine(line, COLUMN_GAP);
    if (parts.length < 2) {
      out.push({ line, columnPart: false });
      i++;
      continue;
    }
    // The split between the columns: the middle of the widest gap.
    let split = 0;
    let widest = -1;
    let before: TextLine | undefined;
    for (const part of parts) {
      if (before && part.x - before.right > widest) {
        widest = part.x - before.right;
        split = (part.x + before.right) / 2;
      }
      before = part;
    }
    const left: TextLine[] = [];
    const right: TextLine[] = [];
    let j = i;
    for (let next = lines[j]; next; next = lines[++j]) {
      const ps = splitLine(next, COLUMN_GAP);
      if (ps.some((p) => p.x < split && p.right > split)) break;
      for (const p of ps) (p.right <= split ? left : right).push(p);
    }
    for (const line of [...joinParts(left), ...joinParts(right)])
      out.push({ line, columnPart: true });
    i = j;
  }
  return out;
}

/** Pieces of one column that lie on one baseline (split by a wide gap inside it) are one line. */
function joinParts(parts: TextLine[]): TextLine[] {
  const out: TextLine[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.y - p.y) < 0.4 * p.size) {
      out[out.length - 1] = {
        ...last,
        text: `${last.text} ${p.text}`,
        right: p.right,
        items: [...last.items, ...p.items],
      };
    } else out.push(p);
  }
  return out;
}

/** Leading rows of a continued table that repeat the first rows of the table it continues. */
function repeatedHeaderRows(previous: RawTable, rows: string[][]): number {
  let n = 0;
  const squash = (r: string[]) => r.map((c) => c.replace(/\s+/g, " ").trim()).join("|");
  for (const row of rows.slice(0, 4)) {
    const above = previous.rows[n];
    if (above === undefined || squash(row) !== squash(above)) break;
    n++;
  }
  return n;
}

/**
 * The first row of a table continued on a new page is the rest of the previous page's last
 * row when its first cell (the STT) is empty, it is not a heading across the table, and its
 * text goes on from where the row stopped (starts in lower case, or the cell above did not end
 * a sentence), or it has text in one cell only: a page break between two sentences of a task
 * leaves the lead, partners and time above it, while a task written without STT has its own.
 */
function rowCutByPageBreak(
  previous: { table: RawTable; grid: PageGrid },
  grid: PageGrid,
  first: number
): boolean {
  const row = grid.rows[first];
  const last = previous.table.rows[previous.table.rows.length - 1];
  if (!row || !last || row.length !== last.length || row[0]?.trim() !== "") return false;
  if (grid.mergedAcross[first]) return false;
  const c = row.findIndex((t) => t.trim() !== "");
  const text = row[c]?.trim();
  if (text === undefined) return false;
  const above = (last[c] ?? "").trim();
  if (above !== "" && row.every((t, k) => k === c || t.trim() === "")) return true;
  return /^[\p{Ll}\d(,;]/u.test(text) || (above !== "" && !/[.;:!?]$/.test(above));
}

function shiftMerges(merges: PageGrid["merges"], removed: number): PageGrid["merges"] {
  return merges
    .filter((m) => !(m.top === removed && m.bottom === removed))
    .map((m) =>
      m.top > removed
        ? { ...m, top: m.top - 1, bottom: m.bottom - 1 }
        : m.bottom >= removed
          ? { ...m, bottom: Math.max(m.top, m.bottom - 1) }
          : m
    );
}

/**
 * Body lines → paragraphs: a new one after a wider gap than the lines' spacing, at a list
 * mark, after a line that stopped short of the text's right edge, at a first-line indent, after
 * a centred or right-aligned line, and for each line of a letterhead or signature column.
 */
function paragraphsOf(blocks: LineBlock[]): Paragraph[] {
  const byPage = new Map<number, LineBlock[]>();
  for (const b of blocks) {
    const list = byPage.get(b.page);
    if (list) list.push(b);
    else byPage.set(b.page, [b]);
  }
  const edges = new Map<number, PageEdges>();
  for (const [page, list] of byPage) {
    const body = list.filter((b) => !b.columnPart).map((b) => b.line);
    const all = body.length ? body : list.map((b) => b.line);
    edges.set(page, {
      left: Math.min(...all.map((l) => l.x)),
      right: Math.max(...all.map((l) => l.right)),
      pitch: medianPitch(all),
    });
  }
  const out: Paragraph[] = [];
  let text = "";
  const flush = () => {
    if (text.trim()) out.push({ text: text.trim(), line: out.length + 1 });
    text = "";
  };
  let prev: LineBlock | undefined;
  for (const b of blocks) {
    const line = b.line;
    if (startsParagraph(b, prev, edges.get(b.page)!)) {
      flush();
      text = line.text;
    } else text = /[^\s-]-$/.test(text) ? text + line.text : `${text} ${line.text}`;
    prev = b;
  }
  flush();
  return out;
}

/** Whether body line `b` starts a paragraph after `prev`, on a page with edges `e`. */
function startsParagraph(b: LineBlock, prev: LineBlock | undefined, e: PageEdges): boolean {
  if (!prev || b.columnPart || prev.columnPart) return true;
  const line = b.line;
  if (prev.page === b.page) {
    if (e.pitch && line.y - prev.line.y > 1.5 * e.pitch) return true;
    if (line.x > e.left + line.size && prev.line.x <= e.left + line.size) return true;
    // A centred or right-aligned line (further in than any first-line indent) is a short
    // paragraph of its own, never wrapped text: "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" /
    // "PHÓ CHỦ TỊCH" / the signer's name / "Nơi nhận:", as in the .docx.
    if (prev.line.x > e.left + ALIGNED_INDENT * line.size) return true;
  }
  return hardBreak(prev.line, line, e.right);
}

export type { PdfTextItem };
