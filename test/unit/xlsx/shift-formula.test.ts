/** templateFillsDown: a row template is taken for a filled-down formula only when it is one. */
import { rowShifter, templateFillsDown } from "../../../src/xlsx/shift-formula";

test("a template whose joined rows are its only relative row references fills down", () => {
  const pieces = ["=IF($K", '="","",IF(COUNTIFS($A$2:$A$99,$A', ',"x")>0,L', ',"—"))'];
  expect(templateFillsDown(pieces)).toBe(true);
  // What that promises, checked the long way at rows the check never used.
  const at = (row: number) => pieces.join(String(row)).slice(1);
  for (const [row, k] of [
    [2, 1],
    [9, 1],
    [99, 902],
    [5, 1048000],
  ] as const)
    expect(rowShifter(at(row))(k)).toBe(at(row + k));
});

test("a template that is not one formula filled down is refused", () => {
  // A relative row reference of its own (B5) moves when filled; the template keeps it.
  expect(templateFillsDown(["=A", "+B5"])).toBe(false);
  // The row joined as an anchored row or inside quotes: filled down it stays; joined, it changes.
  expect(templateFillsDown(["=$A$", "+1"])).toBe(false);
  expect(templateFillsDown(['="A', '"&A1'])).toBe(false);
  // A digit beside the joined row: "A1" + "9" reads as A19, one number with the row.
  expect(templateFillsDown(["=A1", ""])).toBe(false);
  expect(templateFillsDown(["=A", "0+1"])).toBe(false);
  // No row joined at all.
  expect(templateFillsDown(["=SUM($A$1:$A$9)"])).toBe(false);
});
