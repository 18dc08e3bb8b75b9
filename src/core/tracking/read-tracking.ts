/**
 * A tracking workbook read back from its cells (src/xlsx readWorkbookCells, or Office.js
 * values): columns found BY HEADER TEXT, because officers move, insert and hide columns, sort
 * and filter rows, rename the table. Only the sheet name "Nhiệm vụ" or, failing that, a sheet
 * whose header row has "Mã nhiệm vụ" and "Nhiệm vụ" identifies the task table. The task table
 * is read here; the other sheets each by their own reader (read-*-sheet.ts, the inputs through
 * input-cells.ts).
 */
import type { Finding, TaskKind } from "../model";
import { InputError } from "../errors/input-error";
import { cellAddress } from "../spec/a1";
import { foldVietnamese } from "../text/fold";
import {
  KIND_LABELS,
  SHEETS,
  TASK_COLUMNS,
  TEMPLATE_VERSION,
  type TaskColumnId,
} from "../workbook/columns";
import { META_KEYS } from "../workbook/meta-sheet";
import { sheetStatus } from "./derive-status";
import { normalizeProgress } from "./normalize-input";
import { cellText, cellValue, isFormulaCell } from "./raw-cell";
import { readAgenciesSheet } from "./read-agencies-sheet";
import { readHistorySheet } from "./read-history-sheet";
import { readInputs, readPlanInfo } from "./read-info-sheet";
import { readMetaSheet } from "./read-meta-sheet";
import { parseYearList } from "./row-schedule";
import { placeText, TRACKING_FINDINGS as F } from "./tracking-findings";
import {
  gridOf,
  realDate,
  sameText as same,
  splitList,
  type Grid,
  type TrackingCells,
} from "./tracking-cells";
import {
  emptyTrackingRow,
  type TrackingRow,
  type TrackingWorkbook,
} from "../workbook/tracking-model";

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
        message: `${placeText(task.name, task.headerRow)}: không thấy cột "${TASK_COLUMNS[id]}".`,
        location: { file, sheet: task.name, row: task.headerRow, column: TASK_COLUMNS[id] },
      });

  const inputs = readInputs(input);
  const reportYear =
    inputs.reportYear ?? (meta ? Number(meta.get(META_KEYS.reportYear)) || null : null);
  if (reportYear === null)
    findings.push({
      code: F.REPORT_YEAR_MISSING,
      severity: "warning",
      message: `${placeText(SHEETS.info)}: không đọc được "Năm báo cáo".`,
      location: { file, sheet: SHEETS.info },
    });

  const info = sheet(SHEETS.info);
  const workbook: TrackingWorkbook = {
    source: file,
    plan: info ? readPlanInfo(gridOf(info)) : {},
    reportYear,
    reportDate: inputs.reportDate,
    dueSoonDays: inputs.dueSoonDays ?? 15,
    templateVersion: Number.isFinite(version) ? version : null,
    taskSheet: task.name,
    rows: readRows(task),
    extraColumns: task.extra.map((e) => e.header),
    agencies: readAgenciesSheet(sheet(SHEETS.agencies)),
    history: readHistorySheet(sheet(SHEETS.history)),
  };
  return { workbook, findings };
}

interface TaskTable {
  name: string;
  grid: Grid;
  headerRow: number; // 1-based
  col: Partial<Record<TaskColumnId, number>>; // 0-based
  extra: { header: string; col: number }[];
}

function findTaskTable(
  input: TrackingCells,
  metaHeaders?: Partial<Record<TaskColumnId, string>>
): TaskTable | undefined {
  const ordered = [...input.sheets].sort(
    (a, b) => Number(!same(a.name, SHEETS.tasks)) - Number(!same(b.name, SHEETS.tasks))
  );
  for (const s of ordered) {
    const grid = gridOf(s);
    for (let r = 0; r < Math.min(grid.length, 20); r++) {
      const headers = Array.from(grid[r] ?? [], cellText);
      const col = columnsByHeader(headers, metaHeaders);
      if (col.key === undefined || col.title === undefined) continue;
      const known = new Set(Object.values(col));
      const extra = headers
        .map((header, c) => ({ header, col: c }))
        .filter((h) => h.header && !known.has(h.col));
      return { name: s.name, grid, headerRow: r + 1, col, extra };
    }
  }
  return undefined;
}

