/**
 * One agency's yearly report: heading (agency, plan, year), the summary exactly as the rollup
 * counts it (as lead and as partner), then its tasks as lead (status, progress, result,
 * difficulties, proposals), then as partner (with the lead and what the agency wrote it
 * contributed, from "Phối hợp báo cáo").
 * A row the plan gave to a predecessor shows the name the plan used.
 */
import { workbookAgencies } from "../agency/resolve-agency";
import type { Paper, PaperColumn, PaperRow } from "./paper";
import { tablesHeading } from "./appendix-heading";
import { readContributions } from "../exchange/intake-sheet";
import type { TrackingCells } from "../tracking/read-tracking";
import { CONTRIBUTION_COLUMNS } from "../workbook/columns";
import { dateInWords, issuerInFull, type PrintTexts } from "./print-texts";
import {
  asOfBlocks,
  countKeys,
  countLabel,
  countText,
  deadlineText,
  namesOf,
  progressText,
  rollupEntry,
  type ReportContext,
} from "./report-context";
import { partnerTaskStatuses, type AgencyRollup } from "../tracking/rollup";
import { countsInYear, derivedStatus } from "../tracking/derive-status";
import type { TrackingRow } from "../workbook/tracking-model";

/** STT | Nhiệm vụ | Hạn | Tình trạng | Tiến độ | Kết quả | Khó khăn | Đề xuất = 118 characters. */
const AGENCY_GRID = [5, 32, 11, 13, 8, 21, 14, 14];

/** The columns both task tables start with; their rows start with the same four cells. */
const TASK_HEAD: PaperColumn[] = [
  { header: "STT", align: "center" },
  { header: "Nhiệm vụ" },
  { header: "Hạn hoàn thành", align: "center" },
  { header: "Tình trạng", align: "center" },
];

export interface AgencyFigures {
  agency: string;
  lead: AgencyRollup | null;
  partner: AgencyRollup | null;
}

export function agencyFigures(ctx: ReportContext, agency: string): AgencyFigures {
  return {
    agency,
    lead: rollupEntry(ctx, agency, "lead") ?? null,
    partner: rollupEntry(ctx, agency, "partner") ?? null,
  };
}

/** Defaults of the agency's own signature (its head signs; officers change them per run). */
export function agencyReportTexts(): Pick<
  PrintTexts,
  "signerTitles" | "signerName" | "recipients"
> {
  return {
    signerTitles: ["THỦ TRƯỞNG ĐƠN VỊ"],
    signerName: "",
    recipients: ["- UBND tỉnh (để báo cáo);", "- Cơ quan tổng hợp;", "- Lưu: VT."],
  };
}

/** "Kế hoạch số 4784/KH-UBND ngày 13 tháng 06 năm 2024 của Ủy ban nhân dân tỉnh Lâm Đồng". */
export function planLine(ctx: ReportContext): string {
  const p = ctx.wb.plan;
  return `Kế hoạch số ${p.number || "…"} ${dateInWords(p.issuedOn)} của ${issuerInFull(p.issuer || "UBND tỉnh")}`;
}

export interface AgencyPaperOptions {
  /** The workbook's cells: what partners wrote in "Phối hợp báo cáo" for the partner table. */
  cells?: TrackingCells;
  /** As the Word report's appendix: "Phụ lục", this line, no title or signature of its own. */
  attachedTo?: string;
}

/** What `agency` (or a name the rollup reports under it) wrote as partner, by task key. */
export function contributionsOf(
  ctx: ReportContext,
  agency: string,
  cells: TrackingCells | undefined
): Map<string, string> {
  const names = namesOf(rollupEntry(ctx, agency, "partner"));
  names.add(agency);
  const out = new Map<string, string>();
  for (const c of cells ? readContributions(cells) : []) {
    if (c.year !== ctx.year || !names.has(c.agency) || !c.contribution.trim()) continue;
    const prev = out.get(c.key);
    out.set(c.key, prev && prev !== c.contribution ? `${prev}\n${c.contribution}` : c.contribution);
  }
  return out;
}

