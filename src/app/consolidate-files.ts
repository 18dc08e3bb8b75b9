/**
 * The "consolidate" use case for the CLI, the pane's file mode and its Excel backend: returned files (bytes) → ReturnedFile
 * (unreadable ones keep their Vietnamese reason), then core/exchange/consolidate, then the NEW
 * master workbook: the updated rows, "Tiếp nhận", "Phối hợp báo cáo" and every replaced value
 * in "Nhật ký sửa". The Excel backend writes the same changes and record sheets into the open
 * master (consolidateOpened + recordSheets). Files are read one at a time, yielding between files so a page stays
 * responsive and can show progress.
 */
import { reportDateChange } from "../core/tracking/input-cells";
import { sameBytes } from "../core/readers/same-bytes";
import type { ReturnedFile } from "../core/exchange/consolidation-model";
import { baselineSheet, readBaseline } from "../core/exchange/baseline-sheet";
import {
  consolidate,
  type ConflictChoice,
  type Confirmation,
  type ConsolidateResult,
} from "../core/exchange/consolidate";
import {
  contributionsSheet,
  intakeSheet,
  readContributions,
  readIntake,
} from "../core/exchange/intake-sheet";
import type { SheetSpec } from "../core/spec/sheet-spec";
import type { CellChange } from "../core/tracking/changes";
import { editedFile, type OpenedTracking, type TrackingEdits } from "./tracking-file";

export interface ReturnedBytes {
  file: string;
  bytes: Uint8Array;
  mtime?: number;
}

/** One file's bytes → cells, or the reason it cannot be read (never throws for bad input). */
export async function readReturnedFile(f: ReturnedBytes): Promise<ReturnedFile> {
  const base = f.file.replace(/^.*[\\/]/, "");
  if (base.startsWith("~$")) return { file: f.file, mtime: f.mtime };
  const { readWorkbookValues, XlsxReadError } = await import(
    /* webpackChunkName: "xlsx" */ "../xlsx/index"
  );
  try {
    return { file: f.file, mtime: f.mtime, cells: await readWorkbookValues(f.bytes, base) };
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
  /** Rows the officer confirmed (below the threshold). */
  confirmed?: Confirmation[];
  /** Whose value a cell the coordinator typed since the last consolidation keeps. */
  prefer?: "agency" | "master";
  /** The officer's choice per listed master conflict (the pane). */
  choices?: ConflictChoice[];
  onProgress?: (done: number, total: number, file: string) => void;
}

/** Reads the files one by one, yielding between them (a page paints its progress bar). */
export async function readReturnedFiles(
  files: ReturnedBytes[],
  onProgress?: (done: number, total: number, file: string) => void
): Promise<ReturnedFile[]> {
  const returned: ReturnedFile[] = [];
  const seen: ReturnedBytes[] = [];
  for (const f of files) {
    // The same file given twice (a path twice, a folder and a file in it, a copy sent again).
    const twin = seen.find((s) => sameBytes(s.bytes, f.bytes));
    if (twin) returned.push({ file: f.file, mtime: f.mtime, duplicateOf: twin.file });
    else {
      seen.push(f);
      returned.push(await readReturnedFile(f));
    }
    onProgress?.(returned.length, files.length, f.file);
    await new Promise((r) => setTimeout(r, 0));
  }
  return returned;
}

/** Core consolidation on a master already read (file bytes or the open workbook's cells). */
export function consolidateOpened(
  master: OpenedTracking,
  returned: ReturnedFile[],
  o: Pick<
    ConsolidateFilesOptions,
    "year" | "date" | "consolidatedAt" | "confirmed" | "prefer" | "choices"
  >
): ConsolidateResult {
  return consolidate(master.workbook, returned, {
    year: o.year,
    date: o.date,
    consolidatedAt: o.consolidatedAt,
    confirmed: o.confirmed,
    prefer: o.prefer,
    choices: o.choices,
    baseline: readBaseline(master.cells),
    previousIntake: readIntake(master.cells),
    previousContributions: readContributions(master.cells),
  });
}

/** The record sheets of a result, as the open workbook gets them (Excel path). */
export function recordSheets(result: ConsolidateResult): SheetSpec[] {
  return [
    ...(result.intake.length ? [intakeSheet(result.intake)] : []),
    ...(result.contributions.length ? [contributionsSheet(result.contributions)] : []),
    ...(result.baseline.length ? [baselineSheet(result.baseline)] : []),
  ];
}

/** What a consolidation does to the master, for a file writer. */
function consolidationEdits(
  master: OpenedTracking,
  result: ConsolidateResult,
  o: Pick<ConsolidateFilesOptions, "year" | "date"> & { earlier?: CellChange[] }
): TrackingEdits {
  return {
    workbook: result.workbook,
    // File mode: the session's earlier fixes are in `master.workbook`, not in its bytes.
    // The date the officer consolidated as of is written as "Ngày báo cáo" (a patched file
    // changes only the cells listed here).
    changes: [...(o.earlier ?? []), ...result.changes, ...keptDate(master, o.date)],
    sheets: recordSheets(result),
    reportYear: master.workbook.reportYear ?? o.year,
    // The date the officer consolidated as of is kept ("Ngày báo cáo"): the next check,
    // report and roll-over start from it.
    reportDate: o.date,
    intake: result.intake,
    contributions: result.contributions,
  };
}

/** The change writing `date` as the workbook's "Ngày báo cáo"; none when it already is. */
function keptDate(opened: OpenedTracking, date: string): CellChange[] {
  const change = reportDateChange(opened.cells, date);
  return change ? [change] : [];
}

/** The consolidated master as a NEW file. */
export function consolidatedFile(
  master: OpenedTracking,
  result: ConsolidateResult,
  o: Pick<ConsolidateFilesOptions, "year" | "date" | "today" | "batchPrefix"> & {
    earlier?: CellChange[];
  }
): Promise<{ bytes: Uint8Array; batch: string }> {
  return editedFile(master, consolidationEdits(master, result, o), o);
}

/** The whole use case into a new file: `phuluc consolidate` and the pane's file mode. */
export async function consolidateFiles(
  master: OpenedTracking,
  files: ReturnedBytes[],
  o: ConsolidateFilesOptions
): Promise<{ result: ConsolidateResult; bytes: Uint8Array; batch: string }> {
  const returned = await readReturnedFiles(files, o.onProgress);
  const result = consolidateOpened(master, returned, o);
  return { result, ...(await consolidatedFile(master, result, o)) };
}
