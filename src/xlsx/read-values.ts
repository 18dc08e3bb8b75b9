/**
 * A fast, values-only reader for the many small workbooks agencies send back: the cells of
 * every sheet (shared strings, inline strings, numbers, booleans, errors, cached formula
 * results) straight from the sheet XML, in the same shape as readWorkbookCells. It reads no
 * styles, validations, drawings, comments or print settings, so what makes exceljs slow or
 * crash on returned files (whole-column validations expanded cell by cell, thousands of empty
 * formatted rows, charts it cannot parse) costs nothing here. Dates arrive as serial numbers
 * (consolidation normalises date columns from serials); of the styles only which ones show a
 * percentage is read (a progress cell holding 1 shows "100%").
 *
 * The tracking master is read here too (readWorkbookCells in read-workbook.ts, with
 * `{ dates: true }`): the cell styles are read only to tell dates from numbers (a number in a
 * date format is a Date, in the workbook's 1900 or 1904 system), shared formulas are given to
 * every cell they cover (translated like Excel does), and the defined names are returned. A
 * province-sized master (18,000 rows) costs a fraction of exceljs' time and memory.
 */
import { corrupt, readError, sniffWorkbook, XlsxReadError } from "./read-errors";
import { percentFormat, type CellData, type SheetCells, type WorkbookCells } from "./read-workbook";
import { ZipPackage } from "../core/readers/zip-package";
import { INPUT_LIMITS, OVER, tooLargeMessage } from "../core/readers/input-limits";
import { columnLetter } from "../core/spec/a1";
import { shiftFormula } from "./shift-formula";
import { XmlScanner } from "./xml-scanner";

const ENTITY: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function unescape(s: string): string {
  if (!s.includes("&") && !s.includes("_x")) return s;
  // The five named entities only (formulas full of &quot;): native replaces, &amp; last so
  // "&amp;quot;" stays "&quot;".
  if (!s.includes("&#") && !s.includes("_x"))
    return s
      .replaceAll("&quot;", '"')
      .replaceAll("&lt;", "<")
      .replaceAll("&gt;", ">")
      .replaceAll("&apos;", "'")
      .replaceAll("&amp;", "&");
  return s
    .replace(/&(lt|gt|amp|quot|apos);|&#(\d{1,7});|&#x([0-9a-f]{1,6});/gi, (m, name, dec, hex) => {
      // &LT; is not one of the five (entity names are case-sensitive): left as written.
      if (name) return ENTITY[name] ?? m;
      const code = dec ? Number(dec) : parseInt(hex, 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : m;
    })
    .replace(/_x([0-9A-F]{4})_/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
}

/** The text of <t> runs in a shared string or inline string, phonetic runs (<rPh>) excluded. */
function runText(xml: string): string {
  let out = "";
  let inT = false;
  let inPh = 0;
  const x = new XmlScanner(xml);
  while (x.next()) {
    if (x.kind === "text") {
      if (inT && inPh === 0) out += unescape(x.text());
    } else if (x.kind !== "tag") continue;
    else if (x.is("rPh") && !x.selfClosing) inPh += x.close ? -1 : 1;
    else if (x.is("t")) inT = !x.close && !x.selfClosing;
  }
  return out.replace(/\r\n?/g, "\n");
}

function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/** Resolves a relationship target against the folder of its source part. */
function resolvePart(fromDir: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = fromDir.split("/").filter(Boolean);
  for (const p of target.split("/")) {
    if (p === "..") parts.pop();
    else if (p !== ".") parts.push(p);
  }
  return parts.join("/");
}

/** An attribute's value, in double or single quotes (XML allows both); patterns compiled once. */
const ATTR = new Map<string, RegExp>();
const attr = (tag: string, name: string): string | undefined => {
  let re = ATTR.get(name);
  if (!re) ATTR.set(name, (re = new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(tag);
  return m ? (m[1] ?? m[2]) : undefined;
};

/** Each <si>'s text, in order (an empty <si/> is ""). */
function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  let from = -1;
  const x = new XmlScanner(xml);
  while (x.next()) {
    if (x.kind !== "tag" || !x.is("si")) continue;
    if (x.close) {
      if (from >= 0) out.push(runText(xml.slice(from, x.start)));
      from = -1;
    } else if (x.selfClosing) out.push("");
    else from = x.end;
  }
  return out;
}

/** Padding between cells of a row: one shared, frozen empty cell. */
const EMPTY: CellData = Object.freeze({ value: null }) as CellData;

interface CellXml {
  /** The cell's t and s attributes. */
  t?: string;
  s?: string;
  v?: string;
  f?: string;
  /** The last <f> element's t="shared" and si, when the cell has one. */
  fShared?: boolean;
  si?: string;
  /** The inline string's XML, for runText. */
  is?: string;
  /** A shared formula's dependant: its master's text and how far this cell is from it. */
  shared?: { formula: string; rows: number; cols: number; master: string };
}

/** What reading styles adds: which cell formats are dates, and the workbook's date system. */
export interface DateStyles {
  dateXfs: Set<number>;
  date1904: boolean;
}

/** Built-in number formats showing a percentage (ECMA-376 18.8.30): 0% and 0.00%. */
const BUILTIN_PERCENT = new Set([9, 10]);

/** For each cell style (cellXfs index): does it show numbers as a percentage? */
function percentStyles(stylesXml: string | undefined): boolean[] {
  if (!stylesXml) return [];
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<(?:\w+:)?numFmt\b[^<>]*>/g))
    custom.set(Number(attr(m[0], "numFmtId")), unescape(attr(m[0], "formatCode") ?? ""));
  const open = /<(?:\w+:)?cellXfs\b[^<>]*>/.exec(stylesXml);
  if (!open) return [];
  const end = stylesXml.indexOf("cellXfs>", open.index + open[0].length);
  const xfs = stylesXml.slice(open.index + open[0].length, end < 0 ? undefined : end);
  return [...xfs.matchAll(/<(?:\w+:)?xf\b[^<>]*>/g)].map((m) => {
    const id = Number(attr(m[0], "numFmtId") ?? 0);
    return BUILTIN_PERCENT.has(id) || percentFormat(custom.get(id));
  });
}

