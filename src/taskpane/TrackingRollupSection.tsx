/** "Tổng hợp": the rollup per lead agency for the report year and date; in Excel, its chart. */
import * as React from "react";
import { Button, Caption1, Spinner } from "@fluentui/react-components";
import { Section } from "./Section";
import { RollupTable } from "./RollupTable";
import { useSectionStyles } from "./section-styles";
import { useTracking } from "./tracking-context";
import { rollupOf } from "./tracking-actions";

/** The workbook, year, date and mode come from the tab (TrackingContext). */
export interface TrackingRollupSectionProps {
  /** The chart is being inserted (spinner). */
  charting: boolean;
  onChart: () => void;
}

export function TrackingRollupSection(props: TrackingRollupSectionProps) {
  const styles = useSectionStyles();
  const { tracking, year, date, inputsOk, inExcel, disabled } = useTracking();
  const wb = tracking.wb;
  // The same count as `phuluc rollup`; none while the year or date is not valid, and for a
  // year the workbook has no figures for, why (core/tracking/tracked-year.ts).
  const counted = React.useMemo(
    () => (inputsOk ? rollupOf(wb, Number(year), date) : null),
    [wb, year, date, inputsOk]
  );
  const p = { ...props, inExcel, disabled, data: counted?.rollup, refusal: counted?.refusal };
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
