import { selectionToRawTable, mergesInSelection } from "../../../src/host/selection-table";

describe("selectionToRawTable", () => {
  const snapshot = {
    sheet: "Phụ lục",
    rowIndex: 4, // selection starts at row 5
    columnIndex: 1, // column B
    texts: [
      ["STT", "Nhiệm vụ", "Chủ trì"],
      ["1", "Nhóm một", ""],
      ["1.1", "Việc một", "Sở Tài chính"],
    ],
    mergedAddress: "'Phụ lục'!C6:D6,'Phụ lục'!A1:A2",
  };

  it("keeps the sheet's row numbers and column letters so findings point at real cells", () => {
    const t = selectionToRawTable(snapshot);
    expect(t.source).toBe("(vùng chọn)");
    expect(t.sheet).toBe("Phụ lục");
    expect(t.sourceRows).toEqual([5, 6, 7]);
    expect(t.columnLabels).toEqual(["B", "C", "D"]);
    expect(t.rows[2][2]).toBe("Sở Tài chính");
  });

  it("makes merged areas relative to the selection and drops those outside it", () => {
    expect(mergesInSelection(snapshot)).toEqual([{ top: 1, left: 1, bottom: 1, right: 2 }]);
  });

  it("has no merges when the host could not report them", () => {
    expect(selectionToRawTable({ ...snapshot, mergedAddress: null }).merges).toEqual([]);
  });
});
