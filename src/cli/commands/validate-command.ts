/** `phuluc validate`: the findings the workbook cannot express itself; exit 1 when any error. */
import * as path from "node:path";
import { CliIo } from "../cli-io";
import { onePositional, parseCommandArgs, parseIsoDate, parseYear } from "../args";
import { openTrackingBytes } from "../../app/tracking-file";
import { validateTracking } from "../../core/tracking/validate";
import { findingToJson } from "../import-json";
import { formatFinding } from "../format-finding";
import { readInputFile, reportInputError } from "../read-input-file";

export async function runValidate(argv: string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseCommandArgs(argv, {
      year: { type: "string" },
      date: { type: "string" },
      json: { type: "boolean" },
    });
    const file = onePositional(positionals, "cần đúng một tệp sổ theo dõi (.xlsx).");
    const { workbook, readFindings } = await openTrackingBytes(
      await readInputFile(io, file),
      path.basename(file)
    );
    const date = parseIsoDate(values.date, workbook.reportDate ?? io.today());
    const year = parseYear(values.year, workbook.reportYear ?? Number(date.slice(0, 4)));
    const findings = [...readFindings, ...validateTracking(workbook, { year, date })];
    if (values.json)
      io.stdout(JSON.stringify({ findings: findings.map(findingToJson) }, null, 2) + "\n");
    else {
      for (const f of findings) io.stdout(formatFinding(f) + "\n");
      const errors = findings.filter((f) => f.severity === "error").length;
      io.stdout(
        `${findings.length} phát hiện, trong đó ${errors} lỗi (năm ${year}, ngày ${date}).\n`
      );
    }
    return findings.some((f) => f.severity === "error") ? 1 : 0;
  } catch (err) {
    return reportInputError("validate", err, io);
  }
}
