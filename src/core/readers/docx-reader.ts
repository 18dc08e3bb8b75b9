/**
 * Reads a Word .docx (bytes) into its tables and body text, with jszip + saxes so
 * the same code runs in Node (CLI) and in the task pane. Unreadable inputs throw InputError
 * with a Vietnamese message naming the file.
 */
import { parseXml as parseXmlTree, XmlTooDeep, type XmlKeep } from "./parse-xml";
import { INPUT_LIMITS, OVER, tooLargeError } from "./input-limits";
import type { RawTable } from "../table/raw-table";
import type { Finding } from "../model";
import { InputError } from "../errors/input-error";
import { INPUT_ERRORS } from "../errors/finding-codes";
import { sniffContainer } from "./container-sniff";
import { isTooLarge, ZipPackage } from "./zip-package";
import { isReadParagraph, paragraphText, readParagraph } from "./docx-text";
import { readRowNode, readTableGrid } from "./docx-table";
import { paragraphFlags, type NumberingFormats } from "./docx-paragraph";
import { ListCounter, levelFormats, listDefinitions, styleNumbering } from "./docx-numbering";
import type { Paragraph } from "./paragraph";
import { W_NS, XmlNode, pushReversed, wChild, wChildren } from "./xml-node";

/** Larger documents are refused; real plans with photos stay well below this. */
export const MAX_DOCX_BYTES = 50 * 1024 * 1024;
/** Lines of body text kept before each table as its context (heading, "Kèm theo …"). */
const CONTEXT_LINES = 12;

export interface DocumentContent {
  tables: RawTable[];
  /** Paragraphs outside tables, one per line, in document order. */
  bodyText: string;
  /** The same paragraphs with their formatting, for plans that assign tasks in prose. */
  paragraphs?: Paragraph[];
  /** A PDF's pages that are pictures with no text layer (1-based): nothing on them was read. */
  scannedPages?: number[];
  /** What the reader could not place for sure (a PDF's text outside every cell, a guess). */
  findings?: Finding[];
}

export async function readDocx(bytes: Uint8Array, fileName: string): Promise<DocumentContent> {
  checkContainer(bytes, fileName);
  const { xml, numbering, styles } = await documentXml(bytes, fileName);
  const numberingTree = numbering ? parseNumbering(numbering) : null;
  const stylesTree = styles ? parseNumbering(styles) : null;
  const defs = listDefinitions(numberingTree, stylesTree);
  const formats = levelFormats(defs);
  const lists = new ListCounter(defs, styleNumbering(stylesTree));
  const doc = parseXml(xml, formats, lists, fileName);
  const paragraphs: Paragraph[] = [];
  const body = doc && findBody(doc);
  if (!body) throw corrupt(fileName);

  const tables: RawTable[] = [];
  const lines: string[] = [];
  let sinceLastTable: string[] = [];
  // Document order with an explicit stack (children last first): content controls nested
  // thousands deep never deepen the call stack.
  const stack = wChildren(body).reverse();
  for (let el = stack.pop(); el; el = stack.pop()) {
    if (el.localName === "p") {
      const text = paragraphText(el);
      lines.push(text);
      if (text.trim()) {
        const flags = isReadParagraph(el) ? el.read.flags : paragraphFlags(el, formats);
        paragraphs.push({ text, line: lines.length, ...flags });
      }
      sinceLastTable.push(text);
    } else if (el.localName === "tbl") {
      const grid = readTableGrid(el, fileName);
      tables.push({
        source: fileName,
        index: tables.length + 1,
        rows: grid.rows,
        sourceRows: grid.rows.map((_, i) => i + 1),
        merges: grid.merges,
        rowsAsWritten: true,
        context: sinceLastTable
          .filter((l) => l.trim() !== "")
          .slice(-CONTEXT_LINES)
          .join("\n"),
      });
      sinceLastTable = [];
    } else if (el.localName === "sdt") {
      const content = wChild(el, "sdtContent");
      if (content) pushReversed(stack, wChildren(content));
    } else if (el.localName === "customXml") {
      pushReversed(stack, wChildren(el));
    }
  }
  return { tables, bodyText: lines.join("\n"), paragraphs };
}

