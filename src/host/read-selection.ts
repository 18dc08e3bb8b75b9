/**
 * Reads the user's selection in Excel as a RawTable: texts, position and merged areas,
 * all in one sync (Office.js round trips are slow, especially in Excel on the web).
 */
import type { RawTable } from "../core/table/raw-table";
import { InputError } from "../core/errors/input-error";
import { selectionToRawTable, SELECTION_SOURCE } from "./selection-table";

/** A phụ lục of a few hundred rows is ~2,000 cells; beyond this the user selected whole columns. */
export const MAX_SELECTION_CELLS = 60000;

export async function readSelectionTable(): Promise<RawTable> {
  return Excel.run(async (context) => {
    const range = context.workbook.getSelectedRange();
    range.load(["rowIndex", "columnIndex", "rowCount", "columnCount", "cellCount"]);
    // The selection is always on the active sheet; asking the workbook avoids a navigation property.
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.load("name");
    // Merged areas need ExcelApi 1.13; older hosts just give none (the importer copes).
    const canReadMerges = Office.context.requirements.isSetSupported("ExcelApi", "1.13");
    const merged = canReadMerges ? range.getMergedAreasOrNullObject() : null;
    if (merged) merged.load("address");
    // Loading `text` of a huge range is itself the cost we want to avoid, so check size first.
    await context.sync();
    if (range.cellCount > MAX_SELECTION_CELLS) {
      throw new InputError(
        "selection-too-large",
        SELECTION_SOURCE,
        `Vùng chọn quá lớn (${range.cellCount.toLocaleString("vi-VN")} ô). Hãy chọn đúng bảng phụ lục rồi thử lại.`
      );
    }
    // Values and formats too: "####" in a narrow column is read from the value.
    range.load(["text", "values", "numberFormat"]);
    await context.sync();
    if (range.cellCount <= 1) {
      throw new InputError(
        "selection-empty",
        SELECTION_SOURCE,
        "Hãy chọn cả bảng phụ lục (nhiều hàng, nhiều cột) rồi thử lại."
      );
    }
    return selectionToRawTable({
      sheet: sheet.name,
      rowIndex: range.rowIndex,
      columnIndex: range.columnIndex,
      texts: range.text,
      values: range.values,
      numberFormats: range.numberFormat,
      mergedAddress: merged && !merged.isNullObject ? merged.address : null,
    });
  });
}