/** Where a shared formula's dependant keeps its master's text until `formula` is read. */
const LAZY_FORMULA = Symbol("lazy formula");
type LazyFormula = NonNullable<CellXml["shared"]> & { text?: string };

/**
 * The `formula` of every such cell: one getter for all of them. A getter made per cell gave
 * each of 70,000 cells a shape of its own (V8 keeps objects fast only when they share their
 * accessors), which made reading the master, and everything reading its cells, slow.
 */
const LAZY_FORMULA_PROPERTY: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: { [LAZY_FORMULA]: LazyFormula }) {
    const sh = this[LAZY_FORMULA];
    return (sh.text ??= unescape(shiftFormula(sh.formula, sh.rows, sh.cols)));
  },
};

/**
 * A shared formula's dependant: translated when someone reads it (an 18,000-row sheet holds
 * 70,000 such cells and the readers look at a handful: a #REF! check, a rebuilt extra column).
 * Built in one order, accessor first, so every such cell has the same shape.
 */
function lazyFormulaCell(value: CellData["value"], sh: LazyFormula): CellData {
  const data = { value } as CellData;
  Object.defineProperty(data, "formula", LAZY_FORMULA_PROPERTY);
  data.sharedFormula = sh.master;
  Object.defineProperty(data, LAZY_FORMULA, { value: sh });
  return data;
}

function cellValue(
  c: CellXml,
  shared: string[],
  percent: boolean[],
  dates?: DateStyles
): CellData | null {
  const { v, f } = c;
  const type = c.t ?? "n";
  const style = Number(c.s ?? 0);
  let value: CellData["value"] = null;
  if (type === "s") value = v === undefined ? null : (shared[Number(v)] ?? null);
  else if (type === "inlineStr") value = c.is === undefined ? null : runText(c.is);
  else if (type === "str") value = v === undefined ? null : unescape(v);
  else if (type === "b") value = v === undefined ? null : v === "1";
  else if (type === "d")
    value = v === undefined ? null : unescape(v); // ISO date text
  else if (type === "e") value = f || c.shared ? null : v === undefined ? null : unescape(v);
  else if (v !== undefined && v !== "") {
    const n = Number(v);
    value = Number.isFinite(n) ? n : unescape(v);
    if (typeof value === "number" && dates?.dateXfs.has(style))
      value = serialToDate(value, dates.date1904);
  }
  if (value === null && f === undefined) return null;
  const sh = c.shared;
  const data: CellData = sh
    ? lazyFormulaCell(value, sh)
    : f !== undefined
      ? { value, formula: unescape(f) }
      : { value };
  if (typeof value === "number" && percent[style]) data.percent = true;
  return data;
}

