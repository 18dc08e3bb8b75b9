/**
 * Keeps "Nơi nhận" and the signature on the same printed page as the table's last rows. A
 * sheet has no "keep with next": when the block would land alone on the last page (or be cut
 * across two), a manual page break goes before the table's last rows, so they move over with
 * it. The pages are counted from the row heights the spec carries (row-heights.ts), the page
 * size and margins of the layout and the repeated header row, like Excel and LibreOffice fill
 * a page: whole rows, top to bottom.
 *
 * Estimated heights are close but not exact, and an error on early pages moves where later
 * pages start; a break is therefore put in whenever the block does not fit with room to
 * spare (SLACK). A break that was not needed costs a shorter page, never a lone signature.
 */
import { linesHeight } from "../workbook/row-heights";
import { parseRowSpan } from "../spec/a1";
import type { SheetSpec } from "../spec/sheet-spec";

const MM = 72 / 25.4;
const A4 = { long: 297, short: 210 }; // mm
/** Room to spare on the last page, in points: about two lines of text and a border. */
const SLACK = 36;
/** Table rows moved with the block when it would be alone (fewer if they do not fit). */
const KEEP_ROWS = 2;

/** Where the table ends and the block starts, on the sheet (1-based rows). */
export interface SignatureRows {
  /** The table's header row: a break never leaves it alone at the foot of a page. */
  tableHeader: number;
  /** The table's last row. */
  tableLast: number;
  /** The block's last row (the rows between tableLast and it are the block and its spacing). */
  blockLast: number;
}

/** Height of a row as printed, in points: its spec height or one line of body text. */
function printedHeight(sheet: SheetSpec, row: number): number {
  return sheet.rowHeights?.[row] ?? linesHeight(1, 12);
}

/** Printable height of a page and the scale the print is shrunk by to fit the width. */
function pageBox(sheet: SheetSpec): { height: number; scale: number } {
  const p = sheet.pageLayout;
  if (!p) return { height: Infinity, scale: 1 };
  const landscape = p.orientation === "landscape";
  const [w, h] = landscape ? [A4.long, A4.short] : [A4.short, A4.long];
  const width = (w - p.margins.left - p.margins.right) * MM;
  const height = (h - p.margins.top - p.margins.bottom) * MM;
  // Column widths in points (a character = 6 pt of 12 pt text) plus the cells' padding.
  const sheetWidth = sheet.columns.reduce((sum, c) => sum + (c.hidden ? 0 : c.width * 6 + 5), 0);
  const wide = p.fitToPagesWide ?? (p.fitToWidth ? 1 : 0);
  const scale = wide > 0 ? Math.min(1, (width * wide) / sheetWidth) : 1;
  return { height, scale };
}

/**
 * The first row of each printed page (page 1 starts at row 1), filling pages with whole rows;
 * the print-title rows repeat at the top of pages after the one they first print on, and
 * manual breaks (rowBreaks) start a page. `heightOf` gives each row's height before scaling.
 */
function pageStarts(
  sheet: SheetSpec,
  lastRow: number,
  heightOf: (row: number) => number = (r) => printedHeight(sheet, r)
): number[] {
  const { height, scale } = pageBox(sheet);
  const title = sheet.pageLayout?.printTitleRows
    ? parseRowSpan(sheet.pageLayout.printTitleRows)
    : undefined;
  let titleHeight = 0;
  if (title) for (let r = title.from; r <= title.to; r++) titleHeight += heightOf(r) * scale;
  const breaks = new Set(sheet.rowBreaks ?? []);
  const starts = [1];
  let used = 0;
  for (let r = 1; r <= lastRow; r++) {
    const h = heightOf(r) * scale;
    const top = title && r > title.to ? titleHeight : 0;
    if (r > 1 && (breaks.has(r) || (used + h > height && used > top))) {
      starts.push(r);
      used = top;
    }
    used += h;
  }
  return starts;
}

/** What keepSignatureWithTable did: the sheet, and when no break can help, the room left. */
export interface KeptSheet {
  sheet: SheetSpec;
  /**
   * Set when the table's last row is too tall to move over with the block: the points a last
   * row may take on the block's page. The caller cuts the row (paper-sheet.ts splitTallRow)
   * and tries again, so the block keeps the row's last lines.
   */
  tailRoom?: number;
}

/**
 * The sheet with a page break before the table's last rows when the block after them would
 * not fit, with SLACK to spare, on the page they print on; unchanged otherwise.
 */
export function keepSignatureWithTable(sheet: SheetSpec, at: SignatureRows): KeptSheet {
  const { height, scale } = pageBox(sheet);
  if (!Number.isFinite(height)) return { sheet };
  const h = (r: number) => printedHeight(sheet, r) * scale;
  const sum = (from: number, to: number) => {
    let total = 0;
    for (let r = from; r <= to; r++) total += h(r);
    return total;
  };
  const starts = pageStarts(sheet, at.blockLast);
  const lastStart = starts.filter((s) => s <= at.tableLast).pop() ?? 1;
  const title = sheet.pageLayout?.printTitleRows
    ? parseRowSpan(sheet.pageLayout.printTitleRows)
    : undefined;
  const titleHeight = (from: number) => (title && from > title.to ? sum(title.from, title.to) : 0);
  const fill = titleHeight(lastStart) + sum(lastStart, at.blockLast);
  if (fill <= height - SLACK) return { sheet };
  // Move the last rows over with the block: as many as KEEP_ROWS that fit one page together,
  // never the header's first row (the header would print alone).
  for (let keep = KEEP_ROWS; keep >= 1; keep--) {
    const from = at.tableLast - keep + 1;
    if (from <= at.tableHeader + 1) continue;
    if (titleHeight(from) + sum(from, at.blockLast) > height - SLACK) continue;
    if (from === lastStart) return { sheet }; // already the first row of its page
    const rowBreaks = [...(sheet.rowBreaks ?? []), from].sort((a, b) => a - b);
    return { sheet: { ...sheet, rowBreaks } };
  }
  const room =
    (height - SLACK - titleHeight(at.tableLast) - sum(at.tableLast + 1, at.blockLast)) / scale;
  return { sheet, tailRoom: at.tableLast > at.tableHeader + 1 ? room : undefined };
}