function checkContainer(bytes: Uint8Array, fileName: string): void {
  if (bytes.length > MAX_DOCX_BYTES) {
    const mb = Math.round(bytes.length / (1024 * 1024));
    throw new InputError(
      INPUT_ERRORS.TOO_LARGE,
      fileName,
      `Tệp "${fileName}" quá lớn (${mb} MB, tối đa ${MAX_DOCX_BYTES / (1024 * 1024)} MB). ` +
        "Hãy xóa bớt hình ảnh hoặc chỉ lưu phần phụ lục thành một tệp .docx riêng."
    );
  }
  switch (sniffContainer(bytes)) {
    case "zip":
      return;
    case "ole2-encrypted":
      throw new InputError(
        INPUT_ERRORS.ENCRYPTED,
        fileName,
        `Tệp "${fileName}" được bảo vệ bằng mật khẩu nên không đọc được. ` +
          "Hãy mở bằng Word, gỡ mật khẩu (Tệp > Thông tin > Bảo vệ tài liệu) rồi lưu lại."
      );
    case "ole2":
      throw new InputError(
        INPUT_ERRORS.LEGACY_DOC,
        fileName,
        `Tệp "${fileName}" là định dạng Word cũ (.doc), chưa đọc được. ` +
          "Hãy mở bằng Word và lưu lại dưới dạng .docx (Tệp > Lưu thành > Word Document)."
      );
    default:
      throw corrupt(fileName);
  }
}

async function documentXml(
  bytes: Uint8Array,
  fileName: string
): Promise<{ xml: string; numbering: string | null; styles: string | null }> {
  const zip = await ZipPackage.open(bytes, fileName);
  if (!zip) throw corrupt(fileName);
  // The main part is normally word/document.xml; Word also accepts other names via the rels.
  const main = zip.has("word/document.xml") ? "word/document.xml" : await mainPartFromRels(zip);
  if (!main) throw corrupt(fileName);
  let xml: string;
  try {
    xml = await zip.text(main);
  } catch (e) {
    throw isTooLarge(e) ? e : corrupt(fileName);
  }
  // Numbering formats tell a numbered heading from a bullet, and give the numbers of lists;
  // styles may number their paragraphs ("List Number"). A plan without them still reads.
  const numbering = await optionalPart(zip, "word/numbering.xml");
  const styles = numbering === null ? null : await optionalPart(zip, "word/styles.xml");
  return { xml, numbering, styles };
}

async function optionalPart(zip: ZipPackage, name: string): Promise<string | null> {
  if (!zip.has(name)) return null;
  return zip.text(name).catch((e: unknown) => {
    if (isTooLarge(e)) throw e;
    return null;
  });
}

async function mainPartFromRels(zip: ZipPackage): Promise<string | null> {
  if (!zip.has("_rels/.rels")) return null;
  const text = await zip.text("_rels/.rels").catch((e: unknown) => {
    if (isTooLarge(e)) throw e;
    return "";
  });
  const m =
    /Type="[^"]*\/officeDocument"[^<>]*Target="\/?([^"]+)"|Target="\/?([^"]+)"[^<>]*Type="[^"]*\/officeDocument"/.exec(
      text
    );
  const target = m && (m[1] ?? m[2]);
  return target && /\.xml$/i.test(target) && zip.has(target) ? target : null;
}

/**
 * What the reader never looks at stays out of the tree: most run and paragraph properties (the
 * bulk of a Word document's markup; style, numbering and bold stay), table properties and grid,
 * section properties; and text outside w:t (whitespace between elements).
 */
