/**
 * Parts of a package that reading never needs and exceljs 4.4.0 handles badly, removed from
 * the zip before exceljs loads it (the user's file is never touched: this is a copy in memory).
 *
 * Validations: exceljs 4.4.0 expands every data validation range cell by cell when it loads a sheet: a rule
 * on a whole column ("B:B", "B1:B1048576", as officers make them by selecting a column) becomes
 * a million entries and takes seconds and hundreds of MB per rule. Reading never needs the
 * validations, so rules reaching far down a sheet are removed from the package before loading.
 */
import { columnLetter } from "../core/spec/a1";
import { INPUT_LIMITS } from "../core/readers/input-limits";

/** Package parts by path, as inflated within the zip limits (core/readers/zip-package.ts). */
export type Parts = Map<string, Uint8Array>;

const text = (b: Uint8Array) => new TextDecoder().decode(b);
const bytes = (s: string) => new TextEncoder().encode(s);

/** A validation whose range goes past this row is dropped before loading. */
const MAX_ROW = INPUT_LIMITS.maxSheetRows;

/**
 * `xml` without the validation blocks `drop` says to drop, or null when none is. Blocks are found
 * with indexOf from each opening tag: an unclosed one ends the search (one linear pass, where a
 * lazy pattern would scan to the end of the part again for every opening tag).
 */
function withoutBlocks(xml: string, drop: (block: string) => boolean): string | null {
  const open = /<(x14:)?dataValidations\b/g;
  let out = "";
  let from = 0;
  let touched = false;
  for (let m = open.exec(xml); m; m = open.exec(xml)) {
    const close = `</${m[1] ?? ""}dataValidations>`;
    const end = xml.indexOf(close, m.index);
    if (end < 0) break;
    const stop = end + close.length;
    if (drop(xml.slice(m.index, stop))) {
      out += xml.slice(from, m.index);
      from = stop;
      touched = true;
    }
    open.lastIndex = stop;
  }
  return touched ? out + xml.slice(from) : null;
}

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
    const out = withoutBlocks(xml, reachesFar);
    if (out !== null) {
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
      parts.set(name, bytes(xml.replace(/<Relationship\b[^<>]*\/drawing"[^<>]*\/>/g, "")));
    } else if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) {
      const xml = text(parts.get(name)!);
      if (xml.includes("<drawing")) parts.set(name, bytes(xml.replace(/<drawing\b[^<>]*\/>/g, "")));
    }
  }
  for (const name of names)
    if (name.startsWith("xl/drawings/") || name.startsWith("xl/charts/")) parts.delete(name);
  return true;
}

/**
 * exceljs 4.4.0 creates every cell of a merge and one object per column of a <col> span when it
 * loads a sheet: a 5 KB file merging "A20:XFD1048576" (or a <col max="16384">, or a max in the
 * billions) would cost minutes and gigabytes. Merges and column spans are clipped to the sheet's
 * used range (the cells holding something) before exceljs sees them; merges wholly outside it,
 * or not a range at all, are dropped. Reading loses nothing: a merge's value is in its first cell.
 */
export function clipToUsedRange(parts: Parts): boolean {
  let changed = false;
  for (const [name, part] of parts) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    const xml = text(part);
    if (!xml.includes("mergeCell") && !/<(?:[\w.-]+:)?col\b/.test(xml)) continue;
    const used = usedRange(xml);
    const out = xml
      .replace(
        /<((?:[\w.-]+:)?)mergeCell\b([^<>]*?)\/?>(?:<\/\1mergeCell>)?/g,
        (tag, _p, attrs) => {
          const clipped = clipRange(/\bref="([^"<>]*)"/.exec(attrs)?.[1] ?? "", used);
          return clipped === null ? "" : tag.replace(/\bref="[^"<>]*"/, `ref="${clipped}"`);
        }
      )
      .replace(/<((?:[\w.-]+:)?)col\b([^<>]*?)\/?>(?:<\/\1col>)?/g, (tag, _p, attrs) => {
        const min = Number(/\bmin="(\d{1,12})"/.exec(attrs)?.[1] ?? NaN);
        const max = Number(/\bmax="(\d{1,12})"/.exec(attrs)?.[1] ?? NaN);
        const last = Math.max(used.right, 1);
        if (!(min >= 1) || !(max >= min) || min > last) return "";
        return max > last ? tag.replace(/\bmax="\d+"/, `max="${last}"`) : tag;
      });
    if (out !== xml) {
      parts.set(name, bytes(out));
      changed = true;
    }
  }
  return changed;
}

interface Used {
  bottom: number;
  right: number;
}

/** The last row and column of a cell with content (<c> that is not self-closing). */
function usedRange(xml: string): Used {
  let row = 0;
  let col = 0;
  const used = { bottom: 0, right: 0 };
  for (const [, tag, attrs = ""] of xml.matchAll(/<(?:[\w.-]+:)?(row|c)\b([^<>]*)>/g)) {
    const [, refCol, refRow] = /\sr="([A-Z]*)(\d+)"/.exec(attrs) ?? [];
    if (tag === "row") {
      row = refRow !== undefined ? Number(refRow) : row + 1;
      col = 0;
      continue;
    }
    if (refCol !== undefined && refRow !== undefined) {
      col = letters(refCol);
      row = Number(refRow);
    } else col++;
    if (attrs.endsWith("/")) continue;
    used.bottom = Math.max(used.bottom, row);
    used.right = Math.max(used.right, col);
  }
  return used;
}

function letters(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) n = n * 26 + (s.charCodeAt(i) - 64);
  return n;
}

/** "A20:XFD1048576" within the used range, or null when nothing of it is left to merge. */
function clipRange(ref: string, used: Used): string | null {
  const [, leftCol, topRow, rightCol, bottomRow] =
    /^\$?([A-Z]{1,3})\$?(\d{1,7}):\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref) ?? [];
  if (
    leftCol === undefined ||
    topRow === undefined ||
    rightCol === undefined ||
    bottomRow === undefined
  )
    return null;
  const top = Number(topRow);
  const left = letters(leftCol);
  const bottom = Math.min(Number(bottomRow), used.bottom);
  const right = Math.min(letters(rightCol), used.right);
  if (bottom < top || right < left || (bottom === top && right === left)) return null;
  return `${leftCol}${top}:${columnLetter(right)}${bottom}`;
}

const NOTE_RELS =
  /<Relationship\b[^<>]*\/(?:comments|vmlDrawing|threadedComment)"[^<>]*\/>|<Relationship\b[^<>]*\/(?:comments|vmlDrawing|threadedComment)"[^<>]*>\s*<\/Relationship>/g;

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
      parts.set(name, bytes(xml.replace(/<(?:\w+:)?legacyDrawing(?:HF)?\b[^<>]*\/>/g, "")));
      changed = true;
    }
  }
  return changed;
}
