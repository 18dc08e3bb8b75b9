/**
 * Which agency answers for a name, as written, on a date: the one rule behind distribute,
 * consolidate, rollup, validate's successors, roll-over, import's rows and the papers.
 *
 * - spellings: an agency's exact name in any case first (as the "Tổng hợp" sheet compares), then
 *   the directory's name keys (case, diacritics, NFC/NFD, "&"/"-"/"và", "UBND"), then a counting
 *   spelling that fits (counting-spelling.ts: "Ðài Phát thanh …" with U+00D0 for "Đ");
 * - date: the successor chain as of the date (Sở TT&TT → Sở KH&CN from 2025-03-01);
 * - collectives ("Các Sở, ban, ngành", "UBND các huyện"): the members existing on the date of
 *   the collective AS NAMED, which takes in the members of the collectives that succeeded it
 *   (AgencyDirectory.membersOn), so a 2024 plan's "UBND các huyện" reaches in 2026 both the
 *   communes that joined "UBND các xã" and the districts' successors;
 * - "Các cơ quan, đơn vị liên quan" names nobody (vague-phrase.ts);
 * - a name the directory does not know is one agency across case, spacing and diacritics, under
 *   the first spelling the workbook writes (sheet order), so every use case lists it alike.
 *
 * `directoryOf` gives one directory per agency list (a workbook's "Đơn vị"), `workbookAgencies`
 * one resolver per workbook and date: each distinct name is keyed once, whoever asks.
 */
import type { Agency } from "../model";
import { countingResolver, excelTrim } from "./counting-spelling";
import { AgencyDirectory } from "./directory";
import { nameKey } from "./name-key";
import { namesNoAgency } from "./vague-phrase";

/** What a name as written stands for on the resolver's date. */
export type AgencyAnswer =
  /** A phrase naming no agency ("Các cơ quan, đơn vị liên quan"). */
  | { kind: "nobody" }
  /** Not in the directory: `name` is the spelling it is listed under. */
  | { kind: "unknown"; name: string }
  /** A directory agency: `agency` answers for it on the date, `named` is the one written. */
  | { kind: "agency"; name: string; agency: Agency; named: Agency }
  /** A collective: its members (names) existing on the date, possibly none. */
  | { kind: "collective"; name: string; agency: Agency; named: Agency; members: string[] };

const directories = new WeakMap<readonly Agency[], AgencyDirectory>();

/**
 * The directory of an agency list, made once per list: a workbook's `agencies` is read (or
 * built) once and never changed in place, so every use case shares its name keys.
 */
export function directoryOf(agencies: readonly Agency[]): AgencyDirectory {
  let dir = directories.get(agencies);
  if (!dir) directories.set(agencies, (dir = new AgencyDirectory([...agencies])));
  return dir;
}

const countings = new WeakMap<AgencyDirectory, (typed: string) => string>();

/** The "Tổng hợp" sheet's counting rule for a directory (counting-spelling.ts), made once. */
export function countingOf(dir: AgencyDirectory): (typed: string) => string {
  let c = countings.get(dir);
  if (!c) countings.set(dir, (c = countingResolver(dir.all())));
  return c;
}

interface Names {
  /** By canonical name (the first of a name): two names one key apart stay apart. */
  byName: Map<string, Agency>;
  /** By canonical name as Excel's "=" compares text (trimmed, any case): the sheet's exact match. */
  bySheetText: Map<string, Agency>;
}
const names = new WeakMap<AgencyDirectory, Names>();

const sheetText = (s: string) => excelTrim(s.normalize("NFC")).toLowerCase();

function namesOf(dir: AgencyDirectory): Names {
  let n = names.get(dir);
  if (!n) {
    n = { byName: new Map(), bySheetText: new Map() };
    for (const a of dir.all()) {
      if (!n.byName.has(a.name)) n.byName.set(a.name, a);
      if (!n.bySheetText.has(sheetText(a.name))) n.bySheetText.set(sheetText(a.name), a);
    }
    names.set(dir, n);
  }
  return n;
}

export class AgencyResolver {
  private readonly answers = new Map<string, AgencyAnswer>();
  /** Name key → spelling an unknown name is listed under (first written wins). */
  private readonly unknownByKey = new Map<string, string>();

  /**
   * @param written names in the order their owner writes them (a workbook's rows): an unknown
   *   name is listed under the first of its spellings here, whatever order the callers ask in.
   */
  constructor(
    readonly directory: AgencyDirectory,
    readonly date: string,
    written: Iterable<string> = []
  ) {
    this.pending = written;
  }

  /** The owner's names, read the first time an unknown name is met (most workbooks have none). */
  private pending: Iterable<string> | null;

  /** The whole answer for `written` (cached per spelling). */
  answer(written: string): AgencyAnswer {
    let a = this.answers.get(written);
    if (!a) this.answers.set(written, (a = this.compute(written)));
    return a;
  }

  /** The directory agency `written` names (before successors), undefined when unknown. */
  named(written: string): Agency | undefined {
    const a = this.answer(written);
    return a.kind === "agency" || a.kind === "collective" ? a.named : undefined;
  }

