/**
 * The "Theo dõi" tab: a tracking workbook that already exists, during the year.
 *  - In Excel: the open workbook (read through src/host/tracking-excel.ts); fixes are written
 *    into it with a backup batch and can be undone; a finding selects its cell.
 *  - In file mode: an .xlsx chosen by the officer, held in memory; fixes and the roll-over give
 *    NEW files to download (the original is never touched); a finding shows its row.
 * Check (Kiểm tra) → findings by severity; safe fix-all; per-finding agency fixes; rollup per
 * lead agency; year roll-over behind a confirmation dialog.
 * This file holds the tab's jobs; its state is one reducer (tracking-state.ts), each job runs
 * through useAction (busy, error bar, status line), where the work goes (Excel or a file) is the
 * backend's business (tracking-backend.ts, from PaneContext), and the sections share the
 * workbook, year and date through TrackingContext (TrackingOpenSection, TrackingCheckSection,
 * TrackingRollupSection, ExchangeSection, TrackingPapersSection, TrackingRolloverSection).
 */
import * as React from "react";
import { useCallback, useEffect, useMemo, useReducer, useRef } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { Finding } from "../core/model";
import { InputError } from "../core/errors/input-error";
import { INPUT_ERRORS } from "../core/errors/finding-codes";
import { ErrorBar } from "./ErrorBar";
import { TrackingOpenSection } from "./TrackingOpenSection";
import { TrackingCheckSection } from "./TrackingCheckSection";
import { TrackingRollupSection } from "./TrackingRollupSection";
import { TrackingRolloverSection } from "./TrackingRolloverSection";
import { ExchangeSection } from "./ExchangeSection";
import {
  TrackingPapersSection,
  type PaperChoice,
  type RemindChoice,
} from "./TrackingPapersSection";
import * as papers from "./paper-actions";
import * as actions from "./tracking-actions";
import type { OpenedTracking } from "./tracking-actions";
import { makeDownloadUrl, triggerDownload } from "./download";
import { excelBackend, fileBackend, type TrackingState } from "./tracking-backend";
import { useRevokeObjectUrl } from "./use-revoke-object-url";
import { trackingErrorText, type TrackingStage } from "./error-text";
import { findingCountsText } from "./findings-view";
import { isPlausibleReportYear, isValidIsoDate, todayIso } from "./report-date";
import { changeCountText, findingCell } from "./tracking-view";
import { usePane } from "./pane-context";
import { useAction } from "./use-action";
import { EMPTY_TRACKING_VIEW, trackingReducer } from "./tracking-state";
import { TrackingProvider, type TrackingContextValue } from "./tracking-context";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

/** What the officer must do again (a row changed, a cell gone): shown as is in the error bar. */
const userError = (message: string, code: string = INPUT_ERRORS.WORKBOOK_CHANGED) =>
  new InputError(code, "", message);

