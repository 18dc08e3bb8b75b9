/**
 * The November job in core: the master tracking workbook + the workbooks agencies sent back →
 * the master's rows updated for the year, the cell changes (each with the file it came from,
 * for "Nhật ký sửa" / the add-in's undo), "Tiếp nhận" lines and the coverage report.
 *
 * Rules: merge per (task, lead agency) of the year. Among files of one agency the newest wins
 * per task (the file's own report date, then its modification time); files older than what an
 * earlier consolidation merged for that agency are refused. A report's empty cell never clears
 * a value; only the tracked columns change (the master's other columns are the coordinating
 * officer's). Running again with the same files changes nothing (idempotent).
 */
import { workbookAgencies } from "../agency/resolve-agency";
import { foldVietnamese } from "../text/fold";
import { capitalized, placeText } from "../finding-place";
import { sheetStatus } from "../tracking/derive-status";
import type { CellChange, ChangeValue } from "../tracking/changes";
import { normalizeDate, normalizeProgress, normalizeStatus } from "../tracking/normalize-input";
import { cellText } from "../tracking/raw-cell";
import { workbookRollup } from "../tracking/workbook-rollup";
import {
  TRACKED_COLUMNS,
  type TrackedColumnId,
  type TrackingRow,
  type TrackingWorkbook,
} from "../workbook/tracking-model";
import { INTAKE_OUTCOMES, SHEETS, TASK_COLUMNS } from "../workbook/columns";
import { trackedCells } from "../workbook/from-tracking";
import type {
  ConsolidationReport,
  Received,
  Rejected,
  RejectCode,
  ReturnedFile,
} from "./consolidation-model";
import { distribution, type AgencyAssignment } from "./distribution-plan";
import type { ContributionRow, IntakeRow } from "./intake-sheet";
import { matchRows, type RowMatch } from "./match-rows";
import { readReport, type ReportRead, type ReportRow } from "./read-report";
import { reportAgency } from "./report-agency";
import type { BaselineRow } from "./baseline-sheet";
import {
  fingerprint,
  printsOf,
  rowTexts,
  type TrackedPrints,
  type TrackedTexts,
} from "./tracked-values";
import { identityClash, identityNamesText, trackingWorkbookSheets } from "./screen-returned";
import { formatViDate, localDateTime, yearEnd } from "../text/dates";

export interface ConsolidateOptions {
  year: number;
  /** ISO report date of the rollup ("as of"). */
  date: string;
  /** Local time of this consolidation, "2026-11-25 14:03" (core reads no clock). */
  consolidatedAt: string;
  /** "Tiếp nhận" lines already in the master (earlier consolidations). */
  previousIntake: IntakeRow[];
  previousContributions: ContributionRow[];
  /** Rows the officer confirmed by hand (below the threshold): merged into the task named. */
  confirmed?: Confirmation[];
  /** The master's values as the last consolidation left them ("_phuluc_tonghop"). */
  baseline?: BaselineRow[];
  /**
   * A value the coordinator typed in the master since the last consolidation (or since the
   * file was distributed) that a file reports otherwise: whose to keep. Default "master"; the
   * conflict is listed either way. `choices` decide single cells (the pane).
   */
  prefer?: "agency" | "master";
  choices?: ConflictChoice[];
}

/** The officer's answer to one listed master conflict. */
export interface ConflictChoice {
  key: string;
  lead: string;
  column: TrackedColumnId;
  take: "agency" | "master";
}

/** "This row of this file reports that task": the officer's answer to a listed row. */
export interface Confirmation {
  file: string;
  sheet: string;
  row: number;
  key: string;
}

export interface ConsolidateResult {
  workbook: TrackingWorkbook;
  changes: CellChange[];
  report: ConsolidationReport;
  /** Every "Tiếp nhận" line: other years kept, this year's replaced. */
  intake: IntakeRow[];
  contributions: ContributionRow[];
  /** "_phuluc_tonghop" lines: other years kept, this year's as the master now holds them. */
  baseline: BaselineRow[];
}

