/**
 * Changes to cells as data: what a fix or a roll-over does to a tracking workbook, cell by
 * cell, with the value before and after and why. Renderers apply them (the Office.js renderer
 * writes exactly these cells and backs up their previous values; the CLI rebuilds the file and
 * lists them in the sheet "Nhật ký sửa", change-log.ts), so nothing typed is lost without a trace.
 */
import type { CellValue } from "../spec/sheet-spec";
import { SHEETS, TASK_COLUMNS } from "../workbook/columns";
import { trackedCells } from "../workbook/from-tracking";
import {
  TRACKED_COLUMNS,
  type TrackingRow,
  type TrackingWorkbook,
} from "../workbook/tracking-model";
import { formatUtcDateVi, isoToUtcDate } from "../text/dates";

/** A value as written: text, number, boolean, empty, a real date ({ date }) or a formula. */
export type ChangeValue = CellValue;

export interface CellChange {
  /** Sheet name as found in the workbook. */
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  /** Header of the column ("Trạng thái"), as the officer sees it. */
  column: string;
  /** A1 address on the sheet ("M12"). */
  address: string;
  before: ChangeValue;
  after: ChangeValue;
  /** Vietnamese, for the officer: "Ghi "Hoàn thành"" / the finding's message. */
  reason: string;
  /** Finding code or "ROLLOVER". */
  code?: string;
}

/** A value as an officer reads it: dates dd/mm/yyyy, formulas with "=", empty as "". */
export function changeValueText(v: ChangeValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && "date" in v) {
    try {
      return formatUtcDateVi(isoToUtcDate(v.date));
    } catch {
      return v.date;
    }
  }
  if (typeof v === "object" && "formula" in v) return `=${v.formula.replace(/^=/, "")}`;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

/** The tracked cells (TRACKED_COLUMNS) of a task row that differ between two versions of it. */
export function trackedChanges(
  sheet: string,
  before: TrackingRow,
  after: TrackingRow,
  reason: string,
  code?: string
): CellChange[] {
  const a = trackedCells(before) as unknown as Record<string, ChangeValue>;
  const b = trackedCells(after) as unknown as Record<string, ChangeValue>;
  const out: CellChange[] = [];
  for (const id of TRACKED_COLUMNS) {
    const address = after.cells[id];
    if (!address || JSON.stringify(a[id] ?? null) === JSON.stringify(b[id] ?? null)) continue;
    out.push({
      sheet,
      row: after.sheetRow,
      column: TASK_COLUMNS[id],
      address,
      before: a[id] ?? null,
      after: b[id] ?? null,
      reason,
      ...(code ? { code } : {}),
    });
  }
  return out;
}

/**
 * The cells of the task table that differ between two versions of the same rows (matched by
 * sheet row): what a renderer writes to turn `before` into `after` in the open workbook.
 */
export function rowChanges(
  before: TrackingWorkbook,
  after: TrackingWorkbook,
  reason: string,
  code?: string
): CellChange[] {
  const sheet = before.taskSheet || SHEETS.tasks;
  const old = new Map(before.rows.map((r) => [r.sheetRow, r]));
  const out: CellChange[] = [];
  for (const row of after.rows) {
    const prev = old.get(row.sheetRow);
    if (!prev) continue;
    out.push(...trackedChanges(sheet, prev, row, reason, code));
    // A roll-over across the 2025 reorganization renames agencies (rollover.ts "moved").
    // A roll-over past the plan's period extends a carried task's schedule (rollover.ts).
    const lists = [
      ["lead", prev.lead, row.lead],
      ["partners", prev.partners.join("; "), row.partners.join("; ")],
      ["scheduleCode", prev.scheduleCode, row.scheduleCode],
    ] as const;
    for (const [id, was, now] of lists) {
      const address = row.cells[id];
      if (!address || was === now) continue;
      out.push({
        sheet,
        row: row.sheetRow,
        column: TASK_COLUMNS[id],
        address,
        before: was || null,
        after: now || null,
        reason,
        ...(code ? { code } : {}),
      });
    }
  }
  return out;
}
