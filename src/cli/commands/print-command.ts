/**
 * `phuluc print <wb.xlsx|kế-hoạch> -o <out.xlsx|out.docx> [--year Y] [--date D] [--with-status]`:
 * the phụ lục ready to sign (core/papers/appendix.ts), as a one-sheet workbook or a Word document.
 * From a tracking workbook, or from the plan itself (read as `phuluc import` would, in memory).
 * Texts: the issuer's defaults, the workbook's "Mẫu in" sheet, then the options below.
 */
import * as path from "node:path";
import { CliIo } from "../cli-io";
import { parseCommandArgs, parseIsoDate, parseYear, UsageError } from "../args";
import { appendixPaper } from "../../core/papers/appendix";
import { checkPaperYear } from "../../core/papers/paper-year";
import { paperBytes, printTextsFor, type PaperFormat } from "../../app/papers";
import type { PrintTextEdits } from "../../core/papers/print-texts";
import { checkOutput } from "../tracking-io";
import { readInputFile, reportInputError } from "../read-input-file";
import { InputError } from "../../core/errors/input-error";
import { TRACKING_READ_ERRORS } from "../../core/tracking/read-tracking";
import { openTrackingBytes, type OpenedTracking } from "../../app/tracking-file";
import { openPlanAsTracking } from "../../app/plan-tracking";

/** Options that change the printed texts, shared with `phuluc report`. */
export const TEXT_OPTIONS = {
  heading: { type: "string" },
  title: { type: "string" },
  attached: { type: "string" },
  signer: { type: "string" },
  "signer-title": { type: "string", multiple: true },
  recipient: { type: "string", multiple: true },
} as const;

export function textEdits(values: {
  heading?: string;
  title?: string;
  attached?: string;
  signer?: string;
  "signer-title"?: string[];
  recipient?: string[];
}): PrintTextEdits {
  return {
    heading: values.heading,
    title: values.title,
    attachedTo: values.attached,
    signerName: values.signer,
    signerTitles: values["signer-title"],
    recipients: values.recipient,
  };
}

/** The format from --format or the output's extension. */
export function paperFormat(output: string, format: string | undefined): PaperFormat {
  const ext = path.extname(output).slice(1).toLowerCase();
  const f = (format ?? ext).toLowerCase();
  if (format && (ext === "xlsx" || ext === "docx") && ext !== f)
    throw new UsageError(`--format ${format} không khớp đuôi của tệp "${output}".`);
  if (f === "xlsx" || f === "docx") return f;
  throw new UsageError(
    `không biết ghi tệp "${output}" dạng nào: dùng đuôi .xlsx hoặc .docx (hoặc --format xlsx|docx).`
  );
}

export async function runPrint(argv: string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseCommandArgs(argv, {
      output: { type: "string", short: "o" },
      format: { type: "string" },
      year: { type: "string" },
      date: { type: "string" },
      "with-status": { type: "boolean" },
      force: { type: "boolean" },
      ...TEXT_OPTIONS,
    });
    if (positionals.length !== 1)
      throw new UsageError("cần đúng một tệp sổ theo dõi (.xlsx) hoặc tệp kế hoạch.");
    const input = positionals[0];
    const output = await checkOutput(io, input, values.output, values.force);
    const format = paperFormat(output, values.format);
    const opened = await openWorkbookOrPlan(io, input);
    const wb = opened.workbook;
    const year = parseYear(values.year, wb.reportYear ?? Number(io.today().slice(0, 4)));
    const date = parseIsoDate(values.date, wb.reportDate ?? `${year}-12-31`);
    checkPaperYear(wb, year);
    const paper = appendixPaper(wb, {
      texts: printTextsFor(opened, textEdits(values), date),
      status: values["with-status"] ? { year, date } : undefined,
    });
    await io.writeFileAtomic(output, await paperBytes(paper, format));
    const tasks = new Set(wb.rows.map((r) => r.key)).size;
    io.stdout(`Đã ghi phụ lục (${tasks} nhiệm vụ) vào ${output}.\n`);
    return 0;
  } catch (err) {
    return reportInputError("print", err, io);
  }
}

/**
 * A tracking workbook as it is; any other file (a plan in .docx, .pdf, .html, .txt, or a
 * spreadsheet that is not a tracking workbook) read as a plan, as `phuluc import` reads it.
 */
async function openWorkbookOrPlan(io: CliIo, input: string): Promise<OpenedTracking> {
  const bytes = await readInputFile(io, input);
  const name = path.basename(input);
  if (/\.xls[xm]$/i.test(name)) {
    try {
      return await openTrackingBytes(bytes, name);
    } catch (e) {
      if (!(e instanceof InputError && e.code === TRACKING_READ_ERRORS.NOT_TRACKING_WORKBOOK))
        throw e;
    }
  }
  return openPlanAsTracking(bytes, name, io.today());
}
