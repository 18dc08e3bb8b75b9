/**
 * Starting the next reporting year from the current one, as data a renderer applies:
 *  - every row's typed values for the finished year go to history (year + key + lead + the
 *    tracked columns + the status derived then), so nothing typed is ever lost;
 *  - recurring tasks (hằng năm, hàng quý, thường xuyên, listed years…) start empty;
 *  - unfinished multi-year tasks (2024 - 2030, đến năm 2030) carry their status and texts over;
 *  - tasks finished for good (done multi-year or one-off tasks) stay done;
 *  - rows whose time nobody could read are left as they are (we do not guess);
 *  - a multi-year task done without a completion date gets the finished year's report date as
 *    its date ("done by then", logged), so the next year sees it done earlier, not done again;
 *  - into a year past the plan's period nothing restarts: unfinished tasks that had a deadline
 *    in the finished year are carried, their schedule extended to the new year with that
 *    deadline (followed, overdue, until done); the rest is kept as it was (a "Cả năm" task of a
 *    one-year plan done in 2018 is not due again in 2019);
 *  - a row whose lead (or partner) no longer exists in the new year moves to its successor
 *    ("Đơn vị kế thừa" on "Đơn vị", effective by 31/12 of the new year), and `moved` says so;
 *    history keeps the finished year under the agency that reported it.
 * Idempotent: a (year, key, lead) already in history is updated, never added twice, and a
 * workbook already at the target year is returned unchanged.
 */
import { workbookAgencies } from "../agency/resolve-agency";
import { TASK_COLUMNS } from "../workbook/columns";
import { derivedStatus, dueIn, isDone } from "./derive-status";
import { deadlineFromCode } from "../workbook/schedule-code";
import { timeKind } from "./row-schedule";
import {
  HISTORY_COLUMNS,
  untrackedValues,
  type HistoryRow,
  type TrackedColumnId,
  type TrackingRow,
  type TrackingWorkbook,
} from "../workbook/tracking-model";
import { yearEnd } from "../text/dates";

export type RolloverAction = "reset" | "carry" | "keep";

export interface RolloverResult {
  /** The workbook for the new year: rows changed as below, history with the finished year. */
  workbook: TrackingWorkbook;
  /** What happened to each row, by sheet row. */
  actions: { sheetRow: number; key: string; lead: string; action: RolloverAction }[];
  /** History lines added or updated by this run. */
  archived: HistoryRow[];
  /** True when the workbook was already at the target year (nothing done). */
  alreadyRolled: boolean;
  /** Rows whose lead or partners were renamed to the agency existing in the new year. */
  moved: RolloverMove[];
}

export interface RolloverMove {
  sheetRow: number;
  key: string;
  role: "lead" | "partner";
  from: string;
  to: string;
}

const RECURRING = new Set(["annual", "periodic", "continuous", "on-guidance", "years", "quarter"]);

/** The tracked values of a row as text (dates as ISO), for history. */
function trackedValues(row: TrackingRow): HistoryRow["values"] {
  const v: HistoryRow["values"] = {};
  const put = (id: TrackedColumnId, text: string) => {
    if (text.trim()) v[id] = text;
  };
  put("status", row.typed.status);
  put("completedOn", row.completedOn ?? row.typed.completedOn);
  put("progress", row.progress !== null ? String(row.progress) : row.typed.progress);
  put("result", row.result);
  put("evidence", row.evidence);
  put("difficulties", row.difficulties);
  put("proposals", row.proposals);
  put("updatedOn", row.updatedOn ?? row.typed.updatedOn);
  return v;
}

const cleared = (row: TrackingRow): TrackingRow => ({ ...row, ...untrackedValues() });

/** Due in `year` with a deadline, and neither done nor given up. */
function unfinishedWithDeadline(row: TrackingRow, year: number): boolean {
  if (row.status === "Hoàn thành" || row.status === "Không thực hiện") return false;
  const { due, deadline } = dueIn(row, year);
  return due && deadline !== null;
}

/** The schedule code with `to` due by the deadline the row had in `from` (";2031=20301231;"). */
function extendedCode(row: TrackingRow, from: number, to: number): string {
  const { deadline } = dueIn(row, from);
  if (!deadline || deadlineFromCode(row.scheduleCode, to).due) return row.scheduleCode;
  const code = row.scheduleCode.trim() || ";";
  return `${code.endsWith(";") ? code : `${code};`}${to}=${deadline.replace(/-/g, "")};`;
}

/**
 * What roll-over does to a row. `beyondPlan`: the new year is after the plan's period, and
 * `finishedYear` the year being finished.
 */
