/**
 * `phuluc rollover <wb.xlsx> --to <YEAR> -o <out.xlsx>`: starts the next reporting year in a NEW
 * workbook (core/tracking/rollover.ts): the finished year's values go to "Lịch sử", recurring
 * tasks start empty, unfinished multi-year tasks carry over, Năm báo cáo / Ngày báo cáo move on.
 * Only the next year is accepted, once: a workbook already at --to (or past it) is refused with
 * exit 2, so history is never duplicated.
 */
import { CliIo } from "../cli-io";
import { parseCommandArgs, parseIsoDate, parseYear, UsageError } from "../args";
import { reportInputError } from "../read-input-file";
import { rollover } from "../../core/tracking/rollover";
import { rebuiltSpec } from "../../app/tracking-file";
import { checkOutput, openTracking, writeSpec } from "./fix-command";

export async function runRollover(argv: string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseCommandArgs(argv, {
      to: { type: "string" },
      output: { type: "string", short: "o" },
      date: { type: "string" },
      json: { type: "boolean" },
      force: { type: "boolean" },
    });
    if (positionals.length !== 1) throw new UsageError("cần đúng một tệp sổ theo dõi (.xlsx).");
    if (values.to === undefined) throw new UsageError("cần --to NĂM (năm báo cáo mới).");
    const to = parseYear(values.to, 0);
    const input = positionals[0];
    const output = await checkOutput(io, input, values.output, values.force);
    const opened = await openTracking(io, input);
    const wb = opened.workbook;
    const from = wb.reportYear;
    if (from === null)
      throw new UsageError(`sổ chưa có "Năm báo cáo" (trang "Thông tin"): không chuyển năm được.`);
    if (to <= from)
      throw new UsageError(
        to === from
          ? `sổ đã ở năm báo cáo ${from}: đã chuyển năm rồi, không chuyển lại (lịch sử không bị ghi trùng).`
          : `sổ đang ở năm báo cáo ${from}, không lùi về năm ${to}.`
      );
    if (to !== from + 1)
      throw new UsageError(
        `chỉ chuyển được sang năm kế tiếp (${from + 1}), không phải ${to}: năm ${from + 1} chưa được báo cáo.`
      );
    const date = parseIsoDate(values.date, `${to}-12-31`);
    if (!date.startsWith(String(to))) throw new UsageError(`--date phải thuộc năm ${to}.`);

    const result = rollover(wb, to);
    const { spec } = rebuiltSpec(opened, result.workbook, {
      reportYear: to,
      reportDate: date,
      today: io.today(),
      changes: [],
      batchPrefix: "phuluc rollover",
    });
    await writeSpec(io, output, spec);

    const count = (a: string) => result.actions.filter((x) => x.action === a).length;
    const summary = {
      from,
      to,
      reportDate: date,
      output,
      reset: count("reset"),
      carried: count("carry"),
      kept: count("keep"),
      archived: result.archived.length,
    };
    if (values.json)
      io.stdout(JSON.stringify({ ...summary, actions: result.actions }, null, 2) + "\n");
    else
      io.stdout(
        `Đã chuyển sổ từ năm ${from} sang năm ${to} (ngày báo cáo ${date.split("-").reverse().join("/")}): ` +
          `${summary.reset} dòng bắt đầu lại, ${summary.carried} dòng chuyển tiếp, ${summary.kept} dòng giữ nguyên; ` +
          `${summary.archived} dòng năm ${from} lưu vào trang "Lịch sử". Ghi tệp mới ${output} (tệp nguồn giữ nguyên).\n`
      );
    return 0;
  } catch (err) {
    return reportInputError("rollover", err, io);
  }
}
