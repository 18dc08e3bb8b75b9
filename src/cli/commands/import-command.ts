/** `phuluc import`: plan (.docx/.xlsx/.txt/stdin) → tracking workbook (.xlsx) and/or JSON. */
import * as path from "node:path";
import { CliIo } from "../cli-io";
import { parseCommandArgs, parseIsoDate, parseYear, UsageError } from "../args";
import { openPlanFile } from "../../app/open-plan-file";
import { importPlan } from "../../core/import/import-plan";
import { withAdditions } from "../../core/import/prose/with-additions";
import {
  defaultReportDate,
  defaultReportYear,
  yearOutsidePlan,
} from "../../core/schedule/report-year";
import { defaultAgencies } from "../../core/agency/default-directory";
import {
  buildTrackingWorkbook,
  trackingWorkbookFindings,
  type TrackingWorkbookOptions,
} from "../../core/workbook/tracking-workbook";
import { importResultToJson } from "../import-json";
import { successorMappings, type SuccessorMapping } from "../../core/agency/plan-successors";
import { formatFinding } from "../format-finding";
import { readInputFile, reportInputError } from "../read-input-file";
import { refuseSameFile } from "../tracking-io";

export async function runImport(argv: string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseCommandArgs(argv, {
      output: { type: "string", short: "o" },
      json: { type: "boolean" },
      year: { type: "string" },
      date: { type: "string" },
      force: { type: "boolean" },
      // node 20's parseArgs has no negated flags: "--no-expand" is a flag of its own.
      "no-expand": { type: "boolean" },
      // A plan with a table and prose assignments: also track the prose tasks the table lacks.
      "add-prose": { type: "boolean" },
    });
    if (positionals.length !== 1)
      throw new UsageError("cần đúng một tệp kế hoạch (hoặc - để đọc từ đầu vào chuẩn).");
    if (!values.output && !values.json) throw new UsageError("cần -o <tệp.xlsx> hoặc --json.");
    const inputPath = positionals[0];
    // Checked before reading the plan; the defaults depend on the plan's period (below).
    parseIsoDate(values.date, io.today());
    if (values.year !== undefined) parseYear(values.year, 0);

    const output = values.output;
    if (output) {
      if (inputPath !== "-") await refuseSameFile(io, inputPath, output);
      if (!values.force && (await io.exists(output))) {
        throw new UsageError(`tệp "${output}" đã có; thêm --force nếu muốn ghi đè.`);
      }
    }

    const fileName = inputPath === "-" ? "(đầu vào chuẩn)" : path.basename(inputPath);
    const bytes = inputPath === "-" ? await io.readStdin() : await readInputFile(io, inputPath);
    const input = await openPlanFile(bytes, fileName);
    let result = await importPlan(input);
    if (values["add-prose"]) result = withAdditions(result);
    const todayYear = Number(io.today().slice(0, 4));
    const year = parseYear(
      values.year,
      values.date
        ? Number(values.date.slice(0, 4))
        : defaultReportYear(result.plan.period, todayYear)
    );
    const date = parseIsoDate(values.date, defaultReportDate(year, io.today()));
    // A year the officer chose outside the plan's period is refused before anything is written.
    const outside =
      values.year !== undefined || values.date ? yearOutsidePlan(result.plan.period, year) : null;
    if (outside && !values.force)
      throw new UsageError(
        `${outside} Chọn một năm trong giai đoạn của kế hoạch, hoặc thêm --force nếu đúng là muốn theo dõi năm ${year}.`
      );
    // Who answers on the report date for agencies the plan names that no longer exist.
    const successors = successorMappings(
      result,
      defaultAgencies(result.plan.province || undefined),
      date
    );

    if (output) {
      const options: TrackingWorkbookOptions = {
        reportYear: year,
        reportDate: date,
        directory: defaultAgencies(result.plan.province || undefined),
        expandCollectives: !values["no-expand"],
      };
      const spec = buildTrackingWorkbook(result, options);
      const { writeWorkbook } = await import("../../xlsx/index");
      await io.writeFileAtomic(output, await writeWorkbook(spec));
      // What the workbook could not do (a collective without members) is told with the import's.
      result = {
        ...result,
        findings: [...result.findings, ...trackingWorkbookFindings(result, options)],
      };
    }
    if (values.json)
      io.stdout(JSON.stringify({ ...importResultToJson(result), successors }, null, 2) + "\n");
    else {
      const from = result.origin === "prose" ? " (từ phần tổ chức thực hiện, không có bảng)" : "";
      io.stderr(
        `Đã đọc ${result.groups.length} nhóm, ${result.tasks.length} nhiệm vụ${from}; ghi ${output}.\n`
      );
      if (result.additions)
        io.stderr(
          `Còn ${result.additions.tasks.length} nhiệm vụ giao trong văn bản chưa có trong bảng: thêm --add-prose để theo dõi cả chúng.\n`
        );
      for (const m of successors) io.stderr(successorLine(m, year) + "\n");
      for (const f of result.findings) io.stderr(formatFinding(f) + "\n");
    }
    return 0;
  } catch (err) {
    return reportInputError("import", err, io);
  }
}

/** "Năm 2026: "Sở Thông tin và Truyền thông" → "Sở Văn hóa, …" (từ 01/03/2025, lĩnh vực …): 5 nhiệm vụ chủ trì, 3 phối hợp." */
export function successorLine(m: SuccessorMapping, year: number): string {
  const since = m.since ? `từ ${m.since.split("-").reverse().join("/")}` : "";
  const why = [since, m.field ? `theo lĩnh vực ${m.field} của kế hoạch` : ""].filter(Boolean);
  return (
    `Năm ${year}: "${m.from}" → "${m.to}"${why.length ? ` (${why.join(", ")})` : ""}: ` +
    `${m.leadTasks} nhiệm vụ chủ trì, ${m.partnerTasks} phối hợp. Đổi được ở cột "Đơn vị kế thừa", trang "Đơn vị".`
  );
}
