/**
 * The pane's "Gửi và tổng hợp" work (lazy chunk with the tracking tab): distribute the master
 * into one workbook per agency (a .zip to download), and read returned files into a
 * consolidation; the backend writes it (file mode: a NEW master to download; Excel: the open
 * master, changes backed up and undoable). Mirrors `phuluc distribute` / `phuluc consolidate`.
 */
import { distributeWorkbooks, zipFiles } from "../app/distribute";
import { consolidateOpened, readReturnedFiles, type ReturnedBytes } from "../app/consolidate-files";
import type { ConflictChoice, Confirmation, ConsolidateResult } from "../core/exchange/consolidate";
import type { OpenedTracking } from "../app/tracking-file";
import type { TrackingWorkbook } from "../core/workbook/tracking-model";
import type { UnassignedRow } from "../core/exchange/distribution-plan";
import { checkTrackedYear } from "../core/tracking/tracked-year";
import type { PickedFile } from "./dropped-files";
import { localDateTime } from "../core/text/dates";

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

const nowText = () => localDateTime(new Date());

async function toBytes(files: PickedFile[]): Promise<ReturnedBytes[]> {
  return Promise.all(
    files.map(async (f) => ({
      file: f.path,
      bytes: new Uint8Array(await f.file.arrayBuffer()),
      mtime: f.file.lastModified,
    }))
  );
}

/**
 * The returned files read and matched against the master (the workbook as the pane knows it):
 * the changes and the report; where they are written is the backend's business
 * (tracking-backend.ts: the open master in Excel, a new file otherwise).
 */
export async function consolidatePicked(
  master: OpenedTracking,
  picked: PickedFile[],
  o: {
    year: number;
    date: string;
    confirmed?: Confirmation[];
    choices?: ConflictChoice[];
  },
  onProgress: (done: number, total: number, file: string) => void
): Promise<ConsolidateResult> {
  checkTrackedYear(master.workbook, o.year, "consolidate");
  const returned = await readReturnedFiles(await toBytes(picked), onProgress);
  return consolidateOpened(master, returned, {
    year: o.year,
    date: o.date,
    consolidatedAt: nowText(),
    confirmed: o.confirmed,
    choices: o.choices,
  });
}
