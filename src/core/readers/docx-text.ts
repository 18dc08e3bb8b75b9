/** Text of WordprocessingML paragraphs: runs, tabs and breaks, as a reader would see them. */
import { W_NS, XmlNode, isElement, wChildren } from "./xml-node";

const MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/** Text of one w:p: w:t as is, w:tab -> "\t", w:br/w:cr -> "\n"; deleted text and field codes skipped. */
export function paragraphText(p: XmlNode): string {
  const parts: string[] = [];
  collect(p, parts);
  return parts.join("").normalize("NFC");
}

/** Children of `node`, last first: popped from a stack they come out in document order. */
function pushChildren(stack: XmlNode[], node: XmlNode): void {
  const kids = node.childNodes;
  for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
}

/** Depth-first with an explicit stack: a document's nesting never deepens the call stack. */
function collect(node: XmlNode, out: string[]): void {
  const stack: XmlNode[] = [];
  pushChildren(stack, node);
  for (let k = stack.pop(); k; k = stack.pop()) {
    if (!isElement(k)) continue;
    // Alternate content repeats the same text in Choice and Fallback: read Choice only.
    if (k.namespaceURI === MC_NS && k.localName === "Fallback") continue;
    if (k.namespaceURI !== W_NS) {
      pushChildren(stack, k);
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
        pushChildren(stack, k);
    }
  }
}

function textOf(node: XmlNode): string {
  let s = "";
  const kids = node.childNodes;
  for (let i = 0; i < kids.length; i++) s += kids[i].nodeValue ?? "";
  return s;
}
