/**
 * The declarative sheet spec: core describes a workbook as plain data, and thin renderers
 * apply it (src/render/office: Office.js into the open workbook; src/render/exceljs: to a file).
 * Renderers hold no domain knowledge; everything a sheet shows is decided here, in core.
 *
 * Addresses are A1-style strings ("A1", "B2:F30"); all coordinates are on the sheet.
 */

/** A cell's value. Strings are always written as text, never parsed as formulas. */
export type CellValue =
  | string
  | number
  | boolean
  | null
  // English function names, leading "=" omitted: "COUNTIFS(…)". May be a getter that makes the
  // text when read (row-formula.ts: a big table's formulas are not kept): read it, don't keep it.
  | { formula: string }
  | { date: string }; // ISO "2026-11-15": written as a real Excel date

export interface FontSpec {
  name?: string;
  size?: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  color?: string; // "#RRGGBB"
}

export type BorderWeight = "thin" | "medium";

export interface StyleSpec {
  font?: FontSpec;
  fill?: string; // "#RRGGBB"
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "center" | "bottom";
  wrap?: boolean;
  numberFormat?: string; // "dd/mm/yyyy", "0%", "@"
  border?: BorderWeight; // all four edges of every cell in the range
  borderBottom?: BorderWeight; // the bottom edge only: a rule under the range
  /** false: the cell stays editable when its sheet is protected (Excel's default is locked). */
  locked?: boolean;
}

/** A rectangle of values written at `address` (its top-left cell). */
export interface ValueBlock {
  address: string;
  values: CellValue[][];
}

export interface StyledRange {
  range: string;
  style: StyleSpec;
}

export interface TableSpec {
  /** Excel table name: letters, digits, underscore; unique in the workbook. */
  name: string;
  /** Range including the header row. */
  range: string;
  /** Header texts; must equal the first row of values at `range`. */
  columns: string[];
  style?: string; // "TableStyleLight9"
  showRowStripes?: boolean;
}

export type ValidationSpec =
  | {
      kind: "list";
      range: string;
      /** Either fixed items or a formula source ("=Đơn_vị[Tên đơn vị]" / "=$A$2:$A$40"). */
      items?: string[];
      source?: string;
      allowBlank?: boolean;
      prompt?: { title: string; message: string };
      error?: { title: string; message: string };
    }
  | {
      kind: "whole" | "decimal";
      range: string;
      min: number;
      max: number;
      allowBlank?: boolean;
      prompt?: { title: string; message: string };
      error?: { title: string; message: string };
    }
  | {
      kind: "date";
      range: string;
      min: string; // ISO
      max: string; // ISO
      allowBlank?: boolean;
      prompt?: { title: string; message: string };
      error?: { title: string; message: string };
    };

export type ConditionalFormatSpec =
  | {
      kind: "expression";
      range: string;
      /** Formula relative to the range's top-left cell, without "=". */
      formula: string;
      style: { fill?: string; fontColor?: string; bold?: boolean };
      priority?: number;
    }
  | {
      kind: "dataBar";
      range: string;
      color: string;
    };

export interface PageLayoutSpec {
  orientation: "portrait" | "landscape";
  paper: "A4";
  /** Margins in millimetres. */
  margins: {
    top: number;
    bottom: number;
    left: number;
    right: number;
    header?: number;
    footer?: number;
  };
  /** Rows repeated at the top of each printed page, "1:1" style. */
  printTitleRows?: string;
  /** Columns repeated at the left of each printed page, "A:B" style. */
  printTitleColumns?: string;
  /** Scale the print to one page wide (any number of pages tall). Same as fitToPagesWide: 1. */
  fitToWidth?: boolean;
  /**
   * Scale the print to this many pages wide, any number of pages tall (Excel's "Fit to N pages
   * wide by automatic tall"). Takes precedence over fitToWidth.
   */
  fitToPagesWide?: number;
  /** Page numbers of this sheet start at 1 (each appendix is numbered on its own). */
  restartPageNumbers?: boolean;
  centerHorizontally?: boolean;
  /** Header/footer texts in Excel's codes (&P page number…). */
  header?: { center?: string; differentFirst?: boolean };
  footer?: { center?: string };
}

export interface ColumnSpec {
  /** Width in characters (Excel's unit). */
  width: number;
  hidden?: boolean;
}

export interface SheetSpec {
  name: string;
  visibility: "visible" | "hidden" | "veryHidden";
  /** Columns from A onwards. */
  columns: ColumnSpec[];
  blocks: ValueBlock[];
  styles: StyledRange[];
  merges: string[];
  tables: TableSpec[];
  validations: ValidationSpec[];
  conditionalFormats: ConditionalFormatSpec[];
  /** Rows/columns frozen at the top-left. */
  freeze?: { rows: number; columns: number };
  pageLayout?: PageLayoutSpec;
  /** Row heights in points, by 1-based row. */
  rowHeights?: Record<number, number>;
  /** Manual page breaks: 1-based rows that start a new printed page (ascending). */
  rowBreaks?: number[];
  tabColor?: string;
  /**
   * Sheet protection WITHOUT a password (anyone can lift it; it only keeps keys and plan text
   * from being typed over by accident): locked cells read-only, cells styled locked:false
   * editable; formatting columns/rows and filtering stay allowed. The .xlsx renderer only.
   */
  protect?: boolean;
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
  /** Font used for every cell not styled otherwise. */
  defaultFont: FontSpec;
  /** Workbook-level names ("Năm_báo_cáo" → "'Thông tin'!$B$8"). */
  names?: { name: string; refersTo: string }[];
}
