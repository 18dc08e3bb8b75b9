/** "Tổng hợp": the rollup per lead agency for the report year and date; in Excel, its chart. */
import * as React from "react";
import { Button, Caption1, Spinner } from "@fluentui/react-components";
import type { Rollup } from "../core/tracking/rollup";
import { Section } from "./Section";
import { RollupTable } from "./RollupTable";
import { useSectionStyles } from "./section-styles";

export interface TrackingRollupSectionProps {
  inExcel: boolean;
  /** null while the year or date is not valid. */
  data: Rollup | null;
  /** Why the year asked for has no figures in this workbook (core/tracking/tracked-year.ts). */
  refusal?: string | null;
  /** Another action is running: the button waits. */
  disabled: boolean;
  /** The chart is being inserted (spinner). */
  charting: boolean;
  onChart: () => void;
}

export function TrackingRollupSection(p: TrackingRollupSectionProps) {
  const styles = useSectionStyles();
  return (
    <Section title="Tổng hợp" testId="tracking-rollup">
      {p.data ? (
        <RollupTable data={p.data} />
      ) : p.refusal ? (
        <Caption1 className={styles.hint} data-testid="rollup-year-refused">
          {p.refusal}
        </Caption1>
      ) : (
        <Caption1 className={styles.hint}>Nhập năm và ngày báo cáo hợp lệ để tổng hợp.</Caption1>
      )}
      {p.inExcel && (
        <div className={styles.row}>
          <Button disabled={p.disabled} onClick={p.onChart} data-testid="insert-chart">
            Chèn biểu đồ
          </Button>
          {p.charting && <Spinner size="tiny" label="Đang chèn…" />}
        </div>
      )}
    </Section>
  );
}
