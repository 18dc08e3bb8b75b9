/**
 * HTML (the clipboard of Word, LibreOffice, Excel and browsers; a plan saved as a web page)
 * into the same DocumentContent as a .docx: tables as grids (a cell's paragraphs, list items
 * and line breaks stay inside the cell, joined by "\n"; colspan/rowspan become merges) and the
 * paragraphs outside tables, for the plan's metadata and for prose assignments.
 */
import type { MergedArea, RawTable } from "../table/raw-table";
import type { DocumentContent } from "./docx-reader";
import type { Paragraph } from "./paragraph";
import { tokenizeHtml } from "./html-tokens";
import { INPUT_LIMITS } from "./input-limits";
import { htmlListFormat, listNumber } from "./list-number";

/** Elements that end a line of text (a paragraph outside tables, a line inside a cell). */
const BLOCK = new Set([
  "p",
  "div",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "li",
  "ul",
  "ol",
  "blockquote",
  "pre",
  "section",
  "article",
  "header",
  "footer",
  "center",
  "dd",
  "dt",
  "caption",
]);
const BOLD = new Set(["b", "strong", "h1", "h2", "h3", "h4", "h5", "h6", "th"]);
const CONTEXT_LINES = 12;

interface Cell {
  lines: string[];
  line: string;
  colspan: number;
  rowspan: number;
}

interface TableState {
  rows: Cell[][];
  cell: Cell | null;
  row: Cell[] | null;
  context: string;
  /**
   * A page layout table (a portal's frame of menu and content): its cells are the page's flow
   * (their text paragraphs, their tables tables), not a table of the plan. Known when a table
   * wider than it closes in one of its cells (layoutHolds).
   */
  layout?: boolean;
}

/**
 * A spreadsheet's HTML (Excel's clipboard, LibreOffice Calc, Google Sheets): its rows may be a
 * cell's paragraphs spread over rows, not rows as written (RawTable.rowsAsWritten).
 */
const SPREADSHEET_HTML =
  /urn:schemas-microsoft-com:office:excel|Excel\.Sheet|\ssd(?:val|num)=|data-sheets-|google-sheets-html-origin/i;

