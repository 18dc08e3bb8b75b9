/**
 * `phuluc print <wb.xlsx|kế-hoạch> -o <out.xlsx|out.docx> [--year Y] [--date D] [--with-status]`:
 * the phụ lục ready to sign (core/papers/appendix.ts), as a one-sheet workbook or a Word document.
 * From a tracking workbook, or from the plan itself (read as `phuluc import` would, in memory).
 * Texts: the issuer's defaults, the workbook's "Mẫu in" sheet, then the options below.
 */
import * as path from "node:path";
import { CliIo } from "../cli-io";
import { onePositional, parseCommandArgs, parseIsoDate, parseYear } from "../args";
import { appendixPaper } from "../../core/papers/appendix";
import { checkPaperYear } from "../../core/papers/paper-year";
import { paperBytes, printTextsFor } from "../../app/papers";
import { readInputFile, reportInputError } from "../read-input-file";
import { checkOutput } from "../tracking-io";
import { PAPER_OPTIONS, paperFormat, textEdits } from "../print-options";
import { InputError } from "../../core/errors/input-error";
import { TRACKING_READ_ERRORS } from "../../core/tracking/read-tracking";
import { openTrackingBytes, type OpenedTracking } from "../../app/tracking-file";
import { openPlanAsTracking } from "../../app/plan-tracking";
import { yearEnd } from "../../core/text/dates";

export async function runPrint(argv: string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseCommandArgs(argv, {
      ...PAPER_OPTIONS,
      "with-status": { type: "boolean" },
    });
    const input = onePositional(
      positionals,
      "cần đúng một tệp sổ theo dõi (.xlsx) hoặc tệp kế hoạch."
    );
    const output = await checkOutput(io, input, values.output, values.force);
    const format = paperFormat(output, values.format);
    const opened = await openWorkbookOrPlan(io, input);
    const wb = opened.workbook;
    const year = parseYear(values.year, wb.reportYear ?? Number(io.today().slice(0, 4)));
    const date = parseIsoDate(values.date, wb.reportDate ?? yearEnd(year));
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
