/**
 * The pane's "Gửi và tổng hợp" work (lazy chunk with the tracking tab): distribute the master
 * into one workbook per agency (a .zip to download), and consolidate returned files: in file
 * mode into a NEW master to download, in Excel into the open master (changes backed up and
 * undoable, record sheets replaced). Mirrors `phuluc distribute` / `phuluc consolidate`.
 */
import { distributeWorkbooks, zipFiles } from "../app/distribute";
import {
  consolidateFiles,
  consolidateOpened,
  readReturnedFiles,
  recordSheets,
  type ReturnedBytes,
} from "../app/consolidate-files";
import type { ConflictChoice, Confirmation, ConsolidateResult } from "../core/exchange/consolidate";
import type { OpenedTracking } from "../app/tracking-file";
import type { CellChange } from "../core/tracking/changes";
import type { TrackingWorkbook } from "../core/workbook/tracking-model";
import type { UnassignedRow } from "../core/exchange/distribution-plan";
import { FONT } from "../core/workbook/styles";
import { checkTrackedYear } from "../core/tracking/tracked-year";
import type { PickedFile } from "./dropped-files";

export async function distributionZip(
  wb: TrackingWorkbook,
  year: number,
  deadline: string | null,
  today: string,
  onProgress: (done: number, total: number) => void
): Promise<{ bytes: Uint8Array; files: number; unassigned: UnassignedRow[] }> {
  checkTrackedYear(wb, year, "distribute");
  const { files, unassigned } = await distributeWorkbooks(wb, {
    year,
    deadline,
    today,
    onProgress,
  });
  return { bytes: await zipFiles(files), files: files.length, unassigned };
}

const nowText = () => {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
};

async function toBytes(files: PickedFile[]): Promise<ReturnedBytes[]> {
  return Promise.all(
    files.map(async (f) => ({
      file: f.path,
      bytes: new Uint8Array(await f.file.arrayBuffer()),
      mtime: f.file.lastModified,
    }))
  );
}

export interface Consolidated {
  result: ConsolidateResult;
  /** File mode: the new master. */
  bytes?: Uint8Array;
  /** Excel: the undo batch of the cell changes. */
  batchId?: string | null;
}

export async function consolidatePicked(
  master: OpenedTracking,
  picked: PickedFile[],
  o: {
    year: number;
    date: string;
    today: string;
    inExcel: boolean;
    confirmed?: Confirmation[];
    /** File mode: this session's earlier changes, written (and logged) before the new ones. */
    earlier?: CellChange[];
    choices?: ConflictChoice[];
  },
  onProgress: (done: number, total: number, file: string) => void
): Promise<Consolidated> {
  checkTrackedYear(master.workbook, o.year, "consolidate");
  const files = await toBytes(picked);
  const options = {
    year: o.year,
    date: o.date,
    today: o.today,
    consolidatedAt: nowText(),
    confirmed: o.confirmed,
    choices: o.choices,
  };
  if (!o.inExcel) {
    // File mode: the CLI's path (src/app/consolidate-files.ts), the master's file patched.
    const { result, bytes } = await consolidateFiles(master, files, {
      ...options,
      batchPrefix: "Phụ Lục (tổng hợp)",
      earlier: o.earlier,
      onProgress,
    });
    return { result, bytes };
  }
  const returned = await readReturnedFiles(files, onProgress);
  const result = consolidateOpened(master, returned, options);
  const { consolidateInExcel } = await import(
    /* webpackChunkName: "office-tracking" */ "../host/tracking-excel"
  );
  const { batchId } = await consolidateInExcel(result.changes, recordSheets(result), FONT);
  return { result, batchId };
}
