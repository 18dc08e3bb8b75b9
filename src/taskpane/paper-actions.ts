/**
 * "Giấy tờ in" in the pane: the appendix to sign and the yearly reports, made from the workbook
 * the tab holds, exactly as `phuluc print` / `phuluc report` make them (core/papers, app/papers,
 * app/reports). Files in file mode (and Word anywhere); in Excel, a new print-ready sheet.
 */
import { appendixPaper } from "../core/papers/appendix";
import { agencyReportPaper, agencyReportTexts } from "../core/papers/agency-report";
import { safeFileName } from "../core/papers/file-names";
import type { Paper } from "../core/papers/paper";
import { checkPaperYear } from "../core/papers/paper-year";
import { trackedYearRefusal, workbookForYear } from "../core/tracking/tracked-year";
import { printTextsSheet, withEdits, type PrintTextEdits } from "../core/papers/print-texts";
import { FONT } from "../core/workbook/styles";
import { provinceReportPaper } from "../core/papers/province-report";
import { reportAgencies, reportContext } from "../core/papers/report-context";
import type { TrackingWorkbook } from "../core/workbook/tracking-model";
import {
  PAPER_MIME,
  paperBytes,
  paperWorkbookSpec,
  printTextsFor,
  type PaperFormat,
} from "../app/papers";
import { agencyReport, allAgencyReports, provinceReport } from "../app/reports";
import { makeReminders, zipReminders } from "../app/reminders";
import { agencyNarrative } from "../core/papers/agency-letter";
import { provinceNarrative, type Narrative } from "../core/papers/narrative";
import type { ReminderTarget } from "../core/papers/reminders";
import type { OpenedTracking } from "../app/tracking-file";
import type { WorkbookSpec } from "../core/spec/sheet-spec";

export type PaperKind = "appendix" | "agency" | "all" | "province";

export interface PaperRequest {
  kind: PaperKind;
  year: number;
  date: string;
  /** The appendix with the year's status and results. */
  withStatus?: boolean;
  agency?: string;
  /** Texts typed in the pane for this paper (the signer's name). */
  edits?: PrintTextEdits;
}

/** A sheet name from an agency's ("BC Sở Văn hóa, Thể thao và Du…"): ≤ 31 characters, no []:*?/\. */
export function reportSheetName(agency: string): string {
  return `BC ${agency.replace(/[[\]:*?/\\']/g, "-")}`.slice(0, 31).trim();
}

/** The agencies reporting for `year`; none when the workbook has no figures for it. */
export function agenciesFor(wb: TrackingWorkbook, year: number, date: string): string[] {
  if (trackedYearRefusal(wb, year, "report")) return [];
  return reportAgencies(reportContext(workbookForYear(wb, year, "report"), year, date));
}

/** One paper (not "all"): what it shows, for a file or a sheet. */
export function makePaper(o: OpenedTracking, wb: TrackingWorkbook, r: PaperRequest): Paper {
  checkPaperYear(wb, r.year);
  const texts = printTextsFor({ ...o, workbook: wb }, r.edits);
  // The appendix without figures is the plan's: any year. Figures come from the year's rows.
  if (r.kind === "appendix" && !r.withStatus) return appendixPaper(wb, { texts });
  wb = workbookForYear(wb, r.year, "report");
  if (r.kind === "appendix")
    return appendixPaper(wb, {
      texts,
      status: r.withStatus ? { year: r.year, date: r.date } : undefined,
    });
  const ctx = reportContext(wb, r.year, r.date);
  if (r.kind === "province") return provinceReportPaper(ctx, o.cells, texts);
  const paper = agencyReportPaper(
    ctx,
    r.agency ?? "",
    withEdits({ ...texts, ...agencyReportTexts() }, r.edits)
  );
  return { ...paper, name: reportSheetName(r.agency ?? "") };
}

/** The sheet the paper becomes in the open workbook. */
export function paperSpec(paper: Paper): WorkbookSpec {
  return paperWorkbookSpec(paper);
}

/** The "Mẫu in" sheet with the texts in use now (defaults ← the sheet ← the pane's fields). */
export function printTextsSpec(
  o: OpenedTracking,
  wb: TrackingWorkbook,
  edits?: PrintTextEdits
): WorkbookSpec {
  return {
    sheets: [printTextsSheet(printTextsFor({ ...o, workbook: wb }, edits))],
    defaultFont: FONT,
  };
}

