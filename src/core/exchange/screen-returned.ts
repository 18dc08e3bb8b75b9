/**
 * What a returned file must not be taken for: a tracking workbook (the master, or an earlier
 * consolidated output left in the folder) is not an agency's report, and a distributed file
 * whose hidden identity names another agency than what the officer sees (the "Mã báo cáo"
 * line, the title block, the file name) is set aside: one edited hidden cell would otherwise
 * merge one agency's report into another's rows.
 */
import type { AgencyDirectory } from "../agency/directory";
import { matchAgencyList } from "../agency/match-agencies";
import { foldVietnamese } from "../text/fold";
import { SHEETS } from "../workbook/columns";
import { CHANGE_LOG_SHEET } from "../workbook/change-log-sheet";
import type { TrackingCells } from "../tracking/read-tracking";
import type { TrackingWorkbook } from "../workbook/tracking-model";
import type { AgencyAssignment } from "./distribution-plan";
import type { ReportRead } from "./read-report";

/** Sheets only a tracking workbook has: the names that give it away, or null. */
export function trackingWorkbookSheets(cells: TrackingCells): string[] | null {
  const ours = new Map(
    [
      SHEETS.info,
      SHEETS.tasks,
      SHEETS.agencies,
      SHEETS.summary,
      SHEETS.history,
      SHEETS.intake,
      SHEETS.contributions,
      CHANGE_LOG_SHEET,
    ].map((n) => [foldVietnamese(n), n])
  );
  const names = cells.sheets.map((s) => s.name);
  // The very hidden meta sheet is the workbook's own signature; else two of its sheet names
  // (an agency's own file may well call its one sheet "Nhiệm vụ").
  if (names.some((n) => foldVietnamese(n) === foldVietnamese(SHEETS.meta)))
    return names.filter((n) => ours.has(foldVietnamese(n)));
  const found = names.filter((n) => ours.has(foldVietnamese(n)));
  return found.length >= 2 ? found : null;
}

/** Where each name of a distributed file's sender was read. */
export interface IdentityNames {
  /** The hidden identity sheet. */
  hidden: string;
  /** The visible "Mã báo cáo" line. */
  line?: string;
  /** "Đơn vị: …" / "Đơn vị báo cáo …" in the title block. */
  title?: string;
  /** The agency the file name names. */
  fileName?: string;
}

/**
 * The names a distributed file shows for its sender when one of them is another agency than
 * the hidden identity's, else null. Names compare as the directory resolves them (spelling,
 * abbreviations, successors); a place that names no agency is no witness.
 */
export function identityClash(
  read: ReportRead,
  file: string,
  dir: AgencyDirectory,
  resolve: (name: string) => string[]
): IdentityNames | null {
  const hidden = read.hiddenIdentity?.agency;
  if (!hidden) return null;
  const same = (a: string, b: string) => {
    const [x, y] = [resolve(a), resolve(b)];
    if (x.length && y.length) return x.some((n) => y.includes(n));
    return foldVietnamese(a).trim() === foldVietnamese(b).trim();
  };
  const known = (text: string): string | undefined =>
    matchAgencyList(text, dir).find((r) => r.matched)?.name;
  const names: IdentityNames = { hidden };
  if (read.visibleIdentity) names.line = read.visibleIdentity.agency;
  // "Đơn vị: Sở Y tế" (folding keeps positions, so the name is cut from the line as written).
  const titled = read.titleText
    .map((l) => {
      const label = /^(\s*(?:don vi|co quan)(?: bao cao)?\s*:\s*)\S/.exec(foldVietnamese(l))?.[1];
      return label === undefined ? undefined : l.normalize("NFC").slice(label.length);
    })
    .find((x): x is string => Boolean(x && x.trim()));
  if (titled) names.title = titled.trim();
  const base = file
    .replace(/^.*[\\/]/, "")
    .replace(/\.[a-z0-9]+$/i, "")
    .replace(/[_.]+/g, " ");
  // The file name agrees when it holds the name (a name may itself contain " - "); else the
  // first known agency among its parts is what the officer reads.
  const fromName = squash(base).includes(squash(hidden))
    ? hidden
    : base
        .split(/\s+-\s+|\s*[()[\]]\s*/)
        .map(known)
        .find(Boolean);
  if (fromName) names.fileName = fromName;
  const witnesses = [names.line, names.title, names.fileName].filter((n): n is string =>
    Boolean(n)
  );
  return witnesses.some((n) => !same(n, hidden)) ? names : null;
}

