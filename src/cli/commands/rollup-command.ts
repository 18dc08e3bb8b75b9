/** `phuluc rollup`: the figures of the "Tổng hợp" sheet, computed in core. */
import * as path from "node:path";
import { CliIo } from "../cli-io";
import { onePositional, parseCommandArgs, parseIsoDate, parseYear } from "../args";
import { openTrackingBytes } from "../../app/tracking-file";
import { workbookRollup } from "../../core/tracking/workbook-rollup";
import { defaultDateFor, workbookForYear } from "../../core/tracking/tracked-year";
import { readInputFile, reportInputError } from "../read-input-file";
import { yearEnd } from "../../core/text/dates";

export async function runRollup(argv: string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseCommandArgs(argv, {
      year: { type: "string" },
      date: { type: "string" },
      json: { type: "boolean" },
      successor: { type: "boolean" },
    });
    const file = onePositional(positionals, "cần đúng một tệp sổ theo dõi (.xlsx).");
    const { workbook } = await openTrackingBytes(
      await readInputFile(io, file),
      path.basename(file)
    );
    const year = parseYear(values.year, workbook.reportYear ?? Number(io.today().slice(0, 4)));
    // The report year's rows, or a year kept in "Lịch sử"; any other year is refused.
    const wb = workbookForYear(workbook, year, "rollup");
    const date = parseIsoDate(values.date, defaultDateFor(workbook, year, yearEnd(year)));
    // A superseded agency's rows count under the one existing on the date (an old name typed
    // back into a current row), exactly like the "Tổng hợp" sheet, whose lines also match the
    // names their agency succeeded (summary-sheet.ts); --successor, once needed, is the default.
    // Names in another spelling ("Sở Y tê") count as the agency they fit, like the sheet.
    const result = workbookRollup(wb, year, date);
    if (values.json) io.stdout(JSON.stringify(result, null, 2) + "\n");
    else {
      for (const a of result.agencies) {
        const rate = a.rate === null ? "—" : `${(a.rate * 100).toFixed(2).replace(".", ",")}%`;
        io.stdout(
          `${a.role === "lead" ? "Chủ trì" : "Phối hợp"}\t${a.agency}\t${a.total} nhiệm vụ\ttỷ lệ ${rate}\n`
        );
      }
      const unread = result.unreadStatus ?? [];
      if (unread.length)
        io.stdout(
          `Lưu ý: ${unread.length} dòng có trạng thái chưa đọc được, tính như chưa hoàn thành (${unread
            .slice(0, 5)
            .map((u) => `dòng ${u.row}: "${u.text}"`)
            .join("; ")}${unread.length > 5 ? "; …" : ""}); xem phuluc validate.\n`
        );
    }
    return 0;
  } catch (err) {
    return reportInputError("rollup", err, io);
  }
}
