/**
 * A layout table's text as a reader of the printed page sees it: each column's lines top to
 * bottom, one column after the other. A letterhead or signature block is a borderless table in
 * .docx/.html/.xlsx and two columns of text in a PDF (core/readers/pdf-layout gives each column's
 * lines one after the other); read this way, the rules that find the number, date, issuer and
 * signer see the same lines whichever reader produced them.
 */
import type { RawTable } from "./raw-table";

export function columnLines(table: Pick<RawTable, "rows">): string[] {
  const width = Math.max(0, ...table.rows.map((r) => r.length));
  const lines: string[] = [];
  for (let c = 0; c < width; c++)
    for (const row of table.rows)
      for (const line of (row[c] ?? "").split("\n")) if (line.trim()) lines.push(line.trim());
  return lines;
}
