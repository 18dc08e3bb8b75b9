import { XmlScanner } from "../../../src/xlsx/xml-scanner";

// The pattern the scanner stands for (read-values used it as a RegExp walk).
const TOKEN = /<(\/?)(?:[\w.-]+:)?([\w.-]+)([^<>]*)>|<[^<>]*>?|([^<]+)/g;
const ATTRS = ["r", "t", "s", "si"];

/** Each token as the pattern and RegExp attribute lookups describe it. */
function expected(xml: string): string[] {
  return [...xml.matchAll(TOKEN)].map((m) => {
    const [whole, slash, name, attrs = "", text] = m;
    const span = `${m.index}-${m.index + whole.length}`;
    if (text !== undefined) return `text ${span}`;
    if (name === undefined) return `other ${span}`;
    const values = ATTRS.map((a) => {
      const v = new RegExp(`\\s${a}=(?:"([^"]*)"|'([^']*)')`).exec(attrs);
      return v ? (v[1] ?? v[2]) : "-";
    });
    return `tag ${span} ${slash === "/"} ${name} ${attrs.endsWith("/")} ${values.join(",")}`;
  });
}

function scanned(xml: string): string[] {
  const out: string[] = [];
  const x = new XmlScanner(xml);
  while (x.next()) {
    const span = `${x.start}-${x.end}`;
    if (x.kind !== "tag") out.push(`${x.kind} ${span}`);
    else {
      const name = /^<\/?(?:[\w.-]+:)?([\w.-]+)/.exec(xml.slice(x.start))?.[1] ?? "";
      const values = ATTRS.map((a) => x.attr(a) ?? "-");
      out.push(
        `tag ${span} ${x.close} ${x.is(name) ? name : "?"} ${x.selfClosing} ${values.join(",")}`
      );
    }
  }
  return out;
}

test("tokens and attributes as the pattern finds them, broken XML included", () => {
  const cases = [
    `<x:c r="A1" s='3' t="s"><x:v>12</x:v></x:c>`,
    `<c r="B2"/><c t="inlineStr"><is><t xml:space="preserve"> a&amp;b </t></is></c>`,
    `<a:b:c x>text<:x><x:>< y><!-- c -->`,
    `<c a=" r='Z9'" r="A1">`,
    `<c r="A1`,
    `</><//x>>a<b/><c\u00a0r="A3"><c\tsi="0"/>`,
    `<row r="1" spans="1:3"><c r=A1></row>`,
    "",
  ];
  // And strings of the pieces a sheet is made of, in a fixed pseudo-random order.
  const pieces = [
    "<c",
    ' r="A1"',
    " t='s'",
    ' s="3"',
    '\tsi="0"',
    "</",
    "x:",
    ">",
    "/>",
    "<",
    "=",
    '"',
    " ",
    "r",
    "é",
  ];
  let seed = 7;
  for (let i = 0; i < 500; i++) {
    let s = "";
    for (let j = (seed = (seed * 16807) % 2147483647) % 20; j > 0; j--)
      s += pieces[(seed = (seed * 16807) % 2147483647) % pieces.length];
    cases.push(s);
  }
  for (const xml of cases) expect(scanned(xml)).toEqual(expected(xml));
});
