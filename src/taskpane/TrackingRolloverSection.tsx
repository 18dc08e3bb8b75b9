/**
 * "Chuyển năm": start the next reporting year, behind a confirmation dialog; once done, what
 * happened (with undo in Excel, the new file in file mode); refused when already rolled over.
 */
import * as React from "react";
import { useEffect, useMemo, useRef, useState } from "react";
import { openErrorsBeforeRollover, rolloverRefusal } from "../core/tracking/rollover-rules";
import { Button, Caption1, MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import { Section } from "./Section";
import { ResultBar } from "./ResultBar";
import { RolloverDialog } from "./RolloverDialog";
import type { Rolled } from "./tracking-state";
import { useSectionStyles } from "./section-styles";
import { useTracking } from "./tracking-context";

/** The workbook, mode, busy flag and undo come from the tab (TrackingContext). */
export interface TrackingRolloverSectionProps {
  rolled: Rolled | null;
  /** The roll-over is running (spinner). */
  rolling: boolean;
  /** The officer confirmed the roll-over. */
  onRollover: () => void;
}

export function TrackingRolloverSection(props: TrackingRolloverSectionProps) {
  const styles = useSectionStyles();
  const { tracking, inExcel, disabled, undo } = useTracking();
  const { wb, opened } = tracking;
  /** Errors still open in the year to be finished, listed in the confirmation. */
  const errors = useMemo(() => openErrorsBeforeRollover(wb, opened.readFindings), [wb, opened]);
  const p = {
    ...props,
    inExcel,
    disabled,
    onUndo: undo,
    errors,
    /** The workbook's report year; null when it has none. */
    fromYear: wb.reportYear,
    /** Why the workbook cannot be rolled over, if it cannot (core/tracking/rollover-rules.ts). */
    refusal: rolloverRefusal(wb)?.message ?? null,
  };
  const [confirming, setConfirming] = useState(false);
  const nextYear = (p.fromYear ?? 0) + 1;
  // Focus goes back to what opened the dialog, or to the result that replaced it.
  const opener = useRef<HTMLButtonElement>(null);
  const result = useRef<HTMLDivElement>(null);
  const [returnFocus, setReturnFocus] = useState(false);
  useEffect(() => {
    if (!returnFocus || confirming) return;
    setReturnFocus(false);
    (p.rolled ? result.current : opener.current)?.focus();
  }, [returnFocus, confirming, p.rolled]);
  useEffect(() => {
    if (p.rolled) result.current?.focus();
  }, [p.rolled]);
  return (
    <Section title="Chuyển năm" testId="tracking-rollover">
      {p.rolled ? (
        <div ref={result} tabIndex={-1} data-testid="rolled-focus">
          <ResultBar
            text={p.rolled.text}
            testId="rolled"
            download={p.rolled.download}
            downloadTestId="rolled-download-link"
            onUndo={p.onUndo}
            undoDisabled={p.disabled}
          />
        </div>
      ) : p.refusal ? (
        <MessageBar intent="warning" data-testid="rollover-refused">
          <MessageBarBody>{p.refusal}</MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <Caption1 className={styles.hint}>
            Khi đã báo cáo xong năm {p.fromYear}: lưu số liệu năm {p.fromYear} vào trang “Lịch sử”
            và bắt đầu năm {nextYear}.
          </Caption1>
          <div className={styles.row}>
            <Button
              ref={opener}
              disabled={p.disabled}
              onClick={() => setConfirming(true)}
              data-testid="rollover"
            >
              Chuyển sang năm {nextYear}
            </Button>
            {p.rolling && <Spinner size="tiny" label="Đang chuyển năm…" />}
          </div>
        </>
      )}
      {p.fromYear !== null && (
        <RolloverDialog
          open={confirming}
          fromYear={p.fromYear}
          toYear={p.fromYear + 1}
          inExcel={p.inExcel}
          errors={p.errors}
          onConfirm={() => {
            setConfirming(false);
            p.onRollover();
          }}
          onCancel={() => {
            setConfirming(false);
            setReturnFocus(true);
          }}
        />
      )}
    </Section>
  );
}
