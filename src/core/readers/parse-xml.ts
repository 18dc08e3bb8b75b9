/**
 * A small namespace-aware XML tree for the .docx reader, built from saxes events. Why not
 * @xmldom/xmldom: version 0.9 compiles a RegExp for every end tag, which made a 2,000-task plan
 * take 1.5 s and hundreds of MB of garbage; saxes is a fast, strict, streaming parser that runs
 * in Node and the browser alike. The tree implements just the XmlNode members the reader uses.
 */
import { SaxesParser } from "saxes";
import type { XmlNode } from "./xml-node";
import { INPUT_LIMITS } from "./input-limits";
import { present } from "./present";

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

const XML_NS = "http://www.w3.org/XML/1998/namespace";
const XMLNS_NS = "http://www.w3.org/2000/xmlns/";

/** Prefix → namespace URI in scope ("" is the default namespace); shared until one changes. */
type Scope = Record<string, string>;
const ROOT_SCOPE: Scope = { xml: XML_NS, xmlns: XMLNS_NS };

/** The namespace URI of an attribute's qualified name (an unprefixed attribute has none). */
function attributeUri(qname: string, scope: Scope): string | undefined | null {
  const colon = qname.indexOf(":");
  if (colon < 0) return qname === "xmlns" ? XMLNS_NS : null;
  return scope[qname.slice(0, colon)];
}

/**
 * Prefixed attributes: each prefix bound, and no two naming the same attribute through two
 * prefixes of one namespace (as saxes' xmlns mode checks them).
 */
function checkPrefixed(
  attributes: Record<string, string>,
  scope: Scope,
  fail: (message: string) => void
): void {
  let first: string | undefined;
  let mixed = false;
  for (const key in attributes) {
    const colon = key.indexOf(":");
    if (colon < 0) continue;
    const prefix = key.slice(0, colon);
    if (scope[prefix] === undefined) fail(`unbound namespace prefix: ${key}`);
    if (first === undefined) first = prefix;
    else if (prefix !== first) mixed = true;
  }
  if (!mixed) return;
  const seen = new Set<string>();
  for (const key in attributes) {
    const colon = key.indexOf(":");
    const name = colon < 0 ? `|${key}` : `${scope[key.slice(0, colon)]}|${key.slice(colon + 1)}`;
    if (seen.has(name)) fail(`duplicate attribute: ${key}`);
    seen.add(name);
  }
}

class Element implements XmlNode {
  readonly nodeType = ELEMENT;
  readonly nodeValue = null;
  readonly childNodes: XmlNode[] = [];
  constructor(
    readonly localName: string,
    readonly namespaceURI: string | null,
    private readonly attributes: Record<string, string>,
    private readonly scope: Scope
  ) {}

  getAttributeNS(ns: string | null, name: string): string | null {
    for (const key in this.attributes) {
      const colon = key.indexOf(":");
      if ((colon < 0 ? key : key.slice(colon + 1)) !== name) continue;
      if ((attributeUri(key, this.scope) || null) === ns) return this.attributes[key] ?? null;
    }
    return null;
  }

  getAttribute(name: string): string | null {
    return this.attributes[name] ?? null;
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
  /**
   * Called as each kept element closes, with its ancestors: a node returned takes its place in
   * the tree (what the caller reads of it), so the subtree dies young instead of living as long
   * as the whole document's tree — most of a big document's parse time was the garbage
   * collector copying that tree.
   */
  collapse?(el: XmlNode, open: readonly XmlNode[]): XmlNode | undefined;
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
  // Namespaces are resolved here, not by saxes (its xmlns mode builds an object per attribute
  // and costs a third more on a 10,000-row table): the same checks, done once per element.
  // No line/column tracking: no message reports it, and it cost a fifth of the parse.
  const parser = new SaxesParser({ position: false });
  const scopes: Scope[] = [ROOT_SCOPE];
  const { skipElement, textIn, collapse } = keep;
  let failure: Error | null = null;
  const fail = (message: string) => {
    failure ??= new Error(message);
  };
  // Depth inside a skipped element (0: not in one).
  let skipping = 0;
  parser.on("error", (e) => {
    failure ??= e;
  });
  parser.on("opentag", (tag) => {
    // Thrown out of write(): nothing deeper is parsed, nothing later walks it.
    if (stack.length + skipping > maxNesting) throw new XmlTooDeep();
    const attributes = tag.attributes as Record<string, string>;
    // Outside every element the root scope applies.
    const inherited = scopes[scopes.length - 1] ?? ROOT_SCOPE;
    let scope = inherited;
    let prefixed = false;
    for (const key in attributes) {
      const colon = key.indexOf(":");
      if (colon < 0) {
        if (key === "xmlns") {
          if (scope === inherited) scope = { ...scope };
          scope[""] = present(attributes[key], "attribute value");
        }
        continue;
      }
      prefixed = true;
      if (colon !== 5 || !key.startsWith("xmlns")) continue;
      const prefix = key.slice(6);
      const uri = present(attributes[key], "attribute value");
      if (
        prefix === "xmlns" ||
        (prefix === "xml") !== (uri === XML_NS) ||
        uri === XMLNS_NS ||
        uri === ""
      )
        fail(`namespace declaration not allowed: ${key}="${uri}"`);
      if (scope === inherited) scope = { ...scope };
      scope[prefix] = uri;
    }
    scopes.push(scope);
    if (prefixed) checkPrefixed(attributes, scope, fail);
    const name = tag.name;
    const colon = name.indexOf(":");
    const local = colon < 0 ? name : name.slice(colon + 1);
    const bound = colon < 0 ? scope[""] : scope[name.slice(0, colon)];
    if (colon >= 0 && bound === undefined) fail(`unbound namespace prefix: ${name}`);
    if (skipping > 0) {
      skipping++;
      return;
    }
    const uri = bound || null;
    if (skipElement?.(uri, local, stack)) {
      skipping = 1;
      return;
    }
    const el = new Element(local, uri, attributes, scope);
    ((stack[stack.length - 1] ?? doc).childNodes as XmlNode[]).push(el);
    stack.push(el);
  });
  parser.on("closetag", () => {
    scopes.pop();
    if (skipping > 0) skipping--;
    else {
      const el = stack.pop();
      const siblings = stack[stack.length - 1]?.childNodes as XmlNode[] | undefined;
      // A closing element is its parent's last child (unless the XML is malformed: it throws).
      const last = siblings ? siblings.length - 1 : -1;
      const read = siblings && siblings[last] === el && el && collapse?.(el, stack);
      if (read) siblings[last] = read;
    }
  });
  const text = (t: string) => {
    const parent = stack[stack.length - 1] ?? doc;
    // Text outside the root element, or in a skipped one, is not kept.
    if (skipping > 0 || parent === doc) return;
    // Whitespace between elements matters only inside w:t, where Word keeps it as a child text.
    if (!textIn || textIn(parent)) (parent.childNodes as XmlNode[]).push(new Text(t));
  };
  parser.on("text", text);
  parser.on("cdata", text);
  parser.write(xml).close();
  if (failure) throw failure;
  return doc;
}
