/**
 * Watches an XML part's bytes as they are inflated, before any parser builds anything from
 * them: the longest run of bytes between two "<" (one cell's or paragraph's text, or one tag),
 * and, in a worksheet, how many <row> and <c> elements it holds and where they say they are (the
 * r="…" of each): a single cell at "ZZZZZZZ20" or a row at r="2000000000" would otherwise make a
 * reader build a grid of billions. This is what bounds the memory exceljs, the values reader and
 * the .docx parser would otherwise spend. Works across chunk boundaries; namespace prefixes
 * ("x:row") are ignored.
 */
import type { InputLimits } from "./input-limits";

export type XmlShapeLimits = Pick<
  InputLimits,
  "maxTextRunBytes" | "maxSheetRows" | "excelRows" | "excelColumns" | "maxGridCells"
>;

export type XmlShapeExceeded =
  | { kind: "text-run" }
  | { kind: "rows"; rows: number }
  | { kind: "cells"; cells: number }
  /** A row number past the readable limit (but inside Excel's sheet). */
  | { kind: "row-number"; row: number }
  /** A reference outside Excel's sheet (past row 1,048,576 or column XFD), or not a reference. */
  | { kind: "bad-ref"; ref: string }
  /** Ragged rows (each as long as its last value) over maxGridCells: values far to the right. */
  | { kind: "grid"; row: number; column: number };

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const COLON = 0x3a;
const EQ = 0x3d;
const QUOT = 0x22;
const APOS = 0x27;
const R = 0x72;
const O = 0x6f;
const W = 0x77;
const C = 0x63;

/** Longest r="…" value kept; anything longer is not a reference. */
const MAX_REF = 16;

// Reading the attributes of a <row> or <c> tag: looking for " r", then "=", then a quote, then
// the value up to the same quote.
const enum Attr {
  None,
  Seek,
  Name,
  Eq,
  Value,
  Skip,
}

export class XmlShapeScanner {
  rows = 0;
  cells = 0;
  /** Highest row and column seen (worksheets only). */
  lastRow = 0;
  lastColumn = 0;
  /** Cells of the sheet read as ragged rows: each row as long as its last value. */
  gridCells = 0;
  private run = 0;
  // The element name being read after "<": its length so far, or -1 when not in a name.
  private nameLength = -1;
  private name = [0, 0, 0, 0];
  private tag: "row" | "c" | null = null;
  private attr = Attr.None;
  private prev = 0;
  private quote = 0;
  /** The r="…" value's bytes so far (never a string per cell: 450,000 of them in a master). */
  private readonly value = new Uint8Array(MAX_REF);
  private valueLength = 0;
  // Where the sheet is: the current row, the last cell's column, the row's last value's column,
  // and whether the tag being read named its own place (r="…").
  private row = 0;
  private column = 0;
  private rowLast = 0;
  private placed = false;

  constructor(
    private readonly limits: XmlShapeLimits,
    /** Count rows and cells and check their references (worksheet parts only). */
    private readonly sheet: boolean,
    /** Cells already counted in other parts, and the package's limit on all of them. */
    private readonly cellBudget: { used: number; max: number }
  ) {}

