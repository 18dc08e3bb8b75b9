/**
 * The "Theo dõi" tab: a tracking workbook that already exists, during the year.
 *  - In Excel: the open workbook (read through src/host/tracking-excel.ts); fixes are written
 *    into it with a backup batch and can be undone; a finding selects its cell.
 *  - In file mode: an .xlsx chosen by the officer, held in memory; fixes and the roll-over give
 *    NEW files to download (the original is never touched); a finding shows its row.
 * Check (Kiểm tra) → findings by severity; safe fix-all; per-finding agency fixes; rollup per
 * lead agency; year roll-over behind a confirmation dialog.
 * This file holds the tab's state and actions; where they go (Excel or a file) is the backend's
 * business (tracking-backend.ts); each section is its own component (TrackingOpenSection,
 * TrackingCheckSection, TrackingRollupSection, TrackingPapersSection, TrackingRolloverSection).
 */
import * as React from "react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { Finding } from "../core/model";
import { InputError } from "../core/errors/input-error";
import { INPUT_ERRORS } from "../core/errors/finding-codes";
import type { CellChange } from "../core/tracking/changes";
import type { TrackingWorkbook } from "../core/workbook/tracking-model";
import { ErrorBar } from "./ErrorBar";
import { TrackingOpenSection } from "./TrackingOpenSection";
import { TrackingCheckSection, type LastFix } from "./TrackingCheckSection";
import { TrackingRollupSection } from "./TrackingRollupSection";
import { TrackingRolloverSection, type Rolled } from "./TrackingRolloverSection";
import { ExchangeSection } from "./ExchangeSection";
import {
  TrackingPapersSection,
  type PaperChoice,
  type PapersResult,
  type RemindChoice,
} from "./TrackingPapersSection";
import type { Narrative } from "../core/papers/narrative";
import * as papers from "./paper-actions";
import * as actions from "./tracking-actions";
import type { OpenedTracking } from "./tracking-actions";
import { makeDownloadUrl, triggerDownload, type DownloadFile } from "./download";
import {
  excelBackend,
  fileBackend,
  readExcel,
  type ChangeOutcome,
  type TrackingState,
} from "./tracking-backend";
import { useRevokeObjectUrl } from "./use-revoke-object-url";
import { trackingErrorText, type ErrorText, type TrackingStage } from "./error-text";
import { findingCountsText } from "./findings-view";
import { isPlausibleReportYear, isValidIsoDate, todayIso } from "./report-date";
import { changeCountText, findingCell, textsFileName } from "./tracking-view";
import { openErrorsBeforeRollover, rolloverRefusal } from "../core/tracking/rollover-rules";

/** A paper as a new sheet of the open workbook: Excel only. */
const papersExcel = () => import(/* webpackChunkName: "office-render" */ "../host/papers-excel");

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

export interface TrackingPanelProps {
  inExcel: boolean;
  /** False while the host is still being detected. */
  ready: boolean;
  onStatus: (text: string) => void;
}

type Busy = null | TrackingStage;

