/**
 * .xlsx bytes → what the rest of Phụ Lục reads: RawTable[] for the phụ lục importer (display
 * text, like the officer sees it) and a lightweight cell grid for the tracking-workbook reader.
 */
import type ExcelJS from "exceljs";
import type { Cell, Worksheet } from "exceljs";
import JSZip from "jszip";
import { columnLetter, parseRange } from "../core/spec/a1";
import type { MergedArea, RawTable } from "../core/table/raw-table";
import { corrupt, readError, sniffWorkbook, XlsxReadError } from "./read-errors";
import { withRelativeTargets } from "./relative-targets";
import { ZipPackage } from "../core/readers/zip-package";
import { INPUT_LIMITS, OVER, tooLargeMessage } from "../core/readers/input-limits";
import { readWorkbookValues } from "./read-values";
import { formatUtcDateVi } from "../core/text/dates";

export type RawCellValue = string | number | boolean | Date | null;

export interface CellData {
  /** The value, or a formula's cached result (null when the file has none). */
  value: RawCellValue;
  /** Formula text without "=", when the cell has one (a shared formula's: translated on read). */
  formula?: string;
  /** A shared formula's dependant: the master cell ("K2"), as exceljs gives it. */
  sharedFormula?: string;
  /** A number shown as a percentage (1 shows "100%"): progress reads it as 100. */
  percent?: true;
}

export interface SheetCells {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  /** cells[r][c] is sheet cell (r+1, c+1); rows/columns past the last used one are omitted. */
  cells: CellData[][];
  /** Merged ranges ("J6:J8"), when the sheet has any. */
  merges?: string[];
}

export interface WorkbookCells {
  sheets: SheetCells[];
  /** Workbook-level defined names; refersTo without "=" ("'Thông tin'!$B$8"). */
  names: { name: string; refersTo: string; localSheetId?: number }[];
  /** When the file was last saved (docProps/core.xml), ISO; absent when it does not say. */
  savedAt?: string;
}

export async function readWorkbookTables(bytes: Uint8Array, fileName: string): Promise<RawTable[]> {
  const { wb } = await loadWorkbook(bytes, fileName);
  const tables: RawTable[] = [];
  for (const ws of wb.worksheets) {
    if (ws.state !== "visible") continue;
    tables.push(sheetTable(ws, fileName, tables.length + 1));
  }
  return tables;
}

/**
 * The cells of a tracking workbook (the master): values, dates, formulas and defined names,
 * read straight from the sheet XML (read-values.ts) through the zip guard. exceljs would build
 * a full object model (styles, validations, every formula parsed) for each of 18,000 rows: 2-3×
 * the time and over 600 MB for a province-sized master, to use only the values.
 */
/** `parts`: filled with the parts inflated, for an edit of the same file (patchWorkbook). */
export async function readWorkbookCells(
  bytes: Uint8Array,
  fileName: string,
  parts?: Map<string, Uint8Array>
): Promise<WorkbookCells> {
  return readWorkbookValues(bytes, fileName, { dates: true, parts });
}

function gridTooLarge(fileName: string, sheet: string, row: number, col: number): XlsxReadError {
  const detail = OVER.gridCells(sheet, columnLetter(col) + row, INPUT_LIMITS);
  return new XlsxReadError("TOO_LARGE", tooLargeMessage(fileName, detail));
}

interface Loaded {
  wb: ExcelJS.Workbook;
}

/**
 * Every part is inflated once, through the zip size limits (core/readers/zip-package), then
 * handed to exceljs as a stored (uncompressed) package: exceljs never inflates anything itself.
 */
