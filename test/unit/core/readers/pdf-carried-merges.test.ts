import { carryMergeRest, carryMergedCells } from "../../../../src/core/readers/pdf-carried-merges";
import type { RawTable } from "../../../../src/core/table/raw-table";

const HEADER = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp"];

/** The first page's part: the lead of task 2 merged over its last rows (and the next page's). */
const previous: RawTable = {
  source: "kh.pdf",
  index: 1,
  rows: [
    HEADER,
    ["1", "Nhiệm vụ một", "Sở Nội vụ", "Sở Y tế"],
    ["2", "Nhiệm vụ hai", "Sở Tài chính", ""],
    ["3", "Nhiệm vụ ba", "", ""],
  ],
  sourceRows: [1, 2, 3, 4],
  merges: [{ top: 2, left: 2, bottom: 3, right: 2 }],
};

describe("carryMergedCells", () => {
  it("gives an empty merged cell at the top of the next page the text it goes on from", () => {
    const rows = [HEADER, ["4", "Nhiệm vụ bốn", "", ""], ["5", "Nhiệm vụ năm", "", ""]];
    carryMergedCells(previous, rows, [{ top: 1, left: 2, bottom: 2, right: 2 }], 1);
    expect(rows[1]).toEqual(["4", "Nhiệm vụ bốn", "Sở Tài chính", ""]);
  });

  it("fills a merge left one cell high by joining the row cut by the page break", () => {
    const rows = [HEADER, ["4", "Nhiệm vụ bốn", "", ""]];
    carryMergedCells(previous, rows, [{ top: 1, left: 2, bottom: 1, right: 2 }], 1);
    expect(rows[1]?.[2]).toBe("Sở Tài chính");
  });

  it("leaves a single empty cell, and a merge with its own text, as they are", () => {
    const rows = [HEADER, ["4", "Nhiệm vụ bốn", "", ""], ["5", "Nhiệm vụ năm", "Sở Y tế", ""]];
    carryMergedCells(previous, rows, [{ top: 2, left: 2, bottom: 3, right: 2 }], 1);
    expect(rows[1]?.[2]).toBe("");
    const own = [HEADER, ["4", "Nhiệm vụ bốn", "Công an tỉnh", ""], ["5", "Nhiệm vụ năm", "", ""]];
    carryMergedCells(previous, own, [{ top: 1, left: 2, bottom: 2, right: 2 }], 1);
    expect(own[1]?.[2]).toBe("Công an tỉnh");
  });
});

describe("carryMergeRest", () => {
  it("fills the single empty cell under a merge cut by the page break, and names it", () => {
    const rows = [
      HEADER,
      ["4", "Nhiệm vụ bốn", "", "Sở Y tế"],
      ["5", "Nhiệm vụ năm", "Sở Nội vụ", ""],
    ];
    expect(carryMergeRest(previous, rows, [], 1)).toEqual([{ column: 2, text: "Sở Tài chính" }]);
    expect(rows[1]).toEqual(["4", "Nhiệm vụ bốn", "Sở Tài chính", "Sở Y tế"]);
    // Only the first row of the page: the rest of a merge is never further down.
    expect(rows[2]?.[3]).toBe("");
  });

  it("leaves a cell under a single cell, inside a merge of its own, or an empty row", () => {
    const rows = [HEADER, ["4", "Nhiệm vụ bốn", "", ""]];
    const single = { ...previous, merges: [] };
    expect(carryMergeRest(single, rows, [], 1)).toEqual([]);
    expect(carryMergeRest(previous, rows, [{ top: 1, left: 2, bottom: 2, right: 2 }], 1)).toEqual(
      []
    );
    expect(carryMergeRest(previous, [HEADER, ["", "", "", ""]], [], 1)).toEqual([]);
    expect(rows[1]).toEqual(["4", "Nhiệm vụ bốn", "", ""]);
  });
});
