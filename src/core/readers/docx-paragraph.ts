/**
 * What a w:p's formatting says to the prose reader: a list item (Word numbering or a List
 * style: the "1." or "-" is formatting, not text), or a paragraph all in bold (a heading).
 * List formats come from word/numbering.xml (docx-numbering.ts levelFormats: numId → level's
 * numFmt, list styles resolved).
 */
import type { Paragraph } from "./paragraph";
import type { XmlNode } from "./xml-node";
import { wChild, wChildren, wVal } from "./xml-node";

/** numId → format of each level ("bullet", "decimal", "lowerLetter"…). */
export type NumberingFormats = Map<string, string[]>;

/** Formatting flags of one paragraph (text and line are the caller's). */
export function paragraphFlags(
  p: XmlNode,
  formats: NumberingFormats
): Pick<Paragraph, "list" | "bold"> {
  const pPr = wChild(p, "pPr");
  const style = (wVal(pPr && wChild(pPr, "pStyle")) ?? "").toLowerCase();
  const numPr = pPr && wChild(pPr, "numPr");
  let list: Paragraph["list"];
  if (numPr) {
    const numId = wVal(wChild(numPr, "numId"));
    const level = Number(wVal(wChild(numPr, "ilvl")) ?? "0");
    // numId 0 means "numbering removed" in Word.
    if (numId && numId !== "0") {
      const fmt = formats.get(numId)?.[level];
      list = fmt === undefined ? "unknown" : fmt === "bullet" ? "bullet" : "number";
    }
  } else if (/bullet/.test(style)) list = "bullet";
  else if (/number/.test(style)) list = "number";
  else if (/list/.test(style)) list = "unknown";
  const heading = /^(heading|title)/.test(style);
  return { ...(list ? { list } : {}), ...(heading || allBold(p) ? { bold: true } : {}) };
}

/** True when the paragraph has text and every run holding text is bold. */
function allBold(p: XmlNode): boolean {
  let runs = 0;
  const visit = (node: XmlNode): boolean => {
    for (const r of wChildren(node)) {
      if (r.localName === "r") {
        const text = wChildren(r, "t").some((t) => textOf(t).trim() !== "");
        if (!text) continue;
        runs++;
        const rPr = wChild(r, "rPr");
        const b = rPr && wChild(rPr, "b");
        if (!b || /^(0|false|off)$/.test(wVal(b) ?? "")) return false;
      } else if (
        r.localName === "hyperlink" ||
        r.localName === "ins" ||
        r.localName === "smartTag"
      ) {
        if (!visit(r)) return false;
      }
    }
    return true;
  };
  return visit(p) && runs > 0;
}

function textOf(node: XmlNode): string {
  let s = "";
  for (const k of node.childNodes) s += k.nodeValue ?? "";
  return s;
}
