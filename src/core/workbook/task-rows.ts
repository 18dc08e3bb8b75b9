/**
 * The plan's tasks as rows of the task table: one row per (task, lead agency), as columns.ts
 * decides; a collective lead stands for its members when the caller expanded it
 * (lead-expansion.ts). A task nobody leads still gets one row (lead empty) so it is tracked at all.
 */
import { taskKind, type AgencyRef, type ImportResult, type Schedule, type Task } from "../model";
import { KIND_LABELS } from "./columns";
import { namesNoAgency } from "../agency/vague-phrase";
import type { CellValue } from "../spec/sheet-spec";
import { planLeads } from "./lead-expansion";
import { scheduleCode, yearsText } from "./schedule-code";

/**
 * What the lead agency typed in a row's tracking columns, as cell values (dates as real dates,
 * text kept as typed). Empty for a fresh import; filled when a workbook is rebuilt from its
 * tracked data (from-tracking.ts). `deadline` is a date typed over the deadline formula.
 */
export interface TrackedCells {
  status: CellValue;
  completedOn: CellValue;
  progress: CellValue;
  result: CellValue;
  evidence: CellValue;
  difficulties: CellValue;
  proposals: CellValue;
  updatedOn: CellValue;
  deadline?: CellValue;
}

export interface TaskRow {
  /** The imported task, when the row comes from an import. */
  task?: Task;
  key: string;
  stt: string;
  group: string;
  groupTitle: string;
  title: string;
  /** "Loại nhiệm vụ" as written in the sheet (KIND_LABELS). */
  kind: string;
  /** This row's lead: canonical name when matched, else as written. */
  lead: string;
  allLeads: string;
  partners: string;
  /** The plan's partners as it names them. */
  planPartners: string;
  /** The plan's lead and partner cells word for word ("" when the task has none). */
  leadText: string;
  partnersText: string;
  timeText: string;
  years: string;
  scheduleCode: string;
  extra: string[];
  tracked?: TrackedCells;
}

const uniqueNames = (refs: AgencyRef[]) => [
  ...new Set(refs.map((r) => r.name.trim()).filter((n) => n !== "")),
];

/**
 * `leads[i]`: the lead names of task i's rows (expandLeads); defaults to the plan's leads as
 * written. "Các đơn vị chủ trì" always holds the plan's leads, so the assignment stays visible.
 * `current`: the agency answering for a partner on the report date (once per row); "Phối hợp
 * theo kế hoạch" keeps the plan's partners.
 */
export function taskRows(
  result: ImportResult,
  leads?: string[][],
  current: (name: string) => string = (n) => n
): TaskRow[] {
  const groupTitles = new Map(result.groups.map((g) => [g.stt, g.title]));
  // The same partners recur on hundreds of tasks: each name resolved once.
  const answering = new Map<string, string>();
  const currentOf = (name: string) => {
    let now = answering.get(name);
    if (now === undefined) answering.set(name, (now = current(name)));
    return now;
  };
  // Tasks of one time text share their Schedule (import-plan.ts): its texts made once.
  const scheduleTexts = new Map<Schedule, { years: string; scheduleCode: string }>();
  const textsOf = (schedule: Schedule) => {
    let t = scheduleTexts.get(schedule);
    if (!t)
      scheduleTexts.set(
        schedule,
        (t = { years: yearsText(schedule), scheduleCode: scheduleCode(schedule) })
      );
    return t;
  };
  return result.tasks.flatMap((task, i) => {
    const written = planLeads(task);
    const partnerNames = uniqueNames(task.partners);
    const rowLeads = leads?.[i] ?? written;
    const base = {
      task,
      key: task.key,
      stt: task.stt || task.numbered,
      group: task.group,
      groupTitle: groupTitles.get(task.group) ?? "",
      title: task.title,
      kind: KIND_LABELS[taskKind(task)],
      allLeads: written.join("; "),
      partners: [...new Set(partnerNames.map(currentOf))].join("; "),
      planPartners: partnerNames.join("; "),
      leadText: task.leadText ?? "",
      partnersText: task.partnersText ?? "",
      timeText: task.timeText,
      ...textsOf(task.schedule),
      extra: result.extraColumns.map((h) => task.extra[h] ?? ""),
    };
    return (rowLeads.length > 0 ? rowLeads : [""]).map((lead) => ({ ...base, lead }));
  });
}

/** Agencies in order of first appearance, as lead or as partner. */
export function agenciesIn(rows: TaskRow[], role: "lead" | "partners"): string[] {
  // Names are gathered first and each asked about once: a list repeats on every lead row of
  // its task, a name on hundreds of tasks.
  const names = new Set<string>();
  const lists = new Set<string>();
  for (const r of rows)
    if (role === "lead") names.add(r.lead);
    else if (!lists.has(r.partners)) {
      lists.add(r.partners);
      for (const n of r.partners.split("; ")) names.add(n);
    }
  // "Các cơ quan, đơn vị liên quan" stays on the row but is nobody's line (vague-phrase.ts).
  return [...names].filter((n) => n !== "" && !namesNoAgency(n));
}
