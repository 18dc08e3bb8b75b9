/**
 * A table as any reader sees it, before we know what it means: a grid of cell texts.
 * Readers (.docx, .xlsx, Excel selection, pasted text) all produce RawTable[]; the
 * phụ lục locator and structure builder work only on this shape.
 */

/** A merged area, 0-based, inclusive, in grid coordinates. */
export interface MergedArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface RawTable {
  /** File name (or "(dán)" for pasted text, "(vùng chọn)" for the Excel selection). */
  source: string;
  /** Sheet name for spreadsheets. */
  sheet?: string;
  /** 1-based index of the table in the document. */
  index: number;
  /** Cell texts, row by row; paragraphs inside a cell are joined with "\n". */
  rows: string[][];
  /**
   * The 1-based row number the user sees for rows[i] (sheet row, text line, table row).
   * Same length as rows.
   */
  sourceRows: number[];
  /** Column labels the user sees (sheet letters "A", "B"…), when the source has them. */
  columnLabels?: string[];
  /**
   * Each grid row is a row its author made (a Word table), never a cell's paragraphs spread
   * over rows as Excel pastes them: an STT cell merged down over rows that name their own
   * agencies or time is one number for several tasks (readers/logical-rows.ts).
   */
  rowsAsWritten?: boolean;
  /** Merged cells; the reader copies the merged text into the top-left cell only. */
  merges: MergedArea[];
  /** Text around the tables (document body), used to read the plan's metadata. */
  context?: string;
}
