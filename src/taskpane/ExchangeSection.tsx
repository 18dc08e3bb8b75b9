/**
 * "Gửi và tổng hợp báo cáo": the November job from the tracking tab.
 *  - Gửi đơn vị: one workbook per agency for the report year, downloaded as one .zip (in
 *    Excel too: the master stays open).
 *  - Tổng hợp: returned files picked (files or a folder) or dropped, read one by one with a
 *    progress bar and a line per file; in file mode a NEW master is downloaded, in Excel the
 *    open master is updated (previous values backed up; "Hoàn tác" restores them).
 */
import * as React from "react";
import { useReducer } from "react";
import {
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  ProgressBar,
  tokens,
} from "@fluentui/react-components";
import { Section } from "./Section";
import { useSectionStyles } from "./section-styles";
import { droppedFiles, pickedFiles, type PickedFile } from "./dropped-files";
import { distributionZipName, fileLines, summaryText } from "./exchange-view";
import { makeDownloadUrl, triggerDownload } from "./download";
import { useRevokeObjectUrl } from "./use-revoke-object-url";
import { ResultBar } from "./ResultBar";
import { parseViDate, todayIso } from "./report-date";
import { ExchangeDetails } from "./ExchangeDetails";
import type { ConflictChoice, Confirmation } from "../core/exchange/consolidate";
import { useTracking } from "./tracking-context";
import { useAction } from "./use-action";
import { trackingErrorText } from "./error-text";
import {
  EMPTY_EXCHANGE_VIEW,
  exchangeReducer,
  withChoices,
  withConfirmation,
} from "./exchange-state";

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

/** Everything it needs comes from the tab (TrackingContext): workbook, year, date, backend. */
export function ExchangeSection() {
  const s = useSectionStyles();
  const styles = useStyles();
  const t = useTracking();
  const [v, dispatch] = useReducer(exchangeReducer, EMPTY_EXCHANGE_VIEW);
  const { busy, run } = useAction<"distribute" | "consolidate">({
    onStatus: t.onStatus,
    describe: (e) => trackingErrorText(e, "exchange", t.tracking.opened.source),
    onError: t.showError,
  });
  const deadline = parseViDate(v.deadlineText);
  const deadlineOk = v.deadlineText.trim() === "" || deadline !== null;
  const filesInput = React.useRef<HTMLInputElement>(null);
  const folderInput = React.useRef<HTMLInputElement>(null);
  useRevokeObjectUrl(v.download?.url);
  useRevokeObjectUrl(v.zip?.url);
  const year = Number(t.year);
  const off = t.disabled || busy !== null || !t.inputsOk;

  const onDistribute = () => {
    dispatch({ type: "distributing" });
    return run("distribute", `Đang tạo tệp cho các đơn vị (năm ${year})…`, async () => {
      const { distributionZip } = await exchange();
      const wb = t.tracking.wb;
      const { bytes, files, unassigned } = await distributionZip(
        wb,
        year,
        deadline,
        todayIso(),
        (done, total) => dispatch({ type: "progress", done, total })
      );
      const fileName = distributionZipName(year, wb.plan.number ?? "");
      const url = makeDownloadUrl(bytes, "application/zip");
      dispatch({ type: "zipped", zip: { url, fileName } });
      triggerDownload(url, fileName);
      // A lead row no file carries is said, never dropped (distribution-plan.ts).
      t.onStatus(
        `Đã tạo ${files} tệp cho các đơn vị trong ${fileName}.` +
          (unassigned.length
            ? ` ${unassigned.length} dòng nhiệm vụ chưa đến được đơn vị nào: ` +
              unassigned.map((u) => `${u.stt || u.task} (${u.lead || "trống"})`).join(", ") +
              ". Hãy ghi đơn vị chủ trì hoặc thành viên của nhóm trong sổ."
            : "")
      );
    });
  };

  const onFiles = async (
    picked: PickedFile[],
    confirmed: Confirmation[] = [],
    choices: ConflictChoice[] = []
  ) => {
    if (picked.length === 0) return;
    dispatch({ type: "consolidating", picked, confirmed, choices });
    await run("consolidate", `Đang tổng hợp ${picked.length} tệp…`, async () => {
      const { consolidatePicked } = await exchange();
      // The workbook as the pane now knows it (file mode: after this session's fixes).
      const now = await t.current();
      const result = await consolidatePicked(
        { ...now.opened, workbook: now.wb },
        picked,
        { year, date: t.date, confirmed, choices },
        (done, total, file) => dispatch({ type: "fileRead", done, total, file })
      );
      const out = await t.backend.consolidate(now, result, { year, date: t.date });
      const summary = `${summaryText(result.report, result.changes.length)} ${out.text}`;
      dispatch({
        type: "consolidated",
        report: result.report,
        lines: fileLines(
          picked.map((f) => f.path),
          result.report
        ),
        summary,
        download: out.download,
      });
      if (out.state) t.changed(out.state, out.undoBatch);
      t.onStatus(summary);
    });
  };

  return (
    <Section title="Gửi và tổng hợp báo cáo đơn vị" testId="exchange">
      <Caption1 className={s.hint}>
        Mỗi đơn vị nhận một tệp với các nhiệm vụ của mình trong năm {t.year}; tệp gửi lại được tổng
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
            value={v.deadlineText}
            onChange={(_, d) => dispatch({ type: "deadline", text: d.value })}
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
      {v.zip && (
        <ResultBar
          text={`Đã tạo ${v.zip.fileName}.`}
          testId="x-zip-result"
          download={v.zip}
          downloadTestId="x-zip-download"
        />
      )}

      <div
        className={v.over ? `${styles.drop} ${styles.over}` : styles.drop}
        onDragOver={(e) => {
          e.preventDefault();
          dispatch({ type: "over", over: true });
        }}
        onDragLeave={() => dispatch({ type: "over", over: false })}
        onDrop={(e) => {
          e.preventDefault();
          dispatch({ type: "over", over: false });
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
        accept=".xlsx,.xlsm,.xls,.ods"
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
      {v.progress && busy && (
        <ProgressBar
          value={v.progress.total ? v.progress.done / v.progress.total : 0}
          aria-label={`Đã đọc ${v.progress.done}/${v.progress.total} tệp`}
          data-testid="x-progress"
        />
      )}
      {v.lines.length > 0 && (
        <ul className={styles.lines} data-testid="x-lines" aria-live="polite">
          {v.lines.map((l) => (
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
      {v.summary && (
        <ResultBar
          text={v.summary}
          testId="x-result"
          download={v.download}
          downloadTestId="x-download"
          onUndo={t.inExcel ? t.undo : undefined}
          undoTestId="x-undo"
        />
      )}
      {v.report && (
        <ExchangeDetails
          report={v.report}
          disabled={off}
          onConfirm={(u) =>
            void onFiles(
              v.lastPicked,
              withConfirmation(v, {
                file: u.file,
                sheet: u.sheet,
                row: u.row,
                key: u.candidate!.key,
              }),
              v.choices
            )
          }
          onChoose={(picked) => void onFiles(v.lastPicked, v.confirmed, withChoices(v, picked))}
        />
      )}
    </Section>
  );
}
