/**
 * A paper laid out on one sheet (then written by the exceljs or Office.js renderer): texts
 * merged across the page, tables with borders, group rows bold across the row, "Nơi nhận" and
 * the signature side by side. Printing: A4 landscape, the decree's margins, one page wide,
 * the longest repeating table's header row on every page, page numbers at the top from page 2.
 *
 * Excel and LibreOffice never split a row across pages, but cut a row taller than a page (and
 * cap rows at 409 pt). A row whose text would not fit (a very long task, 40 partner agencies)
 * is cut into consecutive rows at line boundaries, so every word prints.
 */
import { cellAddress, columnLetter } from "../spec/a1";
import { SheetBuilder } from "../spec/sheet-builder";
import type { SheetSpec, StyleSpec } from "../spec/sheet-spec";
import { columnPoints, fitRowHeights, LINE_SPACING, wrapLines } from "../workbook/row-heights";
import { fullStyle } from "../workbook/sheet-style";
import { printLayout } from "../workbook/styles";
import { withRuleColumns } from "./rule-grid";
import { keepSignatureWithTable, type SignatureRows } from "./keep-signature";
import {
  isTable,
  PAPER_SIZES,
  type Paper,
  type PaperRow,
  type PaperSignature,
  type PaperTable,
  type PaperText,
} from "./paper";

/**
 * Lines of 12 pt text one sheet row may hold: a row must fit under the repeated header on an
 * A4 landscape page (210 − 30 − 20 mm = 453 pt printable, less the header and a margin).
 */
export const MAX_ROW_LINES = Math.floor((380 - 4) / (PAPER_SIZES.body * LINE_SPACING));

const BORDERED: StyleSpec = { border: "thin", vertical: "top", wrap: true };

/** Grid columns each table column covers: [first, last] (0-based). */
export function columnSpans(table: PaperTable, grid: number[]): [number, number][] {
  let at = 0;
  return table.columns.map((c) => {
    const span: [number, number] = [at, Math.min(at + (c.span ?? 1), grid.length) - 1];
    at = span[1] + 1;
    return span;
  });
}

/**
 * A row whose text is taller than MAX_ROW_LINES, cut into rows that each fit a page; with
 * `tailLines`, its last part holds at most that many lines (kept with the signature).
 */
export function splitTallRow(
  row: PaperRow,
  widthsPt: number[],
  bold = false,
  tailLines?: number
): PaperRow[] {
  const lines = row.cells.map((text, i) => {
    if (!text) return [];
    // Cells past the last width take the last one.
    const widthPt = widthsPt[i] ?? widthsPt[widthsPt.length - 1];
    if (widthPt === undefined) throw new Error("splitTallRow: a cell and no column widths");
    return wrapLines(text, widthPt, { size: PAPER_SIZES.body, bold });
  });
  const tallest = Math.max(0, ...lines.map((l) => l.length));
  const tail = tailLines && tailLines > 0 && tailLines < tallest ? tailLines : 0;
  if (tallest <= MAX_ROW_LINES && !tail) return [row];
  const cuts: number[] = [];
  for (let from = 0; from < tallest - tail; from += MAX_ROW_LINES) cuts.push(from);
  if (tail) cuts.push(tallest - tail);
  return cuts.map((from, i) => ({
    kind: row.kind,
    cells: lines.map((ls) =>
      ls
        .slice(from, cuts[i + 1] ?? tallest)
        .map((l, k) => (k > 0 && l.paragraph ? `\n${l.text}` : k > 0 ? ` ${l.text}` : l.text))
        .join("")
    ),
  }));
}

/**
 * The paper on one sheet, "Nơi nhận" and the signature kept on the page of the table's last
 * rows (keep-signature.ts): by a page break, or, after a row too tall to move, by cutting that
 * row so its last lines print with them.
 */
export function paperSheet(original: Paper): SheetSpec {
  const { paper, rule } = withRuleColumns(original);
  const first = layPaper(paper, rule);
  if (!first.keep) return first.sheet;
  const kept = keepSignatureWithTable(first.sheet, first.keep);
  if (kept.tailRoom === undefined) return kept.sheet;
  const lines = Math.floor((kept.tailRoom - 4) / (PAPER_SIZES.body * LINE_SPACING));
  if (lines < 1) return kept.sheet;
  const second = layPaper(paper, rule, lines);
  return second.keep ? keepSignatureWithTable(second.sheet, second.keep).sheet : second.sheet;
}

