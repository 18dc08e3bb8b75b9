/** The package's small parts: workbook, relationships, content types, document properties. */
import { columnLetter, parseColumnSpan, parseRowSpan, quoteSheetName } from "../../core/spec/a1";
import type { WorkbookSpec } from "../../core/spec/sheet-spec";
import { xmlText } from "./xml-text";

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument.spreadsheetml";

interface DefinedName {
  name: string;
  refersTo: string;
  localSheetId?: number;
}

/** Print titles (one name per sheet, Excel's order: columns then rows) and the spec's names. */
function definedNames(spec: WorkbookSpec): DefinedName[] {
  const out: DefinedName[] = [];
  spec.sheets.forEach((s, i) => {
    const rows = s.pageLayout?.printTitleRows;
    const cols = s.pageLayout?.printTitleColumns;
    if (!rows && !cols) return;
    const sheet = quoteSheetName(s.name);
    const refs: string[] = [];
    if (cols) {
      const { from, to } = parseColumnSpan(cols);
      refs.push(`${sheet}!$${columnLetter(from)}:$${columnLetter(to)}`);
    }
    if (rows) {
      const { from, to } = parseRowSpan(rows);
      refs.push(`${sheet}!$${from}:$${to}`);
    }
    out.push({ name: "_xlnm.Print_Titles", localSheetId: i, refersTo: refs.join(",") });
  });
  for (const n of spec.names ?? [])
    out.push({ name: n.name, refersTo: n.refersTo.replace(/^=/, "") });
  return out;
}

export function workbookXml(spec: WorkbookSpec): string {
  // A hidden first sheet must not be the active tab, or Excel opens on an invisible sheet.
  const activeTab = Math.max(
    0,
    spec.sheets.findIndex((s) => s.visibility === "visible")
  );
  const sheets = spec.sheets
    .map(
      (s, i) =>
        `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}"` +
        (s.visibility === "visible" ? "" : ` state="${s.visibility}"`) +
        ` r:id="rId${i + 1}"/>`
    )
    .join("");
  const names = definedNames(spec)
    .map(
      (n) =>
        `<definedName name="${xmlText(n.name)}"` +
        (n.localSheetId === undefined ? "" : ` localSheetId="${n.localSheetId}"`) +
        `>${xmlText(n.refersTo)}</definedName>`
    )
    .join("");
  return (
    XML_HEAD +
    `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}">` +
    "<workbookPr/>" +
    `<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="20000" windowHeight="12000" activeTab="${activeTab}"/></bookViews>` +
    `<sheets>${sheets}</sheets>` +
    (names ? `<definedNames>${names}</definedNames>` : "") +
    // Formulas are written without cached results: Excel computes them on open.
    '<calcPr calcId="171027" fullCalcOnLoad="1"/>' +
    "</workbook>"
  );
}

/** Sheets are rId1…rIdN (workbookXml relies on it), then styles, theme, shared strings. */
export function workbookRels(sheetCount: number): string {
  const rel = (id: number, type: string, target: string) =>
    `<Relationship Id="rId${id}" Type="${REL}/${type}" Target="${target}"/>`;
  let xml = "";
  for (let i = 1; i <= sheetCount; i++) xml += rel(i, "worksheet", `worksheets/sheet${i}.xml`);
  xml += rel(sheetCount + 1, "styles", "styles.xml");
  xml += rel(sheetCount + 2, "theme", "theme/theme1.xml");
  xml += rel(sheetCount + 3, "sharedStrings", "sharedStrings.xml");
  return (
    XML_HEAD +
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${xml}</Relationships>`
  );
}

export function sheetRels(tableIds: number[]): string {
  return (
    XML_HEAD +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    tableIds
      .map(
        (id, k) =>
          `<Relationship Id="rId${k + 1}" Type="${REL}/table" Target="../tables/table${id}.xml"/>`
      )
      .join("") +
    "</Relationships>"
  );
}

export const ROOT_RELS =
  XML_HEAD +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  `<Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/>` +
  "</Relationships>";

export function contentTypes(sheetCount: number, tableIds: number[]): string {
  const o = (part: string, type: string) => `<Override PartName="${part}" ContentType="${type}"/>`;
  let xml =
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    o("/xl/workbook.xml", `${CT}.sheet.main+xml`);
  for (let i = 1; i <= sheetCount; i++)
    xml += o(`/xl/worksheets/sheet${i}.xml`, `${CT}.worksheet+xml`);
  for (const id of tableIds) xml += o(`/xl/tables/table${id}.xml`, `${CT}.table+xml`);
  xml +=
    o("/xl/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml") +
    o("/xl/styles.xml", `${CT}.styles+xml`) +
    o("/xl/sharedStrings.xml", `${CT}.sharedStrings+xml`) +
    o("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml") +
    o("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml");
  return (
    XML_HEAD +
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${xml}</Types>`
  );
}

export function coreXml(creator: string, now: Date): string {
  const at = now.toISOString().replace(/\.\d+Z$/, "Z");
  return (
    XML_HEAD +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:creator>${xmlText(creator)}</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified>` +
    "</cp:coreProperties>"
  );
}

export function appXml(sheetNames: string[]): string {
  return (
    XML_HEAD +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ' +
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    "<Application>Microsoft Excel</Application>" +
    '<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant>' +
    `<vt:variant><vt:i4>${sheetNames.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${sheetNames.length}" baseType="lpstr">` +
    sheetNames.map((n) => `<vt:lpstr>${xmlText(n)}</vt:lpstr>`).join("") +
    "</vt:vector></TitlesOfParts>" +
    "</Properties>"
  );
}