const squash = (s: string) => foldVietnamese(s).replace(/[^a-z0-9]+/g, "");

/** "mã ẩn: Sở Tài chính; dòng “Mã báo cáo”: Sở Y tế; …" for the officer. */
export function identityNamesText(n: IdentityNames): string {
  return [
    `mã ẩn trong tệp: ${n.hidden}`,
    n.line && `dòng “Mã báo cáo”: ${n.line}`,
    n.title && `tiêu đề: ${n.title}`,
    n.fileName && `tên tệp: ${n.fileName}`,
  ]
    .filter(Boolean)
    .join("; ");
}

/** A file whose rows are another agency's tasks: who that is, and how many rows say so. */
export interface RowsOfAnother {
  /** The agencies that have every task of the file. */
  others: string[];
  /** Rows naming a task of the master (by key, else by its exact text). */
  rows: number;
  /** Of those, the tasks of the agency the file names. */
  mine: number;
}

/**
 * A file without identity is taken for the agency its title or name gives; when its task rows
 * (the lead sheet and the partner sheet each) are mostly not that agency's tasks and all of
 * another's, it is another agency's report under the wrong name (a copied file, a name typed wrong): merging it would
 * give the named agency's rows another's results.
 */
export function rowsOfAnother(
  read: ReportRead,
  agency: string,
  master: TrackingWorkbook,
  expected: Map<string, AgencyAssignment>
): RowsOfAnother | null {
  const { keys, byTitle } = masterTasks(master);
  const tasks: { kind: "lead" | "partner"; key: string }[] = [];
  for (const r of read.rows) {
    const key = keys.has(r.key.trim()) ? r.key.trim() : byTitle.get(foldVietnamese(r.title).trim());
    if (key && !tasks.some((t) => t.kind === r.kind && t.key === key))
      tasks.push({ kind: r.kind, key });
  }
  // Two tasks at least: one shared task says nothing of whose file it is.
  if (tasks.length < 2) return null;
  // A row of the lead sheet may be a task the agency partners (its own table lists both); a row
  // of the partner sheet is one it partners.
  const share = (a: AgencyAssignment | undefined) => {
    if (!a) return 0;
    const lead = new Set([...a.lead, ...a.partner].map((r) => r.key));
    const partner = new Set(a.partner.map((r) => r.key));
    return tasks.filter((t) => (t.kind === "lead" ? lead : partner).has(t.key)).length;
  };
  const mine = share(expected.get(agency));
  if (mine * 2 > tasks.length) return null;
  // Whose they are: the agencies that have every one of them (several where the plan gives
  // the same tasks to many); none, and nobody can say the file is another's.
  const others = [...expected.values()]
    .filter((a) => a.agency !== agency && share(a) === tasks.length)
    .map((a) => a.agency);
  return others.length ? { others, rows: tasks.length, mine } : null;
}

/**
 * The master's task keys, and each key by its folded task text: made once per master, not once
 * per returned file (60 files without identity against 18,000 rows folded every title 60 times).
 */
const tasksOf = new WeakMap<
  TrackingWorkbook,
  { keys: Set<string>; byTitle: Map<string, string> }
>();

function masterTasks(master: TrackingWorkbook) {
  let t = tasksOf.get(master);
  if (!t) {
    const keys = new Set(master.rows.map((r) => r.key).filter(Boolean));
    const byTitle = new Map<string, string>();
    for (const r of master.rows) if (r.key) byTitle.set(foldVietnamese(r.title).trim(), r.key);
    tasksOf.set(master, (t = { keys, byTitle }));
  }
  return t;
}
