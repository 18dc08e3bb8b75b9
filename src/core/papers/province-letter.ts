/**
 * The province's yearly report as the văn bản an UBND signs (DOMAIN.md, "The yearly report an
 * UBND signs"): the ND 30/2020 first page, the body drafted from the data (narrative.ts), the
 * signature and "Nơi nhận", and the figures' tables after it as "Phụ lục" (province-report.ts).
 */
import type { TrackingCells } from "../tracking/read-tracking";
import type { Letter, LetterPara } from "./letter";
import { committeeHead, issuerName, numberLine } from "./letterhead";
import { provinceNarrative, type Narrative } from "./narrative";
import type { PrintTexts } from "./print-texts";
import { provinceReportPaper } from "./province-report";
import type { ReportContext } from "./report-context";
import type { TrackingPlanInfo } from "../workbook/tracking-model";

/** "Kế hoạch số 4784/KH-UBND ngày 13/6/2024 của UBND tỉnh" (the trích yếu's short form). */
export function planReference(plan: TrackingPlanInfo): string {
  const m = plan.issuedOn ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(plan.issuedOn) : null;
  const date = m ? ` ngày ${Number(m[3])}/${Number(m[2])}/${m[1]}` : "";
  return `Kế hoạch số ${plan.number?.trim() || "…"}${date} của UBND tỉnh`;
}

/** The year a paper is signed in: the report date's. */
export const signingYear = (ctx: ReportContext) => Number(ctx.date.slice(0, 4)) || ctx.year;

/** Parts as the body's paragraphs: "I. TÌNH HÌNH TRIỂN KHAI", then its own. */
export function narrativeBody(parts: Narrative): LetterPara[] {
  return parts.flatMap((p) => [
    { kind: "part" as const, text: `${p.id}. ${p.title}` },
    ...p.paragraphs,
  ]);
}

export function provinceReportLetter(
  ctx: ReportContext,
  cells: TrackingCells,
  texts: Pick<PrintTexts, "signerTitles" | "signerName" | "recipients">
): { letter: Letter; narrative: Narrative } {
  const plan = ctx.wb.plan;
  const year = signingYear(ctx);
  const narrative = provinceNarrative(ctx, cells);
  const code = "BC-UBND";
  const attachedTo = `(Kèm theo Báo cáo số      /${code} ngày      tháng      năm ${year} của ${issuerName(plan)})`;
  return {
    narrative,
    letter: {
      title: `Báo cáo kết quả thực hiện kế hoạch năm ${ctx.year}`,
      head: committeeHead(plan, numberLine(code), year),
      typeName: "BÁO CÁO",
      subject: `Kết quả thực hiện ${planReference(plan)} năm ${ctx.year}`,
      body: [
        ...narrativeBody(narrative),
        {
          kind: "para",
          text: `Trên đây là báo cáo kết quả thực hiện ${planReference(plan)} năm ${ctx.year}./.`,
        },
      ],
      signature: { kind: "signature", ...texts },
      appendices: [provinceReportPaper(ctx, cells, texts, attachedTo)],
    },
  };
}
