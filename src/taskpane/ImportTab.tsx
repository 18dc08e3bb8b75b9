/**
 * The tab "Nhập kế hoạch": a plan from a file, pasted text or the Excel selection → preview with
 * findings and the officer's corrections → a tracking workbook written into Excel or downloaded.
 * Holds the import state; the panels are presentational. Heavy work is lazily loaded by
 * import-actions.ts / export-actions.ts, so the pane starts fast even on slow machines.
 */
import * as React from "react";
import { useCallback, useEffect, useRef, useState } from "react";
import { MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import type { Finding, ImportResult, Task } from "../core/model";
import type { HostInfo } from "../host/detect-host";
import { ImportPanel } from "./ImportPanel";
import type { ConflictRequest } from "./ConflictDialog";
import {
  addImportedAdditions,
  editImportedTask,
  importFromFile,
  importFromHtml,
  importFromTables,
  importFromText,
  removeImportedTask,
  replaceImportedAgency,
} from "./import-actions";
import { buildSpec, writeXlsx } from "./export-actions";
import { NO_ANSWERS, answersForWorkbook, type ReachAnswers } from "./reach-answers";
import { makeDownloadUrl, triggerDownload, type DownloadFile } from "./download";
import { useRevokeObjectUrl } from "./use-revoke-object-url";
import { ErrorBar } from "./ErrorBar";
import { trackingFileName } from "./file-name";
import { currentYear, todayIso } from "./report-date";
import { defaultReportDate, defaultReportYear } from "../core/schedule/report-year";
import { statusSummary } from "./plan-summary";
import { findingCountsText } from "./findings-view";
import { errorText, ErrorText } from "./error-text";
import { groupKey, taskElementId } from "./task-ids";

// Only the import step is needed at start; the preview/confirm UI (accordion, cards, fields)
// and the Excel-only dialog are separate chunks. Prefetched when the browser is idle.
const PreviewPanel = React.lazy(() =>
  import(/* webpackChunkName: "preview", webpackPrefetch: true */ "./PreviewPanel").then((m) => ({
    default: m.PreviewPanel,
  }))
);
const ConfirmPanel = React.lazy(() =>
  import(/* webpackChunkName: "preview", webpackPrefetch: true */ "./ConfirmPanel").then((m) => ({
    default: m.ConfirmPanel,
  }))
);
const TaskEditDialog = React.lazy(() =>
  import(/* webpackChunkName: "preview" */ "./TaskEditDialog").then((m) => ({
    default: m.TaskEditDialog,
  }))
);
const ConflictDialog = React.lazy(() =>
  import(/* webpackChunkName: "excel-ui" */ "./ConflictDialog").then((m) => ({
    default: m.ConflictDialog,
  }))
);

/** Plans with at most this many tasks show every group open after import. */
const OPEN_ALL_UP_TO = 12;

type Source = { kind: "file" | "text" } | { kind: "selection"; sheet?: string };

export interface ImportTabProps {
  /** null while the host is being detected: the inputs wait. */
  host: HostInfo | null;
  /** Announced in the pane's live region. */
  onStatus: (text: string) => void;
  /** Reading or writing is under way (the pane says so to assistive technology). */
  onBusyChange: (busy: boolean) => void;
}

export function ImportTab({ host, onStatus, onBusyChange }: ImportTabProps) {
  const inExcel = host?.mode === "excel";
  const [busy, setBusy] = useState<null | "import" | "confirm">(null);
  const [error, setError] = useState<ErrorText | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [source, setSource] = useState<Source | null>(null);
  const [highlightedRow, setHighlightedRow] = useState<number | null>(null);
  const [openGroups, setOpenGroups] = useState<string[]>([]);
  const [reportYear, setReportYear] = useState(String(currentYear()));
  const [reportDate, setReportDate] = useState(todayIso());
  const [download, setDownload] = useState<DownloadFile | null>(null);
  const [conflict, setConflict] = useState<ConflictRequest | null>(null);
  const [excelDone, setExcelDone] = useState<string | null>(null);
  const [pendingFocusRow, setPendingFocusRow] = useState<number | null>(null);
  const [editing, setEditing] = useState<Task | null>(null);
  const [answers, setAnswers] = useState<ReachAnswers>(NO_ANSWERS);
  const previewRef = useRef<HTMLDivElement>(null);

  // After a finding was chosen: once its group is open and the task rendered, bring it into
  // view and move focus there (keyboard and screen-reader users land on the task).
  useEffect(() => {
    if (pendingFocusRow === null) return;
    const el = document.getElementById(taskElementId(pendingFocusRow));
    if (!el) return;
    setPendingFocusRow(null);
    el.scrollIntoView({ behavior: "smooth", block: "center" });
    el.focus({ preventScroll: true });
  }, [pendingFocusRow, openGroups]);

  useRevokeObjectUrl(download?.url);
  useEffect(() => onBusyChange(busy !== null), [busy, onBusyChange]);

  /** A step that failed: its error in the bar, and announced. */
  const fail = useCallback((e: unknown, stage: "import" | "confirm") => {
    console.error(e);
    const text = errorText(e, stage);
    setError(text);
    onStatus(`${text.title}: ${text.message}`);
  }, []);

  const runImport = useCallback(
    async (work: () => Promise<{ imported: ImportResult; from: Source }>) => {
      setBusy("import");
      setError(null);
      setDownload(null);
      setExcelDone(null);
      setHighlightedRow(null);
      onStatus("Đang đọc kế hoạch…");
      try {
        const { imported, from } = await work();
        setResult(imported);
        setAnswers(NO_ANSWERS); // a new plan asks its own questions
        setSource(from);
        // A plan whose period is over opens on its last year (reported as at 31/12).
        const year = defaultReportYear(imported.plan.period, currentYear());
        setReportYear(String(year));
        setReportDate(defaultReportDate(year, todayIso()));
        // Small plans open fully; long ones start as a list of groups (a finding opens its group).
        setOpenGroups(
          imported.tasks.length <= OPEN_ALL_UP_TO
            ? ["g-none", ...imported.groups.map((g) => groupKey(g))]
            : []
        );
        const counts = findingCountsText(imported.findings);
        onStatus(`${statusSummary(imported)}${counts ? ` Có ${counts}.` : ""}`);
        // Bring the preview into view for keyboard and screen-reader users too.
        requestAnimationFrame(() =>
          previewRef.current?.scrollIntoView({ behavior: "smooth", block: "start" })
        );
      } catch (e) {
        fail(e, "import");
      } finally {
        setBusy(null);
      }
    },
    [fail]
  );

  const onFile = (file: File) =>
    runImport(async () => ({ imported: await importFromFile(file), from: { kind: "file" } }));
  const onText = (text: string, html?: string) =>
    runImport(async () => ({
      imported: html ? await importFromHtml(html) : await importFromText(text),
      from: { kind: "text" },
    }));

  /** An officer's correction of the preview: the workbook made before it is no longer current. */
  const correct = async (work: (r: ImportResult) => Promise<ImportResult>, done: string) => {
    if (!result) return;
    try {
      const next = await work(result);
      setResult(next);
      setDownload(null);
      setExcelDone(null);
      onStatus(done);
    } catch (e) {
      fail(e, "import");
    }
  };
  const onSelection = () =>
    runImport(async () => {
      const { readSelectionTable } = await import(
        /* webpackChunkName: "office-read" */ "../host/read-selection"
      );
      const table = await readSelectionTable();
      return {
        imported: await importFromTables([table], table.source),
        from: { kind: "selection", sheet: table.sheet },
      };
    });

  const onFinding = async (finding: Finding) => {
    const row = finding.location.row;
    if (!row || !result) return;
    const task = result.tasks.find((t) => t.sourceRow === row);
    if (task) {
      const key = groupKey(result.groups.find((g) => g.stt === task.group) ?? null);
      setOpenGroups((open) => (open.includes(key) ? open : [...open, key]));
      setHighlightedRow(row);
      setPendingFocusRow(row);
    }
    if (inExcel && source?.kind === "selection") {
      const sheet = finding.location.sheet ?? source.sheet;
      if (sheet) {
        const { selectSourceCell } = await import(
          /* webpackChunkName: "office-read" */ "../host/select-source-cell"
        );
        await selectSourceCell(sheet, row, finding.location.column);
      }
    }
  };

  const onConfirm = async () => {
    if (!result) return;
    setBusy("confirm");
    setError(null);
    setExcelDone(null);
    onStatus("Đang tạo sổ theo dõi…");
    try {
      const spec = await buildSpec(result, {
        reportYear: Number(reportYear),
        reportDate,
        ...answersForWorkbook(answers),
      });
      if (inExcel) {
        const { renderInExcel } = await import(
          /* webpackChunkName: "office-render" */ "../host/render-in-excel"
        );
        const outcome = await renderInExcel(
          spec,
          (existing) =>
            new Promise((resolve) =>
              setConflict({ existing, resolve: (c) => (setConflict(null), resolve(c)) })
            )
        );
        const text = outcome.cancelled
          ? "Đã hủy: sổ làm việc không thay đổi."
          : `Đã tạo sổ theo dõi trong Excel${outcome.backups.length ? ` (đã sao lưu: ${outcome.backups.join(", ")})` : ""}.`;
        setExcelDone(text);
        onStatus(text);
      } else {
        const bytes = await writeXlsx(spec);
        const fileName = trackingFileName(
          result.plan.number,
          result.source.replace(/\.[^.]+$/, "")
        );
        const url = makeDownloadUrl(bytes);
        setDownload({ url, fileName });
        triggerDownload(url, fileName);
        onStatus(`Đã tạo tệp ${fileName}.`);
      }
    } catch (e) {
      fail(e, "confirm");
    } finally {
      setBusy(null);
    }
  };

  const errorCount = result?.findings.filter((f) => f.severity === "error").length ?? 0;

  return (
    <>
      {error && <ErrorBar error={error} onDismiss={() => setError(null)} testId="error-bar" />}

      <ImportPanel
        inExcel={inExcel}
        busy={busy !== null || host === null}
        onFile={onFile}
        onText={onText}
        onSelection={onSelection}
      />
      {busy === "import" && <Spinner size="small" label="Đang đọc kế hoạch…" />}

      <React.Suspense fallback={<Spinner size="small" label="Đang hiển thị…" />}>
        {result && (
          <div ref={previewRef}>
            <PreviewPanel
              result={result}
              highlightedRow={highlightedRow}
              openGroups={openGroups}
              onOpenGroupsChange={setOpenGroups}
              onFinding={onFinding}
              onEdit={setEditing}
              onReplaceAgency={(written, name) =>
                correct(
                  (r) => replaceImportedAgency(r, written, name),
                  `Đã thay "${written}" bằng "${name}".`
                )
              }
              onAddAdditions={(keys) =>
                correct(
                  (r) => addImportedAdditions(r, keys),
                  `Đã thêm ${keys.size} nhiệm vụ từ phần tổ chức thực hiện.`
                )
              }
            />
          </div>
        )}
        {editing && (
          <TaskEditDialog
            task={editing}
            onClose={() => setEditing(null)}
            onSave={(key, change) => {
              setEditing(null);
              void correct(
                (r) => editImportedTask(r, key, change),
                `Đã sửa nhiệm vụ ${editing.stt || editing.numbered}.`
              );
            }}
            onRemove={(key) => {
              setEditing(null);
              void correct(
                (r) => removeImportedTask(r, key),
                `Đã bỏ nhiệm vụ ${editing.stt || editing.numbered}.`
              );
            }}
          />
        )}

        {result && (
          <ConfirmPanel
            inExcel={inExcel}
            busy={busy !== null}
            reportYear={reportYear}
            reportDate={reportDate}
            onReportYear={setReportYear}
            onReportDate={setReportDate}
            errorCount={errorCount}
            onConfirm={onConfirm}
            download={download}
            result={result}
            answers={answers}
            onAnswers={setAnswers}
          />
        )}
        {excelDone && (
          <MessageBar intent="success">
            <MessageBarBody>{excelDone}</MessageBarBody>
          </MessageBar>
        )}
        {inExcel && <ConflictDialog request={conflict} />}
      </React.Suspense>
    </>
  );
}
