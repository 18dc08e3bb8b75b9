/**
 * The agency directory: canonical names, short names and spellings of the agencies a plan
 * may name, and who took over from whom in the 2025 reorganization. Lookups go through
 * name keys (see name-key.ts), so case, diacritics, NFC/NFD and "&"/"-"/"và" never matter.
 */
import type { Agency, AgencyKind } from "../model";
import { nameKey } from "./name-key";
import { agencyKindOf } from "./agency-heads";

/**
 * "Các Sở, ban, ngành": every department (kind "department") existing on the date is one of its
 * members by the directory's rule, whatever its "Thuộc nhóm" says; other bodies (Văn phòng,
 * Thanh tra, boards, forces) join it through memberOf.
 */
export const DEPARTMENTS_COLLECTIVE = "Các Sở, ban, ngành";

/** A plan-local abbreviation: "Sở Thông tin và Truyền thông (Sở TT-TT)". */
export interface AgencyDefinition {
  short: string;
  full: string;
}

export class AgencyDirectory {
  private readonly agencies: Agency[];
  private readonly byKey = new Map<string, Agency>();
  private longestKeyLength = 0;

  constructor(agencies: Agency[]) {
    this.agencies = agencies.map(copyAgency);
    // Canonical names win over short names, short names over aliases, earlier over later:
    // a spelling shared by two agencies must not steal the other's own name.
    for (const a of this.agencies) this.index(a.name, a);
    for (const a of this.agencies) a.shortNames.forEach((s) => this.index(s, a));
    for (const a of this.agencies) a.aliases.forEach((s) => this.index(s, a));
  }

  private index(spelling: string, agency: Agency): void {
    const key = nameKey(spelling);
    if (!key || this.byKey.has(key)) return;
    this.byKey.set(key, agency);
    this.longestKeyLength = Math.max(this.longestKeyLength, key.length);
  }

  all(): Agency[] {
    return this.agencies.map(copyAgency);
  }

  /** By canonical name, short name or alias, in any spelling. */
  get(name: string): Agency | undefined {
    return this.byKey.get(nameKey(name));
  }

  /** By a name key already computed (for the list matcher's longest-match scan). */
  getByKey(key: string): Agency | undefined {
    return this.byKey.get(key);
  }

  /** Length of the longest key: no match can be longer, the scan stops there. */
  maxKeyLength(): number {
    return this.longestKeyLength;
  }

  /** Every spelling the directory knows, with its agency (for suggestions). */
  spellings(): Array<{ spelling: string; agency: Agency }> {
    return this.agencies.flatMap((a) =>
      [a.name, ...a.shortNames, ...a.aliases].map((spelling) => ({ spelling, agency: a }))
    );
  }

  /**
   * A directory that also knows the plan's own abbreviations. A short form of a known agency
   * becomes its alias; a definition of an agency we do not know adds that agency.
   */
  withDefinitions(defs: AgencyDefinition[]): AgencyDirectory {
    const agencies = this.agencies.map(copyAgency);
    for (const def of defs) {
      const known = this.get(def.full);
      const target = known ? agencies.find((a) => a.name === known.name) : undefined;
      if (target) {
        if (!this.get(def.short)) target.aliases.push(def.short);
      } else if (!this.get(def.short)) {
        agencies.push({
          name: def.full,
          shortNames: [def.short],
          aliases: [],
          kind: guessKind(def.full),
        });
      }
    }
    return new AgencyDirectory(agencies);
  }

  /**
   * The agency that answers for `name` on `isoDate`: follows successor links whose effective
   * date has come (Sở TT&TT -> Sở KH&CN from 2025-03-01). Undefined for an unknown name.
   */
  successorOn(name: string, isoDate: string): Agency | undefined {
    let current = this.get(name);
    const seen = new Set<string>();
    while (
      current?.successor &&
      current.successor.effective <= isoDate &&
      !seen.has(current.name)
    ) {
      seen.add(current.name);
      const next = this.get(current.successor.name);
      if (!next) break;
      current = next;
    }
    return current ? copyAgency(current) : undefined;
  }

  /**
   * The agencies a collective stands for on `isoDate`, in directory order: every agency whose
   * `memberOf` names the collective (or a collective that succeeded it by that date), and for
   * "Các Sở, ban, ngành" every department (DEPARTMENTS_COLLECTIVE), each
   * replaced by the agency answering for it on that date (successorOn), once. An agency whose
   * successor has taken over but is not in the directory is left out (it no longer exists);
   * collectives are never members. Empty for an unknown name or a collective nobody joined.
   */
  membersOn(collective: string, isoDate: string): Agency[] {
    const chain = new Set<string>();
    for (let c = this.get(collective); c && !chain.has(c.name); ) {
      chain.add(c.name);
      c = c.successor && c.successor.effective <= isoDate ? this.get(c.successor.name) : undefined;
    }
    if (chain.size === 0) return [];
    const inChain = (name: string) => {
      const g = this.get(name);
      return g !== undefined && chain.has(g.name);
    };
    const departments = this.get(DEPARTMENTS_COLLECTIVE);
    const byKind = departments !== undefined && chain.has(departments.name);
    const joins = (a: Agency) =>
      (byKind && a.kind === "department") || (a.memberOf?.some(inChain) ?? false);
    const order = new Map(this.agencies.map((a, i) => [a.name, i]));
    const members = new Map<string, Agency>();
    for (const a of this.agencies) {
      // A body only some provinces have is a spelling until a plan names it (plan-agencies.ts).
      if (a.collective || a.someProvincesOnly || chain.has(a.name) || !joins(a)) continue;
      const now = this.successorOn(a.name, isoDate);
      if (!now || now.collective) continue;
      if (now.successor && now.successor.effective <= isoDate) continue;
      if (now.since && now.since > isoDate) continue; // not founded yet on that date
      if (!members.has(now.name)) members.set(now.name, now);
    }
    return [...members.values()].sort(
      (x, y) => (order.get(x.name) ?? 0) - (order.get(y.name) ?? 0)
    );
  }
}

function guessKind(name: string): AgencyKind {
  return agencyKindOf(name) ?? "other";
}

function copyAgency(a: Agency): Agency {
  return {
    ...a,
    shortNames: [...a.shortNames],
    aliases: [...a.aliases],
    ...(a.successor ? { successor: { ...a.successor } } : {}),
    ...(a.memberOf ? { memberOf: [...a.memberOf] } : {}),
  };
}
