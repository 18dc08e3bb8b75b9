/**
 * The one table of bounds every reader of outside files obeys (.docx, .xlsx, .html, text, and any
 * later reader: PDF). A file over a bound is THAT file's refusal with a sentence ("quá lớn", or
 * "hỏng" when it is past what Excel/Word themselves can write); nothing is read for minutes or
 * gigabytes first. docs/design/hostile-input.md lists each bound with its message, and
 * test/unit/core/readers/input-limits.test.ts checks the two agree.
 *
 * Sized from measurements (docs/BENCHMARKS.md): a 10,000-task plan's document.xml is ~9 MB and its
 * tracking workbook's task sheet ~28 MB (~11,000 rows); reading either peaks at a few hundred MB,
 * as does a plain sheet at the row limit.
 */
import { InputError } from "../errors/input-error";
import { INPUT_ERRORS } from "../errors/finding-codes";

export interface InputLimits {
  /** Parts (files) in one zip package. */
  maxEntries: number;
  /** Inflated bytes of one part (as declared, and as read). */
  maxPartBytes: number;
  /** Inflated bytes of all parts together. */
  maxTotalBytes: number;
  /** Bytes of a plain-text or HTML plan (after reading, before decoding). */
  maxTextFileBytes: number;
  /** Bytes between two "<" in an XML part: one cell's or paragraph's text, or one tag. */
  maxTextRunBytes: number;
  /** <row> elements in one worksheet, and the highest row number a reader accepts. */
  maxSheetRows: number;
  /** <c> elements over all worksheets of a package. */
  maxCells: number;
  /** Excel's own last row (1,048,576): a reference past it is a damaged file. */
  excelRows: number;
  /** Excel's own last column (XFD = 16,384): a reference past it is a damaged file. */
  excelColumns: number;
  /** Cells of one sheet read as a grid (used rows × used columns), empty ones included. */
  maxGridCells: number;
  /** Depth of nested XML elements (content controls in content controls…). */
  maxNesting: number;
  /** Grid columns of a .docx table without its own grid (w:gridSpan is capped to the grid). */
  maxTableColumns: number;
  /** Columns or rows one HTML cell may span (colspan, rowspan). */
  maxCellSpan: number;
  /** Bytes of a PDF plan (checked before pdfjs parses anything). */
  maxPdfBytes: number;
  /** Pages of a PDF (checked before any page is read). */
  maxPdfPages: number;
  /** Text items (runs of text) over all pages of a PDF, as they are read. */
  maxPdfTextItems: number;
  /** Ruling lines and other straight strokes over all pages of a PDF, as they are read. */
  maxPdfRules: number;
}

export const INPUT_LIMITS: InputLimits = {
  maxEntries: 10_000,
  maxPartBytes: 64 * 1024 * 1024,
  maxTotalBytes: 200 * 1024 * 1024,
  maxTextFileBytes: 64 * 1024 * 1024,
  maxTextRunBytes: 1024 * 1024,
  maxSheetRows: 100_000,
  maxCells: 2_000_000,
  excelRows: 1_048_576,
  excelColumns: 16_384,
  maxGridCells: 4_000_000,
  maxNesting: 256,
  maxTableColumns: 1_000,
  maxCellSpan: 100,
  maxPdfBytes: 50 * 1024 * 1024,
  maxPdfPages: 500,
  maxPdfTextItems: 1_000_000,
  maxPdfRules: 1_000_000,
};

const MB = 1024 * 1024;

/** 100000 → "100.000", the Vietnamese way. */
export function fmtCount(n: number): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

function fmtMb(bytes: number): string {
  return `${fmtCount(bytes / MB)} MB`;
}

/** The sentence of every "too large" refusal; `detail` says which bound, from the list below. */
export function tooLargeMessage(fileName: string, detail: string): string {
  return (
    `Tệp "${fileName}" quá lớn để đọc an toàn: ${detail}. ` +
    "Hãy chỉ giữ phần phụ lục (hoặc sổ theo dõi) trong một tệp riêng rồi thử lại."
  );
}

export function tooLargeError(fileName: string, detail: string): InputError {
  return new InputError(INPUT_ERRORS.TOO_LARGE, fileName, tooLargeMessage(fileName, detail));
}

/** What went over, in words (the detail of tooLargeMessage), one per bound. */
export const OVER = {
  entries: (l: InputLimits) => `gồm hơn ${fmtCount(l.maxEntries)} phần`,
  partBytes: (path: string, l: InputLimits) =>
    `phần "${path}" khi giải nén vượt quá ${fmtMb(l.maxPartBytes)} (hoặc lớn hơn kích thước tệp khai báo)`,
  totalBytes: (l: InputLimits) => `nội dung khi giải nén vượt quá ${fmtMb(l.maxTotalBytes)}`,
  textFileBytes: (l: InputLimits) => `tệp văn bản lớn hơn ${fmtMb(l.maxTextFileBytes)}`,
  textRun: (path: string, l: InputLimits) =>
    `phần "${path}" có một ô hoặc đoạn văn dài hơn ${fmtMb(l.maxTextRunBytes)} ` +
    "(Excel chỉ cho tối đa 32.767 ký tự trong một ô)",
  rows: (sheet: string, l: InputLimits) =>
    `trang tính "${sheet}" có hơn ${fmtCount(l.maxSheetRows)} dòng được dùng`,
  rowNumber: (sheet: string, row: number, l: InputLimits) =>
    `trang tính "${sheet}" có dữ liệu ở dòng ${fmtCount(row)}, quá ${fmtCount(l.maxSheetRows)} dòng`,
  cells: (l: InputLimits) => `các trang tính có hơn ${fmtCount(l.maxCells)} ô được dùng`,
  gridCells: (sheet: string, lastCell: string, l: InputLimits) =>
    `trang tính "${sheet}" trải tới ô ${lastCell}, hơn ${fmtCount(l.maxGridCells)} ô ` +
    "(dòng × cột); hãy xoá các ô lẻ ở xa bảng",
  tableCells: (rows: number, columns: number, l: InputLimits) =>
    `một bảng có ${fmtCount(rows)} dòng × ${fmtCount(columns)} cột, hơn ${fmtCount(l.maxGridCells)} ô`,
  nesting: (l: InputLimits) => `các thành phần lồng nhau quá ${fmtCount(l.maxNesting)} cấp`,
  pdfBytes: (l: InputLimits) => `tệp PDF lớn hơn ${fmtMb(l.maxPdfBytes)}`,
  pdfPages: (pages: number, l: InputLimits) =>
    `tệp PDF có ${fmtCount(pages)} trang, quá ${fmtCount(l.maxPdfPages)} trang`,
  pdfTextItems: (l: InputLimits) => `tệp PDF có hơn ${fmtCount(l.maxPdfTextItems)} đoạn chữ`,
  pdfRules: (l: InputLimits) => `tệp PDF có hơn ${fmtCount(l.maxPdfRules)} nét kẻ`,
} as const;

/** Why a reference past Excel's own sheet is a damaged file, not a big one. */
export function pastExcelSheet(ref: string, l: InputLimits = INPUT_LIMITS): string {
  return `ô "${ref}" nằm ngoài trang tính Excel (tối đa ${fmtCount(l.excelRows)} dòng, cột XFD)`;
}
