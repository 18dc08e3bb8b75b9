import { renderToOffice, RenderError } from "../../../../src/render/office/render-workbook";
import { FakeExcel, FakeOfficeError } from "../../../fakes/office-fake";
import { fullSpec, TRICKY_STRINGS } from "../../../helpers/full-spec";

const NOW = new Date(2026, 10, 15, 9, 5);
const neverAsked = async (): Promise<"backup" | "cancel"> => {
  throw new Error("onConflict must not be called");
};

function userWorkbook(): FakeExcel {
  return new FakeExcel({
    sheets: [
      { name: "Sheet1", cells: { A1: "ghi chú của tôi" } },
      {
        name: "Nhiệm vụ",
        cells: { A1: "Mã nhiệm vụ", B5: "đã nhập tay" },
        tables: [{ name: "NhiemVu", range: "A1:C5" }],
      },
    ],
    names: [{ name: "NamBaoCao", formula: "='Thông tin cũ'!$B$2" }],
  });
}

describe("renderToOffice", () => {
  test("sync count is the same small constant for 50 and 2,000 rows", async () => {
    const counts: number[] = [];
    for (const rows of [50, 2000]) {
      const fake = new FakeExcel({ sheets: [{ name: "Sheet1" }] });
      const result = await renderToOffice(fake.context, fullSpec(rows), {
        onConflict: neverAsked,
        now: () => NOW,
      });
      expect(result.syncs).toBe(fake.syncCount);
      counts.push(fake.syncCount);
      expect(fake.sheet("Nhiệm vụ").cells.get(`A${rows + 2}`)?.value).toBe(
        `NV-${String(rows).padStart(4, "0")}`
      );
    }
    expect(counts).toEqual([2, 2]);
  });

  test("writes values, formulas, dates, styles, table, validations, CFs, freeze, layout, names, visibility", async () => {
    const fake = new FakeExcel({ sheets: [{ name: "Sheet1" }] });
    const result = await renderToOffice(fake.context, fullSpec(5), {
      onConflict: neverAsked,
      now: () => NOW,
    });
    expect(result).toEqual({ syncs: 2, backups: [] });
    const info = fake.sheet("Thông tin");
    expect(info.cells.get("B2")?.value).toBe(2026);
    expect(info.cells.get("B3")).toMatchObject({ value: 46341, numberFormat: "dd/mm/yyyy" }); // 2026-11-15
    expect(info.cells.get("B5")?.formula).toBe("=B2+1");
    expect(fake.formatAt("Thông tin", "A1", "font.bold")).toBe(true);
    expect(fake.formatAt("Thông tin", "C1", "font.name")).toBe("Times New Roman");
    expect(fake.formatAt("Thông tin", "C1", "columnHidden")).toBe(true);
    expect(info.merges).toEqual(["A1:B1"]);
    expect(info.tabColor).toBe("#2F5597");
    const tasks = fake.sheet("Nhiệm vụ");
    expect(tasks.cells.get("G3")?.formula).toBe('=IF(F3>=100,"Hoàn thành","Đang thực hiện")');
    expect(fake.state.tables).toEqual([
      expect.objectContaining({
        name: "NhiemVu",
        range: "A2:G7",
        headers: [
          "Mã nhiệm vụ",
          "STT",
          "Nhiệm vụ",
          "Đơn vị chủ trì",
          "Hạn",
          "Tiến độ (%)",
          "Tình trạng",
        ],
      }),
    ]);
    expect(tasks.validations.find((v) => v.range === "G3:G7")?.props.rule).toEqual({
      list: { inCellDropDown: true, source: "Hoàn thành,Đang thực hiện,Chưa thực hiện" },
    });
    expect(tasks.validations.find((v) => v.range === "F3:F7")?.props.errorAlert).toMatchObject({
      style: "Stop",
      title: "Sai tiến độ",
    });
    expect(tasks.conditionalFormats.map((c) => [c.type, c.range])).toEqual([
      ["Custom", "A3:G7"],
      ["DataBar", "F3:F7"],
    ]);
    expect(tasks.conditionalFormats[0].props["custom.rule.formula"]).toBe("=$F3>=100");
    expect(tasks.freeze).toEqual({ rows: 2, columns: 1 });
    expect(tasks.pageLayout).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      printTitleRows: "$2:$2",
      "headersFooters.state": "FirstAndDefault",
    });
    expect(fake.sheet("Đơn vị").visibility).toBe("Hidden");
    expect(fake.sheet("_phuluc").visibility).toBe("VeryHidden");
    expect(fake.state.names).toContainEqual({ name: "Năm_báo_cáo", formula: "='Thông tin'!$B$2" });
    expect(info.active).toBe(true);
  });

  test("prints N pages wide with title columns and page numbers from 1; row heights in runs", async () => {
    const spec = fullSpec(6);
    spec.sheets[1].pageLayout = {
      ...spec.sheets[1].pageLayout!,
      fitToWidth: undefined,
      fitToPagesWide: 4,
      printTitleColumns: "A:B",
      restartPageNumbers: true,
    };
    spec.sheets[1].rowHeights = { 2: 32, 3: 48, 4: 48, 5: 48, 7: 48 };
    const fake = new FakeExcel({ sheets: [{ name: "Sheet1" }] });
    const result = await renderToOffice(fake.context, spec, {
      onConflict: neverAsked,
      now: () => NOW,
    });
    expect(result.syncs).toBe(2);
    expect(fake.sheet("Nhiệm vụ").pageLayout).toMatchObject({
      zoom: { horizontalFitToPages: 4, verticalFitToPages: 0 },
      firstPageNumber: 1,
      printTitleRows: "$2:$2",
      printTitleColumns: "$A:$B",
    });
    const heights = fake
      .sheet("Nhiệm vụ")
      .formats.filter((f) => f.key === "rowHeight")
      .map((f) => [f.range.top, f.range.bottom, f.value]);
    expect(heights).toEqual([
      [2, 2, 32],
      [3, 5, 48],
      [7, 7, 48],
    ]);
  });

  test('strings such as "=1+1", "+84…", "0123" stay text', async () => {
    const fake = new FakeExcel({ sheets: [{ name: "Sheet1" }] });
    await renderToOffice(fake.context, fullSpec(1), { onConflict: neverAsked });
    const row = ["A7", "B7", "C7", "D7", "E7", "F7"].map((a) =>
      fake.sheet("Thông tin").cells.get(a)
    );
    expect(row.map((c) => c?.value)).toEqual(TRICKY_STRINGS);
    expect(row.every((c) => c?.formula === undefined && c?.quotePrefix)).toBe(true);
  });

  test("existing sheet: asks, keeps a renamed backup with the old content, frees the table and name", async () => {
    const fake = userWorkbook();
    const asked: string[][] = [];
    const result = await renderToOffice(fake.context, fullSpec(3), {
      onConflict: async (existing) => (asked.push(existing), "backup"),
      now: () => NOW,
    });
    expect(asked).toEqual([["Nhiệm vụ"]]);
    expect(result.backups).toEqual(["Nhiệm vụ (sao lưu 15-11 09.05)"]);
    const backup = fake.sheet("Nhiệm vụ (sao lưu 15-11 09.05)");
    expect(backup.cells.get("B5")?.value).toBe("đã nhập tay");
    expect(fake.state.tables.map((t) => [t.name, t.sheet.name])).toEqual([
      ["NhiemVu_saoluu_1511_0905", "Nhiệm vụ (sao lưu 15-11 09.05)"],
      ["NhiemVu", "Nhiệm vụ"],
    ]);
    expect(fake.state.names.filter((n) => n.name === "NamBaoCao")).toEqual([
      { name: "NamBaoCao", formula: "='Thông tin'!$B$2" },
    ]);
    expect(fake.sheet("Sheet1").cells.get("A1")?.value).toBe("ghi chú của tôi");
  });

  test("cancel leaves the workbook unchanged after one sync", async () => {
    const fake = userWorkbook();
    const before = fake.snapshot();
    const result = await renderToOffice(fake.context, fullSpec(3), {
      onConflict: async () => "cancel",
    });
    expect(result).toEqual({ syncs: 1, backups: [], cancelled: true });
    expect(fake.snapshot()).toEqual(before);
  });

  test.each([0.1, 0.5, 0.97])(
    "failure part-way (%p of the batch) rolls the workbook back in 4 syncs",
    async (fraction) => {
      const fake = new FakeExcel(
        {
          sheets: [
            { name: "Sheet1", cells: { A1: "ghi chú" } },
            {
              name: "Nhiệm vụ",
              cells: { B5: "đã nhập tay" },
              tables: [{ name: "NhiemVu", range: "A1:C5" }],
            },
          ],
          names: [{ name: "NamBaoCao", formula: "='Cũ'!$B$2" }],
        },
        { failAtSync: 2, fraction }
      );
      const before = fake.snapshot();
      const err = await renderToOffice(fake.context, fullSpec(20), {
        onConflict: async () => "backup",
        now: () => NOW,
      }).catch((e) => e);
      expect(err).toBeInstanceOf(RenderError);
      expect(err).toMatchObject({ code: "RENDER_FAILED", rolledBack: true });
      expect(err.message).toMatch(/đã được khôi phục/);
      expect(fake.syncCount).toBe(4);
      expect(fake.snapshot()).toEqual(before);
    }
  );
});

describe("office fake", () => {
  test("throws PropertyNotLoaded before load + sync, like Office", async () => {
    const fake = new FakeExcel({ sheets: [{ name: "Sheet1" }] });
    const sheets = fake.context.workbook.worksheets.load("items/name");
    expect(() => sheets.items).toThrow(FakeOfficeError);
    await fake.context.sync();
    expect(sheets.items.map((s) => s.name)).toEqual(["Sheet1"]);
    expect(() => sheets.items[0].visibility).toThrow(/PropertyNotLoaded/);
    expect(() => fake.context.workbook.worksheets.getItem("Sheet1").getRange("A1").values).toThrow(
      /PropertyNotLoaded/
    );
  });

  test("unprotected text is reinterpreted like Excel does, so the renderer's protection is meaningful", async () => {
    const fake = new FakeExcel({ sheets: [{ name: "Sheet1" }] });
    fake.context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").values = [
      ["=1+1", "0123"],
    ];
    await fake.context.sync();
    expect(fake.sheet("Sheet1").cells.get("A1")).toMatchObject({ formula: "=1+1" });
    expect(fake.sheet("Sheet1").cells.get("B1")?.value).toBe(123);
  });
});