/**
 * The cells of a sheet: rows ragged (each as long as its last value), padded with EMPTY. Row and
 * cell references were checked while inflating (zip-package: inside Excel's sheet and the row
 * bound); the padding is bounded here, so one value in column XFD costs one row of padding and
 * thousands of them are "too large", not gigabytes.
 */
function sheetCells(
  xml: string,
  shared: string[],
  tooLarge: (lastCell: string) => Error,
  percent: boolean[] = [],
  dates?: DateStyles,
  merges: string[] = []
) {
  const grid: CellData[][] = [];
  // Shared formulas by si: the master's text and cell, translated for every cell it covers.
  const masters = new Map<string, { formula: string; row: number; col: number }>();
  let padded = 0;
  let rowIndex = -1;
  let col = -1;
  let inData = false;
  let cell: CellXml | null = null;
  // Inside the cell: which child's text is being read, and where an inline string starts.
  let child: "v" | "f" | null = null;
  let isFrom = -1;
  const x = new XmlScanner(xml);
  const put = (data: CellData) => {
    let line = grid[rowIndex];
    if (line === undefined) {
      // A new row; rows skipped before it are empty.
      while (grid.length < rowIndex) grid.push([]);
      line = [];
      grid.push(line);
    }
    padded += Math.max(0, col + 1 - line.length);
    if (padded > INPUT_LIMITS.maxGridCells) throw tooLarge(columnLetter(col + 1) + (rowIndex + 1));
    while (line.length < col) line.push(EMPTY);
    line[col] = data;
  };
  while (x.next()) {
    if (x.kind === "text") {
      if (cell && child) cell[child] = (cell[child] ?? "") + x.text();
      continue;
    }
    if (x.kind !== "tag") continue;
    const close = x.close;
    const selfClosing = x.selfClosing;
    if (x.is("sheetData")) {
      inData = !close && !selfClosing;
      continue;
    }
    if (!inData) {
      // Merged ranges: a returned report's value merged over several task rows is each one's.
      if (x.is("mergeCell") && !close) {
        const ref = x.attr("ref");
        if (ref) merges.push(ref);
      }
      continue;
    }
    if (x.is("row")) {
      if (close) continue;
      const r = x.attr("r");
      rowIndex = r ? Number(r) - 1 : rowIndex + 1;
      col = -1;
    } else if (x.is("c")) {
      if (close) {
        if (cell) {
          if (cell.fShared) sharedFormula(cell, masters, rowIndex, col);
          const data = cellValue(cell, shared, percent, dates);
          if (data) put(data);
        }
        cell = null;
        continue;
      }
      const ref = x.attr("r");
      col = ref ? columnIndex(ref) : col + 1;
      if (rowIndex < 0) rowIndex = 0;
      // A formatted empty cell has no value.
      cell = selfClosing ? null : { t: x.attr("t"), s: x.attr("s") };
    } else if (!cell) continue;
    else if (x.is("v") || x.is("f")) {
      const name = x.is("v") ? "v" : "f";
      if (name === "f" && !close) {
        cell.fShared = x.attr("t") === "shared";
        cell.si = x.attr("si");
      }
      if (close) child = null;
      else if (selfClosing) cell[name] = cell[name] ?? "";
      else {
        child = name;
        cell[name] = cell[name] ?? "";
      }
    } else if (x.is("is")) {
      if (close) {
        if (isFrom >= 0) cell.is = xml.slice(isFrom, x.start);
        isFrom = -1;
      } else if (!selfClosing) isFrom = x.end;
    }
  }
  return grid;
}

