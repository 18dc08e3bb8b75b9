/**
 * Consolidation, step 3 — the winners written into the master's rows: an unreadable value never
 * replaces one the master counts, a cell the coordinator typed since the last consolidation is
 * kept unless the officer chose the agency's (listed either way), and every cell that changes is
 * a CellChange with the file and row it came from. Then the summary: who reported, who is
 * missing, the rollup, and the record sheets' lines ("Tiếp nhận", "Phối hợp báo cáo", the
 * baseline the next consolidation compares with).
 */
import { capitalized } from "../finding-place";
import { CELL_TEXT_LIMIT, fitCell } from "../spec/cell-limit";
import { formatViDate as vi } from "../text/dates";
import { trackedChanges, type CellChange } from "../tracking/changes";
import { workbookRollup } from "../tracking/workbook-rollup";
import { INTAKE_OUTCOMES, SHEETS, TASK_COLUMNS } from "../workbook/columns";
import type { TrackedColumnId, TrackingRow, TrackingWorkbook } from "../workbook/tracking-model";
import type { BaselineRow } from "./baseline-sheet";
import type { ConsolidationReport, Rejected } from "./consolidation-model";
import type { AgencyAssignment } from "./distribution-plan";
import type { ContributionRow, IntakeRow } from "./intake-sheet";
import type { MatchedContribution, Winner } from "./match-reports";
import type { ReportRow } from "./read-report";
import { updatedTexts, type Updated } from "./reported-values";
import type { Accepted } from "./screen-files";
import { wordingNotes, type StatusWording } from "./status-wording-notes";
import { fingerprint, printsOf, rowTexts } from "./tracked-values";

/** The officer's answer to one listed master conflict. */
export interface ConflictChoice {
  key: string;
  lead: string;
  column: TrackedColumnId;
  take: "agency" | "master";
}

export interface ApplyOptions {
  year: number;
  date: string;
  consolidatedAt: string;
  previousIntake: IntakeRow[];
  previousContributions: ContributionRow[];
  baseline?: BaselineRow[];
  prefer?: "agency" | "master";
  choices?: ConflictChoice[];
}

/** The winners applied: the master's rows after, and every cell that changed. `report`: master conflicts, warnings. */
export function applyReports(
  master: TrackingWorkbook,
  winners: Map<number, Winner>,
  o: ApplyOptions,
  report: ConsolidationReport
): { workbook: TrackingWorkbook; changes: CellChange[] } {
  // Apply the winners, collecting every cell that changes.
  const rows = master.rows.slice();
  const changes: CellChange[] = [];
  const wordings: (StatusWording & { a: Accepted })[] = [];
  const snapshot = new Map(
    (o.baseline ?? []).filter((b) => b.year === o.year).map((b) => [`${b.key}\u0000${b.lead}`, b])
  );
  for (const [idx, w] of [...winners.entries()].sort((x, y) => x[0] - y[0])) {
    const before = rows[idx];
    // Winners are indexes into master.rows (match-rows.ts): any other is a bug.
    if (!before) throw new Error(`applyReports: no master row ${idx}`);
    const values = keepReadable(before, w.values);
    keepTyped(before, values, w, snapshot.get(`${before.key}\u0000${before.lead}`), o, report);
    keepWords(before, values);
    fitTexts(values, w);
    const after = applyValues(before, values);
    rows[idx] = after;
    const reason = `Báo cáo của ${w.a.agency} (tệp "${w.a.file.file}"${w.a.read.reportDate ? `, ngày ${vi(w.a.read.reportDate)}` : ""}, dòng ${w.row.row})`;
    const wrote = values.status?.wrote;
    changes.push(
      ...trackedChanges(master.taskSheet || SHEETS.tasks, before, after, reason, "CONSOLIDATE").map(
        // The agency's own words for the status stay on record beside the list value.
        (c) =>
          wrote && c.column === TASK_COLUMNS.status
            ? { ...c, reason: `${c.reason}: đơn vị ghi "${wrote}"` }
            : c
      )
    );
    w.a.received.warnings.push(...values.warnings);
    if (wrote && values.status?.value)
      wordings.push({
        a: w.a,
        file: w.a.file.file,
        sheet: w.row.sheet,
        row: w.row.row,
        wrote,
        value: values.status.value,
        typo: values.status.typo === true,
      });
  }
  for (const a of new Set(wordings.map((x) => x.a)))
    a.received.warnings.push(...wordingNotes(wordings.filter((x) => x.a === a)));
  const workbook: TrackingWorkbook = { ...master, rows, reportYear: master.reportYear ?? o.year };
  return { workbook, changes };
}

