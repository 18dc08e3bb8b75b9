/**
 * `phuluc remind <wb.xlsx> --year Y [--date D] [--deadline D2] -o <dir|file.zip> [--one-letter]
 *  [--json] [--force]`: a công văn đôn đốc for each agency whose report was not received (the
 * last consolidation, "Tiếp nhận") or that leads overdue tasks (src/app/reminders.ts); with
 * --one-letter one letter to all with the list attached. --json: {year, agencies, files}.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { CliIo } from "../cli-io";
import { onePositional, parseCommandArgs, parseIsoDate, parseYear, UsageError } from "../args";
import { reportInputError } from "../read-input-file";
import { makeReminders, zipReminders } from "../../app/reminders";
import { defaultDateFor } from "../../core/tracking/tracked-year";
import { openTracking } from "../tracking-io";
import { textEdits, TEXT_OPTIONS } from "../print-options";

export async function runRemind(argv: string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseCommandArgs(argv, {
      year: { type: "string" },
      date: { type: "string" },
      deadline: { type: "string" },
      output: { type: "string", short: "o" },
      "one-letter": { type: "boolean" },
      json: { type: "boolean" },
      force: { type: "boolean" },
      ...TEXT_OPTIONS,
    });
    const input = onePositional(positionals, "cần đúng một tệp sổ theo dõi (.xlsx).");
    const output = values.output;
    if (!output) throw new UsageError("cần -o <thư-mục> hoặc -o <tệp.zip> để ghi các công văn.");
    const opened = await openTracking(io, input);
    const wb = opened.workbook;
    const year = parseYear(values.year, wb.reportYear ?? Number(io.today().slice(0, 4)));
    const date = parseIsoDate(values.date, defaultDateFor(wb, year, io.today()));
    const deadline = values.deadline ? parseIsoDate(values.deadline, "") : null;
    if (deadline && deadline < date)
      throw new UsageError(`hạn mới ${deadline} sớm hơn ngày đôn đốc ${date}.`);
    const r = await makeReminders(opened, {
      year,
      date,
      deadline,
      oneLetter: values["one-letter"],
      edits: textEdits(values),
    });

    let files: string[];
    if (/\.zip$/i.test(output)) {
      if (!values.force && (await io.exists(output)))
        throw new UsageError(`tệp "${output}" đã có; thêm --force nếu muốn ghi đè.`);
      await io.writeFileAtomic(output, await zipReminders(r.files));
      files = r.files.map((f) => `${output}:${f.file}`);
    } else {
      await fs.mkdir(output, { recursive: true });
      const written = r.files.map((f) => ({ file: path.join(output, f.file), bytes: f.bytes }));
      files = written.map((w) => w.file);
      for (const f of files)
        if (!values.force && (await io.exists(f)))
          throw new UsageError(`tệp "${f}" đã có; thêm --force nếu muốn ghi đè.`);
      for (const w of written) await io.writeFileAtomic(w.file, w.bytes);
    }
    if (values.json)
      io.stdout(
        JSON.stringify(
          {
            year,
            agencies: r.agencies.map((a) => ({
              agency: a.agency,
              reason: a.reason,
              tasks: a.tasks,
            })),
            files,
          },
          null,
          2
        ) + "\n"
      );
    else if (!r.agencies.length)
      io.stdout(
        `Năm ${year}: không có đơn vị nào chậm báo cáo hay có nhiệm vụ quá hạn đến ngày ${date}.\n`
      );
    else {
      for (const a of r.agencies)
        io.stdout(
          `${a.agency}\t${a.reason === "not_reported" ? "chưa báo cáo" : "có nhiệm vụ quá hạn"}\t${a.tasks.length} nhiệm vụ quá hạn\n`
        );
      io.stdout(`Đã ghi ${files.length} công văn đôn đốc năm ${year}: ${files.join(", ")}\n`);
    }
    return 0;
  } catch (err) {
    return reportInputError("remind", err, io);
  }
}
