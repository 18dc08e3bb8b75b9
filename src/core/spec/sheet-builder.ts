/**
 * A sheet laid out row by row (the papers to sign, "Tổng hợp"): a row cursor, one block of
 * values from A1, merges and styled ranges. The layouts say what goes on which row; the index
 * arithmetic (padding, 1-based rows against 0-based columns, merge addresses) lives here once.
 */
import { cellAddress } from "./a1";
import type { CellValue, StyledRange, StyleSpec } from "./sheet-spec";

export class SheetBuilder {
  /** The next row to write, 1-based. */
  row = 1;
  readonly merges: string[] = [];
  readonly styles: StyledRange[] = [];
  private readonly rows: CellValue[][] = [];

  /** `width` > 0: every row is that many cells (blanks as null); 0: rows as long as written. */
  constructor(private readonly width = 0) {}

  /** Writes `value` in row `r` (1-based), column `col` (0-based). */
  put(r: number, col: number, value: CellValue): void {
    this.reach(r);
    const cells = this.rows[r - 1];
    if (cells) cells[col] = value;
  }

  /** Writes `cells` on the cursor's row and moves the cursor down; returns the row written. */
  addRow(cells: CellValue[]): number {
    const r = this.row++;
    cells.forEach((v, col) => this.put(r, col, v));
    this.reach(r);
    return r;
  }

  /** Merges row `r` from column `from` to `to` (0-based, inclusive); one column is no merge. */
  across(r: number, from: number, to: number): void {
    if (to > from) this.merges.push(`${cellAddress(r, from + 1)}:${cellAddress(r, to + 1)}`);
  }

  style(range: string, style: StyleSpec): void {
    this.styles.push({ range, style });
  }

  /** The values from A1 to the row before the cursor (blank rows included). */
  values(): CellValue[][] {
    this.reach(this.row - 1);
    return this.rows;
  }

  private reach(r: number): void {
    while (this.rows.length < r)
      this.rows.push(this.width ? Array<CellValue>(this.width).fill(null) : []);
  }
}
