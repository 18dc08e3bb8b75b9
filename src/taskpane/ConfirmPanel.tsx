/**
 * Step 3: the report year and date the workbook starts with, and the confirm button.
 * In file mode the result is an .xlsx to download; in Excel, sheets in the open workbook.
 */
import * as React from "react";
import {
  Button,
  Caption1,
  Link,
  MessageBar,
  MessageBarBody,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Section } from "./Section";
import { isPlausibleReportYear, isValidIsoDate } from "./report-date";
import { ReportDateFields } from "./ReportDateFields";
import type { DownloadFile } from "./download";
import { useSectionStyles } from "./section-styles";
import type { ImportResult } from "../core/model";
import { SuccessorPreview } from "./SuccessorPreview";
import { ReachQuestions } from "./ReachQuestions";
import type { ReachAnswers } from "./reach-answers";

const useStyles = makeStyles({
  actions: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
  },
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
  download: DownloadFile | null;
  /** The import: shows who answers for superseded agencies on the report date. */
  result?: ImportResult;
  /** The officer's answers to the import's questions (ReachQuestions), with the import. */
  answers?: ReachAnswers;
  onAnswers?: (a: ReachAnswers) => void;
}

export function ConfirmPanel(p: ConfirmPanelProps) {
  const styles = useStyles();
  const section = useSectionStyles();
  const yearOk = isPlausibleReportYear(Number(p.reportYear));
  const dateOk = isValidIsoDate(p.reportDate);
  return (
    <Section title="3. Tạo sổ theo dõi" testId="confirm-panel">
      <ReportDateFields
        year={p.reportYear}
        date={p.reportDate}
        onYear={p.onReportYear}
        onDate={p.onReportDate}
      />
      {p.result && (
        <SuccessorPreview result={p.result} reportYear={p.reportYear} reportDate={p.reportDate} />
      )}
      {p.result && p.answers && p.onAnswers && (
        <ReachQuestions
          result={p.result}
          reportYear={p.reportYear}
          reportDate={p.reportDate}
          answers={p.answers}
          onAnswers={p.onAnswers}
        />
      )}
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
        <Caption1 className={section.hint}>
          Tệp tải về gồm các trang Thông tin, Nhiệm vụ, Đơn vị, Tổng hợp.
        </Caption1>
      )}
    </Section>
  );
}
