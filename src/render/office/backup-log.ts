/**
 * The backup sheet "_phuluc_saoluu" (very hidden): one line per changed cell — batch id, time,
 * sheet, address, the value before and after as (kind, text), reason, state — and how a cell's
 * content is written to such a line and put back from it exactly (formulas, numbers, text).
 */
import { columnLetter } from "../../core/spec/a1";
import type { ChangeValue } from "../../core/tracking/changes";
import { toOfficeInput, type OfficeInput } from "./office-values";
import { rowChunks, SMALL_OP, type QueuedOp } from "./sync-budget";

export const BACKUP_SHEET = "_phuluc_saoluu";
export const BACKUP_HEADERS = [
  "Lô",
  "Thời gian",
  "Trang",
  "Ô",
  "Loại trước",
  "Trước",
  "Loại sau",
  "Sau",
  "Lý do",
  "Trạng thái",
];
export const LAST_COL = columnLetter(BACKUP_HEADERS.length);
export const BATCH_STATE = {
  applied: "Đã áp dụng",
  undone: "Đã hoàn tác",
  failed: "Lỗi, đã khôi phục",
} as const;

/** A cell as loaded: its value and its formula ("=…" when it has one). */
export interface Current {
  value: unknown;
  formula: unknown;
}

export type Kind = "empty" | "text" | "number" | "boolean" | "formula";

/** What is in a cell, as (kind, text) for the backup sheet. */
export function encodeCurrent(c: Current): [Kind, string] {
  if (typeof c.formula === "string" && c.formula.startsWith("=") && c.formula !== c.value)
    return ["formula", c.formula];
  const v = c.value;
  if (v === null || v === undefined || v === "") return ["empty", ""];
  if (typeof v === "number") return ["number", String(v)];
  if (typeof v === "boolean") return ["boolean", v ? "TRUE" : "FALSE"];
  return ["text", String(v)];
}

/** What we write for a change's after value, as (kind, text). */
export function encodeAfter(v: ChangeValue): [Kind, string] {
  const input = toOfficeInput(v);
  if (typeof input === "number") return ["number", String(input)];
  if (typeof input === "boolean") return ["boolean", input ? "TRUE" : "FALSE"];
  if (input === "") return ["empty", ""];
  if (typeof v === "object" && v !== null && "formula" in v) return ["formula", input];
  return ["text", typeof v === "string" ? v : String(input)];
}

/** (kind, text) → what Range.formulas takes to put it back exactly. */
export function decodeInput(kind: string, text: string): OfficeInput {
  switch (kind) {
    case "number":
      return Number(text);
    case "boolean":
      return text === "TRUE";
    case "formula":
      return text;
    case "empty":
      return "";
    default:
      return toOfficeInput(text);
  }
}

/** Whether the cell still holds (kind, text). */
export function holds(c: Current, kind: string, text: string): boolean {
  const [k, t] = encodeCurrent(c);
  if (kind === "number" && k === "number") return Number(t) === Number(text);
  return k === kind && t === text;
}

/** Text for a backup cell: always stored as text. */
export const asText = (s: string): OfficeInput => toOfficeInput(s);

export function defaultBatchId(now: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}-${Math.floor(now.getMilliseconds())}`;
}

/**
 * The backup sheet (named by the option; true or absent: BACKUP_SHEET), maybe a null object, and
 * its used range with its place loaded: both known after the next sync.
 */
export function loadBackupSheet(wb: Excel.Workbook, option: string | boolean | undefined) {
  const name = typeof option === "string" ? option : BACKUP_SHEET;
  const sheet = wb.worksheets.getItemOrNullObject(name);
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("rowIndex,rowCount");
  return { name, sheet, used };
}

/** Lines written into the backup sheet from `firstRow`, as row chunks under the budget. */
export function backupWrites(
  context: Excel.RequestContext,
  backupName: string,
  firstRow: number,
  lines: OfficeInput[][]
): QueuedOp[] {
  return rowChunks(lines).map((chunk) => ({
    bytes: SMALL_OP + chunk.bytes,
    queue: () => {
      const top = firstRow + chunk.start;
      context.workbook.worksheets
        .getItem(backupName)
        .getRange(`A${top}:${LAST_COL}${top + chunk.rows.length - 1}`).formulas = chunk.rows;
    },
  }));
}
