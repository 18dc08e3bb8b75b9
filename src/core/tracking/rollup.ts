/**
 * The year's summary ("Tổng hợp") as data: counts of derived statuses per agency (as lead and
 * as partner), per group and for the province, and the completion rate the Government Office
 * uses (DOMAIN.md "Status"): done ÷ (done + overdue), i.e. over the tasks that have come due.
 *
 * Counting unit: one tracking row = one (task, lead agency), like the workbook's COUNTIFS.
 * A partner is counted once per task (whatever the number of lead rows), on the task's first
 * row, with the task's status for partners (formulas.ts PARTNER_STATUS_ORDER).
 * Rows not due in the year are left out; "Không thực hiện" rows count in total and not_done.
 * rate: full precision (0.8333333333333334), null when nothing has come due; round when shown.
 * done = done_on_time + done_late + done_undated ("Hoàn thành" without a date after the
 * deadline: completed, timing unknown — in the rate, never in "đúng hạn").
 * Names: with `agencies` (the workbook's "Đơn vị"), each name counts under the agency answering
 * for it on `date` (agency/resolve-agency.ts): a name fitting an agency's counting spelling
 * ("Sở Y tê") as that agency, exactly like the "Tổng hợp" sheet; a superseded agency under its
 * successor. Without, names count as written (one line across case and spacing).
 */
import type { Agency } from "../model";
import { resolverOn, workbookAgencies, writtenNames } from "../agency/resolve-agency";
import { namesNoAgency } from "../agency/vague-phrase";
import { DERIVED_STATUS } from "../workbook/columns";
import { PARTNER_STATUS_ORDER } from "../workbook/formulas";
import { derivedStatus, type DerivedStatus } from "./derive-status";
import type { TrackingRow, TrackingWorkbook } from "../workbook/tracking-model";

export interface StatusCounts {
  total: number;
  done_on_time: number;
  done_late: number;
  /** "Hoàn thành" without a completion date, deadline past: completed, timing unknown. */
  done_undated: number;
  in_progress: number;
  overdue: number;
  not_due: number;
  no_deadline: number;
  not_done: number;
  rate: number | null;
}

export interface AgencyRollup extends StatusCounts {
  agency: string;
  role: "lead" | "partner";
  /** Names as written in the workbook that are reported under `agency` (successor, other spelling). */
  written?: string[];
}

export interface GroupRollup extends StatusCounts {
  group: string;
  title: string;
}

export interface Rollup {
  year: number;
  date: string;
  agencies: AgencyRollup[];
  groups: GroupRollup[];
  province: StatusCounts;
  /**
   * Requests ("Đề nghị …", rows whose "Loại nhiệm vụ" is "Đề nghị"): counted here only, never in
   * the province, agency or group figures above (as section V of "Tổng hợp").
   */
  requests?: { total: StatusCounts; agencies: AgencyRollup[] };
  /**
   * Rows of the year whose "Trạng thái" says no status or could be two ("Chưa hoàn thành"):
   * counted once, as not done (by their deadline), and named so they are not lost silently.
   */
  unreadStatus?: { row: number; text: string }[];
}

export interface RollupOptions {
  /**
   * The directory names resolve by: other spellings under the agency they fit, as the sheet
   * counts them; superseded agencies under their successor on `date`; collective partners as
   * their members on `date`.
   */
  agencies?: readonly Agency[];
}

const FIELD: Record<DerivedStatus, keyof StatusCounts | null> = {
  [DERIVED_STATUS.doneOnTime]: "done_on_time",
  [DERIVED_STATUS.doneLate]: "done_late",
  [DERIVED_STATUS.doneUndated]: "done_undated",
  [DERIVED_STATUS.inProgress]: "in_progress",
  [DERIVED_STATUS.overdue]: "overdue",
  [DERIVED_STATUS.notDue]: "not_due",
  [DERIVED_STATUS.noDeadline]: "no_deadline",
  [DERIVED_STATUS.notDone]: "not_done",
  [DERIVED_STATUS.notThisYear]: null,
  // Done in an earlier year (rule 1b): that year's result, kept in "Lịch sử".
  [DERIVED_STATUS.doneEarlier]: null,
};

export function emptyCounts(): StatusCounts {
  return {
    total: 0,
    done_on_time: 0,
    done_late: 0,
    done_undated: 0,
    in_progress: 0,
    overdue: 0,
    not_due: 0,
    no_deadline: 0,
    not_done: 0,
    rate: null,
  };
}

/** done ÷ (done + overdue); null when the denominator is 0. */
export function completionRate(
  c: Pick<StatusCounts, "done_on_time" | "done_late" | "overdue"> & { done_undated?: number }
): number | null {
  const done = c.done_on_time + c.done_late + (c.done_undated ?? 0);
  const due = done + c.overdue;
  return due === 0 ? null : done / due;
}

/** Adds one row with status `s` (rows not due this year are skipped by the caller). */
function add(c: StatusCounts, s: DerivedStatus): void {
  const f = FIELD[s];
  if (!f) return;
  c.total++;
  (c[f] as number)++;
}

