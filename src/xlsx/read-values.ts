/**
 * A fast, values-only reader for the many small workbooks agencies send back: the cells of
 * every sheet (shared strings, inline strings, numbers, booleans, errors, cached formula
 * results) straight from the sheet XML, in the same shape as readWorkbookCells. It reads no
 * styles, validations, drawings, comments or print settings, so what makes exceljs slow or
 * crash on returned files (whole-column validations expanded cell by cell, thousands of empty
 * formatted rows, charts it cannot parse) costs nothing here. Dates arrive as serial numbers
 * (no styles read); consolidation normalises date columns from serials.
 *
 * The tracking master keeps going through exceljs (readWorkbookCells): it needs defined names
 * and is read once.
 */
import JSZip from "jszip";
import { corrupt, sniffWorkbook } from "./read-errors";
import { percentFormat, type CellData, type SheetCells, type WorkbookCells } from "./read-workbook";

const ENTITY: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function unescape(s: string): string {
  if (!s.includes("&") && !s.includes("_x")) return s;
  return s
    .replace(/&(lt|gt|amp|quot|apos);|&#(\d+);|&#x([0-9a-f]+);/gi, (m, name, dec, hex) =>
      name ? ENTITY[name] : String.fromCodePoint(dec ? Number(dec) : parseInt(hex, 16))
    )
    .replace(/_x([0-9A-F]{4})_/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
}

/** The text of <t> runs in a shared string or inline string, phonetic runs (<rPh>) excluded. */
function runText(xml: string): string {
  const body = xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "");
  let out = "";
  for (const m of body.matchAll(/<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g))
    out += unescape(m[1] ?? "");
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

/** Built-in number formats showing a percentage (ECMA-376 18.8.30): 0% and 0.00%. */
const BUILTIN_PERCENT = new Set([9, 10]);

/** For each cell style (cellXfs index): does it show numbers as a percentage? */
function percentStyles(stylesXml: string | undefined): boolean[] {
  if (!stylesXml) return [];
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<(?:\w+:)?numFmt\b[^>]*>/g)) {
    const id = Number(attr(m[0], "numFmtId"));
    const code = unescape(attr(m[0], "formatCode") ?? "");
    custom.set(id, code);
  }
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(stylesXml)?.[1] ?? "";
  return [...xfs.matchAll(/<(?:\w+:)?xf\b[^>]*>/g)].map((m) => {
    const id = Number(attr(m[0], "numFmtId") ?? 0);
    return BUILTIN_PERCENT.has(id) || percentFormat(custom.get(id));
  });
}

function sheetCells(xml: string, shared: string[], percent: boolean[] = []): CellData[][] {
  const grid: CellData[][] = [];
  let rowIndex = -1;
  const data = /<(?:\w+:)?sheetData\b[^>]*>([\s\S]*?)<\/(?:\w+:)?sheetData>/.exec(xml)?.[1] ?? "";
  for (const row of data.matchAll(/<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g)) {
    const r = attr(row[1], "r");
    rowIndex = r ? Number(r) - 1 : rowIndex + 1;
    if (!row[2]) continue;
    let col = -1;
    let line: CellData[] | undefined;
    for (const c of row[2].matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
      const ref = attr(c[1], "r");
      col = ref ? columnIndex(ref) : col + 1;
      const inner = c[2];
      if (!inner) continue; // a formatted empty cell
      const type = attr(c[1], "t") ?? "n";
      const v = /<(?:\w+:)?v\b[^>]*>([\s\S]*?)<\/(?:\w+:)?v>/.exec(inner)?.[1];
      const f = /<(?:\w+:)?f\b[^>]*>([\s\S]*?)<\/(?:\w+:)?f>/.exec(inner)?.[1];
      let value: CellData["value"] = null;
      if (type === "s") value = v === undefined ? null : (shared[Number(v)] ?? null);
      else if (type === "inlineStr") value = runText(inner);
      else if (type === "str") value = v === undefined ? null : unescape(v);
      else if (type === "b") value = v === undefined ? null : v === "1";
      else if (type === "d")
        value = v === undefined ? null : unescape(v); // ISO date text
      else if (type === "e") value = f ? null : v === undefined ? null : unescape(v);
      else if (v !== undefined && v !== "") {
        const n = Number(v);
        value = Number.isFinite(n) ? n : unescape(v);
      }
      if (value === null && f === undefined) continue;
      if (!line) {
        while (grid.length < rowIndex) grid.push([]);
        line = grid[rowIndex] ?? [];
        grid[rowIndex] = line;
      }
      while (line.length < col) line.push({ value: null });
      const cell: CellData = f !== undefined ? { value, formula: unescape(f) } : { value };
      if (typeof value === "number" && percent[Number(attr(c[1], "s") ?? 0)]) cell.percent = true;
      line[col] = cell;
    }
  }
  return grid;
}

