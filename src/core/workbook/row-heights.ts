/**
 * Row heights for wrapped text, estimated in core. Neither Excel nor LibreOffice re-fits the
 * height of a row when it opens a generated file, so a row without a height shows one line of a
 * long task title and prints it cut. We measure each wrapped cell's text with Times New Roman's
 * advance widths (Liberation Serif, which LibreOffice substitutes, has the same metrics), wrap it
 * at spaces into the cell's width like Excel does, and give the row the height of its tallest
 * cell. Only rows that need more than one line get a height; heights already set (headers,
 * titles) are kept as a floor.
 *
 * Units: a column width of w "characters" is w digit widths of the workbook's default font;
 * a Times New Roman digit is half an em, so w × size/2 points (12 pt: 6 pt a character).
 */
import { parseCell, parseRange, type RangeRef } from "../spec/a1";
import type { CellValue, ColumnSpec, SheetSpec, StyleSpec } from "../spec/sheet-spec";
import { FONT } from "./styles";

/** Excel's largest row height, in points. */
export const MAX_ROW_HEIGHT = 409;
/** Line pitch in ems: Times New Roman's 1.15 plus room for stacked Vietnamese marks (Ấ, Ề, Ỗ). */
export const LINE_SPACING = 1.2;
/** Cell padding in points: left + right inside a column, top + bottom inside a row. */
const H_PADDING = 4;
const V_PADDING = 4;
/**
 * Share of the measured width a line may fill: Excel on Windows lays Times New Roman out with
 * hinted pixel widths, a little wider than the font's design widths; better a spare line than
 * a cut one.
 */
const FILL = 0.97;
/** Bold Times New Roman is about this much wider than regular. */
const BOLD = 1.07;

// Times New Roman advance widths in 1/1000 em (regular), for the base letters of Vietnamese text.
const LOWER = [
  444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389,
  278, 500, 500, 722, 500, 500, 444,
];
const UPPER = [
  722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556,
  611, 722, 722, 944, 722, 722, 611,
];
const OTHER: Record<string, number> = {
  " ": 250,
  ",": 250,
  ".": 250,
  ";": 278,
  ":": 278,
  "/": 278,
  "(": 333,
  ")": 333,
  "-": 333,
  "'": 180,
  '"': 408,
  "%": 833,
  "&": 778,
  "–": 500,
  "—": 1000,
  "…": 1000,
  "≤": 549,
  "≥": 549,
  "÷": 549,
  "×": 564,
  "=": 564,
  "+": 564,
};

const widthCache = new Map<string, number>();
/** Widths of the BMP characters met so far, by code unit (NaN: not measured yet). */
const BMP_WIDTHS = new Float64Array(0x10000).fill(NaN);

/** Advance width of one character in ems (Vietnamese letters: their base letter's width). */
function charWidthEm(ch: string): number {
  const cached = widthCache.get(ch);
  if (cached !== undefined) return cached;
  const base = ch.normalize("NFD").replace(/\p{M}/gu, "").replace("đ", "d").replace("Đ", "D");
  const c = base.charCodeAt(0);
  const perMille =
    c >= 97 && c <= 122
      ? LOWER[c - 97]
      : c >= 65 && c <= 90
        ? UPPER[c - 65]
        : c >= 48 && c <= 57
          ? 500
          : OTHER[base.charAt(0)];
  // A character of no table is as wide as a digit.
  const w = base.length === 0 ? 0 : (perMille ?? 500) / 1000;
  widthCache.set(ch, w);
  return w;
}

/**
 * Whether a text is at most `room` ems wide, read only as far as it takes: a long task title
 * is known not to fit after its first line's characters, not measured whole.
 */
function fitsEm(text: string, room: number): boolean {
  let w = 0;
  for (let from = 0; from < text.length; from += 16) {
    w += spanWidthEm(text, from, Math.min(from + 16, text.length));
    if (w > room) return false;
  }
  return true;
}

/**
 * Width of a text in ems: the sum of its characters' widths. Read by code unit (a table of the
 * BMP, no string per character): a 10,000-task sheet measures some ten million characters.
 */
export function textWidthEm(text: string): number {
  return spanWidthEm(text, 0, text.length);
}

/** textWidthEm of text.slice(from, to), without making the slice. */
function spanWidthEm(text: string, from: number, to: number): number {
  let w = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      // A surrogate pair is one character (as `for…of` reads it); a lone half is one too.
      const next = i + 1 < to ? text.charCodeAt(i + 1) : NaN;
      const pair = next >= 0xdc00 && next <= 0xdfff;
      w += charWidthEm(text.slice(i, pair ? i + 2 : i + 1));
      if (pair) i++;
      continue;
    }
    // NaN: not measured yet (a code unit is below 0x10000, so always in the table).
    let cw = BMP_WIDTHS[code] ?? NaN;
    if (cw !== cw) cw = BMP_WIDTHS[code] = charWidthEm(text.charAt(i));
    w += cw;
  }
  return w;
}

export interface TextFont {
  size: number;
  bold?: boolean;
}