export function rollup(
  wb: TrackingWorkbook,
  year: number,
  date: string,
  opts: RollupOptions = {}
): Rollup {
  // NFC first: a name typed with combining marks (copied from a PDF, typed on a Mac) is the
  // agency it reads as. The sheet counts it once the safe fix rewrites it (validate).
  const agencyNames =
    opts.agencies === wb.agencies
      ? workbookAgencies(wb, date)
      : resolverOn(opts.agencies ?? [], date, writtenNames(wb));
  const resolve = (name: string) => agencyNames.nameOf(name);
  const agencies = new Map<string, AgencyRollup>();
  const groups = new Map<string, GroupRollup>();
  const province = emptyCounts();
  const requestTotal = emptyCounts();
  const requestAgencies = new Map<string, AgencyRollup>();

  // A collective partner ("Các Sở, ban, ngành") counts for each member agency existing on the
  // report date, as distribute sends each member the task (exchange/distribution-plan.ts) and
  // the "Tổng hợp" sheet counts it on each member's line.
  const membersOf = (written: string): string[] => agencyNames.membersOf(written);
  const agencyEntry = (
    written: string,
    role: "lead" | "partner",
    agency = resolve(written)
  ): AgencyRollup => {
    const id = `${role}\u0000${agency}`;
    let e = agencies.get(id);
    if (!e) agencies.set(id, (e = { agency, role, ...emptyCounts() }));
    if (written !== agency && !e.written?.includes(written)) (e.written ??= []).push(written);
    return e;
  };

  // Partner work counts per task, once per agency: on the task's first row (sheet order), with
  // the task's status for its partners (the least advanced of its lead rows), exactly as the
  // hidden "Tình trạng cho đơn vị phối hợp" column and section III of "Tổng hợp" count it.
  const statuses = wb.rows.map((row) => derivedStatus(row, year, date));
  const taskStatusOf = partnerTaskStatuses(wb.rows, statuses);
  const seenKeys = new Set<string>();
  const unreadStatus: NonNullable<Rollup["unreadStatus"]> = [];

  wb.rows.forEach((row, i) => {
    const s = statuses[i];
    if (s === undefined) throw new Error(`rollup: no status for row ${i}`); // one per row
    if (FIELD[s] !== null && row.status === null && row.typed.status.trim() !== "")
      unreadStatus.push({ row: row.sheetRow, text: row.typed.status.trim() });
    const firstOfTask = row.key !== "" && !seenKeys.has(row.key);
    seenKeys.add(row.key);
    if (row.kind === "request") {
      const agency = resolve(row.lead);
      let e = requestAgencies.get(agency);
      if (row.lead && !namesNoAgency(row.lead) && !e)
        requestAgencies.set(agency, (e = { agency, role: "lead", ...emptyCounts() }));
      groupEntry(groups, row);
      if (FIELD[s] === null) return;
      add(requestTotal, s);
      if (e) add(e, s);
      return;
    }
    // Every agency and group the workbook names is listed, with zeros when nothing of theirs
    // falls in the report year, exactly as the "Tổng hợp" sheet lists them.
    const group = groupEntry(groups, row);
    // "Các cơ quan, đơn vị liên quan" is nobody: no line (agency/vague-phrase.ts).
    const lead = row.lead && !namesNoAgency(row.lead) ? agencyEntry(row.lead, "lead") : undefined;
    // A row naming an agency and its predecessor as partners counts that agency once. An
    // agency leading the task (this row, or one of "Các đơn vị chủ trì") is not its partner.
    const taskLeads = new Set(row.allLeads.map(resolve));
    if (lead) taskLeads.add(lead.agency);
    const partners = new Map<string, AgencyRollup>();
    for (const w of row.partners) {
      if (namesNoAgency(w)) continue;
      const agency = resolve(w);
      const expanded = membersOf(w);
      for (const a of expanded.length ? expanded : [agency]) {
        const e = agencyEntry(w, "partner", a);
        if (!taskLeads.has(e.agency)) partners.set(e.agency, e);
      }
    }
    if (FIELD[s] !== null) {
      add(province, s);
      add(group, s);
      if (lead) add(lead, s);
    }
    const t = firstOfTask ? taskStatusOf.get(row.key) : undefined;
    if (t !== undefined && FIELD[t] !== null) for (const e of partners.values()) add(e, t);
  });

  const finish = <T extends StatusCounts>(c: T): T => ({ ...c, rate: completionRate(c) });
  const roleOrder = { lead: 0, partner: 1 };
  return {
    year,
    date,
    agencies: [...agencies.values()]
      .map(finish)
      .sort(
        (a, b) => roleOrder[a.role] - roleOrder[b.role] || a.agency.localeCompare(b.agency, "vi")
      ),
    groups: [...groups.values()].map(finish),
    province: finish(province),
    requests: {
      total: finish(requestTotal),
      agencies: [...requestAgencies.values()].map(finish),
    },
    ...(unreadStatus.length ? { unreadStatus } : {}),
  };
}

/**
 * Each task key's status for its partners: the first of PARTNER_STATUS_ORDER among the key's
 * rows (every kind, as the sheet's COUNTIFS over the whole key column); absent when none.
 */
export function partnerTaskStatuses(
  rows: readonly TrackingRow[],
  statuses: readonly DerivedStatus[]
): Map<string, DerivedStatus> {
  const rank = new Map<DerivedStatus, number>(PARTNER_STATUS_ORDER.map((s, i) => [s, i]));
  const out = new Map<string, DerivedStatus>();
  rows.forEach((row, i) => {
    const s = statuses[i];
    if (row.key === "" || s === undefined) return;
    const r = rank.get(s);
    if (r === undefined) return;
    const had = out.get(row.key);
    if (had === undefined || r < rank.get(had)!) out.set(row.key, s);
  });
  return out;
}

function groupEntry(groups: Map<string, GroupRollup>, row: TrackingRow): GroupRollup {
  let g = groups.get(row.group);
  if (!g)
    groups.set(row.group, (g = { group: row.group, title: row.groupTitle, ...emptyCounts() }));
  return g;
}
