/**
 * The worksheet writer reads a column of row-template cells (core/spec/row-template.ts) as one
 * formula filled down without reading their texts, and writes exactly what it writes for the
 * same texts as plain formula cells.
 */
import { sheetXml, SharedStrings } from "../../../../src/xlsx/write/sheet-xml";
import { StyleBook } from "../../../../src/xlsx/write/cell-styles";
import { templateFormulaCell } from "../../../../src/core/spec/row-template";
import type { CellValue, SheetSpec } from "../../../../src/core/spec/sheet-spec";

const sheet = (values: CellValue[][]): SheetSpec => ({
  name: "S",
  visibility: "visible",
  columns: [],
  blocks: [{ address: "A2", values }],
  styles: [],
  merges: [],
  tables: [],
  validations: [],
  conditionalFormats: [],
});

const xml = (s: SheetSpec) => {
  const written = sheetXml(
    s,
    new StyleBook({ name: "Times New Roman", size: 12 }),
    new SharedStrings(),
    () => 1
  );
  return Buffer.concat(written.bytes).toString("utf8");
};

const plain = (v: CellValue): CellValue =>
  v !== null && typeof v === "object" && "formula" in v ? { formula: v.formula } : v;

test("template cells are written as the same formulas written plainly", () => {
  const fills = ["=IF($B", '="","",$B', "*2)"];
  const stays = ["=A", "+B5"]; // not one formula filled down (B5 would move)
  const rows: CellValue[][] = [];
  for (let r = 2; r <= 40; r++)
    rows.push([
      // A run of a template, broken by a text, a plain formula that continues it, and a
      // template row that skips one (the rows joined no longer follow the sheet's).
      r === 20
        ? "x"
        : r === 25
          ? { formula: fills.join(String(r)) }
          : templateFormulaCell(fills, r === 30 ? 31 : r),
      templateFormulaCell(stays, r),
      r % 7 === 0 ? null : templateFormulaCell(fills, r),
    ]);
  const withTemplates = xml(sheet(rows));
  expect(withTemplates).toBe(xml(sheet(rows.map((row) => row.map(plain)))));
  // And the column that fills down is shared, the other is not.
  expect(withTemplates).toContain(
    '<f t="shared" ref="A2:A19" si="0">IF($B2=&quot;&quot;,&quot;&quot;,$B2*2)</f>'
  );
  expect(withTemplates).toContain("<f>A2+B5</f>");
  expect(withTemplates).not.toContain('ref="B');
});

test("a filled-down column's texts are not made, cell by cell", () => {
  let joins = 0;
  class CountedPieces extends Array<string> {
    override join(separator?: string): string {
      joins++;
      return super.join(separator);
    }
  }
  const pieces = CountedPieces.from(["=IF($B", '="","",$B', "*2)"]);
  const rows: CellValue[][] = [];
  for (let r = 2; r <= 1001; r++) rows.push([templateFormulaCell(pieces, r)]);
  expect(xml(sheet(rows))).toContain('<f t="shared" ref="A2:A1001" si="0">');
  // The group's first text and the template's check; not one per row.
  expect(joins).toBeLessThan(10);
});
