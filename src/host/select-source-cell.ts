/**
 * "Go to source": selects the cell a finding points at, when the plan was read from the
 * selection in this workbook. Best effort: the sheet may have been renamed or deleted since.
 */
export async function selectSourceCell(
  sheet: string,
  row: number,
  column?: string
): Promise<boolean> {
  const col = column && /^[A-Z]{1,3}$/.test(column) ? column : "A";
  try {
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(`${col}${row}`).select();
      await context.sync();
    });
    return true;
  } catch {
    return false;
  }
}
