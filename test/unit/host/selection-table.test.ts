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

  it("reads a number or date shown as #### in a narrow column from its value", () => {
    const t = selectionToRawTable({
      ...snapshot,
      texts: [
        ["STT", "Nhiệm vụ", "Thời gian"],
        ["##", "Việc một", "########"],
        ["2", "Việc hai", "####"],
      ],
      values: [
        ["STT", "Nhiệm vụ", "Thời gian"],
        [1, "Việc một", 45838],
        [2, "Việc hai", 2026],
      ],
      numberFormats: [
        ["General", "General", "General"],
        ["General", "General", "dd/mm/yyyy"],
        ["General", "General", "0"],
      ],
    });
    expect(t.rows.map((r) => [r[0], r[2]])).toEqual([
      ["STT", "Thời gian"],
      ["1", "30/06/2025"],
      ["2", "2026"],
    ]);
  });

  it("keeps numbers as displayed when they fit, and text cells whole", () => {
    const t = selectionToRawTable({
      ...snapshot,
      texts: [["1.1", "30/06/2025", "Sở Tài chính"]],
      values: [[1.1, 45838, "Sở Tài chính"]],
      numberFormats: [["0.0", "dd/mm/yyyy", "@"]],
      mergedAddress: null,
    });
    expect(t.rows).toEqual([["1.1", "30/06/2025", "Sở Tài chính"]]);
  });
});
