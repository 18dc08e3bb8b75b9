/** Codes of tracking findings, and the finding on one cell of the task table. */
import type { Finding, Severity } from "../model";
import { TASK_COLUMNS, type TaskColumnId } from "../workbook/columns";

export const TRACKING_FINDINGS = {
  // Structure
  STT_GAP: "STT_GAP",
  STT_DUPLICATE: "STT_DUPLICATE",
  STT_GROUP_MISMATCH: "STT_GROUP_MISMATCH",
  TASK_WITHOUT_GROUP: "TASK_WITHOUT_GROUP",
  KEY_MISSING: "KEY_MISSING",
  TASK_DUPLICATE: "TASK_DUPLICATE",
  // Required fields (errors)
  TITLE_MISSING: "TITLE_MISSING",
  LEAD_MISSING: "LEAD_MISSING",
  // Agencies
  AGENCY_UNKNOWN: "AGENCY_UNKNOWN",
  AGENCY_SUPERSEDED: "AGENCY_SUPERSEDED",
  /** A directory agency written another way ("Sở Y tê" for "Sở Y tế"). */
  AGENCY_NONCANONICAL: "AGENCY_NONCANONICAL",
  // Inputs
  SCHEDULE_UNPARSED: "SCHEDULE_UNPARSED",
  STATUS_INVALID: "STATUS_INVALID",
  /** A wording that could be two statuses ("Chưa hoàn thành", "Quá hạn"): never guessed. */
  STATUS_AMBIGUOUS: "STATUS_AMBIGUOUS",
  STATUS_NONCANONICAL: "STATUS_NONCANONICAL",
  DATE_INVALID: "DATE_INVALID",
  DATE_AS_TEXT: "DATE_AS_TEXT",
  PROGRESS_INVALID: "PROGRESS_INVALID",
  FORMULA_LIKE_TEXT: "FORMULA_LIKE_TEXT",
  // Consistency (the sheet's purple rows, and more)
  DONE_WITHOUT_DATE: "DONE_WITHOUT_DATE",
  DATE_WITHOUT_DONE: "DATE_WITHOUT_DONE",
  FULL_PROGRESS_NOT_DONE: "FULL_PROGRESS_NOT_DONE",
  COMPLETED_AFTER_REPORT_DATE: "COMPLETED_AFTER_REPORT_DATE",
  PROGRESS_BUT_NOT_STARTED: "PROGRESS_BUT_NOT_STARTED",
  // Reading the workbook
  META_SHEET_MISSING: "META_SHEET_MISSING",
  REPORT_YEAR_MISSING: "REPORT_YEAR_MISSING",
  COLUMN_MISSING: "COLUMN_MISSING",
} as const;

export type TrackingFindingCode = (typeof TRACKING_FINDINGS)[keyof typeof TRACKING_FINDINGS];

/** Where on the task table: the sheet, the row, the column (id or header), the task's STT. */
export interface CellAt {
  sheet: string;
  row: number;
  column?: TaskColumnId | string;
  file?: string;
  task?: string;
}

/**
 * A finding on a task-table cell: the place goes to `location` (a column id becomes its
 * header), `text` is the message alone, read after the place (core/finding-place.ts).
 */
export function cellFinding(
  code: TrackingFindingCode,
  severity: Severity,
  at: CellAt,
  text: string,
  fix?: Finding["fix"],
  /** The agency name as written, for agency findings (they group by it). */
  subject?: string
): Finding {
  const column =
    at.column && at.column in TASK_COLUMNS ? TASK_COLUMNS[at.column as TaskColumnId] : at.column;
  return {
    code,
    severity,
    message: text,
    location: {
      ...(at.file ? { file: at.file } : {}),
      sheet: at.sheet,
      row: at.row,
      ...(column ? { column } : {}),
      ...(at.task ? { task: at.task } : {}),
    },
    ...(fix ? { fix } : {}),
    ...(subject ? { subject } : {}),
  };
}
