/**
 * "Gửi và tổng hợp báo cáo": the November job from the tracking tab.
 *  - Gửi đơn vị: one workbook per agency for the report year, downloaded as one .zip (in
 *    Excel too: the master stays open).
 *  - Tổng hợp: returned files picked (files or a folder) or dropped, read one by one with a
 *    progress bar and a line per file; in file mode a NEW master is downloaded, in Excel the
 *    open master is updated (previous values backed up; "Hoàn tác" restores them).
 */
import * as React from "react";
import { useState } from "react";
import {
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  ProgressBar,
  tokens,
} from "@fluentui/react-components";
import type { CellChange } from "../core/tracking/changes";
import type { TrackingWorkbook } from "../core/workbook/tracking-model";
import type { OpenedTracking } from "../app/tracking-file";
import { Section } from "./Section";
import { useSectionStyles } from "./section-styles";
import { droppedFiles, pickedFiles, type PickedFile } from "./dropped-files";
import {
  consolidatedFileName,
  distributionZipName,
  fileLines,
  summaryText,
  type FileLine,
} from "./exchange-view";
import { makeDownloadUrl, triggerDownload, type DownloadFile } from "./download";
import { useRevokeObjectUrl } from "./use-revoke-object-url";
import { ResultBar } from "./ResultBar";
import { parseViDate, todayIso } from "./report-date";
import { ExchangeDetails } from "./ExchangeDetails";
import type { ConflictChoice, Confirmation } from "../core/exchange/consolidate";
import type { ConsolidationReport } from "../core/exchange/consolidation-model";

const exchange = () => import(/* webpackChunkName: "tracking" */ "./exchange-actions");

