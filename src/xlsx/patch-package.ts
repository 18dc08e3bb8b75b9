/**
 * Fixes applied to the .xlsx package exceljs wrote, at the XML level, for what exceljs cannot
 * express or gets wrong:
 *  - the workbook default font: exceljs hard-codes Calibri 11 with scheme="minor" (which makes
 *    Excel take the theme font whatever the name says) as font 0, the "Normal" style;
 *  - defined names: exceljs only stores names as cell sets (no formulas, no table references);
 *  - print titles (rows and columns): exceljs quotes the sheet name without escaping an
 *    apostrophe in it;
 *  - data bars: exceljs gives every dataBar rule an extLst pointing at an x14 rule by id, but
 *    writes neither the id nor the x14 rule for gradient bars: the dangling ref is removed;
 *  - tables without a totals row: exceljs still writes totalsRowShown="1", a "Total" label and
 *    an empty filterColumn per column; removed so the part looks like Excel's own.
 */
import JSZip from "jszip";
import { columnLetter, parseColumnSpan, parseRowSpan, quoteSheetName } from "../core/spec/a1";
import type { FontSpec, WorkbookSpec } from "../core/spec/sheet-spec";

/** Package parts by path, in package order: XML as text, anything else as bytes or base64. */
export type PackageParts = Map<string, string | Uint8Array | { base64: string }>;

/** The fixes, applied to the parts in place (only the XML parts listed above are touched). */
export function patchParts(parts: PackageParts, spec: WorkbookSpec): void {
  const text = (path: string): string => {
    const part = parts.get(path);
    if (typeof part === "string") return part;
    if (part instanceof Uint8Array) return new TextDecoder().decode(part);
    throw new Error(`exceljs package has no ${path}`);
  };
  parts.set("xl/styles.xml", replaceDefaultFont(text("xl/styles.xml"), spec.defaultFont));
  parts.set("xl/workbook.xml", withDefinedNames(text("xl/workbook.xml"), definedNames(spec)));
  for (const path of parts.keys()) {
    if (/^xl\/worksheets\/sheet\d+\.xml$/.test(path))
      parts.set(path, withoutDanglingDataBarRefs(text(path)));
    if (/^xl\/tables\/table\d+\.xml$/.test(path))
      parts.set(path, withoutTotalsRowNoise(text(path)));
  }
}

/** The parts as one .xlsx, compressed once. */
export function zipParts(parts: PackageParts): Promise<Uint8Array> {
  const zip = new JSZip();
  // Text as UTF-8 bytes from the platform's encoder (jszip's own is JavaScript in browsers).
  const utf8 = new TextEncoder();
  for (const [path, part] of parts) {
    if (typeof part === "string") zip.file(path, utf8.encode(part));
    else if (part instanceof Uint8Array) zip.file(path, part);
    else zip.file(path, part.base64, { base64: true });
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** The fixes applied to a whole package (as exceljs' writeBuffer returns it). */
export async function patchPackage(bytes: Uint8Array, spec: WorkbookSpec): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const parts: PackageParts = new Map();
  for (const [path, file] of Object.entries(zip.files)) {
    if (file.dir) continue;
    const isXml = /\.(xml|rels|vml)$/.test(path);
    parts.set(path, isXml ? await file.async("string") : await file.async("uint8array"));
  }
  patchParts(parts, spec);
  return zipParts(parts);
}

export function escapeXml(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

function replaceDefaultFont(xml: string, font: FontSpec): string {
  const parts = [
    font.bold ? "<b/>" : "",
    font.italic ? "<i/>" : "",
    font.underline ? "<u/>" : "",
    `<sz val="${font.size ?? 11}"/>`,
    font.color
      ? `<color rgb="FF${font.color.replace("#", "").toUpperCase()}"/>`
      : `<color theme="1"/>`,
    `<name val="${escapeXml(font.name ?? "Times New Roman")}"/>`,
    `<family val="${/times|serif/i.test(font.name ?? "Times") ? 1 : 2}"/>`,
  ];
  const replaced = xml.replace(
    /(<fonts\b[^>]*>)\s*<font>[\s\S]*?<\/font>/,
    `$1<font>${parts.join("")}</font>`
  );
  if (replaced === xml) throw new Error("exceljs styles.xml has no default font to replace");
  return replaced;
}

interface DefinedName {
  name: string;
  refersTo: string;
  localSheetId?: number;
}

function definedNames(spec: WorkbookSpec): DefinedName[] {
  const out: DefinedName[] = [];
  spec.sheets.forEach((s, i) => {
    const rows = s.pageLayout?.printTitleRows;
    const cols = s.pageLayout?.printTitleColumns;
    if (!rows && !cols) return;
    const sheet = quoteSheetName(s.name);
    const refs: string[] = [];
    // Excel's own order: the columns, then the rows ("'S'!$A:$B,'S'!$1:$1").
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

function withDefinedNames(xml: string, names: DefinedName[]): string {
  if (names.length === 0) return xml;
  const nodes = names
    .map((n) => {
      const local = n.localSheetId === undefined ? "" : ` localSheetId="${n.localSheetId}"`;
      return `<definedName name="${escapeXml(n.name)}"${local}>${escapeXml(n.refersTo)}</definedName>`;
    })
    .join("");
  if (/<definedNames\s*\/>/.test(xml))
    return xml.replace(/<definedNames\s*\/>/, `<definedNames>${nodes}</definedNames>`);
  if (xml.includes("</definedNames>"))
    return xml.replace("</definedNames>", `${nodes}</definedNames>`);
  // CT_Workbook order: sheets, functionGroups?, externalReferences?, definedNames, calcPr…
  return xml.replace("</sheets>", `</sheets><definedNames>${nodes}</definedNames>`);
}

export function withoutDanglingDataBarRefs(xml: string): string {
  return xml.replace(
    /<extLst><ext uri="\{B025F937-C7B1-47D3-B67F-A62EFF666E3E\}"[^>]*><x14:id\/><\/ext><\/extLst>/g,
    ""
  );
}

export function withoutTotalsRowNoise(xml: string): string {
  if (/totalsRowCount="[1-9]/.test(xml)) return xml;
  return xml
    .replace(/ totalsRowShown="1"/, ' totalsRowShown="0"')
    .replace(/ totalsRowLabel="[^"]*"| totalsRowFunction="none"/g, "")
    .replace(/<filterColumn colId="\d+" hiddenButton="0"\/>/g, "");
}
