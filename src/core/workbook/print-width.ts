/**
 * How many pages wide a sheet prints so its text stays readable. "Fit to one page wide" shrinks
 * a 21-column task table to a third of its size (12 pt text printed at 4 pt); instead each
 * sheet prints as few pages wide as keeps the scale at MIN_PRINT_SCALE or more (12 pt → 9 pt
 * or larger), any number of pages tall. Excel and LibreOffice then pick the largest scale that
 * fits that many pages, which is at least MIN_PRINT_SCALE. Print-title columns (repeated at the
 * left of every page) take room on every page after the first and are counted.
 */
import { parseColumnSpan } from "../spec/a1";
import type { ColumnSpec, PageLayoutSpec, SheetSpec } from "../spec/sheet-spec";
import { columnPoints, fitRowHeights, type FitOptions } from "./row-heights";

/** Smallest print scale we accept: 12 pt table text prints at 9 pt. */
export const MIN_PRINT_SCALE = 0.75;

const A4_MM = { short: 210, long: 297 };
const MM_TO_PT = 72 / 25.4;

/** Width of the printable area between the left and right margins, in points. */
export function printableWidthPt(layout: PageLayoutSpec): number {
  const paper = layout.orientation === "landscape" ? A4_MM.long : A4_MM.short;
  return (paper - layout.margins.left - layout.margins.right) * MM_TO_PT;
}

/**
 * Pages across that the visible columns need at `scale`: columns in order, a page break before a
 * column that no longer fits, the title columns repeated on every page after the first.
 */
export function pagesWide(
  columns: ColumnSpec[],
  printableWidth: number,
  titleColumns?: string,
  scale = MIN_PRINT_SCALE,
  defaultSize?: number
): number {
  const room = printableWidth / scale;
  const width = (c: ColumnSpec | undefined) =>
    c && !c.hidden ? columnPoints(c.width, defaultSize) : 0;
  const titles = titleColumns ? parseColumnSpan(titleColumns) : null;
  let repeated = 0;
  if (titles) for (let i = titles.from; i <= titles.to; i++) repeated += width(columns[i - 1]);
  let pages = 1;
  let used = 0;
  let start = 0; // what the page holds before its own columns: the repeated titles after page 1
  columns.forEach((c) => {
    const w = width(c);
    if (w === 0) return;
    // A column wider than a page still goes on one page (the print then scales down further).
    if (used + w > room && used > start) {
      pages++;
      used = start = repeated;
    }
    used += w;
  });
  return pages;
}

/** The sheet with its page layout set to print readably: fitToPagesWide from its columns. */
function fitPrintWidth(sheet: SheetSpec, defaultSize?: number): SheetSpec {
  const p = sheet.pageLayout;
  if (!p) return sheet;
  const wide = pagesWide(
    sheet.columns,
    printableWidthPt(p),
    p.printTitleColumns,
    MIN_PRINT_SCALE,
    defaultSize
  );
  const { fitToWidth: _legacy, ...rest } = p;
  return { ...sheet, pageLayout: { ...rest, fitToPagesWide: wide } };
}

/** Row heights for wrapped text, then the print width: the last step of every sheet builder. */
export function readableSheet(sheet: SheetSpec, options: FitOptions = {}): SheetSpec {
  return fitPrintWidth(fitRowHeights(sheet, options), options.defaultSize);
}
