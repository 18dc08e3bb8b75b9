/**
 * "Kiểm tra": the report year and date to check against, "Kiểm tra" and the safe fix-all,
 * what the last fix changed (with undo in Excel, the new file in file mode), then the findings.
 */
import * as React from "react";
import { Button, Caption1, MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import type { Finding } from "../core/model";
import type { TrackingRow } from "../core/workbook/tracking-model";
import { Section } from "./Section";
import { ReportDateFields } from "./ReportDateFields";
import { ResultBar } from "./ResultBar";
import { ChangeList } from "./ChangeList";
import { TrackingFindings } from "./TrackingFindings";
import type { DownloadFile } from "./download";
import { useSectionStyles } from "./section-styles";
import { useTracking } from "./tracking-context";
import type { LastFix } from "./tracking-state";

/** The mode, year, date, busy flag and undo come from the tab (TrackingContext). */
export interface TrackingCheckSectionProps {
  /** A check or a fix is running (spinner). */
  working: boolean;
  /** null until the first check. */
  findings: Finding[] | null;
  safeCount: number;
  info: string | null;
  lastFix: LastFix | null;
  fixDownload: DownloadFile | null;
  selectedId: string | null;
  rowOf: (f: Finding) => TrackingRow | undefined;
  onCheck: () => void;
  onFixAll: () => void;
  onSelect: (f: Finding, id: string) => void;
  onChoiceFix: (f: Finding) => void;
  onFixGroup: (findings: Finding[], what: string) => void;
}

export function TrackingCheckSection(props: TrackingCheckSectionProps) {
  const section = useSectionStyles();
  const t = useTracking();
  const p = { ...props, ...t, onUndo: t.undo };
  const fixed = p.lastFix && p.lastFix.changes.length > 0 ? p.lastFix : null;
  const errorCount = p.findings?.filter((f) => f.severity === "error").length ?? 0;
  return (
    <Section title="Kiểm tra" testId="tracking-check">
      <ReportDateFields
        year={p.year}
        date={p.date}
        onYear={p.onYear}
        onDate={p.onDate}
        testIdPrefix="t-"
      />
      <div className={section.row}>
        <Button
          appearance="primary"
          disabled={p.disabled || !p.inputsOk}
          onClick={p.onCheck}
          data-testid="check"
        >
          Kiểm tra
        </Button>
        <Button
          disabled={p.disabled || !p.inputsOk || (p.findings !== null && p.safeCount === 0)}
          onClick={p.onFixAll}
          data-testid="fix-all"
        >
          {p.findings ? `Sửa ${p.safeCount} ô an toàn` : "Sửa các ô an toàn"}
        </Button>
        {p.working && <Spinner size="tiny" label="Đang xử lý…" />}
      </div>
      <Caption1 className={section.hint} data-testid="fix-all-hint">
        Sửa an toàn chỉ viết lại cho đúng chữ, không đổi nghĩa: trạng thái (“hoan thanh” → “Hoàn
        thành”), ngày gõ dạng chữ thành ngày thật, tên đơn vị viết khác (“Sở Y tê” → “Sở Y tế”).
        Không đổi đơn vị chịu trách nhiệm và không sửa lỗi: lỗi phải sửa tay
        {errorCount > 0 ? ` (còn ${errorCount} lỗi)` : ""}.{" "}
        {p.inExcel
          ? "Giá trị cũ được sao lưu, có thể hoàn tác."
          : "Kết quả là tệp mới; tệp gốc giữ nguyên."}
      </Caption1>

      {p.info && (
        <MessageBar intent="info" data-testid="t-info">
          <MessageBarBody>{p.info}</MessageBarBody>
        </MessageBar>
      )}

      {fixed && (
        <ResultBar
          text={fixed.text}
          testId="fix-done"
          download={p.inExcel ? null : p.fixDownload}
          downloadTestId="fix-download-link"
          onUndo={p.onUndo}
          undoDisabled={p.disabled}
          undoTestId="undo"
        />
      )}
      {fixed && <ChangeList changes={fixed.changes} label="Các ô đã sửa (trước → sau)" />}

      {p.findings && (
        <TrackingFindings
          findings={p.findings}
          inExcel={p.inExcel}
          busy={p.disabled}
          selectedId={p.selectedId}
          rowOf={p.rowOf}
          onSelect={p.onSelect}
          onFix={p.onChoiceFix}
          onFixGroup={p.onFixGroup}
        />
      )}
    </Section>
  );
}
