/**
 * Consolidation, step 2 — which master row each accepted file's rows report: lead rows matched
 * among the tasks the agency leads (by key, then by text: match-rows.ts), partner rows among the
 * tasks it partners, rows the officer confirmed by hand. Per task the newest file wins; two files
 * of one agency saying different things are a conflict; rows matching nothing are listed with
 * their closest task, tasks a file should list but does not are listed as dropped.
 */
import type { ConsolidationReport } from "./consolidation-model";
import { capitalized, placeText } from "../finding-place";
import { foldVietnamese } from "../text/fold";
import { CONTRIBUTION_COLUMNS, SHEETS, TASK_COLUMNS } from "../workbook/columns";
import type { TrackingRow, TrackingWorkbook } from "../workbook/tracking-model";
import type { ContributionRow } from "./intake-sheet";
import { matchRows, type RowMatch } from "./match-rows";
import type { ReportRow } from "./read-report";
import {
  changedFromBase,
  differs,
  reportedValues,
  typedText,
  type Updated,
} from "./reported-values";
import type { Accepted, ConsolidationAgencies } from "./screen-files";

/** "This row of this file reports that task": the officer's answer to a listed row. */
export interface Confirmation {
  file: string;
  sheet: string;
  row: number;
  key: string;
}

/** The file and row a master row takes its values from, and those values. */
export interface Winner {
  a: Accepted;
  row: ReportRow;
  values: Updated;
}

export type MatchedContribution = ContributionRow & { a: Accepted };

export interface Matched {
  /** By index of the master row. */
  winners: Map<number, Winner>;
  /** By task key and partner agency. */
  contributions: Map<string, MatchedContribution>;
}

/** `report`: conflicts, unmatched and dropped rows are listed in it. */
export function matchReports(
  master: TrackingWorkbook,
  accepted: Accepted[],
  o: { year: number; confirmed?: Confirmation[] },
  { resolve, expected }: ConsolidationAgencies,
  report: ConsolidationReport
): Matched {
  /** Rows the officer confirmed become matches (confidence 1: a person said so). */
  const confirm = (matches: RowMatch[], tasks: TrackingRow[], a: Accepted): RowMatch[] => {
    const mine = (o.confirmed ?? []).filter((c) => c.file === a.file.file);
    if (mine.length === 0) return matches;
    const taken = new Set(matches.filter((m) => m.task).map((m) => m.task!));
    return matches.map((m) => {
      if (m.task) return m;
      const c = mine.find((x) => x.sheet === m.report.sheet && x.row === m.report.row);
      const task = c && tasks.find((t) => t.key === c.key && !taken.has(t));
      if (!task) return m;
      taken.add(task);
      return { report: m.report, task, confidence: 1 };
    });
  };

  const rowIndex = new Map(master.rows.map((r, i) => [r, i]));
  const byLead = new Map<string, TrackingRow[]>();
  for (const r of master.rows) {
    const [lead, ...more] = r.key && r.lead ? resolve(r.lead) : [];
    if (lead === undefined || more.length > 0) continue;
    const list = byLead.get(lead);
    if (list) list.push(r);
    else byLead.set(lead, [r]);
  }
  const leadRowsOf = (agency: string) => byLead.get(agency) ?? [];
  const winners = new Map<number, { a: Accepted; row: ReportRow; values: Updated }>();
  const contributions = new Map<string, ContributionRow & { a: Accepted }>();

  for (const a of accepted) {
    const assignment = expected.get(a.agency)!;
    const lead = a.read.rows.filter((r) => r.kind === "lead");
    const partner = a.read.rows.filter((r) => r.kind === "partner");
    // Any of the agency's rows may be reported (a task not due this year too); a row whose
    // lead resolves to the agency is a candidate.
    let leadMatches = confirm(matchRows(lead, leadRowsOf(a.agency)), leadRowsOf(a.agency), a);
    const partnerMatches = confirm(matchRows(partner, assignment.partner), assignment.partner, a);
    if (!a.read.identity && assignment.partner.length) {
      // An agency's own table may list the tasks it partners among its own: rows no lead task
      // took are tried on those ("Nội dung phối hợp" lands in "Phối hợp báo cáo").
      const rest = leadMatches.filter((m) => !m.task && hasValues(m.report)).map((m) => m.report);
      const asPartner = matchRows(
        rest.map((r) => ({ ...r, kind: "partner" as const })),
        assignment.partner
      ).filter((m) => m.task);
      const taken = new Set(asPartner.map((m) => `${m.report.sheet}!${m.report.row}`));
      leadMatches = leadMatches.filter((m) => !taken.has(`${m.report.sheet}!${m.report.row}`));
      partnerMatches.push(...asPartner);
    }
    let minConfidence = 1;
    for (const m of [...leadMatches, ...partnerMatches]) {
      if (!m.task) {
        if (hasValues(m.report)) a.filled = true;
        if (!hasValues(m.report) && !a.read.identity) continue; // a group heading, an empty line
        keepOutside(a, m.report);
        report.unmatched.push({
          file: a.file.file,
          sheet: m.report.sheet,
          row: m.report.row,
          text: m.report.title || m.report.key,
          ...(m.candidate
            ? {
                candidate: {
                  key: m.candidate.task.key,
                  title: m.candidate.task.title,
                  confidence: m.candidate.confidence,
                },
              }
            : {}),
        });
        continue;
      }
      a.received.matched++;
      a.matchedTasks.add(`${m.report.kind}\u0000${m.task.key}\u0000${m.task.lead}`);
      minConfidence = Math.min(minConfidence, m.confidence);
      if (m.report.kind === "partner") {
        const contribution = typedText(m.report.values.contribution ?? m.report.values.result);
        const evidence = typedText(m.report.values.evidence);
        const id = `${m.task.key}\u0000${a.agency}`;
        const prev = contributions.get(id);
        if (!contribution && !evidence) continue;
        a.filled = true;
        if (prev) {
          if (prev.contribution !== contribution || prev.evidence !== evidence)
            addConflict(report, a.agency, m.task.key, prev.a.file.file, a.file.file);
          continue;
        }
        contributions.set(id, {
          a,
          year: o.year,
          key: m.task.key,
          title: m.task.title,
          lead: leadLine(expected.get(a.agency)?.leadsOf[m.task.key] ?? [], m.task),
          agency: a.agency,
          contribution,
          evidence,
          file: a.file.file,
        });
        continue;
      }
      const idx = rowIndex.get(m.task)!;
      const values = reportedValues(m.report, a, o.year);
      if (changedFromBase(values, a.read.identity?.base?.[m.task.key])) a.filled = true;
      const prev = winners.get(idx);
      if (prev) {
        if (prev.a.agency === a.agency && differs(prev.values, values))
          addConflict(report, a.agency, m.task.key, prev.a.file.file, a.file.file);
        continue;
      }
      winners.set(idx, { a, row: m.report, values });
    }
    // Headers: the weakest merged row says how sure the file's matching is (0: nothing merged).
    a.received.confidence = a.read.identity
      ? 1
      : a.received.matched === 0
        ? 0
        : Math.round(minConfidence * 100) / 100;
    // Tasks the agency had to report that this file does not list.
    const listed = new Set(leadMatches.filter((m) => m.task).map((m) => m.task!));
    const reportedAll = new Set(
      a.read.identity ? a.read.identity.leadKeys : assignment.lead.map((r) => r.key)
    );
    for (const t of assignment.lead)
      if (!listed.has(t) && reportedAll.has(t.key) && lead.length > 0)
        report.dropped.push({ file: a.file.file, agency: a.agency, key: t.key });
  }
  return { winners, contributions };
}

