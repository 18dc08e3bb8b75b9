/** What consolidation takes and gives: plain data, for the CLI's JSON and the pane. */
import type { Rollup } from "../tracking/rollup";
import type { TrackingCells } from "../tracking/read-tracking";
import type { UnassignedRow } from "./distribution-plan";
import type { IgnoredColumn } from "./read-report";
import type { TrackedColumnId } from "../workbook/tracking-model";

export type { IgnoredColumn };

/** One returned file as the adapter read it: its cells, or why it could not be read. */
export interface ReturnedFile {
  /** File name (or path relative to the folder given), for messages. */
  file: string;
  /** Modification time (ms since epoch), the tie-breaker between two reports of one date. */
  mtime?: number;
  cells?: TrackingCells;
  /** Set when the bytes could not be read (code and Vietnamese message). */
  error?: { code: string; message: string };
  /** An earlier file of the same consolidation with exactly these bytes (not read again). */
  duplicateOf?: string;
}

export type MatchMethod = "identity" | "headers";

export interface Received {
  file: string;
  agency: string;
  /** Where the agency was read from. */
  agencyFrom: "identity" | "title" | "file" | "lead";
  /** Data rows read from the file. */
  rows: number;
  /** Rows merged into a task of the master. */
  matched: number;
  method: MatchMethod;
  /** 1 for identity; for headers, the lowest confidence among merged rows. */
  confidence: number;
  /** ISO report date read from the file, or null. */
  reportDate: string | null;
  /** What was noticed in the file without rejecting it (Vietnamese). */
  warnings: string[];
  /** Columns holding values that have no place in the master (named to the officer). */
  ignoredColumns: IgnoredColumn[];
  /**
   * True when the file reports nothing: every cell as it was distributed, or, for a file of
   * the agency's own, no value at all ("đã nhận, chưa điền gì").
   */
  empty: boolean;
}

export interface Rejected {
  file: string;
  code: RejectCode;
  message: string;
  /** The agency when it was known (for "Tiếp nhận"). */
  agency?: string;
}

export type RejectCode =
  | "LOCK_FILE"
  /** The same bytes as another file given (the same file twice, or a copy). */
  | "DUPLICATE_FILE"
  | "UNREADABLE"
  | "CORRUPT"
  | "LEGACY_XLS"
  | "OPENDOCUMENT"
  | "ENCRYPTED"
  | "NOT_A_REPORT"
  /** The master or an earlier consolidated output among the returns. */
  | "TRACKING_WORKBOOK"
  /** The hidden identity names another agency than the file's visible names. */
  | "IDENTITY_MISMATCH"
  /** A file without identity named for one agency whose task rows are another agency's. */
  | "ROWS_OF_ANOTHER_AGENCY"
  | "OTHER_PLAN"
  | "OTHER_YEAR"
  | "UNKNOWN_AGENCY"
  | "AGENCY_NOT_IN_PLAN"
  | "OLDER_THAN_MERGED";

export interface Conflict {
  agency: string;
  key: string;
  files: string[];
  kept: string;
}

/** A value the coordinator typed in the master since the baseline that a file reports otherwise. */
export interface MasterConflict {
  agency: string;
  key: string;
  /** "Đơn vị chủ trì" of the master row. */
  lead: string;
  column: TrackedColumnId;
  /** The column's header ("Trạng thái"). */
  header: string;
  /** The master's value and the file's, in comparable form (dates ISO). */
  master: string;
  reported: string;
  file: string;
  kept: "agency" | "master";
}

export interface Unmatched {
  file: string;
  /** 1-based sheet row (the sheet is named in `sheet`). */
  row: number;
  sheet: string;
  text: string;
  /** The closest task, when one came close but below the threshold (for the officer to confirm). */
  candidate?: { key: string; title: string; confidence: number };
}

export interface Dropped {
  file: string;
  agency: string;
  key: string;
}

export interface Missing {
  agency: string;
  /** Lead rows the agency has to report for the year. */
  tasks: number;
  /** Tasks it partners. */
  partnerTasks: number;
  /** Files it sent with nothing filled in. */
  emptyFiles?: string[];
}

export interface ConsolidationReport {
  received: Received[];
  missing: Missing[];
  /** Lead rows of the year no agency reports (distribution-plan.ts): in coverage as nobody's. */
  unassigned: UnassignedRow[];
  rejected: Rejected[];
  conflicts: Conflict[];
  masterConflicts: MasterConflict[];
  unmatched: Unmatched[];
  dropped: Dropped[];
  rollup: Rollup;
}
