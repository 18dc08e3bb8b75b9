import { htmlListFormat, listNumber } from "../../../../src/core/readers/list-number";

test("Word's and HTML's list formats", () => {
  expect([1, 26, 27, 53, 260].map((n) => listNumber(n, "lowerLetter"))).toEqual([
    "a",
    "z",
    "aa",
    "aaa",
    "zzzzzzzzzz",
  ]);
  expect(listNumber(28, "upperLetter")).toBe("BB");
  expect([4, 9, 14, 3999].map((n) => listNumber(n, "upperRoman"))).toEqual([
    "IV",
    "IX",
    "XIV",
    "MMMCMXCIX",
  ]);
  expect(listNumber(12, "lowerRoman")).toBe("xii");
  expect(listNumber(5, "decimalZero")).toBe("05");
  expect(listNumber(7, "none")).toBe("");
  expect(listNumber(7, "ordinal")).toBe("7");
  expect(["I", "i", "A", "a", "1", undefined].map(htmlListFormat)).toEqual([
    "upperRoman",
    "lowerRoman",
    "upperLetter",
    "lowerLetter",
    "decimal",
    "decimal",
  ]);
});

test("a number no list reaches is written as a number, never a huge string", () => {
  expect(listNumber(261, "lowerLetter")).toBe("261");
  expect(listNumber(1e9, "lowerLetter")).toBe("1000000000");
  expect(listNumber(4000, "upperRoman")).toBe("4000");
});
