/**
 * The tracking workbook of one plan, as a WorkbookSpec both renderers apply:
 * Thông tin (plan + report inputs) · Nhiệm vụ (one row per task × lead) · Tổng hợp (live
 * rollup) · Đơn vị (directory) · Lịch sử (year roll-over archive) · _phuluc (very hidden meta).
 *
 * Two ways in, one way out: an import (buildTrackingWorkbook: ImportResult → rows) and tracked
 * data read back from a workbook (from-tracking.ts: TrackingWorkbook → rows) both end in
 * assembleTrackingWorkbook, so the sheets, formulas, validations and formats are the same.
 */
import type { Agency, AgencyKind, Finding, Group, ImportResult, Plan } from "../model";
import type { SheetSpec, WorkbookSpec } from "../spec/sheet-spec";
import type { HistoryRow } from "./tracking-model";
import { directoryOf, resolverOn } from "../agency/resolve-agency";
import { directoryForPlan } from "../agency/plan-successors";
import { nameKey } from "../agency/name-key";
import {
  agenciesForPlan,
  unknownAgencies,
  withMembers,
  type PlanAgency,
} from "../agency/plan-agencies";
import { AGENCY_KIND_LABELS, agenciesSheet, agencyListName } from "./agencies-sheet";
import { KIND_LABELS, SHEETS } from "./columns";
import { historySheet } from "./history-sheet";
import { DEFAULT_DUE_SOON_DAYS, infoNames, infoSheet } from "./info-sheet";
import { WORKBOOK_FINDINGS, expandLeads } from "./lead-expansion";
import { metaSheet } from "./meta-sheet";
import { FONT } from "./styles";
import { summarySheet } from "./summary-sheet";
import { taskLayout } from "./task-layout";
import { agenciesIn, taskRows, type TaskRow } from "./task-rows";
import { tasksSheet } from "./tasks-sheet";

export interface TrackingWorkbookOptions {
  reportYear: number;
  /** ISO date the report is made on: the reference for "quá hạn" and "sắp đến hạn". */
  reportDate: string;
  directory: Agency[];
  dueSoonDays?: number;
  /** ISO date written in the meta sheet; defaults to reportDate (core reads no clock). */
  generatedOn?: string;
  /**
   * Default true: a collective lead ("Các Sở, ban, ngành") becomes one row per member agency
   * existing on reportDate (Agency.memberOf; rules in lead-expansion.ts). False: one row per
   * lead as the plan writes it.
   */
  expandCollectives?: boolean;
  /** Kinds the officer gave to agencies the directory did not know (by name), else guessed. */
  agencyKinds?: Record<string, AgencyKind>;
  /**
   * Members the officer named for collectives the directory gives none ("Các cơ quan báo chí
   * tỉnh" → its newspapers, or one recipient), by collective: see plan-agencies.ts withMembers.
   */
  members?: Record<string, string[]>;
}

/** Everything the sheet modules need, whichever way the rows came. */
export interface WorkbookParts {
  plan: Plan;
  /** The plan's source file name ("Tệp nguồn"). */
  source: string;
  extraColumns: string[];
  rows: TaskRow[];
  /** Groups in the order the summary lists them (only those some row uses). */
  groups: Group[];
  directory: Agency[];
  history: HistoryRow[];
  reportYear: number;
  reportDate: string;
  dueSoonDays: number;
  generatedOn: string;
  /** Sheets appended after the standard ones (kept officer sheets, the change log). */
  extraSheets?: SheetSpec[];
}

export function assembleTrackingWorkbook(p: WorkbookParts): WorkbookSpec {
  const layout = taskLayout(p.extraColumns, p.rows.length);
  // Requests ("Đề nghị") are tracked on the task sheet but summed apart.
  const requests = p.rows.filter((r) => r.kind === KIND_LABELS.request);
  const assignments = p.rows.filter((r) => r.kind !== KIND_LABELS.request);
  return {
    sheets: [
      infoSheet(p.plan, {
        reportYear: p.reportYear,
        reportDate: p.reportDate,
        dueSoonDays: p.dueSoonDays,
        source: p.source,
      }),
      tasksSheet(layout, p.rows),
      summarySheet(layout, {
        leads: agenciesIn(assignments, "lead"),
        partners: agenciesIn(assignments, "partners"),
        requestLeads: agenciesIn(requests, "lead"),
        groups: p.groups,
        ungrouped: p.rows.some((r) => r.group === ""),
        directory: p.directory,
        reportDate: p.reportDate,
      }),
      agenciesSheet(p.directory),
      historySheet(p.history),
      metaSheet(layout, {
        planNumber: p.plan.number,
        generatedOn: p.generatedOn,
        reportYear: p.reportYear,
        source: p.source,
        planSigner: p.plan.signer,
        planHeaders: p.plan.headers,
      }),
      ...(p.extraSheets ?? []),
    ],
    defaultFont: FONT,
    names: [...infoNames(), agencyListName(p.directory)],
  };
}

/**
 * The "Đơn vị" of the plan's workbook: the plan field's successors (plan-successors.ts), the
 * agencies the plan names that the directory lacks, without bodies only other provinces have.
 */
