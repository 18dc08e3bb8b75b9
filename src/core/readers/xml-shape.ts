/**
 * Watches an XML part's bytes as they are inflated, before any parser builds anything from
 * them: the longest run of bytes between two "<" (one cell's or paragraph's text, or one tag),
 * and, in a worksheet, how many <row> and <c> elements it holds. This is what bounds the memory
 * exceljs and the .docx parser would otherwise spend on a sheet of a million rows or a cell of
 * megabytes. Works across chunk boundaries; namespace prefixes ("x:row") are ignored.
 */
export interface XmlShapeLimits {
  /** Bytes between two "<": Excel itself keeps at most 32,767 characters in a cell. */
  maxTextRunBytes: number;
  /** <row> elements in one worksheet part. */
  maxSheetRows: number;
}

export type XmlShapeExceeded =
  | { kind: "text-run" }
  | { kind: "rows"; rows: number }
  | { kind: "cells"; cells: number };

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const COLON = 0x3a;
const R = 0x72;
const O = 0x6f;
const W = 0x77;
const C = 0x63;

export class XmlShapeScanner {
  rows = 0;
  cells = 0;
  private run = 0;
  // The element name being read after "<": its length so far, or -1 when not in a name.
  private nameLength = -1;
  private name = [0, 0, 0, 0];

  constructor(
    private readonly limits: XmlShapeLimits,
    /** Count rows and cells (worksheet parts only). */
    private readonly sheet: boolean,
    /** Cells already counted in other parts, and the package's limit on all of them. */
    private readonly cellBudget: { used: number; max: number }
  ) {}

  /** Returns what was exceeded, or null; the caller stops inflating at the first excess. */
  push(chunk: Uint8Array): XmlShapeExceeded | null {
    const maxRun = this.limits.maxTextRunBytes;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (b === LT) {
        this.run = 0;
        this.nameLength = this.sheet ? 0 : -1;
        continue;
      }
      if (++this.run > maxRun) return { kind: "text-run" };
      if (this.nameLength < 0) continue;
      if (b === COLON) {
        this.nameLength = 0; // a namespace prefix: the local name starts after it
      } else if (b <= 0x20 || b === GT || b === SLASH) {
        const hit = this.endName();
        if (hit) return hit;
      } else if (this.nameLength < 4) {
        this.name[this.nameLength++] = b;
      } else {
        this.nameLength = -1; // longer than any name we count
      }
    }
    return null;
  }

  private endName(): XmlShapeExceeded | null {
    const n = this.nameLength;
    const [a, b, c] = this.name;
    this.nameLength = -1;
    if (n === 3 && a === R && b === O && c === W) {
      if (++this.rows > this.limits.maxSheetRows) return { kind: "rows", rows: this.rows };
    } else if (n === 1 && a === C) {
      this.cells++;
      if (++this.cellBudget.used > this.cellBudget.max)
        return { kind: "cells", cells: this.cellBudget.used };
    }
    return null;
  }
}
