/**
 * Letter (a văn bản: Báo cáo, công văn) → Word through the `docx` package. A4 portrait with the
 * decree's margins (top/bottom 20 mm, left 30, right 15), Times New Roman: the first page's
 * two-column head (issuer, rule, number | national header, rule, place and date) as a borderless
 * table, the type name and trích yếu with a rule, the body justified with a first-line indent,
 * then "Nơi nhận" and the signature side by side, kept with the body's last lines (keepNext on
 * them, the signature's row never split). Appendices follow, each a landscape section numbered
 * on its own (write-paper.ts).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from "docx";
import { FONT } from "../core/workbook/styles";
import { LETTER_SIZES, type Letter, type LetterHead, type LetterPara } from "../core/papers/letter";
import { PAPER_SIZES, type PaperSignature } from "../core/papers/paper";
import { a4Section, landscapeSection, paperChildren, twips } from "./write-paper";

const MARGINS = { top: 20, bottom: 20, left: 30, right: 15 } as const;
const TEXT_WIDTH = twips(210 - MARGINS.left - MARGINS.right);
const HEAD_LEFT = Math.round(TEXT_WIDTH * 0.4);
const FIRST_LINE = twips(12.7);
/** Lines of the body kept on the signature's page. */
const KEPT_LINES = 2;

interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  size: number;
}

const run = (r: Run) =>
  new TextRun({
    text: r.text,
    size: r.size * 2,
    ...(r.bold ? { bold: true } : {}),
    ...(r.italic ? { italics: true } : {}),
  });

function centred(text: string, style: Omit<Run, "text">, spacingBefore = 0): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    ...(spacingBefore ? { spacing: { before: spacingBefore } } : {}),
    children: [run({ text, ...style })],
  });
}

/** The decree's short rule: an empty paragraph's bottom border, `width` twips, centred in `inside`. */
function rule(width: number, inside: number): Paragraph {
  const side = Math.max(0, Math.round((inside - width) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { after: 80 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    children: [new TextRun({ text: "", size: 4 })],
  });
}

function headTable(h: LetterHead): Table {
  const right = TEXT_WIDTH - HEAD_LEFT;
  const left: Paragraph[] = [
    ...(h.parent ? [centred(h.parent, { size: LETTER_SIZES.head })] : []),
    ...h.issuer.map((l) => centred(l, { size: LETTER_SIZES.head, bold: true })),
    rule(Math.round(HEAD_LEFT * 0.4), HEAD_LEFT),
    centred(h.number, { size: LETTER_SIZES.head }),
    ...(h.about ? [centred(h.about, { size: LETTER_SIZES.about }, 80)] : []),
  ];
  const national: Paragraph[] = [
    centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { size: LETTER_SIZES.nationalTop, bold: true }),
    centred("Độc lập - Tự do - Hạnh phúc", { size: LETTER_SIZES.head, bold: true }),
    rule(Math.round(right * 0.62), right),
    centred(h.placeDate, { size: LETTER_SIZES.head, italic: true }, 120),
  ];
  return new Table({
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    columnWidths: [HEAD_LEFT, right],
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    rows: [
      new TableRow({
        cantSplit: true,
        children: [new TableCell({ children: left }), new TableCell({ children: national })],
      }),
    ],
  });
}

/** Paragraph styles of the body, defined once (a report has thousands of paragraphs). */
const BODY_STYLE = "PLBody";
const HEADING_STYLE = "PLHeading";
const bodyStyles = [
  {
    id: BODY_STYLE,
    name: "Phụ Lục – thân văn bản",
    run: { size: LETTER_SIZES.body * 2 },
    paragraph: {
      alignment: AlignmentType.JUSTIFIED,
      indent: { firstLine: FIRST_LINE },
      spacing: { before: 60, line: 276 },
    },
  },
  {
    id: HEADING_STYLE,
    name: "Phụ Lục – đề mục",
    basedOn: BODY_STYLE,
    run: { size: LETTER_SIZES.body * 2, bold: true },
    paragraph: { spacing: { before: 120, line: 276 }, keepNext: true },
  },
];

