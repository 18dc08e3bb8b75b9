/**
 * One agency's yearly report as the văn bản it signs and sends to the UBND: its own issuer block
 * ("UBND TỈNH LÂM ĐỒNG" over "SỞ Y TẾ"), "Kính gửi: Ủy ban nhân dân tỉnh …", a body from its
 * rows (I. its lead tasks with what it wrote; II. its partner work with what it wrote in "Nội
 * dung phối hợp"; III. difficulties; IV. proposals by whom they ask), the signature, and its
 * tables as the appendix (agency-report.ts).
 */
import { workbookAgencies } from "../agency/resolve-agency";
import type { TrackingCells } from "../tracking/read-tracking";
import { CONTRIBUTION_COLUMNS, TASK_COLUMNS } from "../workbook/columns";
import type { TrackingRow } from "../workbook/tracking-model";
import { agencyFigures, agencyReportPaper, contributionsOf } from "./agency-report";
import type { Letter, LetterPara } from "./letter";
import { agencyCode, agencyHead, issuerName, numberLine } from "./letterhead";
import { figuresSentence, proposalsPart, type Narrative } from "./narrative";
import { viDate } from "./paper-year";
import type { PrintTexts } from "./print-texts";
import { narrativeBody, planReference, signingYear } from "./province-letter";
import { namesOf, type ReportContext } from "./report-context";

const para = (text: string): LetterPara => ({ kind: "para", text });

export function agencyNarrative(
  ctx: ReportContext,
  agency: string,
  cells: TrackingCells | undefined
): Narrative {
  const f = agencyFigures(ctx, agency);
  const leadNames = namesOf(f.lead ?? undefined);
  const partnerNames = namesOf(f.partner ?? undefined);
  const lead = ctx.due.filter((d) => d.row.kind !== "request" && leadNames.has(d.row.lead));
  const src = (row: TrackingRow, column: string) => ({
    agency,
    task: row.key,
    stt: row.stt,
    column,
  });

  const leadPart: LetterPara[] = [];
  if (!f.lead || !lead.length)
    leadPart.push(para(`Năm ${ctx.year} đơn vị không chủ trì nhiệm vụ nào của kế hoạch.`));
  else {
    leadPart.push(
      para(
        `Năm ${ctx.year}, đơn vị chủ trì ${f.lead.total} nhiệm vụ; đến ngày ${viDate(ctx.date)}, ${figuresSentence(f.lead)}.`
      )
    );
    for (const { row, status } of lead) {
      const progress = row.progress === null ? "" : `, tiến độ ${row.progress}%`;
      leadPart.push({
        kind: "item",
        text: `- ${row.title}: ${status.toLocaleLowerCase("vi")}${progress}.`,
        sources: [src(row, TASK_COLUMNS.derived)],
      });
      if (row.result.trim())
        leadPart.push({
          kind: "quote",
          attribution: "Kết quả: ",
          text: row.result.trim(),
          sources: [src(row, TASK_COLUMNS.result)],
        });
    }
  }

  // Partner rows as the agency report's table counts them.
  const agencies = workbookAgencies(ctx.wb, ctx.date);
  const partnerRows = ctx.due.filter(
    (d) =>
      d.row.kind !== "request" &&
      d.row.partners.some(
        (p) => partnerNames.has(p) && !(agencies.isCollective(p) && leadNames.has(d.row.lead))
      )
  );
  const contributed = contributionsOf(ctx, agency, cells);
  const partnerPart: LetterPara[] = [];
  const seen = new Set<string>();
  for (const { row } of partnerRows) {
    if (seen.has(row.key)) continue;
    seen.add(row.key);
    const leads = partnerRows.filter((d) => d.row.key === row.key).map((d) => d.row.lead);
    partnerPart.push({
      kind: "item",
      text: `- ${row.title} (${[...new Set(leads)].join("; ")} chủ trì):`,
      sources: [src(row, TASK_COLUMNS.title)],
    });
    const text = contributed.get(row.key);
    partnerPart.push(
      text
        ? {
            kind: "quote",
            attribution: "Nội dung phối hợp: ",
            text,
            sources: [src(row, CONTRIBUTION_COLUMNS.contribution)],
          }
        : para("Đơn vị chưa ghi nội dung phối hợp.")
    );
  }
  if (!partnerPart.length)
    partnerPart.push(para(`Năm ${ctx.year} đơn vị không phối hợp nhiệm vụ nào của kế hoạch.`));

  const hard: LetterPara[] = [];
  for (const { row } of lead) {
    if (!row.difficulties.trim()) continue;
    hard.push(
      { kind: "item", text: `- ${row.title}:`, sources: [src(row, TASK_COLUMNS.title)] },
      {
        kind: "quote",
        text: row.difficulties.trim(),
        sources: [src(row, TASK_COLUMNS.difficulties)],
      }
    );
  }
  if (!hard.length) hard.push(para("Đơn vị không nêu khó khăn, vướng mắc."));

  const proposals = proposalsPart(ctx, lead, () => agency);
  return [
    { id: "I", title: "KẾT QUẢ THỰC HIỆN NHIỆM VỤ CHỦ TRÌ", paragraphs: leadPart },
    { id: "II", title: "KẾT QUẢ PHỐI HỢP THỰC HIỆN NHIỆM VỤ", paragraphs: partnerPart },
    { id: "III", title: "KHÓ KHĂN, VƯỚNG MẮC", paragraphs: hard },
    {
      id: "IV",
      title: proposals.title,
      // The agency's own report: its words need no attribution.
      paragraphs: proposals.paragraphs.map((p) =>
        p.kind === "quote"
          ? { ...p, attribution: undefined }
          : p.kind === "para"
            ? para("Đơn vị không có đề xuất, kiến nghị.")
            : p
      ),
    },
  ];
}

export function agencyReportLetter(
  ctx: ReportContext,
  agency: string,
  cells: TrackingCells | undefined,
  texts: Pick<PrintTexts, "signerTitles" | "signerName" | "recipients">
): { letter: Letter; narrative: Narrative } {
  const plan = ctx.wb.plan;
  const year = signingYear(ctx);
  const code = `BC-${agencyCode(agency)}`;
  const narrative = agencyNarrative(ctx, agency, cells);
  const attachedTo = `(Kèm theo Báo cáo số      /${code} ngày      tháng      năm ${year} của ${agency})`;
  return {
    narrative,
    letter: {
      title: `Báo cáo năm ${ctx.year} – ${agency}`,
      head: agencyHead(plan, agency, numberLine(code), year),
      typeName: "BÁO CÁO",
      subject: `Kết quả thực hiện ${planReference(plan)} năm ${ctx.year}`,
      addressees: [issuerName(plan)],
      body: [
        ...narrativeBody(narrative),
        {
          kind: "para",
          text: `Trên đây là báo cáo kết quả thực hiện ${planReference(plan)} năm ${ctx.year} của ${agency}./.`,
        },
      ],
      signature: { kind: "signature", ...texts },
      appendices: [agencyReportPaper(ctx, agency, texts, { cells, attachedTo })],
    },
  };
}
