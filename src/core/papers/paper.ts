/**
 * A paper: what the officer prints, signs and files (the appendix, the yearly reports), as
 * plain data. Two renderers lay it out: paper-sheet.ts turns it into a SheetSpec (then the
 * exceljs and Office.js renderers, like every sheet), src/docx/ into a Word document. The page
 * is always A4 landscape with the margins of Nghị định 30/2020 (workbook/styles.ts printLayout).
 *
 * Widths are in characters of the 12 pt Times New Roman body text (Excel's column unit); a
 * paper's `grid` is its column widths, and each table column spans one or more of them, so
 * tables of different shapes share one sheet.
 */

export type PaperAlign = "left" | "center" | "right";

export interface PaperText {
  kind: "text";
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Points; 12 when unset. */
  size?: number;
  align?: PaperAlign;
  /** Space before, in lines of body text (a blank row on a sheet). */
  spaceBefore?: number;
  /** A short centred rule under the text (the decree's rule under "(Kèm theo …)"). */
  ruleBelow?: boolean;
}

/** Length of that rule, in characters of body text (about a quarter of the page's width). */
export const RULE_CHARS = 30;

export interface PaperColumn {
  header: string;
  /** Grid columns it spans (1 when unset). */
  span?: number;
  align?: PaperAlign;
}

export interface PaperRow {
  cells: string[];
  /** "group": a group heading of the phụ lục (bold, its text across the row after STT). */
  kind?: "group" | "total";
}

export interface PaperTable {
  kind: "table";
  columns: PaperColumn[];
  rows: PaperRow[];
  /** Repeat the header row at the top of every page (on a sheet: only the longest such table). */
  repeatHeader?: boolean;
  /** Shown instead of an empty table ("Năm 2027 không có nhiệm vụ …"). */
  emptyText?: string;
}

/** "Nơi nhận:" at the left, the signer at the right (Nghị định 30/2020, Phụ lục I). */
export interface PaperSignature {
  kind: "signature";
  recipients: string[];
  /** "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH" (capitals, bold). */
  signerTitles: string[];
  /** The signer's name, bold, below the space for the signature; may be empty. */
  signerName: string;
}

export type PaperBlock = PaperText | PaperTable | PaperSignature;

export interface Paper {
  /** Sheet name (≤ 31 characters, no []:*?/\) and the Word document's title. */
  name: string;
  title: string;
  /** Column widths in characters; their sum fits the A4 landscape width (PAGE_CHARS). */
  grid: number[];
  blocks: PaperBlock[];
}

/**
 * Characters of 12 pt text across the printable width of A4 landscape with the decree's margins
 * (297 − 20 − 20 mm = 728 pt at 6 pt a character), less a little for cell padding.
 */
export const PAGE_CHARS = 118;

/** Sizes of Nghị định 30/2020 for the parts of a paper. */
export const PAPER_SIZES = {
  body: 12,
  heading: 14,
  title: 14,
  signerTitle: 13,
  recipientsTitle: 12,
  recipients: 11,
} as const;

export const isTable = (b: PaperBlock): b is PaperTable => b.kind === "table";
