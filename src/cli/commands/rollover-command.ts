/**
 * `phuluc rollover <wb.xlsx> --to <YEAR> -o <out.xlsx>`: starts the next reporting year in a NEW
 * workbook (core/tracking/rollover.ts): the finished year's values go to "Lịch sử", recurring
 * tasks start empty, unfinished multi-year tasks carry over, Năm báo cáo / Ngày báo cáo move on.
 * The refusals are core/tracking/rollover-rules.ts (as in the pane and the open workbook): only
 * the next year, once; a refused roll-over exits 2, so history is never duplicated. Errors still
 * open in the finished year are listed and stop the roll-over with exit 1, nothing written,
 * unless --force: "Lịch sử" keeps what it archives for good.
 */
import { rolloverRefusal } from "../../core/tracking/rollover-rules";
import { formatFinding } from "../format-finding";
import { CliIo } from "../cli-io";
import { onePositional, parseCommandArgs, parseIsoDate, parseYear, UsageError } from "../args";
import { reportInputError } from "../read-input-file";
import { planRollover, rolledFile } from "../../app/rollover";
import { checkOutput, openTracking } from "../tracking-io";
import { formatViDate, yearEnd } from "../../core/text/dates";

export async function runRollover(argv: string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseCommandArgs(argv, {
      to: { type: "string" },
      output: { type: "string", short: "o" },
      date: { type: "string" },
      json: { type: "boolean" },
      force: { type: "boolean" },
    });
    const input = onePositional(positionals, "cần đúng một tệp sổ theo dõi (.xlsx).");
    if (values.to === undefined) throw new UsageError("cần --to NĂM (năm báo cáo mới).");
    const to = parseYear(values.to, 0);
    const output = await checkOutput(io, input, values.output, values.force);
    const opened = await openTracking(io, input);
    const wb = opened.workbook;
    const refusal = rolloverRefusal(wb, to);
    if (refusal) throw new UsageError(refusal.message);
    const from = wb.reportYear!;
    const date = parseIsoDate(values.date, yearEnd(to));
    if (!date.startsWith(String(to))) throw new UsageError(`--date phải thuộc năm ${to}.`);

    const plan = planRollover(opened, wb, to, date);
    const errors = plan.errors;
    if (errors.length > 0) {
      for (const f of errors) io.stderr(formatFinding(f) + "\n");
      if (!values.force) {
        io.stderr(
          `phuluc rollover: năm ${from} còn ${errors.length} lỗi (liệt kê ở trên); trang "Lịch sử" lưu số liệu năm ${from} vĩnh viễn, nên hãy sửa trước (phuluc fix / sửa trong sổ) hoặc thêm --force để vẫn chuyển năm. Chưa ghi tệp nào.\n`
        );
        return 1;
      }
      io.stderr(`Vẫn chuyển năm (--force) dù còn ${errors.length} lỗi.\n`);
    }

    const { bytes } = await rolledFile(opened, plan, {
      today: io.today(),
      batchPrefix: "phuluc rollover",
    });
    await io.writeFileAtomic(output, bytes);

    const result = plan.result;
    const summary = { ...plan.summary, output, errors: errors.length };
    if (values.json)
      io.stdout(JSON.stringify({ ...summary, actions: result.actions }, null, 2) + "\n");
    else {
      io.stdout(
        `Đã chuyển sổ từ năm ${from} sang năm ${to} (ngày báo cáo ${formatViDate(date)}): ` +
          `${summary.reset} dòng bắt đầu lại, ${summary.carried} dòng chuyển tiếp, ${summary.kept} dòng giữ nguyên; ` +
          `${summary.archived} dòng năm ${from} lưu vào trang "Lịch sử". Ghi tệp mới ${output} (tệp nguồn giữ nguyên).\n`
      );
      for (const line of movedLines(result.moved)) io.stdout(line + "\n");
    }
    return 0;
  } catch (err) {
    return reportInputError("rollover", err, io);
  }
}

/** "Sở Thông tin và Truyền thông → Sở Văn hóa, Thể thao và Du lịch: 12 dòng chủ trì, 3 dòng phối hợp". */
function movedLines(moved: { role: string; from: string; to: string }[]): string[] {
  const by = new Map<string, { lead: number; partner: number }>();
  for (const m of moved) {
    const k = `${m.from} → ${m.to}`;
    const c = by.get(k) ?? { lead: 0, partner: 0 };
    if (m.role === "lead") c.lead++;
    else c.partner++;
    by.set(k, c);
  }
  return [...by].map(
    ([k, c]) =>
      `Đơn vị đã sắp xếp lại: ${k}: ${[c.lead ? `${c.lead} dòng chủ trì` : "", c.partner ? `${c.partner} dòng phối hợp` : ""].filter(Boolean).join(", ")}.`
  );
}
