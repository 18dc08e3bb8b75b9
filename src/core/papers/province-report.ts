/**
 * The province's yearly report: figures by lead agency and by group (the rollup's, with the
 * province's total), the overdue tasks with their agencies, the agencies that did not report
 * (consolidation.ts: from the last consolidation, else from the data, saying which), and the
 * full results table. Signed for the issuer (texts from "Mẫu in" and the run's options).
 */
import { DERIVED_STATUS } from "../workbook/columns";
import type { StatusCounts } from "../tracking/rollup";
import type { TrackingCells } from "../tracking/read-tracking";
import { PAGE_CHARS, type Paper, type PaperBlock, type PaperColumn, type PaperRow } from "./paper";
import { viDate } from "./paper-year";
import type { PrintTexts } from "./print-texts";
import { planLine } from "./agency-report";
import { tablesHeading } from "./appendix-heading";
import { missingReports, type MissingReports } from "./consolidation";
import { distribution, type UnassignedRow } from "../exchange/distribution-plan";
import {
  asOfBlocks,
  countHeader,
  countKeys,
  countText,
  deadlineText,
  progressText,
  type ReportContext,
} from "./report-context";

export interface ProvinceFigures {
  year: number;
  date: string;
  province: StatusCounts;
  agencies: ReportContext["rollup"]["agencies"];
  groups: ReportContext["rollup"]["groups"];
  overdue: number;
  missing: MissingReports;
  /** Lead rows of the year no agency reports (no lead, a collective without members). */
  unassigned: UnassignedRow[];
}

export function provinceFigures(ctx: ReportContext, cells: TrackingCells): ProvinceFigures {
  return {
    year: ctx.year,
    date: ctx.date,
    province: ctx.rollup.province,
    agencies: ctx.rollup.agencies.filter((a) => a.role === "lead"),
    groups: ctx.rollup.groups,
    overdue: ctx.due.filter((d) => d.status === DERIVED_STATUS.overdue).length,
    missing: missingReports(ctx, cells),
    unassigned: distribution(ctx.wb, ctx.year).unassigned,
  };
}

/**
 * The figures as tables. Alone (the .xlsx): headed "BÁO CÁO" and signed. With `attachedTo`
 * (the Word report): "Phụ lục" with its title and "(Kèm theo Báo cáo số …)" line, no
 * signature, for the letter's appendix.
 */
