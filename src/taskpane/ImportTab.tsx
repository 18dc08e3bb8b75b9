/**
 * The tab "Nhập kế hoạch": a plan from a file, pasted text or the Excel selection → preview with
 * findings and the officer's corrections → a tracking workbook written into Excel or downloaded.
 * Its state is one reducer (import-state.ts), each job runs through useAction, the workbook is
 * written by the mode's import backend (import-backend.ts, from PaneContext); the panels are
 * presentational. Heavy work is lazily loaded by
 * import-actions.ts / export-actions.ts, so the pane starts fast even on slow machines.
 */
import * as React from "react";
import { useCallback, useEffect, useReducer, useRef } from "react";
import { MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import type { Finding, ImportResult } from "../core/model";
import { ImportPanel } from "./ImportPanel";
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
import { buildSpec } from "./export-actions";
import { answersForWorkbook } from "./reach-answers";
import { useRevokeObjectUrl } from "./use-revoke-object-url";
import { ErrorBar } from "./ErrorBar";
import { currentYear, todayIso } from "./report-date";
import { statusSummary } from "./plan-summary";
import { findingCountsText } from "./findings-view";
import { errorText } from "./error-text";
import { taskElementId } from "./task-ids";
import { usePane, importBackendFor } from "./pane-context";
import { useAction } from "./use-action";
import { emptyImportView, importReducer, type ImportSource } from "./import-state";

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

export interface ImportTabProps {
  /** Reading or writing is under way (the pane says so to assistive technology). */
  onBusyChange: (busy: boolean) => void;
}

export function ImportTab({ onBusyChange }: ImportTabProps) {
  const pane = usePane();
  const { inExcel, ready, onStatus } = pane;
  const backend = pane.importing ?? importBackendFor(pane.mode);
  const [v, dispatch] = useReducer(importReducer, null, () =>
    emptyImportView(currentYear(), todayIso())
  );
  const { result, source, openGroups, editing } = v;
  const { busy, run, fail, error, dismissError } = useAction<"import" | "confirm">({
    onStatus,
    describe: errorText,
  });
  const previewRef = useRef<HTMLDivElement>(null);

  // After a finding was chosen: once its group is open and the task rendered, bring it into
  // view and move focus there (keyboard and screen-reader users land on the task).
  useEffect(() => {
    if (v.pendingFocusRow === null) return;
    const el = document.getElementById(taskElementId(v.pendingFocusRow));
    if (!el) return;
    dispatch({ type: "focused" });
    el.scrollIntoView({ behavior: "smooth", block: "center" });
    el.focus({ preventScroll: true });
  }, [v.pendingFocusRow, openGroups]);

  useRevokeObjectUrl(v.download?.url);
  useEffect(() => {
    onBusyChange(busy !== null);
  }, [busy, onBusyChange]);

  const runImport = useCallback(
    (work: () => Promise<{ imported: ImportResult; from: ImportSource }>) => {
      dispatch({ type: "reading" });
      return run("import", "Đang đọc kế hoạch…", async () => {
        const { imported, from } = await work();
        dispatch({
          type: "imported",
          result: imported,
          from,
          thisYear: currentYear(),
          today: todayIso(),
        });
        const counts = findingCountsText(imported.findings);
        onStatus(`${statusSummary(imported)}${counts ? ` Có ${counts}.` : ""}`);
        // Bring the preview into view for keyboard and screen-reader users too.
        requestAnimationFrame(() =>
          previewRef.current?.scrollIntoView({ behavior: "smooth", block: "start" })
        );
      });
    },
    [run, onStatus]
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
      dispatch({ type: "corrected", result: await work(result) });
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
    dispatch({ type: "findingChosen", row });
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

  const onConfirm = () => {
    if (!result) return;
    dispatch({ type: "writing" });
    return run("confirm", "Đang tạo sổ theo dõi…", async () => {
      const spec = await buildSpec(result, {
        reportYear: Number(v.reportYear),
        reportDate: v.reportDate,
        ...answersForWorkbook(v.answers),
      });
      const out = await backend.write(
        spec,
        result,
        (existing) =>
          new Promise((resolve) =>
            dispatch({
              type: "conflict",
              request: {
                existing,
                resolve: (c) => (dispatch({ type: "conflict", request: null }), resolve(c)),
              },
            })
          )
      );
      dispatch({ type: "written", download: out.download, excelDone: out.excelDone });
      onStatus(out.text);
    });
  };

  const errorCount = result?.findings.filter((f) => f.severity === "error").length ?? 0;

  return (
    <>
      {error && <ErrorBar error={error} onDismiss={dismissError} testId="error-bar" />}

      <ImportPanel
        inExcel={inExcel}
        busy={busy !== null || !ready}
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
              highlightedRow={v.highlightedRow}
              openGroups={openGroups}
              onOpenGroupsChange={(groups) => dispatch({ type: "openGroups", groups })}
              onFinding={onFinding}
              onEdit={(task) => dispatch({ type: "editing", task })}
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
            onClose={() => dispatch({ type: "editing", task: null })}
            onSave={(key, change) => {
              dispatch({ type: "editing", task: null });
              void correct(
                (r) => editImportedTask(r, key, change),
                `Đã sửa nhiệm vụ ${editing.stt || editing.numbered}.`
              );
            }}
            onRemove={(key) => {
              dispatch({ type: "editing", task: null });
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
            reportYear={v.reportYear}
            reportDate={v.reportDate}
            onReportYear={(value) => dispatch({ type: "reportYear", value })}
            onReportDate={(value) => dispatch({ type: "reportDate", value })}
            errorCount={errorCount}
            onConfirm={() => void onConfirm()}
            download={v.download}
            result={result}
            answers={v.answers}
            onAnswers={(answers) => dispatch({ type: "answers", answers })}
          />
        )}
        {v.excelDone && (
          <MessageBar intent="success">
            <MessageBarBody>{v.excelDone}</MessageBarBody>
          </MessageBar>
        )}
        {inExcel && <ConflictDialog request={v.conflict} />}
      </React.Suspense>
    </>
  );
}
