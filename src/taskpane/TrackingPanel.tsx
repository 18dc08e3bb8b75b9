/**
 * The "Theo dõi" tab: a tracking workbook that already exists, during the year.
 *  - In Excel: the open workbook (read through src/host/tracking-excel.ts); fixes are written
 *    into it with a backup batch and can be undone; a finding selects its cell.
 *  - In file mode: an .xlsx chosen by the officer, held in memory; fixes and the roll-over give
 *    NEW files to download (the original is never touched); a finding shows its row.
 * Check (Kiểm tra) → findings by severity; safe fix-all; per-finding agency fixes; rollup per
 * lead agency; year roll-over behind a confirmation dialog.
 * This file holds the tab's state and actions; each section is its own component
 * (TrackingOpenSection, TrackingCheckSection, TrackingRollupSection, TrackingRolloverSection).
 */
import * as React from "react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { Finding } from "../core/model";
import type { CellChange } from "../core/tracking/changes";
import type { TrackingWorkbook } from "../core/tracking/tracking-model";
import { ErrorBar } from "./ErrorBar";
import { TrackingOpenSection } from "./TrackingOpenSection";
import { TrackingCheckSection, type LastFix } from "./TrackingCheckSection";
import { TrackingRollupSection } from "./TrackingRollupSection";
import { TrackingRolloverSection, type Rolled } from "./TrackingRolloverSection";
import { ExchangeSection } from "./ExchangeSection";
import * as actions from "./tracking-actions";
import type { OpenedTracking } from "./tracking-actions";
import { makeDownloadUrl, triggerDownload, type DownloadFile } from "./download";
import { useRevokeObjectUrl } from "./use-revoke-object-url";
import { trackingErrorText, type ErrorText, type TrackingStage } from "./error-text";
import { findingCountsText } from "./findings-view";
import { isPlausibleReportYear, isValidIsoDate, todayIso } from "./report-date";
import {
  rolloverText,
  alreadyRolledReason,
  changeCountText,
  findingCell,
  fixedFileName,
  rolledFileName,
} from "./tracking-view";

