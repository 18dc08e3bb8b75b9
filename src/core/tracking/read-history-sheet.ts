/** "Lịch sử" read back: the finished years' values, one line per (year, task, lead). */
import { foldVietnamese } from "../text/fold";
import { TASK_COLUMNS } from "../workbook/columns";
import { HISTORY_COLUMNS, TRACKED_COLUMNS, type HistoryRow } from "../workbook/tracking-model";
import { cellText } from "./raw-cell";
import { realDate, records, type TrackingSheetCells } from "./tracking-cells";

export function readHistorySheet(s: TrackingSheetCells | undefined): HistoryRow[] {
  const f = (h: string) => foldVietnamese(h);
  return records(s).flatMap((r): HistoryRow[] => {
    const year = Number(cellText(r.get(f(HISTORY_COLUMNS.year))));
    const key = cellText(r.get(f(HISTORY_COLUMNS.key)));
    if (!year || !key) return [];
    const values: HistoryRow["values"] = {};
    for (const id of TRACKED_COLUMNS) {
      const raw = r.get(f(TASK_COLUMNS[id]));
      const t =
        id === "completedOn" || id === "updatedOn"
          ? (realDate(raw) ?? cellText(raw))
          : cellText(raw);
      if (t) values[id] = t;
    }
    const derived = cellText(r.get(f(HISTORY_COLUMNS.derived)));
    if (derived) values.derived = derived;
    const written = cellText(r.get(f(HISTORY_COLUMNS.written)));
    return [
      {
        year,
        key,
        lead: cellText(r.get(f(HISTORY_COLUMNS.lead))),
        ...(written ? { written } : {}),
        values,
      },
    ];
  });
}
