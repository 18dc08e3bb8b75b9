/**
 * Papers (appendix, reports) as files, shared by the CLI and the pane's file mode: a paper
 * becomes a one-sheet .xlsx (paper-sheet.ts → exceljs) or a .docx (src/docx); the officer's
 * print texts come from the issuer's defaults, the workbook's "Mẫu in" sheet, then per-run edits.
 * The adapters are loaded on first use (lazy chunks in the pane).
 */
import type { Paper } from "../core/papers/paper";
import type { Letter } from "../core/papers/letter";
import { paperSheet } from "../core/papers/paper-sheet";
import {
  defaultPrintTexts,
  readPrintTexts,
  withEdits,
  type PrintTextEdits,
  type PrintTexts,
} from "../core/papers/print-texts";
import { FONT } from "../core/workbook/styles";
import type { WorkbookSpec } from "../core/spec/sheet-spec";
import type { OpenedTracking } from "./tracking-file";
import { yearEnd } from "../core/text/dates";

export type PaperFormat = "xlsx" | "docx";

export const PAPER_MIME: Record<PaperFormat, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

/** A one-sheet workbook holding the paper (what the .xlsx is, and what Excel gets as a sheet). */
export function paperWorkbookSpec(paper: Paper): WorkbookSpec {
  return { sheets: [paperSheet(paper)], defaultFont: FONT };
}

export async function paperBytes(paper: Paper, format: PaperFormat): Promise<Uint8Array> {
  if (format === "docx") {
    const { writePaperDocx } = await import(/* webpackChunkName: "docx" */ "../docx/index");
    return writePaperDocx(paper);
  }
  const { writeWorkbook } = await import(/* webpackChunkName: "xlsx" */ "../xlsx/index");
  return writeWorkbook(paperWorkbookSpec(paper));
}

/** A văn bản (report, công văn) as Word: the only form it has (its tables go in appendices). */
export async function letterBytes(letter: Letter): Promise<Uint8Array> {
  const { writeLetterDocx } = await import(/* webpackChunkName: "docx" */ "../docx/index");
  return writeLetterDocx(letter);
}

/**
 * Issuer defaults ← the workbook's "Mẫu in" sheet ← this run's edits. `asOf`: the paper's date
 * (default: the workbook's report date, else 31/12 of its report year).
 */
export function printTextsFor(
  opened: OpenedTracking,
  edits?: PrintTextEdits,
  asOf?: string | null
): PrintTexts {
  const wb = opened.workbook;
  const date = asOf ?? wb.reportDate ?? (wb.reportYear ? yearEnd(wb.reportYear) : null);
  return withEdits(defaultPrintTexts(wb.plan, date), readPrintTexts(opened.cells), edits);
}
