/**
 * The "Theo dõi" tab: a tracking workbook that already exists, during the year.
 *  - In Excel: the open workbook (read through src/host/tracking-excel.ts); fixes are written
 *    into it with a backup batch and can be undone; a finding selects its cell.
 *  - In file mode: an .xlsx chosen by the officer, held in memory; fixes and the roll-over give
 *    NEW files to download (the original is never touched); a finding shows its row.
 * Check (Kiểm tra) → findings by severity; safe fix-all; per-finding agency fixes; rollup per
 * lead agency; year roll-over behind a confirmation dialog.
 */
import * as React from "react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Finding } from "../core/model";
import type { CellChange } from "../core/tracking/changes";
import type { TrackingWorkbook } from "../core/tracking/tracking-model";
import { Section } from "./Section";
import { TrackingFindings } from "./TrackingFindings";
import { ChangeList } from "./ChangeList";
import { RollupTable } from "./RollupTable";
import { RolloverDialog } from "./RolloverDialog";
import * as actions from "./tracking-actions";
import type { OpenedTracking } from "./tracking-actions";
import { makeDownloadUrl, triggerDownload } from "./download";
import { trackingErrorText, type ErrorText, type TrackingStage } from "./error-text";
import { findingCountsText } from "./findings-view";
import { isPlausibleReportYear, isValidIsoDate, todayIso, formatIsoDateVi } from "./report-date";
import {
  alreadyRolledReason,
  changeCountText,
  findingCell,
  fixedFileName,
  planHeading,
  rolledFileName,
} from "./tracking-view";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  hiddenInput: { display: "none" },
  hint: { color: tokens.colorNeutralForeground3 },
  plan: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  planNumber: { fontWeight: tokens.fontWeightSemibold },
  planTitle: {
    wordBreak: "break-word",
    display: "-webkit-box",
    WebkitLineClamp: 3,
    WebkitBoxOrient: "vertical",
    overflow: "hidden",
  },
  meta: { color: tokens.colorNeutralForeground3, wordBreak: "break-all" },
  fields: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
  year: { width: "7.5em" },
  date: { minWidth: "11em", flexGrow: 1 },
  counts: { fontWeight: tokens.fontWeightSemibold },
});

export interface TrackingPanelProps {
  inExcel: boolean;
  /** False while the host is still being detected. */
  ready: boolean;
  onStatus: (text: string) => void;
}

type Busy = null | TrackingStage;
type Download = { url: string; fileName: string };

