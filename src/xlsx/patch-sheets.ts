/**
 * Sheets of an existing package made anew from a SheetSpec (a new "Lịch sử", "Tiếp nhận",
 * "Mẫu in", "Nhật ký sửa"…): the spec writer makes a one-sheet package, and its sheet, tables,
 * formats and print titles are carried into the officer's package — added at the end, or in
 * place of the sheet of the same name (its tables go with it; nothing else of the package
 * changes). Also: renaming a sheet (its tab, and the defined names that point at it).
 */
import type { FontSpec, SheetSpec } from "../core/spec/sheet-spec";
import { quoteSheetName } from "../core/spec/a1";
import { workbookParts } from "./write-workbook";
import {
  attributes,
  CONTENT_TYPE,
  escapeXml,
  OpcPackage,
  REL,
  relsPath,
  withAttribute,
  withoutAttribute,
} from "./patch-opc";
import { escapeRe } from "./patch-cells";
import { StylesXml } from "./patch-styles";

const DAYS_1904 = 1462;
const STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface SheetEntry {
  name: string;
  /** The relationship id attribute as written ("r:id"). */
  rid: string;
  path: string;
  /** The <sheet …/> tag. */
  tag: string;
}

/** The workbook part's sheets, in tab order. */
export function workbookSheets(pkg: OpcPackage, wbPath: string): SheetEntry[] {
  const rels = new Map(pkg.relationships(wbPath).map((r) => [r.id, r.target]));
  const xml = pkg.text(wbPath);
  const sheets = /<((?:\w+:)?)sheets\b[^>]*>([\s\S]*?)<\/\1sheets>/.exec(xml)?.[2] ?? "";
  return [...sheets.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => {
    const a = attributes(m[0]);
    const rid = Object.entries(a).find(([k]) => /^\w+:id$/.test(k))?.[1] ?? "";
    return { name: a.name ?? "", rid, path: rels.get(rid) ?? "", tag: m[0] };
  });
}

export function stylesPath(pkg: OpcPackage, wbPath: string): string | undefined {
  return pkg.relationships(wbPath).find((r) => r.type === STYLES)?.target;
}

/** Renames a tab and rewrites the defined names that refer to it. */
export function renameSheet(pkg: OpcPackage, wbPath: string, from: string, to: string): void {
  const sheet = workbookSheets(pkg, wbPath).find(
    (s) => s.name.toLowerCase() === from.toLowerCase()
  );
  if (!sheet) return;
  let xml = pkg.text(wbPath).replace(sheet.tag, withAttribute(sheet.tag, "name", to));
  const refs = [quoteSheetName(sheet.name), escapeXml(sheet.name)].map(
    (r) => new RegExp(`${escapeRe(escapeXml(r))}!`, "g")
  );
  xml = xml.replace(
    /(<(?:\w+:)?definedName\b[^>]*>)([^<]*)(<\/)/g,
    (_all, a: string, body: string, c: string) => {
      let out = body;
      for (const re of refs) out = out.replace(re, `${escapeXml(quoteSheetName(to))}!`);
      return `${a}${out}${c}`;
    }
  );
  pkg.setText(wbPath, xml);
}

/**
 * Writes `spec` into the package as a whole sheet: replacing the sheet of the same name, or
 * added after the last one.
 */
