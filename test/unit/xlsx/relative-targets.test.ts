/**
 * exceljs 4.4.0 cannot load packages whose relationships use absolute targets (openpyxl writes
 * "/xl/tables/table1.xml"); the adapter rewrites them. The first test shows the library bug is
 * still there (when it is fixed upstream, the workaround can go); the second that we read anyway.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readWorkbookCells, writeWorkbook } from "../../../src/xlsx";
import { relativePath } from "../../../src/xlsx/relative-targets";
import type { WorkbookSpec } from "../../../src/core/spec/sheet-spec";

const spec: WorkbookSpec = {
  defaultFont: { name: "Times New Roman", size: 12 },
  sheets: [
    {
      name: "Nhiệm vụ",
      visibility: "visible",
      columns: [{ width: 12 }, { width: 30 }],
      blocks: [
        {
          address: "A1",
          values: [
            ["Mã nhiệm vụ", "Nhiệm vụ"],
            ["T1.1", "Phổ biến, quán triệt nội dung Nghị quyết"],
          ],
        },
      ],
      styles: [],
      merges: [],
      tables: [{ name: "NhiemVu", range: "A1:B2", columns: ["Mã nhiệm vụ", "Nhiệm vụ"] }],
      validations: [],
      conditionalFormats: [],
    },
  ],
};

/** What openpyxl does to our file: every part-level relationship target made absolute. */
async function withAbsoluteTargets(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const rels = zip.file("xl/worksheets/_rels/sheet1.xml.rels")!;
  const xml = await rels.async("string");
  expect(xml).toMatch(/Target="\.\.\/tables\/table1\.xml"/);
  zip.file(
    "xl/worksheets/_rels/sheet1.xml.rels",
    xml.replace('Target="../tables/', 'Target="/xl/tables/')
  );
  return zip.generateAsync({ type: "uint8array" });
}

test("relativePath", () => {
  expect(relativePath("xl/worksheets", "xl/tables/table1.xml")).toBe("../tables/table1.xml");
  expect(relativePath("xl", "xl/worksheets/sheet1.xml")).toBe("worksheets/sheet1.xml");
  expect(relativePath("xl/worksheets", "xl/worksheets/sheet2.xml")).toBe("sheet2.xml");
});

test("exceljs alone fails on absolute relationship targets (the bug we work around)", async () => {
  const bytes = await withAbsoluteTargets(await writeWorkbook(spec));
  await expect(
    new ExcelJS.Workbook().xlsx.load(bytes as unknown as ExcelJS.Buffer)
  ).rejects.toThrow(/name/);
});

test("the adapter reads such a file with its table rows", async () => {
  const bytes = await withAbsoluteTargets(await writeWorkbook(spec));
  const cells = await readWorkbookCells(bytes, "openpyxl.xlsx");
  expect(cells.sheets[0].cells[1].map((c) => c.value)).toEqual([
    "T1.1",
    "Phổ biến, quán triệt nội dung Nghị quyết",
  ]);
});