async function loadWorkbook(bytes: Uint8Array, fileName: string): Promise<Loaded> {
  sniffWorkbook(bytes, fileName);
  let parts: Map<string, Uint8Array>;
  try {
    const zip = await ZipPackage.open(bytes, fileName);
    if (!zip) throw corrupt(fileName);
    parts = await zip.all();
  } catch (e) {
    throw readError(fileName, e);
  }
  withRelativeTargets(parts);
  const stored = new JSZip();
  for (const [name, part] of parts) stored.file(name, part);
  parts.clear();
  // Loaded here, for plan tables only: every other reader and the writer (import, validate,
  // consolidate…) start without evaluating exceljs.
  const { default: Excel } = await import(/* webpackChunkName: "exceljs" */ "exceljs");
  const wb = new Excel.Workbook();
  try {
    const pkg = await stored.generateAsync({ type: "uint8array", compression: "STORE" });
    // exceljs' typings want a Node Buffer, but its loader (JSZip) takes any byte array.
    await wb.xlsx.load(pkg as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw e instanceof XlsxReadError ? e : corrupt(fileName, e);
  }
  if (wb.worksheets.length === 0) throw corrupt(fileName);
  return { wb };
}

function sheetTable(ws: Worksheet, fileName: string, index: number): RawTable {
  const { firstRow, lastRow, lastCol } = usedExtent(ws);
  // A plan table is read whole (every cell a string): bounded before building it.
  if ((lastRow - firstRow + 1) * lastCol > INPUT_LIMITS.maxGridCells)
    throw gridTooLarge(fileName, ws.name, lastRow, lastCol);
  const rows: string[][] = [];
  const sourceRows: number[] = [];
  for (let r = firstRow; r <= lastRow; r++) {
    const row: string[] = [];
    for (let c = 1; c <= lastCol; c++) {
      const cell = ws.getCell(r, c);
      // exceljs returns the master's value for every cell of a merge; RawTable wants it once.
      row.push(cell.isMerged && cell.master !== cell ? "" : cellText(cell));
    }
    rows.push(row);
    sourceRows.push(r);
  }
  const merges: MergedArea[] = mergeRanges(ws).flatMap((m) => {
    const a = parseRange(m);
    if (a.bottom < firstRow || a.top > lastRow) return [];
    return [
      {
        top: a.top - firstRow,
        left: a.left - 1,
        bottom: Math.min(a.bottom, lastRow) - firstRow,
        right: Math.min(a.right, lastCol) - 1,
      },
    ];
  });
  return {
    source: fileName,
    sheet: ws.name,
    index,
    rows,
    sourceRows,
    columnLabels: Array.from({ length: lastCol }, (_, i) => columnLetter(i + 1)),
    merges,
  };
}

/** The rows/columns that hold a value (styled-but-empty cells do not count). */
function usedExtent(ws: Worksheet): { firstRow: number; lastRow: number; lastCol: number } {
  let firstRow = 0;
  let lastRow = 0;
  let lastCol = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.value === null || cell.value === undefined || cell.value === "") return;
      if (firstRow === 0) firstRow = r;
      lastRow = r;
      lastCol = Math.max(lastCol, c);
    });
  });
  for (const m of mergeRanges(ws)) {
    const a = parseRange(m);
    if (firstRow && a.top <= lastRow && a.top >= firstRow) {
      lastRow = Math.max(lastRow, a.bottom);
      lastCol = Math.max(lastCol, a.right);
    }
  }
  return { firstRow: firstRow || 1, lastRow, lastCol };
}

function mergeRanges(ws: Worksheet): string[] {
  // exceljs keeps merges in a private map; its public `model` would serialise the whole sheet.
  const merges = (ws as unknown as { _merges?: Record<string, { range: string }> })._merges;
  return merges ? Object.values(merges).map((m) => m.range) : [];
}

/** What Excel shows in the cell, close enough for reading a plan: dates dd/mm/yyyy, % formats. */
function cellText(cell: Cell): string {
  return displayText(cell.value, cell.numFmt);
}

function displayText(v: ExcelJS.CellValue, numFmt: string | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.replace(/\r\n?/g, "\n");
  if (typeof v === "number") return formatNumber(v, numFmt);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return formatUtcDateVi(v);
  if ("richText" in v)
    return v.richText
      .map((t) => t.text)
      .join("")
      .replace(/\r\n?/g, "\n");
  if ("error" in v) return v.error;
  if ("hyperlink" in v) return displayText(v.text as ExcelJS.CellValue, numFmt);
  if ("formula" in v || "sharedFormula" in v) {
    const result = (v as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null) return "";
    return displayText(result as ExcelJS.CellValue, numFmt);
  }
  return String(v);
}

function formatNumber(n: number, numFmt: string | undefined): string {
  const clean = (x: number) => String(Number(x.toPrecision(15)));
  if (numFmt && /%/.test(numFmt)) {
    const decimals = /0\.(0+)%/.exec(numFmt)?.[1]?.length ?? 0;
    return `${(n * 100).toFixed(decimals)}%`;
  }
  return clean(n);
}

/** A number format showing a percentage: a "%" outside quoted text and escapes. */
export function percentFormat(numFmt: string | undefined): boolean {
  return Boolean(numFmt && /%/.test(numFmt.replace(/"[^"]*"|\\./g, "")));
}
