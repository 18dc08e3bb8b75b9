/**
 * The directory a plan's tracking workbook carries ("Đơn vị"): the province's directory, less
 * the bodies only some provinces have (Sở Du lịch) when the plan does not name them, plus every
 * agency the plan names that the directory does not know ("Ban Dự án số 1 …"), once whatever
 * its case and spacing ("Ban Quản lý Xyz" / "BAN QUẢN LÝ XYZ"), with its kind read from its head
 * word. So distribute, consolidate, rollup and the reports all know the same agencies: no file
 * is sent to an agency consolidation would then refuse. The import preview says which agencies
 * were added (unknownAgencies), so the officer can correct name and kind first.
 */
import type { Agency, AgencyKind, AgencyRef, ImportResult } from "../model";
import { agencyKindOf } from "./agency-heads";
import { nameKey } from "./name-key";
import { namesNoAgency } from "./vague-phrase";

/** An agency the plan names that the directory does not know, as it will be added. */
export interface PlanAgency {
  /** The spelling kept: the first not in capitals, else the first. */
  name: string;
  kind: AgencyKind;
  /** Every spelling the plan uses for it (other case, spacing). */
  spellings: string[];
}

type Tasks = Pick<ImportResult, "tasks" | "additions">;

function refsOf(result: Tasks): AgencyRef[] {
  const tasks = [...result.tasks, ...(result.additions?.tasks ?? [])];
  return tasks.flatMap((t) => [...t.lead, ...t.partners]);
}

const allCaps = (s: string) => s === s.toUpperCase() && s !== s.toLowerCase();

/** The plan's agencies the directory does not know, folded across case, spacing and accents. */
export function unknownAgencies(result: Tasks): PlanAgency[] {
  const byKey = new Map<string, PlanAgency>();
  for (const r of refsOf(result)) {
    if (r.matched || r.vague || namesNoAgency(r.name)) continue;
    const key = nameKey(r.name);
    if (!key) continue;
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, { name: r.name, kind: agencyKindOf(r.name) ?? "other", spellings: [r.name] });
      continue;
    }
    if (!seen.spellings.includes(r.name)) seen.spellings.push(r.name);
    if (allCaps(seen.name) && !allCaps(r.name)) seen.name = r.name;
  }
  return [...byKey.values()];
}

/**
 * `agencies` as the plan's workbook lists them (see the file comment). `kinds` overrides the
 * guessed kind of an added agency, by its name (the officer's answer in the preview).
 */
export function agenciesForPlan(
  agencies: readonly Agency[],
  result: Tasks,
  kinds: Record<string, AgencyKind> = {}
): Agency[] {
  const named = new Set(
    refsOf(result)
      .filter((r) => r.matched)
      .map((r) => r.name)
  );
  const kept = agencies
    .filter((a) => !a.someProvincesOnly || named.has(a.name))
    .map(({ someProvincesOnly: _, ...a }) => a);
  const known = new Set(kept.flatMap((a) => [a.name, ...a.shortNames, ...a.aliases].map(nameKey)));
  const kindOf = new Map(Object.entries(kinds).map(([n, k]) => [nameKey(n), k]));
  const added = unknownAgencies(result)
    .filter((p) => !known.has(nameKey(p.name)))
    .map((p): Agency => {
      // Other spellings share its name key: the directory finds them without aliases.
      const kind = kindOf.get(nameKey(p.name)) ?? p.kind;
      return {
        name: p.name,
        shortNames: [],
        aliases: [],
        kind,
        ...(kind === "collective" ? { collective: true } : {}),
      };
    });
  return [...kept, ...added];
}

/**
 * The officer's answer to "who are its members?" for a collective without any ("Các cơ quan
 * báo chí tỉnh" → "Báo Tuyên Quang; Đài PT-TH Tuyên Quang", or one recipient): each named
 * agency joins the collective (memberOf), added to the directory when it was not in it. Names
 * are looked up in any spelling; a collective the directory does not know is added as one.
 */
export function withMembers(
  agencies: readonly Agency[],
  members: Record<string, string[]>
): Agency[] {
  const out = agencies.map((a) => ({ ...a, ...(a.memberOf ? { memberOf: [...a.memberOf] } : {}) }));
  const find = (name: string) =>
    out.find((a) =>
      [a.name, ...a.shortNames, ...a.aliases].some((s) => nameKey(s) === nameKey(name))
    );
  for (const [collective, names] of Object.entries(members)) {
    let group = find(collective);
    if (!group) {
      group = {
        name: collective.trim(),
        shortNames: [],
        aliases: [],
        kind: "collective",
        collective: true,
      };
      out.push(group);
    }
    for (const name of names.map((n) => n.trim()).filter(Boolean)) {
      let a = find(name);
      if (!a) {
        a = { name, shortNames: [], aliases: [], kind: agencyKindOf(name) ?? "other" };
        out.push(a);
      }
      if (a.collective) continue;
      const memberOf = a.memberOf ?? [];
      if (!memberOf.some((g) => nameKey(g) === nameKey(group.name)))
        a.memberOf = [...memberOf, group.name];
    }
  }
  return out;
}
