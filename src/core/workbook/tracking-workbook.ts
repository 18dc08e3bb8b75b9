/**
 * The tracking workbook of one plan, as a WorkbookSpec both renderers apply:
 * Thông tin (plan + report inputs) · Nhiệm vụ (one row per task × lead) · Tổng hợp (live
 * rollup) · Đơn vị (directory) · Lịch sử (year roll-over archive) · _phuluc (very hidden meta).
 */
import type { Agency, ImportResult } from "../model";
import type { WorkbookSpec } from "../spec/sheet-spec";
import { agenciesSheet, agencyListName } from "./agencies-sheet";
import { historySheet } from "./history-sheet";
import { DEFAULT_DUE_SOON_DAYS, infoNames, infoSheet } from "./info-sheet";
import { metaSheet } from "./meta-sheet";
import { FONT } from "./styles";
import { summarySheet } from "./summary-sheet";
import { taskLayout } from "./task-layout";
import { agenciesIn, taskRows } from "./task-rows";
import { tasksSheet } from "./tasks-sheet";

export interface TrackingWorkbookOptions {
  reportYear: number;
  /** ISO date the report is made on: the reference for "quá hạn" and "sắp đến hạn". */
  reportDate: string;
  directory: Agency[];
  dueSoonDays?: number;
  /** ISO date written in the meta sheet; defaults to reportDate (core reads no clock). */
  generatedOn?: string;
}

export function buildTrackingWorkbook(
  result: ImportResult,
  options: TrackingWorkbookOptions
): WorkbookSpec {
  const rows = taskRows(result);
  const layout = taskLayout(result.extraColumns, rows.length);
  const usedGroups = new Set(rows.map((r) => r.group));
  return {
    sheets: [
      infoSheet(result.plan, {
        reportYear: options.reportYear,
        reportDate: options.reportDate,
        dueSoonDays: options.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS,
        source: result.source,
      }),
      tasksSheet(layout, rows),
      summarySheet(layout, {
        leads: agenciesIn(rows, "lead"),
        partners: agenciesIn(rows, "partners"),
        groups: result.groups.filter((g) => usedGroups.has(g.stt)),
        ungrouped: usedGroups.has(""),
      }),
      agenciesSheet(options.directory),
      historySheet(),
      metaSheet(layout, {
        planNumber: result.plan.number,
        generatedOn: options.generatedOn ?? options.reportDate,
        reportYear: options.reportYear,
        source: result.source,
      }),
    ],
    defaultFont: FONT,
    names: [...infoNames(), agencyListName(options.directory)],
  };
}
