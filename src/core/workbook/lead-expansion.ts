/**
 * Who gets a row of the task table: a task's lead agencies, with each collective lead ("Các Sở,
 * ban, ngành") expanded into its members existing on the report date (agency/resolve-agency.ts),
 * so every department reports its own status on the task and the task's status is derived over
 * them ("k/n đơn vị hoàn thành"). Rules:
 * - a member is named as the agency that answers for it on the report date, once (Sở TT&TT and
 *   Sở KH&CN give one row, "Sở Khoa học và Công nghệ", in 2026);
 * - an agency named explicitly as a lead of the task keeps its own row and is not added again by
 *   a collective (nor is a member shared by two collectives of the task);
 * - a collective without members stays one row, as written, and an info finding says so;
 * - `expandCollectives: false` keeps every lead as written (one row per lead, as before).
 */
import type { Agency, Finding, Task } from "../model";
import type { AgencyDirectory } from "../agency/directory";
import { resolverOn } from "../agency/resolve-agency";
import { AGENCY_COLUMNS, SHEETS, TASK_COLUMNS } from "./columns";

export const WORKBOOK_FINDINGS = {
  COLLECTIVE_WITHOUT_MEMBERS: "COLLECTIVE_WITHOUT_MEMBERS",
  /** An agency the plan names that the directory lacked: added to "Đơn vị" with a guessed kind. */
  AGENCY_ADDED: "AGENCY_ADDED",
} as const;

export interface LeadExpansionOptions {
  directory: readonly Agency[] | AgencyDirectory;
  /** ISO date: members that no longer exist on it are left out, successors named instead. */
  reportDate: string;
  /** Default true. */
  expandCollectives?: boolean;
}

export interface LeadExpansion {
  /** Lead names of each task's rows, aligned with the tasks given (empty: a task nobody leads). */
  leads: string[][];
  findings: Finding[];
  /** Collectives left as one row (no members on the date), with the STT of their tasks. */
  unexpanded: { name: string; tasks: string[] }[];
}

/** The plan's leads of a task: canonical names when matched, else as written; once each. */
export function planLeads(task: Task): string[] {
  return [...new Set(task.lead.map((r) => r.name.trim()).filter((n) => n !== ""))];
}

export function expandLeads(tasks: Task[], options: LeadExpansionOptions): LeadExpansion {
  const agencies = resolverOn(options.directory, options.reportDate);
  const current = (name: string) => agencies.renamed(name);
  // Rows of the reporting year are the agency's that exists on the report date (two merged
  // bodies leading one task give one row); the plan's names stay in "Các đơn vị chủ trì".
  const onDate = (names: string[]) => [...new Set(names.map(current))];
  if (options.expandCollectives === false)
    return { leads: tasks.map((t) => onDate(planLeads(t))), findings: [], unexpanded: [] };
  const membersCache = new Map<string, string[] | null>();
  /** Member names of a collective lead; null when `name` is not a collective. */
  const membersOf = (name: string): string[] | null => {
    let m = membersCache.get(name);
    if (m === undefined) {
      m = agencies.isCollective(name) ? agencies.membersOf(name) : null;
      membersCache.set(name, m);
    }
    return m;
  };
  /** Collectives left as one row, with the tasks that kept them. */
  const unexpanded = new Map<string, Task[]>();

  const leads = tasks.map((task) => {
    const written = planLeads(task);
    // Explicit leads first, as the agency answering for them on the date: a collective does
    // not add a row for an agency that already has its own.
    const covered = new Set(written.filter((n) => membersOf(n) === null).map(current));
    const names = written.flatMap((name) => {
      const members = membersOf(name);
      if (members === null) return [name];
      if (members.length === 0) {
        const list = unexpanded.get(name) ?? [];
        list.push(task);
        unexpanded.set(name, list);
        return [name];
      }
      const added = members.filter((m) => !covered.has(m));
      added.forEach((m) => covered.add(m));
      return added;
    });
    return onDate(names);
  });

  const findings = [...unexpanded].map(([name, ts]): Finding => {
    const stts = ts.map((t) => t.stt || t.numbered);
    const shown = stts.length > 8 ? [...stts.slice(0, 8), "…"] : stts;
    return {
      code: WORKBOOK_FINDINGS.COLLECTIVE_WITHOUT_MEMBERS,
      severity: "warning",
      message:
        `${ts.length} nhiệm vụ (${shown.join(", ")}) giao cho "${name}", nhưng danh mục chưa có ` +
        `đơn vị thành viên nào của nhóm này: chưa đến được đơn vị nào. Hãy cho biết các đơn vị ` +
        `thành viên, hoặc một đơn vị nhận báo cáo (trang "${SHEETS.agencies}", cột ` +
        `"${AGENCY_COLUMNS.memberOf}" ghi "${name}"; hoặc ghi đơn vị ở cột "${TASK_COLUMNS.lead}").`,
      location: { sheet: SHEETS.agencies, column: AGENCY_COLUMNS.memberOf },
      subject: name,
    };
  });
  const groups = [...unexpanded].map(([name, ts]) => ({
    name,
    tasks: ts.map((t) => t.stt || t.numbered),
  }));
  return { leads, findings, unexpanded: groups };
}
