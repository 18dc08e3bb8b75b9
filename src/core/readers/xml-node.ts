/**
 * The few DOM members the .docx reader uses, typed structurally so the same code runs on
 * the small saxes-built tree of parse-xml.ts (Node and browser alike) without DOM type baggage.
 */
export interface XmlNode {
  nodeType: number;
  localName: string | null;
  namespaceURI: string | null;
  nodeValue: string | null;
  childNodes: readonly XmlNode[];
  getAttributeNS?(ns: string | null, name: string): string | null;
  getAttribute?(name: string): string | null;
}

export const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const ELEMENT = 1;

/** Child elements in the WordprocessingML namespace (optionally with one local name). */
export function wChildren(node: XmlNode, name?: string): XmlNode[] {
  const out: XmlNode[] = [];
  for (const k of node.childNodes) {
    if (k.nodeType === ELEMENT && k.namespaceURI === W_NS && (!name || k.localName === name))
      out.push(k);
  }
  return out;
}

export function wChild(node: XmlNode, name: string): XmlNode | undefined {
  for (const k of node.childNodes) {
    if (k.nodeType === ELEMENT && k.namespaceURI === W_NS && k.localName === name) return k;
  }
  return undefined;
}

/** w:val of an element; Word writes it namespaced, some generators write it bare. */
export function wVal(node: XmlNode | undefined): string | null {
  if (!node) return null;
  const v = node.getAttributeNS?.(W_NS, "val");
  if (v !== null && v !== undefined && v !== "") return v;
  return node.getAttribute?.("w:val") ?? node.getAttribute?.("val") ?? null;
}

export function isElement(node: XmlNode): boolean {
  return node.nodeType === ELEMENT;
}

/** Pushes `nodes` last first (popped, they come out in order); no spread: lists may be huge. */
export function pushReversed(stack: XmlNode[], nodes: readonly XmlNode[]): void {
  for (let i = nodes.length - 1; i >= 0; i--) stack.push(nodes[i]!);
}
