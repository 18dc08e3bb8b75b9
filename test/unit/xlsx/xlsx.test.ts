import JSZip from "jszip";
import {
  readWorkbookCells,
  readWorkbookTables,
  writeWorkbook,
  XlsxReadError,
} from "../../../src/xlsx";
import { fullSpec, TRICKY_STRINGS } from "../../helpers/full-spec";

async function part(bytes: Uint8Array, path: string): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file(path)!.async("string");
}

describe("writeWorkbook package (read back as raw XML, independent of exceljs)", () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await writeWorkbook(fullSpec(5));
  });

  test("tricky strings are shared-string text cells, never formulas", async () => {
    const sheet = await part(bytes, "xl/worksheets/sheet1.xml");
    const shared = await part(bytes, "xl/sharedStrings.xml");
    for (const col of ["A", "B", "C", "D", "E", "F"])
      expect(sheet).toMatch(new RegExp(`<c r="${col}7"[^>]*t="s"`));
    expect(sheet).not.toMatch(/<f>SUM\(A1\)<\/f>|<f>1\+1<\/f>/);
    for (const s of TRICKY_STRINGS) expect(shared).toContain(`<t>${s}</t>`);
  });

  test("default font is Times New Roman without the theme scheme", async () => {
    const styles = await part(bytes, "xl/styles.xml");
    const first = /<fonts[^>]*><font>([\s\S]*?)<\/font>/.exec(styles)?.[1];
    expect(first).toContain('<name val="Times New Roman"/>');
    expect(first).toContain('<sz val="12"/>');
    expect(first).not.toContain("scheme");
  });

  test("no dangling x14 id on gradient data bars", async () => {
    const sheet = await part(bytes, "xl/worksheets/sheet2.xml");
    expect(sheet).toContain('<cfRule type="dataBar"');
    expect(sheet).not.toContain("<x14:id/>");
  });

  test("table without totals row has no totals noise", async () => {
    const table = await part(bytes, "xl/tables/table1.xml");
    expect(table).toContain('ref="A2:G7"');
    expect(table).toContain('totalsRowShown="0"');
    expect(table).not.toMatch(/totalsRowLabel|totalsRowFunction|<filterColumn/);
  });

  test("defined names and print titles are written with quoted sheet names", async () => {
    const wb = await part(bytes, "xl/workbook.xml");
    expect(wb).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="1">'Nhiệm vụ'!$2:$2</definedName>`
    );
    expect(wb).toContain(`<definedName name="Năm_báo_cáo">'Thông tin'!$B$2</definedName>`);
    expect(wb).toMatch(/<sheet [^>]*name="_phuluc"[^>]*state="veryHidden"/);
  });

  test("apostrophe in a sheet name is escaped in print titles", async () => {
    const spec = fullSpec(2);
    spec.sheets[1] = { ...spec.sheets[1], name: "Việc của Sở's" };
    const wb = await part(await writeWorkbook(spec), "xl/workbook.xml");
    expect(wb).toContain(`'Việc của Sở''s'!$2:$2`);
  });

  test("several pages wide, title columns, page numbers from 1 and row heights are written", async () => {
    const spec = fullSpec(4);
    spec.sheets[1].pageLayout = {
      ...spec.sheets[1].pageLayout!,
      fitToWidth: undefined,
      fitToPagesWide: 3,
      printTitleColumns: "A:B",
      restartPageNumbers: true,
    };
    spec.sheets[1].rowHeights = { 2: 32, 3: 63.75, 4: 63.75 };
    const out = await writeWorkbook(spec);
    const wb = await part(out, "xl/workbook.xml");
    expect(wb).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="1">'Nhiệm vụ'!$A:$B,'Nhiệm vụ'!$2:$2</definedName>`
    );
    const sheet = await part(out, "xl/worksheets/sheet2.xml");
    expect(sheet).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
    const setup = /<pageSetup [^>]*\/>/.exec(sheet)![0];
    expect(setup).toContain('fitToWidth="3"');
    expect(setup).toContain('fitToHeight="0"');
    expect(setup).toContain('firstPageNumber="1"');
    expect(setup).toContain('useFirstPageNumber="1"');
    expect(sheet).toMatch(/<row r="3" [^>]*ht="63.75" [^>]*customHeight="1"/);
  });

  test("invalid spec is refused before writing", async () => {
    const spec = fullSpec(2);
    spec.sheets[1].tables[0].range = "A2:G2"; // header only: exceljs#2678 gives a corrupt file
    await expect(writeWorkbook(spec)).rejects.toMatchObject({ code: "INVALID_SPEC" });
  });
});

