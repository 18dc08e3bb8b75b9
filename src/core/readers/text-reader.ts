/**
 * Pasted text (the task pane's paste box, or a .txt given to the CLI): tab-separated rows as
 * copied from Excel or Word, or the "|"-per-cell layout of web pages. Yields RawTable like
 * every other reader; text before the table is the plan's body text.
 */
import type { DocumentContent } from "./docx-reader";
import { isPipeLayout, readPipeLayout } from "./pipe-layout";
import { parseTsv } from "./tsv";
import { paragraphsOfLines } from "./paragraph";
import { present } from "./present";

export const PASTED_SOURCE = "(văn bản dán)";

export function readPastedText(text: string, source = PASTED_SOURCE): DocumentContent {
  const clean = text
    .normalize("NFC")
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n");
  const lines = clean.split("\n");
  if (isPipeLayout(lines)) {
    const layout = readPipeLayout(lines);
    if (layout) {
      const rows = [layout.header, ...layout.rows];
      return {
        bodyText: layout.before.join("\n"),
        paragraphs: paragraphsOfLines(layout.before),
        tables: [
          {
            source,
            index: 1,
            rows: rows.map((r) => r.map((c) => c.text)),
            sourceRows: rows.map(([first]) => present(first, "cell").line),
            merges: [],
            context: layout.before.slice(-12).join("\n"),
          },
        ],
      };
    }
  }
  return readTabSeparated(lines, source);
}

/** Lines without tabs before the first tab-separated line are body text; the rest is the table. */
function readTabSeparated(lines: string[], source: string): DocumentContent {
  const first = lines.findIndex((l) => l.includes("\t"));
  if (first < 0)
    return { bodyText: lines.join("\n"), paragraphs: paragraphsOfLines(lines), tables: [] };
  const before = lines.slice(0, first);
  const parsed = parseTsv(lines.slice(first).join("\n"), first + 1).filter((r) =>
    r.cells.some((c) => c.trim() !== "")
  );
  const width = Math.max(0, ...parsed.map((r) => r.cells.length));
  return {
    bodyText: before.join("\n"),
    paragraphs: paragraphsOfLines(before),
    tables: [
      {
        source,
        index: 1,
        rows: parsed.map((r) => [...r.cells, ...Array(width - r.cells.length).fill("")]),
        sourceRows: parsed.map((r) => r.line),
        merges: [],
        context: before
          .filter((l) => l.trim() !== "")
          .slice(-12)
          .join("\n"),
      },
    ],
  };
}
