/**
 * The workbook's styles.xml, extended (never rewritten): the officer's fonts, fills, borders and
 * cell formats stay at their indexes; what an edit needs is appended —
 *  - a date format for a cell that gets a real date but shows no date (a date typed as text);
 *  - the formats of a sheet written whole (patch-sheets.ts), merged from the package the spec
 *    writer made: fonts, fills, borders, number formats, cell formats and the differential
 *    formats of conditional formats and tables, each remapped to its new index.
 */
import { DATE_FORMAT } from "../core/spec/cell-values";
import { attributes, escapeXml, withAttribute } from "./patch-opc";

/** Built-in number formats that show dates or times (ECMA-376 18.8.30). */
const BUILTIN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

function isDateFormatCode(code: string): boolean {
  // Quoted text, escapes and colours do not count; d, m, y, h, s outside them do.
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "");
  return /[dyhs]/i.test(bare) || (/m/i.test(bare) && !/[#0]/.test(bare));
}

const EMPTY_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>`;

/** A list element of styles.xml ("fonts", "cellXfs"…): its children's XML, in order. */
function children(xml: string, p: string, list: string, item: string): string[] {
  const m = new RegExp(`<${p}${list}\\b[^>]*?(?:\\/>|>([\\s\\S]*?)<\\/${p}${list}>)`).exec(xml);
  if (!m || !m[1]) return [];
  const re = new RegExp(`<${p}${item}\\b[^>]*?(?:\\/>|>[\\s\\S]*?<\\/${p}${item}>)`, "g");
  return [...m[1].matchAll(re)].map((x) => x[0]);
}

/** Order of styleSheet's children (CT_Stylesheet), to insert a list that is missing. */
const ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

export class StylesXml {
  private xml: string;
  private readonly p: string;
  private changed = false;

  constructor(xml: string | undefined) {
    this.xml = xml ?? EMPTY_STYLES;
    this.p = /<((?:\w+:)?)styleSheet\b/.exec(this.xml)?.[1] ?? "";
    this.changed = xml === undefined;
  }

  get edited(): boolean {
    return this.changed;
  }

  toString(): string {
    return this.xml;
  }

  /** Lists as read, until the XML changes: a cell written a date asks for them every time. */
  private readonly lists = new Map<string, readonly string[]>();

  list(list: string, item: string): readonly string[] {
    const key = `${list}/${item}`;
    let items = this.lists.get(key);
    if (!items) this.lists.set(key, (items = children(this.xml, this.p, list, item)));
    return items;
  }

  /** Appends `items` to a list (created in its place when missing); → index of the first. */
  private append(list: string, item: string, items: string[]): number {
    const p = this.p;
    const had = this.list(list, item);
    if (items.length === 0) return had.length;
    const count = had.length + items.length;
    const re = new RegExp(`<${p}${list}\\b([^>]*?)(?:\\/>|>([\\s\\S]*?)<\\/${p}${list}>)`);
    const m = re.exec(this.xml);
    if (m) {
      const open = withAttribute(`<${p}${list}${m[1]}>`, "count", String(count));
      this.xml = this.xml.replace(re, () => `${open}${m[2] ?? ""}${items.join("")}</${p}${list}>`);
    } else {
      const at = ORDER.indexOf(list);
      const next = ORDER.slice(at + 1)
        .map((n) => new RegExp(`<${p}${n}\\b`).exec(this.xml)?.index)
        .find((i) => i !== undefined);
      const block = `<${p}${list} count="${count}">${items.join("")}</${p}${list}>`;
      const end = next ?? this.xml.lastIndexOf(`</${p}styleSheet>`);
      this.xml = this.xml.slice(0, end) + block + this.xml.slice(end);
    }
    this.changed = true;
    this.lists.clear();
    return had.length;
  }

  private numFmtCode(id: number): string | null {
    for (const f of this.list("numFmts", "numFmt")) {
      const a = attributes(f);
      if (Number(a.numFmtId) === id) return a.formatCode ?? "";
    }
    return null;
  }

  private isDateFormat(id: number): boolean {
    if (BUILTIN_DATES.has(id)) return true;
    const code = this.numFmtCode(id);
    return code !== null && isDateFormatCode(code);
  }

  /** The id of a number format with this code (added when missing). */
  numFmtId(code: string): number {
    let max = 163;
    for (const f of this.list("numFmts", "numFmt")) {
      const a = attributes(f);
      if (a.formatCode === code) return Number(a.numFmtId);
      max = Math.max(max, Number(a.numFmtId));
    }
    this.append("numFmts", "numFmt", [
      `<${this.p}numFmt numFmtId="${max + 1}" formatCode="${escapeXml(code)}"/>`,
    ]);
    return max + 1;
  }

  /** A cell format showing dates, otherwise like `s` (the same index when `s` shows dates). */
  private readonly dateStyles = new Map<number, number>();
  dateStyle(s: number): number {
    const xfs = this.list("cellXfs", "xf");
    const xf =
      xfs[s] ?? xfs[0] ?? `<${this.p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    if (this.isDateFormat(Number(attributes(xf).numFmtId ?? 0))) return s;
    const known = this.dateStyles.get(s);
    if (known !== undefined) return known;
    const id = this.numFmtId(DATE_FORMAT);
    const start = xf.slice(0, xf.indexOf(">") + 1);
    const rest = xf.slice(start.length);
    const tag = withAttribute(
      withAttribute(start, "numFmtId", String(id)),
      "applyNumberFormat",
      "1"
    );
    const at = this.append("cellXfs", "xf", [tag + rest]);
    this.dateStyles.set(s, at);
    return at;
  }

  /** True when cell format `s` shows dates. */
  showsDate(s: number): boolean {
    const xf = this.list("cellXfs", "xf")[s];
    return xf !== undefined && this.isDateFormat(Number(attributes(xf).numFmtId ?? 0));
  }

  /** How many cell formats (cellXfs) and differential formats (dxfs) there are. */
  counts(): { xf: number; dxf: number } {
    return { xf: this.list("cellXfs", "xf").length, dxf: this.list("dxfs", "dxf").length };
  }

  /**
   * Brings in the cell and differential formats of another styles.xml (the spec writer's):
   * → how its cellXfs and dxfs indexes map to this one's: all of them appended, in order,
   * after this one's (`counts()` before the merge).
   */
  merge(other: StylesXml): { xf: number[]; dxf: number[] } {
    const numFmt = new Map<number, number>();
    for (const f of other.list("numFmts", "numFmt")) {
      const a = attributes(f);
      numFmt.set(Number(a.numFmtId), this.numFmtId(a.formatCode ?? "General"));
    }
    const mapList = (list: string, item: string): number[] => {
      const mine = this.list(list, item);
      const index = new Map(mine.map((x, k) => [x, k]));
      const add: string[] = [];
      const map = other.list(list, item).map((x) => {
        let at = index.get(x);
        if (at === undefined) {
          at = mine.length + add.length;
          add.push(x);
          index.set(x, at);
        }
        return at;
      });
      this.append(list, item, add);
      return map;
    };
    const fonts = mapList("fonts", "font");
    const fills = mapList("fills", "fill");
    const borders = mapList("borders", "border");
    const xfs = other.list("cellXfs", "xf").map((xf) => {
      const start = xf.slice(0, xf.indexOf(">") + 1);
      const a = attributes(start);
      let tag = start;
      const id = Number(a.numFmtId ?? 0);
      if (numFmt.has(id)) tag = withAttribute(tag, "numFmtId", String(numFmt.get(id)));
      if (a.fontId !== undefined)
        tag = withAttribute(tag, "fontId", String(fonts[Number(a.fontId)] ?? 0));
      if (a.fillId !== undefined)
        tag = withAttribute(tag, "fillId", String(fills[Number(a.fillId)] ?? 0));
      if (a.borderId !== undefined)
        tag = withAttribute(tag, "borderId", String(borders[Number(a.borderId)] ?? 0));
      tag = withAttribute(tag, "xfId", "0");
      return tag + xf.slice(start.length);
    });
    const xfStart = this.append("cellXfs", "xf", xfs);
    const dxfs = other
      .list("dxfs", "dxf")
      .map((d) =>
        d.replace(/(<(?:\w+:)?numFmt\b[^>]*numFmtId=")(\d+)"/, (all, head: string, id: string) =>
          numFmt.has(Number(id)) ? `${head}${numFmt.get(Number(id))}"` : all
        )
      );
    const dxfStart = this.append("dxfs", "dxf", dxfs);
    return { xf: xfs.map((_, i) => xfStart + i), dxf: dxfs.map((_, i) => dxfStart + i) };
  }
}
