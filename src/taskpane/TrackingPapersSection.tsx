/**
 * "Giấy tờ in": the appendix to sign (Nghị định 30/2020 layout) and the yearly reports, for the
 * year and date chosen above. In Excel a paper becomes a new print-ready sheet (Ctrl+P prints it
 * right) or a Word file; in file mode an .xlsx or .docx to download. "Tất cả đơn vị" is a .zip.
 */
import * as React from "react";
import { useState } from "react";
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  Select,
  Spinner,
} from "@fluentui/react-components";
import { Section } from "./Section";
import { isValidIsoDate } from "./report-date";
import { ResultBar } from "./ResultBar";
import { agenciesFor, type PaperKind } from "./paper-actions";
import type { PaperTarget } from "./tracking-backend";
import type { PapersResult } from "./tracking-state";
import { useTracking } from "./tracking-context";
import { useSectionStyles } from "./section-styles";
import { NarrativePreview } from "./NarrativePreview";
import type { Narrative } from "../core/papers/narrative";

export interface PaperChoice {
  kind: PaperKind;
  target: PaperTarget;
  agency: string;
  withStatus: boolean;
  signer: string;
}

/** The workbook, mode, year, date and busy flag come from the tab (TrackingContext). */
export interface TrackingPapersSectionProps {
  working: boolean;
  result: PapersResult | null;
  onMake: (choice: PaperChoice) => void;
  /** The texts in use: a "Mẫu in" sheet in Excel, a copy of the workbook in file mode. */
  onSaveTexts?: (signer: string) => void;
  /** Its button: a sheet in Excel, a copy of the workbook to download in file mode. */
  saveTextsLabel?: string;
  /** The body of the chosen report, once previewed ("Xem trước lời văn"). */
  narrative?: Narrative | null;
  onPreview?: (choice: PaperChoice) => void;
  /** "Công văn đôn đốc": a letter per late agency (a .zip), or one to all. */
  onRemind?: (choice: RemindChoice) => void;
}

export interface RemindChoice {
  /** The new deadline (YYYY-MM-DD) or "" for a blank the office fills. */
  deadline: string;
  oneLetter: boolean;
  signer: string;
}

const KINDS: { value: PaperKind; label: string }[] = [
  { value: "appendix", label: "Phụ lục để ký" },
  { value: "agency", label: "Báo cáo của một đơn vị" },
  { value: "all", label: "Báo cáo của tất cả đơn vị (.zip)" },
  { value: "province", label: "Báo cáo toàn tỉnh" },
];

