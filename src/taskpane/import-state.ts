/**
 * What the tab "Nhập kế hoạch" shows, as one pure reducer (ImportTab's useReducer): the plan read
 * and corrected, where it came from, the groups open and the task a finding points to, the year
 * and date the workbook starts with, the preview's answers, the workbook written.
 * Unit-tested in test/unit/taskpane/import-state.test.ts.
 */
import type { ImportResult, Task } from "../core/model";
import { defaultReportDate, defaultReportYear } from "../core/schedule/report-year";
import type { ConflictRequest } from "./ConflictDialog";
import type { DownloadFile } from "./download";
import { NO_ANSWERS, type ReachAnswers } from "./reach-answers";
import { groupKey } from "./task-ids";

/** Plans with at most this many tasks show every group open after import. */
const OPEN_ALL_UP_TO = 12;

export type ImportSource = { kind: "file" | "text" } | { kind: "selection"; sheet?: string };

export interface ImportView {
  result: ImportResult | null;
  source: ImportSource | null;
  highlightedRow: number | null;
  openGroups: string[];
  reportYear: string;
  reportDate: string;
  /** File mode: the workbook made. */
  download: DownloadFile | null;
  /** Excel: the renderer asks before replacing sheets. */
  conflict: ConflictRequest | null;
  /** Excel: what was written. */
  excelDone: string | null;
  /** The row to bring into view and focus once rendered. */
  pendingFocusRow: number | null;
  editing: Task | null;
  answers: ReachAnswers;
}

export function emptyImportView(thisYear: number, today: string): ImportView {
  return {
    result: null,
    source: null,
    highlightedRow: null,
    openGroups: [],
    reportYear: String(thisYear),
    reportDate: today,
    download: null,
    conflict: null,
    excelDone: null,
    pendingFocusRow: null,
    editing: null,
    answers: NO_ANSWERS,
  };
}

export type ImportEvent =
  /** Reading a plan starts: what was made from the last one goes. */
  | { type: "reading" }
  | {
      type: "imported";
      result: ImportResult;
      from: ImportSource;
      thisYear: number;
      today: string;
    }
  /** The officer corrected the preview: the workbook made before is no longer current. */
  | { type: "corrected"; result: ImportResult }
  /** A finding chosen: its group opens, its task is highlighted and focused. */
  | { type: "findingChosen"; row: number }
  | { type: "focused" }
  | { type: "openGroups"; groups: string[] }
  | { type: "reportYear"; value: string }
  | { type: "reportDate"; value: string }
  | { type: "answers"; answers: ReachAnswers }
  | { type: "editing"; task: Task | null }
  | { type: "writing" }
  | { type: "conflict"; request: ConflictRequest | null }
  | { type: "written"; download?: DownloadFile; excelDone?: string };

export function importReducer(v: ImportView, e: ImportEvent): ImportView {
  switch (e.type) {
    case "reading":
      return { ...v, download: null, excelDone: null, highlightedRow: null };
    case "imported": {
      const r = e.result;
      // A plan whose period is over opens on its last year (reported as at 31/12).
      const year = defaultReportYear(r.plan.period, e.thisYear);
      return {
        ...v,
        result: r,
        answers: NO_ANSWERS, // a new plan asks its own questions
        source: e.from,
        reportYear: String(year),
        reportDate: defaultReportDate(year, e.today),
        // Small plans open fully; long ones start as a list of groups (a finding opens its group).
        openGroups:
          r.tasks.length <= OPEN_ALL_UP_TO ? ["g-none", ...r.groups.map((g) => groupKey(g))] : [],
      };
    }
    case "corrected":
      return { ...v, result: e.result, download: null, excelDone: null };
    case "findingChosen": {
      const r = v.result;
      const task = r?.tasks.find((t) => t.sourceRow === e.row);
      if (!r || !task) return v;
      const key = groupKey(r.groups.find((g) => g.stt === task.group) ?? null);
      return {
        ...v,
        openGroups: v.openGroups.includes(key) ? v.openGroups : [...v.openGroups, key],
        highlightedRow: e.row,
        pendingFocusRow: e.row,
      };
    }
    case "focused":
      return { ...v, pendingFocusRow: null };
    case "openGroups":
      return { ...v, openGroups: e.groups };
    case "reportYear":
      return { ...v, reportYear: e.value };
    case "reportDate":
      return { ...v, reportDate: e.value };
    case "answers":
      return { ...v, answers: e.answers };
    case "editing":
      return { ...v, editing: e.task };
    case "writing":
      return { ...v, excelDone: null };
    case "conflict":
      return { ...v, conflict: e.request };
    case "written":
      return {
        ...v,
        download: e.download ?? v.download,
        excelDone: e.excelDone ?? v.excelDone,
      };
  }
}
