/** The .xlsx adapter: the only place that imports exceljs. Lazy-load it with import("…/xlsx"). */
export { writeWorkbook } from "./write-workbook";
export { patchWorkbook, type PackageEdits } from "./patch-workbook";
export { readWorkbookTables, readWorkbookCells } from "./read-workbook";
export { readWorkbookValues } from "./read-values";
export type { CellData, RawCellValue, SheetCells, WorkbookCells } from "./read-workbook";
export { XlsxReadError } from "./read-errors";
export type { XlsxReadErrorCode } from "./read-errors";
