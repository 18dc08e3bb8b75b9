/**
 * Step 3: the report year and date the workbook starts with, and the confirm button.
 * In file mode the result is an .xlsx to download; in Excel, sheets in the open workbook.
 */
import * as React from "react";
import {
  Button,
  Caption1,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Section } from "./Section";
import { isPlausibleReportYear, isValidIsoDate } from "./report-date";

const useStyles = makeStyles({
  fields: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
  year: { width: "7.5em" },
  date: { minWidth: "11em", flexGrow: 1 },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
  },
  hint: { color: tokens.colorNeutralForeground3 },
});

export interface ConfirmPanelProps {
  inExcel: boolean;
  busy: boolean;
  reportYear: string;
  reportDate: string;
  onReportYear: (v: string) => void;
  onReportDate: (v: string) => void;
  errorCount: number;
  onConfirm: () => void;
  download: { url: string; fileName: string } | null;
}

export function ConfirmPanel(p: ConfirmPanelProps) {
  const styles = useStyles();
  const yearOk = isPlausibleReportYear(Number(p.reportYear));
  const dateOk = isValidIsoDate(p.reportDate);
  return (
    <Section title="3. Tạo sổ theo dõi" testId="confirm-panel">
      <div className={styles.fields}>
        <Field
          label="Năm báo cáo"
          className={styles.year}
          validationState={yearOk ? "none" : "error"}
          validationMessage={yearOk ? undefined : "Nhập năm từ 2000 đến 2100"}
        >
          <Input
            type="number"
            inputMode="numeric"
            min={2000}
            max={2100}
            value={p.reportYear}
            onChange={(_, d) => p.onReportYear(d.value)}
            data-testid="report-year"
          />
        </Field>
        <Field
          label="Ngày báo cáo"
          className={styles.date}
          validationState={dateOk ? "none" : "error"}
          validationMessage={dateOk ? undefined : "Chọn một ngày hợp lệ"}
        >
          <Input
            type="date"
            value={p.reportDate}
            onChange={(_, d) => p.onReportDate(d.value)}
            data-testid="report-date"
          />
        </Field>
      </div>
      {p.errorCount > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            Còn {p.errorCount} lỗi ở bước 2. Bạn vẫn có thể tạo sổ, nhưng nên sửa kế hoạch nguồn rồi
            nhập lại.
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={p.busy || !yearOk || !dateOk}
          onClick={p.onConfirm}
          data-testid="confirm"
        >
          {p.inExcel ? "Tạo sổ theo dõi trong Excel" : "Tạo tệp Excel theo dõi"}
        </Button>
        {p.busy && <Spinner size="tiny" label="Đang tạo sổ…" />}
      </div>
      {p.download && (
        <MessageBar intent="success" data-testid="download-ready">
          <MessageBarBody>
            Đã tạo tệp.{" "}
            <Link href={p.download.url} download={p.download.fileName} data-testid="download-link">
              Tải xuống {p.download.fileName}
            </Link>
          </MessageBarBody>
        </MessageBar>
      )}
      {!p.inExcel && !p.download && (
        <Caption1 className={styles.hint}>
          Tệp tải về gồm các trang Thông tin, Nhiệm vụ, Đơn vị, Tổng hợp.
        </Caption1>
      )}
    </Section>
  );
}