describe("readWorkbookTables / readWorkbookCells", () => {
  test("one RawTable per visible sheet with display text, merges, rows and labels", async () => {
    const tables = await readWorkbookTables(await writeWorkbook(fullSpec(3)), "ke-hoach.xlsx");
    expect(tables.map((t) => t.sheet)).toEqual(["Thông tin", "Nhiệm vụ"]);
    const tasks = tables[1];
    expect(tasks).toMatchObject({ source: "ke-hoach.xlsx", index: 2, sourceRows: [1, 2, 3, 4, 5] });
    expect(tasks.columnLabels).toEqual(["A", "B", "C", "D", "E", "F", "G"]);
    expect(tasks.rows[0]).toEqual(["DANH MỤC NHIỆM VỤ", "", "", "", "", "", ""]);
    expect(tasks.rows[2].slice(0, 5)).toEqual([
      "NV-0001",
      "1",
      "Nhiệm vụ số 1: rà soát, cập nhật văn bản",
      "Sở Tài chính",
      "15/01/2026",
    ]);
    expect(tasks.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 6 }]);
    expect(tables[0].rows[6]).toEqual(TRICKY_STRINGS);
  });

  test("cells: raw values, formula text, sheet states and names", async () => {
    const wb = await readWorkbookCells(await writeWorkbook(fullSpec(2)), "x.xlsx");
    expect(wb.sheets.map((s) => [s.name, s.state])).toEqual([
      ["Thông tin", "visible"],
      ["Nhiệm vụ", "visible"],
      ["Đơn vị", "hidden"],
      ["_phuluc", "veryHidden"],
    ]);
    const info = wb.sheets[0].cells;
    expect(info[1][1]).toEqual({ value: 2026 });
    expect(info[2][1].value).toEqual(new Date(Date.UTC(2026, 10, 15)));
    expect(info[4][1]).toEqual({ value: null, formula: "B2+1" });
    expect(wb.names).toContainEqual({ name: "DanhSachDonVi", refersTo: "'Đơn vị'!$A$2:$A$4" });
  });

  test("rich text is flattened and cached formula results shown", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = {
      richText: [{ text: "Sở " }, { text: "Y tế", font: { bold: true } }],
    };
    ws.getCell("B1").value = { formula: "1+1", result: 2 } as never;
    ws.getCell("C1").value = 0.25;
    ws.getCell("C1").numFmt = "0%";
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    expect((await readWorkbookTables(bytes, "r.xlsx"))[0].rows).toEqual([["Sở Y tế", "2", "25%"]]);
  });

  test.each([
    [
      "not a zip",
      new TextEncoder().encode("xin chào"),
      "CORRUPT",
      /bị hỏng hoặc không phải tệp Excel \(\.xlsx\)/,
    ],
    [
      "a zip without a workbook",
      new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]),
      "CORRUPT",
      /bị hỏng/,
    ],
    [
      "legacy .xls",
      ole2(["Workbook", "SummaryInformation"]),
      "LEGACY_XLS",
      /định dạng Excel cũ \(\.xls\).*lưu lại dưới dạng \.xlsx/,
    ],
    ["password-protected", ole2(["EncryptionInfo", "EncryptedPackage"]), "ENCRYPTED", /mật khẩu/],
  ])("%s → XlsxReadError with a Vietnamese message", async (_, bytes, code, message) => {
    const err = await readWorkbookTables(bytes as Uint8Array, "tep.xlsx").catch((e) => e);
    expect(err).toBeInstanceOf(XlsxReadError);
    expect(err.code).toBe(code);
    expect(err.message).toMatch(message as RegExp);
    expect(err.message).toContain("tep.xlsx");
  });
});

/** A minimal OLE2-looking buffer: the magic, then directory entry names in UTF-16LE. */
function ole2(streams: string[]): Uint8Array {
  const head = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)];
  const names = streams.flatMap((s) =>
    [...s].flatMap((c) => [c.charCodeAt(0), 0]).concat(new Array(128 - s.length * 2).fill(0))
  );
  return new Uint8Array([...head, ...names]);
}
