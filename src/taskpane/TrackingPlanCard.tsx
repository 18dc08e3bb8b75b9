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
  planTitle: {
    wordBreak: "break-word",
    display: "-webkit-box",
    WebkitLineClamp: 3,
    WebkitBoxOrient: "vertical",
    overflow: "hidden",
  },
  meta: { color: tokens.colorNeutralForeground3, wordBreak: "break-all" },
});

export function TrackingPlanCard({ wb, source }: { wb: TrackingWorkbook; source?: string }) {
  const styles = useStyles();
  const heading = planHeading(wb);
  return (
    <div className={styles.plan} data-testid="tracking-plan">
      <Body1 className={styles.planNumber}>{heading.number}</Body1>
      {heading.title && (
        <Caption1 className={styles.planTitle} title={heading.title}>
          {heading.title}
        </Caption1>
      )}
      <Caption1 className={styles.meta}>
        {source} · {wb.rows.length} dòng nhiệm vụ · năm báo cáo {wb.reportYear ?? "?"}
        {wb.reportDate ? `, ngày ${formatIsoDateVi(wb.reportDate)}` : ""}
      </Caption1>
    </div>
  );
}
