/**
 * A tracking workbook read back from its cells (src/xlsx readWorkbookCells, or Office.js
 * values): each sheet by its own reader (read-tasks-sheet, read-info-sheet with the inputs
 * through input-cells, read-agencies-sheet, read-history-sheet, read-meta-sheet); here the
 * template version check, what was recovered rather than read, and the whole put together.
 */
import type { Finding } from "../model";
import { InputError } from "../errors/input-error";
import { SHEETS, TASK_COLUMNS, TEMPLATE_VERSION } from "../workbook/columns";
import { META_KEYS } from "../workbook/meta-sheet";
import type { PlanHeaders, PlanSigner } from "../model";
import type { TrackingWorkbook } from "../workbook/tracking-model";
import { readAgenciesSheet } from "./read-agencies-sheet";
import { readHistorySheet } from "./read-history-sheet";
import { readInputs, readPlanInfo } from "./read-info-sheet";
import { readMetaSheet } from "./read-meta-sheet";
import { findTaskTable, readTaskRows } from "./read-tasks-sheet";
import { TRACKING_FINDINGS as F } from "./tracking-findings";
import { gridOf, sameText as same, type TrackingCells } from "./tracking-cells";

export type { TrackingCells } from "./tracking-cells";

export const TRACKING_READ_ERRORS = {
  NOT_TRACKING_WORKBOOK: "NOT_TRACKING_WORKBOOK",
  NEWER_TEMPLATE: "NEWER_TEMPLATE",
} as const;

export interface ReadTrackingResult {
  workbook: TrackingWorkbook;
  /** What was recovered rather than read (meta sheet deleted, inputs missing…). */
  findings: Finding[];
}

export function readTracking(input: TrackingCells, file: string): ReadTrackingResult {
  const findings: Finding[] = [];
  const sheet = (name: string) => input.sheets.find((s) => same(s.name, name));

  const meta = readMetaSheet(sheet(SHEETS.meta));
  const version = meta ? Number(meta.get(META_KEYS.templateVersion)) : NaN;
  if (Number.isFinite(version) && version > TEMPLATE_VERSION)
    throw new InputError(
      TRACKING_READ_ERRORS.NEWER_TEMPLATE,
      file,
      `Tệp "${file}" được tạo bằng mẫu phiên bản ${version}, mới hơn phiên bản ${TEMPLATE_VERSION} mà Phụ Lục này đọc được. Hãy cập nhật Phụ Lục.`
    );

  const task = findTaskTable(input, meta?.columnHeaders);
  if (!task)
    throw new InputError(
      TRACKING_READ_ERRORS.NOT_TRACKING_WORKBOOK,
      file,
      `Tệp "${file}" không phải sổ theo dõi của Phụ Lục: không thấy trang "${SHEETS.tasks}" có cột "${TASK_COLUMNS.key}" và "${TASK_COLUMNS.title}".`
    );
  if (!meta)
    findings.push({
      code: F.META_SHEET_MISSING,
      severity: "warning",
      message: `Tệp "${file}" thiếu trang ẩn "${SHEETS.meta}"; các cột được nhận theo tiêu đề, phiên bản mẫu coi như ${TEMPLATE_VERSION}.`,
      location: { file, sheet: SHEETS.meta },
    });
  for (const id of ["lead", "status", "scheduleCode"] as const)
    if (task.col[id] === undefined)
      findings.push({
        code: F.COLUMN_MISSING,
        severity: "warning",
        // The column is missing: the place is the header row, the message names the column.
        message: `không thấy cột "${TASK_COLUMNS[id]}".`,
        location: { file, sheet: task.name, row: task.headerRow },
      });

  const inputs = readInputs(input);
  const reportYear =
    inputs.reportYear ?? (meta ? Number(meta.get(META_KEYS.reportYear)) || null : null);
  if (reportYear === null)
    findings.push({
      code: F.REPORT_YEAR_MISSING,
      severity: "warning",
      message: `không đọc được "Năm báo cáo".`,
      location: { file, sheet: SHEETS.info },
    });

  const info = sheet(SHEETS.info);
  const workbook: TrackingWorkbook = {
    source: file,
    plan: {
      ...(info ? readPlanInfo(gridOf(info)) : {}),
      ...planSignerOf(meta?.get(META_KEYS.planSigner)),
      ...planHeadersOf(meta?.get(META_KEYS.planHeaders)),
    },
    reportYear,
    reportDate: inputs.reportDate,
    dueSoonDays: inputs.dueSoonDays ?? 15,
    templateVersion: Number.isFinite(version) ? version : null,
    taskSheet: task.name,
    rows: readTaskRows(task),
    extraColumns: task.extra.map((e) => e.header),
    agencies: readAgenciesSheet(sheet(SHEETS.agencies)),
    history: readHistorySheet(sheet(SHEETS.history)),
  };
  return { workbook, findings };
}

/** The phụ lục's headers kept in "_phuluc" at import; nothing when absent or not readable. */
function planHeadersOf(json: string | undefined): { headers?: PlanHeaders } {
  if (!json) return {};
  try {
    const v = JSON.parse(json) as Record<string, unknown>;
    const headers = Object.fromEntries(
      Object.entries(v).filter(
        ([k, h]) =>
          ["stt", "title", "lead", "partners", "time"].includes(k) && typeof h === "string" && h
      )
    ) as PlanHeaders;
    return Object.keys(headers).length ? { headers } : {};
  } catch {
    return {};
  }
}

/** The plan's signer kept in "_phuluc" at import; nothing when absent or not readable. */
function planSignerOf(json: string | undefined): { signer?: PlanSigner } {
  if (!json) return {};
  try {
    const v = JSON.parse(json) as Partial<PlanSigner>;
    const titles = Array.isArray(v.titles) ? v.titles.filter((t) => typeof t === "string") : [];
    const name = typeof v.name === "string" ? v.name : "";
    return titles.length || name ? { signer: { titles, name } } : {};
  } catch {
    return {};
  }
}
