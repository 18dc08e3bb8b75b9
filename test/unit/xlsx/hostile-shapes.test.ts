/**
 * Shapes that cost exceljs minutes and gigabytes, in packages of a few KB: a merge over the rest
 * of the sheet, thousands of values in column XFD, one value typed in XFD of the tracking sheet,
 * a <col> span in the billions. (Their memory ceilings, in a child process: test/integration/
 * hostile-bounds.test.ts.)
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readWorkbookCells, readWorkbookTables } from "../../../src/xlsx";

/** A small workbook by exceljs, its first sheet's XML then edited as a hostile sender would. */
async function edited(edit: (sheetXml: string) => string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Phụ lục");
  ws.addRow(["STT", "Nhiệm vụ", "Cơ quan chủ trì"]);
  for (let i = 1; i <= 20; i++) ws.addRow([i, `Nhiệm vụ số ${i}`, "Sở Tài chính"]);
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const path = "xl/worksheets/sheet1.xml";
  zip.file(path, edit(await zip.file(path)!.async("string")));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

const withMerge = (ref: string) => (xml: string) =>
  xml.replace(
    "</sheetData>",
    `</sheetData><mergeCells count="1"><mergeCell ref="${ref}"/></mergeCells>`
  );

test("a merge over the rest of the sheet is clipped to the used range", async () => {
  const bytes = await edited(withMerge("A20:XFD1048576"));
  expect(bytes.length).toBeLessThan(10_000);
  const [table] = await readWorkbookTables(bytes, "gop.xlsx");
  expect(table.rows).toHaveLength(21);
  expect(table.rows[0]).toEqual(["STT", "Nhiệm vụ", "Cơ quan chủ trì"]);
  expect(table.merges).toEqual([{ top: 19, left: 0, bottom: 20, right: 2 }]);
  // Wholly outside the used range: dropped; a <col> span in the billions: clipped.
  const outside = await edited((x) =>
    withMerge("E30:XFD1048576")(x).replace(
      "<sheetData>",
      '<cols><col min="1" max="2000000000" width="9"/></cols><sheetData>'
    )
  );
  const [t2] = await readWorkbookTables(outside, "ngoai.xlsx");
  expect(t2.merges).toEqual([]);
  expect(t2.rows[20]).toEqual(["20", "Nhiệm vụ số 20", "Sở Tài chính"]);
});

test("thousands of values in column XFD of a plan are too large, said with the sheet", async () => {
  const cells = Array.from(
    { length: 5000 },
    (_, i) => `<row r="${i + 30}"><c r="XFD${i + 30}"><v>1</v></c></row>`
  ).join("");
  const bytes = await edited((x) => x.replace("</sheetData>", `${cells}</sheetData>`));
  await expect(readWorkbookTables(bytes, "xfd.xlsx")).rejects.toMatchObject({
    code: "TOO_LARGE",
    message: expect.stringMatching(
      /^Tệp "xfd.xlsx" quá lớn.*trang tính "Phụ lục" trải tới ô XFD\d+, hơn 4.000.000 ô/
    ),
  });
});

test("one value typed in XFD of a tracking sheet reads: one long row, the others as they are", async () => {
  const bytes = await edited((x) =>
    x.replace(
      "</sheetData>",
      '<row r="25"><c r="XFD25" t="inlineStr"><is><t>ghi chú</t></is></c></row></sheetData>'
    )
  );
  const wb = await readWorkbookCells(bytes, "theo-doi.xlsx");
  const cells = wb.sheets[0].cells;
  expect(cells[0].map((c) => c.value)).toEqual(["STT", "Nhiệm vụ", "Cơ quan chủ trì"]);
  expect(cells[24]).toHaveLength(16384);
  expect(cells[24][16383]).toEqual({ value: "ghi chú" });
  expect(cells.slice(0, 21).every((r) => r.length === 3)).toBe(true);
});

test("unclosed validation blocks by the thousand: one pass, the sheet still reads", async () => {
  const bytes = await edited((x) =>
    x.replace(
      "</sheetData>",
      '</sheetData><dataValidations count="1"><dataValidation type="list" sqref="B2:B1048576"><formula1>"a"</formula1></dataValidation></dataValidations>' +
        "<dataValidations>".repeat(20_000)
    )
  );
  // Not well-formed XML after the sheet data: exceljs may refuse it, but as a sentence, quickly.
  const read = await readWorkbookTables(bytes, "khoi.xlsx").catch((e: Error) => e);
  if (read instanceof Error) expect(read.message).toMatch(/^Tệp "khoi.xlsx" bị hỏng/);
  else expect(read[0].rows[1][1]).toBe("Nhiệm vụ số 1");
});
