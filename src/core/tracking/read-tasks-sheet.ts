/**
 * "Nhiệm vụ" read back: the task table found by its header row ("Mã nhiệm vụ" and "Nhiệm vụ";
 * the sheet named "Nhiệm vụ" first), columns BY HEADER TEXT (officers move, insert and hide
 * columns, sort and filter rows, rename the table), one TrackingRow per line.
 */
import type { TaskKind } from "../model";
import { columnLetter } from "../spec/a1";
import { foldVietnamese } from "../text/fold";
import { KIND_LABELS, SHEETS, TASK_COLUMNS, type TaskColumnId } from "../workbook/columns";
import { statusOf } from "./status-wording";
import { normalizeProgress } from "./normalize-input";
import { cellText, isFormulaCell, isPercentCell } from "./raw-cell";
import { parseYearList } from "./row-schedule";
import {
  gridOf,
  realDate,
  sameText as same,
  splitList,
  type Grid,
  type TrackingCells,
} from "./tracking-cells";
import { emptyTrackingRow, type TrackingRow } from "../workbook/tracking-model";

export interface TaskTable {
  name: string;
  grid: Grid;
  headerRow: number; // 1-based
  col: Partial<Record<TaskColumnId, number>>; // 0-based
  extra: { header: string; col: number }[];
}

export function findTaskTable(
  input: TrackingCells,
  metaHeaders?: Partial<Record<TaskColumnId, string>>
): TaskTable | undefined {
  const ordered = [...input.sheets].sort(
    (a, b) => Number(!same(a.name, SHEETS.tasks)) - Number(!same(b.name, SHEETS.tasks))
  );
  for (const s of ordered) {
    const grid = gridOf(s);
    for (let r = 0; r < Math.min(grid.length, 20); r++) {
      const headers = Array.from(grid[r] ?? [], cellText);
      const col = columnsByHeader(headers, metaHeaders);
      if (col.key === undefined || col.title === undefined) continue;
      const known = new Set(Object.values(col));
      const extra = headers
        .map((header, c) => ({ header, col: c }))
        .filter((h) => h.header && !known.has(h.col));
      return { name: s.name, grid, headerRow: r + 1, col, extra };
    }
  }
  return undefined;
}

function columnsByHeader(headers: string[], metaHeaders?: Partial<Record<TaskColumnId, string>>) {
  const byFolded = new Map<string, number>();
  headers.forEach((h, c) => {
    const k = foldVietnamese(h);
    if (k && !byFolded.has(k)) byFolded.set(k, c);
  });
  const col: Partial<Record<TaskColumnId, number>> = {};
  for (const id of Object.keys(TASK_COLUMNS) as TaskColumnId[]) {
    const c =
      byFolded.get(foldVietnamese(TASK_COLUMNS[id])) ??
      byFolded.get(foldVietnamese(metaHeaders?.[id] ?? "\u0000"));
    if (c !== undefined) col[id] = c;
  }
  return col;
}

/** "Đề nghị" (any case, with or without diacritics) is a request; anything else an assignment. */
function kindOf(cell: string): TaskKind {
  return foldVietnamese(cell) === foldVietnamese(KIND_LABELS.request) ? "request" : "assignment";
}

export function readTaskRows(t: TaskTable): TrackingRow[] {
  const rows: TrackingRow[] = [];
  const headerKey = foldVietnamese(TASK_COLUMNS.key);
  // What every row shares, worked out once (an 18,000-row master): the columns an officer
  // fills, and each column's letter.
  const columns = Object.entries(t.col) as [TaskColumnId, number][];
  const userColumns = columns
    .filter(([id]) => !["deadline", "derived", "taskProgress", "partnerStatus"].includes(id))
    .map(([, c]) => c);
  const letters = columns.map(([id, c]) => [id, columnLetter(c + 1)] as const);
  for (let r = t.headerRow; r < t.grid.length; r++) {
    const line = t.grid[r] ?? [];
    const raw = (id: TaskColumnId) => (t.col[id] === undefined ? null : line[t.col[id]!]);
    const text = (id: TaskColumnId) => cellText(raw(id));
    if (userColumns.every((c) => cellText(line[c]) === "")) continue; // empty row
    if (foldVietnamese(text("key")) === headerKey) continue; // header typed again
    const cells: TrackingRow["cells"] = {};
    for (const [id, letter] of letters) cells[id] = `${letter}${r + 1}`;
    const dateText = (id: TaskColumnId) => {
      const iso = realDate(raw(id));
      return iso ?? text(id);
    };
    const completedOn = raw("completedOn");
    const updatedOn = raw("updatedOn");
    const deadline = raw("deadline");
    rows.push(
      emptyTrackingRow({
        key: text("key"),
        stt: text("stt"),
        group: text("group"),
        groupTitle: text("groupTitle"),
        title: text("title"),
        kind: kindOf(text("kind")),
        lead: text("lead"),
        allLeads: splitList(text("allLeads")),
        partners: splitList(text("partners")),
        ...(t.col.planPartners !== undefined
          ? { planPartners: splitList(text("planPartners")) }
          : {}),
        ...(t.col.leadText !== undefined ? { leadText: text("leadText") } : {}),
        ...(t.col.partnersText !== undefined ? { partnersText: text("partnersText") } : {}),
        timeText: text("timeText"),
        years: parseYearList(text("years")),
        scheduleCode: text("scheduleCode"),
        deadline: isFormulaCell(deadline) ? null : realDate(deadline),
        status: statusOf(raw("status")),
        completedOn: realDate(completedOn),
        progress: normalizeProgress(raw("progress")).value,
        result: text("result"),
        evidence: text("evidence"),
        difficulties: text("difficulties"),
        proposals: text("proposals"),
        updatedOn: realDate(updatedOn),
        typed: {
          status: text("status"),
          completedOn: dateText("completedOn"),
          // A percentage cell holds 1 for "100%": typed as what it shows, so it is rewritten as 100.
          progress: isPercentCell(raw("progress"))
            ? String(normalizeProgress(raw("progress")).value ?? "")
            : text("progress"),
          updatedOn: dateText("updatedOn"),
        },
        extra: Object.fromEntries(t.extra.map((e) => [e.header, cellText(line[e.col])])),
        sheetRow: r + 1,
        cells,
      })
    );
  }
  return rows;
}
