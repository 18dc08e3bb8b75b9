/**
 * A small namespace-aware XML tree for the .docx reader, built from saxes events. Why not
 * @xmldom/xmldom: version 0.9 compiles a RegExp for every end tag, which made a 2,000-task plan
 * take 1.5 s and hundreds of MB of garbage; saxes is a fast, strict, streaming parser that runs
 * in Node and the browser alike. The tree implements just the XmlNode members the reader uses.
 */
import { SaxesParser } from "saxes";
import type { XmlNode } from "./xml-node";
import { INPUT_LIMITS } from "./input-limits";

/** Elements nested deeper than INPUT_LIMITS.maxNesting: parsing stops at the first one. */
export class XmlTooDeep extends Error {
  constructor() {
    super("XML nested too deep");
    this.name = "XmlTooDeep";
  }
}

const ELEMENT = 1;
const TEXT = 3;
const DOCUMENT = 9;

class Element implements XmlNode {
  readonly nodeType = ELEMENT;
  readonly nodeValue = null;
  readonly childNodes: XmlNode[] = [];
  constructor(
    readonly localName: string,
    readonly namespaceURI: string | null,
    private readonly attributes: Record<string, { uri: string; local: string; value: string }>
  ) {}

  getAttributeNS(ns: string | null, name: string): string | null {
    for (const key in this.attributes) {
      const a = this.attributes[key];
      if (a.local === name && (a.uri || null) === ns) return a.value;
    }
    return null;
  }

  getAttribute(name: string): string | null {
    return this.attributes[name]?.value ?? null;
  }
}

class Text implements XmlNode {
  readonly nodeType = TEXT;
  readonly localName = null;
  readonly namespaceURI = null;
  readonly childNodes: XmlNode[] = [];
  constructor(readonly nodeValue: string) {}
}

/** What the caller reads of the tree; everything else is parsed (and checked) but not kept. */
export interface XmlKeep {
  /** Elements (with everything inside) left out of the tree; `open` is the element's ancestors. */
  skipElement?(uri: string | null, local: string, open: readonly XmlNode[]): boolean;
  /** Text (and CDATA) kept only in elements for which this is true; all text when absent. */
  textIn?(parent: XmlNode): boolean;
}

/**
 * Parses a whole document; throws on malformed XML (the caller turns that into InputError),
 * including inside the parts `keep` leaves out of the tree.
 */
export function parseXml(
  xml: string,
  keep: XmlKeep = {},
  maxNesting = INPUT_LIMITS.maxNesting
): XmlNode {
  const doc = {
    nodeType: DOCUMENT,
    localName: null,
    namespaceURI: null,
    nodeValue: null,
    childNodes: [] as XmlNode[],
  };
  const stack: XmlNode[] = [doc];
  const parser = new SaxesParser({ xmlns: true });
  const { skipElement, textIn } = keep;
  let failure: Error | null = null;
  // Depth inside a skipped element (0: not in one).
  let skipping = 0;
  parser.on("error", (e) => {
    failure ??= e;
  });
  parser.on("opentag", (tag) => {
    // Thrown out of write(): nothing deeper is parsed, nothing later walks it.
    if (stack.length + skipping > maxNesting) throw new XmlTooDeep();
    if (skipping > 0) {
      skipping++;
      return;
    }
    const uri = tag.uri || null;
    if (skipElement?.(uri, tag.local, stack)) {
      skipping = 1;
      return;
    }
    const el = new Element(tag.local, uri, tag.attributes);
    (stack[stack.length - 1].childNodes as XmlNode[]).push(el);
    stack.push(el);
  });
  parser.on("closetag", () => {
    if (skipping > 0) skipping--;
    else stack.pop();
  });
  const text = (t: string) => {
    if (skipping > 0 || stack.length <= 1) return;
    const parent = stack[stack.length - 1];
    // Whitespace between elements matters only inside w:t, where Word keeps it as a child text.
    if (!textIn || textIn(parent)) (parent.childNodes as XmlNode[]).push(new Text(t));
  };
  parser.on("text", text);
  parser.on("cdata", text);
  parser.write(xml).close();
  if (failure) throw failure;
  return doc;
}
