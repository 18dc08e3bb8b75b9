/**
 * The zip limits' streaming checks at the edges: XML shape counted across chunk boundaries and
 * namespace prefixes, and the cell budget shared by all worksheets of a package. (Hostile files
 * written by Python are in test/integration/hostile-files.test.ts.)
 */
import { unescapeXml } from "../../../../src/core/readers/xml-entities";
import JSZip from "jszip";
import { XmlShapeScanner } from "../../../../src/core/readers/xml-shape";
import { ZIP_LIMITS, ZipPackage } from "../../../../src/core/readers/zip-package";
import { INPUT_LIMITS } from "../../../../src/core/readers/input-limits";
import { inputError } from "../../../helpers/input-error";

const enc = new TextEncoder();

function scan(
  xml: string,
  chunk: number,
  limits = { ...INPUT_LIMITS, maxTextRunBytes: 100, maxSheetRows: 3 }
) {
  const s = new XmlShapeScanner(limits, true, { used: 0, max: 5 });
  const bytes = enc.encode(xml);
  for (let i = 0; i < bytes.length; i += chunk) {
    const hit = s.push(bytes.subarray(i, i + chunk));
    if (hit) return { hit, rows: s.rows, cells: s.cells };
  }
  return { hit: null, rows: s.rows, cells: s.cells };
}

test("rows and cells are counted whatever the chunking and the prefix; other elements are not", () => {
  const xml =
    '<x:worksheet><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c><x:c r="B1"/></x:row>' +
    '<row r="2"><c r="A2"/><col/><cols/><cfRule/></row></x:sheetData></x:worksheet>';
  for (const chunk of [1, 2, 3, 7, 1000]) {
    expect(scan(xml, chunk)).toEqual({ hit: null, rows: 2, cells: 3 });
  }
});

test("a fourth row, a sixth cell, a text run over the limit: each stops the scan", () => {
  const rows = "<row/>".repeat(4);
  expect(scan(rows, 2).hit).toEqual({ kind: "rows", rows: 4 });
  expect(scan("<row>" + "<c/>".repeat(6) + "</row>", 3).hit).toEqual({ kind: "cells", cells: 6 });
  expect(scan(`<t>${"x".repeat(101)}</t>`, 5).hit).toEqual({ kind: "text-run" });
  expect(scan(`<t>${"x".repeat(97)}</t>`, 5).hit).toBeNull(); // "t>" + 97 bytes = 99
});

test("the cell budget is the package's: two sheets under the limit each, over it together", async () => {
  const sheet = (n: number) =>
    `<worksheet><sheetData><row r="1">${'<c t="n"><v>1</v></c>'.repeat(n)}</row></sheetData></worksheet>`;
  const zip = new JSZip();
  zip.file("xl/worksheets/sheet1.xml", sheet(6));
  zip.file("xl/worksheets/sheet2.xml", sheet(6));
  const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  const limits = { ...ZIP_LIMITS, maxCells: 10 };
  const one = await ZipPackage.open(bytes, "a.xlsx", limits);
  expect((await one!.bytes("xl/worksheets/sheet1.xml")).length).toBeGreaterThan(0);
  const e = await inputError(one!.all());
  expect(e.code).toBe("TOO_LARGE");
  expect(e.message).toContain("hơn 10 ô");
  // Under the default limits the same package reads.
  const ok = await ZipPackage.open(bytes, "a.xlsx");
  expect((await ok!.all()).size).toBe(2);
});

test("declared sizes are checked before anything is inflated", async () => {
  const zip = new JSZip();
  zip.file("word/document.xml", "<w:document/>".repeat(1000));
  const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  const e = await inputError(
    ZipPackage.open(bytes, "k.docx", { ...ZIP_LIMITS, maxPartBytes: 5000 })
  );
  expect(e.message).toMatch(/^Tệp "k.docx" quá lớn.*word\/document.xml/);
  expect(await ZipPackage.open(enc.encode("not a zip"), "x.docx")).toBeNull();
});

test("row and cell references: past Excel's sheet is a bad reference, past the row bound too many", () => {
  const limits = { ...INPUT_LIMITS, maxSheetRows: 50 };
  const at = (xml: string, chunk = 3) => scan(xml, chunk, limits).hit;
  expect(at('<row r="2000000000"><c r="A1"/></row>')).toEqual({
    kind: "bad-ref",
    ref: "2000000000",
  });
  expect(at('<row r="2"><x:c s="1" r="ZZZZZZZ20"/></row>')).toEqual({
    kind: "bad-ref",
    ref: "ZZZZZZZ20",
  });
  expect(at('<row r="2"><c r="XFE2"/></row>')).toEqual({ kind: "bad-ref", ref: "XFE2" });
  expect(at(`<row r="2"><c r="A${"9".repeat(40)}"/></row>`)?.kind).toBe("bad-ref");
  expect(at('<row r="51"/>', 1)).toEqual({ kind: "row-number", row: 51 });
  expect(at('<row spans="1:2" r="5"><c t="s" r="B60"/></row>')).toEqual({
    kind: "row-number",
    row: 60,
  });
  // Other attributes (even holding ' r="…"') and other elements are not references.
  const s = new XmlShapeScanner(limits, true, { used: 0, max: 100 });
  const ok =
    '<row r="3" x14ac:dyDescent="0.25"><c s=\' r="ZZZZ9"\' r="XFD3"><v>1</v></c>' +
    '<c r = "B3"/></row><mergeCell ref="A1:XFD1048576"/><col min="1" max="16384"/>';
  for (let i = 0; i < ok.length; i += 2) expect(s.push(enc.encode(ok.slice(i, i + 2)))).toBeNull();
  expect([s.lastRow, s.lastColumn]).toEqual([3, 16384]);
});

