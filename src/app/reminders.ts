/**
 * Reminders (công văn đôn đốc) as Word files, for `phuluc remind` and the pane's button: one
 * letter per late agency, or one letter to all with the list attached (core/papers/reminders.ts).
 * File names are safe on every system and unique in one archive.
 */
import JSZip from "jszip";
import { safeFileName, uniqueNames } from "../core/papers/file-names";
import {
  oneReminderLetter,
  reminderLetter,
  reminderTargets,
  type ReminderTarget,
} from "../core/papers/reminders";
import { checkPaperYear } from "../core/papers/paper-year";
import { reportContext } from "../core/papers/report-context";
import { workbookForYear } from "../core/tracking/tracked-year";
import { letterBytes, printTextsFor } from "./papers";
import type { OpenedTracking } from "./tracking-file";
import type { PrintTextEdits } from "../core/papers/print-texts";

export interface RemindOptions {
  year: number;
  /** The date lateness is judged on (ISO). */
  date: string;
  /** The new deadline the letters give (ISO); blank in the letter when null. */
  deadline: string | null;
  oneLetter?: boolean;
  /** The signer typed for this run (--signer, the pane's field). */
  edits?: PrintTextEdits;
}

export interface ReminderFile {
  file: string;
  bytes: Uint8Array;
}

export interface Reminders {
  year: number;
  agencies: ReminderTarget[];
  files: ReminderFile[];
}

export async function makeReminders(opened: OpenedTracking, o: RemindOptions): Promise<Reminders> {
  const wb = opened.workbook;
  checkPaperYear(wb, o.year);
  // The report year's rows, or the year's values kept in "Lịch sử"; any other year is refused.
  const ctx = reportContext(workbookForYear(wb, o.year, "report"), o.year, o.date);
  const agencies = reminderTargets(ctx, opened.cells);
  const texts = printTextsFor(opened, o.edits, o.date);
  const letterOptions = { deadline: o.deadline, texts };
  const name = uniqueNames();
  const files: ReminderFile[] = [];
  if (agencies.length && o.oneLetter)
    files.push({
      file: name(safeFileName(`Đôn đốc ${o.year} - các đơn vị`), "docx"),
      bytes: await letterBytes(oneReminderLetter(ctx, agencies, letterOptions)),
    });
  else
    for (const t of agencies)
      files.push({
        file: name(safeFileName(`Đôn đốc ${o.year} - ${t.agency}`), "docx"),
        bytes: await letterBytes(reminderLetter(ctx, t, letterOptions)),
      });
  return { year: o.year, agencies, files };
}

/** The letters in one .zip (they are zips already: stored, not compressed again). */
export async function zipReminders(files: ReminderFile[]): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const f of files) zip.file(f.file, f.bytes);
  return zip.generateAsync({ type: "uint8array", compression: "STORE" });
}
