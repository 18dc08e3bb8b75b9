/** The tracking workbook that is open: its plan (number, title) and what was read from it. */
import * as React from "react";
import { Body1, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { TrackingWorkbook } from "../core/tracking/tracking-model";
import { formatIsoDateVi } from "./report-date";
import { planHeading } from "./tracking-view";

const useStyles = makeStyles({
  plan: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  planNumber: { fontWeight: tokens.fontWeightSemibold },
  // The whole title, wrapped between words (a long word only breaks when it cannot fit a line).
  planTitle: { overflowWrap: "break-word" },
  meta: { color: tokens.colorNeutralForeground3, overflowWrap: "break-word" },
  nowrap: { whiteSpace: "nowrap" },
});

export function TrackingPlanCard({ wb, source }: { wb: TrackingWorkbook; source?: string }) {
  const styles = useStyles();
  const heading = planHeading(wb);
  return (
    <div className={styles.plan} data-testid="tracking-plan">
      <Body1 className={styles.planNumber}>{heading.number}</Body1>
      {heading.title && (
        <Caption1 className={styles.planTitle} data-testid="tracking-plan-title">
          {heading.title}
        </Caption1>
      )}
      {source && <Caption1 className={styles.meta}>{source}</Caption1>}
      <Caption1 className={styles.meta} data-testid="tracking-plan-meta">
        {/* Numbers stay with their words: "29 dòng", "năm 2026", "ngày 21/11/2026". */}
        <span className={styles.nowrap}>{wb.rows.length} dòng nhiệm vụ</span> ·{" "}
        <span className={styles.nowrap}>năm báo cáo {wb.reportYear ?? "?"}</span>
        {wb.reportDate && (
          <>
            {", "}
            <span className={styles.nowrap}>ngày {formatIsoDateVi(wb.reportDate)}</span>
          </>
        )}
      </Caption1>
    </div>
  );
}
