/**
 * Parts of a package that reading never needs and exceljs 4.4.0 handles badly, removed from
 * the zip before exceljs loads it (the user's file is never touched: this is a copy in memory).
 *
 * Validations: exceljs 4.4.0 expands every data validation range cell by cell when it loads a sheet: a rule
 * on a whole column ("B:B", "B1:B1048576", as officers make them by selecting a column) becomes
 * a million entries and takes seconds and hundreds of MB per rule. Reading never needs the
 * validations, so rules reaching far down a sheet are removed from the package before loading.
 */
/** Package parts by path, as inflated within the zip limits (core/readers/zip-package.ts). */
export type Parts = Map<string, Uint8Array>;

const text = (b: Uint8Array) => new TextDecoder().decode(b);
const bytes = (s: string) => new TextEncoder().encode(s);

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

/** Removes far-reaching validation blocks from the sheets; true when any was removed. */
export function stripWholeColumnValidations(parts: Parts): boolean {
  let changed = false;
  for (const [name, part] of parts) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    const xml = text(part);
    if (!xml.includes("dataValidations")) continue;
    let touched = false;
    const out = xml.replace(BLOCK, (block) => {
      if (!reachesFar(block)) return block;
      touched = true;
      return "";
    });
    if (touched) {
      parts.set(name, bytes(out));
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
export function stripDrawings(parts: Parts): boolean {
  const names = [...parts.keys()];
  if (!names.some((n) => /^xl\/drawings\/[^/]+\.xml$/.test(n))) return false;
  for (const name of names) {
    if (/^xl\/worksheets\/_rels\/[^/]+\.rels$/.test(name)) {
      const xml = text(parts.get(name)!);
      parts.set(name, bytes(xml.replace(/<Relationship\b[^>]*\/drawing"[^>]*\/>/g, "")));
    } else if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) {
      const xml = text(parts.get(name)!);
      if (xml.includes("<drawing")) parts.set(name, bytes(xml.replace(/<drawing\b[^>]*\/>/g, "")));
    }
  }
  for (const name of names)
    if (name.startsWith("xl/drawings/") || name.startsWith("xl/charts/")) parts.delete(name);
  return true;
}

const NOTE_RELS =
  /<Relationship\b[^>]*\/(?:comments|vmlDrawing|threadedComment)"[^>]*\/>|<Relationship\b[^>]*\/(?:comments|vmlDrawing|threadedComment)"[^>]*>\s*<\/Relationship>/g;

/**
 * exceljs bug: it finds notes only under its own part names ("xl/comments1.xml",
 * "xl/drawings/vmlDrawing1.vml"); openpyxl's ("xl/comments/comment1.xml",
 * "xl/drawings/commentsDrawing1.vml") load as undefined and crash Worksheet.reconcile
 * ("reading 'comments'"), so the workbook was called corrupt. Reading needs no notes: their
 * relationships and the sheets' references to them are removed (the parts are left unread).
 */
export function stripNotes(parts: Parts): boolean {
  let changed = false;
  for (const [name, part] of parts) {
    if (/^xl\/worksheets\/_rels\/[^/]+\.rels$/.test(name)) {
      const xml = text(part);
      const out = xml.replace(NOTE_RELS, "");
      if (out !== xml) {
        parts.set(name, bytes(out));
        changed = true;
      }
    } else if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) {
      const xml = text(part);
      if (!xml.includes("legacyDrawing")) continue;
      parts.set(name, bytes(xml.replace(/<(?:\w+:)?legacyDrawing(?:HF)?\b[^>]*\/>/g, "")));
      changed = true;
    }
  }
  return changed;
}