export function readHtml(html: string, source: string): DocumentContent {
  const fromSpreadsheet = SPREADSHEET_HTML.test(html);
  const tables: RawTable[] = [];
  const paragraphs: Paragraph[] = [];
  const stack: TableState[] = [];
  let text = "";
  let boldChars = 0;
  let plainChars = 0;
  let bold = 0;
  // Open lists, innermost last; an <ol>'s next number (its start, or after the last <li value>).
  const lists: { kind: "ul" | "ol"; format: string; next: number }[] = [];
  let listItem: Paragraph["list"];
  /** Paragraphs before this index lie before the last table closed. */
  let afterTable = 0;

  const endParagraph = () => {
    const t = text.replace(/\s+/g, " ").trim();
    if (t) {
      paragraphs.push({
        text: t,
        line: paragraphs.length + 1,
        ...(listItem ? { list: listItem } : {}),
        ...(boldChars > 0 && plainChars === 0 ? { bold: true } : {}),
      });
    }
    text = "";
    boldChars = plainChars = 0;
    listItem = undefined;
  };
  const cellBreak = (cell: Cell) => {
    const t = cell.line.replace(/\s+/g, " ").trim();
    if (t) cell.lines.push(t);
    cell.line = "";
  };

  const emit = (t: TableState, context: string) => {
    afterTable = paragraphs.length;
    const grid = toGrid(t.rows);
    if (grid.rows.length > 0) {
      tables.push({
        source,
        index: tables.length + 1,
        rows: grid.rows,
        sourceRows: grid.rows.map((_, i) => i + 1),
        merges: grid.merges,
        ...(fromSpreadsheet ? {} : { rowsAsWritten: true }),
        context,
      });
    }
  };

  for (const tok of tokenizeHtml(html)) {
    // Inside a layout table's cells the page flows on as outside any table.
    const top = stack[stack.length - 1];
    const table = top?.layout ? undefined : top;
    const cell = table?.cell ?? null;
    if (tok.type === "text") {
      if (cell) cell.line += tok.text;
      else if (!table) {
        text += tok.text;
        const visible = tok.text.replace(/\s/g, "").length;
        if (bold > 0) boldChars += visible;
        else plainChars += visible;
      }
      continue;
    }
    const name = tok.name;
    if (tok.type === "open") {
      if (name === "table") {
        if (cell) {
          cellBreak(cell);
        } else if (!table) endParagraph();
        // The text since the previous table, as for .docx: a "PHỤ LỤC" heading before the
        // first table must not make a continued second table look like a new appendix.
        stack.push({
          rows: [],
          cell: null,
          row: null,
          context: contextOf(paragraphs.slice(afterTable)),
        });
      } else if (top?.layout && (name === "tr" || name === "td" || name === "th")) {
        endParagraph();
      } else if (name === "tr" && table) {
        table.row = [];
        table.rows.push(table.row);
      } else if ((name === "td" || name === "th") && table) {
        if (!table.row) {
          table.row = [];
          table.rows.push(table.row);
        }
        table.cell = {
          lines: [],
          line: "",
          colspan: span(tok.attrs.colspan),
          rowspan: span(tok.attrs.rowspan),
        };
        table.row.push(table.cell);
      } else if (name === "br") {
        if (cell) cellBreak(cell);
        else if (!table) text += "\n";
      } else if (BLOCK.has(name)) {
        if (cell) {
          cellBreak(cell);
          // A cell's list shows its numbers: the STT column is often nothing but an <ol>.
          if (name === "li") cell.line = itemMark(lists[lists.length - 1], tok.attrs.value);
        } else if (!table) {
          endParagraph();
          if (name === "li")
            listItem = lists[lists.length - 1]?.kind === "ol" ? "number" : "bullet";
        }
        if (name === "ul" || name === "ol")
          lists.push({
            kind: name,
            format: htmlListFormat(tok.attrs.type),
            next: integer(tok.attrs.start) ?? 1,
          });
      }
      if (BOLD.has(name) && !tok.selfClosing) bold++;
      continue;
    }
    // Closing tags.
    if (BOLD.has(name) && bold > 0) bold--;
    if (top?.layout && (name === "tr" || name === "td" || name === "th")) {
      endParagraph();
    } else if ((name === "td" || name === "th") && table?.cell) {
      cellBreak(table.cell);
      table.cell = null;
    } else if (name === "tr" && table) {
      if (table.cell) cellBreak(table.cell);
      table.cell = null;
      table.row = null;
    } else if (name === "table" && top) {
      stack.pop();
      if (top.layout) {
        endParagraph();
        continue;
      }
      if (top.cell) cellBreak(top.cell);
      const outer = stack[stack.length - 1];
      if (outer && !outer.layout && outer.cell && layoutHolds(outer, top)) {
        // The outer table frames the page (and the narrow tables around it, a frame in a
        // frame): what their cells said so far is the page's text before this table (the
        // plan's title, "PHỤ LỤC"), outermost first, and this table is the plan's.
        let first = stack.length - 1;
        while (first > 0 && !stack[first - 1]!.layout && width(stack[first - 1]!.rows) <= 3)
          first--;
        endParagraph();
        for (const frame of stack.slice(first)) {
          frame.layout = true;
          for (const r of frame.rows)
            for (const c of r)
              for (const line of c.lines)
                paragraphs.push({ text: line, line: paragraphs.length + 1 });
        }
        emit(top, contextOf(paragraphs.slice(afterTable)));
      } else if (outer?.cell && !outer.layout) {
        // A table nested in a cell: its text stays in the outer cell, a line per row, its
        // cells joined by " | " (as the .docx reader does).
        for (const r of top.rows) {
          const line = r
            .map((c) => [...c.lines, c.line].join(" ").replace(/\s+/g, " ").trim())
            .filter((t) => t !== "")
            .join(" | ");
          if (line) outer.cell.lines.push(line);
        }
      } else if (!outer || outer.layout) {
        emit(top, top.context);
      }
    } else if (BLOCK.has(name)) {
      if (name === "ul" || name === "ol") lists.pop();
      if (cell) cellBreak(cell);
      else if (!table) endParagraph();
    }
  }
  endParagraph();
  return { tables, bodyText: paragraphs.map((p) => p.text).join("\n"), paragraphs };
}

