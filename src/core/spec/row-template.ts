/**
 * A formula cell made from a row template: its text is the template's pieces joined by the
 * row's number (`=IF($K5="";…)` is ["=IF($K", "=\"\";…"] at row 5). Renderers read `formula`
 * like any formula cell's; the .xlsx writer also reads the template, so a column of 10,000 such
 * cells is known to be one formula filled down without making and comparing 10,000 long texts.
 * The template rides on a symbol, not an own enumerable key: spreads and JSON see `{ formula }`.
 */

const TEMPLATE = Symbol("row template");

/** The pieces around the row number and the row the cell joins them with. */
export interface RowTemplateUse {
  /** Shared by every cell of the template (compared by identity). */
  readonly pieces: readonly string[];
  readonly row: number;
}

/**
 * A formula cell of row `row`, its text made each time it is read (an enumerable getter): a
 * 10,000-task sheet's formula columns hold ~25 million characters, kept by no one.
 */
export function templateFormulaCell(pieces: readonly string[], row: number): { formula: string } {
  const use: RowTemplateUse = { pieces, row };
  const cell = {
    get formula() {
      return pieces.join(String(row));
    },
  };
  Object.defineProperty(cell, TEMPLATE, { value: use });
  return cell;
}

/** The template a formula cell was made from (templateFormulaCell), if any. */
export function rowTemplateOf(cell: object): RowTemplateUse | undefined {
  return (cell as { [TEMPLATE]?: RowTemplateUse })[TEMPLATE];
}
