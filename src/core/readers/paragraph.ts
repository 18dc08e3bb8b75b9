/**
 * A paragraph of a plan's body as the prose reader needs it: its text and what its formatting
 * says (a list item, all in bold). Readers that see formatting (.docx, HTML) fill the flags;
 * plain text gives lines, where the list mark is part of the text.
 */
export interface Paragraph {
  text: string;
  /** A list item whose number or bullet is formatting, not text (Word numbering, <li>). */
  list?: "bullet" | "number" | "unknown";
  /** Every run of text is bold (or the paragraph is a heading style). */
  bold?: boolean;
  /** 1-based position the officer can find: paragraph number (.docx, HTML) or text line. */
  line: number;
}

/** Lines of plain text as paragraphs; empty lines are dropped but keep their numbers. */
export function paragraphsOfLines(lines: string[], firstLine = 1): Paragraph[] {
  const out: Paragraph[] = [];
  lines.forEach((text, i) => {
    if (text.trim() !== "") out.push({ text, line: firstLine + i });
  });
  return out;
}