/**
 * Whether `outer` is a page's layout table rather than a table of the plan holding a small
 * table in a cell: the table closing in its cell is wider (4 columns or more, 2 rows or more)
 * than `outer` (at most 3 columns: menu, content, sidebar). A phụ lục has 4 columns or more,
 * and the small table a task cell may hold is not wider than the phụ lục.
 */
function layoutHolds(outer: TableState, inner: TableState): boolean {
  const innerWidth = width(inner.rows);
  const outerWidth = width(outer.rows);
  return inner.rows.length >= 2 && innerWidth >= 4 && outerWidth <= 3 && innerWidth > outerWidth;
}

/** Columns of the widest row so far. */
function width(rows: Cell[][]): number {
  return Math.max(0, ...rows.map((r) => r.reduce((n, c) => n + c.colspan, 0)));
}

/** What starts a list item's line in a cell: "- " in a <ul>, its number in an <ol> ("2. "). */
function itemMark(
  list: { kind: "ul" | "ol"; format: string; next: number } | undefined,
  value: string | undefined
): string {
  if (list?.kind !== "ol") return "- ";
  const n = integer(value) ?? list.next;
  list.next = n + 1;
  return `${listNumber(n, list.format)}. `;
}

function integer(v: string | undefined): number | null {
  if (v === undefined || !/^\s*-?\d{1,6}\s*$/.test(v)) return null;
  return Number(v);
}

function span(v: string | undefined): number {
  const n = parseInt(v ?? "1", 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, INPUT_LIMITS.maxCellSpan) : 1;
}

function contextOf(paragraphs: Paragraph[]): string {
  return paragraphs
    .slice(-CONTEXT_LINES)
    .map((p) => p.text)
    .join("\n");
}

/** Rows of cells with spans → a rectangular grid, merged text in the top-left cell only. */
function toGrid(rows: Cell[][]): { rows: string[][]; merges: MergedArea[] } {
  const grid: string[][] = [];
  const taken: boolean[][] = [];
  const merges: MergedArea[] = [];
  rows.forEach((row, r) => {
    grid[r] ??= [];
    taken[r] ??= [];
    let c = 0;
    for (const cell of row) {
      while (taken[r][c]) c++;
      for (let dr = 0; dr < cell.rowspan && r + dr < rows.length; dr++) {
        const gridRow = (grid[r + dr] ??= []);
        const takenRow = (taken[r + dr] ??= []);
        for (let dc = 0; dc < cell.colspan; dc++) {
          takenRow[c + dc] = true;
          gridRow[c + dc] = dr === 0 && dc === 0 ? cell.lines.join("\n") : "";
        }
      }
      const bottom = Math.min(r + cell.rowspan, rows.length) - 1;
      if (cell.colspan > 1 || bottom > r)
        merges.push({ top: r, left: c, bottom, right: c + cell.colspan - 1 });
      c += cell.colspan;
    }
  });
  const width = Math.max(0, ...grid.map((r) => r.length));
  const out = grid
    .map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ""))
    .filter((r) => r.some((c) => c.trim() !== ""));
  // Rows dropped as empty would shift merges: keep every row when merges exist.
  return merges.length
    ? { rows: grid.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? "")), merges }
    : { rows: out, merges };
}
