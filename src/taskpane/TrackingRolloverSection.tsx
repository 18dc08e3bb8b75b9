/**
 * "Chuyển năm": start the next reporting year, behind a confirmation dialog; once done, what
 * happened (with undo in Excel, the new file in file mode); refused when already rolled over.
 */
import * as React from "react";
import { useEffect, useRef, useState } from "react";
import type { Finding } from "../core/model";
import { Button, Caption1, MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import { Section } from "./Section";
import { ResultBar } from "./ResultBar";
import { RolloverDialog } from "./RolloverDialog";
import type { Rolled } from "./tracking-state";
import { useSectionStyles } from "./section-styles";

export interface TrackingRolloverSectionProps {
  inExcel: boolean;
  /** The workbook's report year; null when it has none. */
  fromYear: number | null;
  /** Why the workbook cannot be rolled over, if it cannot. */
  refusal: string | null;
  rolled: Rolled | null;
  /** Another action is running: the buttons wait. */
  disabled: boolean;
  /** The roll-over is running (spinner). */
  rolling: boolean;
  /** Given when the roll-over can be undone. */
  onUndo?: () => void;
  /** The officer confirmed the roll-over. */
  onRollover: () => void;
  /** Errors still open in the year being finished (listed in the confirmation). */
  errors: Finding[];
}

export function TrackingRolloverSection(p: TrackingRolloverSectionProps) {
  const styles = useSectionStyles();
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