/**
 * When the file was last saved, as the program that saved it wrote it (docProps/core.xml,
 * dcterms:modified: Excel, LibreOffice, WPS and openpyxl write it): an ISO instant, or undefined.
 * A file's time on disk is when it was downloaded or copied, not when the agency saved it.
 */
async function lastSaved(
  rootRels: string,
  text: (path: string) => Promise<string | undefined>
): Promise<string | undefined> {
  const target =
    /<Relationship\b[^<>]*core-properties"[^<>]*>/
      .exec(rootRels)?.[0]
      .match(/Target="([^"<>]*)"/)?.[1] ?? "docProps/core.xml";
  const xml = await text(resolvePart("", target));
  const m = /<(?:\w+:)?modified\b[^<>]*>\s*([^<\s]+)\s*</.exec(xml ?? "");
  const ms = m ? Date.parse(m[1]!) : NaN;
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}

/** A shared formula's master is remembered; a cell that only points at it gets its translation. */
function sharedFormula(
  cell: CellXml,
  masters: Map<string, { formula: string; row: number; col: number }>,
  row: number,
  col: number
): void {
  const si = cell.si;
  if (si === undefined) return;
  if (cell.f) masters.set(si, { formula: cell.f, row, col });
  else {
    const m = masters.get(si);
    if (m)
      cell.shared = {
        formula: m.formula,
        rows: row - m.row,
        cols: col - m.col,
        master: columnLetter(m.col + 1) + (m.row + 1),
      };
  }
}

/** Excel serial → Date at UTC (as exceljs gave it): 1900 system, or 1904 when the book says so. */
function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - (date1904 ? 24107 : 25569)) * 86400000));
}

/** Built-in formats that are dates or times (ECMA-376 18.8.30). */
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);

/** A custom number format shows a date when, outside quotes and brackets, it has d/m/y/h/s. */
function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "");
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** The cell formats (xf indexes) of styles.xml whose number format is a date. */
function dateStyles(stylesXml: string | undefined, workbookXml: string): DateStyles {
  const date1904 = /<(?:\w+:)?workbookPr\b[^<>]*\sdate1904="(?:1|true)"/.test(workbookXml);
  const dateXfs = new Set<number>();
  if (!stylesXml) return { dateXfs, date1904 };
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<(?:\w+:)?numFmt\b[^<>]*>/g)) {
    const id = attr(m[0], "numFmtId");
    const code = attr(m[0], "formatCode");
    if (id !== undefined && code !== undefined) custom.set(Number(id), unescape(code));
  }
  const cellXfs =
    /<(?:\w+:)?cellXfs\b[^<>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(stylesXml)?.[1] ?? "";
  let i = 0;
  for (const m of cellXfs.matchAll(/<(?:\w+:)?xf\b[^<>]*>/g)) {
    const id = Number(attr(m[0], "numFmtId") ?? 0);
    const code = custom.get(id);
    if (code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id)) dateXfs.add(i);
    i++;
  }
  return { dateXfs, date1904 };
}

/** Workbook-level defined names; refersTo without "=". */
function definedNames(workbookXml: string): WorkbookCells["names"] {
  const out: WorkbookCells["names"] = [];
  for (const m of workbookXml.matchAll(
    /<(?:\w+:)?definedName\b([^<>]*)>([^<]*)<\/(?:\w+:)?definedName>/g
  )) {
    const [, attrs = "", refersTo = ""] = m;
    const name = attr(attrs, "name");
    if (!name) continue;
    const local = attr(attrs, "localSheetId");
    out.push({
      name: unescape(name),
      refersTo: unescape(refersTo),
      ...(local !== undefined && /^\d+$/.test(local) ? { localSheetId: Number(local) } : {}),
    });
  }
  return out;
}

export interface ReadValuesOptions {
  /** Read styles.xml to give date-formatted numbers as Dates, and return the defined names. */
  dates?: boolean;
  /**
   * Filled with every part inflated (through the guard), by name: a later edit of the same
   * file (patchWorkbook) starts from them instead of inflating and scanning the package again.
   */
  parts?: Map<string, Uint8Array>;
}