/** A column of `chars` characters in points (digits of the default font, Times New Roman). */
export function columnPoints(chars: number, defaultSize = FONT.size ?? 12): number {
  return (chars * defaultSize) / 2;
}

/** One printed line of a wrapped text; `paragraph` marks the first line of a paragraph. */
export interface WrappedLine {
  text: string;
  paragraph: boolean;
}

/**
 * A text wrapped in a cell `widthPt` points wide, line by line: greedy at spaces like Excel,
 * a word longer than a line broken where it overflows, "\n" starting a new paragraph.
 */
export function wrapLines(text: string, widthPt: number, font: TextFont): WrappedLine[] {
  const out: WrappedLine[] = [];
  wrap(text, widthPt, font, out);
  return out;
}

/** Lines a text takes when wrapped in a cell `widthPt` points wide (see wrapLines). */
export function wrappedLines(text: string, widthPt: number, font: TextFont): number {
  return wrap(text, widthPt, font);
}

/**
 * wrapLines' one algorithm, returning the number of lines; the lines' texts are made only when
 * `sink` asks for them: the row heights of a large sheet need the count alone, and words are
 * read in place (by index), not split out.
 */
function wrap(text: string, widthPt: number, font: TextFont, sink?: WrappedLine[]): number {
  const em = font.size * (font.bold ? BOLD : 1);
  const room = Math.max(((widthPt - H_PADDING) * FILL) / em, 0.5); // line width in ems
  const space = charWidthEm(" ");
  let count = 0;
  let start = 0; // the paragraph's first index
  for (;;) {
    const lf = text.indexOf("\n", start);
    const stop = lf < 0 ? text.length : lf; // the paragraph ends before "\n" or "\r\n"
    const end = lf > start && text.charCodeAt(lf - 1) === 13 ? lf - 1 : stop;
    let line = ""; // the line's text, kept only for `sink`
    let empty = true; // line === ""
    let used = 0;
    let first = true; // no line of the paragraph ended yet
    for (let from = start; ; ) {
      const gap = text.indexOf(" ", from);
      const to = gap < 0 || gap > end ? end : gap; // the word is text[from, to)
      const w = spanWidthEm(text, from, to);
      const need = used === 0 ? w : used + space + w;
      if (need <= room) {
        if (used === 0 && empty) {
          if (sink) line = text.slice(from, to);
          empty = to === from;
        } else {
          if (sink) line = `${line} ${text.slice(from, to)}`;
          empty = false;
        }
        used = need;
      } else {
        if (used > 0 || !empty) {
          count++;
          sink?.push({ text: line, paragraph: first });
          first = false;
        }
        // A word wider than a line: Excel breaks it where it overflows.
        let rest = text.slice(from, to);
        while (textWidthEm(rest) > room) {
          let cut = 0;
          let width = 0;
          for (const ch of rest) {
            const cw = charWidthEm(ch);
            if (width + cw > room && cut > 0) break;
            width += cw;
            cut += ch.length;
          }
          count++;
          sink?.push({ text: rest.slice(0, cut), paragraph: first });
          first = false;
          rest = rest.slice(cut);
        }
        line = rest;
        empty = rest === "";
        used = textWidthEm(rest);
      }
      if (to === end) break;
      from = to + 1;
    }
    count++;
    sink?.push({ text: line, paragraph: first });
    if (lf < 0) return count;
    start = lf + 1;
  }
}

/** Row height in points for `lines` lines of text, rounded up to whole pixels (0.75 pt). */
export function linesHeight(lines: number, size: number): number {
  const pt = lines * size * LINE_SPACING + V_PADDING;
  return Math.min(MAX_ROW_HEIGHT, Math.ceil(pt / 0.75) * 0.75);
}

export interface FitOptions {
  /**
   * Text a formula cell of a column (by letter) may show, measured in its place: formulas
   * are computed when the workbook opens, so their results are not in the spec.
   */
  formulaTexts?: Record<string, string>;
  /** The workbook's default font size (column widths are in its digits). */
  defaultSize?: number;
  /**
   * At most this many lines a row (the rest of the text stays in the cell, cut on screen and
   * paper): for columns of machine-made lists no one reads in full, such as an agency's
   * generated spelling variants.
   */
  maxLines?: number;
}

interface Style {
  range: RangeRef;
  style: StyleSpec;
}

/**
 * The sheet with rowHeights for every row whose wrapped cells need more than one line: the
 * height of its tallest cell, at least the height already set for it.
 */
