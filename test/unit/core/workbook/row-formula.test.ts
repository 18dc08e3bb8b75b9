/** rowFormula: the same text as its builder for every row, or the builder itself when unsure. */
import { formulaCell, rowFormula } from "../../../../src/core/workbook/row-formula";
import { rowTemplateOf } from "../../../../src/core/spec/row-template";
import { derivedStatusFormula, partnerStatusFormula } from "../../../../src/core/workbook/formulas";

const cells = (row: number) => ({
  row,
  status: "M",
  completedOn: "N",
  progress: "O",
  deadline: "K",
  scheduleCode: "L",
  derived: "U",
});

test("a formula of the row's own cells is joined per row, text for text", () => {
  const builders = [
    (row: number) => derivedStatusFormula(cells(row)),
    (row: number) => partnerStatusFormula("A", 2, row, "$A$2:$A$2201", "$U$2:$U$2201"),
  ];
  for (const build of builders) {
    const fast = rowFormula(build, [2, 2001]);
    expect(fast).not.toBe(build);
    for (const row of [1, 2, 9, 10, 99, 100, 2001, 1048576]) expect(fast(row)).toBe(build(row));
  }
});

test("a builder that computes with the row or branches on it is kept as it is", () => {
  const arithmetic = (row: number) => `A${row}+A${row + 1}`;
  const branch = (row: number) => (row > 2 ? `A${row}-A${row - 1}` : `A${row}`);
  const noRow = () => `SUM($A$2:$A$9)`;
  for (const build of [arithmetic, branch, noRow]) expect(rowFormula(build, [2, 50])).toBe(build);
  // Digits of a marker row in the fixed text: the pieces differ, the builder is kept.
  const markerDigits = (row: number) => `A${row}+7340033`;
  expect(rowFormula(markerDigits, [2, 50])).toBe(markerDigits);
});

test("a formula cell reads as a plain { formula } everywhere, its text made when read", () => {
  const made: number[] = [];
  const cell = formulaCell((row) => (made.push(row), `A${row}*2`), 7);
  expect(made).toEqual([]);
  expect(cell).toEqual({ formula: "A7*2" });
  expect({ ...cell }).toEqual({ formula: "A7*2" });
  expect(JSON.parse(JSON.stringify(cell))).toEqual({ formula: "A7*2" });
  expect(structuredClone(cell)).toEqual({ formula: "A7*2" });
  expect(made.every((row) => row === 7)).toBe(true);
});

test("a joined formula's cells carry their template; a builder's cells do not", () => {
  const build = (row: number) => derivedStatusFormula(cells(row));
  const fast = rowFormula(build, [2, 2001]);
  const cell = formulaCell(fast, 12);
  expect(cell).toEqual({ formula: build(12) });
  expect({ ...cell }).toEqual({ formula: build(12) });
  const use = rowTemplateOf(cell);
  expect(use?.row).toBe(12);
  expect(use?.pieces.join("12")).toBe(build(12));
  // Every cell of the column shares the one pieces array (the writer compares by identity).
  expect(rowTemplateOf(formulaCell(fast, 13))?.pieces).toBe(use?.pieces);
  expect(rowTemplateOf(formulaCell(build, 12))).toBeUndefined();
  // A copy that changes the text does not keep a template that would lie about it.
  expect(rowTemplateOf({ ...cell, formula: "A1" })).toBeUndefined();
});
