/**
 * Paper → Word (.docx) through the `docx` package: the only place it is used. A4 landscape
 * section with the decree's margins, Times New Roman, tables on the paper's grid with the
 * header row repeated on every page, rows kept on one page when they fit one, page numbers
 * (a PAGE field) centred at the top from page 2, "Nơi nhận" and the signature side by side.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IBorderOptions,
  type ISectionOptions,
} from "docx";
import { columnPoints, wrapLines } from "../core/workbook/row-heights";
import { printLayout } from "../core/workbook/styles";
import { FONT } from "../core/workbook/styles";
import {
  PAPER_SIZES,
  RULE_CHARS,
  type Paper,
  type PaperAlign,
  type PaperSignature,
  type PaperTable,
  type PaperText,
} from "../core/papers/paper";
import { columnSpans, MAX_ROW_LINES } from "../core/papers/paper-sheet";

const TWIPS_PER_MM = 1440 / 25.4;
const A4_TWIPS = {
  width: Math.round(210 * TWIPS_PER_MM),
  height: Math.round(297 * TWIPS_PER_MM),
};
export const twips = (mm: number) => Math.round(mm * TWIPS_PER_MM);
const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
} as const;
const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const TABLE_BORDERS = {
  top: LINE,
  bottom: LINE,
  left: LINE,
  right: LINE,
  insideHorizontal: LINE,
  insideVertical: LINE,
};

interface RunStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
}

/** One paragraph per line of the text ("\n" starts a new one). */
function paragraphs(text: string, style: RunStyle, align: PaperAlign = "left", keepNext = false) {
  return text.split(/\r?\n/).map(
    (line) =>
      // Only what differs from the document's defaults: a 2,000-row table is 10,000 cells, and
      // every option is objects to build and XML to write.
      new Paragraph({
        ...(align !== "left" ? { alignment: ALIGN[align] } : {}),
        ...(keepNext ? { keepNext } : {}),
        children: [
          new TextRun({
            text: line,
            ...(style.bold ? { bold: true } : {}),
            ...(style.italic ? { italics: true } : {}),
            ...(style.size && style.size !== PAPER_SIZES.body ? { size: style.size * 2 } : {}),
          }),
        ],
      })
  );
}

function textBlock(b: PaperText): Paragraph[] {
  const blank = Array.from({ length: b.spaceBefore ?? 0 }, () => new Paragraph({}));
  return [
    ...blank,
    ...paragraphs(b.text, b, b.align ?? "left", true),
    ...(b.ruleBelow ? [ruleParagraph()] : []),
  ];
}