export async function putWholeSheet(
  pkg: OpcPackage,
  wbPath: string,
  styles: StylesXml,
  spec: SheetSpec,
  defaultFont: FontSpec
): Promise<void> {
  // Written alone, a hidden sheet would be a workbook without a visible sheet (refused by
  // the spec check): render it visible; its state goes into workbook.xml below.
  // Strings inline: the officer's sharedStrings.xml stays as it is. Its formats are appended
  // after the package's (StylesXml.merge), so the sheet is written with those indexes: no
  // renumbering pass over its markup (half a second for a 20,000-row log).
  const base = styles.counts();
  const made = OpcPackage.fromBytes(
    workbookParts(
      { sheets: [{ ...spec, visibility: "visible" }], defaultFont },
      { inlineStrings: true, styleBase: base }
    ),
    spec.name
  );
  const madeWb = made.workbookPart();
  const [madeSheet] = workbookSheets(made, madeWb);
  if (!madeSheet) throw new Error(`sheet "${spec.name}" not written`);
  const madeStylesPath = stylesPath(made, madeWb);
  const map = styles.merge(new StylesXml(madeStylesPath ? made.text(madeStylesPath) : undefined));
  if (map.xf.some((x, i) => x !== base.xf + i) || map.dxf.some((x, i) => x !== base.dxf + i))
    throw new Error(`sheet "${spec.name}": formats not appended where it was written for`);
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904="(?:1|true)"/.test(pkg.text(wbPath));

  // The sheet as a binary string (patch-opc.ts) only for an edit of its markup: dates in the
  // 1904 system, table relationships; otherwise its bytes go in as written.
  let xml: string | undefined;
  if (date1904)
    xml = made
      .binary(madeSheet.path)
      .replace(
        /(<c\b[^>]*?\ss="(\d+)"[^>]*>)<v>([\d.]+)<\/v>/g,
        (all, open: string, s: string, v: string) =>
          /\st="/.test(open) || !styles.showsDate(Number(s))
            ? all
            : `${open}<v>${Number(v) - DAYS_1904}</v>`
      );

  const sheets = workbookSheets(pkg, wbPath);
  const old = sheets.find((s) => s.name.toLowerCase() === spec.name.toLowerCase());
  let path: string;
  let index: number;
  if (old) {
    path = old.path;
    index = sheets.indexOf(old);
    for (const r of pkg.relationships(path)) if (r.type === REL.table) pkg.delete(r.target);
    pkg.delete(relsPath(path));
    const tag =
      spec.visibility === "visible"
        ? withoutAttribute(old.tag, "state")
        : withAttribute(old.tag, "state", spec.visibility);
    pkg.setText(wbPath, pkg.text(wbPath).replace(old.tag, tag));
  } else {
    path = pkg.freeName("xl/worksheets/sheet", ".xml");
    index = sheets.length;
    const rid = pkg.addRelationship(wbPath, REL.worksheet, path);
    pkg.addOverride(path, CONTENT_TYPE.worksheet);
    const wbXml = pkg.text(wbPath);
    // Only a prefix declared on the root applies to a new tag (openpyxl declares it per sheet).
    const root = /<(?:\w+:)?workbook\b[^>]*>/.exec(wbXml)?.[0] ?? "";
    const prefix = new RegExp(`xmlns:(\\w+)="${escapeRe(R_NS)}"`).exec(root)?.[1];
    const ids = [...wbXml.matchAll(/<(?:\w+:)?sheet\b[^>]*\bsheetId="(\d+)"/g)].map((m) =>
      Number(m[1])
    );
    const state = spec.visibility;
    const p = /<((?:\w+:)?)sheets\b/.exec(wbXml)?.[1] ?? "";
    const tag =
      `<${p}sheet name="${escapeXml(spec.name)}" sheetId="${Math.max(0, ...ids) + 1}"` +
      (state && state !== "visible" ? ` state="${state}"` : "") +
      (prefix ? ` ${prefix}:id="${rid}"/>` : ` xmlns:r="${R_NS}" r:id="${rid}"/>`);
    pkg.setText(
      wbPath,
      wbXml.replace(new RegExp(`</${escapeRe(p)}sheets>`), `${tag}</${p}sheets>`)
    );
  }

  // Tables: new parts with ids and names free in the package.
  const tableIds = pkg
    .names()
    .filter((n) => /^xl\/tables\/[^/]+\.xml$/i.test(n))
    .map((n) => Number(/<(?:\w+:)?table\b[^>]*\bid="(\d+)"/.exec(pkg.text(n))?.[1] ?? 0));
  let nextId = Math.max(0, ...tableIds) + 1;
  for (const r of made.relationships(madeSheet.path)) {
    if (r.type !== REL.table) continue;
    const target = pkg.freeName("xl/tables/table", ".xml");
    const table = made
      .text(r.target)
      .replace(/(<table\b[^>]*?\sid=")(\d+)"/, (_a, h: string) => `${h}${nextId++}"`)
      .replace(
        /(\s\w*DxfId=")(\d+)"/g,
        (_a, h: string, n: string) => `${h}${map.dxf[Number(n)] ?? 0}"`
      );
    pkg.setText(target, table);
    pkg.addOverride(target, CONTENT_TYPE.table);
    const rid = pkg.addRelationship(path, REL.table, target);
    xml = (xml ?? made.binary(madeSheet.path)).replace(
      new RegExp(`(<tablePart\\b[^>]*?:id=")${escapeRe(r.id)}"`),
      `$1${rid}"`
    );
  }
  if (xml !== undefined) pkg.setBinary(path, xml);
  else {
    const written = made.bytes(madeSheet.path);
    if (!written) throw new Error(`sheet "${spec.name}" not written`);
    pkg.putBytes(path, written);
  }

  // Print titles and areas: the made workbook's names for its sheet, at this sheet's index.
  let wbXml = pkg
    .text(wbPath)
    .replace(/<(?:\w+:)?definedName\b[^>]*>[^<]*<\/(?:\w+:)?definedName>/g, (d) => {
      const a = attributes(d.slice(0, d.indexOf(">")));
      return old &&
        Number(a.localSheetId) === index &&
        /^_xlnm\.Print_(Titles|Area)$/.test(a.name ?? "")
        ? ""
        : d;
    });
  const names = [
    ...made.text(madeWb).matchAll(/<definedName\b[^>]*localSheetId="0"[^>]*>[^<]*<\/definedName>/g),
  ].map((m) => m[0].replace(/localSheetId="0"/, `localSheetId="${index}"`));
  if (names.length) {
    const p = /<((?:\w+:)?)sheets\b/.exec(wbXml)?.[1] ?? "";
    const named = names.map((n) => n.replace(/<(\/?)definedName/g, `<$1${p}definedName`)).join("");
    if (new RegExp(`</${escapeRe(p)}definedNames>`).test(wbXml))
      wbXml = wbXml.replace(
        new RegExp(`</${escapeRe(p)}definedNames>`),
        `${named}</${p}definedNames>`
      );
    else if (new RegExp(`<${escapeRe(p)}definedNames\\s*/>`).test(wbXml))
      wbXml = wbXml.replace(
        new RegExp(`<${escapeRe(p)}definedNames\\s*/>`),
        `<${p}definedNames>${named}</${p}definedNames>`
      );
    else
      wbXml = wbXml.replace(
        new RegExp(`</${escapeRe(p)}sheets>`),
        `</${p}sheets><${p}definedNames>${named}</${p}definedNames>`
      );
  }
  pkg.setText(wbPath, wbXml.replace(/<((?:\w+:)?)definedNames>\s*<\/\1definedNames>/, ""));
}
