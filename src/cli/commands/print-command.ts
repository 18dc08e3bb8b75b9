/**
 * `phuluc print <wb.xlsx> -o <out.xlsx|out.docx> [--year Y] [--date D] [--with-status]`: the
 * phụ lục ready to sign (core/papers/appendix.ts), as a one-sheet workbook or a Word document.
 * Texts: the issuer's defaults, the workbook's "Mẫu in" sheet, then the options below.
 */
import { CliIo } from "../cli-io";
import { parseCommandArgs, parseIsoDate, parseYear, UsageError } from "../args";
import { appendixPaper } from "../../core/papers/appendix";
import { checkPaperYear } from "../../core/papers/paper-year";
import { paperBytes, printTextsFor } from "../../app/papers";
import { reportInputError } from "../read-input-file";
import { checkOutput, openTracking } from "../tracking-io";
import { paperFormat, TEXT_OPTIONS, textEdits } from "../print-options";

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
    if (positionals.length !== 1) throw new UsageError("cần đúng một tệp sổ theo dõi (.xlsx).");
    const input = positionals[0];
    const output = await checkOutput(io, input, values.output, values.force);
    const format = paperFormat(output, values.format);
    const opened = await openTracking(io, input);
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
