/**
 * `phuluc fix <wb.xlsx> -o <out.xlsx>`: applies the safe fixes (status spelling, dates typed as
 * text) and writes a NEW workbook; the source is never modified. Every change is printed and
 * listed in the sheet "Nhật ký sửa" (kept and extended across runs) with its value before and
 * after, so nothing typed is lost. Agency replacements are never applied here: they need an
 * officer's explicit choice (the task pane).
 */
import { placedMessage } from "../../core/finding-place";
import { CliIo } from "../cli-io";
import { onePositional, parseCommandArgs, parseIsoDate, parseYear } from "../args";
import { changeValueText, type ChangeValue } from "../../core/tracking/changes";
import { fixedFile, fixTracking } from "../../app/fix";
import { reportInputError } from "../read-input-file";
import { checkOutput, openTracking } from "../tracking-io";

/** A written value for the officer: real dates say so ("15/11/2026" typed as text looks the same). */
const shown = (v: ChangeValue) =>
  v !== null && typeof v === "object" && "date" in v
    ? `ngày ${changeValueText(v)}`
    : `"${changeValueText(v)}"`;

export async function runFix(argv: string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseCommandArgs(argv, {
      output: { type: "string", short: "o" },
      year: { type: "string" },
      date: { type: "string" },
      json: { type: "boolean" },
      force: { type: "boolean" },
    });
    const input = onePositional(positionals, "cần đúng một tệp sổ theo dõi (.xlsx).");
    const output = await checkOutput(io, input, values.output, values.force);
    const opened = await openTracking(io, input);
    const wb = opened.workbook;
    const date = parseIsoDate(values.date, wb.reportDate ?? io.today());
    const year = parseYear(values.year, wb.reportYear ?? Number(date.slice(0, 4)));

    const { workbook, changes, skipped } = fixTracking(opened, { year, date });
    const { bytes, batch } = await fixedFile(opened, workbook, changes, {
      today: io.today(),
      batchPrefix: "phuluc fix",
    });
    await io.writeFileAtomic(output, bytes);

    if (values.json)
      io.stdout(
        JSON.stringify(
          {
            output,
            batch,
            changes,
            skipped: skipped.map((s) => ({
              code: s.finding.code,
              message: placedMessage(s.finding),
              reason: s.reason,
            })),
          },
          null,
          2
        ) + "\n"
      );
    else {
      for (const c of changes)
        io.stdout(
          `${c.sheet}!${c.address} (${c.column}): "${changeValueText(c.before)}" → ${shown(c.after)}\n`
        );
      io.stdout(
        `Đã sửa ${changes.length} ô; ghi tệp mới ${output} (tệp nguồn giữ nguyên). Các thay đổi được ghi trong trang "Nhật ký sửa".\n`
      );
    }
    return 0;
  } catch (err) {
    return reportInputError("fix", err, io);
  }
}
