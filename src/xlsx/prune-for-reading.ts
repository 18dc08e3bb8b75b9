/**
 * Parts of a package that reading never needs and exceljs 4.4.0 handles badly, removed from
 * the zip before exceljs loads it (the user's file is never touched: this is a copy in memory).
 *
 * Validations: exceljs 4.4.0 expands every data validation range cell by cell when it loads a sheet: a rule
 * on a whole column ("B:B", "B1:B1048576", as officers make them by selecting a column) becomes
 * a million entries and takes seconds and hundreds of MB per rule. Reading never needs the
 * validations, so rules reaching far down a sheet are removed from the package before loading.
 */
import type JSZip from "jszip";

/** A validation whose range goes past this row is dropped before loading. */
const MAX_ROW = 100_000;

const BLOCK = /<(?:x14:)?dataValidations\b[\s\S]*?<\/(?:x14:)?dataValidations>/g;

function reachesFar(block: string): boolean {
  for (const m of block.matchAll(/sqref="([^"]*)"|<xm:sqref>([^<]*)<\/xm:sqref>/g)) {
    const refs = (m[1] ?? m[2] ?? "").split(/\s+/);
    for (const ref of refs) {
      if (/^\$?[A-Z]+:\$?[A-Z]+$/i.test(ref)) return true; // "B:B"
      for (const row of ref.matchAll(/[A-Z]+\$?(\d+)/gi)) if (Number(row[1]) > MAX_ROW) return true;
    }
  }
  return false;
}

/** Removes far-reaching validation blocks from the sheets of `zip`; true when any was removed. */
export async function stripWholeColumnValidations(zip: JSZip): Promise<boolean> {
  let changed = false;
  for (const name of Object.keys(zip.files)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    const xml = await zip.file(name)!.async("string");
    if (!xml.includes("dataValidations")) continue;
    let touched = false;
    const out = xml.replace(BLOCK, (block) => {
      if (!reachesFar(block)) return block;
      touched = true;
      return "";
    });
    if (touched) {
      zip.file(name, out);
      changed = true;
    }
  }
  return changed;
}

/**
 * exceljs bug: a drawing it cannot parse (a chart as openpyxl and some other programs write it)
 * loads as undefined and crashes XLSX.reconcile ("reading 'anchors'"). Reading needs neither
 * charts nor pictures: drawing references, their relationships and parts are removed.
 */
export async function stripDrawings(zip: JSZip): Promise<boolean> {
  const drawings = Object.keys(zip.files).filter((n) => /^xl\/drawings\/[^/]+\.xml$/.test(n));
  if (drawings.length === 0) return false;
  for (const name of Object.keys(zip.files)) {
    if (/^xl\/worksheets\/_rels\/[^/]+\.rels$/.test(name)) {
      const xml = await zip.file(name)!.async("string");
      zip.file(name, xml.replace(/<Relationship\b[^>]*\/drawing"[^>]*\/>/g, ""));
    } else if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) {
      const xml = await zip.file(name)!.async("string");
      if (xml.includes("<drawing")) zip.file(name, xml.replace(/<drawing\b[^>]*\/>/g, ""));
    }
  }
  for (const name of Object.keys(zip.files))
    if (name.startsWith("xl/drawings/") || name.startsWith("xl/charts/")) zip.remove(name);
  return true;
}
