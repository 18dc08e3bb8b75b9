/**
 * exceljs 4.4.0 bug: it resolves relationship targets only relative to the part, so a package
 * whose .rels use absolute targets ("/xl/tables/table1.xml", as openpyxl and some other tools
 * write them) loads with its tables missing and crashes in Worksheet.model ("reading 'name'").
 * Such packages are valid OOXML: rewrite absolute targets to relative ones before loading.
 */
import JSZip from "jszip";
import { stripDrawings, stripWholeColumnValidations } from "./prune-for-reading";

const ABSOLUTE_TARGET = /Target="\/([^"]+)"/g;

/** The path of `target` (package-absolute, no leading "/") relative to the folder `fromDir`. */
export function relativePath(fromDir: string, target: string): string {
  const from = fromDir.split("/").filter(Boolean);
  const to = target.split("/").filter(Boolean);
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

/**
 * Returns the same bytes when nothing needed rewriting (the usual case: Excel, LibreOffice, us).
 * Also drops what reading never needs and exceljs mishandles (prune-for-reading.ts: whole-column
 * validations, drawings), in the same unzip.
 */
export async function withRelativeTargets(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  let changed = await stripWholeColumnValidations(zip);
  changed = (await stripDrawings(zip)) || changed;
  for (const name of Object.keys(zip.files)) {
    // "xl/worksheets/_rels/sheet1.xml.rels" describes "xl/worksheets/sheet1.xml"; targets are
    // relative to "xl/worksheets". The package-level "_rels/.rels" is read correctly already.
    const m = /^(.*?)_rels\/[^/]+\.rels$/.exec(name);
    if (!m || m[1] === "") continue;
    const xml = await zip.file(name)!.async("string");
    if (!ABSOLUTE_TARGET.test(xml)) continue;
    const fromDir = m[1].replace(/\/$/, "");
    zip.file(
      name,
      xml.replace(
        ABSOLUTE_TARGET,
        (_all, target: string) => `Target="${relativePath(fromDir, target)}"`
      )
    );
    changed = true;
  }
  return changed ? zip.generateAsync({ type: "uint8array" }) : bytes;
}
