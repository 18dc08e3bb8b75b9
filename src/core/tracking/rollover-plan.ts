/**
 * A roll-over as the cells and rows a writer applies, assembled ONCE for every path: the open
 * workbook (render/office/rollover-office.ts), the CLI and the pane's file mode
 * (app/rollover.ts, which writes them into the original .xlsx package):
 *  - the task rows reset / carried / moved to the successor agency (rowChanges);
 *  - Năm báo cáo / Ngày báo cáo written where they were read from (input-cells.ts);
 *  - the finished year's lines appended to the history table, in the order of its headers;
 *  - the summary every caller shows (counted here only).
 */
import type { CellValue } from "../spec/sheet-spec";
import { NAMES, SHEETS, TABLES, TASK_COLUMNS } from "../workbook/columns";
import { historyValue } from "../workbook/history-sheet";
import {
  HISTORY_COLUMNS,
  TRACKED_COLUMNS,
  type TrackingWorkbook,
} from "../workbook/tracking-model";
import { rowChanges, type CellChange } from "./changes";
import { inputCell, INPUT_LABELS } from "./input-cells";
import { cellText, cellValue } from "./raw-cell";
import { historyCells, rollover, type RolloverResult } from "./rollover";
import { assertRollover, RolloverRefused } from "./rollover-rules";
import { gridOf, type TrackingCells } from "./tracking-cells";
import { yearEnd } from "../text/dates";

export interface RolloverSummary {
  from: number;
  to: number;
  /** ISO date written to Ngày báo cáo. */
  reportDate: string;
  reset: number;
  carried: number;
  kept: number;
  /** History lines added or updated. */
  archived: number;
  moved: RolloverResult["moved"];
}

export interface RolloverPlan {
  result: RolloverResult;
  summary: RolloverSummary;
  /** Task rows and the two inputs. */
  changes: CellChange[];
  /**
   * The history lines to append under the table's headers as the workbook has them; null when
   * the workbook has no "Lịch sử" sheet with headers (a file writer adds the sheet whole).
   */
  history: { sheet: string; table: string; rows: CellValue[][] } | null;
}

function rolloverSummary(
  result: RolloverResult,
  from: number,
  to: number,
  reportDate: string
): RolloverSummary {
  const count = (a: string) => result.actions.filter((x) => x.action === a).length;
  return {
    from,
    to,
    reportDate,
    reset: count("reset"),
    carried: count("carry"),
    kept: count("keep"),
    archived: result.archived.length,
    moved: result.moved,
  };
}

/**
 * Refusals (rollover-rules.ts) throw RolloverRefused; open errors are the caller's to weigh.
 * `cells` are the workbook's cells as read (where the inputs and the history headers are),
 * `wb` the workbook to roll (after this session's fixes, in file mode).
 */
export function rolloverPlan(
  cells: TrackingCells,
  wb: TrackingWorkbook,
  toYear: number,
  reportDate = yearEnd(toYear)
): RolloverPlan {
  const from = assertRollover(wb, toYear);
  const result = rollover(wb, toYear);
  const reason = `Chuyển sổ từ năm ${from} sang năm ${toYear}`;
  const changes: CellChange[] = [
    ...rowChanges(wb, result.workbook, reason, "ROLLOVER"),
    ...inputChanges(cells, toYear, reportDate, reason),
  ];
  const sheet = cells.sheets.find((s) => s.name === SHEETS.history);
  // Office.js gives `rows`, the file readers `cells`: gridOf reads either.
  const headers = Array.from((sheet ? gridOf(sheet)[0] : undefined) ?? [], (h) => cellText(h));
  const added = result.workbook.history.slice(wb.history.length);
  const history =
    sheet && headers.some(Boolean)
      ? {
          sheet: SHEETS.history,
          table: TABLES.history,
          rows: added.map((h) => {
            const byHeader = historyCells(h);
            return headers.map((header): CellValue => {
              const id = TRACKED_COLUMNS.find((c) => TASK_COLUMNS[c] === header);
              if (id) return historyValue(id, h.values[id]);
              if (header === HISTORY_COLUMNS.derived)
                return historyValue("derived", h.values.derived);
              return byHeader[header] ?? null;
            });
          }),
        }
      : null;
  return {
    result,
    summary: rolloverSummary(result, from, toYear, reportDate),
    changes,
    history,
  };
}

/** Năm báo cáo / Ngày báo cáo written to the cells they were read from (input-cells.ts). */
function inputChanges(
  cells: TrackingCells,
  to: number,
  date: string,
  reason: string
): CellChange[] {
  const change = (id: "reportYear" | "reportDate", after: CellChange["after"]): CellChange => {
    const at = inputCell(cells, id);
    if (!at)
      throw new RolloverRefused({
        code: "NO_INPUT_CELL",
        message: `Không thấy ô "${INPUT_LABELS[id]}" (tên ${NAMES[id]} không còn, trang "${SHEETS.info}" không có dòng "${INPUT_LABELS[id]}" ở cột A): không chuyển năm được.`,
      });
    const v = cellValue(at.value);
    return {
      sheet: at.sheet,
      address: at.address,
      row: at.row,
      column: INPUT_LABELS[id],
      before: typeof v === "number" || typeof v === "string" ? v : null,
      after,
      reason,
      code: "ROLLOVER",
    };
  };
  return [change("reportYear", to), change("reportDate", { date })];
}
