/**
 * `distribute` for the CLI and the pane: the master tracking workbook → one .xlsx per agency
 * that leads or partners a task of the year, named as officers name them, as bytes (a folder
 * or a .zip is the caller's choice). The master is only read.
 */
import { distribution, type UnassignedRow } from "../core/exchange/distribution-plan";
import { agencyReportWorkbook } from "../core/exchange/agency-report-workbook";
import { reportFileName, uniqueFileName } from "../core/exchange/report-file-name";
import type { TrackingWorkbook } from "../core/workbook/tracking-model";

export interface DistributedFile {
  agency: string;
  file: string;
  lead: number;
  partner: number;
  bytes: Uint8Array;
}

export interface DistributeOptions {
  year: number;
  /** ISO deadline for the agencies' reports, or null. */
  deadline: string | null;
  /** ISO date of today. */
  today: string;
  /** Called after each file, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

export interface Distributed {
  files: DistributedFile[];
  /** Lead rows of the year no file carries (distribution-plan.ts): said, never dropped. */
  unassigned: UnassignedRow[];
}

export async function distributeWorkbooks(
  master: TrackingWorkbook,
  o: DistributeOptions
): Promise<Distributed> {
  const { writeWorkbook } = await import(/* webpackChunkName: "xlsx" */ "../xlsx/index");
  const { agencies: plan, unassigned } = distribution(master, o.year);
  const taken = new Set<string>();
  const out: DistributedFile[] = [];
  for (const a of plan) {
    const { spec } = agencyReportWorkbook(master, a, {
      year: o.year,
      deadline: o.deadline,
      generatedOn: o.today,
    });
    out.push({
      agency: a.agency,
      file: uniqueFileName(reportFileName(o.year, a.agency, master.plan.number ?? ""), taken),
      lead: a.lead.length,
      partner: a.partner.length,
      bytes: await writeWorkbook(spec),
    });
    o.onProgress?.(out.length, plan.length);
  }
  return { files: out, unassigned };
}

/** The files as one .zip (names in UTF-8, as Windows' and macOS' archivers read them). */
export async function zipFiles(files: { file: string; bytes: Uint8Array }[]): Promise<Uint8Array> {
  const { default: JSZip } = await import("jszip");
  const zip = new JSZip();
  for (const f of files) zip.file(f.file, f.bytes);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