export function TrackingPanel() {
  const styles = useStyles();
  const pane = usePane();
  const { inExcel, ready, onStatus } = pane;
  const backend = pane.tracking ?? (inExcel ? excelBackend : fileBackend);
  const [view, dispatch] = useReducer(trackingReducer, EMPTY_TRACKING_VIEW);
  const { tracking: state, year, date, findings, undoBatch } = view;
  const opened = state?.opened ?? null;
  const wb = state?.wb ?? null;
  const action = useAction<TrackingStage>({
    onStatus,
    describe: (e, stage) => trackingErrorText(e, stage, opened?.source),
  });
  const { busy } = action;

  const yearOk = isPlausibleReportYear(Number(year));
  const dateOk = isValidIsoDate(date);

  useRevokeObjectUrl(view.fixDownload?.url);
  useRevokeObjectUrl(view.rolled?.download?.url);
  useRevokeObjectUrl(view.paperResult?.download?.url);

  /** Every job: the last information line goes as it starts. */
  const run = (stage: TrackingStage, status: string, work: () => Promise<void>) => {
    dispatch({ type: "started" });
    return action.run(stage, status, work);
  };

  /** A freshly read workbook replaces everything the tab showed. */
  const show = (tracking: TrackingState, keepInputs = false) =>
    dispatch({
      type: "shown",
      tracking,
      keepInputs,
      thisYear: new Date().getFullYear(),
      today: todayIso(),
    });

  const openedText = (o: OpenedTracking) =>
    `Đã đọc sổ theo dõi ${o.workbook.plan.number ? `kế hoạch ${o.workbook.plan.number}` : o.source}: ${o.workbook.rows.length} dòng nhiệm vụ, năm báo cáo ${o.workbook.reportYear ?? "?"}.`;

  const onFile = (file: File) =>
    run("open", `Đang đọc ${file.name}…`, async () => {
      const o = await actions.openTrackingBytes(
        new Uint8Array(await file.arrayBuffer()),
        file.name
      );
      show({ opened: o, wb: o.workbook, applied: [] });
      onStatus(openedText(o));
    });

  const onReadExcel = () =>
    run("open", "Đang đọc sổ đang mở…", async () => {
      const now = await backend.current(null);
      show(now);
      onStatus(openedText(now.opened));
    });

  // Inside Excel the open workbook is read as soon as the tab is shown.
  const autoRead = useRef(false);
  useEffect(() => {
    if (ready && inExcel && !autoRead.current) {
      autoRead.current = true;
      void onReadExcel();
    }
  }, [ready, inExcel]);

  const announceFindings = (list: Finding[]) => {
    const counts = findingCountsText(list);
    onStatus(
      counts ? `Kiểm tra xong: ${counts}.` : "Kiểm tra xong: không có lỗi hay cảnh báo nào."
    );
  };

  /** Excel: read again (the officer types between clicks); file mode: the workbook in memory. */
  const current = async (): Promise<TrackingState> => {
    const now = await backend.current(state);
    if (now !== state) show(now, true);
    return now;
  };

  const check = (o: OpenedTracking, w: TrackingState["wb"]) =>
    actions.checkWorkbook(o, w, Number(year), date);

  const onCheck = () =>
    run("check", "Đang kiểm tra…", async () => {
      const now = await backend.current(state);
      // The date set here is the workbook's from now on (next check, reports, roll-over).
      const kept = await backend.keepReportDate(now, Number(year), date);
      if (kept !== state) show(kept, true);
      const list = check(kept.opened, kept.wb);
      dispatch({ type: "checked", findings: list });
      announceFindings(list);
    });

  /** Applies fix results through the backend: a backup batch in Excel, a new file otherwise. */
  const applyResult = async (
    now: TrackingState,
    result: ReturnType<typeof actions.safeFixes>,
    what: string
  ) => {
    if (result.changes.length === 0) {
      const text = `${what}: ${changeCountText(0)}`;
      dispatch({ type: "nothingFixed", text });
      onStatus(text);
      return;
    }
    const out = await backend.apply(now, result, what);
    dispatch({
      type: "fixed",
      tracking: out.state,
      findings: check(out.state.opened, out.state.wb),
      fix: { changes: result.changes, text: out.text },
      undoBatch: out.undoBatch,
      download: out.download,
    });
    onStatus(out.text);
  };

  const onFixAll = () =>
    run("fix", "Đang sửa các ô an toàn…", async () => {
      const now = await current();
      const list = check(now.opened, now.wb);
      await applyResult(now, actions.safeFixes(now.wb, list), "Sửa các ô an toàn");
    });

  /** Fixes of findings shown earlier, found again in the workbook as it is now. */
  const fixAgain = (chosen: Finding[], what: (first: Finding) => string, gone: string) =>
    run("fix", "Đang sửa…", async () => {
      const now = await current();
      // Excel may have changed meanwhile: the same findings, in the workbook as it is now.
      const list = check(now.opened, now.wb);
      const key = (x: Finding) =>
        `${x.code}|${x.location.row}|${x.location.column}|${x.fix?.value ?? ""}`;
      const wanted = new Set(chosen.map(key));
      const same = list.filter((x) => wanted.has(key(x)));
      const [first] = same;
      if (first === undefined) {
        dispatch({ type: "checked", findings: list });
        throw userError(gone);
      }
      await applyResult(now, actions.chosenFixes(now.wb, same), what(first));
    });

  const onChoiceFix = (f: Finding) =>
    fixAgain([f], (first) => first.fix!.description, "Dòng này đã thay đổi; hãy kiểm tra lại.");

  /** A group's fixes at once (a rename of every row of an agency): one batch, one new file. */
  const onFixGroup = (group: Finding[], what: string) =>
    fixAgain(group, () => what, "Các dòng này đã thay đổi; hãy kiểm tra lại.");

  const onUndo = () =>
    run("undo", "Đang hoàn tác…", async () => {
      const out = await backend.undo!(undoBatch!);
      dispatch({
        type: "undone",
        tracking: out.state,
        findings: check(out.state.opened, out.state.wb),
        text: out.text,
      });
      onStatus(out.text);
    });

  const onSelect = (f: Finding, id: string) => {
    dispatch({ type: "selected", id });
    if (!backend.select || !opened) return;
    const target = findingCell(opened.cells.sheets, f, opened.workbook.taskSheet);
    if (!target) return;
    void run("select", `Đang chọn ô ${target.sheet}!${target.address}…`, async () => {
      const ok = await backend.select!(target.sheet, target.address);
      if (!ok)
        throw userError(
          `Không tìm thấy ô ${target.address} trên trang "${target.sheet}" (trang có thể đã đổi tên hoặc bị xóa). Hãy đọc lại sổ.`,
          INPUT_ERRORS.CELL_NOT_FOUND
        );
      onStatus(`Đã chọn ô ${target.sheet}!${target.address}.`);
    });
  };

  const onRollover = () => {
    const fromYear = wb?.reportYear ?? null;
    if (fromYear === null || !state) return;
    const to = fromYear + 1;
    void run("rollover", `Đang chuyển sang năm ${to}…`, async () => {
      const out = await backend.rollover(state, to);
      dispatch({
        type: "rolled",
        tracking: out.state,
        rolled: { text: out.text, download: out.download },
        undoBatch: out.undoBatch,
        thisYear: new Date().getFullYear(),
        today: todayIso(),
      });
      onStatus(out.text);
    });
  };

  const onChart = () =>
    run("chart", "Đang chèn biểu đồ…", async () => {
      await backend.chart!();
      const text = 'Đã chèn biểu đồ tình trạng vào trang "Tổng hợp".';
      dispatch({ type: "info", text });
      onStatus(text);
    });

  const signerEdits = (signer: string) =>
    signer.trim() ? { signerName: signer.trim() } : undefined;

  const onPaper = (c: PaperChoice) =>
    run("paper", "Đang tạo giấy tờ in…", async () => {
      const now = await current();
      const out = await backend.paper(
        now,
        {
          kind: c.kind,
          year: Number(year),
          date,
          withStatus: c.withStatus,
          agency: c.agency,
          edits: signerEdits(c.signer),
        },
        c.target
      );
      dispatch({ type: "paper", result: out });
      onStatus(out.text);
    });

  const onPreview = (c: PaperChoice) =>
    run("paper", "Đang soạn lời văn…", async () => {
      const now = await current();
      dispatch({
        type: "narrative",
        narrative: papers.reportNarrative(now.opened, now.wb, {
          kind: c.kind,
          year: Number(year),
          date,
          agency: c.agency,
        }),
      });
    });

  const onRemind = (c: RemindChoice) =>
    run("paper", "Đang tạo công văn đôn đốc…", async () => {
      const now = await current();
      const r = await papers.reminderFile(now.opened, now.wb, {
        year: Number(year),
        date,
        deadline: c.deadline || null,
        oneLetter: c.oneLetter,
        edits: signerEdits(c.signer),
      });
      if (!r.file) {
        const text = `Năm ${year}: không có đơn vị nào chậm báo cáo hay có nhiệm vụ quá hạn.`;
        dispatch({ type: "paper", result: { text } });
        onStatus(text);
        return;
      }
      const url = makeDownloadUrl(r.file.bytes, r.file.mime);
      triggerDownload(url, r.file.fileName);
      const late = r.agencies.filter((a) => a.reason === "not_reported").length;
      const text = `Đã tạo ${r.file.fileName}: đôn đốc ${r.agencies.length} đơn vị (${late} chưa gửi báo cáo, ${r.agencies.length - late} chỉ có nhiệm vụ quá hạn).`;
      dispatch({ type: "paper", result: { text, download: { url, fileName: r.file.fileName } } });
      onStatus(text);
    });

  /** The texts in use: a "Mẫu in" sheet in Excel, a copy of the workbook with it in file mode. */
  const onTexts = (signer: string) =>
    run("paper", inExcel ? "Đang tạo trang Mẫu in…" : "Đang tạo sổ có trang Mẫu in…", async () => {
      const now = await current();
      const out = await backend.texts(now, signerEdits(signer));
      dispatch({ type: "paper", result: out });
      onStatus(out.text);
    });

  const rowsByNumber = useMemo(() => new Map(wb?.rows.map((r) => [r.sheetRow, r])), [wb]);
  const rowOf = useCallback((f: Finding) => rowsByNumber.get(f.location.row ?? -1), [rowsByNumber]);
  const isBusy = busy !== null && busy !== "select";
  const safeCount = findings?.filter((f) => actions.isSafe(f)).length ?? 0;

  const undo = backend.undo && undoBatch ? onUndo : undefined;

  const shared: TrackingContextValue | null = state && {
    backend,
    inExcel,
    tracking: state,
    year,
    date,
    onYear: (value) => dispatch({ type: "year", value }),
    onDate: (value) => dispatch({ type: "date", value }),
    inputsOk: yearOk && dateOk,
    disabled: isBusy,
    current,
    changed: (tracking, batch) => dispatch({ type: "changed", tracking, undoBatch: batch }),
    undo,
    showError: action.showError,
    onStatus,
  };

  return (
    <div className={styles.stack}>
      {action.error && (
        <ErrorBar error={action.error} onDismiss={action.dismissError} testId="t-error-bar" />
      )}

      <TrackingOpenSection
        inExcel={inExcel}
        ready={ready}
        disabled={isBusy}
        opening={busy === "open"}
        wb={wb}
        source={opened?.source}
        onReadExcel={onReadExcel}
        onFile={(file) => void onFile(file)}
      />

      {shared && (
        <TrackingProvider value={shared}>
          <TrackingCheckSection
            working={busy === "check" || busy === "fix"}
            findings={findings}
            safeCount={safeCount}
            info={view.info}
            lastFix={view.lastFix}
            fixDownload={view.fixDownload}
            selectedId={view.selected}
            rowOf={rowOf}
            onCheck={onCheck}
            onFixAll={onFixAll}
            onSelect={onSelect}
            onChoiceFix={onChoiceFix}
            onFixGroup={(g, what) => void onFixGroup(g, what)}
          />

          <TrackingRollupSection charting={busy === "chart"} onChart={onChart} />

          <ExchangeSection />

          <TrackingPapersSection
            working={busy === "paper"}
            result={view.paperResult}
            onMake={(c) => void onPaper(c)}
            onSaveTexts={(signer) => void onTexts(signer)}
            saveTextsLabel={inExcel ? "Tạo trang “Mẫu in”" : "Tải sổ có trang “Mẫu in”"}
            narrative={view.narrative}
            onPreview={(c) => void onPreview(c)}
            onRemind={(c) => void onRemind(c)}
          />

          <TrackingRolloverSection
            rolled={view.rolled}
            rolling={busy === "rollover"}
            onRollover={onRollover}
          />
        </TrackingProvider>
      )}
    </div>
  );
}