function columnsByHeader(headers: string[], metaHeaders?: Partial<Record<TaskColumnId, string>>) {
  const byFolded = new Map<string, number>();
  headers.forEach((h, c) => {
    const k = foldVietnamese(h);
    if (k && !byFolded.has(k)) byFolded.set(k, c);
  });
  const col: Partial<Record<TaskColumnId, number>> = {};
  for (const id of Object.keys(TASK_COLUMNS) as TaskColumnId[]) {
    const c =
      byFolded.get(foldVietnamese(TASK_COLUMNS[id])) ??
      byFolded.get(foldVietnamese(metaHeaders?.[id] ?? "\u0000"));
    if (c !== undefined) col[id] = c;
  }
  return col;
}

/** "Đề nghị" (any case, with or without diacritics) is a request; anything else an assignment. */
function kindOf(cell: string): TaskKind {
  return foldVietnamese(cell) === foldVietnamese(KIND_LABELS.request) ? "request" : "assignment";
}

function readRows(t: TaskTable): TrackingRow[] {
  const rows: TrackingRow[] = [];
  const headerKey = foldVietnamese(TASK_COLUMNS.key);
  for (let r = t.headerRow; r < t.grid.length; r++) {
    const line = t.grid[r] ?? [];
    const raw = (id: TaskColumnId) => (t.col[id] === undefined ? null : line[t.col[id]!]);
    const text = (id: TaskColumnId) => cellText(raw(id));
    const userCells = Object.entries(t.col).filter(
      ([id]) => !["deadline", "derived", "taskProgress"].includes(id)
    );
    if (userCells.every(([, c]) => cellText(line[c as number]) === "")) continue; // empty row
    if (foldVietnamese(text("key")) === headerKey) continue; // header typed again
    const cells: TrackingRow["cells"] = {};
    for (const [id, c] of Object.entries(t.col))
      cells[id as TaskColumnId] = cellAddress(r + 1, (c as number) + 1);
    const dateText = (id: TaskColumnId) => {
      const iso = realDate(raw(id));
      return iso ?? text(id);
    };
    const completedOn = raw("completedOn");
    const updatedOn = raw("updatedOn");
    const deadline = raw("deadline");
    rows.push(
      emptyTrackingRow({
        key: text("key"),
        stt: text("stt"),
        group: text("group"),
        groupTitle: text("groupTitle"),
        title: text("title"),
        kind: kindOf(text("kind")),
        lead: text("lead"),
        allLeads: splitList(text("allLeads")),
        partners: splitList(text("partners")),
        ...(t.col.planPartners !== undefined
          ? { planPartners: splitList(text("planPartners")) }
          : {}),
        timeText: text("timeText"),
        years: parseYearList(text("years")),
        scheduleCode: text("scheduleCode"),
        deadline: isFormulaCell(deadline) ? null : realDate(deadline),
        status:
          typeof cellValue(raw("status")) === "string"
            ? sheetStatus(String(cellValue(raw("status"))))
            : null,
        completedOn: realDate(completedOn),
        progress: normalizeProgress(raw("progress")).value,
        result: text("result"),
        evidence: text("evidence"),
        difficulties: text("difficulties"),
        proposals: text("proposals"),
        updatedOn: realDate(updatedOn),
        typed: {
          status: text("status"),
          completedOn: dateText("completedOn"),
          progress: text("progress"),
          updatedOn: dateText("updatedOn"),
        },
        extra: Object.fromEntries(t.extra.map((e) => [e.header, cellText(line[e.col])])),
        sheetRow: r + 1,
        cells,
      })
    );
  }
  return rows;
}