export function provinceReportPaper(
  ctx: ReportContext,
  cells: TrackingCells,
  texts: Pick<PrintTexts, "signerTitles" | "signerName" | "recipients">,
  attachedTo?: string
): Paper {
  const fig = provinceFigures(ctx, cells);
  const keys = countKeys(ctx.rollup.province);
  // STT, name, then one column per figure: as wide as the page allows; the rate's column holds
  // "100,00%" on one line.
  const w = Math.max(6, Math.floor((PAGE_CHARS - 35) / keys.length));
  const grid = [5, 30 - 2, ...keys.map((_, i) => (i === keys.length - 1 ? w + 2 : w))];
  const k = keys.length;
  const countColumns: PaperColumn[] = keys.map((key) => ({
    header: countHeader(key),
    align: "center",
  }));
  const counts = (c: StatusCounts) => keys.map((key) => countText(c, key));
  // The task tables (overdue, results): STT | Nhiệm vụ | Đơn vị chủ trì | a figure over two
  // columns (a date on one line) | Tiến độ | a text over the rest.
  const taskColumns = (figure: string, text: string): PaperColumn[] => [
    { header: "STT", align: "center" },
    { header: "Nhiệm vụ" },
    { header: "Đơn vị chủ trì", span: 2 },
    { header: figure, span: 2, align: "center" },
    { header: "Tiến độ (%)", align: "center" },
    { header: text, span: k - 5 },
  ];

  const byAgency: PaperRow[] = fig.agencies.map((a, i) => ({
    cells: [
      String(i + 1),
      a.written?.length ? `${a.agency}\n(Kế hoạch giao: ${a.written.join("; ")})` : a.agency,
      ...counts(a),
    ],
  }));
  byAgency.push({ kind: "total", cells: ["", "Toàn tỉnh", ...counts(ctx.rollup.province)] });
  const byGroup: PaperRow[] = fig.groups.map((g) => ({
    cells: [g.group, g.title || "(Không thuộc nhóm)", ...counts(g)],
  }));
  const overdue: PaperRow[] = ctx.due
    .filter((d) => d.status === DERIVED_STATUS.overdue)
    .map(({ row }) => ({
      cells: [
        row.stt,
        row.title,
        row.lead,
        deadlineText(row, ctx.year),
        progressText(row),
        row.difficulties,
      ],
    }));
  const missing: PaperRow[] = fig.missing.agencies.map((m, i) => ({
    cells: [String(i + 1), m.agency, m.note],
  }));
  const results: PaperRow[] = ctx.due.map(({ row, status }) => ({
    cells: [row.stt, row.title, row.lead, status, progressText(row), row.result],
  }));
  const none = `Năm ${ctx.year} không có nhiệm vụ nào của kế hoạch phải thực hiện.`;

  return {
    name: "Báo cáo tỉnh",
    title: `Báo cáo năm ${ctx.year} – toàn tỉnh`,
    grid,
    blocks: [
      ...tablesHeading(ctx, attachedTo, planLine(ctx)),
      ...asOfBlocks(ctx, `${none} Không có gì để tổng hợp.`, { perLead: true }),
      { kind: "text", text: "I. TỔNG HỢP THEO ĐƠN VỊ CHỦ TRÌ", bold: true, spaceBefore: 1 },
      {
        kind: "table",
        columns: [
          { header: "STT", align: "center" },
          { header: "Đơn vị chủ trì" },
          ...countColumns,
        ],
        rows: byAgency,
        repeatHeader: true,
      },
      { kind: "text", text: "II. TỔNG HỢP THEO NHÓM NHIỆM VỤ", bold: true, spaceBefore: 1 },
      {
        kind: "table",
        columns: [{ header: "STT", align: "center" }, { header: "Nhóm nhiệm vụ" }, ...countColumns],
        rows: byGroup,
        repeatHeader: true,
        emptyText: none,
      },
      { kind: "text", text: "III. NHIỆM VỤ QUÁ HẠN", bold: true, spaceBefore: 1 },
      {
        kind: "table",
        columns: taskColumns("Hạn hoàn thành", "Khó khăn, vướng mắc"),
        rows: overdue,
        repeatHeader: true,
        emptyText: `Đến ngày ${viDate(ctx.date)} không có nhiệm vụ nào quá hạn.`,
      },
      { kind: "text", text: "IV. ĐƠN VỊ CHƯA BÁO CÁO", bold: true, spaceBefore: 1 },
      { kind: "text", text: fig.missing.sourceText, italic: true },
      {
        kind: "table",
        columns: [
          { header: "STT", align: "center" },
          { header: "Đơn vị" },
          { header: "Ghi chú", span: k },
        ],
        rows: missing,
        emptyText: "Mọi đơn vị đã báo cáo.",
      },
      // Tasks that reach nobody are said under the agencies that did not report: no one will.
      ...(fig.unassigned.length
        ? [
            {
              kind: "text" as const,
              text: `${fig.unassigned.length} nhiệm vụ chưa giao cho đơn vị nào nên không có đơn vị báo cáo:`,
              italic: true,
            },
            {
              kind: "table" as const,
              columns: [
                { header: "STT", align: "center" as const },
                { header: "Nhiệm vụ" },
                { header: "Lý do", span: k },
              ],
              rows: fig.unassigned.map((u) => ({
                cells: [u.stt || u.task, titleOf(ctx, u.task), u.reason],
              })),
            },
          ]
        : []),
      // Each task's results: a table in the .xlsx; in the Word report the body quotes them
      // (narrative.ts, part II), so its appendix holds the figures only.
      ...(attachedTo
        ? []
        : ([
            { kind: "text", text: "V. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ", bold: true, spaceBefore: 1 },
            {
              kind: "table",
              columns: taskColumns("Tình trạng", "Kết quả thực hiện"),
              rows: results,
              repeatHeader: true,
              emptyText: none,
            },
          ] as PaperBlock[])),
      ...(attachedTo ? [] : [{ kind: "signature" as const, ...texts }]),
    ],
  };
}

function titleOf(ctx: ReportContext, key: string): string {
  return ctx.wb.rows.find((r) => r.key === key)?.title ?? "";
}