export async function readWorkbookValues(
  bytes: Uint8Array,
  fileName: string
): Promise<WorkbookCells> {
  sniffWorkbook(bytes, fileName);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw corrupt(fileName, e);
  }
  const text = async (path: string) => {
    const f = zip.file(path) ?? zip.file(new RegExp(`^${path.replace(/[.]/g, "\\.")}$`, "i"))[0];
    return f ? f.async("string") : undefined;
  };
  try {
    const rootRels = (await text("_rels/.rels")) ?? "";
    const wbTarget =
      /<Relationship\b[^>]*officeDocument"[^>]*>/
        .exec(rootRels)?.[0]
        .match(/Target="([^"]*)"/)?.[1] ?? "xl/workbook.xml";
    const wbPath = resolvePart("", wbTarget);
    const wbDir = wbPath.split("/").slice(0, -1).join("/");
    const wbXml = await text(wbPath);
    if (!wbXml) throw corrupt(fileName);
    const rels = (await text(`${wbDir}/_rels/${wbPath.split("/").pop()}.rels`)) ?? "";
    const targets = new Map<string, string>();
    for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
      const id = attr(m[0], "Id");
      const target = attr(m[0], "Target");
      if (id && target) targets.set(id, resolvePart(wbDir, target));
    }
    const sharedPath = [...rels.matchAll(/<Relationship\b[^>]*>/g)]
      .map((m) => m[0])
      .find((t) => /\/sharedStrings"/.test(t));
    const sharedXml = sharedPath
      ? await text(resolvePart(wbDir, attr(sharedPath, "Target") ?? ""))
      : undefined;
    const shared = sharedXml
      ? [
          ...sharedXml.matchAll(
            /<(?:\w+:)?si\b[^>]*>([\s\S]*?)<\/(?:\w+:)?si>|<(?:\w+:)?si\s*\/>/g
          ),
        ].map((m) => runText(m[1] ?? ""))
      : [];
    const stylesPath = [...rels.matchAll(/<Relationship\b[^>]*>/g)]
      .map((m) => m[0])
      .find((t) => /\/styles"/.test(t));
    const percent = percentStyles(
      stylesPath ? await text(resolvePart(wbDir, attr(stylesPath, "Target") ?? "")) : undefined
    );
    const sheets: SheetCells[] = [];
    for (const m of wbXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
      const name = unescape(attr(m[0], "name") ?? "");
      const id = /\sr:id="([^"]*)"|\s\w+:id="([^"]*)"/.exec(m[0]);
      const path = targets.get(id?.[1] ?? id?.[2] ?? "");
      const xml = path ? await text(path) : undefined;
      if (xml === undefined) continue; // a chart sheet or a missing part: no cells
      const state = attr(m[0], "state");
      sheets.push({
        name,
        state: state === "hidden" || state === "veryHidden" ? state : "visible",
        cells: sheetCells(xml, shared, percent),
      });
    }
    if (sheets.length === 0) throw corrupt(fileName);
    return { sheets, names: [] };
  } catch (e) {
    throw e instanceof Error && e.name === "XlsxReadError" ? e : corrupt(fileName, e);
  }
}