describe("unescapeXml (sheet and defined names read from workbook.xml)", () => {
  it("decodes the named entities and character references, &amp; last", () => {
    expect(unescapeXml("K&amp;H &lt;2026&gt; &quot;a&quot; &apos;b&apos;")).toBe(
      "K&H <2026> \"a\" 'b'"
    );
    expect(unescapeXml("S&#7903; Y t&#x1EBF;")).toBe("Sở Y tế");
    expect(unescapeXml("&amp;lt;")).toBe("&lt;");
  });
});

describe("with Node's zlib and without it (the pane: fflate)", () => {
  const withoutNodeZlib = async <T>(f: () => Promise<T>): Promise<T> => {
    const p = process as { getBuiltinModule?: unknown };
    const saved = p.getBuiltinModule;
    p.getBuiltinModule = undefined;
    try {
      return await f();
    } finally {
      p.getBuiltinModule = saved;
    }
  };
  const both = [
    ["Node's zlib", <T>(f: () => Promise<T>) => f()],
    ["fflate", withoutNodeZlib],
  ] as const;

  /** A deflated part and a stored one; `lie`: the central directory understates the first. */
  async function pkg(lie = false): Promise<Uint8Array> {
    const zip = new JSZip();
    zip.file("word/document.xml", "<w:p>Sở Nội vụ</w:p>".repeat(20_000), {
      compression: "DEFLATE",
      createFolders: false,
    });
    zip.file("media/a.bin", new Uint8Array([1, 2, 3, 4]), {
      compression: "STORE",
      createFolders: false,
    });
    const bytes = await zip.generateAsync({ type: "uint8array" });
    if (lie) {
      // The central header's uncompressed size (offset 24), as a zip bomb would write it.
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const central = view.getUint32(bytes.length - 22 + 16, true);
      expect(view.getUint32(central, true)).toBe(0x02014b50);
      view.setUint32(central + 24, 1000, true);
    }
    return bytes;
  }

  it.each(both)("%s: every part reads back whole", async (_, run) => {
    const parts = await run(async () => (await ZipPackage.open(await pkg(), "a.docx"))!.all());
    expect(new TextDecoder().decode(parts.get("word/document.xml"))).toBe(
      "<w:p>Sở Nội vụ</w:p>".repeat(20_000)
    );
    expect([...parts.get("media/a.bin")!]).toEqual([1, 2, 3, 4]);
    expect([...parts.keys()]).toEqual(["word/document.xml", "media/a.bin"]);
  });

  it.each(both)("%s: a part inflating past its declared size is refused", async (_, run) => {
    const e = await run(async () =>
      inputError((await ZipPackage.open(await pkg(true), "b.docx"))!.text("word/document.xml"))
    );
    expect(e.code).toBe("TOO_LARGE");
    expect(e.message).toMatch(/^Tệp "b.docx" quá lớn.*word\/document.xml/);
  });

  it.each(both)("%s: damaged deflate data is an error, never a part", async (_, run) => {
    const bytes = await pkg();
    // The first part's compressed data starts after its local header (30 bytes + its name).
    const start = 30 + "word/document.xml".length;
    bytes.fill(0xff, start, start + 64);
    await run(async () => {
      const zip = await ZipPackage.open(bytes, "c.docx");
      await expect(zip!.text("word/document.xml")).rejects.toThrow();
    });
  });
});

test("encrypted entries and unknown compression methods: not a package this reader opens", async () => {
  const zip = new JSZip();
  zip.file("word/document.xml", "<w:document/>", { createFolders: false });
  const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const central = view.getUint32(bytes.length - 22 + 16, true);
  const flags = view.getUint16(central + 8, true);
  view.setUint16(central + 8, flags | 1, true);
  expect(await ZipPackage.open(bytes, "e.docx")).toBeNull();
  view.setUint16(central + 8, flags, true);
  view.setUint16(central + 10, 12, true); // bzip2
  expect(await ZipPackage.open(bytes, "e.docx")).toBeNull();
  view.setUint16(central + 10, 8, true);
  expect(await ZipPackage.open(bytes, "e.docx")).not.toBeNull();
});
