/**
 * PDF text items → lines of text, and lines → the text of a cell or paragraph: items on one
 * baseline make a line (a space where the gap says so), wrapped lines are joined with a space,
 * a word cut at a line end rejoined, and a line that ends short (the next word would have fit)
 * or starts with a list mark begins a new line of the cell ("\n"), as in the .docx.
 */
import type { PdfTextItem } from "./pdf-page";
import { defaultDirectory } from "../agency/default-directory";
import { foldVietnamese } from "../text/fold";
import { present } from "./present";

export interface TextLine {
  /** Items left to right. */
  items: PdfTextItem[];
  text: string;
  x: number;
  /** Right end of the last item. */
  right: number;
  /** Baseline. */
  y: number;
  size: number;
}

/** Items that are only blanks carry no text; their gaps already say where spaces go. */
export function visibleItems(items: PdfTextItem[]): PdfTextItem[] {
  return items.filter((i) => i.text.trim() !== "");
}

/** Items → lines by baseline (top to bottom), each line's items left to right. */
export function toLines(items: PdfTextItem[]): TextLine[] {
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: PdfTextItem[][] = [];
  let current: PdfTextItem[] = [];
  // The first item of the current line: its baseline and size.
  let first: PdfTextItem | undefined;
  for (const it of sorted) {
    if (first && Math.abs(it.y - first.y) > 0.4 * Math.max(it.size, first.size)) {
      groups.push(current);
      current = [];
      first = undefined;
    }
    first ??= it;
    current.push(it);
  }
  if (current.length) groups.push(current);
  return groups.map(lineOf);
}

function lineOf(items: PdfTextItem[]): TextLine {
  const row = [...items].sort((a, b) => a.x - b.x);
  let text = "";
  let end = -Infinity;
  for (const it of row) {
    const gap = it.x - end;
    if (text && gap > 0.15 * it.size && !/\s$/.test(text) && !/^\s/.test(it.text)) text += " ";
    text += it.text;
    end = Math.max(end, it.x + it.width);
  }
  const size = Math.max(...row.map((i) => i.size));
  return {
    items: row,
    text: text.replace(/\s+/g, " ").trim().normalize("NFC"),
    x: present(row[0], "item of a line").x,
    right: end,
    y: row.reduce((s, i) => s + i.y, 0) / row.length,
    size,
  };
}

/**
 * The median step between successive baselines (0 when there is none); steps back up and
 * gaps over three lines high are left out.
 */
export function medianPitch(lines: TextLine[]): number {
  const steps: number[] = [];
  let above: TextLine | undefined;
  for (const line of lines) {
    if (above) {
      const step = line.y - above.y;
      if (step > 0 && step < 3 * above.size) steps.push(step);
    }
    above = line;
  }
  steps.sort((a, b) => a - b);
  return steps[Math.floor(steps.length / 2)] ?? 0;
}

/** Pieces of a line separated by a gap wider than `gap` × the font size (columns side by side). */
export function splitLine(line: TextLine, gap: number): TextLine[] {
  let part: PdfTextItem[] = [];
  const parts = [part];
  let end = -Infinity;
  for (const it of line.items) {
    if (part.length && it.x - end > gap * it.size) parts.push((part = []));
    part.push(it);
    end = Math.max(end, it.x + it.width);
  }
  return parts.map(lineOf);
}

/**
 * "- Sở…", "+ …", "• …", "a) …", "1. Sở…", "2.3. …": the start of a list item. A dash before a
 * digit or a lower-case word is a wrapped "2025 - 2030" or "kinh tế - xã hội", not a list.
 */
const LIST_MARK = /^([-–—+•●▪*]\s+[\p{Lu}"“(]|[a-zđ]\)\s|\d+(\.\d+)*[.)]\s+\p{Lu}|[IVXLC]+\.\s)/u;
const ANY_MARK = /^([-–—+•●▪*]\s|[a-zđ]\)\s|\d+(\.\d+)*[.)]\s)/u;

/**
 * Lines of one cell (or paragraph) → its text. `right` is where a full line ends: a line that
 * stops before it by more than the next line's first word started a new line on purpose.
 */
export function joinLines(lines: TextLine[], right: number): string {
  let out = "";
  const first = lines[0];
  const agencies = first !== undefined && lines.length > 1 && AGENCY_HEAD.test(first.text);
  let prev: TextLine | undefined;
  for (const line of lines) {
    if (!prev) out = line.text;
    else if (hardBreak(prev, line, right)) out += "\n" + line.text;
    else if (agencies && nextAgency(out.slice(out.lastIndexOf("\n") + 1), line.text))
      out += "\n" + line.text;
    else out = softJoin(out, line.text);
    prev = line;
  }
  return out.normalize("NFC");
}

/**
 * The start of an agency's name: in a cell of agencies (one starts it), a line starting so is
 * the next agency typed on its own line ("Công an tỉnh" / "Sở Nội vụ"), even when the column is
 * too narrow for the short-line rule to see it, unless joining it to the line above makes the
 * start of a name the directory knows ("Liên hiệp các" / "Hội Khoa học và Kỹ thuật").
 */
const AGENCY_HEAD =
  /^(Sở|UBND|Ủy ban|Uỷ ban|UBMTTQ|Công an|Bộ Chỉ huy|Ban|Đài|Báo|Các|Hội|Liên đoàn|Liên minh|Trường|Văn phòng|Thanh tra|Kho bạc|Cục|Chi cục|Tỉnh đoàn|Tỉnh ủy|Tỉnh uỷ|Đoàn|HĐND|Bảo hiểm|Ngân hàng|Viện|Trung tâm|Bệnh viện|Quỹ|Phòng|Mặt trận)(\s|$)/u;

function nextAgency(item: string, line: string): boolean {
  // After ";" or "," the agencies are told apart already (core splits there): the line wraps.
  if (!AGENCY_HEAD.test(line) || /[;,]$/.test(item)) return false;
  const head = line.split(" ").slice(0, 2).join(" ");
  const joined = plain(`${item} ${head}`);
  return !knownStarts().some((s) => s.startsWith(joined));
}

const plain = (s: string) => foldVietnamese(s).replace(/[;,.]/g, " ").replace(/\s+/g, " ").trim();

let known: string[] | null = null;
/** Every spelling of the built-in directory, folded (the directory's names win over splitting). */
function knownStarts(): string[] {
  known ??= defaultDirectory()
    .spellings()
    .map((s) => plain(s.spelling));
  return known;
}

export function hardBreak(prev: TextLine, line: TextLine, right: number): boolean {
  if (LIST_MARK.test(line.text)) return true;
  // After a finished clause any list mark starts an item ("…như sau:" / "- các huyện").
  if (ANY_MARK.test(line.text) && /[.;:!?]$/.test(prev.text)) return true;
  const space = line.text.indexOf(" ");
  const firstWordLength = space < 0 ? line.text.length : space;
  const wordWidth = (firstWordLength / Math.max(1, line.text.length)) * (line.right - line.x);
  return prev.right + wordWidth + 0.3 * line.size < right - 0.5 * line.size;
}

/**
 * A wrapped line continues the previous one after a space. A word cut at the line end is
 * rejoined: a soft hyphen (U+00AD, the word processor's hyphenation) disappears; a written
 * hyphen stays ("NĐ-" + "CP", "Covid-" + "19"; Vietnamese words are never hyphenated).
 */
export function softJoin(before: string, next: string): string {
  if (before.endsWith("\u00ad")) return before.slice(0, -1) + next;
  if (/[^\s-]-$/u.test(before)) return before + next;
  return before + " " + next;
}
