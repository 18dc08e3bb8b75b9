/**
 * "Sổ theo dõi": where the tracking workbook comes from (in Excel the open workbook, read
 * again on demand; in file mode an .xlsx the officer picks) and, once read, its plan.
 */
import * as React from "react";
import { Button, Caption1, Spinner } from "@fluentui/react-components";
import type { TrackingWorkbook } from "../core/workbook/tracking-model";
import { Section } from "./Section";
import { HiddenFileInput } from "./HiddenFileInput";
import { TrackingPlanCard } from "./TrackingPlanCard";
import { useSectionStyles } from "./section-styles";

const ACCEPTED_TRACKING =
  ".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export interface TrackingOpenSectionProps {
  inExcel: boolean;
  /** False while the host is still being detected. */
  ready: boolean;
  /** Another action is running: the buttons wait. */
  disabled: boolean;
  /** The workbook is being read (spinner). */
  opening: boolean;
  wb: TrackingWorkbook | null;
  source?: string;
  onReadExcel: () => void;
  onFile: (file: File) => void;
}

export function TrackingOpenSection(p: TrackingOpenSectionProps) {
  const styles = useSectionStyles();
  const fileInput = React.useRef<HTMLInputElement>(null);
  const spinner = p.opening && <Spinner size="tiny" label="Đang đọc…" />;
  return (
    <Section title="Sổ theo dõi" testId="tracking-open">
      {p.inExcel ? (
        <div className={styles.row}>
          <Button
            appearance={p.wb ? "secondary" : "primary"}
            disabled={p.disabled || !p.ready}
            onClick={p.onReadExcel}
            data-testid="read-open-workbook"
          >
            {p.wb ? "Đọc lại sổ đang mở" : "Đọc sổ đang mở"}
          </Button>
          {spinner}
        </div>
      ) : (
        <>
          <div className={styles.row}>
            <Button
              appearance={p.wb ? "secondary" : "primary"}
              disabled={p.disabled || !p.ready}
              onClick={() => fileInput.current?.click()}
              data-testid="open-tracking"
            >
              Mở sổ theo dõi (.xlsx)
            </Button>
            {spinner}
          </div>
          <HiddenFileInput
            ref={fileInput}
            accept={ACCEPTED_TRACKING}
            label="Mở sổ theo dõi (.xlsx)"
            testId="tracking-file-input"
            onFile={p.onFile}
          />
          {!p.wb && (
            <Caption1 className={styles.hint}>
              Tệp .xlsx do Phụ Lục tạo (trang “Nhiệm vụ”). Tệp chỉ được đọc, không bị sửa; kết quả
              sửa hoặc chuyển năm được tải về thành tệp mới.
            </Caption1>
          )}
        </>
      )}
      {p.wb && <TrackingPlanCard wb={p.wb} source={p.source} />}
    </Section>
  );
}
