/**
 * Import orchestrator: input bytes / text / tables -> ImportResult. Reads, locates the phụ
 * lục, builds groups and tasks, reads the plan's metadata, learns the plan's own
 * abbreviations, matches agencies and parses schedules, collecting findings on the way.
 * Unreadable inputs throw InputError (the CLI exits 2); everything else is a finding.
 */
import type { AgencyRef, Finding, ImportResult, Location, Plan, Schedule, Task } from "../model";
import type { RawTable } from "../table/raw-table";
import type { AgencyDirectory } from "../agency/directory";
import { defaultDirectory } from "../agency/default-directory";
import { extractDefinitions } from "../agency/definitions";
import { matchAgencyList } from "../agency/match-agencies";
import { parseSchedule } from "../schedule/parse-schedule";
import { readDocx } from "../readers/docx-reader";
import { PASTED_SOURCE, readPastedText } from "../readers/text-reader";
import { readHtml } from "../readers/html-reader";
import { readPdfLayout } from "../readers/pdf-layout";
import { pdfPartlyScanned, scannedPagesFinding } from "../readers/pdf-errors";
import type { PdfPage } from "../readers/pdf-page";
import { FINDINGS, INPUT_ERRORS } from "../errors/finding-codes";
import { InputError } from "../errors/input-error";
import { paragraphsOfLines } from "../readers/paragraph";
import { PROSE_COLUMNS, readProse, type ProseDraft } from "./prose/read-prose";
import {
  proseAdditions,
  proseError,
  proseReadFinding,
  proseSummaryFindings,
} from "./prose/prose-findings";
import type { ColumnMap } from "./header-columns";
import { locateTable } from "./locate-table";
import { underAppendices } from "./more-appendices";
import { columnLines } from "../table/column-lines";
import { readPlanMeta } from "./plan-meta";
import { DraftTask, buildStructure } from "./structure";

export type ImportInput =
  | { kind: "docx"; bytes: Uint8Array; fileName: string }
  | { kind: "text"; text: string; fileName?: string }
  /** HTML: the clipboard of Word/LibreOffice/Excel/browsers, or a plan saved as a web page. */
  | { kind: "html"; html: string; fileName?: string }
  /** A PDF's pages as the pdfjs adapter (src/pdf) reads them: positioned text and ruling lines. */
  | { kind: "pdf"; pages: PdfPage[]; fileName: string }
  | { kind: "tables"; tables: RawTable[]; bodyText?: string; fileName: string };

export interface ImportOptions {
  /** The user's agency directory; the built-in one (for the plan's province) otherwise. */
  directory?: AgencyDirectory;
}

/** Text a spreadsheet would take for a formula: flagged so the user knows it stays text. */
const FORMULA_START = /^[=@]/;

