/**
 * Who reports what for a year: from the master tracking workbook, every agency that leads or
 * partners a task due that year, with its lead rows and the tasks it only partners. Names are
 * resolved by the one rule (agency/resolve-agency.ts) on the year's last day: the workbook's
 * own directory and spellings, an agency superseded by then reports as its successor, and
 * collective partners ("Các Sở, ban, ngành") are expanded into their members as import expands
 * collective leads.
 */
import { workbookAgencies, type AgencyResolver } from "../agency/resolve-agency";
import { namesNoAgency } from "../agency/vague-phrase";
import { doneInEarlierYear, dueIn } from "../tracking/derive-status";
import type { TrackingRow, TrackingWorkbook } from "../workbook/tracking-model";
import { AGENCY_COLUMNS, SHEETS, TASK_COLUMNS } from "../workbook/columns";
import { yearEnd } from "../text/dates";

export interface AgencyAssignment {
  /** Canonical directory name (or the name as the workbook writes it when unknown). */
  agency: string;
  /** Rows of the master this agency leads (one per task × lead), in sheet order. */
  lead: TrackingRow[];
  /** One row per task it only partners (the task's first row), in sheet order. */
  partner: TrackingRow[];
  /** For each partnered task: its lead agencies in the year (successors, not the plan's names). */
  leadsOf: Record<string, string[]>;
}

/**
 * A lead row of the year no single agency reports: no lead, a phrase naming nobody, a collective
 * without members, or a collective kept as one row. Listed by distribute, the consolidation's
 * coverage and the province report, so no task silently reaches nobody: the agencies' lead rows
 * plus these are the lead rows of the year.
 */
export interface UnassignedRow {
  /** Task key ("T7"). */
  task: string;
  /** STT as the workbook writes it. */
  stt: string;
  /** Row of the "Nhiệm vụ" sheet. */
  row: number;
  /** The lead cell as written ("" when empty). */
  lead: string;
  /** Why nobody gets it ("Chưa có đơn vị chủ trì"), for a report. */
  reason: string;
  /** Why, and what to do (Vietnamese), for the officer. */
  why: string;
}

const whyOf = (w: { reason: string; action: string }) => ({
  reason: w.reason,
  why: `${w.reason}: ${w.action}.`,
});

export interface Distribution {
  agencies: AgencyAssignment[];
  unassigned: UnassignedRow[];
}

export function distributionPlan(master: TrackingWorkbook, year: number): AgencyAssignment[] {
  return distribution(master, year).agencies;
}

/** Why a lead cell that resolves to `leads` (not exactly one agency) reaches nobody, and what to do. */
function unassignedWhy(
  lead: string,
  leads: string[],
  agencies: AgencyResolver
): { reason: string; action: string } {
  if (!lead.trim()) return { reason: "Chưa có đơn vị chủ trì", action: "hãy ghi đơn vị chủ trì" };
  if (namesNoAgency(lead))
    return {
      reason: `"${lead}" không nêu đơn vị nào`,
      action: "hãy ghi đơn vị chủ trì cụ thể",
    };
  if (leads.length === 0)
    return {
      reason: `"${lead}" chưa có đơn vị thành viên trong danh mục`,
      action:
        `hãy ghi các đơn vị thành viên (trang "${SHEETS.agencies}", cột "${AGENCY_COLUMNS.memberOf}" ` +
        `ghi "${agencies.named(lead)?.name ?? lead}") hoặc một đơn vị nhận báo cáo ở cột "${TASK_COLUMNS.lead}"`,
    };
  return {
    reason: `"${lead}" gồm ${leads.length} đơn vị nhưng sổ ghi một dòng chung`,
    action: `hãy chép dòng cho từng đơn vị (cột "${TASK_COLUMNS.lead}")`,
  };
}

export function distribution(master: TrackingWorkbook, year: number): Distribution {
  const agencies = workbookAgencies(master, yearEnd(year));
  const resolve = (written: string) => agencies.reportersOf(written);
  const byAgency = new Map<string, AgencyAssignment>();
  const entry = (agency: string) => {
    let e = byAgency.get(agency);
    if (!e) byAgency.set(agency, (e = { agency, lead: [], partner: [], leadsOf: {} }));
    return e;
  };
  // Many rows share a schedule code: read each code once.
  const dueByCode = new Map<string, boolean>();
  const isDue = (r: TrackingRow) => {
    if (r.deadline) return dueIn(r, year).due;
    let d = dueByCode.get(r.scheduleCode);
    if (d === undefined) dueByCode.set(r.scheduleCode, (d = dueIn(r, year).due));
    return d;
  };
  // A task done in an earlier year it was due in is that year's result: nothing to report now.
  const due = master.rows.filter((r) => r.key && isDue(r) && !doneInEarlierYear(r, year));
  const unassigned: UnassignedRow[] = [];
  for (const row of due) {
    // A row no single agency reports (no lead, a collective left as one row) gets no file:
    // it is listed as nobody's, never dropped.
    const leads = row.lead ? resolve(row.lead) : [];
    const [only] = leads;
    if (only !== undefined && leads.length === 1) entry(only).lead.push(row);
    else
      unassigned.push({
        task: row.key,
        stt: row.stt,
        row: row.sheetRow,
        lead: row.lead,
        ...whyOf(unassignedWhy(row.lead, leads, agencies)),
      });
  }
  const leadsOf = new Map<string, Set<string>>();
  for (const row of due) {
    const set = leadsOf.get(row.key) ?? new Set<string>();
    for (const a of row.lead ? resolve(row.lead) : []) set.add(a);
    leadsOf.set(row.key, set);
  }
  const partnered = new Set<string>();
  for (const row of due) {
    for (const written of row.partners)
      for (const a of resolve(written)) {
        const id = `${a}\u0000${row.key}`;
        if (leadsOf.get(row.key)?.has(a) || partnered.has(id)) continue;
        partnered.add(id);
        const e = entry(a);
        e.partner.push(row);
        e.leadsOf[row.key] = [...(leadsOf.get(row.key) ?? [])];
      }
  }
  return {
    agencies: [...byAgency.values()].sort((x, y) => x.agency.localeCompare(y.agency, "vi")),
    unassigned,
  };
}

/**
 * The agencies that take part in `year` (lead or partner, collectives expanded into members):
 * the files `phuluc distribute` writes and the reports `phuluc report --all` gives, one each.
 */
export function participantsIn(master: TrackingWorkbook, year: number): string[] {
  return distributionPlan(master, year).map((a) => a.agency);
}
