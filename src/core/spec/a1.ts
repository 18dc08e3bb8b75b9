/**
 * A1 address math for sheet specs: renderers and the spec checker share it so that
 * "B2:F30" means the same rectangle everywhere. Rows and columns are 1-based.
 */

export interface CellRef {
  row: number;
  col: number;
}

export interface RangeRef {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** 1 → "A", 27 → "AA". */
export function columnLetter(col: number): string {
  if (!Number.isInteger(col) || col < 1) throw new RangeError(`Cột không hợp lệ: ${col}`);
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** "A" → 1, "AA" → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) throw new RangeError(`Cột không hợp lệ: ${letters}`);
    n = n * 26 + (c - 64);
  }
  if (n === 0) throw new RangeError(`Cột không hợp lệ: ${letters}`);
  return n;
}

export function parseCell(address: string): CellRef {
  const [, letters, digits] = CELL.exec(address.trim()) ?? [];
  const row = Number(digits);
  if (letters === undefined || !(row >= 1))
    throw new RangeError(`Địa chỉ ô không hợp lệ: "${address}"`);
  return { row, col: columnNumber(letters) };
}

/** "B2:F30" or a single cell "B2"; corners may come in any order. */
export function parseRange(address: string): RangeRef {
  const [first = "", second, ...more] = address.split(":");
  if (more.length) throw new RangeError(`Vùng không hợp lệ: "${address}"`);
  const a = parseCell(first);
  const b = second !== undefined ? parseCell(second) : a;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

export function rangeAddress(r: RangeRef): string {
  const tl = cellAddress(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? tl : `${tl}:${cellAddress(r.bottom, r.right)}`;
}

export function rangeSize(r: RangeRef): { rows: number; cols: number } {
  return { rows: r.bottom - r.top + 1, cols: r.right - r.left + 1 };
}

export function rangesOverlap(a: RangeRef, b: RangeRef): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/** The rectangle a block of values covers when written at `address`. */
export function blockRange(address: string, values: unknown[][]): RangeRef {
  const { row, col } = parseCell(address);
  const width = values.reduce((w, r) => Math.max(w, r.length), 0);
  return {
    top: row,
    left: col,
    bottom: row + Math.max(values.length, 1) - 1,
    right: col + Math.max(width, 1) - 1,
  };
}

/** Sheet names need quotes in references when they are not plain identifiers ("'Thông tin'!A1"). */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "1:3" → {from: 1, to: 3}. */
export function parseRowSpan(rows: string): { from: number; to: number } {
  const m = /^\$?(\d+)(?::\$?(\d+))?$/.exec(rows.trim());
  if (!m) throw new RangeError(`Dòng không hợp lệ: "${rows}"`);
  const from = Number(m[1]);
  const to = m[2] ? Number(m[2]) : from;
  return { from: Math.min(from, to), to: Math.max(from, to) };
}

/** "A:B" → {from: 1, to: 2}; "C" → {from: 3, to: 3}. */
export function parseColumnSpan(cols: string): { from: number; to: number } {
  const [, first, last] = /^\$?([A-Za-z]{1,3})(?::\$?([A-Za-z]{1,3}))?$/.exec(cols.trim()) ?? [];
  if (first === undefined) throw new RangeError(`Cột không hợp lệ: "${cols}"`);
  const from = columnNumber(first);
  const to = last ? columnNumber(last) : from;
  return { from: Math.min(from, to), to: Math.max(from, to) };
}