export function TrackingPanel({ inExcel, ready, onStatus }: TrackingPanelProps) {
  const styles = useStyles();
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<ErrorText | null>(null);
  /** The workbook as the pane now knows it (after this session's fixes in file mode). */
  const [state, setState] = useState<TrackingState | null>(null);
  const opened = state?.opened ?? null;
  const wb = state?.wb ?? null;
  const backend = inExcel ? excelBackend : fileBackend;
  const [year, setYear] = useState("");
  const [date, setDate] = useState("");
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [lastFix, setLastFix] = useState<LastFix | null>(null);
  const [fixDownload, setFixDownload] = useState<DownloadFile | null>(null);
  const [undoBatch, setUndoBatch] = useState<string | null>(null);
  const [rolled, setRolled] = useState<Rolled | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const [paperResult, setPaperResult] = useState<PapersResult | null>(null);

  const yearOk = isPlausibleReportYear(Number(year));
  const dateOk = isValidIsoDate(date);

  useRevokeObjectUrl(fixDownload?.url);
  useRevokeObjectUrl(rolled?.download?.url);
  useRevokeObjectUrl(paperResult?.download?.url);

  const run = useCallback(
    async (stage: TrackingStage, status: string, work: () => Promise<void>, source?: string) => {
      setBusy(stage);
      setError(null);
      setInfo(null);
      onStatus(status);
      try {
        await work();
      } catch (e) {
        console.error(e);
        const text = trackingErrorText(e, stage, source);
        setError(text);
        onStatus(`${text.title}: ${text.message}`);
      } finally {
        setBusy(null);
      }
    },
    [onStatus]
  );

  /** A freshly read workbook replaces everything the tab showed. */
  const show = (o: OpenedTracking | TrackingState, keepInputs = false) => {
    const next: TrackingState = "opened" in o ? o : { opened: o, wb: o.workbook, applied: [] };
    setState(next);
    o = next.opened;
    setFindings(null);
    setSelected(null);
    if (!keepInputs) {
      setYear(String(o.workbook.reportYear ?? new Date().getFullYear()));
      setDate(o.workbook.reportDate ?? todayIso());
      setLastFix(null);
      setFixDownload(null);
      setUndoBatch(null);
      setRolled(null);
    }
  };

  const openedText = (o: OpenedTracking) =>
    `Đã đọc sổ theo dõi ${o.workbook.plan.number ? `kế hoạch ${o.workbook.plan.number}` : o.source}: ${o.workbook.rows.length} dòng nhiệm vụ, năm báo cáo ${o.workbook.reportYear ?? "?"}.`;

  const onFile = (file: File) =>
    run(
      "open",
      `Đang đọc ${file.name}…`,
      async () => {
        const o = await actions.openTrackingBytes(
          new Uint8Array(await file.arrayBuffer()),
          file.name
        );
        show(o);
        onStatus(openedText(o));
      },
      file.name
    );

  const onReadExcel = () =>
    run("open", "Đang đọc sổ đang mở…", async () => {
      const o = await readExcel();
      show(o);
      onStatus(openedText(o));
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
  const current = async (): Promise<{
    o: OpenedTracking;
    w: TrackingWorkbook;
    /** File mode: this session's changes, written again into every new file. */
    applied: CellChange[];
  }> => {
    const now = await backend.current(state);
    if (now !== state) show(now, true);
    return { o: now.opened, w: now.wb, applied: now.applied };
  };

  const onCheck = () =>
    run(
      "check",
      "Đang kiểm tra…",
      async () => {
        const now = await backend.current(state);
        // The date set here is the workbook's from now on (next check, reports, roll-over).
        const kept = await backend.keepReportDate(now, Number(year), date);
        if (kept !== state) show(kept, true);
        const list = actions.checkWorkbook(kept.opened, kept.wb, Number(year), date);
        setFindings(list);
        setSelected(null);
        announceFindings(list);
      },
      opened?.source
    );

  /** Applies fix results through the backend: a backup batch in Excel, a new file otherwise. */
  const applyResult = async (
    o: OpenedTracking,
    result: ReturnType<typeof actions.safeFixes>,
    what: string
  ) => {
    if (result.changes.length === 0) {
      const text = `${what}: ${changeCountText(0)}`;
      setLastFix({ changes: [], text });
      setInfo(text);
      onStatus(text);
      return;
    }
    const now: TrackingState = { opened: o, wb: wb!, applied: state?.applied ?? [] };
    const out = await backend.apply(now, result, what);
    show(out.state, true);
    if (out.undoBatch) setUndoBatch(out.undoBatch);
    if (out.download) setFixDownload(out.download);
    setFindings(actions.checkWorkbook(out.state.opened, out.state.wb, Number(year), date));
    setLastFix({ changes: result.changes, text: out.text });
    onStatus(out.text);
  };

  const onFixAll = () =>
    run(
      "fix",
      "Đang sửa các ô an toàn…",
      async () => {
        const { o, w } = await current();
        const list = actions.checkWorkbook(o, w, Number(year), date);
        await applyResult(o, actions.safeFixes(w, list), "Sửa các ô an toàn");
      },
      opened?.source
    );

  const onChoiceFix = (f: Finding) =>
    run(
      "fix",
      "Đang sửa…",
      async () => {
        const { o, w } = await current();
        // Find the same finding in the workbook as it is now (Excel may have changed meanwhile).
        const list = actions.checkWorkbook(o, w, Number(year), date);
        const same = list.find(
          (x) =>
            x.code === f.code &&
            x.location.row === f.location.row &&
            x.location.column === f.location.column &&
            x.fix?.value === f.fix?.value
        );
        if (!same) {
          setFindings(list);
          throw new InputError(
            INPUT_ERRORS.WORKBOOK_CHANGED,
            o.source,
            "Dòng này đã thay đổi; hãy kiểm tra lại."
          );
        }
        await applyResult(o, actions.chosenFix(w, same), same.fix!.description);
      },
      opened?.source
    );

  /** A group's fixes at once (a rename of every row of an agency): one batch, one new file. */
  const onFixGroup = (group: Finding[], what: string) =>
    run(
      "fix",
      "Đang sửa…",
      async () => {
        const { o, w } = await current();
        const list = actions.checkWorkbook(o, w, Number(year), date);
        const key = (x: Finding) =>
          `${x.code}|${x.location.row}|${x.location.column}|${x.fix?.value ?? ""}`;
        const wanted = new Set(group.map(key));
        const same = list.filter((x) => wanted.has(key(x)));
        if (same.length === 0) {
          setFindings(list);
          throw new InputError(
            INPUT_ERRORS.WORKBOOK_CHANGED,
            o.source,
            "Các dòng này đã thay đổi; hãy kiểm tra lại."
          );
        }
        await applyResult(o, actions.chosenFixes(w, same), what);
      },
      opened?.source
    );

  const onUndo = () =>
    run("undo", "Đang hoàn tác…", async () => {
      const out: ChangeOutcome = await backend.undo!(undoBatch!);
      setUndoBatch(null);
      show(out.state, true);
      setFindings(actions.checkWorkbook(out.state.opened, out.state.wb, Number(year), date));
      setLastFix(null);
      setInfo(out.text);
      onStatus(out.text);
    });

  const onSelect = (f: Finding, id: string) => {
    setSelected(id);
    if (!backend.select || !opened) return;
    const target = findingCell(opened.cells.sheets, f, opened.workbook.taskSheet);
    if (!target) return;
    void run("select", `Đang chọn ô ${target.sheet}!${target.address}…`, async () => {
      const ok = await backend.select!(target.sheet, target.address);
      if (!ok)
        throw new InputError(
          INPUT_ERRORS.CELL_NOT_FOUND,
          opened.source,
          `Không tìm thấy ô ${target.address} trên trang "${target.sheet}" (trang có thể đã đổi tên hoặc bị xóa). Hãy đọc lại sổ.`,
          { sheet: target.sheet }
        );
      onStatus(`Đã chọn ô ${target.sheet}!${target.address}.`);
    });
  };

  const fromYear = wb?.reportYear ?? null;
  const refusal = wb ? (rolloverRefusal(wb)?.message ?? null) : null;
  /** Errors of the year to be finished, for the roll-over's confirmation. */
  const rolloverErrors = useMemo(
    () => (wb && opened ? openErrorsBeforeRollover(wb, opened.readFindings) : []),
    [wb, opened]
  );

  const onRollover = () => {
    if (fromYear === null) return;
    const to = fromYear + 1;
    void run(
      "rollover",
      `Đang chuyển sang năm ${to}…`,
      async () => {
        const out = await backend.rollover(state!, to);
        show(out.state);
        if (out.undoBatch) setUndoBatch(out.undoBatch);
        setRolled({ text: out.text, download: out.download });
        onStatus(out.text);
      },
      opened?.source
    );
  };

  const onChart = () =>
    run("chart", "Đang chèn biểu đồ…", async () => {
      await backend.chart!();
      const text = 'Đã chèn biểu đồ tình trạng vào trang "Tổng hợp".';
      setInfo(text);
      onStatus(text);
    });

  const rollupData = useMemo(
    () => (wb && yearOk && dateOk ? actions.rollupOf(wb, Number(year), date) : null),
    [wb, year, date, yearOk, dateOk]
  );

  const paperAgencies = useMemo(
    () => (wb && yearOk && dateOk ? papers.agenciesFor(wb, Number(year), date) : null),
    [wb, year, date, yearOk, dateOk]
  );

  const onPaper = (c: PaperChoice) =>
    run(
      "paper",
      "Đang tạo giấy tờ in…",
      async () => {
        const { o, w } = await current();
        const request: papers.PaperRequest = {
          kind: c.kind,
          year: Number(year),
          date,
          withStatus: c.withStatus,
          agency: c.agency,
          edits: c.signer.trim() ? { signerName: c.signer.trim() } : undefined,
        };
        let text: string;
        if (c.target === "sheet") {
          const { paperSheetInExcel } = await papersExcel();
          const out = await paperSheetInExcel(papers.paperSpec(papers.makePaper(o, w, request)));
          text = `Đã tạo trang "${out.sheet}", sẵn sàng để in (Ctrl+P).${
            out.backups.length ? ` Trang cũ cùng tên được giữ lại với tên "${out.backups[0]}".` : ""
          }`;
          setPaperResult({ text });
        } else {
          const file = await papers.paperFile(o, w, request, c.target);
          const url = makeDownloadUrl(file.bytes, file.mime);
          triggerDownload(url, file.fileName);
          text = `Đã tạo tệp ${file.fileName}.`;
          setPaperResult({ text, download: { url, fileName: file.fileName } });
        }
        onStatus(text);
      },
      opened?.source
    );

  const [narrative, setNarrative] = useState<Narrative | null>(null);
  const onPreview = (c: PaperChoice) =>
    run("paper", "Đang soạn lời văn…", async () => {
      const { o, w } = await current();
      setNarrative(
        papers.reportNarrative(o, w, { kind: c.kind, year: Number(year), date, agency: c.agency })
      );
    });

  const onRemind = (c: RemindChoice) =>
    run("paper", "Đang tạo công văn đôn đốc…", async () => {
      const { o, w } = await current();
      const r = await papers.reminderFile(o, w, {
        year: Number(year),
        date,
        deadline: c.deadline || null,
        oneLetter: c.oneLetter,
        edits: c.signer.trim() ? { signerName: c.signer.trim() } : undefined,
      });
      if (!r.file) {
        const text = `Năm ${year}: không có đơn vị nào chậm báo cáo hay có nhiệm vụ quá hạn.`;
        setPaperResult({ text });
        onStatus(text);
        return;
      }
      const url = makeDownloadUrl(r.file.bytes, r.file.mime);
      triggerDownload(url, r.file.fileName);
      const late = r.agencies.filter((a) => a.reason === "not_reported").length;
      const text = `Đã tạo ${r.file.fileName}: đôn đốc ${r.agencies.length} đơn vị (${late} chưa gửi báo cáo, ${r.agencies.length - late} chỉ có nhiệm vụ quá hạn).`;
      setPaperResult({ text, download: { url, fileName: r.file.fileName } });
      onStatus(text);
    });

  /** File mode: a copy of the workbook with the "Mẫu in" sheet, downloaded (source kept). */
  const onDownloadTexts = (signer: string) =>
    run("paper", "Đang tạo sổ có trang Mẫu in…", async () => {
      const { o, w } = await current();
      const edits = signer.trim() ? { signerName: signer.trim() } : undefined;
      const bytes = await actions.printTextsFile(o, w, state?.applied ?? [], todayIso(), edits);
      const fileName = textsFileName(o.source);
      const url = makeDownloadUrl(bytes);
      triggerDownload(url, fileName);
      const text = `Đã tạo tệp ${fileName}: bản sao sổ có trang "Mẫu in" — sửa tiêu đề, người ký, nơi nhận ở đó rồi mở tệp này để in; tệp gốc ${o.source} giữ nguyên.`;
      setPaperResult({ text, download: { url, fileName } });
      onStatus(text);
    });

  /** Excel: the texts in use now into a "Mẫu in" sheet the officer edits (an old one is kept). */
  const onSaveTexts = (signer: string) =>
    run("paper", "Đang tạo trang Mẫu in…", async () => {
      const { o, w } = await current();
      const { paperSheetInExcel } = await papersExcel();
      const edits = signer.trim() ? { signerName: signer.trim() } : undefined;
      const out = await paperSheetInExcel(papers.printTextsSpec(o, w, edits));
      const text = `Đã tạo trang "${out.sheet}": sửa tiêu đề, người ký, nơi nhận ở đó; lần in sau dùng chữ mới.${
        out.backups.length ? ` Trang cũ được giữ lại với tên "${out.backups[0]}".` : ""
      }`;
      setPaperResult({ text });
      onStatus(text);
    });

  const rowsByNumber = useMemo(() => new Map(wb?.rows.map((r) => [r.sheetRow, r])), [wb]);
  const rowOf = useCallback((f: Finding) => rowsByNumber.get(f.location.row ?? -1), [rowsByNumber]);
  const isBusy = busy !== null && busy !== "select";
  const safeCount = findings?.filter((f) => actions.isSafe(f)).length ?? 0;

  const undo = backend.undo && undoBatch ? onUndo : undefined;

  return (
    <div className={styles.stack}>
      {error && <ErrorBar error={error} onDismiss={() => setError(null)} testId="t-error-bar" />}

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

      {wb && (
        <TrackingCheckSection
          inExcel={inExcel}
          year={year}
          date={date}
          onYear={setYear}
          onDate={setDate}
          inputsOk={yearOk && dateOk}
          disabled={isBusy}
          working={busy === "check" || busy === "fix"}
          findings={findings}
          safeCount={safeCount}
          info={info}
          lastFix={lastFix}
          fixDownload={fixDownload}
          onUndo={undo}
          selectedId={selected}
          rowOf={rowOf}
          onCheck={onCheck}
          onFixAll={onFixAll}
          onSelect={onSelect}
          onChoiceFix={onChoiceFix}
          onFixGroup={(g, what) => void onFixGroup(g, what)}
        />
      )}

      {wb && (
        <TrackingRollupSection
          inExcel={inExcel}
          data={rollupData?.rollup ?? null}
          refusal={rollupData?.refusal}
          disabled={isBusy}
          charting={busy === "chart"}
          onChart={onChart}
        />
      )}

      {wb && (
        <ExchangeSection
          inExcel={inExcel}
          wb={wb}
          year={year}
          date={date}
          inputsOk={yearOk && dateOk}
          disabled={isBusy}
          current={current}
          onChanged={async (batchId) => {
            const fresh = await readExcel();
            show(fresh, true);
            if (batchId) setUndoBatch(batchId);
          }}
          onUndo={undo}
          onStatus={onStatus}
          onError={(e) => {
            console.error(e);
            const text = trackingErrorText(e, "exchange", opened?.source);
            setError(text);
            onStatus(`${text.title}: ${text.message}`);
          }}
        />
      )}

      {wb && (
        <TrackingPapersSection
          inExcel={inExcel}
          year={year}
          agencies={paperAgencies}
          disabled={isBusy}
          working={busy === "paper"}
          result={paperResult}
          onMake={(c) => void onPaper(c)}
          onSaveTexts={(signer) => void (inExcel ? onSaveTexts(signer) : onDownloadTexts(signer))}
          saveTextsLabel={inExcel ? "Tạo trang “Mẫu in”" : "Tải sổ có trang “Mẫu in”"}
          narrative={narrative}
          onPreview={(c) => void onPreview(c)}
          onRemind={(c) => void onRemind(c)}
        />
      )}

      {wb && (
        <TrackingRolloverSection
          inExcel={inExcel}
          fromYear={fromYear}
          refusal={refusal}
          rolled={rolled}
          disabled={isBusy}
          rolling={busy === "rollover"}
          onUndo={undo}
          onRollover={onRollover}
          errors={rolloverErrors}
        />
      )}
    </div>
  );
}
