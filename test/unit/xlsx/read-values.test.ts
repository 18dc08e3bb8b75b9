/**
 * The values-only reader on package shapes other programs write: prefixed elements (x:c), single
 * quotes, cells without "r", inline strings, rich-text shared strings with phonetic runs,
 * booleans, ISO date cells, error cells, formulas with and without cached values, a hidden sheet,
 * absolute relationship targets. The XML is written here by hand, as such programs write it.
 */
import JSZip from "jszip";
import { readWorkbookValues } from "../../../src/xlsx/read-values";

const NS = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

async function pkg(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    "_rels/.rels",
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/xl/workbook.xml"/></Relationships>`
  );
  zip.file(
    "xl/workbook.xml",
    `<x:workbook ${NS} ${R}><x:sheets><x:sheet name="Báo cáo &amp; kết quả" sheetId="1" r:id="rId1"/><x:sheet name="Ẩn" sheetId="2" state="hidden" r:id="rId2"/></x:sheets></x:workbook>`
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`
  );
  zip.file(
    "xl/sharedStrings.xml",
    `<x:sst ${NS}><x:si><x:t>Sở Y tế</x:t></x:si><x:si><x:r><x:t xml:space="preserve">Hoàn </x:t></x:r><x:r><x:t>thành</x:t></x:r><x:rPh sb="0" eb="1"><x:t>phiên âm</x:t></x:rPh></x:si><x:si><x:t>a &lt; b_x000D_</x:t></x:si></x:sst>`
  );
  zip.file(
    "xl/worksheets/sheet1.xml",
    `<x:worksheet ${NS}><x:sheetData>
      <x:row r='1'><x:c r='A1' t='s'><x:v>0</x:v></x:c><x:c r='C1' t='inlineStr'><x:is><x:t>Trạng thái</x:t></x:is></x:c></x:row>
      <x:row><x:c t="s"><x:v>1</x:v></x:c><x:c><x:v>80</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c><x:c t="d"><x:v>2026-10-05T00:00:00</x:v></x:c></x:row>
      <x:row r="5"><x:c r="B5" t="e"><x:v>#N/A</x:v></x:c><x:c r="C5"><x:f>1+1</x:f><x:v>2</x:v></x:c><x:c r="D5"><x:f>#REF!+1</x:f></x:c><x:c r="E5" s="3"/><x:c r="F5" t="s"><x:v>2</x:v></x:c></x:row>
    </x:sheetData></x:worksheet>`
  );
  zip.file(
    "xl/worksheets/sheet2.xml",
    `<x:worksheet ${NS}><x:sheetData><x:row r="1"><x:c r="A1" t="str"><x:f>"x"</x:f><x:v>x</x:v></x:c></x:row></x:sheetData></x:worksheet>`
  );
  return zip.generateAsync({ type: "uint8array" });
}

test("values of every kind, where they are", async () => {
  const wb = await readWorkbookValues(await pkg(), "tay.xlsx");
  expect(wb.sheets.map((s) => [s.name, s.state])).toEqual([
    ["Báo cáo & kết quả", "visible"],
    ["Ẩn", "hidden"],
  ]);
  const [s1, s2] = wb.sheets;
  expect(s1.cells[0]).toEqual([{ value: "Sở Y tế" }, { value: null }, { value: "Trạng thái" }]);
  expect(s1.cells[1]).toEqual([
    { value: "Hoàn thành" },
    { value: 80 },
    { value: true },
    { value: "2026-10-05T00:00:00" },
  ]);
  expect(s1.cells[2]).toEqual([]);
  expect(s1.cells[4]).toEqual([
    { value: null },
    { value: "#N/A" },
    { value: 2, formula: "1+1" },
    { value: null, formula: "#REF!+1" },
    { value: null },
    { value: "a < b\n" }, // line breaks as the exceljs reader gives them
  ]);
  expect(s2.cells[0]).toEqual([{ value: "x", formula: '"x"' }]);
});

test("not a package, a package without a workbook: the reader's Vietnamese errors", async () => {
  await expect(readWorkbookValues(new Uint8Array([1, 2, 3]), "x.xlsx")).rejects.toMatchObject({
    code: "CORRUPT",
  });
  const empty = new JSZip();
  empty.file("a.txt", "x");
  const bytes = await empty.generateAsync({ type: "uint8array" });
  await expect(readWorkbookValues(bytes, "y.xlsx")).rejects.toMatchObject({
    code: "CORRUPT",
    message: expect.stringContaining('"y.xlsx"'),
  });
});

/** A one-sheet package (by hand, as a hostile sender would write it). */
async function oneSheet(sheetXml: string, target = "worksheets/sheet1.xml"): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    "xl/workbook.xml",
    `<workbook ${R}><sheets><sheet name="Nhiệm vụ" sheetId="1" r:id="rId1"/></sheets></workbook>`
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="${target}"/></Relationships>`
  );
  zip.file(`xl/${target}`, `<worksheet><sheetData>${sheetXml}</sheetData></worksheet>`);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

