/** `phuluc import`: plan (.docx/.xlsx/.txt/stdin) → tracking workbook (.xlsx) and/or JSON. */
import * as path from "node:path";
import { CliIo } from "../cli-io";
import { onePositional, parseCommandArgs, parseIsoDate, parseYear, UsageError } from "../args";
import { openPlanFile } from "../../app/open-plan-file";
import { importPlan } from "../../core/import/import-plan";
import { withAdditions } from "../../core/import/prose/with-additions";
import {
  defaultReportDate,
  defaultReportYear,
  yearOutsidePlan,
} from "../../core/schedule/report-year";
import { defaultAgencies } from "../../core/agency/default-directory";
import { WORKBOOK_FINDINGS } from "../../core/workbook/lead-expansion";
import { AGENCY_KIND_LABELS } from "../../core/workbook/agencies-sheet";
import type { AgencyKind, Finding } from "../../core/model";
import {
  trackingWorkbookAndFindings,
  trackingWorkbookFindings,
  type TrackingWorkbookOptions,
} from "../../core/workbook/tracking-workbook";
import { importResultToJson } from "../import-json";
import { successorMappings, type SuccessorMapping } from "../../core/agency/plan-successors";
import { formatFinding } from "../format-finding";
import { readInputFile, reportInputError } from "../read-input-file";
import { refuseSameFile } from "../tracking-io";
import { formatViDate } from "../../core/text/dates";

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
      // The preview's questions answered: members of a collective without any, kinds of agencies
      // the directory lacked ("Tên=Ban").
      members: { type: "string", multiple: true },
      "agency-kind": { type: "string", multiple: true },
    });
    const members = parseMembers(values.members ?? []);
    const agencyKinds = parseKinds(values["agency-kind"] ?? []);
    const inputPath = onePositional(
      positionals,
      "cần đúng một tệp kế hoạch (hoặc - để đọc từ đầu vào chuẩn)."
    );
    if (!values.output && !values.json) throw new UsageError("cần -o <tệp.xlsx> hoặc --json.");
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

    const options: TrackingWorkbookOptions = {
      reportYear: year,
      reportDate: date,
      directory: defaultAgencies(result.plan.province || undefined),
      expandCollectives: !values["no-expand"],
      ...(members ? { members } : {}),
      agencyKinds,
    };
    // What the workbook will do or cannot do (agencies added to "Đơn vị", a collective without
    // members reaching nobody) is told with the import's findings: the preview's questions.
    let workbookFindings: Finding[];
    if (output) {
      const made = trackingWorkbookAndFindings(result, options);
      workbookFindings = made.findings;
      // The writer alone: the xlsx index also loads the readers and jszip, which import never uses.
      const { writeWorkbook } = await import("../../xlsx/write-workbook");
      await io.writeFileAtomic(output, await writeWorkbook(made.spec));
    } else workbookFindings = trackingWorkbookFindings(result, options);
    result = { ...result, findings: [...result.findings, ...workbookFindings] };
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
      const noMembers = workbookFindings.find(
        (f) => f.code === WORKBOOK_FINDINGS.COLLECTIVE_WITHOUT_MEMBERS
      );
      if (noMembers)
        io.stderr(
          `Để giao các nhiệm vụ đó: nhập lại với --members "${noMembers.subject}=<đơn vị>; <đơn vị>" ` +
            "(các đơn vị thành viên, hoặc một đơn vị nhận).\n"
        );
      if (workbookFindings.some((f) => f.code === WORKBOOK_FINDINGS.AGENCY_ADDED))
        io.stderr(
          'Loại của đơn vị mới: sửa ở trang "Đơn vị" hoặc nhập lại với --agency-kind "<tên>=<loại>" ' +
            `(loại: ${Object.values(AGENCY_KIND_LABELS).join(", ")}).\n`
        );
    }
    return 0;
  } catch (err) {
    return reportInputError("import", err, io);
  }
}

/** "Năm 2026: "Sở Thông tin và Truyền thông" → "Sở Văn hóa, …" (từ 01/03/2025, lĩnh vực …): 5 nhiệm vụ chủ trì, 3 phối hợp." */
function successorLine(m: SuccessorMapping, year: number): string {
  const since = m.since ? `từ ${formatViDate(m.since)}` : "";
  const why = [since, m.field ? `theo lĩnh vực ${m.field} của kế hoạch` : ""].filter(Boolean);
  return (
    `Năm ${year}: "${m.from}" → "${m.to}"${why.length ? ` (${why.join(", ")})` : ""}: ` +
    `${m.leadTasks} nhiệm vụ chủ trì, ${m.partnerTasks} phối hợp. Đổi được ở cột "Đơn vị kế thừa", trang "Đơn vị".`
  );
}

/** `--members "Các cơ quan báo chí tỉnh=Báo X; Đài Y"` (repeatable) → collective → member names. */
function parseMembers(values: string[]): Record<string, string[]> | undefined {
  if (values.length === 0) return undefined;
  const out: Record<string, string[]> = {};
  for (const v of values) {
    const at = v.indexOf("=");
    const names =
      at > 0
        ? v
            .slice(at + 1)
            .split(";")
            .map((n) => n.trim())
            .filter(Boolean)
        : [];
    if (at <= 0 || names.length === 0)
      throw new UsageError(`--members cần dạng "<nhóm>=<đơn vị>; <đơn vị>", không phải "${v}".`);
    const group = v.slice(0, at).trim();
    out[group] = [...(out[group] ?? []), ...names];
  }
  return out;
}

/** `--agency-kind "Ban Dự án số 1=Ban"` (repeatable): the kind label of "Đơn vị" ("Sở", "Ban"…). */
function parseKinds(values: string[]): Record<string, AgencyKind> {
  const byLabel = new Map(
    Object.entries(AGENCY_KIND_LABELS).map(([k, label]) => [label.toLowerCase(), k as AgencyKind])
  );
  const out: Record<string, AgencyKind> = {};
  for (const v of values) {
    const at = v.lastIndexOf("=");
    const kind =
      at > 0
        ? byLabel.get(
            v
              .slice(at + 1)
              .trim()
              .toLowerCase()
          )
        : undefined;
    if (!kind)
      throw new UsageError(
        `--agency-kind cần dạng "<tên>=<loại>" với loại là ${Object.values(AGENCY_KIND_LABELS).join(", ")}; không phải "${v}".`
      );
    out[v.slice(0, at).trim()] = kind;
  }
  return out;
}