export function TrackingPanel({ inExcel, ready, onStatus }: TrackingPanelProps) {
  const styles = useStyles();
  const fileInput = useRef<HTMLInputElement>(null);
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
  const [lastFix, setLastFix] = useState<{ changes: CellChange[]; text: string } | null>(null);
  const [fixDownload, setFixDownload] = useState<Download | null>(null);
  const [undoBatch, setUndoBatch] = useState<string | null>(null);
  const [rolloverOpen, setRolloverOpen] = useState(false);
  const [rolled, setRolled] = useState<{ text: string; download?: Download } | null>(null);
  const [info, setInfo] = useState<string | null>(null);

  const yearOk = isPlausibleReportYear(Number(year));
  const dateOk = isValidIsoDate(date);

  // Blob URLs hold workbooks in memory until revoked: free the ones replaced.
  useEffect(
    () => () => {
      if (fixDownload) URL.revokeObjectURL(fixDownload.url);
    },
    [fixDownload]
  );
  const rolledUrl = rolled?.download?.url;
  useEffect(
    () => () => {
      if (rolledUrl) URL.revokeObjectURL(rolledUrl);
    },
    [rolledUrl]
  );

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
    const { readOpenTracking } = await import(
      /* webpackChunkName: "office-tracking" */ "../host/tracking-excel"
    );
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
      const { applyChangesInExcel } = await import(
        /* webpackChunkName: "office-tracking" */ "../host/tracking-excel"
      );
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
      "Đang sửa các lỗi an toàn…",
      async () => {
        const { o, w } = await current();
        const list = actions.checkWorkbook(o, w, Number(year), date);
        await applyResult(o, actions.safeFixes(w, list), "Sửa lỗi an toàn");
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

  const onUndo = () =>
    run("undo", "Đang hoàn tác…", async () => {
      const { undoChangesInExcel } = await import(
        /* webpackChunkName: "office-tracking" */ "../host/tracking-excel"
      );
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
      const { selectCell } = await import(
        /* webpackChunkName: "office-tracking" */ "../host/tracking-excel"
      );
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

  const onRollover = () => {
    setRolloverOpen(false);
    if (fromYear === null) return;
    const to = fromYear + 1;
    void run(
      "rollover",
      `Đang chuyển sang năm ${to}…`,
      async () => {
        if (inExcel) {
          const { rolloverInExcel } = await import(
            /* webpackChunkName: "office-tracking" */ "../host/tracking-excel"
          );
          const out = await rolloverInExcel(to);
          const fresh = await readExcel();
          show(fresh);
          setUndoBatch(out.batchId);
          const text = `Đã chuyển sổ sang năm ${to}: ${out.reset} dòng bắt đầu lại, ${out.carried} dòng chuyển tiếp, ${out.kept} dòng giữ nguyên; ${out.archived} dòng năm ${out.from} lưu vào trang "Lịch sử". Có thể hoàn tác.`;
          setRolled({ text });
          onStatus(text);
        } else {
          const { bytes, result } = await actions.rolledFile(opened!, wb!, to, applied, todayIso());
          const c = actions.rolloverCounts(result);
          const fileName = rolledFileName(opened!.source, to);
          const url = makeDownloadUrl(bytes);
          triggerDownload(url, fileName);
          const text = `Đã tạo sổ năm ${to} (${fileName}): ${c.reset} dòng bắt đầu lại, ${c.carried} dòng chuyển tiếp, ${c.kept} dòng giữ nguyên; ${c.archived} dòng năm ${fromYear} lưu vào trang "Lịch sử". Tệp gốc giữ nguyên.`;
          setRolled({ text, download: { url, fileName } });
          onStatus(text);
        }
      },
      opened?.source
    );
  };

  const onChart = () =>
    run("chart", "Đang chèn biểu đồ…", async () => {
      const { insertChartInExcel } = await import(
        /* webpackChunkName: "office-tracking" */ "../host/tracking-excel"
      );
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
  const heading = wb ? planHeading(wb) : null;
  const isBusy = busy !== null && busy !== "select";
  const safeCount = findings?.filter((f) => actions.isSafe(f)).length ?? 0;

  return (
    <div className={styles.stack}>
      {error && (
        <MessageBar intent="error" data-testid="t-error-bar" politeness="assertive">
          <MessageBarBody>
            <MessageBarTitle>{error.title}</MessageBarTitle>
            {error.message}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => setError(null)}>
              Đóng
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}

      <Section title="Sổ theo dõi" testId="tracking-open">
        {inExcel ? (
          <div className={styles.row}>
            <Button
              appearance={wb ? "secondary" : "primary"}
              disabled={isBusy || !ready}
              onClick={onReadExcel}
              data-testid="read-open-workbook"
            >
              {wb ? "Đọc lại sổ đang mở" : "Đọc sổ đang mở"}
            </Button>
            {busy === "open" && <Spinner size="tiny" label="Đang đọc…" />}
          </div>
        ) : (
          <>
            <div className={styles.row}>
              <Button
                appearance={wb ? "secondary" : "primary"}
                disabled={isBusy || !ready}
                onClick={() => fileInput.current?.click()}
                data-testid="open-tracking"
              >
                Mở sổ theo dõi (.xlsx)
              </Button>
              {busy === "open" && <Spinner size="tiny" label="Đang đọc…" />}
            </div>
            <input
              ref={fileInput}
              type="file"
              accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              className={styles.hiddenInput}
              tabIndex={-1}
              aria-label="Mở sổ theo dõi (.xlsx)"
              data-testid="tracking-file-input"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = "";
                if (file) void onFile(file);
              }}
            />
            {!wb && (
              <Caption1 className={styles.hint}>
                Tệp .xlsx do Phụ Lục tạo (trang “Nhiệm vụ”). Tệp chỉ được đọc, không bị sửa; kết quả
                sửa hoặc chuyển năm được tải về thành tệp mới.
              </Caption1>
            )}
          </>
        )}
        {wb && heading && (
          <div className={styles.plan} data-testid="tracking-plan">
            <Body1 className={styles.planNumber}>{heading.number}</Body1>
            {heading.title && (
              <Caption1 className={styles.planTitle} title={heading.title}>
                {heading.title}
              </Caption1>
            )}
            <Caption1 className={styles.meta}>
              {opened?.source} · {wb.rows.length} dòng nhiệm vụ · năm báo cáo {wb.reportYear ?? "?"}
              {wb.reportDate ? `, ngày ${formatIsoDateVi(wb.reportDate)}` : ""}
            </Caption1>
          </div>
        )}
      </Section>

      {wb && (
        <Section title="Kiểm tra" testId="tracking-check">
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
                value={year}
                onChange={(_, d) => setYear(d.value)}
                data-testid="t-report-year"
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
                value={date}
                onChange={(_, d) => setDate(d.value)}
                data-testid="t-report-date"
              />
            </Field>
          </div>
          <div className={styles.row}>
            <Button
              appearance="primary"
              disabled={isBusy || !yearOk || !dateOk}
              onClick={onCheck}
              data-testid="check"
            >
              Kiểm tra
            </Button>
            <Button
              disabled={isBusy || !yearOk || !dateOk || (findings !== null && safeCount === 0)}
              onClick={onFixAll}
              data-testid="fix-all"
            >
              Sửa tất cả lỗi an toàn{findings ? ` (${safeCount})` : ""}
            </Button>
            {(busy === "check" || busy === "fix") && <Spinner size="tiny" label="Đang xử lý…" />}
          </div>
          <Caption1 className={styles.hint}>
            Sửa an toàn: viết lại trạng thái cho đúng chữ (“hoan thanh” → “Hoàn thành”) và đổi ngày
            gõ dạng chữ thành ngày thật.{" "}
            {inExcel
              ? "Giá trị cũ được sao lưu, có thể hoàn tác."
              : "Kết quả là tệp mới; tệp gốc giữ nguyên."}
          </Caption1>

          {info && (
            <MessageBar intent="info" data-testid="t-info">
              <MessageBarBody>{info}</MessageBarBody>
            </MessageBar>
          )}

          {lastFix && lastFix.changes.length > 0 && (
            <MessageBar intent="success" data-testid="fix-done">
              <MessageBarBody>
                {lastFix.text}{" "}
                {fixDownload && !inExcel && (
                  <Link
                    href={fixDownload.url}
                    download={fixDownload.fileName}
                    data-testid="fix-download-link"
                  >
                    Tải lại {fixDownload.fileName}
                  </Link>
                )}
              </MessageBarBody>
              {inExcel && undoBatch && (
                <MessageBarActions>
                  <Button size="small" onClick={onUndo} disabled={isBusy} data-testid="undo">
                    Hoàn tác
                  </Button>
                </MessageBarActions>
              )}
            </MessageBar>
          )}
          {lastFix && lastFix.changes.length > 0 && (
            <ChangeList changes={lastFix.changes} label="Các ô đã sửa (trước → sau)" />
          )}

          {findings && (
            <>
              <Body1 className={styles.counts} data-testid="t-counts">
                {findings.length === 0
                  ? "Không có lỗi hay cảnh báo nào."
                  : `Có ${findingCountsText(findings)}.`}
              </Body1>
              <TrackingFindings
                findings={findings}
                inExcel={inExcel}
                busy={isBusy}
                selectedId={selected}
                rowOf={rowOf}
                onSelect={onSelect}
                onFix={onChoiceFix}
              />
            </>
          )}
        </Section>
      )}

      {wb && (
        <Section title="Tổng hợp" testId="tracking-rollup">
          {rollupData ? (
            <RollupTable data={rollupData} />
          ) : (
            <Caption1 className={styles.hint}>
              Nhập năm và ngày báo cáo hợp lệ để tổng hợp.
            </Caption1>
          )}
          {inExcel && (
            <div className={styles.row}>
              <Button disabled={isBusy} onClick={onChart} data-testid="insert-chart">
                Chèn biểu đồ
              </Button>
              {busy === "chart" && <Spinner size="tiny" label="Đang chèn…" />}
            </div>
          )}
        </Section>
      )}

      {wb && (
        <Section title="Chuyển năm" testId="tracking-rollover">
          {rolled ? (
            <MessageBar intent="success" data-testid="rolled">
              <MessageBarBody>
                {rolled.text}{" "}
                {rolled.download && (
                  <Link
                    href={rolled.download.url}
                    download={rolled.download.fileName}
                    data-testid="rolled-download-link"
                  >
                    Tải lại {rolled.download.fileName}
                  </Link>
                )}
              </MessageBarBody>
              {inExcel && undoBatch && (
                <MessageBarActions>
                  <Button size="small" onClick={onUndo} disabled={isBusy}>
                    Hoàn tác
                  </Button>
                </MessageBarActions>
              )}
            </MessageBar>
          ) : refusal ? (
            <MessageBar intent="warning" data-testid="rollover-refused">
              <MessageBarBody>{refusal}</MessageBarBody>
            </MessageBar>
          ) : (
            <>
              <Caption1 className={styles.hint}>
                Khi đã báo cáo xong năm {fromYear}: lưu số liệu năm {fromYear} vào trang “Lịch sử”
                và bắt đầu năm {(fromYear ?? 0) + 1}.
              </Caption1>
              <div className={styles.row}>
                <Button
                  disabled={isBusy}
                  onClick={() => setRolloverOpen(true)}
                  data-testid="rollover"
                >
                  Chuyển sang năm {(fromYear ?? 0) + 1}
                </Button>
                {busy === "rollover" && <Spinner size="tiny" label="Đang chuyển năm…" />}
              </div>
            </>
          )}
          {fromYear !== null && (
            <RolloverDialog
              open={rolloverOpen}
              fromYear={fromYear}
              toYear={fromYear + 1}
              inExcel={inExcel}
              onConfirm={onRollover}
              onCancel={() => setRolloverOpen(false)}
            />
          )}
        </Section>
      )}
    </div>
  );
}
