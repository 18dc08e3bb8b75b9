/**
 * .docx shapes that cost gigabytes or a stack overflow, in files of a few KB: a w:gridSpan of a
 * hundred million, content controls nested thousands deep. (Memory ceilings in a child process:
 * test/integration/hostile-bounds.test.ts.)
 */
import { readFileSync } from "fs";
import JSZip from "jszip";
import { readDocx } from "../../../../src/core/readers/docx-reader";
import { inputError } from "../../../helpers/input-error";
import { TEST_FIXTURES } from "../../../helpers/repo-paths";

const FIX = `${TEST_FIXTURES}/import`;
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const p = (s: string) => `<w:p><w:r><w:t>${s}</w:t></w:r></w:p>`;
const tc = (s: string, span?: number) =>
  `<w:tc>${span ? `<w:tcPr><w:gridSpan w:val="${span}"/></w:tcPr>` : ""}${p(s)}</w:tc>`;

/** A real .docx (python-docx) with its body replaced. */
async function docx(body: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(readFileSync(`${FIX}/empty-table.docx`));
  zip.file("word/document.xml", `<w:document ${W}><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

test("w:gridSpan is capped at the table's grid", async () => {
  const grid = "<w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>";
  const bytes = await docx(
    `<w:tbl>${grid}<w:tr>${tc("STT")}${tc("Nhiệm vụ")}${tc("Chủ trì")}</w:tr>` +
      `<w:tr>${tc("I", 100_000_000)}</w:tr><w:tr>${tc("1")}${tc("Việc", 1_000_000)}</w:tr></w:tbl>`
  );
  const [t] = (await readDocx(bytes, "span.docx")).tables;
  expect(t.rows).toEqual([
    ["STT", "Nhiệm vụ", "Chủ trì"],
    ["I", "", ""],
    ["1", "Việc", ""],
  ]);
  expect(t.merges).toEqual([
    { top: 1, left: 0, bottom: 1, right: 2 },
    { top: 2, left: 1, bottom: 2, right: 2 },
  ]);
  // Without a grid: the bound of the table (maxTableColumns), not a hundred million.
  const bare = await docx(`<w:tbl><w:tr>${tc("I", 100_000_000)}</w:tr></w:tbl>`);
  expect((await readDocx(bare, "bare.docx")).tables[0].rows[0]).toHaveLength(1000);
});

test("content controls nested past the bound are too large, not a stack overflow", async () => {
  for (const depth of [8_000, 200_000]) {
    const body =
      "<w:sdt><w:sdtContent>".repeat(depth) + p("x") + "</w:sdtContent></w:sdt>".repeat(depth);
    const bytes = await docx(body);
    expect(bytes.length).toBeLessThan(60_000);
    const e = await inputError(readDocx(bytes, "long.docx"));
    expect(e.code).toBe("TOO_LARGE");
    expect(e.message).toMatch(/^Tệp "long.docx" quá lớn.*lồng nhau quá 256 cấp/);
  }
});

test("nesting under the bound reads, in document order", async () => {
  const nest = (n: number, inner: string) =>
    "<w:sdt><w:sdtContent>".repeat(n) + inner + "</w:sdtContent></w:sdt>".repeat(n);
  const body =
    p("trước") +
    nest(60, p("giữa") + `<w:tbl><w:tr>${nest(30, tc("ô"))}</w:tr></w:tbl>`) +
    p("sau");
  const r = await readDocx(await docx(body), "sau.docx");
  expect(r.bodyText.split("\n")).toEqual(["trước", "giữa", "sau"]);
  expect(r.tables[0].rows).toEqual([["ô"]]);
});

test("list numbering with a start of a billion, levels past 8 and a style loop reads bounded", async () => {
  const zip = await JSZip.loadAsync(readFileSync(`${FIX}/empty-table.docx`));
  const lvl = (ilvl: number, fmt: string, start: number) =>
    `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${fmt}"/>` +
    `<w:lvlText w:val="%${Math.min(ilvl, 8) + 1}."/></w:lvl>`;
  zip.file(
    "word/numbering.xml",
    `<w:numbering ${W}><w:abstractNum w:abstractNumId="1">${lvl(0, "lowerLetter", 1e9)}` +
      `${lvl(1_000_000_000, "decimal", 1)}</w:abstractNum>` +
      `<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>`
  );
  zip.file(
    "word/styles.xml",
    `<w:styles ${W}><w:style w:type="paragraph" w:styleId="A"><w:basedOn w:val="B"/></w:style>` +
      `<w:style w:type="paragraph" w:styleId="B"><w:basedOn w:val="A"/></w:style></w:styles>`
  );
  const cell = (pPr: string) => `<w:tc><w:p><w:pPr>${pPr}</w:pPr></w:p></w:tc>`;
  const num = (ilvl: number) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="1"/></w:numPr>`;
  zip.file(
    "word/document.xml",
    `<w:document ${W}><w:body><w:tbl><w:tr>${cell(num(0))}${cell(num(1_000_000_000))}` +
      `${cell('<w:pStyle w:val="A"/>')}</w:tr></w:tbl></w:body></w:document>`
  );
  const bytes = await zip.generateAsync({ type: "uint8array" });
  const [t] = (await readDocx(bytes, "lists.docx")).tables;
  // The number itself past ten letters; no level a billion deep; a style loop numbers nothing.
  expect(t.rows).toEqual([["1000000000.", "", ""]]);
});
