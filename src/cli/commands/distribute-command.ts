/**
 * `phuluc distribute <master.xlsx> --year Y -o <dir|file.zip> [--deadline YYYY-MM-DD] [--json]`:
 * one workbook per agency with its tasks of the year (src/app/distribute.ts). The master is
 * never modified; existing files in the output are not overwritten without --force.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { CliIo } from "../cli-io";
import { onePositional, parseCommandArgs, parseIsoDate, parseYear, UsageError } from "../args";
import { reportInputError } from "../read-input-file";
import { distributeWorkbooks, zipFiles } from "../../app/distribute";
import { openTracking } from "../tracking-io";
import { checkTrackedYear } from "../../core/tracking/tracked-year";

export async function runDistribute(argv: string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseCommandArgs(argv, {
      year: { type: "string" },
      output: { type: "string", short: "o" },
      deadline: { type: "string" },
      json: { type: "boolean" },
      force: { type: "boolean" },
    });
    const input = onePositional(positionals, "cần đúng một tệp sổ theo dõi (.xlsx).");
    if (!values.output)
      throw new UsageError("cần -o <thư-mục> hoặc -o <tệp.zip> để ghi các tệp gửi đơn vị.");
    const opened = await openTracking(io, input);
    const wb = opened.workbook;
    const year = parseYear(values.year, wb.reportYear ?? Number(io.today().slice(0, 4)));
    checkTrackedYear(wb, year, "distribute");
    const deadline = values.deadline ? parseIsoDate(values.deadline, "") : null;
    const { files, unassigned } = await distributeWorkbooks(wb, {
      year,
      deadline,
      today: io.today(),
    });
    if (files.length === 0)
      throw new UsageError(`không có đơn vị nào chủ trì hay phối hợp nhiệm vụ của năm ${year}.`);

    const output = values.output;
    if (/\.zip$/i.test(output)) {
      if (!values.force && (await io.exists(output)))
        throw new UsageError(`tệp "${output}" đã có; thêm --force nếu muốn ghi đè.`);
      await io.writeFileAtomic(output, await zipFiles(files));
    } else {
      for (const f of files) {
        const target = path.join(output, f.file);
        if (!values.force && (await io.exists(target)))
          throw new UsageError(`tệp "${target}" đã có; thêm --force nếu muốn ghi đè.`);
      }
      // All or nothing: a full disk leaves no partial set (cli-io: temporary folder, then moved).
      if (io.writeSetAtomic)
        await io.writeSetAtomic(
          output,
          files.map((f) => ({ name: f.file, bytes: f.bytes }))
        );
      else {
        await fs.mkdir(output, { recursive: true });
        for (const f of files) await io.writeFileAtomic(path.join(output, f.file), f.bytes);
      }
    }
    if (values.json)
      io.stdout(
        JSON.stringify(
          {
            year,
            files: files.map((f) => ({
              agency: f.agency,
              file: f.file,
              lead: f.lead,
              partner: f.partner,
            })),
            // Lead rows of the year no file carries: files' lead rows + these = the year's.
            unassigned: unassigned.map((u) => ({ task: u.task, lead: u.lead, why: u.why })),
          },
          null,
          2
        ) + "\n"
      );
    else {
      for (const f of files) io.stdout(`${f.file}\tchủ trì ${f.lead}\tphối hợp ${f.partner}\n`);
      io.stdout(`Đã tạo ${files.length} tệp cho các đơn vị (năm ${year}) tại ${output}.\n`);
      if (unassigned.length)
        io.stdout(
          `${unassigned.length} dòng nhiệm vụ chưa đến được đơn vị nào (không có trong tệp nào):\n` +
            unassigned
              .map((u) => `Chưa giao\t${u.task}\t${u.lead || "(trống)"}\t${u.why}\n`)
              .join("")
        );
    }
    return 0;
  } catch (err) {
    return reportInputError("distribute", err, io);
  }
}