export function workbookDirectory(
  result: ImportResult,
  options: Pick<TrackingWorkbookOptions, "directory" | "agencyKinds" | "members">
): Agency[] {
  const planDir = agenciesForPlan(
    directoryForPlan(options.directory, result.plan),
    result,
    options.agencyKinds
  );
  return options.members ? withMembers(planDir, options.members) : planDir;
}

export function buildTrackingWorkbook(
  result: ImportResult,
  options: TrackingWorkbookOptions
): WorkbookSpec {
  const directory = workbookDirectory(result, options);
  return specOf(result, options, directory, expandOn(result, options, directory).leads);
}

/**
 * The workbook and what building it has to tell the user (`trackingWorkbookFindings`), with the
 * plan's directory made and its leads expanded once for both (`phuluc import`).
 */
export function trackingWorkbookAndFindings(
  result: ImportResult,
  options: TrackingWorkbookOptions
): { spec: WorkbookSpec; findings: Finding[] } {
  const directory = workbookDirectory(result, options);
  const expansion = expandOn(result, options, directory);
  return {
    spec: specOf(result, options, directory, expansion.leads),
    findings: [...addedAgencyFindings(result, options), ...expansion.findings],
  };
}

/** Leads expanded as the workbook's rows take them: by the agency answering on the report date. */
function expandOn(result: ImportResult, options: TrackingWorkbookOptions, directory: Agency[]) {
  return expandLeads(result.tasks, { ...options, directory: directoryOf(directory) });
}

function specOf(
  result: ImportResult,
  options: TrackingWorkbookOptions,
  directory: Agency[],
  leads: string[][]
): WorkbookSpec {
  // The plan's field decides who took a split agency's work (plan-successors.ts); the officer
  // can change it in "Đơn vị kế thừa", which rebuilds read back.
  const agencies = resolverOn(directory, options.reportDate);
  const current = (n: string) => agencies.renamed(n);
  const rows = taskRows(result, leads, current);
  const usedGroups = new Set(rows.map((r) => r.group));
  return assembleTrackingWorkbook({
    plan: result.plan,
    source: result.source,
    extraColumns: result.extraColumns,
    rows,
    groups: result.groups.filter((g) => usedGroups.has(g.stt)),
    directory,
    history: [],
    reportYear: options.reportYear,
    reportDate: options.reportDate,
    dueSoonDays: options.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS,
    generatedOn: options.generatedOn ?? options.reportDate,
  });
}

/**
 * What building the workbook has to tell the user (info: collectives left as one row because
 * the directory gives them no members), for the CLI and the pane to show beside the import's.
 */
export function trackingWorkbookFindings(
  result: ImportResult,
  options: TrackingWorkbookOptions
): Finding[] {
  const directory = workbookDirectory(result, options);
  return [
    ...addedAgencyFindings(result, options),
    ...expandOn(result, options, directory).findings,
  ];
}

/** Agencies the plan names that the directory lacks: added to "Đơn vị", to be checked. */
function addedAgencyFindings(result: ImportResult, options: TrackingWorkbookOptions): Finding[] {
  const known = directoryOf(directoryForPlan(options.directory, result.plan));
  return unknownAgencies(result)
    .filter((p) => !known.get(p.name))
    .map((p): Finding => {
      const kind =
        Object.entries(options.agencyKinds ?? {}).find(
          ([n]) => nameKey(n) === nameKey(p.name)
        )?.[1] ?? p.kind;
      const others = p.spellings.filter((s) => s !== p.name);
      return {
        code: WORKBOOK_FINDINGS.AGENCY_ADDED,
        severity: "warning",
        message:
          `"${p.name}" chưa có trong danh mục: đã thêm vào trang "${SHEETS.agencies}" với loại ` +
          `"${AGENCY_KIND_LABELS[kind]}"` +
          (others.length ? ` (cùng các cách viết ${others.map((o) => `"${o}"`).join(", ")})` : "") +
          `. Hãy kiểm tra tên và loại trước khi gửi cho các đơn vị.`,
        location: { sheet: SHEETS.agencies },
        subject: p.name,
      };
    });
}

/**
 * What the import preview asks before the workbook is written (pane and CLI): who receives the
 * tasks of each collective without members (answered by `members`), and the kind of each agency
 * the directory lacked (answered by `agencyKinds`). Asked of the plan and the directory, never of
 * the answers, so a question stays on screen while the officer types.
 */
export interface ImportQuestions {
  collectives: { name: string; tasks: string[] }[];
  added: PlanAgency[];
}

export function importQuestions(
  result: ImportResult,
  options: Omit<TrackingWorkbookOptions, "members" | "agencyKinds">
): ImportQuestions {
  const directory = workbookDirectory(result, { directory: options.directory });
  const known = directoryOf(directoryForPlan(options.directory, result.plan));
  return {
    collectives: expandLeads(result.tasks, { ...options, directory }).unexpanded,
    added: unknownAgencies(result).filter((p) => !known.get(p.name)),
  };
}
