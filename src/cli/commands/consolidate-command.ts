/**
 * `phuluc consolidate <master.xlsx> <files or folders…> --year Y -o <out.xlsx> [--json]`:
 * the returned agency workbooks merged into a NEW master (src/app/consolidate-files.ts).
 * Exit 0 once the output is written, rejected files included (each with its reason); 2 when the
 * master is unreadable or the arguments are wrong. Inputs are never modified.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { CliIo } from "../cli-io";
import { parseCommandArgs, parseIsoDate, parseYear, UsageError } from "../args";
import { reportInputError } from "../read-input-file";
import { consolidateFiles, type ReturnedBytes } from "../../app/consolidate-files";
import { checkOutput, openTracking, refuseSameFile } from "../tracking-io";
import { checkTrackedYear } from "../../core/tracking/tracked-year";
import { localDateTime } from "../../core/text/dates";
import type { Rejected } from "../../core/exchange/consolidation-model";

// .ods too: not readable, but named with what to do rather than passed over in silence.
const SPREADSHEET = /\.(xlsx|xlsm|xls|ods)$/i;

/** Files given, and the spreadsheets inside folders given (recursively, sorted by path). */
async function collect(inputs: string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string) => {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (SPREADSHEET.test(e.name)) out.push(p);
    }
  };
  for (const input of inputs) {
    const st = await fs.stat(input).catch(() => null);
    if (!st) throw new UsageError(`"${input}" không tồn tại.`);
    if (st.isDirectory()) await walk(input);
    else out.push(input);
  }
  return out;
}

/** "--confirm tệp!trang!dòng=MÃ": the officer confirms a listed row reports task MÃ. */
function parseConfirmation(text: string) {
  const [, file, sheet, row, key] = /^(.+)!([^!]+)!(\d+)=(.+)$/.exec(text) ?? [];
  if (file === undefined || sheet === undefined || row === undefined || key === undefined)
    throw new UsageError(
      `--confirm cần dạng "tệp!trang!dòng=mã nhiệm vụ" (ví dụ "bao-cao.xlsx!Sheet1!12=T1.2"), không phải "${text}".`
    );
  return { file, sheet, row: Number(row), key };
}

