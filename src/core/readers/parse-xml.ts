/**
 * A small namespace-aware XML tree for the .docx reader, built from saxes events. Why not
 * @xmldom/xmldom: version 0.9 compiles a RegExp for every end tag, which made a 2,000-task plan
 * take 1.5 s and hundreds of MB of garbage; saxes is a fast, strict, streaming parser that runs
 * in Node and the browser alike. The tree implements just the XmlNode members the reader uses.
 */
import { SaxesParser } from "saxes";
import type { XmlNode } from "./xml-node";

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

/** Parses a whole document; throws on malformed XML (the caller turns that into InputError). */
export function parseXml(xml: string): XmlNode {
  const doc = {
    nodeType: DOCUMENT,
    localName: null,
    namespaceURI: null,
    nodeValue: null,
    childNodes: [] as XmlNode[],
  };
  const stack: { childNodes: XmlNode[] }[] = [doc];
  const parser = new SaxesParser({ xmlns: true });
  let failure: Error | null = null;
  parser.on("error", (e) => {
    failure ??= e;
  });
  parser.on("opentag", (tag) => {
    const el = new Element(tag.local, tag.uri || null, tag.attributes);
    stack[stack.length - 1].childNodes.push(el);
    stack.push(el);
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  const text = (t: string) => {
    // Whitespace between elements matters only inside w:t, where Word keeps it as a child text.
    if (stack.length > 1) stack[stack.length - 1].childNodes.push(new Text(t));
  };
  parser.on("text", text);
  parser.on("cdata", text);
  parser.write(xml).close();
  if (failure) throw failure;
  return doc;
}