function addConflict(
  report: ConsolidationReport,
  agency: string,
  key: string,
  kept: string,
  other: string
) {
  const c = report.conflicts.find((x) => x.agency === agency && x.key === key);
  if (c) {
    if (!c.files.includes(other)) c.files.push(other);
  } else report.conflicts.push({ agency, key, files: [kept, other], kept });
}

const hasValues = (r: ReportRow) => Object.keys(r.values).length > 0;

/**
 * A row that reports no task of the master (a task the agency added, another agency's task):
 * not counted, but its words are kept with the agency's line in "Tiếp nhận", and a row the
 * agency added to a distributed file is said as such.
 */
function keepOutside(a: Accepted, r: ReportRow) {
  const place = capitalized(
    placeText({ file: a.file.file, sheet: r.sheet, row: r.row }, { file: true })
  );
  const words = [
    r.stt && `STT ${r.stt}`,
    r.key && `${TASK_COLUMNS.key} ${r.key}`,
    r.title && `"${r.title}"`,
    ...Object.entries(r.values).map(
      ([f, v]) =>
        `${f in TASK_COLUMNS ? TASK_COLUMNS[f as keyof typeof TASK_COLUMNS] : CONTRIBUTION_COLUMNS.contribution}: ${typedText(v)}`
    ),
  ].filter(Boolean);
  if (words.length === 0) return;
  a.outside.push(`${place}: dòng không khớp nhiệm vụ nào (${words.join("; ")})`);
  if (a.read.identity && !r.key && r.title)
    a.received.warnings.push(
      `${place}: đơn vị thêm dòng "${r.title}" (không có mã nhiệm vụ, không khớp nhiệm vụ nào ${a.agency} chủ trì hay phối hợp): không tính vào số liệu; đã chép nguyên văn vào trang "${SHEETS.intake}".`
    );
}

/**
 * "Đơn vị chủ trì" of a partner contribution: the lead agencies existing in the year, as the
 * tracking rows and the agency's own file show them, with the plan's wording beside them when
 * it differs ("Văn phòng UBND tỉnh (kế hoạch ghi: Sở Ngoại vụ)").
 */
function leadLine(today: string[], task: TrackingRow): string {
  const planned = task.allLeads.join("; ") || task.lead;
  const now = today.join("; ");
  if (!now) return planned;
  return planned && foldVietnamese(planned) !== foldVietnamese(now)
    ? `${now} (kế hoạch ghi: ${planned})`
    : now;
}
