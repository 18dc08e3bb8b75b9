/**
 * A "văn bản" laid out per Nghị định 30/2020, Phụ lục I, as plain data: the yearly reports (a
 * Báo cáo: "BÁO CÁO" and its trích yếu) and the công văn đôn đốc (no type name; "V/v …" under
 * the number). First page: the issuer with its rule and "Số:      /…" at the left, the national
 * header with its rule and "<Place>, ngày … tháng … năm …" at the right; then the body, the
 * signature and "Nơi nhận" kept with the body's last lines; tables follow as appendices, each a
 * Paper on its own landscape pages. src/docx/write-letter.ts writes it to Word.
 */
import type { Paper, PaperSignature } from "./paper";

/** Where a sentence of the body comes from: the agency that wrote it and its task. */
export interface TextSource {
  agency: string;
  /** "Mã nhiệm vụ". */
  task: string;
  stt?: string;
  /** The column the text was typed in ("Kết quả thực hiện", "Nội dung phối hợp đã thực hiện"…). */
  column?: string;
}

/**
 * "part": "I. TÌNH HÌNH TRIỂN KHAI" (bold); "subhead": "1. Nhóm …" (bold); "para": a sentence
 * of figures or a line saying a part is empty; "item": "- …" a task; "quote": an agency's own
 * words, `attribution` ("Sở Y tế: ") printed in italics before them.
 */
export type LetterParaKind = "part" | "subhead" | "para" | "item" | "quote";

export interface LetterPara {
  kind: LetterParaKind;
  text: string;
  attribution?: string;
  sources?: TextSource[];
}

export interface LetterHead {
  /** The governing body above the issuer, upright ("UBND TỈNH LÂM ĐỒNG" over "SỞ Y TẾ"). */
  parent?: string;
  /** The issuer, capitals bold, one line each ("ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"). */
  issuer: string[];
  /** "Số:      /BC-UBND": the number left blank for the văn thư. */
  number: string;
  /** A công văn's trích yếu under the number ("V/v đôn đốc …"). */
  about?: string;
  /** "Lâm Đồng, ngày      tháng      năm 2026". */
  placeDate: string;
}

export interface Letter {
  /** The Word document's title. */
  title: string;
  head: LetterHead;
  /** "BÁO CÁO"; none for a công văn. */
  typeName?: string;
  /** The trích yếu under the type name (bold, centred, a short rule below). */
  subject?: string;
  /** "Kính gửi:" and its recipients ("- Sở Y tế;" one a line, or one name). */
  addressees?: string[];
  body: LetterPara[];
  signature: PaperSignature;
  /** Tables after the signature, each "Phụ lục" with its own heading, on landscape pages. */
  appendices: Paper[];
}

/** Sizes of Nghị định 30/2020 for a văn bản's parts (points). */
export const LETTER_SIZES = {
  head: 13,
  nationalTop: 12,
  body: 14,
  about: 12,
} as const;