export function agencyReportPaper(
  ctx: ReportContext,
  agency: string,
  texts: Pick<PrintTexts, "signerTitles" | "signerName" | "recipients"> = agencyReportTexts(),
  o: AgencyPaperOptions = {}
): Paper {
  const f = agencyFigures(ctx, agency);
  const contributed = contributionsOf(ctx, agency, o.cells);
  const leadNames = namesOf(f.lead ?? undefined);
  const partnerNames = namesOf(f.partner ?? undefined);
  const planned = (written: string) => (written !== agency ? `\n(Kế hoạch giao: ${written})` : "");
  // The plan's name for the lead: as written in the row, or the plan's single lead when the
  // workbook already holds the agency existing on the report date.
  const plannedLead = (row: TrackingRow) => {
    const [single, ...more] = row.allLeads;
    return planned(
      row.lead === agency && single !== undefined && more.length === 0 ? single : row.lead
    );
  };

  const leadRows: PaperRow[] = ctx.due
    .filter((d) => leadNames.has(d.row.lead))
    .map(({ row, status }) => ({
      cells: [
        row.stt,
        `${row.title}${plannedLead(row)}`,
        deadlineText(row, ctx.year),
        status,
        progressText(row),
        row.result,
        row.difficulties,
        row.proposals,
      ],
    }));
  // Named as partner, or a member of a collective partner on a row it does not lead (rollup.ts).
  const agencies = workbookAgencies(ctx.wb, ctx.date);
  const partnerOf = (row: TrackingRow) => row.partners.find((p) => partnerNames.has(p));
  const isAgency = (name: string) => leadNames.has(name) || agencies.nameOf(name) === agency;
  // One line per task, as the rollup counts partner work: the task's first row, with the task's
  // status for its partners (its least advanced lead) and every lead of the year.
  const withStatus = ctx.wb.rows.map((row) => ({
    row,
    status: derivedStatus(row, ctx.year, ctx.date),
  }));
  const taskStatus = partnerTaskStatuses(
    ctx.wb.rows,
    withStatus.map((r) => r.status)
  );
  const leadsOf = new Map<string, string[]>();
  for (const { row, status } of withStatus) {
    if (!countsInYear(status) || !row.lead) continue;
    const l = leadsOf.get(row.key) ?? [];
    if (!l.includes(row.lead)) l.push(row.lead);
    leadsOf.set(row.key, l);
  }
  const seen = new Set<string>();
  const partnerRows: PaperRow[] = ctx.wb.rows.flatMap((row): PaperRow[] => {
    if (row.key === "" || seen.has(row.key)) return [];
    seen.add(row.key);
    const status = taskStatus.get(row.key);
    const written = partnerOf(row);
    // An agency leading the task is not its partner (as the rollup counts).
    const leads = [...row.allLeads, ...(leadsOf.get(row.key) ?? [row.lead])];
    if (
      row.kind === "request" ||
      !status ||
      !countsInYear(status) ||
      written === undefined ||
      leads.some(isAgency)
    )
      return [];
    return [
      {
        cells: [
          row.stt,
          `${row.title}${planned(written)}`,
          deadlineText(row, ctx.year),
          status,
          (leadsOf.get(row.key) ?? [row.lead]).join("; "),
          contributed.get(row.key) ?? "",
        ],
      },
    ];
  });
  const keys = countKeys(f.lead ?? f.partner ?? ctx.rollup.province);
  const summary: PaperRow[] = keys.map((k) => ({
    kind: k === "rate" ? "total" : undefined,
    cells: [countLabel(k), countText(f.lead ?? undefined, k), countText(f.partner ?? undefined, k)],
  }));
  return {
    name: "Báo cáo đơn vị",
    title: `Báo cáo năm ${ctx.year} – ${agency}`,
    grid: AGENCY_GRID,
    blocks: [
      ...tablesHeading(ctx, o.attachedTo, planLine(ctx)),
      { kind: "text", text: `Đơn vị: ${agency}`, bold: true, align: "center" },
      ...asOfBlocks(
        ctx,
        `Năm ${ctx.year} không có nhiệm vụ nào của kế hoạch phải thực hiện: không có gì để báo cáo.`
      ),
      { kind: "text", text: "I. TỔNG HỢP", bold: true, spaceBefore: 1 },
      {
        kind: "table",
        columns: [
          { header: "Chỉ tiêu", span: 2 },
          { header: "Chủ trì", align: "center" },
          { header: "Phối hợp", align: "center" },
        ],
        rows: summary,
      },
      { kind: "text", text: "II. NHIỆM VỤ CHỦ TRÌ", bold: true, spaceBefore: 1 },
      {
        kind: "table",
        columns: [
          ...TASK_HEAD,
          { header: "Tiến độ (%)", align: "center" },
          { header: "Kết quả thực hiện" },
          { header: "Khó khăn, vướng mắc" },
          { header: "Đề xuất, kiến nghị" },
        ],
        rows: leadRows,
        repeatHeader: true,
        emptyText: `Năm ${ctx.year} đơn vị không chủ trì nhiệm vụ nào của kế hoạch.`,
      },
      { kind: "text", text: "III. NHIỆM VỤ PHỐI HỢP", bold: true, spaceBefore: 1 },
      {
        kind: "table",
        columns: [
          ...TASK_HEAD,
          { header: "Đơn vị chủ trì", span: 2 },
          { header: CONTRIBUTION_COLUMNS.contribution, span: 2 },
        ],
        rows: partnerRows,
        repeatHeader: true,
        emptyText: `Năm ${ctx.year} đơn vị không phối hợp nhiệm vụ nào của kế hoạch.`,
      },
      ...(o.attachedTo ? [] : [{ kind: "signature" as const, ...texts }]),
    ],
  };
}