export interface PaperFile {
  bytes: Uint8Array;
  fileName: string;
  mime: string;
}

const ZIP_MIME = "application/zip";

/** A report in Word: the văn bản to sign (its tables as appendix), as `phuluc report` writes it. */
async function reportDocx(
  o: OpenedTracking,
  wb: TrackingWorkbook,
  r: PaperRequest
): Promise<Uint8Array> {
  checkPaperYear(wb, r.year);
  const texts = printTextsFor({ ...o, workbook: wb }, r.edits);
  const ctx = reportContext(workbookForYear(wb, r.year, "report"), r.year, r.date);
  if (r.kind === "province") return (await provinceReport(ctx, o.cells, texts, "docx")).bytes;
  const agencyTexts = withEdits({ ...texts, ...agencyReportTexts() }, r.edits);
  return (await agencyReport(ctx, r.agency ?? "", agencyTexts, "docx", o.cells)).bytes;
}

/** The file to download: one paper, or every agency's report in a .zip. */
export async function paperFile(
  o: OpenedTracking,
  wb: TrackingWorkbook,
  r: PaperRequest,
  format: PaperFormat
): Promise<PaperFile> {
  if (r.kind === "all") {
    checkPaperYear(wb, r.year);
    const texts = withEdits(
      { ...printTextsFor({ ...o, workbook: wb }), ...agencyReportTexts() },
      r.edits
    );
    const yearWb = workbookForYear(wb, r.year, "report");
    const all = await allAgencyReports(
      reportContext(yearWb, r.year, r.date),
      texts,
      format,
      o.cells
    );
    return { bytes: all.bytes, fileName: `Bao-cao-${r.year}-cac-don-vi.zip`, mime: ZIP_MIME };
  }
  const bytes =
    format === "docx" && (r.kind === "province" || r.kind === "agency")
      ? await reportDocx(o, wb, r)
      : await paperBytes(makePaper(o, wb, r), format);
  const base =
    r.kind === "appendix"
      ? `Phu-luc-${safeFileName(wb.plan.number ?? "", "ke-hoach").replace(/\//g, "-")}`
      : r.kind === "province"
        ? `Bao-cao-${r.year}-toan-tinh`
        : safeFileName(`Báo cáo ${r.year} - ${r.agency}`);
  return {
    bytes,
    fileName: `${base}.${format}`,
    mime: PAPER_MIME[format],
  };
}

/**
 * The body a report's Word file will hold, parts I–V with each text's sources (agency, task,
 * column): shown in the pane before writing, as `phuluc report --json` prints it.
 */
export function reportNarrative(
  o: OpenedTracking,
  wb: TrackingWorkbook,
  r: PaperRequest
): Narrative {
  checkPaperYear(wb, r.year);
  const ctx = reportContext(workbookForYear(wb, r.year, "report"), r.year, r.date);
  return r.kind === "agency"
    ? agencyNarrative(ctx, r.agency ?? "", o.cells)
    : provinceNarrative(ctx, o.cells);
}

export interface ReminderRequest {
  year: number;
  date: string;
  deadline: string | null;
  oneLetter: boolean;
  edits?: PrintTextEdits;
}

/** The công văn đôn đốc as one .docx (one letter to all) or a .zip (one per agency). */
export async function reminderFile(
  o: OpenedTracking,
  wb: TrackingWorkbook,
  r: ReminderRequest
): Promise<{ file: PaperFile | null; agencies: ReminderTarget[] }> {
  const out = await makeReminders({ ...o, workbook: wb }, r);
  const [only, ...more] = out.files;
  if (!only) return { file: null, agencies: out.agencies };
  if (more.length === 0)
    return {
      file: { bytes: only.bytes, fileName: only.file, mime: PAPER_MIME.docx },
      agencies: out.agencies,
    };
  return {
    file: {
      bytes: await zipReminders(out.files),
      fileName: `Don-doc-${r.year}.zip`,
      mime: ZIP_MIME,
    },
    agencies: out.agencies,
  };
}