export async function importPlan(
  input: ImportInput,
  options: ImportOptions = {}
): Promise<ImportResult> {
  const fileName = input.fileName ?? PASTED_SOURCE;
  const content =
    input.kind === "docx"
      ? await readDocx(input.bytes, fileName)
      : input.kind === "text"
        ? readPastedText(input.text, fileName)
        : input.kind === "html"
          ? readHtml(input.html, fileName)
          : input.kind === "pdf"
            ? readPdfLayout(input.pages, fileName)
            : { tables: input.tables, bodyText: input.bodyText ?? "" };
  // NFD and NFC input must give the same result: normalize once, here.
  const tables = content.tables.map(nfcTable);
  const bodyText = content.bodyText.normalize("NFC");
  const paragraphs = (content.paragraphs ?? paragraphsOfLines(bodyText.split("\n"))).map((p) => ({
    ...p,
    text: p.text.normalize("NFC"),
  }));

  let located: ReturnType<typeof locateTable> | null = null;
  try {
    located = locateTable(tables, fileName);
  } catch (e) {
    // No table at all: the plan may assign its tasks in prose.
    if (!(e instanceof InputError) || e.code !== INPUT_ERRORS.NO_TABLE) throw e;
  }
  const context = located?.table.context ?? "";
  // Tables that are not the phụ lục (letterhead, signature block), and title rows above its
  // header (a sheet holding the whole plan), read column by column as a PDF gives them.
  const inAppendix = new Set(
    [located?.table, ...(located?.more ?? [])].flatMap((t) => t?.tables ?? [])
  );
  const layoutText = [
    ...tables.filter((t) => !inAppendix.has(t.index)),
    ...(located ? [{ rows: located.table.aboveHeader }] : []),
  ]
    .flatMap(columnLines)
    .join("\n");
  const meta = readPlanMeta(bodyText, context, fileName, layoutText);
  const base = options.directory ?? defaultDirectory(meta.plan.province || undefined);
  const directory = base.withDefinitions(extractDefinitions(`${bodyText}\n${context}`));
  const prose = readProse(paragraphs, directory, fileName);
  const toTasks = taskMaker(directory, meta.plan.period, fileName);

  const scanned = content.scannedPages ?? [];
  const scanFindings = [
    ...(scanned.length ? [scannedPagesFinding(fileName, scanned)] : []),
    ...(content.findings ?? []),
  ];
  if (!located) {
    if (prose.tasks.length === 0)
      throw scanned.length ? pdfPartlyScanned(fileName, scanned) : proseError(prose, fileName);
    const built = toTasks(prose.tasks, PROSE_COLUMNS);
    return {
      plan: meta.plan,
      groups: prose.groups,
      tasks: built.tasks,
      extraColumns: [],
      findings: [
        ...scanFindings,
        proseReadFinding(prose, fileName),
        ...meta.findings,
        ...prose.findings,
        ...proseSummaryFindings(prose.tasks, meta.plan.period, fileName),
        ...built.findings,
      ],
      source: fileName,
      origin: "prose",
    };
  }

  const { table, more } = located;
  const own = [table, ...more].map((t) => ({ located: t, structure: buildStructure(t, fileName) }));
  // Phụ lục I, II…: each imported under its own name (a plan with one is as it always was).
  const appendices =
    more.length > 0 ? underAppendices(own, fileName) : { parts: own, findings: [] };
  const parts = appendices.parts.map((p) => ({
    structure: p.structure,
    columns: p.located.columns,
  }));
  const structure = {
    groups: parts.flatMap((p) => p.structure.groups),
    tasks: parts.flatMap((p) => p.structure.tasks),
    findings: parts.flatMap((p) => p.structure.findings),
  };
  if (structure.tasks.length === 0) throw noTasks(fileName, structure.groups.length);
  // Each appendix's tasks with its own columns (their names in findings).
  const builtParts = parts.map((p) => toTasks(p.structure.tasks, p.columns));
  const built = {
    tasks: builtParts.flatMap((b) => b.tasks),
    findings: builtParts.flatMap((b) => b.findings),
  };
  const additions = proseAdditions(built.tasks, prose, toTasks, fileName);
  const c = table.columns;
  const header = (i: number) => (i >= 0 ? (c.headers[i] ?? "").replace(/\s+/g, " ").trim() : "");
  const headers = Object.fromEntries(
    (
      [
        ["stt", header(c.stt)],
        ["title", header(c.title)],
        ["lead", header(c.lead)],
        ["partners", header(c.partners)],
        ["time", header(c.time)],
      ] as const
    ).filter(([, h]) => h)
  );
  return {
    plan: Object.keys(headers).length ? { ...meta.plan, headers } : meta.plan,
    groups: structure.groups,
    tasks: built.tasks,
    extraColumns: [...new Set(parts.flatMap((p) => p.columns.extras.map((e) => e.header)))],
    findings: [
      ...scanFindings,
      ...appendices.findings,
      ...meta.findings,
      ...structure.findings,
      ...built.findings,
      ...additions.findings,
    ],
    source: fileName,
    origin: "table",
    ...(additions.tasks.length
      ? { additions: { groups: additions.groups, tasks: additions.tasks } }
      : {}),
  };
}

