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
 *
 * Three steps, each its own module: screen-files.ts (which files are reports to merge),
 * match-reports.ts (which master row each row reports, the newest file winning), apply-reports.ts
 * (the cells that change, and the summary).
 */
import { workbookAgencies } from "../agency/resolve-agency";
import type { CellChange } from "../tracking/changes";
import type { TrackingWorkbook } from "../workbook/tracking-model";
import type { ConsolidationReport, ReturnedFile } from "./consolidation-model";
import { distribution } from "./distribution-plan";
import { yearEnd } from "../text/dates";
import type { ContributionRow, IntakeRow } from "./intake-sheet";
import type { BaselineRow } from "./baseline-sheet";
import { screenFiles } from "./screen-files";
import { matchReports, type Confirmation } from "./match-reports";
import { applyReports, summarize, type ConflictChoice } from "./apply-reports";

export type { Confirmation } from "./match-reports";
export type { ConflictChoice } from "./apply-reports";

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

export function consolidate(
  master: TrackingWorkbook,
  files: ReturnedFile[],
  o: ConsolidateOptions
): ConsolidateResult {
  const known = workbookAgencies(master, yearEnd(o.year));
  const { agencies: plan, unassigned } = distribution(master, o.year);
  const agencies = {
    dir: known.directory,
    resolve: (name: string) => known.reportersOf(name),
    expected: new Map(plan.map((a) => [a.agency, a])),
  };

  const { accepted, rejected } = screenFiles(master, files, o, agencies);
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
  const { winners, contributions } = matchReports(master, accepted, o, agencies, report);
  const { workbook, changes } = applyReports(master, winners, o, report);
  const records = summarize(workbook, { plan, accepted, rejected, contributions }, o, report);
  return { workbook, changes, report, ...records };
}