/** Who reported and who did not, the rollup, and the record sheets' lines after this consolidation. */
export function summarize(
  workbook: TrackingWorkbook,
  s: {
    plan: AgencyAssignment[];
    accepted: Accepted[];
    rejected: Rejected[];
    contributions: Map<string, MatchedContribution>;
  },
  o: ApplyOptions,
  report: ConsolidationReport
): { intake: IntakeRow[]; contributions: ContributionRow[]; baseline: BaselineRow[] } {
  const { plan, accepted, rejected, contributions } = s;
  const rows = workbook.rows;
  const previousLine = new Set(
    o.previousIntake
      .filter((p) => p.year === o.year && p.outcome === INTAKE_OUTCOMES.received)
      .map((p) => p.agency)
  );

  for (const a of accepted) {
    a.received.empty = !a.filled;
    // A blank file sent back (the distributed copy itself, a file never filled) is received but
    // is no report: said plainly, so the officer asks the agency for the filled one.
    if (!a.filled)
      a.received.warnings.push(
        a.read.identity
          ? `Tệp "${a.file.file}" còn nguyên như khi gửi cho ${a.agency} (chưa điền ô nào): có thể đơn vị gửi nhầm tệp trống hoặc chính tệp đã gửi; chưa tính là ${a.agency} đã báo cáo.`
          : `Tệp "${a.file.file}" không có giá trị nào ở các cột báo cáo: chưa tính là ${a.agency} đã báo cáo.`
      );
  }
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

function intakeLines(
  plan: AgencyAssignment[],
  accepted: Accepted[],
  rejected: Rejected[],
  o: ApplyOptions
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
        // Two versions of one report match the same tasks: each counts once (44 for 22 was said).
        matchedRows: new Set(mine.flatMap((a) => [...a.matchedTasks])).size,
        outcome: mine.some((a) => a.filled)
          ? INTAKE_OUTCOMES.received
          : INTAKE_OUTCOMES.receivedEmpty,
        consolidatedAt: o.consolidatedAt,
        outside: fitCell(
          mine.flatMap((a) => a.outside).join("\n"),
          (n) =>
            `… (còn ${n} ký tự: xem trong ${mine.length > 1 ? "các tệp" : "tệp"} ${mine.map((a) => `"${a.file.file}"`).join(", ")})`
        ),
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
      outside: "",
    };
  });
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
  for (const { id, where, text, why } of u.unreadable) {
    const kept = id === "progress" ? before.progress : before[id];
    const what = why ? `không rõ là ${why}` : UNREADABLE[id];
    if (kept === null || kept === undefined) {
      out.warnings.push(
        `${where}: "${TASK_COLUMNS[id]}" = "${text}" ${what}; đã ghi nguyên chữ vào ô đang trống để sửa.`
      );
      continue;
    }
    delete out[id];
    // The status the master counts stays; the agency's words go with its result text.
    if (id === "status") out.keepWords = [...(out.keepWords ?? []), text];
    const shown =
      id === "completedOn" || id === "updatedOn"
        ? vi(String(kept))
        : before.typed[id] || String(kept);
    out.warnings.push(
      `${where}: "${TASK_COLUMNS[id]}" = "${text}" ${what}; giữ giá trị đã có "${shown}".`
    );
  }
  return out;
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
  o: ApplyOptions,
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

/**
 * Status words the list cannot hold ("Đang thực hiện, chờ kinh phí", "Chưa hoàn thành" where the
 * master counts a status) are added to the result text, once, so nothing the agency wrote is lost.
 */
function keepWords(before: TrackingRow, values: Updated) {
  for (const t of values.keepWords ?? []) {
    const line = `(${TASK_COLUMNS.status} đơn vị ghi: "${t.normalize("NFC")}")`;
    const result = values.result ?? before.result ?? "";
    if (!result.includes(line)) values.result = result ? `${result}\n${line}` : line;
  }
}

/**
 * A text longer than a cell holds (a report joined over rows, a pasted document): the cell keeps
 * its start and says where the rest is; the officer is told. Written whole, Excel would call the
 * master damaged and cut it without a word.
 */
function fitTexts(values: Updated, w: { a: Accepted; row: ReportRow }) {
  const where = `tệp "${w.a.file.file}", trang "${w.row.sheet}", dòng ${w.row.row}`;
  for (const id of ["result", "evidence", "difficulties", "proposals"] as const) {
    const text = values[id];
    if (text === undefined || text.length <= CELL_TEXT_LIMIT) continue;
    values[id] = fitCell(text, (n) => `… (còn ${n} ký tự: xem ${where})`);
    values.warnings.push(
      `${capitalized(where)}: "${TASK_COLUMNS[id]}" dài ${thousands(text.length)} ký tự, quá ${thousands(CELL_TEXT_LIMIT)} ký tự một ô Excel chứa được: sổ ghi phần đầu và chỗ xem phần còn lại trong tệp của đơn vị.`
    );
  }
}

/** 32767 → "32.767", as Vietnamese writes numbers. */
const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");

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
