/**
 * `consolidate` for the CLI and the pane's file mode: returned files (bytes) → ReturnedFile
 * (unreadable ones keep their Vietnamese reason), then core/exchange/consolidate, then the NEW
 * master workbook: the updated rows, "Tiếp nhận", "Phối hợp báo cáo" and every replaced value
 * in "Nhật ký sửa". Files are read one at a time, yielding between files so a page stays
 * responsive and can show progress.
 */
import type { ReturnedFile } from "../core/exchange/consolidation-model";
import { consolidate, type ConsolidateResult } from "../core/exchange/consolidate";
import { readContributions, readIntake } from "../core/exchange/intake-sheet";
import type { WorkbookSpec } from "../core/spec/sheet-spec";
import { rebuiltSpec, type OpenedTracking } from "./tracking-file";

export interface ReturnedBytes {
  file: string;
  bytes: Uint8Array;
  mtime?: number;
}

/** One file's bytes → cells, or the reason it cannot be read (never throws for bad input). */
export async function readReturnedFile(f: ReturnedBytes): Promise<ReturnedFile> {
  const base = f.file.replace(/^.*[\\/]/, "");
  if (base.startsWith("~$")) return { file: f.file, mtime: f.mtime };
  const { readWorkbookCells, XlsxReadError } = await import(
    /* webpackChunkName: "xlsx" */ "../xlsx/index"
  );
  try {
    return { file: f.file, mtime: f.mtime, cells: await readWorkbookCells(f.bytes, base) };
  } catch (e) {
    if (e instanceof XlsxReadError)
      return { file: f.file, mtime: f.mtime, error: { code: e.code, message: e.message } };
    return {
      file: f.file,
      mtime: f.mtime,
      error: {
        code: "UNREADABLE",
        message: `Tệp "${base}" không đọc được: ${(e as Error).message}`,
      },
    };
  }
}

export interface ConsolidateFilesOptions {
  year: number;
  /** ISO "as of" date for the rollup. */
  date: string;
  /** ISO date of today. */
  today: string;
  /** "2026-11-25 14:03". */
  consolidatedAt: string;
  batchPrefix: string;
  onProgress?: (done: number, total: number, file: string) => void;
}

export async function consolidateFiles(
  master: OpenedTracking,
  files: ReturnedBytes[],
  o: ConsolidateFilesOptions
): Promise<{ result: ConsolidateResult; spec: WorkbookSpec; batch: string }> {
  const returned: ReturnedFile[] = [];
  for (const f of files) {
    returned.push(await readReturnedFile(f));
    o.onProgress?.(returned.length, files.length, f.file);
    await new Promise((r) => setTimeout(r, 0)); // let the page paint between files
  }
  const result = consolidate(master.workbook, returned, {
    year: o.year,
    date: o.date,
    consolidatedAt: o.consolidatedAt,
    previousIntake: readIntake(master.cells),
    previousContributions: readContributions(master.cells),
  });
  const { spec, batch } = rebuiltSpec(master, result.workbook, {
    reportYear: master.workbook.reportYear ?? o.year,
    reportDate: master.workbook.reportDate ?? o.date,
    today: o.today,
    changes: result.changes,
    batchPrefix: o.batchPrefix,
    intake: result.intake,
    contributions: result.contributions,
  });
  return { result, spec, batch };
}