const useStyles = makeStyles({
  drop: {
    padding: tokens.spacingVerticalL,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    textAlign: "center",
    color: tokens.colorNeutralForeground3,
  },
  over: { border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}` },
  lines: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "grid", gap: "2px" },
  rejected: { color: tokens.colorPaletteRedForeground1 },
  hidden: { display: "none" },
});

export interface ExchangeSectionProps {
  inExcel: boolean;
  wb: TrackingWorkbook;
  year: string;
  date: string;
  inputsOk: boolean;
  /** Another action of the tab is running. */
  disabled: boolean;
  /** The master as it is now (Excel: read again). */
  current: () => Promise<{ o: OpenedTracking; w: TrackingWorkbook; applied?: CellChange[] }>;
  /** After the open workbook changed (Excel): read it again. */
  onChanged: (batchId: string | null) => Promise<void>;
  /** Excel: undo the last batch of changes (this consolidation's, once written). */
  onUndo?: () => void;
  onStatus: (text: string) => void;
  onError: (e: unknown) => void;
}

export function ExchangeSection(p: ExchangeSectionProps) {
  const s = useSectionStyles();
  const styles = useStyles();
  /** The deadline as typed (dd/mm/yyyy, like every date of the pane); "" = none. */
  const [deadlineText, setDeadlineText] = useState("");
  const deadline = parseViDate(deadlineText);
  const deadlineOk = deadlineText.trim() === "" || deadline !== null;
  const [busy, setBusy] = useState<null | "distribute" | "consolidate">(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [lines, setLines] = useState<FileLine[]>([]);
  const [summary, setSummary] = useState<string | null>(null);
  const [download, setDownload] = useState<DownloadFile | null>(null);
  const [zip, setZip] = useState<DownloadFile | null>(null);
  const [over, setOver] = useState(false);
  /** The last files consolidated, kept to run again with the officer's confirmations. */
  const [lastPicked, setLastPicked] = useState<PickedFile[]>([]);
  const [confirmed, setConfirmed] = useState<Confirmation[]>([]);
  /** The officer's choices on cells typed in the master that a file reports otherwise. */
  const [choices, setChoices] = useState<ConflictChoice[]>([]);
  const [report, setReport] = useState<ConsolidationReport | null>(null);
  const filesInput = React.useRef<HTMLInputElement>(null);
  const folderInput = React.useRef<HTMLInputElement>(null);
  useRevokeObjectUrl(download?.url);
  useRevokeObjectUrl(zip?.url);
  const year = Number(p.year);
  const off = p.disabled || busy !== null || !p.inputsOk;

  const onDistribute = async () => {
    setBusy("distribute");
    setProgress(null);
    p.onStatus(`Đang tạo tệp cho các đơn vị (năm ${year})…`);
    try {
      const { distributionZip } = await exchange();
      const { bytes, files, unassigned } = await distributionZip(
        p.wb,
        year,
        deadline,
        todayIso(),
        (done, total) => setProgress({ done, total })
      );
      const fileName = distributionZipName(year, p.wb.plan.number ?? "");
      const url = makeDownloadUrl(bytes, "application/zip");
      setZip({ url, fileName });
      triggerDownload(url, fileName);
      // A lead row no file carries is said, never dropped (distribution-plan.ts).
      p.onStatus(
        `Đã tạo ${files} tệp cho các đơn vị trong ${fileName}.` +
          (unassigned.length
            ? ` ${unassigned.length} dòng nhiệm vụ chưa đến được đơn vị nào: ` +
              unassigned.map((u) => `${u.stt || u.task} (${u.lead || "trống"})`).join(", ") +
              ". Hãy ghi đơn vị chủ trì hoặc thành viên của nhóm trong sổ."
            : "")
      );
    } catch (e) {
      p.onError(e);
    } finally {
      setBusy(null);
    }
  };

  const onFiles = async (
    picked: PickedFile[],
    confirm: Confirmation[] = [],
    chosen: ConflictChoice[] = []
  ) => {
    if (picked.length === 0) return;
    setLastPicked(picked);
    setConfirmed(confirm);
    setChoices(chosen);
    setReport(null);
    setBusy("consolidate");
    setSummary(null);
    setDownload(null);
    setLines(picked.map((f) => ({ file: f.path, state: "waiting", text: "Chờ đọc…", notes: [] })));
    setProgress({ done: 0, total: picked.length });
    p.onStatus(`Đang tổng hợp ${picked.length} tệp…`);
    try {
      const { consolidatePicked } = await exchange();
      // The workbook as the pane now knows it (file mode: after this session's fixes).
      const now = await p.current();
      const o: OpenedTracking = { ...now.o, workbook: now.w };
      const out = await consolidatePicked(
        o,
        picked,
        {
          year,
          date: p.date,
          today: todayIso(),
          inExcel: p.inExcel,
          confirmed: confirm,
          earlier: now.applied,
          choices: chosen,
        },
        (done, total, file) => {
          setProgress({ done, total });
          setLines((ls) =>
            ls.map((l) => (l.file === file ? { ...l, state: "reading", text: "Đã đọc." } : l))
          );
        }
      );
      const report = out.result.report;
      setReport(report);
      setLines(
        fileLines(
          picked.map((f) => f.path),
          report
        )
      );
      let text = summaryText(report, out.result.changes.length);
      if (out.bytes) {
        const fileName = consolidatedFileName(o.source, year);
        const url = makeDownloadUrl(out.bytes);
        setDownload({ url, fileName });
        triggerDownload(url, fileName);
        text += ` Đã tạo tệp mới ${fileName}; sổ gốc giữ nguyên.`;
      } else {
        text += ` Đã ghi vào sổ đang mở (trang "Tiếp nhận"); giá trị cũ được sao lưu.`;
        await p.onChanged(out.batchId ?? null);
      }
      setSummary(text);
      p.onStatus(text);
    } catch (e) {
      p.onError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Section title="Gửi và tổng hợp báo cáo đơn vị" testId="exchange">
      <Caption1 className={s.hint}>
        Mỗi đơn vị nhận một tệp với các nhiệm vụ của mình trong năm {p.year}; tệp gửi lại được tổng
        hợp vào sổ, kể cả tệp đơn vị tự lập.
      </Caption1>
      <div className={s.row}>
        <Field
          label="Hạn gửi báo cáo"
          hint="dd/mm/yyyy"
          validationState={deadlineOk ? "none" : "error"}
          validationMessage={deadlineOk ? undefined : "Nhập ngày dạng dd/mm/yyyy, ví dụ 15/12/2026"}
        >
          <Input
            type="text"
            inputMode="numeric"
            placeholder="dd/mm/yyyy"
            value={deadlineText}
            onChange={(_, d) => setDeadlineText(d.value)}
            data-testid="x-deadline"
          />
        </Field>
        <Button
          disabled={off || !deadlineOk}
          onClick={() => void onDistribute()}
          data-testid="x-distribute"
        >
          Tạo tệp gửi các đơn vị (.zip)
        </Button>
      </div>
      {zip && (
        <ResultBar
          text={`Đã tạo ${zip.fileName}.`}
          testId="x-zip-result"
          download={zip}
          downloadTestId="x-zip-download"
        />
      )}

      <div
        className={over ? `${styles.drop} ${styles.over}` : styles.drop}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          if (off) return;
          void droppedFiles(e.dataTransfer).then(onFiles);
        }}
        data-testid="x-drop"
      >
        Thả các tệp hoặc thư mục báo cáo của đơn vị vào đây
      </div>
      <div className={s.row}>
        <Button
          appearance="primary"
          disabled={off}
          onClick={() => filesInput.current?.click()}
          data-testid="x-pick-files"
        >
          Chọn tệp báo cáo…
        </Button>
        <Button disabled={off} onClick={() => folderInput.current?.click()}>
          Chọn thư mục…
        </Button>
      </div>
      <input
        ref={filesInput}
        type="file"
        multiple
        accept=".xlsx,.xlsm,.xls"
        className={styles.hidden}
        tabIndex={-1}
        aria-label="Chọn tệp báo cáo"
        data-testid="x-files-input"
        onChange={(e) => {
          const picked = pickedFiles(e.target.files);
          e.target.value = "";
          void onFiles(picked);
        }}
      />
      <input
        ref={folderInput}
        type="file"
        multiple
        className={styles.hidden}
        tabIndex={-1}
        aria-label="Chọn thư mục báo cáo"
        {...({ webkitdirectory: "" } as Record<string, string>)}
        onChange={(e) => {
          const picked = pickedFiles(e.target.files);
          e.target.value = "";
          void onFiles(picked);
        }}
      />
      {progress && busy && (
        <ProgressBar
          value={progress.total ? progress.done / progress.total : 0}
          aria-label={`Đã đọc ${progress.done}/${progress.total} tệp`}
          data-testid="x-progress"
        />
      )}
      {lines.length > 0 && (
        <ul className={styles.lines} data-testid="x-lines" aria-live="polite">
          {lines.map((l) => (
            <li
              key={l.file}
              data-testid="x-line"
              data-state={l.state}
              className={l.state === "rejected" ? styles.rejected : undefined}
            >
              <b>{l.file}</b>: {l.text}
              {l.notes.length > 0 && (
                <ul data-testid="x-line-notes">
                  {l.notes.map((n, i) => (
                    <li key={i} data-testid="x-line-note">
                      {n}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      {summary && (
        <ResultBar
          text={summary}
          testId="x-result"
          download={download}
          downloadTestId="x-download"
          onUndo={p.inExcel ? p.onUndo : undefined}
          undoTestId="x-undo"
        />
      )}
      {report && (
        <ExchangeDetails
          report={report}
          disabled={off}
          onConfirm={(u) =>
            void onFiles(
              lastPicked,
              [...confirmed, { file: u.file, sheet: u.sheet, row: u.row, key: u.candidate!.key }],
              choices
            )
          }
          onChoose={(picked) =>
            void onFiles(lastPicked, confirmed, [
              ...choices.filter(
                (c) =>
                  !picked.some((x) => x.key === c.key && x.lead === c.lead && x.column === c.column)
              ),
              ...picked,
            ])
          }
        />
      )}
    </Section>
  );
}