export async function readWorkbookValues(
  bytes: Uint8Array,
  fileName: string,
  options: ReadValuesOptions = {}
): Promise<WorkbookCells> {
  sniffWorkbook(bytes, fileName);
  let zip: ZipPackage | null;
  try {
    // The one guard every package goes through (sizes, rows, references: zip-package.ts).
    zip = await ZipPackage.open(bytes, fileName);
  } catch (e) {
    throw readError(fileName, e);
  }
  if (!zip) throw corrupt(fileName);
  const pkg = zip;
  // Parts are looked up by exact name (case aside): names from the file are never patterns.
  const text = async (path: string) => {
    const name = pkg.find(path);
    if (name === undefined) return undefined;
    const bytes = await pkg.bytes(name);
    options.parts?.set(name, bytes);
    const xml = new TextDecoder().decode(bytes);
    // A package's XML may not declare a DTD (ECMA-376 Part 2, 8.1.4): entity bombs and external
    // entities live there. Refused as a damaged file, never read around.
    if (/<!DOCTYPE/i.test(xml)) throw corrupt(fileName);
    return xml;
  };
  try {
    const rootRels = (await text("_rels/.rels")) ?? "";
    const wbTarget =
      /<Relationship\b[^<>]*officeDocument"[^<>]*>/
        .exec(rootRels)?.[0]
        .match(/Target="([^"<>]*)"/)?.[1] ?? "xl/workbook.xml";
    const wbPath = resolvePart("", wbTarget);
    const wbDir = wbPath.split("/").slice(0, -1).join("/");
    const wbXml = await text(wbPath);
    if (!wbXml) throw corrupt(fileName);
    const rels = (await text(`${wbDir}/_rels/${wbPath.split("/").pop()}.rels`)) ?? "";
    const targets = new Map<string, string>();
    for (const m of rels.matchAll(/<Relationship\b[^<>]*>/g)) {
      const id = attr(m[0], "Id");
      const target = attr(m[0], "Target");
      if (id && target) targets.set(id, resolvePart(wbDir, target));
    }
    const sharedPath = [...rels.matchAll(/<Relationship\b[^<>]*>/g)]
      .map((m) => m[0])
      .find((t) => /\/sharedStrings"/.test(t));
    const sharedXml = sharedPath
      ? await text(resolvePart(wbDir, attr(sharedPath, "Target") ?? ""))
      : undefined;
    const shared = sharedXml ? sharedStrings(sharedXml) : [];
    const stylesPath = [...rels.matchAll(/<Relationship\b[^<>]*>/g)]
      .map((m) => m[0])
      .find((t) => /\/styles"/.test(t));
    const stylesXml = stylesPath
      ? await text(resolvePart(wbDir, attr(stylesPath, "Target") ?? ""))
      : undefined;
    const percent = percentStyles(stylesXml);
    const dates = options.dates ? dateStyles(stylesXml, wbXml) : undefined;
    const sheets: SheetCells[] = [];
    for (const m of wbXml.matchAll(/<(?:\w+:)?sheet\b[^<>]*>/g)) {
      const name = unescape(attr(m[0], "name") ?? "");
      const id = /\sr:id="([^"]*)"|\s\w+:id="([^"]*)"/.exec(m[0]);
      const path = targets.get(id?.[1] ?? id?.[2] ?? "");
      const xml = path ? await text(path) : undefined;
      if (xml === undefined) continue; // a chart sheet or a missing part: no cells
      const state = attr(m[0], "state");
      const tooLarge = (lastCell: string) =>
        new XlsxReadError(
          "TOO_LARGE",
          tooLargeMessage(fileName, OVER.gridCells(name, lastCell, INPUT_LIMITS))
        );
      const merges: string[] = [];
      sheets.push({
        name,
        state: state === "hidden" || state === "veryHidden" ? state : "visible",
        cells: sheetCells(xml, shared, tooLarge, percent, dates, merges),
        ...(merges.length ? { merges } : {}),
      });
    }
    if (sheets.length === 0) throw corrupt(fileName);
    const savedAt = await lastSaved(rootRels, text);
    return {
      sheets,
      names: options.dates ? definedNames(wbXml) : [],
      ...(savedAt ? { savedAt } : {}),
    };
  } catch (e) {
    throw readError(fileName, e);
  }
}
