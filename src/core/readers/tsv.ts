/**
 * Tab-separated text as Excel and Word put it on the clipboard: a cell holding a newline,
 * a tab or a quote arrives quoted ("…", with "" for a quote).
 */
export interface TsvRow {
  cells: string[];
  /** 1-based line of the text where the row starts. */
  line: number;
}

export function parseTsv(text: string, firstLine = 1): TsvRow[] {
  const rows: TsvRow[] = [];
  let cells: string[] = [];
  let cell = "";
  let line = firstLine;
  let rowLine = firstLine;
  let i = 0;
  let atCellStart = true;
  const endRow = () => {
    cells.push(cell);
    rows.push({ cells, line: rowLine });
    cells = [];
    cell = "";
    atCellStart = true;
  };
  while (i < text.length) {
    const ch = text[i];
    if (atCellStart && ch === '"' && closingQuote(text, i) > 0) {
      // A quoted cell: read to the closing quote, "" is a literal quote.
      const end = closingQuote(text, i);
      const body = text.slice(i + 1, end).replace(/""/g, '"');
      cell += body;
      line += (body.match(/\n/g) ?? []).length;
      i = end + 1;
      atCellStart = false;
      continue;
    }
    atCellStart = false;
    if (ch === "\t") {
      cells.push(cell);
      cell = "";
      atCellStart = true;
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      cell += ch;
    }
    i++;
  }
  if (cell !== "" || cells.length) endRow();
  return rows;
}

/**
 * Index of the quote closing a quoted cell opened at `start`, or -1 when the quote is just
 * text (Excel only quotes whole cells: the closing quote is followed by a tab, newline or end).
 */
function closingQuote(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === '"') {
      if (text[i + 1] === '"') {
        i += 2;
        continue;
      }
      const next = text[i + 1];
      return next === undefined || next === "\t" || next === "\n" || next === "\r" ? i : -1;
    }
    i++;
  }
  return -1;
}
