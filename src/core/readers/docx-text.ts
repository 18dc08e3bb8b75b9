/** Text of WordprocessingML paragraphs: runs, tabs and breaks, as a reader would see them. */
import type { Paragraph } from "./paragraph";
import { W_NS, XmlNode, isElement, pushReversed, wChildren } from "./xml-node";

const MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/**
 * A w:p read as it closed (docx-reader's collapse): its text, and its formatting flags when it
 * lies outside tables (the prose reader's body paragraphs).
 */
export interface ReadParagraph extends XmlNode {
  readonly read: { readonly text: string; readonly flags?: Pick<Paragraph, "list" | "bold"> };
}

/**
 * `flagsOf` is asked only of a paragraph with text, as the prose reader keeps only those;
 * `label` is its list number as Word shows it ("1.", "a)"), written before the text.
 */
export function readParagraph(
  p: XmlNode,
  flagsOf?: (p: XmlNode) => Pick<Paragraph, "list" | "bold">,
  label?: string | null
): ReadParagraph {
  const own = paragraphText(p);
  const text = label ? (own.trim() ? `${label} ${own}` : label) : own;
  const read = flagsOf && text.trim() ? { text, flags: flagsOf(p) } : { text };
  return {
    nodeType: p.nodeType,
    localName: "p",
    namespaceURI: W_NS,
    nodeValue: null,
    childNodes: [],
    read,
  };
}

export function isReadParagraph(p: XmlNode): p is ReadParagraph {
  return "read" in p;
}

/** Text of one w:p: w:t as is, w:tab -> "\t", w:br/w:cr -> "\n"; deleted text and field codes skipped. */
export function paragraphText(p: XmlNode): string {
  if (isReadParagraph(p)) return p.read.text;
  const parts: string[] = [];
  collect(p, parts);
  return parts.join("").normalize("NFC");
}

/** Depth-first with an explicit stack: a document's nesting never deepens the call stack. */
function collect(node: XmlNode, out: string[]): void {
  const stack: XmlNode[] = [];
  pushReversed(stack, node.childNodes);
  for (let k = stack.pop(); k; k = stack.pop()) {
    if (!isElement(k)) continue;
    // Alternate content repeats the same text in Choice and Fallback: read Choice only.
    if (k.namespaceURI === MC_NS && k.localName === "Fallback") continue;
    if (k.namespaceURI !== W_NS) {
      pushReversed(stack, k.childNodes);
      continue;
    }
    switch (k.localName) {
      case "t":
        out.push(textOf(k));
        break;
      case "tab":
        out.push("\t");
        break;
      case "br":
      case "cr":
        out.push("\n");
        break;
      case "noBreakHyphen":
        out.push("-");
        break;
      case "delText": // tracked deletion: not in the document as read
      case "instrText": // field code, its result follows as ordinary runs
      case "rPr":
      case "pPr":
        break;
      case "txbxContent": {
        // A text box anchored in the paragraph: its paragraphs, one per line.
        const lines = wChildren(k, "p").map(paragraphText);
        if (lines.length) out.push("\n" + lines.join("\n"));
        break;
      }
      default:
        pushReversed(stack, k.childNodes);
    }
  }
}

function textOf(node: XmlNode): string {
  let s = "";
  for (const k of node.childNodes) s += k.nodeValue ?? "";
  return s;
}