export function fitRowHeights(sheet: SheetSpec, options: FitOptions = {}): SheetSpec {
  const defaultSize = options.defaultSize ?? FONT.size ?? 12;
  const widths = sheet.columns.map((c: ColumnSpec) => (c.hidden ? 0 : c.width));
  const widthOf = (left: number, right: number) => {
    let chars = 0;
    for (let c = left; c <= right; c++) chars += widths[c - 1] ?? 0;
    return columnPoints(chars, defaultSize);
  };
  // Cells by one number (row × MAX_COLUMNS + column): no key string per cell of a large sheet.
  const at = (row: number, col: number) => row * MAX_COLUMNS + col;
  const merges = new Map<number, RangeRef>();
  const covered = new Set<number>();
  for (const m of sheet.merges) {
    const r = parseRange(m);
    merges.set(at(r.top, r.left), r);
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++)
        if (row !== r.top || col !== r.left) covered.add(at(row, col));
  }
  const styles: Style[] = sheet.styles.map((s) => ({ range: parseRange(s.range), style: s.style }));
  const maxSize = Math.max(defaultSize, ...sheet.styles.map((s) => s.style.font?.size ?? 0));
  const formulaTexts = new Map(
    Object.entries(options.formulaTexts ?? {}).map(([letter, text]) => [
      parseCell(`${letter}1`).col,
      text,
    ])
  );
  // The same text in the same width and font wraps the same: agency lists and titles repeat
  // down a task table (one row per lead agency), each is wrapped once. Keyed by width, then
  // font, then text: no key made per cell.
  const wrapped = new Map<number, Map<number, Map<string, number>>>();
  const linesOf = (text: string, widthPt: number, size: number, bold: boolean | undefined) => {
    let byFont = wrapped.get(widthPt);
    if (!byFont) wrapped.set(widthPt, (byFont = new Map()));
    const font = bold ? -size : size; // sizes are positive
    let byText = byFont.get(font);
    if (!byText) byFont.set(font, (byText = new Map()));
    let lines = byText.get(text);
    if (lines === undefined)
      byText.set(text, (lines = wrappedLines(text, widthPt, { size, bold })));
    return lines;
  };

  // Which style ranges cover a cell changes only at their top and bottom rows: rows between
  // two such edges (a band: the 2,000 data rows of a task table) share each column's font and
  // wrap, found once per band and column instead of once per cell.
  const edges = [...new Set(styles.flatMap((s) => [s.range.top, s.range.bottom + 1]))].sort(
    (a, b) => a - b
  );
  const bandOf = (row: number) => {
    // The number of edges at or above the row (binary search: papers have an edge a row).
    let lo = 0;
    let hi = edges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((edges[mid] ?? Infinity) <= row) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const styleAt = new Map<number, FontAndWrap>();

  const needed = new Map<number, number>();
  for (const block of sheet.blocks) {
    const origin = parseCell(block.address);
    block.values.forEach((values, i) => {
      const row = origin.row + i;
      const band = bandOf(row);
      values.forEach((value, j) => {
        const col = origin.col + j;
        const text = cellText(value, formulaTexts.get(col));
        if (!text || covered.has(at(row, col))) return;
        const merge = merges.get(at(row, col));
        if (merge && merge.bottom > merge.top) return; // spread over rows: left as set
        const widthPt = merge ? widthOf(merge.left, merge.right) : widthOf(col, col);
        if (widthPt === 0) return; // hidden
        // Quick accept: even in the largest font the text fits on one line.
        if (!text.includes("\n") && fitsEm(text, ((widthPt - 4) * FILL) / (maxSize * BOLD))) return;
        const key = at(band, col);
        let style = styleAt.get(key);
        if (!style) styleAt.set(key, (style = fontAndWrap(styles, row, col)));
        if (!style.wrap) return;
        const size = style.size ?? defaultSize;
        const lines = Math.min(
          linesOf(text, widthPt, size, style.bold),
          options.maxLines ?? Infinity
        );
        if (lines < 2) return;
        const height = linesHeight(lines, size);
        needed.set(row, Math.max(needed.get(row) ?? 0, height));
      });
    });
  }
  if (needed.size === 0) return sheet;
  const rowHeights: Record<number, number> = { ...sheet.rowHeights };
  for (const [row, height] of needed) rowHeights[row] = Math.max(rowHeights[row] ?? 0, height);
  return { ...sheet, rowHeights };
}

/** Excel's column count: a cell's number in fitRowHeights' maps is row × this + column. */
const MAX_COLUMNS = 16384;

function cellText(value: CellValue, formulaText: string | undefined): string {
  if (typeof value === "string") return value;
  if (value !== null && typeof value === "object" && "formula" in value) return formulaText ?? "";
  return ""; // numbers, dates, booleans: one line
}

/**
 * What wrapping needs of the style ranges covering a cell, applied in order as renderers merge
 * them (a later range's own property wins, fonts merge field by field): read without building
 * the merged style, once for each cell of a large sheet.
 */
interface FontAndWrap {
  wrap?: boolean;
  size?: number;
  bold?: boolean;
}

function fontAndWrap(styles: Style[], row: number, col: number): FontAndWrap {
  let wrap: boolean | undefined;
  let size: number | undefined;
  let bold: boolean | undefined;
  for (const { range: r, style } of styles) {
    if (row < r.top || row > r.bottom || col < r.left || col > r.right) continue;
    if ("wrap" in style) wrap = style.wrap;
    const font = style.font;
    if (font) {
      if ("size" in font) size = font.size;
      if ("bold" in font) bold = font.bold;
    }
  }
  return { wrap, size, bold };
}
