/**
 * A worksheet part edited in place: cells rewritten, rows appended. Only the rows touched are
 * re-serialised; every other byte of the part (columns, merges, validations, conditional
 * formats, notes' anchors, page setup, extLst…) is kept as the writer wrote it. Whatever prefix
 * the writer gave SpreadsheetML ("<row>", "<x:row>") is kept.
 *
 * The part is held as a binary string (one character per byte: binary-text.ts): every edit
 * here reads and writes markup, which is ASCII; a new cell's text goes in as its UTF-8 bytes.
 *
 * Values: text as inline strings (sharedStrings.xml is never touched, whatever the writer put
 * there), numbers, booleans, real dates (a serial in the workbook's date system, a date number
 * format when the cell has none: patch-styles.ts), formulas (recalculated on open).
 */
import type { CellValue } from "../core/spec/sheet-spec";
import { cellAddress, columnLetter, parseCell } from "../core/spec/a1";
import { attributes, escapeXml, withAttribute } from "./patch-opc";
import { isoToSerial } from "../core/text/dates";
import { utf8Binary } from "./binary-text";

/** A date's serial in the 1904 system is this much smaller than in the 1900 one. */
const DAYS_1904 = 1462;

export interface CellStyler {
  /** The style index for a date in a cell styled `s` (the same style when it shows dates). */
  dateStyle(s: number): number;
}

interface Row {
  r: number;
  /** The row's start tag ("<row r="3" spans="1:9">"). */
  open: string;
  /** Cells by column, each its whole XML. */
  cells: Map<number, string>;
  /** Anything else inside the row (extLst), kept after the cells. */
  tail: string;
}

/** The sheet's rows and the text around them, so untouched rows are joined back as they were. */
export class SheetXml {
  readonly prefix: string;
  private readonly before: string;
  private readonly after: string;
  /** Untouched rows as their original text; parsed on first touch. */
  private readonly rows = new Map<number, string | Row>();
  private readonly order: number[] = [];
  private formulaReplaced = false;
  private cellRes: { cell: RegExp; isCell: RegExp } | undefined;

  constructor(
    /** The worksheet part as a binary string (OpcPackage.binary). */
    xml: string,
    readonly date1904: boolean
  ) {
    const open = /<((?:\w+:)?)sheetData\b[^>]*?(\/?)>/.exec(xml);
    if (!open) throw new Error("worksheet without sheetData");
    const [tag, prefix = "", selfClosing] = open; // the prefix group always matches ("" or "x:")
    this.prefix = prefix;
    const p = this.prefix;
    const start = open.index + tag.length;
    if (selfClosing === "/") {
      this.before = xml.slice(0, open.index) + `<${p}sheetData>`;
      this.after = `</${p}sheetData>` + xml.slice(start);
      return;
    }
    const end = xml.indexOf(`</${p}sheetData>`, start);
    this.before = xml.slice(0, start);
    this.after = xml.slice(end);
    const body = xml.slice(start, end);
    const rowRe = new RegExp(
      `<${escapeRe(p)}row\\b[^>]*?(?:\\/>|>[\\s\\S]*?<\\/${escapeRe(p)}row>)`,
      "g"
    );
    let next = 1;
    for (const m of body.matchAll(rowRe)) {
      const r = Number(/\br="(\d+)"/.exec(m[0].slice(0, m[0].indexOf(">")))?.[1] ?? next);
      this.rows.set(r, m[0]);
      this.order.push(r);
      next = r + 1;
    }
  }

  /** True when a cell that held a formula was overwritten (the calc chain must go). */
  get replacedFormula(): boolean {
    return this.formulaReplaced;
  }

  lastRow(): number {
    return this.order.length ? Math.max(...this.order) : 0;
  }

  private row(r: number): Row {
    const had = this.rows.get(r);
    if (had && typeof had !== "string") return had;
    const p = escapeRe(this.prefix);
    if (had === undefined) {
      const row: Row = { r, open: `<${this.prefix}row r="${r}">`, cells: new Map(), tail: "" };
      this.rows.set(r, row);
      this.order.push(r);
      this.order.sort((a, b) => a - b);
      return row;
    }
    const openEnd = had.indexOf(">") + 1;
    const selfClosing = had[openEnd - 2] === "/";
    const open = selfClosing ? had.slice(0, openEnd - 2).trimEnd() + ">" : had.slice(0, openEnd);
    const inner = selfClosing ? "" : had.slice(openEnd, had.lastIndexOf("<"));
    const cells = new Map<number, string>();
    let col = 0;
    let tail = "";
    // Made once per sheet, not a RegExp per row and one per cell (18,000 rows touched).
    const re = (this.cellRes ??= {
      cell: new RegExp(
        `<${p}c(?=[\\s>/])[^>]*?(?:\\/>|>[\\s\\S]*?<\\/${p}c>)|<[^>]+>[\\s\\S]*$`,
        "g"
      ),
      isCell: new RegExp(`^<${p}c(?=[\\s>/])`),
    });
    for (const m of inner.matchAll(re.cell)) {
      if (!re.isCell.test(m[0])) {
        tail = m[0];
        break;
      }
      const ref = /\br="([A-Z]+)\d+"/.exec(m[0].slice(0, m[0].indexOf(">")))?.[1];
      col = ref ? parseCell(`${ref}1`).col : col + 1;
      cells.set(col, m[0]);
    }
    const row: Row = { r, open, cells, tail };
    this.rows.set(r, row);
    return row;
  }