const SKIPPED = new Set([
  "tblPr",
  "sectPr",
  // Inside pPr/rPr only the style, numbering and bold are read (prose plans): the rest is skipped.
  "rFonts",
  "sz",
  "szCs",
  "lang",
  "color",
  "kern",
  "spacing",
  "ind",
  "jc",
  "tabs",
  "shd",
  "vertAlign",
  "noProof",
  "i",
  "iCs",
  "u",
  "bCs",
  "highlight",
  "snapToGrid",
  "widowControl",
  "autoSpaceDE",
  "autoSpaceDN",
  "adjustRightInd",
  "keepNext",
  "keepLines",
  "outlineLvl",
  "contextualSpacing",
  "rStyle",
  "position",
  "w",
  "proofErr",
  "bookmarkStart",
  "bookmarkEnd",
  "lastRenderedPageBreak",
]);
/**
 * Formatting is read for body paragraphs; inside table cells only the list numbering, direct or
 * by style (the STT column's "1.", "II." are often nothing else).
 */
function skippedInCell(local: string, open: readonly XmlNode[]): boolean {
  if (local !== "rPr" && open[open.length - 1]?.localName !== "pPr") return false;
  return local !== "numPr" && local !== "pStyle" && inCell(open);
}
function docxKeep(formats: NumberingFormats, lists: ListCounter): XmlKeep {
  return {
    skipElement: (uri, local, open) =>
      uri === W_NS && (SKIPPED.has(local) || skippedInCell(local, open)),
    textIn: (parent) => parent.localName === "t" && parent.namespaceURI === W_NS,
    // Paragraphs and table rows are read as they close, their subtrees dropped: only what the
    // walk below reads stays. Not inside a paragraph, whose text reads everything within it
    // (a table in a text box); flags only outside tables, where the walk asks for them.
    collapse: (el, open) => {
      if (el.namespaceURI !== W_NS || (el.localName !== "p" && el.localName !== "tr")) return;
      let inTable = false;
      for (const a of open) {
        if (a.namespaceURI !== W_NS) continue;
        if (a.localName === "p") return;
        if (a.localName === "tc") inTable = true;
      }
      if (el.localName === "tr") return readRowNode(el);
      // Every numbered paragraph counts, in document order; a cell shows its number as text.
      const label = lists.ofParagraph(el);
      if (inTable) return readParagraph(el, undefined, label);
      return readParagraph(el, (p) => paragraphFlags(p, formats));
    },
  };
}

/** A w:tc among the nearest ancestors (p, r, hyperlink or sdt wrappers lie in between). */
function inCell(open: readonly XmlNode[]): boolean {
  for (let i = open.length - 1; i >= 0 && i >= open.length - 6; i--) {
    if (open[i]?.localName === "tc") return true;
  }
  return false;
}

function parseXml(
  xml: string,
  formats: NumberingFormats,
  lists: ListCounter,
  fileName: string
): XmlNode | null {
  try {
    return parseXmlTree(xml, docxKeep(formats, lists));
  } catch (e) {
    if (e instanceof XmlTooDeep) throw tooLargeError(fileName, OVER.nesting(INPUT_LIMITS));
    throw corrupt(fileName);
  }
}

/** numbering.xml or styles.xml: a broken one only loses list formats, never the document. */
function parseNumbering(xml: string): XmlNode | null {
  try {
    return parseXmlTree(xml, { textIn: () => false });
  } catch {
    return null;
  }
}

function findBody(doc: XmlNode): XmlNode | undefined {
  const root = doc.childNodes.find((k) => k.localName === "document");
  return root && wChild(root, "body");
}

function corrupt(fileName: string): InputError {
  return new InputError(
    INPUT_ERRORS.FILE_CORRUPT,
    fileName,
    `Tệp "${fileName}" bị hỏng hoặc không phải tệp Word (.docx). ` +
      "Hãy mở tệp bằng Word để kiểm tra và lưu lại dưới dạng .docx."
  );
}