interface Accepted {
  file: ReturnedFile;
  read: ReportRead;
  agency: string;
  received: Received;
  /** Sort key: newest first. */
  recency: [string, number];
  /** Something in the file differs from what was distributed (or, without that, any value). */
  filled: boolean;
}

const planKey = (s: string) => foldVietnamese(s).replace(/\s+/g, "");

export function consolidate(
  master: TrackingWorkbook,
  files: ReturnedFile[],
  o: ConsolidateOptions
): ConsolidateResult {
  const agencies = workbookAgencies(master, yearEnd(o.year));
  const dir = agencies.directory;
  const resolve = (name: string) => agencies.reportersOf(name);
  const { agencies: plan, unassigned } = distribution(master, o.year);
  const expected = new Map(plan.map((a) => [a.agency, a]));
  const expectedNames = new Set(expected.keys());
  const rejected: Rejected[] = [];
  const accepted: Accepted[] = [];
  const previousDate = new Map<string, string>();
  const previousLine = new Map<string, IntakeRow>();
  for (const p of o.previousIntake) {
    if (p.year !== o.year || p.outcome !== INTAKE_OUTCOMES.received) continue;
    if (p.reportDate) previousDate.set(p.agency, p.reportDate);
    previousLine.set(p.agency, p);
  }

  const reject = (file: string, code: RejectCode, message: string, agency?: string) =>
    rejected.push({ file, code, message, ...(agency ? { agency } : {}) });

  for (const f of files) {
    const base = f.file.replace(/^.*[\\/]/, "");
    if (base.startsWith("~$")) {
      reject(
        f.file,
        "LOCK_FILE",
        `Tệp "${f.file}" là tệp khoá tạm của Excel (tệp đang mở), không phải báo cáo: bỏ qua. Hãy đóng Excel rồi dùng tệp gốc.`
      );
      continue;
    }
    if (f.error || !f.cells) {
      const code = (
        ["CORRUPT", "LEGACY_XLS", "ENCRYPTED"].includes(f.error?.code ?? "")
          ? f.error!.code
          : "UNREADABLE"
      ) as RejectCode;
      reject(f.file, code, f.error?.message ?? `Tệp "${f.file}" không đọc được.`);
      continue;
    }
    const tracking = trackingWorkbookSheets(f.cells);
    if (tracking) {
      reject(
        f.file,
        "TRACKING_WORKBOOK",
        `Tệp "${f.file}" là một sổ theo dõi (có các trang ${tracking.map((n) => `"${n}"`).join(", ")}), không phải báo cáo của một đơn vị: không tổng hợp. Nếu đó là bản tổng hợp lần trước, hãy mở nó làm sổ theo dõi thay vì để trong thư mục báo cáo.`
      );
      continue;
    }
    const read = readReport(f.cells, f.file);
    const id = read.identity;
    if (!id && read.rows.length === 0) {
      reject(
        f.file,
        "NOT_A_REPORT",
        `Tệp "${f.file}" không có bảng nhiệm vụ: cần một cột nội dung nhiệm vụ ("Nhiệm vụ", "Nội dung") và ít nhất một cột kết quả ("Trạng thái", "Kết quả thực hiện"…).`
      );
      continue;
    }
    const masterPlan = master.plan.number ?? "";
    const filePlan = id?.planNumber || planInText(read.titleText);
    if (filePlan && masterPlan && planKey(filePlan) !== planKey(masterPlan)) {
      reject(
        f.file,
        "OTHER_PLAN",
        `Tệp "${f.file}" là báo cáo của Kế hoạch ${filePlan}, không phải Kế hoạch ${masterPlan} của sổ này.`
      );
      continue;
    }
    const fileYear = id?.year ?? yearInText(read.titleText, o.year);
    if (fileYear !== null && fileYear !== o.year) {
      reject(
        f.file,
        "OTHER_YEAR",
        `Tệp "${f.file}" là báo cáo năm ${fileYear}, không phải năm ${o.year} đang tổng hợp.`
      );
      continue;
    }
    const clash = identityClash(read, f.file, dir, resolve);
    if (clash) {
      // Set aside for the officer: whichever name is right, merging would put one agency's
      // values into another's rows. The visible names say whose file the officer holds.
      const shown = [clash.line, clash.title, clash.fileName]
        .map((n) => (n ? resolve(n) : []))
        .find((r) => r.length === 1)?.[0];
      reject(
        f.file,
        "IDENTITY_MISMATCH",
        `Tệp "${f.file}" ghi tên đơn vị không khớp nhau (${identityNamesText(clash)}): để riêng, không tổng hợp. Hãy hỏi lại đơn vị gửi tệp đúng của mình.`,
        shown && expected.has(shown) ? shown : undefined
      );
      continue;
    }
    const found = reportAgency(read, f.file, dir, resolve, expectedNames);
    if (!found) {
      reject(
        f.file,
        "UNKNOWN_AGENCY",
        `Tệp "${f.file}": không xác định được đơn vị gửi (không có mã báo cáo, tiêu đề, tên tệp hay cột đơn vị chủ trì nêu một đơn vị trong danh mục "${SHEETS.agencies}"). Hãy ghi tên đơn vị ở đầu trang hoặc trong tên tệp.`
      );
      continue;
    }
    if (!found.known) {
      reject(
        f.file,
        "UNKNOWN_AGENCY",
        `Tệp "${f.file}" ghi đơn vị "${found.agency}", không có trong danh mục "${SHEETS.agencies}" của sổ.`
      );
      continue;
    }
    if (!expected.has(found.agency)) {
      reject(
        f.file,
        "AGENCY_NOT_IN_PLAN",
        `Tệp "${f.file}" của ${found.agency}: đơn vị này không chủ trì hay phối hợp nhiệm vụ nào của năm ${o.year} trong sổ.`,
        found.agency
      );
      continue;
    }
    const before = previousDate.get(found.agency);
    if (before && read.reportDate && read.reportDate < before) {
      reject(
        f.file,
        "OLDER_THAN_MERGED",
        `Tệp "${f.file}" của ${found.agency} đề ngày ${vi(read.reportDate)}, cũ hơn báo cáo ngày ${vi(before)} đã tổng hợp trước đây: không dùng.`,
        found.agency
      );
      continue;
    }
    const merged = previousLine.get(found.agency);
    const edited = f.mtime ? localStamp(f.mtime) : "";
    if (
      !read.reportDate &&
      merged &&
      edited &&
      merged.consolidatedAt &&
      edited < merged.consolidatedAt &&
      !merged.file.split("; ").includes(f.file)
    ) {
      // Undated, and last saved before a consolidation that took another file of this agency:
      // that file was the newer report; this one would put older values back over it.
      reject(
        f.file,
        "OLDER_THAN_MERGED",
        `Tệp "${f.file}" của ${found.agency} không ghi ngày báo cáo và được lưu lần cuối lúc ${stampVi(edited)}, trước lần tổng hợp ${stampVi(merged.consolidatedAt)} đã dùng tệp "${merged.file}": không dùng. Nếu đây là báo cáo mới, hãy ghi "Ngày báo cáo" trong tệp rồi tổng hợp lại.`,
        found.agency
      );
      continue;
    }
    accepted.push({
      file: f,
      read,
      agency: found.agency,
      recency: [read.reportDate ?? "", f.mtime ?? 0],
      filled: false,
      received: {
        file: f.file,
        agency: found.agency,
        agencyFrom: found.from,
        rows: read.rows.length,
        matched: 0,
        method: id ? "identity" : "headers",
        confidence: 1,
        reportDate: read.reportDate,
        warnings: [...read.warnings],
        ignoredColumns: read.ignoredColumns,
        empty: false,
      },
    });
  }

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

  // Newest first: the first file to report a task wins it.
  accepted.sort((a, b) =>
    a.recency[0] !== b.recency[0]
      ? a.recency[0] < b.recency[0]
        ? 1
        : -1
      : b.recency[1] - a.recency[1]
  );

  const report: ConsolidationReport = {
    received: [],
    missing: [],
    unassigned,
    rejected,
    conflicts: [],
    masterConflicts: [],
    unmatched: [],
    dropped: [],
    rollup: undefined as unknown as ConsolidationReport["rollup"],
  };
  const rowIndex = new Map(master.rows.map((r, i) => [r, i]));
  const byLead = new Map<string, TrackingRow[]>();
  for (const r of master.rows) {
    const leads = r.key && r.lead ? resolve(r.lead) : [];
    if (leads.length !== 1) continue;
    const list = byLead.get(leads[0]);
    if (list) list.push(r);
    else byLead.set(leads[0], [r]);
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

  // Apply the winners, collecting every cell that changes.
  const rows = master.rows.slice();
  const changes: CellChange[] = [];
  const snapshot = new Map(
    (o.baseline ?? []).filter((b) => b.year === o.year).map((b) => [`${b.key}\u0000${b.lead}`, b])
  );
  for (const [idx, w] of [...winners.entries()].sort((x, y) => x[0] - y[0])) {
    const before = rows[idx];
    const values = keepReadable(before, w.values);
    keepTyped(before, values, w, snapshot.get(`${before.key}\u0000${before.lead}`), o, report);
    const after = applyValues(before, values);
    rows[idx] = after;
    const reason = `Báo cáo của ${w.a.agency} (tệp "${w.a.file.file}"${w.a.read.reportDate ? `, ngày ${vi(w.a.read.reportDate)}` : ""}, dòng ${w.row.row})`;
    changes.push(...cellChanges(master.taskSheet || SHEETS.tasks, before, after, reason));
    w.a.received.warnings.push(...values.warnings);
  }
  const workbook: TrackingWorkbook = { ...master, rows, reportYear: master.reportYear ?? o.year };

  for (const a of accepted) a.received.empty = !a.filled;
  report.received = accepted.map((a) => a.received);
  // An agency whose files all came back with nothing filled in has not reported.
  const receivedAgencies = new Set(accepted.filter((a) => a.filled).map((a) => a.agency));
  // Missing: no report in this run nor in an earlier consolidation of the year.
  report.missing = plan
    .filter((p) => !receivedAgencies.has(p.agency) && !previousLine.has(p.agency))
    .map((p) => {
      const empty = accepted.filter((a) => a.agency === p.agency).map((a) => a.file.file);
      return {
        agency: p.agency,
        tasks: p.lead.length,
        partnerTasks: p.partner.length,
        ...(empty.length ? { emptyFiles: empty } : {}),
      };
    });
  // As `phuluc rollup --json` counts (names in another spelling count as their agency).
  report.rollup = workbookRollup(workbook, o.year, o.date);

  return {
    workbook,
    changes,
    report,
    intake: [
      ...o.previousIntake.filter((r) => r.year !== o.year),
      ...intakeLines(plan, accepted, rejected, o),
    ],
    baseline: [
      ...(o.baseline ?? []).filter((b) => b.year !== o.year),
      ...rows
        .filter((r) => r.key)
        .map(
          (r): BaselineRow => ({
            year: o.year,
            key: r.key,
            lead: r.lead,
            at: o.consolidatedAt,
            prints: printsOf(rowTexts(r)),
          })
        ),
    ],
    contributions: [
      ...o.previousContributions.filter(
        (c) => !(c.year === o.year && contributions.has(`${c.key}\u0000${c.agency}`))
      ),
      ...[...contributions.values()].map(({ a: _a, ...c }) => c),
    ],
  };
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

function intakeLines(
  plan: AgencyAssignment[],
  accepted: Accepted[],
  rejected: Rejected[],
  o: ConsolidateOptions
): IntakeRow[] {
  return plan.map((p): IntakeRow => {
    const mine = accepted.filter((a) => a.agency === p.agency);
    const earlierReceived = o.previousIntake.find(
      (r) => r.year === o.year && r.agency === p.agency && r.outcome === INTAKE_OUTCOMES.received
    );
    if (mine.length && (mine.some((a) => a.filled) || !earlierReceived))
      return {
        year: o.year,
        agency: p.agency,
        file: mine.map((a) => a.file.file).join("; "),
        reportDate: mine.map((a) => a.read.reportDate).find(Boolean) ?? null,
        matchedRows: mine.reduce((n, a) => n + a.received.matched, 0),
        outcome: mine.some((a) => a.filled)
          ? INTAKE_OUTCOMES.received
          : INTAKE_OUTCOMES.receivedEmpty,
        consolidatedAt: o.consolidatedAt,
      };
    // Received in an earlier consolidation and nothing newer now: still received. Forgetting
    // it listed the agency as "not reported" on the province's report and dropped the date that
    // guards against its older files.
    const earlier =
      earlierReceived ??
      o.previousIntake.find(
        (r) =>
          r.year === o.year && r.agency === p.agency && r.outcome === INTAKE_OUTCOMES.receivedEmpty
      );
    if (earlier) return earlier;
    const refused = rejected.filter((r) => r.agency === p.agency);
    return {
      year: o.year,
      agency: p.agency,
      file: refused.map((r) => r.file).join("; "),
      reportDate: null,
      matchedRows: 0,
      outcome: refused.length ? INTAKE_OUTCOMES.rejected : INTAKE_OUTCOMES.missing,
      consolidatedAt: o.consolidatedAt,
    };
  });
}

/** A report row's values as the master will hold them. */
interface Updated {
  status?: { typed: string; value: TrackingRow["status"] };
  completedOn?: { iso: string | null; typed: string };
  updatedOn?: { iso: string | null; typed: string };
  progress?: { value: number | null; typed: string };
  result?: string;
  evidence?: string;
  difficulties?: string;
  proposals?: string;
  warnings: string[];
  /** Values the file holds that are not a status / date / percentage: where and what. */
  unreadable: {
    id: "status" | "completedOn" | "updatedOn" | "progress";
    where: string;
    text: string;
  }[];
}

const UNREADABLE = {
  status: "không thuộc danh sách trạng thái",
  completedOn: "không phải ngày đủ ngày/tháng/năm",
  updatedOn: "không phải ngày đủ ngày/tháng/năm",
  progress: "không phải số phần trăm",
} as const;

/**
 * An unreadable value ("Hoan thnah", "31/11/2026", "gần xong") is written as typed only into an
 * empty cell, for the officer to see; it never replaces a status, date or percentage the master
 * already counts: a newer report's typo must not take a task out of the figures.
 */
function keepReadable(before: TrackingRow, u: Updated): Updated {
  const out: Updated = { ...u, warnings: [...u.warnings] };
  for (const { id, where, text } of u.unreadable) {
    const kept = id === "progress" ? before.progress : before[id];
    if (kept === null || kept === undefined) {
      out.warnings.push(
        `${where}: "${TASK_COLUMNS[id]}" = "${text}" ${UNREADABLE[id]}; đã ghi nguyên chữ vào ô đang trống để sửa.`
      );
      continue;
    }
    delete out[id];
    const shown =
      id === "completedOn" || id === "updatedOn"
        ? vi(String(kept))
        : before.typed[id] || String(kept);
    out.warnings.push(
      `${where}: "${TASK_COLUMNS[id]}" = "${text}" ${UNREADABLE[id]}; giữ giá trị đã có "${shown}".`
    );
  }
  return out;
}

function reportedValues(r: ReportRow, a: Accepted, year: number): Updated {
  const v = r.values;
  const out: Updated = { warnings: [], unreadable: [] };
  const where = capitalized(
    placeText({ file: a.file.file, sheet: r.sheet, row: r.row }, { file: true })
  );
  if (v.status !== undefined) {
    const s = normalizeStatus(v.status);
    if (s.value) out.status = { typed: s.value, value: s.value };
    else if (s.text) {
      out.status = { typed: s.text, value: sheetStatus(s.text) };
      out.unreadable.push({ id: "status", where, text: s.text });
    }
  }
  for (const id of ["completedOn", "updatedOn"] as const) {
    if (v[id] === undefined) continue;
    const d = normalizeDate(v[id], { year });
    if (d.value) {
      out[id] = { iso: d.value, typed: d.value };
      if (d.yearAssumed)
        out.warnings.push(
          `${where}: ngày "${d.text}" không ghi năm: hiểu là ${vi(d.value)} (năm báo cáo ${year}).`
        );
      const reported = a.read.reportDate;
      if (id === "completedOn" && reported && d.value > reported)
        out.warnings.push(
          `${where}: ngày hoàn thành ${vi(d.value)} sau ngày báo cáo ${vi(reported)} của tệp: kiểm tra lại (dòng này chưa được tính là hoàn thành đến ngày đó).`
        );
    } else if (d.text) {
      out[id] = { iso: null, typed: d.text };
      out.unreadable.push({ id, where, text: d.text });
    }
  }
  if (v.progress !== undefined) {
    const p = normalizeProgress(v.progress);
    if (p.value !== null) out.progress = { value: p.value, typed: String(p.value) };
    else if (p.text) {
      out.progress = { value: null, typed: p.text };
      out.unreadable.push({ id: "progress", where, text: p.text });
    }
  }
  for (const id of ["result", "evidence", "difficulties", "proposals"] as const) {
    const t = typedText(v[id]);
    if (t) out[id] = t;
  }
  // "Nội dung phối hợp" filled on a task the agency leads: its text is what was done.
  const contribution = typedText(v.contribution);
  if (contribution) out.result = out.result ? `${out.result}\n${contribution}` : contribution;
  return out;
}

/** The reported values in comparable form; a column the file left empty is absent. */
function updatedTexts(u: Updated): Partial<TrackedTexts> {
  const out: Partial<TrackedTexts> = {};
  if (u.status) out.status = u.status.value ?? u.status.typed;
  if (u.completedOn) out.completedOn = u.completedOn.iso ?? u.completedOn.typed;
  if (u.updatedOn) out.updatedOn = u.updatedOn.iso ?? u.updatedOn.typed;
  if (u.progress)
    out.progress = u.progress.value !== null ? String(u.progress.value) : u.progress.typed;
  for (const id of ["result", "evidence", "difficulties", "proposals"] as const)
    if (u[id] !== undefined) out[id] = u[id]!;
  for (const id of Object.keys(out) as TrackedColumnId[])
    out[id] = out[id]!.normalize("NFC").trim();
  return out;
}

/** A lead row reports something: a value differing from what was distributed (any value without that). */
function changedFromBase(u: Updated, base: TrackedPrints | undefined): boolean {
  const t = updatedTexts(u);
  if (!base) return Object.values(t).some((v) => v !== "");
  return TRACKED_COLUMNS.some((id) => fingerprint(t[id] ?? "") !== (base[id] ?? ""));
}

/**
 * Cells the coordinator typed since the baseline (the last consolidation, or the file's own
 * distribution when that is later) that the file reports otherwise: listed as conflicts; the
 * master's value stays unless the officer chose the agency's (`prefer`, `choices`). Without any
 * baseline, a value already in the master counts as typed.
 */
function keepTyped(
  before: TrackingRow,
  values: Updated,
  w: { a: Accepted; row: ReportRow },
  snapshot: BaselineRow | undefined,
  o: ConsolidateOptions,
  report: ConsolidationReport
) {
  const id = w.a.read.identity;
  const fileBase = id?.base?.[before.key];
  // The file's own base only when it was distributed on a later day than the snapshot (a
  // same-day file was most likely made before it: its base would call merged values typed).
  const base =
    fileBase && (!snapshot || (id?.generatedOn ?? "") > snapshot.at.slice(0, 10))
      ? fileBase
      : snapshot?.prints;
  const now = rowTexts(before);
  const reported = updatedTexts(values);
  for (const col of Object.keys(reported) as TrackedColumnId[]) {
    const theirs = reported[col]!;
    if (theirs === "" || theirs === now[col]) continue;
    const typedSince = base ? fingerprint(now[col]) !== (base[col] ?? "") : now[col] !== "";
    if (!typedSince) continue;
    const choice = o.choices?.find(
      (c) => c.key === before.key && c.lead === before.lead && c.column === col
    );
    const take = choice?.take ?? o.prefer ?? "master";
    report.masterConflicts.push({
      agency: w.a.agency,
      key: before.key,
      lead: before.lead,
      column: col,
      header: TASK_COLUMNS[col],
      master: now[col],
      reported: theirs,
      file: w.a.file.file,
      kept: take,
    });
    if (take === "master") delete values[col];
  }
}

/** Officers' text in NFC: text typed on a Mac or pasted from a PDF comes as NFD, which Excel's
 * filter and SEARCH (and the next consolidation's comparison) treat as different words. */
const typedText = (raw: unknown) => cellText(raw).normalize("NFC");

const hasValues = (r: ReportRow) => Object.keys(r.values).length > 0;

function differs(a: Updated, b: Updated): boolean {
  const strip = ({ warnings: _w, unreadable: _u, ...rest }: Updated) => JSON.stringify(rest);
  return strip(a) !== strip(b);
}

function applyValues(row: TrackingRow, u: Updated): TrackingRow {
  const next: TrackingRow = { ...row, typed: { ...row.typed } };
  if (u.status) {
    next.status = u.status.value;
    next.typed.status = u.status.typed;
  }
  if (u.completedOn) {
    next.completedOn = u.completedOn.iso;
    next.typed.completedOn = u.completedOn.typed;
  }
  if (u.updatedOn) {
    next.updatedOn = u.updatedOn.iso;
    next.typed.updatedOn = u.updatedOn.typed;
  }
  if (u.progress) {
    next.progress = u.progress.value;
    next.typed.progress = u.progress.typed;
  }
  for (const id of ["result", "evidence", "difficulties", "proposals"] as const)
    if (u[id] !== undefined) next[id] = u[id]!;
  return next;
}

function cellChanges(
  sheet: string,
  before: TrackingRow,
  after: TrackingRow,
  reason: string
): CellChange[] {
  const a = trackedCells(before) as unknown as Record<string, ChangeValue>;
  const b = trackedCells(after) as unknown as Record<string, ChangeValue>;
  const out: CellChange[] = [];
  for (const id of TRACKED_COLUMNS) {
    const address = after.cells[id];
    if (!address || JSON.stringify(a[id] ?? null) === JSON.stringify(b[id] ?? null)) continue;
    out.push({
      sheet,
      row: after.sheetRow,
      column: TASK_COLUMNS[id],
      address,
      before: a[id] ?? null,
      after: b[id] ?? null,
      reason,
      code: "CONSOLIDATE",
    });
  }
  return out;
}

const vi = formatViDate;
/** A file time as "Thời điểm tổng hợp" is written: local "YYYY-MM-DD HH:MM". */
const localStamp = (ms: number) => localDateTime(new Date(ms));
const stampVi = (stamp: string) => `${vi(stamp.slice(0, 10))}${stamp.slice(10)}`;

/** "Kế hoạch số 4784/KH-UBND" in the title block → "4784/KH-UBND". */
function planInText(lines: string[]): string | null {
  for (const l of lines) {
    const m = /(?:ke hoach|kh)\s*(?:so)?\s*:?\s*(\d+\s*\/\s*kh[-\s]*[a-z]+)/.exec(
      foldVietnamese(l)
    );
    if (m) {
      // Give it back as written (same positions: folding keeps lengths).
      const start = foldVietnamese(l).indexOf(m[1]);
      return l
        .normalize("NFC")
        .slice(start, start + m[1].length)
        .replace(/\s+/g, "");
    }
  }
  return null;
}

/** The report year a title block states ("… năm 2025"): null when none; the year when it is among them. */
function yearInText(lines: string[], year: number): number | null {
  const years = new Set<number>();
  for (const l of lines.slice(0, 12)) {
    const f = foldVietnamese(l);
    if (!/bao cao|ket qua/.test(f)) continue;
    for (const m of f.matchAll(/nam\s+(20\d\d)(?!\s*-)/g)) years.add(Number(m[1]));
  }
  if (years.size === 0 || years.has(year)) return null;
  return [...years][0];
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