test("references outside Excel's sheet are a damaged file, past the row bound a too large one", async () => {
  for (const [xml, ref] of [
    ['<row r="20"><c r="ZZZZZZZ20"><v>1</v></c></row>', "ZZZZZZZ20"],
    ['<row r="2000000000"><c><v>1</v></c></row>', "2000000000"],
  ]) {
    await expect(readWorkbookValues(await oneSheet(xml), "tra-ve.xlsx")).rejects.toMatchObject({
      code: "CORRUPT",
      message: expect.stringMatching(
        new RegExp(`^Tệp "tra-ve.xlsx" bị hỏng: trang tính "Nhiệm vụ" có ô "${ref}" nằm ngoài`)
      ),
    });
  }
  const far = await oneSheet('<row r="500000"><c r="A500000"><v>1</v></c></row>');
  await expect(readWorkbookValues(far, "xa.xlsx")).rejects.toMatchObject({
    code: "TOO_LARGE",
    message: expect.stringContaining('trang tính "Nhiệm vụ" có dữ liệu ở dòng 500.000'),
  });
});

test("one value in column XFD is one long row; thousands of them are too large", async () => {
  const one = await readWorkbookValues(
    await oneSheet(
      '<row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>2</v></c></row><row r="2"><c r="B2"><v>3</v></c></row>'
    ),
    "mot.xlsx"
  );
  expect(one.sheets[0].cells[0]).toHaveLength(16384);
  expect(one.sheets[0].cells[0][16383]).toEqual({ value: 2 });
  expect(one.sheets[0].cells[1]).toEqual([{ value: null }, { value: 3 }]);
  const rows = Array.from(
    { length: 5000 },
    (_, i) => `<row r="${i + 1}"><c r="XFD${i + 1}"><v>1</v></c></row>`
  );
  const many = await oneSheet(rows.join(""));
  expect(many.length).toBeLessThan(40_000);
  await expect(readWorkbookValues(many, "xfd.xlsx")).rejects.toMatchObject({
    code: "TOO_LARGE",
    message: expect.stringContaining('trang tính "Nhiệm vụ" trải tới ô XFD'),
  });
});

test("part names from relationships are looked up, never compiled as patterns", async () => {
  // Built into a RegExp this target backtracks exponentially against the 34 a's of the part name.
  const bytes = await oneSheet(
    '<row r="1"><c r="A1" t="inlineStr"><is><t>ok</t></is></c></row>',
    `worksheets/${"a".repeat(34)}`
  );
  const zip = await JSZip.loadAsync(bytes);
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  zip.file(
    "xl/_rels/workbook.xml.rels",
    rels.replace(/Target="[^"]*"/, 'Target="worksheets/(a+)+b"')
  );
  const hostile = await zip.generateAsync({ type: "uint8array" });
  await expect(readWorkbookValues(hostile, "regex.xlsx")).rejects.toMatchObject({
    code: "CORRUPT",
  });
  // The same target spelled in another case is the same part.
  zip.file(
    "xl/_rels/workbook.xml.rels",
    rels.replace(/Target="worksheets\//, 'Target="WORKSHEETS/')
  );
  const cased = await readWorkbookValues(
    await zip.generateAsync({ type: "uint8array" }),
    "hoa.xlsx"
  );
  expect(cased.sheets[0].cells[0]).toEqual([{ value: "ok" }]);
});

test("unclosed elements by the thousand cost one pass, values still read", async () => {
  const junk = "<row><c><v>".repeat(20000);
  const bytes = await oneSheet(`<row r="1"><c r="A1"><v>7</v></c></row>${junk}`);
  await expect(readWorkbookValues(bytes, "ho.xlsx")).resolves.toBeDefined();
});
