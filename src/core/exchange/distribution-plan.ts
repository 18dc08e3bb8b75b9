/**
 * Who reports what for a year: from the master tracking workbook, every agency that leads or
 * partners a task due that year, with its lead rows and the tasks it only partners. Names are
 * resolved through the workbook's own directory (case, diacritics, abbreviations folded; an
 * agency superseded by the end of the year reports as its successor); collective partners
 * ("Các Sở, ban, ngành") are expanded into their members as import expands collective leads.
 */
import { AgencyDirectory } from "../agency/directory";
import { doneInEarlierYear, dueIn } from "../tracking/derive-status";
import type { TrackingRow, TrackingWorkbook } from "../workbook/tracking-model";

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

/** The date agency names are resolved on: the year's last day. */
export const yearEnd = (year: number): string => `${year}-12-31`;

/** Resolves a written agency name to the agency answering for it on `date`. */
export function agencyResolver(dir: AgencyDirectory, date: string) {
  const cache = new Map<string, string[]>();
  return (written: string): string[] => {
    let r = cache.get(written);
    if (!r) {
      const a = dir.successorOn(written, date) ?? dir.get(written);
      if (!a) r = [written.trim()];
      else if (a.collective) {
        const members = dir.membersOn(a.name, date).map((m) => m.name);
        r = members.length ? members : [];
      } else r = [a.name];
      cache.set(written, r);
    }
    return r;
  };
}

export function distributionPlan(master: TrackingWorkbook, year: number): AgencyAssignment[] {
  const dir = new AgencyDirectory(master.agencies);
  const resolve = agencyResolver(dir, yearEnd(year));
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
  for (const row of due) {
    // A collective lead left as one row in the master (no members then): no single agency
    // reports it, so it gets no file; it shows in the coverage as nobody's.
    const leads = row.lead ? resolve(row.lead) : [];
    if (leads.length === 1) entry(leads[0]).lead.push(row);
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
  return [...byAgency.values()].sort((x, y) => x.agency.localeCompare(y.agency, "vi"));
}

/**
 * The agencies that take part in `year` (lead or partner, collectives expanded into members):
 * the files `phuluc distribute` writes and the reports `phuluc report --all` gives, one each.
 */
export function participantsIn(master: TrackingWorkbook, year: number): string[] {
  return distributionPlan(master, year).map((a) => a.agency);
}
