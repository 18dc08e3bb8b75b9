/**
 * Look of the tracking workbook: Times New Roman as Nghị định 30/2020 asks for documents that
 * get printed and signed, black text, and the print setup of its Phụ lục I.
 */
import type { FontSpec, PageLayoutSpec, StyleSpec } from "../spec/sheet-spec";
import { DATE_FORMAT } from "../spec/cell-values";

export const FONT: FontSpec = { name: "Times New Roman", size: 12 };

export const COLORS = {
  header: "#D9E2F3",
  input: "#FFF2CC",
  overdue: "#F4CCCC",
  overdueText: "#9C0006",
  dueSoon: "#FFE599",
  done: "#D9EAD3",
  inconsistent: "#E4D7F5",
  inconsistentText: "#5B2C83",
  dataBar: "#5B9BD5",
  tab: { tasks: "#2E75B6", summary: "#548235", info: "#BF8F00" },
} as const;

export const HEADER_STYLE: StyleSpec = {
  font: { bold: true },
  fill: COLORS.header,
  horizontal: "center",
  vertical: "center",
  wrap: true,
  border: "thin",
};

export const BODY_STYLE: StyleSpec = { vertical: "top", wrap: true, border: "thin" };
export const DATE_STYLE: StyleSpec = { numberFormat: DATE_FORMAT, horizontal: "center" };
export const TITLE_STYLE: StyleSpec = {
  font: { bold: true, size: 14 },
  horizontal: "center",
  vertical: "center",
  wrap: true,
};
export const NOTE_STYLE: StyleSpec = { font: { italic: true }, wrap: true, vertical: "top" };

/**
 * A4 landscape per Nghị định 30/2020, Phụ lục I. A landscape page is bound along its top edge,
 * so the decree's binding margin (left, 30–35 mm) goes on top, its right margin (15–20) at the
 * bottom, and its top/bottom (20–25) left and right. Page numbers: centred in the top margin,
 * none on the first page, each sheet numbered from 1. How many pages wide it prints is set from
 * the sheet's columns (print-width.ts: fitPrintWidth); `printTitleColumns` repeats key columns
 * at the left of every page when it prints wider than one page.
 */
export function printLayout(printTitleRows?: string, printTitleColumns?: string): PageLayoutSpec {
  return {
    orientation: "landscape",
    paper: "A4",
    margins: { top: 30, bottom: 20, left: 20, right: 20, header: 12, footer: 8 },
    printTitleRows,
    ...(printTitleColumns ? { printTitleColumns } : {}),
    fitToWidth: true,
    centerHorizontally: true,
    header: { center: "&P", differentFirst: true },
    restartPageNumbers: true,
  };
}