  /** The agency answering for `written` on the date (successors followed); undefined if unknown. */
  agencyOf(written: string): Agency | undefined {
    const a = this.answer(written);
    return a.kind === "agency" || a.kind === "collective" ? a.agency : undefined;
  }

  /**
   * The one name to count and report `written` under: the agency answering on the date (a
   * collective's own name), or the listed spelling of an unknown or vague name.
   */
  nameOf(written: string): string {
    const a = this.answer(written);
    return a.kind === "nobody" ? this.unknownLabel(written) : a.name;
  }

  /**
   * The name a cell naming `written` is rewritten to (rows built, rolled over): the agency
   * answering on the date; a name the directory does not know stays as typed.
   */
  renamed(written: string): string {
    return this.agencyOf(written)?.name ?? written;
  }

  /** The members of `written` on the date when it is a collective; [] otherwise or when none. */
  membersOf(written: string): string[] {
    const a = this.answer(written);
    return a.kind === "collective" ? a.members : [];
  }

  /** Whether `written` names a collective (whatever its members). */
  isCollective(written: string): boolean {
    return this.answer(written).kind === "collective";
  }

  /**
   * The agencies that report for `written` (distribute's rule): one agency, each member of a
   * collective, nobody for a vague phrase or a collective without members.
   */
  reportersOf(written: string): string[] {
    const a = this.answer(written);
    if (a.kind === "nobody") return [];
    if (a.kind === "collective") return a.members;
    return [a.name];
  }

  private compute(written: string): AgencyAnswer {
    if (namesNoAgency(written)) return { kind: "nobody" };
    const dir = this.directory;
    // The sheet's rule: its exact name first, so of two agencies one key apart ("Báo Lâm
    // Đồng", "Bảo Lâm Đồng") each keeps its own; then the name keys; then a counting spelling
    // that fits ("Ðài …" with U+00D0), as "Tổng hợp" counts it.
    const nfc = written.normalize("NFC");
    const { byName, bySheetText } = namesOf(dir);
    // The counting patterns (costly to build) only for a name no key finds: a typo.
    const named =
      bySheetText.get(sheetText(nfc)) ?? dir.get(nfc) ?? byName.get(countingOf(dir)(nfc));
    if (!named) return { kind: "unknown", name: this.unknownLabel(written) };
    const agency = this.successorOf(named, byName);
    if (agency.collective || named.collective) {
      // Members of the collective as named: its chain forward is in (membersOn).
      const members = dir.membersOn(named.name, this.date).map((m) => m.name);
      return { kind: "collective", name: agency.name, agency, named, members };
    }
    return { kind: "agency", name: agency.name, agency, named };
  }

  /** Follows successor links whose date has come (Sở TT&TT → Sở KH&CN from 2025-03-01). */
  private successorOf(named: Agency, byName: Map<string, Agency>): Agency {
    let current = named;
    const seen = new Set<string>();
    while (
      current.successor &&
      current.successor.effective <= this.date &&
      !seen.has(current.name)
    ) {
      seen.add(current.name);
      const next = byName.get(current.successor.name) ?? this.directory.get(current.successor.name);
      if (!next) break;
      current = next;
    }
    return current;
  }

  private unknownLabel(written: string): string {
    if (this.pending) {
      const names = this.pending;
      this.pending = null;
      const seen = new Set<string>();
      for (const w of names) {
        if (seen.has(w)) continue;
        seen.add(w);
        this.unknownLabel(w);
      }
    }
    const label = written.normalize("NFC").trim();
    const key = nameKey(label) || label;
    const had = this.unknownByKey.get(key);
    if (had !== undefined) return had;
    this.unknownByKey.set(key, label);
    return label;
  }
}

/** A resolver over an agency list or a directory, on `date` (see AgencyResolver). */
export function resolverOn(
  agencies: readonly Agency[] | AgencyDirectory,
  date: string,
  written: Iterable<string> = []
): AgencyResolver {
  const dir = agencies instanceof AgencyDirectory ? agencies : directoryOf(agencies);
  return new AgencyResolver(dir, date, written);
}

/** What a workbook brings: its directory and, in sheet order, the names its rows write. */
export interface NamedRows {
  readonly agencies: readonly Agency[];
  readonly rows: ReadonlyArray<{
    readonly lead: string;
    readonly allLeads: readonly string[];
    readonly partners: readonly string[];
  }>;
}

const byWorkbook = new WeakMap<NamedRows, Map<string, AgencyResolver>>();

/** The names a workbook writes, in sheet order (lead, the task's leads, then partners). */
export function* writtenNames(wb: NamedRows): Generator<string> {
  for (const r of wb.rows) {
    if (r.lead) yield r.lead;
    yield* r.allLeads;
    yield* r.partners;
  }
}

/**
 * The resolver of a workbook on `date`, made once per workbook and date: its own "Đơn vị"
 * (directoryOf), unknown names listed under the spelling the sheet writes first.
 */
export function workbookAgencies(wb: NamedRows, date: string): AgencyResolver {
  let perDate = byWorkbook.get(wb);
  if (!perDate) byWorkbook.set(wb, (perDate = new Map()));
  let r = perDate.get(date);
  if (!r) perDate.set(date, (r = resolverOn(wb.agencies, date, writtenNames(wb))));
  return r;
}
