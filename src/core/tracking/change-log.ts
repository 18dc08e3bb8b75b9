/**
 * Cell changes as lines of "Nhật ký sửa" (workbook/change-log-sheet.ts), and the lines of an
 * existing log read back from a workbook's cells, to keep and extend.
 */
import { CHANGE_LOG_SHEET, type ChangeLogEntry } from "../workbook/change-log-sheet";
import { changeValueText, type CellChange } from "./changes";
import { utcIso } from "../text/dates";

export function logEntries(changes: CellChange[], batch: string, date: string): ChangeLogEntry[] {
  return changes.map((c) => ({
    batch,
    date,
    sheet: c.sheet,
    address: c.address,
    row: c.row,
    column: c.column,
    before: changeValueText(c.before),
    after: changeValueText(c.after),
    reason: c.reason,
  }));
}

/** The lines of an existing "Nhật ký sửa" (cells as adapters give them), to keep and extend. */
export function readChangeLog(cells: {
  sheets: { name: string; rows?: unknown[][]; cells?: unknown[][] }[];
}): ChangeLogEntry[] {
  const s = cells.sheets.find((x) => x.name === CHANGE_LOG_SHEET);
  const grid = s ? (s.rows ?? s.cells ?? []) : [];
  const text = (raw: unknown): string => {
    let v = raw;
    if (v !== null && typeof v === "object" && !(v instanceof Date) && "value" in v)
      v = (v as { value: unknown }).value;
    if (v instanceof Date) return utcIso(v) ?? "";
    return v === null || v === undefined ? "" : String(v);
  };
  return grid
    .slice(1)
    .filter((r) => r?.some((c) => text(c) !== ""))
    .map((r) => {
      const t = (i: number) => text(r[i]);
      return {
        batch: t(0),
        date: t(1),
        sheet: t(2),
        address: t(3),
        row: Number(t(4)) || 0,
        column: t(5),
        before: t(6),
        after: t(7),
        reason: t(8),
      };
    });
}
