import { SheetBuilder } from "../../../../src/core/spec/sheet-builder";

describe("SheetBuilder", () => {
  it("pads every row to the width, blank rows included, and merges by 0-based columns", () => {
    const b = new SheetBuilder(3);
    b.put(b.row, 0, "Tiêu đề");
    b.across(b.row, 0, 2);
    b.row += 2; // the title, then a blank line
    expect(b.addRow(["STT", "Nhiệm vụ"])).toBe(3);
    b.across(3, 1, 1); // one column: no merge
    expect(b.values()).toEqual([
      ["Tiêu đề", null, null],
      [null, null, null],
      ["STT", "Nhiệm vụ", null],
    ]);
    expect(b.merges).toEqual(["A1:C1"]);
    expect(b.row).toBe(4);
  });

  it("without a width keeps rows as long as written, and styles in order", () => {
    const b = new SheetBuilder();
    b.addRow(["a"]);
    b.addRow([]);
    b.addRow(["x", "y", { formula: "SUM(A1:A2)" }]);
    b.style("A1:C1", { font: { bold: true } });
    expect(b.values()).toEqual([["a"], [], ["x", "y", { formula: "SUM(A1:A2)" }]]);
    expect(b.styles).toEqual([{ range: "A1:C1", style: { font: { bold: true } } }]);
  });

  it("a cell written below the last row reaches it with blank rows; the cursor pads the rest", () => {
    const b = new SheetBuilder(2);
    b.put(3, 1, 5);
    expect(b.values()).toEqual([
      [null, null],
      [null, null],
      [null, 5],
    ]);
    b.row = 5;
    expect(b.values()).toHaveLength(4);
  });
});
