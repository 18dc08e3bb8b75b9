/**
 * The tracking workbook as data: what read-tracking.ts reads back from a workbook built by
 * src/core/workbook, and what validate, rollup and rollover work on. Pure data, no Office.
 *
 * One TrackingRow per (task, lead agency), as in workbook/columns.ts.
 */
import type { TaskKind } from "../model";
import type { Agency, Plan } from "../model";
import { TASK_COLUMNS, TRACKED_COLUMNS, type StatusValue, type TaskColumnId } from "./columns";

/** What the plan's information sheet says; fields the sheet lacks are left empty/null. */
export type TrackingPlanInfo = Partial<Plan>;

export interface TrackingRow {
  /** "Mã nhiệm vụ": shared by the rows of one task (one row per lead agency). */
  key: string;
  stt: string;
  /** STT of the group ("1", "I"), "" when outside any group. */
  group: string;
  groupTitle: string;
  title: string;
  /** "Loại nhiệm vụ": a request is tracked but counted apart from assignments. */
  kind: TaskKind;
  /** The lead agency of this row, as written in the workbook. */
  lead: string;
  /** All lead agencies of the task (the "Các đơn vị chủ trì" cell, split). */
  allLeads: string[];
  partners: string[];
  /** "Phối hợp theo kế hoạch", split; undefined when the workbook has no such column. */
  planPartners?: string[];
  /**
   * The plan's lead / partner cells word for word (line breaks kept), as the printed appendix
   * shows them; undefined when the workbook has no such column, "" for a task added by hand.
   */
  leadText?: string;
  partnersText?: string;
  timeText: string;
  /** "Các năm thực hiện" read as years; null when the cell is empty or not understood. */
  years: number[] | null;
  /**
   * "Mã lịch hạn" (workbook/schedule-code.ts): ";2024=20241231;2026=20260630;", "" = every year,
   * no deadline. Due years and deadlines come from here, as in the sheet's formulas.
   */
  scheduleCode: string;
  /**
   * A date the officer typed over the "Hạn hoàn thành" formula (ISO); null while the
   * cell holds the formula. The sheet's status follows such a date, so the twin does too.
   */
  deadline: string | null;

  /**
   * The status the cell says, read by core/tracking/status-wording.ts (the one rule for
   * counting, as for agencies' returns): "hoan thanh", "Xong rồi", "HT" are "Hoàn thành";
   * null when empty, no status or ambiguous (typed.status says what is there). The sheet's
   * own formulas read only the list's words: validate says so, and fix writes the list's word.
   */
  status: StatusValue | null;
  /**
   * Dates held as real dates (numbers) in the cell, ISO; null when empty or typed as text,
   * which the sheet's formulas treat as "no date" (typed.* keeps the text for findings/fixes).
   */
  completedOn: string | null;
  /** Progress 0..100 (may exceed 100 when mistyped: validation flags it). */
  progress: number | null;
  result: string;
  evidence: string;
  difficulties: string;
  proposals: string;
  updatedOn: string | null;

  /** The inputs as the officer typed them (text form), for findings and lossless rollover. */
  typed: { status: string; completedOn: string; progress: string; updatedOn: string };
  /** Extra plan columns (Sản phẩm, Ghi chú…) by header text. */
  extra: Record<string, string>;
  /** 1-based sheet row. */
  sheetRow: number;
  /** A1 address of each known column's cell in this row ("L12"). */
  cells: Partial<Record<TaskColumnId, string>>;
}

/** The columns a year of tracking fills in (defined with the workbook contract). */
export { TRACKED_COLUMNS };
export type TrackedColumnId = (typeof TRACKED_COLUMNS)[number];

/** Header texts of the history table ("Lịch sử"): year, task, lead, then the tracked columns. */
export const HISTORY_COLUMNS = {
  year: "Năm",
  key: TASK_COLUMNS.key,
  lead: TASK_COLUMNS.lead,
  /** The lead name the plan used, when the row was reported under a successor. */
  written: "Tên đơn vị theo kế hoạch",
  derived: TASK_COLUMNS.derived,
} as const;

/** One archived (year, task, lead) line: the tracked values as text, by TASK_COLUMNS id. */
export interface HistoryRow {
  year: number;
  key: string;
  lead: string;
  written?: string;
  values: Partial<Record<TrackedColumnId | "derived", string>>;
}

export interface TrackingWorkbook {
  /** File name, for messages. */
  source?: string;
  plan: TrackingPlanInfo;
  reportYear: number | null;
  /** ISO date the report is made on ("as of"). */
  reportDate: string | null;
  dueSoonDays: number;
  /** Version written in the meta sheet; null when the meta sheet is missing. */
  templateVersion: number | null;
  /** Name of the task sheet / table as found (the officer may have renamed the table). */
  taskSheet: string;
  rows: TrackingRow[];
  /** Header texts of extra plan columns, in sheet order. */
  extraColumns: string[];
  agencies: Agency[];
  history: HistoryRow[];
}

/** A row's tracked values with nothing typed (a new object each call, safe to change). */
export function untrackedValues(): Pick<TrackingRow, TrackedColumnId | "typed"> {
  return {
    status: null,
    completedOn: null,
    progress: null,
    result: "",
    evidence: "",
    difficulties: "",
    proposals: "",
    updatedOn: null,
    typed: { status: "", completedOn: "", progress: "", updatedOn: "" },
  };
}

/** A row with every field empty: readers and tests fill what they know. */
export function emptyTrackingRow(fields: Partial<TrackingRow> = {}): TrackingRow {
  const blank = untrackedValues();
  return {
    key: "",
    stt: "",
    group: "",
    groupTitle: "",
    title: "",
    kind: "assignment",
    lead: "",
    allLeads: [],
    partners: [],
    timeText: "",
    years: null,
    scheduleCode: "",
    deadline: null,
    ...blank,
    typed: {
      ...blank.typed,
      status: fields.status ?? "",
      completedOn: fields.completedOn ?? "",
    },
    extra: {},
    sheetRow: 0,
    cells: {},
    ...fields,
  };
}
