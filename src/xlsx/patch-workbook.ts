/**
 * The one write path for an officer's existing workbook (CLI and the pane's file mode): the
 * edits a use case returns, applied to the ORIGINAL .xlsx package — the cells that change
 * rewritten in their sheet, rows appended under a table, sheets renamed, whole sheets added or
 * replaced — and every other part copied as it was: notes and their drawings, threaded
 * comments, pictures, charts, pivot tables, slicers, external links, defined names, print
 * settings, protection, custom XML, the officer's styles, widths and own sheets. The Excel
 * pane applies the same edits to the open workbook (render/office).
 *
 * What is touched besides the edited sheets: styles.xml (formats appended, never changed),
 * workbook.xml (new/renamed tabs, print titles of new sheets, recalculation on open since the
 * formulas' cached results are stale), [Content_Types].xml and .rels for new parts, and the
 * calculation chain, dropped when a formula cell was overwritten (Excel rebuilds it).
 */
import type { CellValue, FontSpec, SheetSpec } from "../core/spec/sheet-spec";
import { InputError } from "../core/errors/input-error";
import { isTooLarge } from "../core/readers/zip-package";
import { corrupt, sniffWorkbook, XlsxReadError } from "./read-errors";
import { OpcPackage, REL, withAttribute } from "./patch-opc";
import { SheetXml } from "./patch-cells";
import { appendTableRows, extendRanges } from "./patch-rows";
import { StylesXml } from "./patch-styles";
import { putWholeSheet, renameSheet, stylesPath, workbookSheets } from "./patch-sheets";

export interface PackageEdits {
  /** Cells rewritten, in order (a later write to the same cell wins). */
  cells: { sheet: string; address: string; value: CellValue }[];
  /** Rows appended under a table (or under the sheet's last row without one). */
  appends: { sheet: string; table?: string; rows: CellValue[][] }[];
  renames: { from: string; to: string }[];
  /** Sheets written whole: replacing the sheet of the same name, or added at the end. */
  sheets: SheetSpec[];
  /** The font new sheets are written with (the tracking workbook's). */
  defaultFont: FontSpec;
}

const STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

/**
 * `inflated`: the parts a read of these same bytes already inflated (readWorkbookValues'
 * `parts`), so the master is not inflated and scanned a second time.
 */
export async function patchWorkbook(
  bytes: Uint8Array,
  fileName: string,
  edits: PackageEdits,
  inflated?: Map<string, Uint8Array>
): Promise<Uint8Array> {
  sniffWorkbook(bytes, fileName);
  let pkg: OpcPackage | null;
  try {
    pkg = await OpcPackage.open(bytes, fileName, inflated);
  } catch (e) {
    if (isTooLarge(e)) throw new XlsxReadError("TOO_LARGE", e.message);
    throw corrupt(fileName, e);
  }
  if (!pkg) throw corrupt(fileName);
  const wbPath = pkg.workbookPart();
  if (!pkg.has(wbPath)) throw corrupt(fileName);
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904="(?:1|true)"/.test(pkg.text(wbPath));
  let sPath = stylesPath(pkg, wbPath);
  const styles = new StylesXml(sPath && pkg.has(sPath) ? pkg.text(sPath) : undefined);

  for (const r of edits.renames) renameSheet(pkg, wbPath, r.from, r.to);
  for (const spec of edits.sheets)
    await putWholeSheet(pkg, wbPath, styles, spec, edits.defaultFont);

  const sheets = workbookSheets(pkg, wbPath);
  const entry = (name: string) => {
    const s =
      sheets.find((x) => x.name === name) ??
      sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s || !pkg!.has(s.path))
      throw new InputError(
        "NO_SHEET",
        fileName,
        `Tệp "${fileName}" không có trang "${name}" để ghi thay đổi.`
      );
    return s;
  };
  const open = new Map<string, SheetXml>();
  const sheetXml = (name: string) => {
    const { path } = entry(name);
    let x = open.get(path);
    if (!x) open.set(path, (x = new SheetXml(pkg!.binary(path), date1904)));
    return { path, x };
  };
  const ranges: { path: string; oldLast: number; newLast: number; columns: [number, number] }[] =
    [];

  for (const c of edits.cells) sheetXml(c.sheet).x.set(c.address, c.value, styles);
  for (const a of edits.appends) {
    if (a.rows.length === 0) continue;
    const { path, x } = sheetXml(a.sheet);
    const table = a.table ? findTable(pkg, path, a.table) : null;
    const out = appendTableRows(x, table, a.rows, styles, {
      fileName,
      sheetName: entry(a.sheet).name,
    });
    if (table && out.tableXml) pkg.setText(table.path, out.tableXml);
    ranges.push({ path, oldLast: out.oldLast, newLast: out.last, columns: out.columns });
  }

  let formulaGone = false;
  for (const [path, x] of open) {
    let xml = x.toString();
    for (const r of ranges.filter((g) => g.path === path))
      xml = extendRanges(xml, r.oldLast, r.newLast, r.columns);
    pkg.setBinary(path, xml);
    formulaGone ||= x.replacedFormula;
  }

  if (styles.edited) {
    if (!sPath) {
      sPath = "xl/styles.xml";
      pkg.addRelationship(
        wbPath,
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
        sPath
      );
      pkg.addOverride(sPath, STYLES_TYPE);
    }
    pkg.setText(sPath, styles.toString());
  }
  if (open.size > 0 || edits.sheets.length > 0) recalculateOnOpen(pkg, wbPath, formulaGone);
  return pkg.zip();
}

/** The table part of a sheet by its name or display name. */
function findTable(pkg: OpcPackage, sheetPath: string, name: string) {
  for (const r of pkg.relationships(sheetPath)) {
    if (r.type !== REL.table || !pkg.has(r.target)) continue;
    const xml = pkg.text(r.target);
    const a = /<(?:\w+:)?table\b[^>]*>/.exec(xml)?.[0] ?? "";
    const attrs = [/\bname="([^"]*)"/.exec(a)?.[1], /\bdisplayName="([^"]*)"/.exec(a)?.[1]];
    if (attrs.some((n) => n?.toLowerCase() === name.toLowerCase())) return { path: r.target, xml };
  }
  return null;
}

/**
 * Formulas' cached results are stale once their inputs changed: Excel and LibreOffice are told
 * to recalculate on open. A calc chain naming a cell that is no longer a formula makes Excel
 * call the file damaged: it is dropped (Excel rebuilds it).
 */
function recalculateOnOpen(pkg: OpcPackage, wbPath: string, dropChain: boolean): void {
  let xml = pkg.text(wbPath);
  const calc = /<((?:\w+:)?)calcPr\b[^>]*?\/?>/.exec(xml);
  if (calc) xml = xml.replace(calc[0], withAttribute(calc[0], "fullCalcOnLoad", "1"));
  else {
    const p = /<((?:\w+:)?)sheets\b/.exec(xml)?.[1] ?? "";
    // CT_Workbook: calcPr follows definedNames (and sheets, externalReferences).
    const after = [`</${p}definedNames>`, `</${p}externalReferences>`, `</${p}sheets>`].find((t) =>
      xml.includes(t)
    )!;
    xml = xml.replace(after, `${after}<${p}calcPr fullCalcOnLoad="1"/>`);
  }
  pkg.setText(wbPath, xml);
  if (!dropChain) return;
  for (const r of pkg.relationships(wbPath)) {
    if (r.type !== REL.calcChain) continue;
    pkg.delete(r.target);
    pkg.removeRelationship(wbPath, r.id);
  }
}
