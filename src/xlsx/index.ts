/** The .xlsx adapter: the only place that imports exceljs. Lazy-load it with import("…/xlsx"). */
export { writeWorkbook } from "./write-workbook";
export { patchWorkbook } from "./patch-workbook";
export { readWorkbookTables, readWorkbookCells } from "./read-workbook";
export { readWorkbookValues } from "./read-values";
export { XlsxReadError } from "./read-errors";
