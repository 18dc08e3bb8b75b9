/**
 * The yearly reports as files, for the CLI and the pane's file mode: one agency, every agency
 * (one file each, in a .zip, names safe in any file system), the province. The figures beside
 * each file are the rollup's own objects (same field names as `phuluc rollup --json`).
 */
import JSZip from "jszip";
import { agencyFigures, agencyReportPaper, type AgencyFigures } from "../core/papers/agency-report";
import { safeFileName, uniqueNames } from "../core/papers/file-names";
import type { PrintTexts } from "../core/papers/print-texts";
import {
  provinceFigures,
  provinceReportPaper,
  type ProvinceFigures,
} from "../core/papers/province-report";
import { reportAgencies, type ReportContext } from "../core/papers/report-context";
import type { TrackingCells } from "../core/tracking/read-tracking";
import { letterBytes, paperBytes, type PaperFormat } from "./papers";
import { provinceReportLetter } from "../core/papers/province-letter";
import type { Narrative } from "../core/papers/narrative";
import { agencyReportLetter } from "../core/papers/agency-letter";

/** One agency's report: in Word the văn bản it signs (its tables as appendix), in Excel the tables. */
async function agencyBytes(
  ctx: ReportContext,
  agency: string,
  texts: PrintTexts,
  format: PaperFormat,
  cells: TrackingCells | undefined
): Promise<{ bytes: Uint8Array; narrative: Narrative }> {
  const { letter, narrative } = agencyReportLetter(ctx, agency, cells, texts);
  const bytes =
    format === "docx"
      ? await letterBytes(letter)
      : await paperBytes(agencyReportPaper(ctx, agency, texts, { cells }), format);
  return { bytes, narrative };
}

export async function agencyReport(
  ctx: ReportContext,
  agency: string,
  texts: PrintTexts,
  format: PaperFormat,
  cells?: TrackingCells
): Promise<{ bytes: Uint8Array; figures: AgencyFigures; narrative: Narrative }> {
  const r = await agencyBytes(ctx, agency, texts, format, cells);
  return { ...r, figures: agencyFigures(ctx, agency) };
}

/**
 * The province report: in Word the văn bản to sign (first page, body drafted from the data,
 * signature, tables as its appendix); in Excel the tables. `narrative`: the body's parts with
 * their sources, for `report --json` and the pane (the same in both formats).
 */
export async function provinceReport(
  ctx: ReportContext,
  cells: TrackingCells,
  texts: PrintTexts,
  format: PaperFormat
): Promise<{ bytes: Uint8Array; figures: ProvinceFigures; narrative: Narrative }> {
  const { letter, narrative } = provinceReportLetter(ctx, cells, texts);
  const bytes =
    format === "docx"
      ? await letterBytes(letter)
      : await paperBytes(provinceReportPaper(ctx, cells, texts), format);
  return { bytes, figures: provinceFigures(ctx, cells), narrative };
}

/** "Báo cáo 2026 - Sở Văn hóa, Thể thao và Du lịch.docx" for each agency, zipped. */
export async function allAgencyReports(
  ctx: ReportContext,
  texts: PrintTexts,
  format: PaperFormat,
  cells?: TrackingCells
): Promise<{ bytes: Uint8Array; files: string[]; figures: AgencyFigures[] }> {
  const zip = new JSZip();
  const name = uniqueNames();
  const files: string[] = [];
  const figures: AgencyFigures[] = [];
  for (const agency of reportAgencies(ctx)) {
    const file = name(safeFileName(`Báo cáo ${ctx.year} - ${agency}`), format);
    zip.file(file, (await agencyBytes(ctx, agency, texts, format, cells)).bytes);
    files.push(file);
    figures.push(agencyFigures(ctx, agency));
  }
  // The files are zip archives already: storing them again saves time, not space.
  const bytes = await zip.generateAsync({ type: "uint8array", compression: "STORE" });
  return { bytes, files, figures };
}
