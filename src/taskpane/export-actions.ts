/**
 * Confirm: turn the import into the tracking workbook. The spec is built in core (pure), then
 * either written into the open workbook (Excel mode) or into an .xlsx file (file mode).
 * Both paths build the whole spec before writing anything, so a failure leaves nothing half-done
 * on our side; the Office renderer itself asks before replacing existing sheets.
 */
import type { AgencyKind, ImportResult } from "../core/model";
import type { WorkbookSpec } from "../core/spec/sheet-spec";

export interface ReportOptions {
  reportYear: number;
  reportDate: string;
  /** The preview's answers: members of collectives without any, kinds of added agencies. */
  members?: Record<string, string[]>;
  agencyKinds?: Record<string, AgencyKind>;
}

export async function buildSpec(
  result: ImportResult,
  options: ReportOptions
): Promise<WorkbookSpec> {
  const [{ buildTrackingWorkbook }, { defaultAgencies }] = await Promise.all([
    import(/* webpackChunkName: "workbook" */ "../core/workbook/tracking-workbook"),
    import(/* webpackChunkName: "workbook" */ "../core/agency/default-directory"),
  ]);
  // The province names its newspaper ("Báo Lâm Đồng"), as the importer matched it.
  const directory = defaultAgencies(result.plan.province || undefined);
  return buildTrackingWorkbook(result, { ...options, directory });
}

export async function writeXlsx(spec: WorkbookSpec): Promise<Uint8Array> {
  const { writeWorkbook } = await import(/* webpackChunkName: "xlsx" */ "../xlsx");
  return writeWorkbook(spec);
}