/** Drafts (table rows or prose) → tasks: agencies matched, schedules parsed, findings said. */
function taskMaker(directory: AgencyDirectory, period: Plan["period"], fileName: string) {
  const matchAgencies = agencyMatcher(directory);
  // A plan repeats a few time texts ("Năm 2026", "Thường xuyên") down thousands of rows: each
  // is parsed once and its schedule shared (schedules are never changed in place).
  const schedules = new Map<string, Schedule>();
  const scheduleOf = (text: string) => {
    let schedule = schedules.get(text);
    if (!schedule) schedules.set(text, (schedule = parseSchedule(text, period)));
    return schedule;
  };
  return (drafts: (DraftTask & Partial<ProseDraft>)[], columns: ColumnMap) => {
    const findings: Finding[] = [];
    const tasks = drafts.map((draft): Task => {
      const at = (column: number): Location => ({
        file: fileName,
        ...(draft.table ? { table: draft.table } : {}),
        row: draft.sourceRow,
        column: columns.headers[column] ?? "",
        ...(draft.numbered ? { task: draft.numbered } : {}),
      });
      const lead = matchAgencies(draft.leadText);
      const partners = matchAgencies(draft.partnersText);
      for (const [refs, column] of [
        [lead, columns.lead],
        [partners, columns.partners],
      ] as const) {
        for (const ref of refs.filter((r) => !r.matched))
          findings.push(unknownAgency(draft, ref, at(column)));
      }
      if (!draft.leadText) {
        findings.push({
          code: FINDINGS.LEAD_MISSING,
          severity: "warning",
          message: `nhiệm vụ ${draft.numbered} chưa có đơn vị chủ trì.`,
          location: at(columns.lead),
        });
      } else if (lead.every((r) => r.vague)) {
        // "..", "-", "Các cơ quan liên quan": a lead cell that names nobody reaches nobody.
        findings.push({
          code: FINDINGS.LEAD_MISSING,
          severity: "warning",
          message: `ô chủ trì của nhiệm vụ ${draft.numbered} ghi "${draft.leadText.replace(/\n/g, " ")}", không nêu đơn vị nào: hãy ghi đơn vị chủ trì.`,
          location: at(columns.lead),
        });
      }
      const timeText = draft.timeText.replace(/\n/g, " ");
      const schedule = scheduleOf(timeText);
      if (schedule.kind === "unknown" || schedule.years === null) {
        findings.push({
          code: FINDINGS.SCHEDULE_UNPARSED,
          severity: "warning",
          message: timeText
            ? `chưa hiểu thời gian thực hiện "${timeText}" của nhiệm vụ ${draft.numbered}; hãy nhập năm và hạn hoàn thành.`
            : `nhiệm vụ ${draft.numbered} chưa có thời gian thực hiện.`,
          location: at(columns.time),
          ...(timeText ? { subject: timeText } : {}),
        });
      }
      findings.push(...formulaLike(draft, columns, at));
      return {
        key: draft.key,
        stt: draft.stt,
        numbered: draft.numbered,
        group: draft.group,
        title: draft.title,
        lead,
        partners,
        // The phụ lục's cells as the plan writes them (lines normalised by the reader): printed
        // as is. Prose has no cell: its phrases are pieces of sentences, named by the directory.
        ...(draft.kind ? {} : { leadText: draft.leadText, partnersText: draft.partnersText }),
        timeText,
        schedule,
        extra: draft.extra,
        sourceRow: draft.sourceRow,
        ...(draft.needsReview ? { needsReview: true } : {}),
        ...(draft.kind ? { kind: draft.kind, origin: "prose" as const } : {}),
      };
    });
    return { tasks, findings };
  };
}

function nfcTable(t: RawTable): RawTable {
  return {
    ...t,
    rows: t.rows.map((r) => r.map((c) => (c ?? "").normalize("NFC"))),
    context: t.context?.normalize("NFC"),
  };
}

/**
 * matchAgencyList for one import, remembered per cell text: a plan repeats the same agency
 * lists hundreds of times. Each call gets its own copies of the refs.
 */
function agencyMatcher(dir: AgencyDirectory): (text: string) => AgencyRef[] {
  const seen = new Map<string, AgencyRef[]>();
  return (text) => {
    let refs = seen.get(text);
    if (!refs) {
      refs = text.trim() ? matchAgencyList(text, dir) : [];
      seen.set(text, refs);
    }
    return refs.map((r) => ({ ...r }));
  };
}

function unknownAgency(draft: DraftTask, ref: AgencyRef, location: Location): Finding {
  const hint = ref.suggestion
    ? ` Có phải là "${ref.suggestion}"?`
    : " Hãy thêm vào danh mục cơ quan nếu đúng.";
  return {
    code: FINDINGS.AGENCY_UNKNOWN,
    severity: "warning",
    message: `không nhận ra cơ quan "${ref.written}".${hint}`,
    location,
    subject: ref.written,
    ...(ref.suggestion
      ? { fix: { description: `Thay bằng "${ref.suggestion}"`, value: ref.suggestion } }
      : {}),
  };
}

/** Cells starting with "=" or "@": kept as text (never formulas), said once per cell. */
function formulaLike(
  draft: DraftTask,
  columns: ColumnMap,
  at: (column: number) => Location
): Finding[] {
  const cells: [number, string][] = [
    [columns.title, draft.title],
    [columns.lead, draft.leadText],
    [columns.partners, draft.partnersText],
    [columns.time, draft.timeText],
    ...columns.extras.map((e): [number, string] => [e.index, draft.extra[e.header] ?? ""]),
  ];
  return cells
    .filter(([, text]) => FORMULA_START.test(text))
    .map(([column, text]) => ({
      code: FINDINGS.FORMULA_LIKE_TEXT,
      severity: "info" as const,
      message: `ô bắt đầu bằng "${text[0]}" được giữ nguyên là văn bản, không phải công thức.`,
      location: at(column),
    }));
}

/**
 * A phụ lục whose rows hold no task (only group titles, or rows the columns could not be told
 * in): the import stops, never an empty workbook.
 */
function noTasks(fileName: string, groups: number): InputError {
  return new InputError(
    INPUT_ERRORS.NO_TASKS,
    fileName,
    `Không tìm thấy nhiệm vụ nào trong tệp "${fileName}": bảng phụ lục có dòng tiêu đề` +
      (groups ? ` và ${groups} dòng nhóm` : "") +
      " nhưng không có dòng nhiệm vụ (số thứ tự, nội dung, đơn vị chủ trì). " +
      "Hãy kiểm tra bảng, hoặc nhập tệp .docx của kế hoạch."
  );
}