/** A body paragraph; `keep` holds it on the page of what follows. */
function bodyParagraphs(p: LetterPara, keep: boolean): Paragraph[] {
  const lines = p.text.split(/\r?\n/);
  const heading = p.kind === "part" || p.kind === "subhead";
  return lines.map(
    (line, i) =>
      new Paragraph({
        style: heading ? HEADING_STYLE : BODY_STYLE,
        ...(keep ? { keepNext: true, keepLines: true } : {}),
        children: [
          ...(i === 0 && p.attribution
            ? [new TextRun({ text: p.attribution, italics: true })]
            : []),
          new TextRun(line),
        ],
      })
  );
}

function signatureTable(s: PaperSignature): Table {
  const left = Math.round(TEXT_WIDTH * 0.45);
  const leftCell = s.recipients.length
    ? [
        new Paragraph({
          children: [
            run({ text: "Nơi nhận:", bold: true, italic: true, size: PAPER_SIZES.recipientsTitle }),
          ],
        }),
        ...s.recipients.map(
          (r) => new Paragraph({ children: [run({ text: r, size: PAPER_SIZES.recipients })] })
        ),
      ]
    : [new Paragraph({})];
  const rightCell = [
    ...s.signerTitles.map((t) => centred(t, { size: PAPER_SIZES.signerTitle, bold: true })),
    // The blank space for the signature and seal.
    ...Array.from({ length: 4 }, () => new Paragraph({})),
    centred(s.signerName, { size: LETTER_SIZES.body, bold: true }),
  ];
  return new Table({
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    columnWidths: [left, TEXT_WIDTH - left],
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    rows: [
      new TableRow({
        cantSplit: true,
        children: [new TableCell({ children: leftCell }), new TableCell({ children: rightCell })],
      }),
    ],
  });
}

function letterChildren(l: Letter): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [headTable(l.head)];
  if (l.typeName) out.push(centred(l.typeName, { size: LETTER_SIZES.body, bold: true }, 360));
  if (l.subject) {
    out.push(centred(l.subject, { size: LETTER_SIZES.body, bold: true }, l.typeName ? 0 : 240));
    out.push(rule(twips(40), TEXT_WIDTH));
  }
  if (l.addressees?.length === 1)
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 240, after: 120 },
        children: [run({ text: `Kính gửi: ${l.addressees[0]}.`, size: LETTER_SIZES.body })],
      })
    );
  else if (l.addressees?.length) {
    // "Kính gửi:" then one recipient a line, "- …;" and the last "- ….".
    const last = l.addressees.length - 1;
    out.push(
      new Paragraph({
        indent: { left: twips(25) },
        spacing: { before: 240 },
        keepNext: true,
        children: [run({ text: "Kính gửi:", size: LETTER_SIZES.body })],
      }),
      ...l.addressees.map(
        (a, i) =>
          new Paragraph({
            indent: { left: twips(47) },
            ...(i === last ? { spacing: { after: 120 } } : {}),
            children: [run({ text: `- ${a}${i === last ? "." : ";"}`, size: LETTER_SIZES.body })],
          })
      )
    );
  }
  const body = l.body.flatMap((p, i) => bodyParagraphs(p, i >= l.body.length - KEPT_LINES));
  out.push(...body);
  // An empty paragraph kept with the signature: the body's last lines go with it to a new page.
  out.push(new Paragraph({ keepNext: true, keepLines: true }), signatureTable(l.signature));
  return out;
}

function portraitSection(children: (Paragraph | Table)[]): ISectionOptions {
  return a4Section(PageOrientation.PORTRAIT, { ...MARGINS, header: 10, footer: 8 }, children);
}

function letterDocument(l: Letter): Document {
  return new Document({
    creator: "Phụ Lục",
    title: l.title,
    styles: {
      // The appendices' tables rely on the 12 pt default; the letter's runs set their sizes.
      default: { document: { run: { font: FONT.name, size: PAPER_SIZES.body * 2 } } },
      paragraphStyles: bodyStyles,
    },
    sections: [
      portraitSection(letterChildren(l)),
      ...l.appendices.map((p) => landscapeSection(paperChildren(p))),
    ],
  });
}

/** The letter as .docx bytes (Node and browser alike). */
export async function writeLetterDocx(l: Letter): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(letterDocument(l)));
}
