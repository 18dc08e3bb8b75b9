/**
 * The tracking master's reader (readWorkbookCells: the values reader with styles and names) on
 * package shapes Excel and other programs write, built here by hand: dates told from numbers by
 * their cell format (built-in and custom, 1900 and 1904 systems), shared formulas given to every
 * cell they cover as Excel translates them, and the defined names.
 */
import JSZip from "jszip";
import { readWorkbookCells } from "../../../src/xlsx";
import { rowShifter, shiftFormula } from "../../../src/xlsx/shift-formula";

const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

async function book(opts: { date1904?: boolean; sheet: string }): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    "_rels/.rels",
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
  );
  zip.file(
    "xl/workbook.xml",
    `<workbook ${MAIN} ${R}><workbookPr${opts.date1904 ? ' date1904="1"' : ""}/><sheets><sheet name="Nhiệm vụ" sheetId="1" r:id="rId1"/></sheets>` +
      `<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">'Nhiệm vụ'!$1:$1</definedName>` +
      `<definedName name="Năm_báo_cáo">'Thông tin'!$B$8</definedName><definedName name="Q&amp;A">"a&lt;b"</definedName></definedNames></workbook>`
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`
  );
  // xf 0 General, 1 built-in 14 (a date), 2 custom dd/mm/yyyy, 3 "0%", 4 custom text with a quoted d.
  zip.file(
    "xl/styles.xml",
    `<styleSheet ${MAIN}><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="0.0&quot; ngày&quot;"/></numFmts>` +
      `<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="9"/><xf numFmtId="165"/></cellXfs></styleSheet>`
  );
  zip.file(
    "xl/worksheets/sheet1.xml",
    `<worksheet ${MAIN}><sheetData>${opts.sheet}</sheetData></worksheet>`
  );
  return zip.generateAsync({ type: "uint8array" });
}

test("numbers in a date format are dates (1900 system); other formats stay numbers", async () => {
  const wb = await readWorkbookCells(
    await book({
      sheet:
        '<row r="1"><c r="A1" s="1"><v>46341</v></c><c r="B1" s="2"><v>46341</v></c>' +
        '<c r="C1" s="3"><v>0.25</v></c><c r="D1" s="4"><v>3.5</v></c><c r="E1"><v>46341</v></c></row>',
    }),
    "so.xlsx"
  );
  const row = wb.sheets[0].cells[0];
  expect(row[0].value).toEqual(new Date(Date.UTC(2026, 10, 15)));
  expect(row[1].value).toEqual(new Date(Date.UTC(2026, 10, 15)));
  expect(row.slice(2).map((c) => c.value)).toEqual([0.25, 3.5, 46341]);
});

test("a 1904 workbook's serials are read in its own system", async () => {
  const wb = await readWorkbookCells(
    await book({ date1904: true, sheet: '<row r="1"><c r="A1" s="2"><v>44879</v></c></row>' }),
    "mac.xlsx"
  );
  expect(wb.sheets[0].cells[0][0].value).toEqual(new Date(Date.UTC(2026, 10, 15)));
});

test("shared formulas: every covered cell gets the master's formula, moved like Excel fills it", async () => {
  const master = 'IF($M2="Hoàn thành",N2&amp;"A1",Tổng!B$3+LOG10(C2)+\'Sheet 1\'!D2)';
  const wb = await readWorkbookCells(
    await book({
      sheet:
        `<row r="2"><c r="K2"><f t="shared" ref="K2:L4" si="0">${master}</f><v>1</v></c><c r="L2"><f t="shared" si="0"/></c></row>` +
        '<row r="3"><c r="K3"><f t="shared" si="0"/></c></row>' +
        '<row r="4"><c r="K4"><f t="shared" si="0"/><v>7</v></c><c r="L4"><f t="shared" si="0"/></c></row>',
    }),
    "chia-se.xlsx"
  );
  const cells = wb.sheets[0].cells;
  expect(cells[1][10]).toEqual({
    value: 1,
    formula: `IF($M2="Hoàn thành",N2&"A1",Tổng!B$3+LOG10(C2)+'Sheet 1'!D2)`,
  });
  expect(cells[1][11].formula).toBe(`IF($M2="Hoàn thành",O2&"A1",Tổng!C$3+LOG10(D2)+'Sheet 1'!E2)`);
  expect(cells[2][10].formula).toBe(`IF($M3="Hoàn thành",N3&"A1",Tổng!B$3+LOG10(C3)+'Sheet 1'!D3)`);
  // A dependant names its master cell (as exceljs does); its text is translated when read.
  expect(cells[3][10]).toEqual({
    value: 7,
    formula: `IF($M4="Hoàn thành",N4&"A1",Tổng!B$3+LOG10(C4)+'Sheet 1'!D4)`,
    sharedFormula: "K2",
  });
  expect(cells[3][11].formula).toBe(`IF($M4="Hoàn thành",O4&"A1",Tổng!C$3+LOG10(D4)+'Sheet 1'!E4)`);
  // Every dependant alike (one getter, keys in one order), so V8 keeps 70,000 of them fast.
  const getter = (c: object) => Object.getOwnPropertyDescriptor(c, "formula")?.get;
  expect(getter(cells[3][10])).toBeDefined();
  expect(getter(cells[3][11])).toBe(getter(cells[3][10]));
  expect(getter(cells[2][10])).toBe(getter(cells[3][10]));
  expect(Object.keys(cells[2][10])).toEqual(["value", "formula", "sharedFormula"]);
});

test("shiftFormula leaves anchors, strings, names and table columns alone", () => {
  expect(
    shiftFormula('COUNTIFS($A$2:$A$99,$A5,U:U,"B7")+Tbl[[#This Row],[Q1]]+NamBaoCao', 2, 1)
  ).toBe('COUNTIFS($A$2:$A$99,$A7,U:U,"B7")+Tbl[[#This Row],[Q1]]+NamBaoCao');
});

test("defined names are returned with their sheet scope, entities decoded", async () => {
  const wb = await readWorkbookCells(await book({ sheet: "" }), "ten.xlsx");
  expect(wb.names).toEqual([
    { name: "_xlnm.Print_Titles", refersTo: "'Nhiệm vụ'!$1:$1", localSheetId: 0 },
    { name: "Năm_báo_cáo", refersTo: "'Thông tin'!$B$8" },
    { name: "Q&A", refersTo: '"a<b"' },
  ]);
});

test("rowShifter moves a formula down as shiftFormula does (the writer's filled-down test)", () => {
  const formulas = [
    'IF($M2="Hoàn thành",N2&"A1",Tổng!B$3+LOG10(C2)+\'Sheet 1\'!D2)',
    'COUNTIFS($A$2:$A$18201,$A2,$U$2:$U$18201,"Hoàn thành đúng hạn")&"/"&COUNTIF($A$2:$A$99,$A2)',
    'IFERROR(MID($L9,FIND(";"&NamBaoCao&"=",$L9)+6,8),"")',
    "SUM(B9:B10)+Tbl[[#This Row],[Q1]]+ABCD1+x1",
    "'no sheet' & A9",
    "A0002+B1234567890123+ZZZ7+$C$5",
    "SUM($A$2:$A$9)",
  ];
  for (const f of formulas) {
    const moved = rowShifter(f);
    for (const rows of [0, 1, 2, 9, 991, -1, -5])
      expect(moved(rows)).toBe(shiftFormula(f, rows, 0));
  }
});
