/**
 * xlsx/patch-workbook.ts on a package whose parts are checked as raw XML (independent of the
 * reader): cells rewritten in place (text inline, dates in the workbook's date system, a date
 * format added only when the cell shows none), rows appended above a totals row with the
 * table, validations and conditional formats extended, a calc chain dropped when a formula
 * was overwritten, whole sheets added / replaced, tabs renamed; untouched parts byte-equal.
 */
import JSZip from "jszip";
import type { SheetSpec, WorkbookSpec } from "../../../src/core/spec/sheet-spec";
import { patchWorkbook, readWorkbookCells, writeWorkbook } from "../../../src/xlsx";

const FONT = { name: "Times New Roman", size: 12 };

function sheet(
  name: string,
  values: (string | number | null)[][],
  extra: Partial<SheetSpec> = {}
): SheetSpec {
  return {
    name,
    visibility: "visible",
    columns: [{ width: 20 }, { width: 12 }],
    blocks: [{ address: "A1", values }],
    styles: [],
    merges: [],
    tables: [],
    validations: [],
    conditionalFormats: [],
    ...extra,
  };
}

const SPEC: WorkbookSpec = {
  defaultFont: FONT,
  sheets: [
    sheet(
      "Việc",
      [
        ["Tên", "Số"],
        ["a", 1],
        ["b", 2],
      ],
      {
        tables: [{ name: "Viec", range: "A1:B3", columns: ["Tên", "Số"] }],
        validations: [{ type: "whole", range: "B2:B3", min: 0, max: 100 } as never],
      }
    ),
    sheet("Khác", [["giữ", 7]]),
  ],
};

async function parts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const [n, f] of Object.entries(zip.files)) if (!f.dir) out.set(n, await f.async("string"));
  return out;
}

async function edit(files: Map<string, string>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [n, t] of files) zip.file(n, t);
  return zip.generateAsync({ type: "uint8array" });
}

