/**
 * exceljs 4.4.0 bug: it resolves relationship targets only relative to the part, so a package
 * whose .rels use absolute targets ("/xl/tables/table1.xml", as openpyxl and some other tools
 * write them) loads with its tables missing and crashes in Worksheet.model ("reading 'name'").
 * Such packages are valid OOXML: rewrite absolute targets to relative ones before loading.
 */
import {
  clipToUsedRange,
  stripDrawings,
  stripNotes,
  stripWholeColumnValidations,
} from "./prune-for-reading";

// No "g" flag for test(): a global RegExp would carry lastIndex from one part to the next.
const ABSOLUTE_TARGET_ONE = /Target="\/([^"]+)"/;
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
 * Rewrites the package's parts in place (the usual case, Excel, LibreOffice, us: nothing to do).
 * Also drops what reading never needs and exceljs mishandles (prune-for-reading.ts: whole-column
 * validations, drawings, notes; merges and column spans clipped to the used range).
 */
export function withRelativeTargets(parts: Map<string, Uint8Array>): void {
  stripWholeColumnValidations(parts);
  stripDrawings(parts);
  stripNotes(parts);
  clipToUsedRange(parts);
  for (const [name, bytes] of parts) {
    // "xl/worksheets/_rels/sheet1.xml.rels" describes "xl/worksheets/sheet1.xml"; targets are
    // relative to "xl/worksheets". The package-level "_rels/.rels" is read correctly already.
    const dir = /^(.*?)_rels\/[^/]+\.rels$/.exec(name)?.[1];
    if (!dir) continue;
    const xml = new TextDecoder().decode(bytes);
    if (!ABSOLUTE_TARGET_ONE.test(xml)) continue;
    const fromDir = dir.replace(/\/$/, "");
    const fixed = xml.replace(
      ABSOLUTE_TARGET,
      (_all, target: string) => `Target="${relativePath(fromDir, target)}"`
    );
    parts.set(name, new TextEncoder().encode(fixed));
  }
}
