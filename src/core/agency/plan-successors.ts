/**
 * Successors follow the work, not only the name (DOMAIN.md, the 2025 reorganization): Sở Thông
 * tin và Truyền thông was merged into Sở Khoa học và Công nghệ, but its press, publishing and
 * foreign-information work went to Sở Văn hóa, Thể thao và Du lịch. So the successor a plan's
 * rows move to depends on the plan's field. This module gives the field-based default; the
 * result is written in the "Đơn vị kế thừa" column of the "Đơn vị" sheet, where the province's
 * officer changes it (each province decided for itself), and read back from there afterwards.
 */
import type { Agency, ImportResult, Plan } from "../model";
import { foldVietnamese } from "../text/fold";
import { directoryOf, resolverOn } from "./resolve-agency";

export type PlanField = "foreign-information" | "press" | "digital";

/** What the plan is about, from its title (and appendix title); null when none of these. */
export function planField(plan: Pick<Plan, "title" | "appendixTitle">): PlanField | null {
  const t = foldVietnamese(`${plan.title} ${plan.appendixTitle}`);
  if (/thong tin doi ngoai/.test(t)) return "foreign-information";
  if (/bao chi|xuat ban|phat thanh|truyen hinh|thong tin co so/.test(t)) return "press";
  if (/chuyen doi so|vien thong|cong nghe thong tin|buu chinh/.test(t)) return "digital";
  return null;
}

export const FIELD_LABELS: Record<PlanField, string> = {
  "foreign-information": "thông tin đối ngoại",
  press: "báo chí, xuất bản",
  digital: "chuyển đổi số, viễn thông",
};

/** Per field: former agency → the agency that took that field's work over. */
const FIELD_SUCCESSORS: Record<PlanField, Record<string, string>> = {
  "foreign-information": {
    "Sở Thông tin và Truyền thông": "Sở Văn hóa, Thể thao và Du lịch",
  },
  press: { "Sở Thông tin và Truyền thông": "Sở Văn hóa, Thể thao và Du lịch" },
  digital: { "Sở Thông tin và Truyền thông": "Sở Khoa học và Công nghệ" },
};

/**
 * The directory with the plan field's successors (only where both agencies are in it, in any
 * spelling); the effective date stays the directory's. Unchanged when the field is unknown.
 */
export function directoryForPlan(
  agencies: readonly Agency[],
  plan: Pick<Plan, "title" | "appendixTitle">
): Agency[] {
  const field = planField(plan);
  const out = agencies.map((a) => ({ ...a }));
  if (!field) return out;
  // Looked up in the list given (never changed here): `out` is changed below.
  const dir = directoryOf(agencies);
  for (const [from, to] of Object.entries(FIELD_SUCCESSORS[field])) {
    const a = dir.get(from);
    const b = dir.get(to);
    const target = a && out.find((x) => x.name === a.name);
    if (!target?.successor || !b) continue;
    target.successor = { ...target.successor, name: b.name };
  }
  return out;
}

/** One line of "who answers for whom" on the report date, for the import preview. */
export interface SuccessorMapping {
  /** The agency as the plan names it (canonical name). */
  from: string;
  /** The agency its rows are written under on the report date. */
  to: string;
  /** ISO date the change took effect. */
  since: string;
  /** Task rows (as lead) and partner mentions it concerns. */
  leadTasks: number;
  partnerTasks: number;
  /** Set when the successor is the plan field's default rather than the directory's. */
  field?: string;
}

/** The renames a workbook built on `reportDate` applies to this plan, with their counts. */
export function successorMappings(
  result: Pick<ImportResult, "plan" | "tasks">,
  agencies: readonly Agency[],
  reportDate: string
): SuccessorMapping[] {
  const base = resolverOn(agencies, reportDate);
  const adjusted = resolverOn(directoryForPlan(agencies, result.plan), reportDate);
  const field = planField(result.plan);
  const out = new Map<string, SuccessorMapping>();
  const note = (name: string, role: "lead" | "partner") => {
    const a = adjusted.named(name);
    const now = adjusted.agencyOf(name);
    if (!a || !now || now.name === a.name) return;
    let m = out.get(a.name);
    if (!m) {
      const byDefault = base.agencyOf(name)?.name;
      m = {
        from: a.name,
        to: now.name,
        since: a.successor?.effective ?? "",
        leadTasks: 0,
        partnerTasks: 0,
        ...(field && byDefault !== now.name ? { field: FIELD_LABELS[field] } : {}),
      };
      out.set(a.name, m);
    }
    if (role === "lead") m.leadTasks++;
    else m.partnerTasks++;
  };
  for (const t of result.tasks) {
    new Set(t.lead.map((r) => r.name)).forEach((n) => note(n, "lead"));
    new Set(t.partners.map((r) => r.name)).forEach((n) => note(n, "partner"));
  }
  return [...out.values()];
}
