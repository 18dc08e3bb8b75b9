/**
 * `phuluc report <wb.xlsx> --year Y (--agency NAME | --all | --province) -o <path>
 *  [--format xlsx|docx] [--date D] [--json]`: the yearly reports (core/papers). --all writes
 * one file per agency into a .zip (names safe on every system); --json prints the figures
 * with the rollup's field names, and the files written.
 */
import * as path from "node:path";
import { CliIo } from "../cli-io";
import { onePositional, parseCommandArgs, parseIsoDate, parseYear, UsageError } from "../args";
import { checkPaperYear } from "../../core/papers/paper-year";
import { defaultDateFor, workbookForYear } from "../../core/tracking/tracked-year";
import { reportContext, findAgency } from "../../core/papers/report-context";
import { agencyReportTexts } from "../../core/papers/agency-report";
import { withEdits } from "../../core/papers/print-texts";
import { allAgencyReports, agencyReport, provinceReport } from "../../app/reports";
import { printTextsFor } from "../../app/papers";
import { reportInputError } from "../read-input-file";
import { checkOutput, openTracking } from "../tracking-io";
import { PAPER_OPTIONS, paperFormat, textEdits } from "../print-options";
import { yearEnd } from "../../core/text/dates";

export async function runReport(argv: string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseCommandArgs(argv, {
      ...PAPER_OPTIONS,
      agency: { type: "string" },
      all: { type: "boolean" },
      province: { type: "boolean" },
      json: { type: "boolean" },
    });
    const input = onePositional(positionals, "cần đúng một tệp sổ theo dõi (.xlsx).");
    const scopes = [values.agency !== undefined, values.all, values.province].filter(Boolean);
    if (scopes.length !== 1)
      throw new UsageError("cần đúng một trong --agency TÊN, --all hoặc --province.");
    const output = await checkOutput(io, input, values.output, values.force);
    // --all: a .zip of files in --format (default docx); otherwise the output's extension.
    const format = values.all
      ? paperFormat(`x.${values.format ?? "docx"}`, values.format)
      : paperFormat(output, values.format);
    if (values.all && path.extname(output).toLowerCase() !== ".zip")
      throw new UsageError(`--all ghi một tệp .zip (mỗi đơn vị một tệp), không phải "${output}".`);
    const opened = await openTracking(io, input);
    const year = parseYear(
      values.year,
      opened.workbook.reportYear ?? Number(io.today().slice(0, 4))
    );
    checkPaperYear(opened.workbook, year);
    // The report year's rows, or the year's values kept in "Lịch sử"; any other year is refused.
    const wb = workbookForYear(opened.workbook, year, "report");
    const date = parseIsoDate(values.date, defaultDateFor(opened.workbook, year, yearEnd(year)));
    const ctx = reportContext(wb, year, date);
    const edits = textEdits(values);

    let figures: unknown;
    let narrative: unknown;
    let files: string[];
    if (values.province) {
      const texts = printTextsFor(opened, edits, date);
      const r = await provinceReport(ctx, opened.cells, texts, format);
      await io.writeFileAtomic(output, r.bytes);
      figures = r.figures;
      narrative = r.narrative;
      files = [output];
    } else {
      const texts = withEdits(
        { ...printTextsFor(opened, undefined, date), ...agencyReportTexts() },
        edits
      );
      if (values.all) {
        const r = await allAgencyReports(ctx, texts, format, opened.cells);
        await io.writeFileAtomic(output, r.bytes);
        figures = r.figures;
        files = r.files.map((f) => `${output}:${f}`);
      } else {
        const r = await agencyReport(
          ctx,
          findAgency(ctx, values.agency!),
          texts,
          format,
          opened.cells
        );
        await io.writeFileAtomic(output, r.bytes);
        figures = r.figures;
        narrative = r.narrative;
        files = [output];
      }
    }
    if (values.json)
      io.stdout(JSON.stringify({ year, date, figures, narrative, files }, null, 2) + "\n");
    else io.stdout(`Đã ghi ${files.length} báo cáo năm ${year}: ${files.join(", ")}\n`);
    return 0;
  } catch (err) {
    return reportInputError("report", err, io);
  }
}