export async function runConsolidate(argv: string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseCommandArgs(argv, {
      year: { type: "string" },
      date: { type: "string" },
      output: { type: "string", short: "o" },
      json: { type: "boolean" },
      force: { type: "boolean" },
      confirm: { type: "string", multiple: true },
      prefer: { type: "string" },
    });
    const prefer = values.prefer;
    if (prefer !== undefined && prefer !== "agency" && prefer !== "master")
      throw new UsageError(
        `--prefer nhận "agency" (lấy giá trị của đơn vị) hoặc "master" (giữ giá trị trong sổ), không phải "${prefer}".`
      );
    const [masterFile, ...inputs] = positionals;
    if (masterFile === undefined || inputs.length === 0)
      throw new UsageError(
        "cần sổ theo dõi (.xlsx) và ít nhất một tệp hoặc thư mục báo cáo của đơn vị."
      );
    const output = await checkOutput(io, masterFile, values.output, values.force);
    for (const input of inputs) await refuseSameFile(io, input, output);
    const master = await openTracking(io, masterFile);
    const wb = master.workbook;
    const year = parseYear(values.year, wb.reportYear ?? Number(io.today().slice(0, 4)));
    checkTrackedYear(wb, year, "consolidate");
    const date = parseIsoDate(values.date, wb.reportDate ?? io.today());
    const files: ReturnedBytes[] = [];
    // The master itself (or this run's output) among the returns is no report: said, not
    // passed over, so the officer knows which file was not read and why.
    const skipped: Rejected[] = [];
    const roots = inputs.filter((i) => !SPREADSHEET.test(i));
    for (const p of await collect(inputs)) {
      const root = roots.find((r) => path.resolve(p).startsWith(path.resolve(r) + path.sep));
      const file = root ? path.relative(root, p) : path.basename(p);
      const itself = [masterFile, output].find((f) => path.resolve(p) === path.resolve(f));
      if (itself !== undefined) {
        skipped.push({
          file,
          code: "TRACKING_WORKBOOK",
          message:
            itself === masterFile
              ? `Tệp "${file}" là chính sổ theo dõi đang tổng hợp (tệp đầu tiên của lệnh), không phải báo cáo của một đơn vị: bỏ qua.`
              : `Tệp "${file}" là tệp kết quả của lệnh này (-o), không phải báo cáo của một đơn vị: bỏ qua.`,
        });
        continue;
      }
      files.push({ file, bytes: await io.readFile(p), mtime: (await fs.stat(p)).mtimeMs });
    }
    const confirmed = (values.confirm ?? []).map(parseConfirmation);
    const now = new Date();
    const { result, bytes, batch } = await consolidateFiles(master, files, {
      year,
      date,
      today: io.today(),
      consolidatedAt: localDateTime(now),
      batchPrefix: "phuluc consolidate",
      confirmed,
      prefer,
    });
    await io.writeFileAtomic(output, bytes);
    const r = { ...result.report, rejected: [...skipped, ...result.report.rejected] };
    if (values.json) {
      io.stdout(
        JSON.stringify(
          {
            received: r.received.map((x) => ({
              file: x.file,
              agency: x.agency,
              rows: x.rows,
              matched: x.matched,
              method: x.method,
              confidence: x.confidence,
              agencyFrom: x.agencyFrom,
              reportDate: x.reportDate,
              warnings: x.warnings,
              ignoredColumns: x.ignoredColumns,
              empty: x.empty,
            })),
            missing: r.missing,
            unassigned: r.unassigned.map((u) => ({ task: u.task, lead: u.lead, why: u.why })),
            rejected: r.rejected.map(({ file, code, message }) => ({ file, code, message })),
            conflicts: r.conflicts,
            masterConflicts: r.masterConflicts,
            unmatched: r.unmatched,
            dropped: r.dropped,
            rollup: r.rollup,
          },
          null,
          2
        ) + "\n"
      );
    } else {
      for (const x of r.received) {
        io.stdout(
          `${x.empty ? "Đã nhận, chưa điền gì" : "Đã nhận"}\t${x.agency}\t${x.file}\t${x.matched}/${x.rows} dòng khớp (${x.method === "identity" ? "mã báo cáo" : `theo tiêu đề, độ tin cậy ${x.confidence}`})${x.ignoredColumns.length ? `\tcột không dùng: ${x.ignoredColumns.map((c) => `"${c.header || "(không tiêu đề)"}" (${c.sheet}!${c.column})`).join(", ")}` : ""}\n`
        );
        // What was noticed in the file (a row joined or not taken, a value kept as typed):
        // the pane lists these; the command line said nothing of them.
        for (const w of x.warnings) io.stdout(`Lưu ý\t${x.file}\t${w}\n`);
      }
      for (const x of r.rejected) io.stdout(`Từ chối\t${x.file}\t${x.message}\n`);
      for (const x of r.missing) io.stdout(`Chưa nhận\t${x.agency}\t${x.tasks} nhiệm vụ chủ trì\n`);
      for (const x of r.unassigned)
        io.stdout(`Chưa giao\t${x.task}\t${x.lead || "(trống)"}\t${x.why}\n`);
      for (const x of r.conflicts)
        io.stdout(
          `Xung đột\t${x.agency}\t${x.key}\tgiữ "${x.kept}" (trong ${x.files.join(", ")})\n`
        );
      for (const x of r.masterConflicts)
        io.stdout(
          `Sổ đã sửa\t${x.agency}\t${x.key}\t${x.header}: sổ "${x.master}", tệp "${x.reported}" (${x.file})\tgiữ ${x.kept === "master" ? "giá trị trong sổ" : "giá trị của đơn vị"}\n`
        );
      if (r.masterConflicts.some((x) => x.kept === "master") && !prefer)
        io.stdout(
          `Các ô trên do người tổng hợp nhập sau lần tổng hợp trước nên được giữ; dùng --prefer agency để lấy giá trị của đơn vị.\n`
        );
      for (const x of r.unmatched)
        io.stdout(
          `Không khớp\t${x.file}\t${x.sheet}!dòng ${x.row}\t${x.text}${x.candidate ? `\t(gần nhất: ${x.candidate.key}, ${x.candidate.confidence})` : ""}\n`
        );
      for (const x of r.dropped)
        io.stdout(
          `Bỏ sót\t${x.file}\t${x.agency}\t${x.key}\ttệp gửi lại không còn dòng của nhiệm vụ này\n`
        );
      io.stdout(
        `Đã tổng hợp ${r.received.length} tệp, ${result.changes.length} ô thay đổi (${batch}); ghi tệp mới ${output}. Tệp nguồn giữ nguyên.\n`
      );
    }
    return 0;
  } catch (err) {
    return reportInputError("consolidate", err, io);
  }
}
