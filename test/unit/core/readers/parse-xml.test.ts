/**
 * parseXml resolves namespaces itself (saxes runs without its xmlns mode): prefixes and the
 * default namespace in scope, redeclared inside, attributes by namespace, and the documents a
 * namespace-aware parser refuses refused too.
 */
import { parseXml } from "../../../../src/core/readers/parse-xml";
import type { XmlNode } from "../../../../src/core/readers/xml-node";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function elements(node: XmlNode, out: XmlNode[] = []): XmlNode[] {
  for (const k of Array.from(node.childNodes))
    if (k.nodeType === 1) {
      out.push(k);
      elements(k, out);
    }
  return out;
}

test("elements and attributes carry the namespace their prefix is bound to where they are", () => {
  const doc = parseXml(
    `<w:document xmlns:w="${W}" xmlns:r="${R}">` +
      `<w:body><x:p xmlns:x="${W}" x:val="1" w:rsid="2"><w:t xml:space="preserve"> a </w:t></x:p>` +
      `<p xmlns="${W}"><q xmlns=""/></p>` +
      `<w:tbl xmlns:w="urn:other"><w:tr r:id="rId7"/></w:tbl></w:body></w:document>`
  );
  const all = elements(doc).map((e) => [e.localName, e.namespaceURI]);
  expect(all).toEqual([
    ["document", W],
    ["body", W],
    ["p", W],
    ["t", W],
    ["p", W],
    ["q", null],
    ["tbl", "urn:other"],
    ["tr", "urn:other"],
  ]);
  const [, , p, t, , , , tr] = elements(doc);
  expect(p.getAttributeNS?.(W, "val")).toBe("1");
  expect(p.getAttributeNS?.(W, "rsid")).toBe("2");
  expect(p.getAttributeNS?.(null, "val")).toBeNull();
  expect(p.getAttribute?.("x:val")).toBe("1");
  expect(t.getAttributeNS?.("http://www.w3.org/XML/1998/namespace", "space")).toBe("preserve");
  expect(tr.getAttributeNS?.(R, "id")).toBe("rId7");
  expect(tr.getAttributeNS?.(W, "id")).toBeNull();
});

test("what a namespace-aware parser refuses is refused", () => {
  for (const bad of [
    `<w:document/>`,
    `<a xmlns:w="${W}"><b z:val="1"/></a>`,
    `<a xmlns:w="${W}" xmlns:x="${W}" w:val="1" x:val="2"/>`,
    `<a xmlns:xml="urn:not-xml"/>`,
    `<a xmlns:p=""/>`,
    `<a xmlns:w="${W}"><w:b></a>`,
  ])
    expect(() => parseXml(bad)).toThrow();
  // Skipped elements are checked too.
  expect(() =>
    parseXml(`<a><skip><w:b/></skip></a>`, { skipElement: (_u, local) => local === "skip" })
  ).toThrow(/unbound/);
});
