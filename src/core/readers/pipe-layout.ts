/**
 * The layout some web pages give a plan when copied as text: every cell is one or more
 * lines followed by a line holding only "|". Nothing marks where a row ends, so the number
 * of columns is learned from the header (STT … last header cell) and cells are chunked.
 */
import { present } from "./present";

export interface PipeCell {
  text: string;
  /** 1-based line of the cell's first line. */
  line: number;
}

export interface PipeLayout {
  /** Lines before the table's header (plan metadata), "|" lines dropped. */
  before: string[];
  header: PipeCell[];
  rows: PipeCell[][];
}

const BULLET = /^[-–+•]/;
const STT_HEADER = /^(stt|tt|số tt|số thứ tự)$/i;
/** A row's first cell: "1", "1.1", "01", "I", "II.", "a)". */
const STT_LIKE = /^(\d+(\.\d+)*\.?|[IVXLC]+\.?|[a-zđ]\))$/;

export function isPipeLayout(lines: string[]): boolean {
  return lines.filter((l) => l.trim() === "|").length >= 5;
}

export function readPipeLayout(lines: string[]): PipeLayout | null {
  const cells = splitCells(lines);
  // The header starts at the cell whose last line is "STT"; lines before it are body text.
  const start = cells.findIndex((c) => STT_HEADER.test(lastLine(c).text.trim()));
  const first = cells[start];
  if (!first) return null;
  const before = [
    ...cells.slice(0, start).flatMap((c) => c.lines.map((l) => l.text)),
    ...first.lines.slice(0, -1).map((l) => l.text),
  ];
  const sttLine = lastLine(first);
  const all: PipeCell[] = [
    { text: sttLine.text.trim(), line: sttLine.line },
    ...cells.slice(start + 1).map(toCell),
  ];
  // The header ends before the first cell that looks like a row number.
  let width = all.findIndex((c, i) => i > 0 && STT_LIKE.test(c.text));
  if (width < 2) return null;
  const header = all.slice(0, width);
  const rows: PipeCell[][] = [];
  for (let i = width; i < all.length; i += width) {
    const row = all.slice(i, i + width);
    // Only the last row can be short: its missing cells are on its last cell's line.
    const { line } = present(row[row.length - 1], "cell");
    while (row.length < width) row.push({ text: "", line });
    rows.push(row);
  }
  return { before, header, rows };
}

interface Line {
  text: string;
  line: number;
}

/** The last line of a cell (splitCells gives every cell one at least). */
function lastLine(cell: { lines: Line[] }): Line {
  return present(cell.lines[cell.lines.length - 1], "line of a cell");
}

function splitCells(lines: string[]): { lines: Line[] }[] {
  const cells: { lines: Line[] }[] = [];
  let current: Line[] = [];
  lines.forEach((text, i) => {
    if (text.trim() === "|") {
      cells.push({ lines: current.length ? current : [{ text: "", line: i + 1 }] });
      current = [];
    } else if (text.trim() !== "" || current.length) {
      current.push({ text, line: i + 1 });
    }
  });
  // Text after the last "|" is the table's last cell when there is any.
  if (current.some((l) => l.text.trim() !== "")) cells.push({ lines: current });
  return cells;
}

/** A cell's wrapped lines joined with a space; bullet lines of a bulleted cell stay lines. */
function toCell(c: { lines: Line[] }): PipeCell {
  const texts = c.lines.map((l) => l.text.trim()).filter((t) => t !== "");
  const bulleted = texts[0] !== undefined && BULLET.test(texts[0]);
  let text = "";
  for (const t of texts) {
    if (text === "") text = t;
    else text += bulleted && BULLET.test(t) ? "\n" + t : " " + t;
  }
  return { text, line: c.lines[0]?.line ?? 0 };
}