/** The Office.js side of the tab (reading, writing, undo, chart): its own chunk, Excel only. */
const trackingExcel = () =>
  import(/* webpackChunkName: "office-tracking" */ "../host/tracking-excel");

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
  const [opened, setOpened] = useState<OpenedTracking | null>(null);
  /** The workbook as the pane now knows it (after this session's fixes in file mode). */
  const [wb, setWb] = useState<TrackingWorkbook | null>(null);
  /** File mode: every change of this session, logged in the next file's "Nhật ký sửa". */
  const [applied, setApplied] = useState<CellChange[]>([]);
  const [year, setYear] = useState("");
  const [date, setDate] = useState("");
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [lastFix, setLastFix] = useState<LastFix | null>(null);
  const [fixDownload, setFixDownload] = useState<DownloadFile | null>(null);
  const [undoBatch, setUndoBatch] = useState<string | null>(null);
  const [rolled, setRolled] = useState<Rolled | null>(null);
  const [info, setInfo] = useState<string | null>(null);

  const yearOk = isPlausibleReportYear(Number(year));
  const dateOk = isValidIsoDate(date);

  useRevokeObjectUrl(fixDownload?.url);
  useRevokeObjectUrl(rolled?.download?.url);

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
  const show = (o: OpenedTracking, keepInputs = false) => {
    setOpened(o);
    setWb(o.workbook);
    setApplied([]);
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

  const readExcel = async (): Promise<OpenedTracking> => {
    const { readOpenTracking } = await trackingExcel();
    const { cells, name } = await readOpenTracking();
    return actions.openTrackingCells(cells, name);
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
  const current = async (): Promise<{ o: OpenedTracking; w: TrackingWorkbook }> => {
    if (!inExcel) return { o: opened!, w: wb! };
    const o = await readExcel();
    show(o, true);
    return { o, w: o.workbook };
  };

  const onCheck = () =>
    run(
      "check",
      "Đang kiểm tra…",
      async () => {
        const { o, w } = await current();
        const list = actions.checkWorkbook(o, w, Number(year), date);
        setFindings(list);
        setSelected(null);
        announceFindings(list);
      },
      opened?.source
    );

  /** Applies fix results: into Excel (backup batch, undo) or into a new file to download. */
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
    if (inExcel) {
      const { applyChangesInExcel } = await trackingExcel();
      const { batchId } = await applyChangesInExcel(result.changes);
      setUndoBatch(batchId);
      const fresh = await readExcel();
      show(fresh, true);
      const list = actions.checkWorkbook(fresh, fresh.workbook, Number(year), date);
      setFindings(list);
      const text = `${what}: ${changeCountText(result.changes.length)} Giá trị cũ được sao lưu; có thể hoàn tác.`;
      setLastFix({ changes: result.changes, text });
      onStatus(text);
    } else {
      const all = [...applied, ...result.changes];
      const bytes = await actions.fixedFile(o, result.workbook, all, todayIso());
      const fileName = fixedFileName(o.source);
      const url = makeDownloadUrl(bytes);
      // Only now, with the file written, does the pane move on to the fixed workbook.
      setWb(result.workbook);
      setApplied(all);
      setFixDownload({ url, fileName });
      triggerDownload(url, fileName);
      const list = actions.checkWorkbook(o, result.workbook, Number(year), date);
      setFindings(list);
      setSelected(null);
      const text = `${what}: ${changeCountText(result.changes.length)} Đã tạo tệp mới ${fileName}; tệp gốc ${o.source} giữ nguyên.`;
      setLastFix({ changes: result.changes, text });
      onStatus(text);
    }
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
          throw Object.assign(new Error("Dòng này đã thay đổi; hãy kiểm tra lại."), {
            name: "InputError",
          });
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
          throw Object.assign(new Error("Các dòng này đã thay đổi; hãy kiểm tra lại."), {
            name: "InputError",
          });
        }
        await applyResult(o, actions.chosenFixes(w, same), what);
      },
      opened?.source
    );

  const onUndo = () =>
    run("undo", "Đang hoàn tác…", async () => {
      const { undoChangesInExcel } = await trackingExcel();
      const undone = await undoChangesInExcel(undoBatch!);
      setUndoBatch(null);
      const fresh = await readExcel();
      show(fresh, true);
      setFindings(actions.checkWorkbook(fresh, fresh.workbook, Number(year), date));
      setLastFix(null);
      const text = `Đã hoàn tác: ${undone.restored} ô trở lại giá trị trước khi sửa.${
        undone.skipped ? ` ${undone.skipped} ô đã được sửa tay sau đó nên giữ nguyên.` : ""
      }`;
      setInfo(text);
      onStatus(text);
    });

  const onSelect = (f: Finding, id: string) => {
    setSelected(id);
    if (!inExcel || !opened) return;
    const target = findingCell(opened.cells.sheets, f, opened.workbook.taskSheet);
    if (!target) return;
    void run("select", `Đang chọn ô ${target.sheet}!${target.address}…`, async () => {
      const { selectCell } = await trackingExcel();
      const ok = await selectCell(target.sheet, target.address);
      if (!ok)
        throw Object.assign(
          new Error(
            `Không tìm thấy ô ${target.address} trên trang "${target.sheet}" (trang có thể đã đổi tên hoặc bị xóa). Hãy đọc lại sổ.`
          ),
          { name: "InputError" }
        );
      onStatus(`Đã chọn ô ${target.sheet}!${target.address}.`);
    });
  };

  const fromYear = wb?.reportYear ?? null;
  const refusal = wb ? alreadyRolledReason(wb) : null;
  /** Errors of the year to be finished, for the roll-over's confirmation. */
  const rolloverErrors = useMemo(() => {
    if (!wb || !opened || fromYear === null) return [];
    const d = wb.reportDate?.startsWith(String(fromYear)) ? wb.reportDate : `${fromYear}-12-31`;
    return actions.checkWorkbook(opened, wb, fromYear, d).filter((f) => f.severity === "error");
  }, [wb, opened, fromYear]);

  const onRollover = () => {
    if (fromYear === null) return;
    const to = fromYear + 1;
    void run(
      "rollover",
      `Đang chuyển sang năm ${to}…`,
      async () => {
        if (inExcel) {
          const { rolloverInExcel } = await trackingExcel();
          const out = await rolloverInExcel(to);
          const fresh = await readExcel();
          show(fresh);
          setUndoBatch(out.batchId);
          const text = `Đã chuyển sổ sang năm ${to}: ${rolloverText(out, out.from)} Có thể hoàn tác.`;
          setRolled({ text });
          onStatus(text);
        } else {
          const { bytes, result } = await actions.rolledFile(opened!, wb!, to, applied, todayIso());
          const c = actions.rolloverCounts(result);
          const fileName = rolledFileName(opened!.source, to);
          const url = makeDownloadUrl(bytes);
          triggerDownload(url, fileName);
          // The pane moves on to the new year's workbook, as the file now is.
          show(await actions.openTrackingBytes(bytes, fileName));
          const text = `Đã tạo sổ năm ${to} (${fileName}): ${rolloverText({ ...c, moved: result.moved }, fromYear)} Tệp gốc giữ nguyên; phần Kiểm tra và Tổng hợp ở trên nay là năm ${to}.`;
          setRolled({ text, download: { url, fileName } });
          onStatus(text);
        }
      },
      opened?.source
    );
  };

  const onChart = () =>
    run("chart", "Đang chèn biểu đồ…", async () => {
      const { insertChartInExcel } = await trackingExcel();
      await insertChartInExcel();
      const text = 'Đã chèn biểu đồ tình trạng vào trang "Tổng hợp".';
      setInfo(text);
      onStatus(text);
    });

  const rollupData = useMemo(
    () => (wb && yearOk && dateOk ? actions.rollupOf(wb, Number(year), date) : null),
    [wb, year, date, yearOk, dateOk]
  );

  const rowOf = (f: Finding) => wb?.rows.find((r) => r.sheetRow === f.location.row);
  const isBusy = busy !== null && busy !== "select";
  const safeCount = findings?.filter((f) => actions.isSafe(f)).length ?? 0;

  const undo = inExcel && undoBatch ? onUndo : undefined;

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
          data={rollupData}
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