function rolloverAction(row: TrackingRow, beyond?: { finishedYear: number }): RolloverAction {
  const kind = timeKind(row.timeText);
  const done = row.status === "Hoàn thành";
  if (beyond) return unfinishedWithDeadline(row, beyond.finishedYear) ? "carry" : "keep";
  if (RECURRING.has(kind.kind)) return "reset";
  if (kind.multiYear && !done) return "carry";
  return "keep"; // done for good, one-off task, or a time nobody could read
}

export function rollover(wb: TrackingWorkbook, toYear?: number): RolloverResult {
  const from = wb.reportYear;
  if (from === null) throw new Error(`Chưa có "Năm báo cáo": không chuyển năm được.`);
  const to = toYear ?? from + 1;
  if (to <= from)
    return { workbook: wb, actions: [], archived: [], alreadyRolled: true, moved: [] };
  const newDate = yearEnd(to);
  // Rows move to the agency answering on the new year's last day; unknown names stay as typed.
  const agencies = workbookAgencies(wb, newDate);
  const current = (n: string) => agencies.renamed(n);
  const moved: RolloverMove[] = [];
  const moveAgencies = (row: TrackingRow): TrackingRow => {
    const lead = row.lead.trim() ? current(row.lead) : row.lead;
    if (lead !== row.lead)
      moved.push({ sheetRow: row.sheetRow, key: row.key, role: "lead", from: row.lead, to: lead });
    for (const p of row.partners) {
      const q = current(p);
      if (q !== p)
        moved.push({ sheetRow: row.sheetRow, key: row.key, role: "partner", from: p, to: q });
    }
    const partners = [...new Set(row.partners.map(current))];
    // The plan's partners stay written where they were (a workbook older than the column
    // gets them from the cell before the move).
    return { ...row, lead, partners, planPartners: row.planPartners ?? row.partners };
  };
  const refDate =
    wb.reportDate && wb.reportDate.startsWith(String(from)) ? wb.reportDate : yearEnd(from);
  const period = wb.plan.period;
  const beyond = period && to > period.to ? { finishedYear: from } : undefined;

  const history = [...wb.history];
  const index = new Map(history.map((h, i) => [`${h.year}\u0000${h.key}\u0000${h.lead}`, i]));
  const archived: HistoryRow[] = [];
  const actions: RolloverResult["actions"] = [];
  const rows = wb.rows.map((row) => {
    const values = trackedValues(row);
    const derived = derivedStatus(row, from, refDate);
    if (Object.keys(values).length > 0 || derived !== "Không thuộc năm báo cáo") {
      const line: HistoryRow = {
        year: from,
        key: row.key,
        lead: row.lead,
        values: { ...values, derived },
      };
      const id = `${from}\u0000${row.key}\u0000${row.lead}`;
      const at = index.get(id);
      if (at === undefined) {
        index.set(id, history.length);
        history.push(line);
        archived.push(line);
      } else {
        const had = history[at];
        if (!had) throw new Error(`rollover: history index ${at} outside the history`);
        if (JSON.stringify(had.values) !== JSON.stringify(line.values)) {
          const merged = { ...had, values: line.values };
          history[at] = merged;
          archived.push(merged);
        }
      }
    }
    const action = rolloverAction(row, beyond);
    actions.push({ sheetRow: row.sheetRow, key: row.key, lead: row.lead, action });
    if (action === "reset") return moveAgencies(cleared(row));
    if (action === "carry")
      return moveAgencies({
        ...row,
        scheduleCode: beyond ? extendedCode(row, from, to) : row.scheduleCode,
        updatedOn: null,
        typed: { ...row.typed, updatedOn: "" },
      });
    // Done over several years without a date: done by the finished year's report date, so
    // the new year counts it as done earlier (derive-status rule 1b), not as done again.
    if (
      row.status === "Hoàn thành" &&
      row.completedOn === null &&
      row.typed.completedOn.trim() === "" &&
      timeKind(row.timeText).multiYear &&
      isDone(derived)
    )
      return moveAgencies({
        ...row,
        completedOn: refDate,
        typed: { ...row.typed, completedOn: refDate },
      });
    return moveAgencies(row);
  });

  return {
    workbook: { ...wb, reportYear: to, reportDate: newDate, rows, history },
    actions,
    archived,
    alreadyRolled: false,
    moved,
  };
}

/** History header → value, for a renderer appending rows to "Lịch sử". */
export function historyCells(h: HistoryRow): Record<string, string | number> {
  const out: Record<string, string | number> = {
    [HISTORY_COLUMNS.year]: h.year,
    [HISTORY_COLUMNS.key]: h.key,
    [HISTORY_COLUMNS.lead]: h.lead,
  };
  for (const [id, v] of Object.entries(h.values))
    if (v) out[TASK_COLUMNS[id as keyof typeof TASK_COLUMNS]] = v;
  if (h.written) out[HISTORY_COLUMNS.written] = h.written;
  return out;
}