interface LaidPaper {
  sheet: SheetSpec;
  keep?: SignatureRows;
}

/** The sheet; `tailLines` cuts the last row of the table before the signature (see above). */
function layPaper(paper: Paper, rule?: [number, number], tailLines?: number): LaidPaper {
  const width = paper.grid.length;
  const last = columnLetter(width);
  // One block of values for the whole sheet: one write in either renderer.
  const out = new SheetBuilder(width);
  let titleRow: number | undefined;
  // The last table's header and last row, and the signature's last row (keep-signature.ts).
  let lastTable: { header: number; last: number } | undefined;
  let signatureLast: number | undefined;
  const ruleRows: number[] = [];
  // A sheet repeats one row span on every page: the header of its longest repeating table.
  const repeated = paper.blocks
    .filter(isTable)
    .filter((t) => t.repeatHeader)
    .reduce<PaperTable | undefined>(
      (a, t) => (!a || t.rows.length > a.rows.length ? t : a),
      undefined
    );

  // The table right before the signature: its last row may be cut (tailLines).
  const signatureAt = paper.blocks.findIndex((b) => b.kind === "signature");
  const beforeSignature = paper.blocks
    .slice(0, signatureAt < 0 ? 0 : signatureAt)
    .filter(isTable)
    .pop();

  const style = (range: string, ...parts: StyleSpec[]) => out.style(range, fullStyle(...parts));

  const text = (b: PaperText) => {
    out.row += b.spaceBefore ?? 0;
    out.put(out.row, 0, b.text);
    out.across(out.row, 0, width - 1);
    style(`A${out.row}:${last}${out.row}`, {
      font: { bold: b.bold, italic: b.italic, size: b.size ?? PAPER_SIZES.body },
      horizontal: b.align ?? "left",
      vertical: "center",
      wrap: true,
    });
    out.row++;
    if (b.ruleBelow && rule) {
      // A thin row whose centred merged range is underlined: the short rule.
      out.across(out.row, rule[0], rule[1]);
      style(`${cellAddress(out.row, rule[0] + 1)}:${cellAddress(out.row, rule[1] + 1)}`, {
        borderBottom: "thin",
      });
      ruleRows.push(out.row++);
    }
  };

  const table = (t: PaperTable) => {
    out.row++; // a blank line before every table
    const spans = columnSpans(t, paper.grid);
    const [head, second] = spans;
    const lastSpan = spans[spans.length - 1];
    if (!head || !lastSpan) throw new Error("layPaper: a paper table without columns");
    const end = lastSpan[1];
    const endLetter = columnLetter(end + 1);
    const spanPoints = ([a, b]: [number, number]) =>
      columnPoints(paper.grid.slice(a, b + 1).reduce((sum, w) => sum + w, 0));
    const widthsPt = spans.map(spanPoints);
    const top = out.row;
    const done = () => (lastTable = { header: top, last: out.row - 1 });
    const writeRow = (cells: string[]) => {
      spans.forEach(([a, b], i) => {
        out.put(out.row, a, cells[i] ?? "");
        out.across(out.row, a, b);
      });
      out.row++;
    };
    if (t === repeated) titleRow = out.row;
    writeRow(t.columns.map((c) => c.header));
    const bold: number[] = [];
    const groups: number[] = [];
    if (t.rows.length === 0 && t.emptyText) {
      out.put(out.row, 0, t.emptyText);
      out.across(out.row, 0, end);
      style(`A${out.row}:${endLetter}${out.row}`, BORDERED, {
        font: { italic: true },
        horizontal: "center",
      });
      out.row++;
      style(`A${top}:${endLetter}${top}`, BORDERED, HEADER);
      done();
      return;
    }
    const tailRow = tailLines && t === beforeSignature ? t.rows[t.rows.length - 1] : undefined;
    for (const r of t.rows) {
      if (r.kind === "group") {
        // STT in its cell, the group's title across the rest of the row, bold.
        const restWidth = widthsPt.slice(1).reduce((sum, w) => sum + w, 0);
        for (const part of splitTallRow(r, [spanPoints(head), restWidth], true)) {
          out.put(out.row, head[0], part.cells[0] ?? "");
          out.across(out.row, head[0], head[1]);
          out.put(out.row, second?.[0] ?? 0, part.cells[1] ?? "");
          if (second) out.across(out.row, second[0], end);
          groups.push(out.row++);
        }
        continue;
      }
      for (const part of splitTallRow(r, widthsPt, false, r === tailRow ? tailLines : undefined)) {
        if (r.kind === "total") bold.push(out.row);
        writeRow(part.cells);
      }
    }
    // Styles by area, not by cell: a 2,000-row table stays a handful of ranges.
    style(`A${top}:${endLetter}${out.row - 1}`, BORDERED);
    spans.forEach(([a, b], i) => {
      const align = t.columns[i]?.align;
      if (align && out.row - 1 > top)
        style(`${cellAddress(top + 1, a + 1)}:${cellAddress(out.row - 1, b + 1)}`, BORDERED, {
          horizontal: align,
        });
    });
    style(`A${top}:${endLetter}${top}`, BORDERED, HEADER);
    for (const r of bold) style(`A${r}:${endLetter}${r}`, BORDERED, { font: { bold: true } });
    for (const r of groups) {
      style(`A${r}:${endLetter}${r}`, BORDERED, { font: { bold: true } });
      style(`A${r}`, BORDERED, { font: { bold: true }, horizontal: "center" });
    }
    done();
  };

  const signature = (s: PaperSignature) => {
    out.row++;
    // The signer's half starts at the middle of the page.
    const total = paper.grid.reduce((a, b) => a + b, 0);
    let split = 0;
    let acc = 0;
    for (const w of paper.grid.slice(0, width - 1)) {
      if (acc + w > total / 2) break;
      acc += w;
      split++;
    }
    split = Math.max(1, split);
    const right = [...s.signerTitles, "", "", "", s.signerName];
    const left = s.recipients.length ? ["Nơi nhận:", ...s.recipients] : [];
    const n = Math.max(left.length, right.length);
    const first = out.row;
    for (let i = 0; i < n; i++) {
      const l = left[i];
      const r = right[i];
      if (l) out.put(out.row, 0, l);
      if (r) out.put(out.row, split, r);
      out.across(out.row, 0, split - 1);
      out.across(out.row, split, width - 1);
      out.row++;
    }
    const leftEnd = columnLetter(split);
    const rightStart = columnLetter(split + 1);
    style(`A${first}:${leftEnd}${out.row - 1}`, {
      font: { size: PAPER_SIZES.recipients },
      vertical: "top",
      wrap: true,
    });
    if (left.length)
      style(`A${first}:${leftEnd}${first}`, {
        font: { bold: true, italic: true, size: PAPER_SIZES.recipientsTitle },
        vertical: "top",
      });
    style(`${rightStart}${first}:${last}${out.row - 1}`, {
      font: { bold: true, size: PAPER_SIZES.signerTitle },
      horizontal: "center",
      vertical: "top",
      wrap: true,
    });
    signatureLast = out.row - 1;
  };

  for (const b of paper.blocks) {
    if (b.kind === "text") text(b);
    else if (b.kind === "table") table(b);
    else signature(b);
  }

  const layout = printLayout(titleRow ? `${titleRow}:${titleRow}` : undefined);
  const ruleHeights = Object.fromEntries(ruleRows.map((r) => [r, RULE_ROW_HEIGHT]));
  const sheet = fitRowHeights({
    name: paper.name,
    visibility: "visible",
    columns: paper.grid.map((w) => ({ width: w })),
    blocks: [{ address: "A1", values: out.values() }],
    styles: out.styles,
    merges: out.merges,
    tables: [],
    validations: [],
    conditionalFormats: [],
    pageLayout: { ...layout, fitToWidth: true },
    ...(ruleRows.length ? { rowHeights: ruleHeights } : {}),
  });
  return lastTable && signatureLast && signatureLast > lastTable.last
    ? {
        sheet,
        keep: {
          tableHeader: lastTable.header,
          tableLast: lastTable.last,
          blockLast: signatureLast,
        },
      }
    : { sheet };
}

/** Points: the rule row is a thin strip under the "(Kèm theo …)" line. */
const RULE_ROW_HEIGHT = 6;

const HEADER: StyleSpec = { font: { bold: true }, horizontal: "center", vertical: "center" };
