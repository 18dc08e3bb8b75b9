/**
 * Changes to cells as data: what a fix or a roll-over does to a tracking workbook, cell by
 * cell, with the value before and after and why. Renderers apply them (the Office.js renderer
 * writes exactly these cells and backs up their previous values; the CLI rebuilds the file and
 * lists them in the sheet "Nhật ký sửa"), so nothing typed is lost without a trace.
 */
import { DATE_FORMAT, formatDateVi, isoToUtcDate } from "../spec/cell-values";
import type { CellValue, SheetSpec } from "../spec/sheet-spec";
import { columnLetter } from "../spec/a1";
import { fullStyle } from "../workbook/sheet-style";
import { BODY_STYLE, HEADER_STYLE } from "../workbook/styles";
import { SHEETS, TASK_COLUMNS } from "../workbook/columns";
import { trackedCells } from "../workbook/from-tracking";
import { TRACKED_COLUMNS, type TrackingWorkbook } from "./tracking-model";

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
      return formatDateVi(isoToUtcDate(v.date));
    } catch {
      return v.date;
    }
  }
  if (typeof v === "object" && "formula" in v) return `=${v.formula.replace(/^=/, "")}`;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

export const CHANGE_LOG_SHEET = "Nhật ký sửa";
export const CHANGE_LOG_HEADERS = [
  "Lần sửa",
  "Ngày sửa",
  "Trang",
  "Ô",
  "Dòng",
  "Cột",
  "Giá trị trước",
  "Giá trị sau",
  "Lý do",
] as const;

/** One line of "Nhật ký sửa": texts, so whatever was typed before is kept verbatim. */
export interface ChangeLogEntry {
  batch: string;
  /** ISO date. */
  date: string;
  sheet: string;
  address: string;
  row: number;
  column: string;
  before: string;
  after: string;
  reason: string;
}

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

/** "Nhật ký sửa": every change ever applied by `phuluc fix` / rollover, oldest first. */
export function changeLogSheet(entries: ChangeLogEntry[]): SheetSpec {
  const last = columnLetter(CHANGE_LOG_HEADERS.length);
  const body: CellValue[][] = entries.map((e) => [
    e.batch,
    /^\d{4}-\d{2}-\d{2}$/.test(e.date) ? { date: e.date } : e.date,
    e.sheet,
    e.address,
    e.row,
    e.column,
    e.before || null,
    e.after || null,
    e.reason,
  ]);
  const lastRow = 1 + Math.max(body.length, 1);
  return {
    name: CHANGE_LOG_SHEET,
    visibility: "visible",
    columns: [
      { width: 20 },
      { width: 12 },
      { width: 14 },
      { width: 8 },
      { width: 7 },
      { width: 22 },
      { width: 30 },
      { width: 30 },
      { width: 60 },
    ],
    blocks: [{ address: "A1", values: [[...CHANGE_LOG_HEADERS], ...body] }],
    styles: [
      { range: `A1:${last}1`, style: fullStyle(HEADER_STYLE) },
      { range: `A2:${last}${lastRow}`, style: fullStyle(BODY_STYLE) },
      {
        range: `B2:B${lastRow}`,
        style: fullStyle(BODY_STYLE, { numberFormat: DATE_FORMAT, horizontal: "center" }),
      },
    ],
    merges: [],
    tables: [],
    validations: [],
    conditionalFormats: [],
    freeze: { rows: 1, columns: 0 },
  };
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
    if (v instanceof Date) return isNaN(v.getTime()) ? "" : v.toISOString().slice(0, 10);
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
    const a = trackedCells(prev) as unknown as Record<string, ChangeValue>;
    const b = trackedCells(row) as unknown as Record<string, ChangeValue>;
    for (const id of TRACKED_COLUMNS) {
      const address = row.cells[id];
      if (!address || JSON.stringify(a[id] ?? null) === JSON.stringify(b[id] ?? null)) continue;
      out.push({
        sheet,
        row: row.sheetRow,
        column: TASK_COLUMNS[id],
        address,
        before: a[id] ?? null,
        after: b[id] ?? null,
        reason,
        ...(code ? { code } : {}),
      });
    }
    // A roll-over across the 2025 reorganization renames agencies (rollover.ts "moved").
    const lists = [
      ["lead", prev.lead, row.lead],
      ["partners", prev.partners.join("; "), row.partners.join("; ")],
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
