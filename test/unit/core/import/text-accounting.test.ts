/** Every word of a phụ lục cell reaches a task, a group or a finding: what does not is named. */
import { lostTexts } from "../../../../src/core/import/text-accounting";

test("a cell whose words all reached a field (any case, diacritics, order) loses nothing", () => {
  const rows = [
    { cells: ["1", "Tuyên truyền đối ngoại", "Chủ trì: Sở Ngoại vụ; Phối hợp: Công an tỉnh"] },
  ];
  const placed = [["1", "TUYÊN TRUYỀN ĐỐI NGOẠI", "Sở Ngoại vụ", "Công an tỉnh"]];
  // The role labels a lead cell is cut at are no loss.
  expect(lostTexts(rows, placed)).toEqual([]);
});

test("words reaching nothing are named with their row, column and cell", () => {
  const rows = [
    { cells: ["1", "Hội nghị", "Sở Tài chính", "500 triệu đồng"] },
    { cells: ["2", "Tọa đàm", "Sở Ngoại vụ", ""] },
  ];
  const placed = [
    ["1", "Hội nghị", "Sở Tài chính"],
    ["2", "Tọa đàm", "Sở Ngoại vụ"],
  ];
  expect(lostTexts(rows, placed)).toEqual([
    { row: 0, column: 3, text: "500 triệu đồng", words: ["500", "triệu", "đồng"] },
  ]);
});

test("a cell merged down is checked once, against every row it covers", () => {
  const shared = (index: number) => ({ 3: { index, count: 2 } });
  const rows = [
    { cells: ["1", "Hội nghị", "Sở Tài chính", "Sở Y tế\nCông an tỉnh"], shared: shared(0) },
    { cells: ["2", "Tọa đàm", "Sở Ngoại vụ", "Sở Y tế\nCông an tỉnh"], shared: shared(1) },
  ];
  const placed = [
    ["1", "Hội nghị", "Sở Tài chính", "Sở Y tế"],
    ["2", "Tọa đàm", "Sở Ngoại vụ", "Công an tỉnh"],
  ];
  expect(lostTexts(rows, placed)).toEqual([]);
  expect(lostTexts(rows, [placed[0]!, ["2", "Tọa đàm", "Sở Ngoại vụ"]])).toEqual([
    { row: 0, column: 3, text: "Sở Y tế\nCông an tỉnh", words: ["Công", "an", "tỉnh"] },
  ]);
});
