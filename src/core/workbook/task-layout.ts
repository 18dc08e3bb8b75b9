/**
 * Where each column of the task table goes: TASK_COLUMNS in order, then the plan's extra
 * columns. The summary and meta sheets reference the same letters, so all three read them here.
 */
import { columnLetter } from "../spec/a1";
import { quoteSheetName } from "../spec/a1";
import { SHEETS, TASK_COLUMNS, type TaskColumnId } from "./columns";

/** Empty rows below the table that cross-row formulas still cover, so appended rows count. */
export const GROWTH_MARGIN = 200;

export interface TaskColumn {
  /** A TASK_COLUMNS id, or "extra" for a plan column. */
  id: TaskColumnId | "extra";
  header: string;
  letter: string;
  width: number;
  hidden?: boolean;
}

export interface TaskLayout {
  columns: TaskColumn[];
  /** Letter of each known column. */
  letter: Record<TaskColumnId, string>;
  headerRow: number;
  firstDataRow: number;
  /** Last row of the table (at least firstDataRow: a table needs one data row). */
  lastDataRow: number;
  /** Last row cross-row formulas cover (lastDataRow + GROWTH_MARGIN). */
  formulaBottom: number;
  /** Absolute bounded range of one column on the task sheet, for formulas on any sheet. */
  range(id: TaskColumnId): string;
}

const WIDTHS: Record<TaskColumnId, number> = {
  key: 10,
  stt: 7,
  group: 7,
  groupTitle: 28,
  title: 50,
  kind: 12,
  lead: 28,
  allLeads: 28,
  partners: 36,
  planPartners: 30,
  timeText: 16,
  years: 14,
  deadline: 13,
  scheduleCode: 12,
  status: 17,
  completedOn: 13,
  progress: 10,
  result: 40,
  evidence: 28,
  difficulties: 28,
  proposals: 28,
  updatedOn: 13,
  derived: 22,
  taskProgress: 20,
  partnerStatus: 20,
  leadText: 28,
  partnersText: 30,
};

const HIDDEN = new Set<TaskColumnId>(["scheduleCode", "partnerStatus", "leadText", "partnersText"]);

/** Plan headers that collide with ours get a suffix: table column names must be unique. */
function extraHeader(header: string, taken: Set<string>): string {
  let h = header.trim() || "Cột khác";
  while (taken.has(h.toLowerCase())) h = `${h} (kế hoạch)`;
  taken.add(h.toLowerCase());
  return h;
}

export function taskLayout(extraColumns: string[], rowCount: number): TaskLayout {
  const ids = Object.keys(TASK_COLUMNS) as TaskColumnId[];
  const taken = new Set(ids.map((id) => TASK_COLUMNS[id].toLowerCase()));
  const columns: TaskColumn[] = ids.map((id, i) => ({
    id,
    header: TASK_COLUMNS[id],
    letter: columnLetter(i + 1),
    width: WIDTHS[id],
    // Helpers the sheet's formulas and the printed appendix read, not the officers' columns:
    // hidden, so the sheet looks and prints as it did (unhide to edit the appendix's wording).
    hidden: HIDDEN.has(id) || undefined,
  }));
  extraColumns.forEach((h, i) =>
    columns.push({
      id: "extra",
      header: extraHeader(h, taken),
      letter: columnLetter(ids.length + i + 1),
      width: 22,
    })
  );
  const letter = Object.fromEntries(
    columns.filter((c) => c.id !== "extra").map((c) => [c.id, c.letter])
  ) as Record<TaskColumnId, string>;
  const headerRow = 1;
  const firstDataRow = 2;
  const lastDataRow = firstDataRow + Math.max(rowCount, 1) - 1;
  const formulaBottom = lastDataRow + GROWTH_MARGIN;
  const sheet = quoteSheetName(SHEETS.tasks);
  return {
    columns,
    letter,
    headerRow,
    firstDataRow,
    lastDataRow,
    formulaBottom,
    range: (id) => `${sheet}!$${letter[id]}$${firstDataRow}:$${letter[id]}$${formulaBottom}`,
  };
}