  /** Returns what was exceeded, or null; the caller stops inflating at the first excess. */
  push(chunk: Uint8Array): XmlShapeExceeded | null {
    const maxRun = this.limits.maxTextRunBytes;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (b === LT) {
        this.run = 0;
        this.nameLength = this.sheet ? 0 : -1;
        this.attr = Attr.None;
        continue;
      }
      if (this.attr === Attr.None && this.nameLength < 0) {
        // Text, or a tag not counted: nothing to read up to the next "<" (found natively, so a
        // 50 MB sheet of long formulas is not walked byte by byte in JavaScript).
        let next = chunk.indexOf(LT, i);
        if (next < 0) next = chunk.length;
        this.run += next - i;
        if (this.run > maxRun) return { kind: "text-run" };
        i = next - 1;
        continue;
      }
      if (++this.run > maxRun) return { kind: "text-run" };
      if (this.attr !== Attr.None) {
        const hit = this.attrByte(b);
        if (hit) return hit;
        continue;
      }
      if (b === COLON) {
        this.nameLength = 0; // a namespace prefix: the local name starts after it
      } else if (b <= 0x20 || b === GT || b === SLASH) {
        const hit = this.endName();
        if (hit) return hit;
        if (this.tag) {
          // Read the tag to its ">": its r="…", and whether it closes itself.
          this.attr = Attr.Seek;
          this.placed = false;
          this.prev = 0x20;
          const end = this.attrByte(b);
          if (end) return end;
        }
      } else if (this.nameLength < 4) {
        this.name[this.nameLength++] = b;
      } else {
        this.nameLength = -1; // longer than any name we count
      }
    }
    return null;
  }

  private attrByte(b: number): XmlShapeExceeded | null {
    switch (this.attr) {
      case Attr.Seek:
        if (b === GT) {
          this.attr = Attr.None;
          return this.endTag(this.prev === SLASH);
        } else if (b === R && this.prev <= 0x20) this.attr = Attr.Name;
        else if (b === QUOT || b === APOS) {
          // another attribute's value (it may hold " r="): read past it
          this.quote = b;
          this.attr = Attr.Skip;
        }
        break;
      case Attr.Skip:
        if (b === this.quote) this.attr = Attr.Seek;
        break;
      case Attr.Name:
        if (b === EQ) this.attr = Attr.Eq;
        else if (b > 0x20) {
          this.attr = Attr.Seek; // "rx=", not "r="
          return this.attrByte(b);
        }
        break;
      case Attr.Eq:
        if (b === QUOT || b === APOS) {
          this.quote = b;
          this.valueLength = 0;
          this.attr = Attr.Value;
        } else if (b > 0x20) {
          this.attr = Attr.Seek;
          return this.attrByte(b);
        }
        break;
      case Attr.Value:
        if (b === this.quote) {
          this.attr = Attr.Seek;
          this.prev = b;
          return this.checkRef();
        }
        if (this.valueLength >= MAX_REF) return { kind: "bad-ref", ref: this.valueText() + "…" };
        this.value[this.valueLength++] = b;
        break;
    }
    this.prev = b;
    return null;
  }

  /** The value's bytes as text, one character per byte (for the message naming a bad one). */
  private valueText(): string {
    return String.fromCharCode(...this.value.subarray(0, this.valueLength));
  }

  /** The r="…" just read: 1-3 capital letters (a cell only) and digits, inside Excel's sheet. */
  private checkRef(): XmlShapeExceeded | null {
    const v = this.value;
    const n = this.valueLength;
    let i = 0;
    let col = 0;
    if (this.tag !== "row")
      for (; i < n && i < 3 && v[i]! >= 0x41 && v[i]! <= 0x5a; i++) col = col * 26 + (v[i]! - 64);
    const digitsFrom = i;
    let row = 0;
    for (; i < n && v[i]! >= 0x30 && v[i]! <= 0x39; i++) row = row * 10 + (v[i]! - 0x30);
    if ((this.tag !== "row" && digitsFrom === 0) || i === digitsFrom || i < n)
      return { kind: "bad-ref", ref: this.valueText() };
    if (row < 1 || row > this.limits.excelRows || col > this.limits.excelColumns)
      return { kind: "bad-ref", ref: this.valueText() };
    if (row > this.limits.maxSheetRows) return { kind: "row-number", row };
    this.placed = true;
    if (this.tag === "c") {
      this.column = col;
      if (row !== this.row) this.newRow(row);
    } else this.newRow(row);
    return null;
  }

  private newRow(row: number): void {
    this.row = row;
    this.column = 0;
    this.rowLast = 0;
  }

  /** The end of a <row> or <c> tag: where it is, and a cell with content widens its row. */
  private endTag(selfClosing: boolean): XmlShapeExceeded | null {
    if (this.tag === "row") {
      if (!this.placed) this.newRow(this.row + 1);
    } else {
      if (!this.placed) this.column++;
      if (this.row === 0) this.newRow(1);
      if (this.row > this.limits.maxSheetRows) return { kind: "row-number", row: this.row };
      if (this.column > this.limits.excelColumns)
        return { kind: "bad-ref", ref: `R${this.row}C${this.column}` };
      if (!selfClosing && this.column > this.rowLast) {
        this.gridCells += this.column - this.rowLast;
        this.rowLast = this.column;
        if (this.row > this.lastRow) this.lastRow = this.row;
        if (this.column > this.lastColumn) this.lastColumn = this.column;
        if (this.gridCells > this.limits.maxGridCells)
          return { kind: "grid", row: this.row, column: this.column };
      }
    }
    this.tag = null;
    return null;
  }

  private endName(): XmlShapeExceeded | null {
    const n = this.nameLength;
    const [a, b, c] = this.name;
    this.nameLength = -1;
    this.tag = null;
    if (n === 3 && a === R && b === O && c === W) {
      this.tag = "row";
      if (++this.rows > this.limits.maxSheetRows) return { kind: "rows", rows: this.rows };
    } else if (n === 1 && a === C) {
      this.tag = "c";
      this.cells++;
      if (++this.cellBudget.used > this.cellBudget.max)
        return { kind: "cells", cells: this.cellBudget.used };
    }
    return null;
  }
}
