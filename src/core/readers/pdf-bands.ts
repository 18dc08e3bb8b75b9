/**
 * Tables drawn without ruling lines: column bands from the x-positions of the text.
 */
import type { PdfTextItem } from "./pdf-page";
import type { PageGrid } from "./pdf-grid";

export function bandTables(items: PdfTextItem[]): { grids: PageGrid[]; rest: PdfTextItem[] } {
  return { grids: [], rest: items };
}
