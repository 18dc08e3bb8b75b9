/**
 * `phuluc fix <wb.xlsx> -o <out.xlsx>`: applies the safe fixes (status spelling, dates typed as
 * text) and writes a NEW workbook; the source is never modified. Every change is printed and
 * listed in the sheet "Nhật ký sửa" (kept and extended across runs) with its value before and
 * after, so nothing typed is lost. Agency replacements are never applied here: they need an
 * officer's explicit choice (the task pane).
 */
import { CliIo } from "../cli-io";
import { parseCommandArgs, parseIsoDate, parseYear, UsageError } from "../args";
import { validateTracking } from "../../core/tracking/validate";
import { applyFixes } from "../../core/tracking/apply-fixes";
import {
  CHANGE_LOG_SHEET,
  changeLogSheet,
  changeValueText,
  logEntries,
  readChangeLog,
  type ChangeValue,
} from "../../core/tracking/changes";
import { trackingWorkbookSpec } from "../../core/workbook/from-tracking";
import * as path from "node:path";
import {
  readTracking,
  type ReadTrackingResult,
  type TrackingCells,
} from "../../core/tracking/read-tracking";
import type { WorkbookSpec } from "../../core/spec/sheet-spec";
import { SHEETS } from "../../core/workbook/columns";
import { keptSheetsFromCells, planSourceFromCells } from "../../core/workbook/from-tracking";
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
    const today = io.today();
    const log = readChangeLog(opened.cells);
    const batch = `phuluc fix ${today} #${new Set(log.map((e) => e.batch)).size + 1}`;
    const spec = trackingWorkbookSpec(workbook, {
      reportYear: wb.reportYear ?? year,
      reportDate: wb.reportDate ?? date,
      dueSoonDays: wb.dueSoonDays,
      generatedOn: today,
      planSource: opened.planSource,
      extraSheets: [
        ...keptSheets(opened),
        changeLogSheet([...log, ...logEntries(changes, batch, today)]),
      ],
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

export interface OpenedTracking extends ReadTrackingResult {
  cells: TrackingCells;
  planSource?: string;
}

export async function openTracking(io: CliIo, file: string): Promise<OpenedTracking> {
  const { readWorkbookCells } = await import("../../xlsx/index");
  const name = path.basename(file);
  const cells = await readWorkbookCells(await readInputFile(io, file), name);
  return { cells, ...readTracking(cells, name), planSource: planSourceFromCells(cells) };
}

/** Sheets of the input the rebuild does not produce (officers' own sheets), kept as values. */
export function keptSheets(opened: OpenedTracking): ReturnType<typeof keptSheetsFromCells> {
  return keptSheetsFromCells(opened.cells, [
    ...Object.values(SHEETS),
    opened.workbook.taskSheet,
    CHANGE_LOG_SHEET,
  ]);
}

export async function writeSpec(io: CliIo, output: string, spec: WorkbookSpec): Promise<void> {
  const { writeWorkbook } = await import("../../xlsx/index");
  await io.writeFileAtomic(output, await writeWorkbook(spec));
}
