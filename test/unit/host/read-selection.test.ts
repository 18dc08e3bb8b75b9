/**
 * readSelectionTable against a fake Excel: one range load, a size check before `text` is
 * loaded (a whole-column selection must not pull a million cells), and merges when supported.
 */
import { readSelectionTable, MAX_SELECTION_CELLS } from "../../../src/host/read-selection";

function installFakeExcel(opts: {
  cellCount: number;
  texts: string[][];
  merged: string | null;
  mergesSupported: boolean;
}) {
  const syncs: string[][] = [];
  let loaded: string[] = [];
  const range = {
    rowIndex: 9,
    columnIndex: 0,
    rowCount: opts.texts.length,
    columnCount: opts.texts[0]?.length ?? 0,
    cellCount: opts.cellCount,
    text: opts.texts,
    load: (props: string | string[]) => loaded.push(...(Array.isArray(props) ? props : [props])),
    getMergedAreasOrNullObject: () => ({
      isNullObject: opts.merged === null,
      address: opts.merged ?? "",
      load: () => undefined,
    }),
  };
  const context = {
    workbook: {
      getSelectedRange: () => range,
      worksheets: { getActiveWorksheet: () => ({ name: "PL", load: () => undefined }) },
    },
    sync: async () => {
      syncs.push(loaded);
      loaded = [];
    },
  };
  (globalThis as unknown as { Excel: unknown }).Excel = {
    run: (fn: (c: unknown) => Promise<unknown>) => fn(context),
  };
  (globalThis as unknown as { Office: unknown }).Office = {
    context: { requirements: { isSetSupported: () => opts.mergesSupported } },
  };
  return syncs;
}

describe("readSelectionTable", () => {
  it("reads texts, values and merged areas in two syncs, text only after the size check", async () => {
    const syncs = installFakeExcel({
      cellCount: 6,
      texts: [
        ["STT", "Nhiệm vụ", "Chủ trì"],
        ["1", "Nhóm", ""],
      ],
      merged: "PL!B11:C11",
      mergesSupported: true,
    });
    const table = await readSelectionTable();
    expect(syncs).toHaveLength(2);
    expect(syncs[0]).not.toContain("text");
    expect(syncs[1]).toEqual(["text", "values", "numberFormat"]);
    expect(table.sheet).toBe("PL");
    expect(table.sourceRows).toEqual([10, 11]);
    expect(table.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 2 }]);
  });

  it("refuses a huge selection with a Vietnamese InputError, before loading any text", async () => {
    const syncs = installFakeExcel({
      cellCount: MAX_SELECTION_CELLS + 1,
      texts: [["x"]],
      merged: null,
      mergesSupported: false,
    });
    await expect(readSelectionTable()).rejects.toMatchObject({
      name: "InputError",
      message: expect.stringMatching(/Vùng chọn quá lớn/),
    });
    expect(syncs.flat()).not.toContain("text");
  });

  it("works without merge support (ExcelApi < 1.13)", async () => {
    installFakeExcel({
      cellCount: 4,
      texts: [
        ["a", "b"],
        ["c", "d"],
      ],
      merged: null,
      mergesSupported: false,
    });
    expect((await readSelectionTable()).merges).toEqual([]);
  });
});
