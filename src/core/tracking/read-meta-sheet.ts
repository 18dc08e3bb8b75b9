/** "_phuluc" read back: key/value pairs from A1, and the column map (column id | header). */
import { TASK_COLUMNS, type TaskColumnId } from "../workbook/columns";
import { cellText } from "./raw-cell";
import { gridOf, type TrackingSheetCells } from "./tracking-cells";

export type MetaPairs = Map<string, string> & {
  /** Headers the workbook was built with, by column id: found again if an officer renames. */
  columnHeaders: Partial<Record<TaskColumnId, string>>;
};

export function readMetaSheet(s: TrackingSheetCells | undefined): MetaPairs | undefined {
  if (!s) return undefined;
  const pairs = new Map<string, string>();
  const columnHeaders: Partial<Record<TaskColumnId, string>> = {};
  for (const row of Array.from(gridOf(s))) {
    const [k, v] = [cellText(row?.[0]), cellText(row?.[1])];
    if (!k) continue;
    if (k in TASK_COLUMNS && v) columnHeaders[k as TaskColumnId] = v;
    else pairs.set(k, v);
  }
  return Object.assign(pairs, { columnHeaders });
}
