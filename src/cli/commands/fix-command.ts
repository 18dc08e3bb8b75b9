/**
 * `phuluc fix <wb.xlsx> -o <out.xlsx>`: applies the safe fixes (status spelling, dates typed as
 * text) and writes a NEW workbook; the source is never modified. Every change is printed and
 * listed in the sheet "Nhật ký sửa" (kept and extended across runs) with its value before and
 * after, so nothing typed is lost. Agency replacements are never applied here: they need an
 * officer's explicit choice (the task pane).
 */
import * as path from "node:path";
import { CliIo } from "../cli-io";
import { parseCommandArgs, parseIsoDate, parseYear, UsageError } from "../args";
import { validateTracking } from "../../core/tracking/validate";
import { applyFixes } from "../../core/tracking/apply-fixes";
import { changeValueText, type ChangeValue } from "../../core/tracking/changes";
import type { WorkbookSpec } from "../../core/spec/sheet-spec";
import { openTrackingBytes, rebuiltSpec, type OpenedTracking } from "../../app/tracking-file";
import { readInputFile, reportInputError } from "../read-input-file";

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
    if (positionals.length !== 1) throw new UsageError("cần đúng một tệp sổ theo dõi (.xlsx).");
    const input = positionals[0];
    const output = await checkOutput(io, input, values.output, values.force);
    const opened = await openTracking(io, input);
    const wb = opened.workbook;
    const date = parseIsoDate(values.date, wb.reportDate ?? io.today());
    const year = parseYear(values.year, wb.reportYear ?? Number(date.slice(0, 4)));

    const findings = validateTracking(wb, { year, date });
    const { workbook, changes, skipped } = applyFixes(wb, findings);
    const { spec, batch } = rebuiltSpec(opened, workbook, {
      reportYear: wb.reportYear ?? year,
      reportDate: wb.reportDate ?? date,
      today: io.today(),
      changes,
      batchPrefix: "phuluc fix",
    });
    await writeSpec(io, output, spec);

    if (values.json)
      io.stdout(
        JSON.stringify(
          {
            output,
            batch,
            changes,
            skipped: skipped.map((s) => ({
              code: s.finding.code,
              message: s.finding.message,
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

// Shared with `phuluc rollover`: read a tracking file, write a NEW one.
/** Refuses an output equal to the input (the source is never modified) or an existing file. */
export async function checkOutput(
  io: CliIo,
  input: string,
  output: string | undefined,
  force?: boolean
): Promise<string> {
  if (!output) throw new UsageError("cần -o <tệp-mới.xlsx>: Phụ Lục không bao giờ sửa tệp nguồn.");
  if (path.resolve(output) === path.resolve(input))
    throw new UsageError(
      "tệp kết quả trùng với tệp nguồn; Phụ Lục không bao giờ ghi đè tệp nguồn. Hãy chọn tên khác cho -o."
    );
  if (!force && (await io.exists(output)))
    throw new UsageError(`tệp "${output}" đã có; thêm --force nếu muốn ghi đè.`);
  return output;
}

export async function openTracking(io: CliIo, file: string): Promise<OpenedTracking> {
  return openTrackingBytes(await readInputFile(io, file), path.basename(file));
}

export async function writeSpec(io: CliIo, output: string, spec: WorkbookSpec): Promise<void> {
  const { writeWorkbook } = await import("../../xlsx/index");
  await io.writeFileAtomic(output, await writeWorkbook(spec));
}