describe("patchWorkbook", () => {
  let original: Uint8Array;
  let before: Map<string, string>;
  beforeAll(async () => {
    original = await writeWorkbook(SPEC);
    before = await parts(original);
  });

  test("rewrites cells in place; untouched parts keep their bytes", async () => {
    const out = await patchWorkbook(original, "t.xlsx", {
      cells: [
        { sheet: "Việc", address: "A2", value: 'chữ <mới> & "cũ"' },
        { sheet: "Việc", address: "B3", value: { date: "2026-11-15" } },
        { sheet: "Việc", address: "D9", value: 42 },
      ],
      appends: [],
      renames: [],
      sheets: [],
      defaultFont: FONT,
    });
    const after = await parts(out);
    const ws = after.get("xl/worksheets/sheet1.xml")!;
    expect(ws).toContain(
      't="inlineStr"><is><t xml:space="preserve">chữ &lt;mới&gt; &amp; &quot;cũ&quot;</t></is>'
    );
    expect(ws).toMatch(/<c r="B3" s="(\d+)"><v>46341<\/v><\/c>/);
    expect(ws).toMatch(/<row r="9"><c r="D9"( s="\d+")?><v>42<\/v><\/c><\/row>/);
    // B3 showed no date: its style is cloned with a dd/mm/yyyy number format.
    const styles = after.get("xl/styles.xml")!;
    const s = Number(/<c r="B3" s="(\d+)"/.exec(ws)![1]);
    const xf = [...styles.split("<cellXfs")[1].matchAll(/<xf [^>]*>/g)][s][0];
    const id = /numFmtId="(\d+)"/.exec(xf)![1];
    expect(styles).toContain(`<numFmt numFmtId="${id}" formatCode="dd/mm/yyyy"/>`);
    for (const [name, text] of before)
      if (!["xl/worksheets/sheet1.xml", "xl/styles.xml", "xl/workbook.xml"].includes(name))
        expect([name, after.get(name)]).toEqual([name, text]);
    expect(after.get("xl/workbook.xml")).toContain('fullCalcOnLoad="1"');
    const back = await readWorkbookCells(out, "t.xlsx");
    const grid = back.sheets[0].cells;
    expect(grid[1][0].value).toBe('chữ <mới> & "cũ"');
    expect((grid[2][1].value as Date).toISOString().slice(0, 10)).toBe("2026-11-15");
  });

  test("1904 workbooks get 1904 serials", async () => {
    const files = new Map(before);
    files.set(
      "xl/workbook.xml",
      files.get("xl/workbook.xml")!.replace(/<workbookPr\b/, '<workbookPr date1904="1"')
    );
    const out = await patchWorkbook(await edit(files), "t.xlsx", {
      cells: [{ sheet: "Việc", address: "B3", value: { date: "2026-11-15" } }],
      appends: [],
      renames: [],
      sheets: [],
      defaultFont: FONT,
    });
    expect((await parts(out)).get("xl/worksheets/sheet1.xml")).toMatch(
      /<c r="B3"[^>]*><v>44879<\/v>/
    );
  });

  test("appends above a totals row: table, autofilter and validation extended", async () => {
    const files = new Map(before);
    const table = [...files.keys()].find((n) => n.startsWith("xl/tables/"))!;
    files.set(
      table,
      files
        .get(table)!
        .replace('ref="A1:B3"', 'ref="A1:B4"')
        .replace(/totalsRowShown="0"/, 'totalsRowCount="1"')
    );
    files.set(
      "xl/worksheets/sheet1.xml",
      files
        .get("xl/worksheets/sheet1.xml")!
        .replace(
          "</sheetData>",
          '<row r="4"><c r="A4" t="inlineStr"><is><t>Tổng</t></is></c></row></sheetData>'
        )
    );
    const out = await patchWorkbook(await edit(files), "t.xlsx", {
      cells: [],
      appends: [
        {
          sheet: "Việc",
          table: "Viec",
          rows: [
            ["c", 3],
            ["d", 4],
          ],
        },
      ],
      renames: [],
      sheets: [],
      defaultFont: FONT,
    });
    const after = await parts(out);
    expect(after.get(table)).toContain('ref="A1:B6"');
    const ws = after.get("xl/worksheets/sheet1.xml")!;
    expect(ws).toMatch(/<row r="6"[^>]*><c r="A6"[^>]*t="inlineStr"><is><t>Tổng<\/t>/);
    expect(ws).toMatch(/<c r="A4"[^>]*><is><t xml:space="preserve">c<\/t>/);
    expect(ws).toContain('sqref="B2:B5"');
    const back = await readWorkbookCells(out, "t.xlsx");
    expect(back.sheets[0].cells.map((r) => r[0].value)).toEqual([
      "Tên",
      "a",
      "b",
      "c",
      "d",
      "Tổng",
    ]);
  });

  test("blocked rows under a table are refused in Vietnamese, nothing written", async () => {
    const files = new Map(before);
    files.set(
      "xl/worksheets/sheet1.xml",
      files
        .get("xl/worksheets/sheet1.xml")!
        .replace("</sheetData>", '<row r="4"><c r="A4"><v>9</v></c></row></sheetData>')
    );
    await expect(
      patchWorkbook(await edit(files), "t.xlsx", {
        cells: [],
        appends: [{ sheet: "Việc", table: "Viec", rows: [["c", 3]] }],
        renames: [],
        sheets: [],
        defaultFont: FONT,
      })
    ).rejects.toThrow(/dòng 4 ngay dưới bảng đã có dữ liệu/);
  });

  test("overwriting a formula drops the calc chain", async () => {
    const files = new Map(before);
    files.set(
      "xl/worksheets/sheet2.xml",
      files
        .get("xl/worksheets/sheet2.xml")!
        .replace(/<c r="B1"[^>]*>.*?<\/c>|<c r="B1"[^>]*\/>/, '<c r="B1"><f>1+6</f><v>7</v></c>')
    );
    files.set(
      "xl/calcChain.xml",
      '<?xml version="1.0" encoding="UTF-8"?><calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="B1" i="2"/></calcChain>'
    );
    files.set(
      "xl/_rels/workbook.xml.rels",
      files
        .get("xl/_rels/workbook.xml.rels")!
        .replace(
          "</Relationships>",
          '<Relationship Id="rIdCC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>'
        )
    );
    const out = await patchWorkbook(await edit(files), "t.xlsx", {
      cells: [{ sheet: "Khác", address: "B1", value: 8 }],
      appends: [],
      renames: [],
      sheets: [],
      defaultFont: FONT,
    });
    const after = await parts(out);
    expect(after.has("xl/calcChain.xml")).toBe(false);
    expect(after.get("xl/_rels/workbook.xml.rels")).not.toContain("calcChain");
  });

  test("a whole sheet's formats are appended after the package's own and used there", async () => {
    const styled = sheet("Mẫu", [["đậm", 1]], {
      styles: [{ range: "A1:A1", style: { font: { bold: true, color: "#C00000" } } }],
      conditionalFormats: [
        { kind: "expression", range: "B1:B1", formula: "B1>0", style: { fill: "#FFC7CE" } },
      ],
    });
    const count = (xml: string, list: string, item: string) =>
      new RegExp(`<${list}\\b[^>]*>([\\s\\S]*?)</${list}>`)
        .exec(xml)?.[1]
        .match(new RegExp(`<${item}\\b`, "g"))?.length ?? 0;
    const stylesBefore = before.get("xl/styles.xml")!;
    const out = await patchWorkbook(original, "t.xlsx", {
      cells: [],
      appends: [],
      renames: [],
      sheets: [styled],
      defaultFont: FONT,
    });
    const after = await parts(out);
    const styles = after.get("xl/styles.xml")!;
    const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1].match(/<xf\b[^>]*>/g)!;
    const sheetXml = after.get("xl/worksheets/sheet3.xml")!;
    const s = Number(/<c r="A1" s="(\d+)"/.exec(sheetXml)![1]);
    expect(s).toBeGreaterThanOrEqual(count(stylesBefore, "cellXfs", "xf"));
    const fontId = Number(/fontId="(\d+)"/.exec(xfs[s])![1]);
    const fonts = /<fonts\b[^>]*>([\s\S]*?)<\/fonts>/
      .exec(styles)![1]
      .match(/<font>[\s\S]*?<\/font>/g)!;
    expect(fonts[fontId]).toContain("<b/>");
    expect(fonts[fontId]).toContain("FFC00000");
    const dxf = Number(/<cfRule [^>]*dxfId="(\d+)"/.exec(sheetXml)![1]);
    expect(dxf).toBe(count(stylesBefore, "dxfs", "dxf"));
    const dxfs = /<dxfs\b[^>]*>([\s\S]*?)<\/dxfs>/.exec(styles)![1].match(/<dxf>[\s\S]*?<\/dxf>/g)!;
    expect(dxfs[dxf]).toContain("FFFFC7CE");
  });

  test("whole sheets: added with their table, replaced in place; tabs renamed", async () => {
    const out = await patchWorkbook(original, "t.xlsx", {
      cells: [],
      appends: [],
      renames: [{ from: "Khác", to: "Khác (cũ)" }],
      sheets: [
        sheet(
          "Mới",
          [
            ["Cột", "Số"],
            ["x", 1],
          ],
          {
            tables: [{ name: "Moi", range: "A1:B2", columns: ["Cột", "Số"] }],
          }
        ),
        sheet("Việc", [["thay", 1]]),
      ],
      defaultFont: FONT,
    });
    const back = await readWorkbookCells(out, "t.xlsx");
    expect(back.sheets.map((s) => s.name)).toEqual(["Việc", "Khác (cũ)", "Mới"]);
    expect(back.sheets[0].cells[0][0].value).toBe("thay");
    expect(back.sheets[2].cells[1].map((c) => c.value)).toEqual(["x", 1]);
    const after = await parts(out);
    const tables = [...after.keys()].filter((n) => n.startsWith("xl/tables/"));
    expect(tables).toHaveLength(1);
    expect(after.get(tables[0])).toContain('name="Moi"');
  });
});
