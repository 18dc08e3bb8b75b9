/**
 * A plan file read as the tracking workbook `phuluc import` would make of it (the built-in
 * directory, collectives expanded, the year and date import would default to), held in memory:
 * `phuluc print <kế-hoạch.docx>` prints the plan's appendix without writing a workbook first,
 * through the same rows, columns and reader as a workbook on disk.
 */
import { importPlan } from "../core/import/import-plan";
import { defaultAgencies } from "../core/agency/default-directory";
import { defaultReportDate, defaultReportYear } from "../core/schedule/report-year";
import { buildTrackingWorkbook } from "../core/workbook/tracking-workbook";
import { openPlanFile } from "./open-plan-file";
import { openTrackingBytes, type OpenedTracking } from "./tracking-file";

/** `today`: ISO date (core reads no clock). */
export async function openPlanAsTracking(
  bytes: Uint8Array,
  fileName: string,
  today: string
): Promise<OpenedTracking> {
  const result = await importPlan(await openPlanFile(bytes, fileName));
  const year = defaultReportYear(result.plan.period, Number(today.slice(0, 4)));
  const spec = buildTrackingWorkbook(result, {
    reportYear: year,
    reportDate: defaultReportDate(year, today),
    directory: defaultAgencies(result.plan.province || undefined),
  });
  const { writeWorkbook } = await import(/* webpackChunkName: "xlsx" */ "../xlsx/index");
  const opened = await openTrackingBytes(await writeWorkbook(spec), fileName);
  // The file given is the plan, not a workbook: nothing to write back into.
  return { ...opened, bytes: undefined, planSource: fileName };
}
