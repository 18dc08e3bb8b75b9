/** The plan's identity as read from the document: số hiệu, ngày, cơ quan, giai đoạn. */
import * as React from "react";
import { Caption1, Caption1Strong, makeStyles, tokens } from "@fluentui/react-components";
import type { Plan } from "../core/model";
import { formatIsoDateVi } from "./report-date";
import { periodText } from "./plan-summary";

const useStyles = makeStyles({
  // Plan titles are long and in capitals: keep them to three lines (full text on hover).
  title: {
    display: "-webkit-box",
    WebkitLineClamp: 3,
    WebkitBoxOrient: "vertical",
    overflow: "hidden",
    marginBottom: tokens.spacingVerticalS,
    color: tokens.colorNeutralForeground2,
  },
  list: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, wordBreak: "break-word" },
  missing: { color: tokens.colorPaletteDarkOrangeForeground1, fontStyle: "italic" },
});

export function PlanInfo({ plan }: { plan: Plan }) {
  const styles = useStyles();
  const rows: [string, string][] = [
    ["Số hiệu", plan.number],
    ["Ngày ban hành", formatIsoDateVi(plan.issuedOn)],
    ["Cơ quan ban hành", plan.issuer],
    ["Giai đoạn", periodText(plan.period)],
  ];
  return (
    <div data-testid="plan-info">
      {plan.title && (
        <Caption1Strong className={styles.title} title={plan.title}>
          {plan.title}
        </Caption1Strong>
      )}
      <dl className={styles.list}>
        {rows.map(([term, value]) => (
          <React.Fragment key={term}>
            <dt className={styles.term}>
              <Caption1>{term}</Caption1>
            </dt>
            <dd className={styles.value}>
              {value ? (
                <Caption1>{value}</Caption1>
              ) : (
                <Caption1 className={styles.missing}>(không tìm thấy)</Caption1>
              )}
            </dd>
          </React.Fragment>
        ))}
      </dl>
    </div>
  );
}