/** A field choosing one of labelled values. */
function ChoiceField<T extends string>(p: {
  label: string;
  value: T;
  choices: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  testId: string;
}) {
  return (
    <Field label={p.label}>
      <Select value={p.value} onChange={(_, d) => p.onChange(d.value as T)} data-testid={p.testId}>
        {p.choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}

export function TrackingPapersSection(props: TrackingPapersSectionProps) {
  const styles = useSectionStyles();
  const { inExcel, year, date, disabled, inputsOk, tracking } = useTracking();
  const wb = tracking.wb;
  /** Agencies the reports can be made for (null while the year or date is not valid). */
  const agencies = React.useMemo(
    () => (inputsOk ? agenciesFor(wb, Number(year), date) : null),
    [wb, year, date, inputsOk]
  );
  const p = { ...props, inExcel, year, disabled, agencies };
  const [kind, setKind] = useState<PaperKind>("appendix");
  const [target, setTarget] = useState<PaperTarget>(p.inExcel ? "sheet" : "docx");
  const [agency, setAgency] = useState("");
  const [withStatus, setWithStatus] = useState(false);
  const [signer, setSigner] = useState("");
  const [deadline, setDeadline] = useState("");
  const [oneLetter, setOneLetter] = useState(false);
  const isReport = kind === "province" || kind === "agency";
  const deadlineOk = deadline === "" || isValidIsoDate(deadline);
  // A new sheet in the open workbook, except for "all" (many files) or outside Excel: a .xlsx.
  const spreadsheet: { value: PaperTarget; label: string } =
    p.inExcel && kind !== "all"
      ? { value: "sheet", label: "Trang tính mới trong sổ" }
      : { value: "xlsx", label: "Tệp Excel (.xlsx)" };
  const targets: { value: PaperTarget; label: string }[] = [
    spreadsheet,
    { value: "docx", label: "Tệp Word (.docx)" },
  ];
  const shownTarget = targets.some((t) => t.value === target) ? target : spreadsheet.value;
  const chosenAgency = agency || p.agencies?.[0] || "";
  const ready = p.agencies !== null && (kind !== "agency" || chosenAgency !== "");
  return (
    <Section title="Giấy tờ in" testId="tracking-papers">
      <Caption1 className={styles.hint}>
        Khổ A4 ngang, phông Times New Roman, tiêu đề, dòng “Kèm theo”, chữ ký và “Nơi nhận” theo
        Nghị định 30/2020. Chữ in mặc định theo cơ quan ban hành; sửa lâu dài ở trang “Mẫu in”.
      </Caption1>
      <ChoiceField
        label="Giấy tờ"
        value={kind}
        choices={KINDS}
        onChange={setKind}
        testId="paper-kind"
      />
      {kind === "agency" && (
        <Field label="Đơn vị">
          <Select
            value={chosenAgency}
            onChange={(_, d) => setAgency(d.value)}
            data-testid="paper-agency"
            disabled={!p.agencies}
          >
            {(p.agencies ?? []).map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {kind === "appendix" && (
        <Checkbox
          label={`Kèm tình trạng và kết quả năm ${p.year}`}
          checked={withStatus}
          onChange={(_, d) => setWithStatus(Boolean(d.checked))}
          data-testid="paper-with-status"
        />
      )}
      <Field label="Người ký (để trống nếu ký tay tên)">
        <Input value={signer} onChange={(_, d) => setSigner(d.value)} data-testid="paper-signer" />
      </Field>
      <ChoiceField
        label="Dạng"
        value={shownTarget}
        choices={targets}
        onChange={setTarget}
        testId="paper-target"
      />
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={p.disabled || !ready}
          onClick={() =>
            p.onMake({ kind, target: shownTarget, agency: chosenAgency, withStatus, signer })
          }
          data-testid="paper-make"
        >
          {shownTarget === "sheet" ? "Tạo trang in" : "Tạo tệp"}
        </Button>
        {p.onSaveTexts && (
          <Button
            disabled={p.disabled}
            onClick={() => p.onSaveTexts?.(signer)}
            data-testid="paper-save-texts"
          >
            {p.saveTextsLabel ?? "Tạo trang “Mẫu in”"}
          </Button>
        )}
        {isReport && p.onPreview && (
          <Button
            disabled={p.disabled || !ready}
            onClick={() =>
              p.onPreview?.({ kind, target: shownTarget, agency: chosenAgency, withStatus, signer })
            }
            data-testid="paper-preview"
          >
            Xem trước lời văn
          </Button>
        )}
        {p.working && <Spinner size="tiny" label="Đang tạo…" />}
      </div>
      {isReport && p.narrative && <NarrativePreview narrative={p.narrative} />}
      {p.onRemind && (
        <>
          <Caption1 className={styles.hint}>
            Công văn đôn đốc (Word): cho mỗi đơn vị chưa gửi báo cáo (theo lần tổng hợp gần nhất)
            hoặc có nhiệm vụ quá hạn.
          </Caption1>
          <div className={styles.row}>
            <Field
              label="Hạn mới (YYYY-MM-DD, để trống nếu điền tay)"
              validationMessage={deadlineOk ? undefined : "Ngày dạng YYYY-MM-DD"}
            >
              <Input
                value={deadline}
                onChange={(_, d) => setDeadline(d.value.trim())}
                data-testid="remind-deadline"
              />
            </Field>
            <Checkbox
              label="Một công văn cho tất cả (kèm danh sách)"
              checked={oneLetter}
              onChange={(_, d) => setOneLetter(Boolean(d.checked))}
              data-testid="remind-one-letter"
            />
            <Button
              disabled={p.disabled || p.agencies === null || !deadlineOk}
              onClick={() => p.onRemind?.({ deadline, oneLetter, signer })}
              data-testid="remind-make"
            >
              Tạo công văn đôn đốc
            </Button>
          </div>
        </>
      )}
      {p.result && (
        <ResultBar
          text={p.result.text}
          testId="paper-result"
          download={p.result.download}
          downloadTestId="paper-download-link"
        />
      )}
    </Section>
  );
}