  /** The style index of a cell: its own, else its row's, else its column's (from `<cols>`). */
  styleOf(r: number, c: number): number {
    const row = this.rows.get(r) === undefined ? undefined : this.row(r);
    const cell = row?.cells.get(c);
    const own = cell ? attributes(cell.slice(0, cell.indexOf(">"))).s : undefined;
    if (own !== undefined) return Number(own);
    const ra = row ? attributes(row.open) : {};
    if (ra.s !== undefined && /^(1|true)$/.test(ra.customFormat ?? "")) return Number(ra.s);
    for (const m of this.before.matchAll(
      new RegExp(`<${escapeRe(this.prefix)}col\\b[^>]*>`, "g")
    )) {
      const a = attributes(m[0]);
      if (Number(a.min) <= c && c <= Number(a.max) && a.style !== undefined) return Number(a.style);
    }
    return 0;
  }

  /** True when the row holds no value (styled empty cells do not count). */
  rowIsEmpty(r: number, fromCol: number, toCol: number): boolean {
    if (this.rows.get(r) === undefined) return true;
    const row = this.row(r);
    for (const [c, xml] of row.cells)
      if (c >= fromCol && c <= toCol && /<(?:\w+:)?(?:v|f|is)\b/.test(xml)) return false;
    return true;
  }

  hasRow(r: number): boolean {
    return this.rows.has(r);
  }

  set(address: string, value: CellValue, styler: CellStyler, style?: number): void {
    const { row: r, col: c } = parseCell(address);
    const s = style ?? this.styleOf(r, c);
    const row = this.row(r);
    const old = row.cells.get(c);
    if (old && /<(?:\w+:)?f\b/.test(old)) this.formulaReplaced = true;
    row.cells.set(c, this.cellXml(cellAddress(r, c), value, s, styler));
  }

  /** Moves a whole row to another row number (a table's totals row below appended rows). */
  moveRow(from: number, to: number): void {
    const row = this.row(from);
    this.rows.delete(from);
    this.order.splice(this.order.indexOf(from), 1);
    const moved: Row = {
      r: to,
      open: withAttribute(row.open, "r", String(to)),
      cells: new Map(
        [...row.cells].map(([c, xml]) => [
          c,
          xml.replace(/^(<[^>]*?\br=")[A-Z]+\d+(")/, `$1${columnLetter(c)}${to}$2`),
        ])
      ),
      tail: row.tail,
    };
    this.rows.set(to, moved);
    this.order.push(to);
    this.order.sort((a, b) => a - b);
  }

  private cellXml(ref: string, v: CellValue, s: number, styler: CellStyler): string {
    const p = this.prefix;
    const style = s ? ` s="${s}"` : "";
    if (v === null || v === undefined || v === "") return `<${p}c r="${ref}"${style}/>`;
    if (typeof v === "string")
      return `<${p}c r="${ref}"${style} t="inlineStr"><${p}is><${p}t xml:space="preserve">${utf8Binary(escapeXml(clean(v)))}</${p}t></${p}is></${p}c>`;
    if (typeof v === "number") return `<${p}c r="${ref}"${style}><${p}v>${v}</${p}v></${p}c>`;
    if (typeof v === "boolean")
      return `<${p}c r="${ref}"${style} t="b"><${p}v>${v ? 1 : 0}</${p}v></${p}c>`;
    if ("date" in v) {
      const serial = isoToSerial(v.date) - (this.date1904 ? DAYS_1904 : 0);
      const ds = styler.dateStyle(s);
      return `<${p}c r="${ref}"${ds ? ` s="${ds}"` : ""}><${p}v>${serial}</${p}v></${p}c>`;
    }
    this.formulaReplaced = true;
    return `<${p}c r="${ref}"${style}><${p}f>${utf8Binary(escapeXml(v.formula.replace(/^=/, "")))}</${p}f></${p}c>`;
  }

  toString(): string {
    const parts: string[] = [];
    for (const r of this.order) {
      const row = this.rows.get(r)!;
      if (typeof row === "string") {
        parts.push(row);
        continue;
      }
      const cells = [...row.cells].sort((a, b) => a[0] - b[0]).map(([, xml]) => xml);
      const open = withSpans(row.open, row.cells);
      parts.push(
        cells.length || row.tail
          ? `${open}${cells.join("")}${row.tail}</${this.prefix}row>`
          : open.replace(/>$/, "/>")
      );
    }
    return this.before + parts.join("") + this.after;
  }
}

/** A row's "spans" hint (optional) kept true, or dropped when it no longer holds. */
function withSpans(open: string, cells: Map<number, string>): string {
  const spans = attributes(open).spans;
  if (!spans || cells.size === 0) return open;
  const [a, b] = spans.split(":").map(Number);
  const cols = [...cells.keys()];
  // A hint that is not "a:b" does not hold either.
  if (a !== undefined && b !== undefined && Math.min(...cols) >= a && Math.max(...cols) <= b)
    return open;
  return open.replace(/\sspans="[^"]*"/, "");
}

/** Characters XML 1.0 cannot carry, dropped (a value pasted from a PDF may hold them). */
function clean(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
