/** `phuluc import`: plan (.docx/.xlsx/.txt/stdin) → tracking workbook (.xlsx) and/or JSON. */
import * as path from "node:path";
import { CliIo } from "../cli-io";
import { parseCommandArgs, parseIsoDate, parseYear, UsageError } from "../args";
import { openPlanFile } from "../../app/open-plan-file";
import { importPlan } from "../../core/import/import-plan";
import { InputError } from "../../core/import/input-error";
import { defaultAgencies } from "../../core/agency/default-directory";
import { buildTrackingWorkbook } from "../../core/workbook/tracking-workbook";
import { importResultToJson } from "../import-json";
import { formatFinding } from "../format-finding";

export async function runImport(argv: string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseCommandArgs(argv, {
      output: { type: "string", short: "o" },
      json: { type: "boolean" },
      year: { type: "string" },
      date: { type: "string" },
      force: { type: "boolean" },
    });
    if (positionals.length !== 1) throw new UsageError("cần đúng một tệp kế hoạch (hoặc - để đọc từ đầu vào chuẩn).");
    if (!values.output && !values.json) throw new UsageError("cần -o <tệp.xlsx> hoặc --json.");
    const inputPath = positionals[0];
    const date = parseIsoDate(values.date, io.today());
    const year = parseYear(values.year, Number(date.slice(0, 4)));

    const output = values.output;
    if (output) {
      if (inputPath !== "-" && path.resolve(output) === path.resolve(inputPath)) {
        throw new UsageError("tệp kết quả trùng với tệp nguồn; Phụ Lục không bao giờ ghi đè tệp nguồn.");
      }
      if (!values.force && (await io.exists(output))) {
        throw new UsageError(`tệp "${output}" đã có; thêm --force nếu muốn ghi đè.`);
      }
    }

    const fileName = inputPath === "-" ? "(đầu vào chuẩn)" : path.basename(inputPath);
    const bytes = inputPath === "-" ? await io.readStdin() : await readOrExplain(io, inputPath);
    const input = await openPlanFile(bytes, fileName);
    const result = await importPlan(input);

    if (output) {
      const spec = buildTrackingWorkbook(result, { reportYear: year, reportDate: date, directory: defaultAgencies() });
      const { writeWorkbook } = await import("../../xlsx");
      await io.writeFileAtomic(output, await writeWorkbook(spec));
    }
    if (values.json) io.stdout(JSON.stringify(importResultToJson(result), null, 2) + "\n");
    else {
      io.stderr(`Đã đọc ${result.groups.length} nhóm, ${result.tasks.length} nhiệm vụ; ghi ${output}.\n`);
      for (const f of result.findings) io.stderr(formatFinding(f) + "\n");
    }
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`phuluc import: ${err.message}\n`);
      return 2;
    }
    if (err instanceof InputError || (err as { code?: string }).code) {
      io.stderr(`phuluc import: ${(err as Error).message}\n`);
      return 2;
    }
    throw err;
  }
}

async function readOrExplain(io: CliIo, file: string): Promise<Uint8Array> {
  try {
    return await io.readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "không tồn tại" : code === "EISDIR" ? "là một thư mục" : "không đọc được";
    throw new UsageError(`tệp "${file}" ${why}.`);
  }
}