/** The decree's short rule: an empty paragraph's bottom border, indented to RULE_CHARS wide. */
function ruleParagraph(): Paragraph {
  const m = printLayout().margins;
  const textWidth = twips(297 - m.left - m.right); // A4 landscape
  const side = Math.round((textWidth - columnPoints(RULE_CHARS) * 20) / 2); // 20 twips a point
  return new Paragraph({
    keepNext: true,
    indent: { left: side, right: side },
    spacing: { after: 120 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    children: [new TextRun({ text: "", size: 4 })],
  });
}

/** `keepWithNext`: the last row stays on the page of what follows (the signature never stands alone). */
function tableBlock(
  t: PaperTable,
  paperGrid: number[],
  keepWithNext = false
): (Paragraph | Table)[] {
  // Each column with the paper's columns it covers (columnSpans: one span per column, in order).
  const spans = columnSpans(t, paperGrid);
  const columns = t.columns.map((c, i) => {
    const span = spans[i];
    if (!span) throw new Error("columnSpans gave no span for a column");
    const [first, last] = span;
    const widthPt = columnPoints(paperGrid.slice(first, last + 1).reduce((s, w) => s + w, 0));
    return { header: c.header, align: c.align, cells: last - first + 1, last, widthPt };
  });
  const firstColumn = columns[0];
  const lastColumn = columns[columns.length - 1];
  if (!firstColumn || !lastColumn) throw new Error("a paper table without columns");
  // The table's own grid: the paper's columns it covers (a narrow summary stops early).
  const grid = paperGrid.slice(0, lastColumn.last + 1);
  const cell = (text: string, span: number, style: RunStyle, align?: PaperAlign, keep = false) =>
    new TableCell({
      ...(span > 1 ? { columnSpan: span } : {}),
      children: paragraphs(text, style, align, keep),
    });
  const fits = (cells: string[], bold = false) =>
    cells.every(
      (c, i) =>
        !c ||
        // Cells past the last column are as wide as it.
        wrapLines(c, (columns[i] ?? lastColumn).widthPt, { size: PAPER_SIZES.body, bold }).length <=
          MAX_ROW_LINES
    );
  const header = new TableRow({
    tableHeader: t.repeatHeader ?? false,
    cantSplit: true,
    children: columns.map((c) => cell(c.header, c.cells, { bold: true }, "center")),
  });
  const rows: TableRow[] = [header];
  if (t.rows.length === 0 && t.emptyText) {
    rows.push(
      new TableRow({
        children: [cell(t.emptyText, lastColumn.last + 1, { italic: true }, "center")],
      })
    );
  }
  t.rows.forEach((r, index) => {
    const keep = keepWithNext && index === t.rows.length - 1;
    if (r.kind === "group") {
      const first = firstColumn.cells;
      rows.push(
        new TableRow({
          cantSplit: fits(r.cells, true),
          children: [
            cell(r.cells[0] ?? "", first, { bold: true }, "center", keep),
            cell(r.cells[1] ?? "", grid.length - first, { bold: true }, "left", keep),
          ],
        })
      );
      return;
    }
    const bold = r.kind === "total";
    rows.push(
      new TableRow({
        // A row that fits on a page is never split; a taller one must be (Word would clip it).
        cantSplit: fits(r.cells, bold),
        children: columns.map((c, i) => cell(r.cells[i] ?? "", c.cells, { bold }, c.align, keep)),
      })
    );
  });
  return [
    new Paragraph({ keepNext: true }),
    new Table({
      layout: TableLayoutType.FIXED,
      // Borders and cell padding set once for the table, not on each of its cells.
      borders: TABLE_BORDERS,
      margins: { left: 60, right: 60 },
      columnWidths: grid.map((w) => Math.round(columnPoints(w) * 20)),
      width: {
        size: Math.round(columnPoints(grid.reduce((a, b) => a + b, 0)) * 20),
        type: WidthType.DXA,
      },
      rows,
    }),
  ];
}

function signatureBlock(s: PaperSignature, grid: number[]): (Paragraph | Table)[] {
  const total = grid.reduce((a, b) => a + b, 0);
  const half = Math.round(columnPoints(total / 2) * 20);
  const left = s.recipients.length
    ? [
        ...paragraphs("Nơi nhận:", { bold: true, italic: true, size: PAPER_SIZES.recipientsTitle }),
        ...s.recipients.flatMap((r) => paragraphs(r, { size: PAPER_SIZES.recipients })),
      ]
    : [new Paragraph({})];
  const right = [
    ...s.signerTitles.flatMap((t) =>
      paragraphs(t, { bold: true, size: PAPER_SIZES.signerTitle }, "center")
    ),
    ...Array.from({ length: 4 }, () => new Paragraph({})),
    ...paragraphs(s.signerName, { bold: true, size: PAPER_SIZES.signerTitle }, "center"),
  ];
  return [
    new Paragraph({ keepNext: true }),
    new Table({
      layout: TableLayoutType.FIXED,
      borders: TableBorders.NONE,
      columnWidths: [half, half],
      width: { size: half * 2, type: WidthType.DXA },
      rows: [
        new TableRow({
          cantSplit: true,
          children: [new TableCell({ children: left }), new TableCell({ children: right })],
        }),
      ],
    }),
  ];
}

/** The paper's blocks as Word paragraphs and tables, in order. */
export function paperChildren(paper: Paper): (Paragraph | Table)[] {
  const children: (Paragraph | Table)[] = [];
  paper.blocks.forEach((b, i) => {
    const next = paper.blocks[i + 1];
    if (b.kind === "text") children.push(...textBlock(b));
    else if (b.kind === "table")
      children.push(...tableBlock(b, paper.grid, next?.kind === "signature"));
    else children.push(...signatureBlock(b, paper.grid));
  });
  return children;
}

/** The page number centred at the top, none on a section's first page. */
function pageNumberHeaders(size = 26) {
  return {
    default: new Header({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ children: [PageNumber.CURRENT], size })],
        }),
      ],
    }),
    first: new Header({ children: [new Paragraph({})] }),
  };
}

/** Page margins in millimetres, as the decree gives them. */
export interface SectionMargins {
  top: number;
  bottom: number;
  left: number;
  right: number;
  header: number;
  footer: number;
}

/** An A4 section in `orientation`, numbered from 1 (shown from its page 2). */
export function a4Section(
  orientation: (typeof PageOrientation)[keyof typeof PageOrientation],
  m: SectionMargins,
  children: (Paragraph | Table)[]
): ISectionOptions {
  return {
    properties: {
      titlePage: true, // no number on the first page
      page: {
        size: { ...A4_TWIPS, orientation },
        margin: {
          top: twips(m.top),
          bottom: twips(m.bottom),
          left: twips(m.left),
          right: twips(m.right),
          header: twips(m.header),
          footer: twips(m.footer),
        },
        pageNumbers: { start: 1 },
      },
    },
    headers: pageNumberHeaders(),
    children,
  };
}

/** An A4 landscape section with the decree's margins for tables. */
export function landscapeSection(children: (Paragraph | Table)[]): ISectionOptions {
  const m = printLayout().margins;
  return a4Section(
    PageOrientation.LANDSCAPE,
    { ...m, header: m.header ?? 12, footer: m.footer ?? 8 },
    children
  );
}

function paperDocument(paper: Paper): Document {
  return new Document({
    creator: "Phụ Lục",
    title: paper.title,
    styles: {
      default: {
        document: { run: { font: FONT.name, size: PAPER_SIZES.body * 2 } },
      },
    },
    sections: [landscapeSection(paperChildren(paper))],
  });
}

/** The paper as .docx bytes (Node and browser alike). */
export async function writePaperDocx(paper: Paper): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(paperDocument(paper)));
}
