/**
 * The heading of a report's tables printed after it (Nghị định 30/2020): "Phụ lục", the title in
 * capitals, "(Kèm theo Báo cáo số      /BC-… ngày … của …)" in italics and the short rule.
 */
import { PAPER_SIZES, type PaperBlock } from "./paper";
import type { ReportContext } from "./report-context";

/** "Phụ lục" / its title / "(Kèm theo Báo cáo số      /BC-UBND ngày … của …)" and the rule. */
function appendixHeading(ctx: ReportContext, attachedTo: string): PaperBlock[] {
  return [
    { kind: "text", text: "Phụ lục", bold: true, size: PAPER_SIZES.heading, align: "center" },
    {
      kind: "text",
      text: `SỐ LIỆU KẾT QUẢ THỰC HIỆN NĂM ${ctx.year}`.toLocaleUpperCase("vi"),
      bold: true,
      size: PAPER_SIZES.title,
      align: "center",
    },
    {
      kind: "text",
      text: attachedTo,
      italic: true,
      size: PAPER_SIZES.title,
      align: "center",
      ruleBelow: true,
    },
  ];
}

/**
 * The heading of a report's tables: the appendix heading when they follow a signed report,
 * else "BÁO CÁO" and the result line naming the plan (`plan`: its line, "Kế hoạch số …").
 */
export function tablesHeading(
  ctx: ReportContext,
  attachedTo: string | undefined,
  plan: string
): PaperBlock[] {
  if (attachedTo) return appendixHeading(ctx, attachedTo);
  return [
    { kind: "text", text: "BÁO CÁO", bold: true, size: PAPER_SIZES.heading, align: "center" },
    {
      kind: "text",
      text: `Kết quả thực hiện năm ${ctx.year} các nhiệm vụ giao tại ${plan}`,
      bold: true,
      size: PAPER_SIZES.title,
      align: "center",
    },
  ];
}
