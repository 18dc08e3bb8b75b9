/**
 * A tracking workbook read back from its cells (src/xlsx readWorkbookCells, or Office.js
 * values): columns found BY HEADER TEXT, because officers move, insert and hide columns, sort
 * and filter rows, rename the table. Only the sheet name "Nhiệm vụ" or, failing that, a sheet
 * whose header row has "Mã nhiệm vụ" and "Nhiệm vụ" identifies the task table.
 */
import type { Agency, AgencyKind, Finding, TaskKind } from "../model";
import { InputError } from "../import/input-error";
import { cellAddress, parseCell } from "../spec/a1";
import { foldVietnamese } from "../text/fold";
import { AGENCY_KIND_LABELS } from "../workbook/agencies-sheet";
import {
  AGENCY_COLUMNS,
  KIND_LABELS,
  NAMES,
  SHEETS,
  TASK_COLUMNS,
  TEMPLATE_VERSION,
  type TaskColumnId,
} from "../workbook/columns";
import { META_KEYS } from "../workbook/meta-sheet";
import { sheetStatus } from "./derive-status";
import { normalizeDate, normalizeProgress, serialToIso } from "./normalize-input";
import { cellText, cellValue, isFormulaCell } from "./raw-cell";
import { parseYearList } from "./row-schedule";
import { placeText, TRACKING_FINDINGS as F } from "./tracking-findings";
import {
  emptyTrackingRow,
  HISTORY_COLUMNS,
  TRACKED_COLUMNS,
  type HistoryRow,
  type TrackingRow,
  type TrackingWorkbook,
} from "./tracking-model";

/** The neutral input: sheets as grids of raw cells (row-major, 0-based), plus defined names. */
export interface TrackingCells {
  sheets: { name: string; state?: string; rows?: unknown[][]; cells?: unknown[][] }[];
  names?: { name: string; refersTo: string }[];
}

export const TRACKING_READ_ERRORS = {
  NOT_TRACKING_WORKBOOK: "NOT_TRACKING_WORKBOOK",
  NEWER_TEMPLATE: "NEWER_TEMPLATE",
} as const;

export interface ReadTrackingResult {
  workbook: TrackingWorkbook;
  /** What was recovered rather than read (meta sheet deleted, inputs missing…). */
  findings: Finding[];
}

type Grid = unknown[][];
const gridOf = (s: TrackingCells["sheets"][number]): Grid => s.rows ?? s.cells ?? [];
const same = (a: string, b: string) => foldVietnamese(a) === foldVietnamese(b);

export function readTracking(input: TrackingCells, file: string): ReadTrackingResult {
  const findings: Finding[] = [];
  const sheet = (name: string) => input.sheets.find((s) => same(s.name, name));

  const meta = readMeta(sheet(SHEETS.meta));
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

  const inputs = readInputs(input, sheet(SHEETS.info)?.name);
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
    plan: info ? readPlan(gridOf(info)) : {},
    reportYear,
    reportDate: inputs.reportDate,
    dueSoonDays: inputs.dueSoonDays ?? 15,
    templateVersion: Number.isFinite(version) ? version : null,
    taskSheet: task.name,
    rows: readRows(task),
    extraColumns: task.extra.map((e) => e.header),
    agencies: readAgencies(sheet(SHEETS.agencies)),
    history: readHistory(sheet(SHEETS.history)),
  };
  return { workbook, findings };
}

/** "_phuluc": key/value pairs from A1, and the column map (column | header | letter). */
function readMeta(s: TrackingCells["sheets"][number] | undefined) {
  if (!s) return undefined;
  const pairs = new Map<string, string>();
  const columnHeaders: Partial<Record<TaskColumnId, string>> = {};
  for (const row of Array.from(gridOf(s))) {
    const [k, v] = [cellText(row?.[0]), cellText(row?.[1])];
    if (!k) continue;
    if (k in TASK_COLUMNS && v) columnHeaders[k as TaskColumnId] = v;
    else pairs.set(k, v);
  }
  return Object.assign(pairs, { columnHeaders });
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

/** A list cell: the builder joins with "; "; officers may break lines. Commas stay (names hold them). */
const splitList = (s: string) =>
  s
    .split(/\s*[;\n]\s*/)
    .map((x) => x.trim())
    .filter(Boolean);

/** A real date in the cell (number or Date) as ISO; text is not a date to the sheet. */
function realDate(raw: unknown): string | null {
  const v = cellValue(raw);
  if (v instanceof Date) return isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  return typeof v === "number" && Number.isFinite(v) ? serialToIso(v) : null;
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

/** NamBaoCao / NgayBaoCao / SoNgaySapDenHan through the defined names, else by label on "Thông tin". */
function readInputs(input: TrackingCells, infoName?: string) {
  const at = (name: string, label: string): unknown => {
    const ref = input.names?.find((n) => n.name === name)?.refersTo;
    const m = ref ? /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(ref.replace(/^=/, "")) : null;
    if (m) {
      const s = input.sheets.find((x) => x.name === (m[1]?.replace(/''/g, "'") ?? m[2]));
      try {
        const { row, col } = parseCell(m[3]);
        if (s) return gridOf(s)[row - 1]?.[col - 1] ?? null;
      } catch {
        /* a range or an error: fall back to the label */
      }
    }
    const info = input.sheets.find((x) => x.name === infoName);
    const line =
      info &&
      Array.from(gridOf(info)).find((r) =>
        foldVietnamese(cellText(r?.[0])).startsWith(foldVietnamese(label))
      );
    return line?.[1] ?? null;
  };
  const year = Number(cellText(at(NAMES.reportYear, "Năm báo cáo")));
  const days = Number(cellText(at(NAMES.dueSoonDays, "Số ngày")));
  const dateRaw = at(NAMES.reportDate, "Ngày báo cáo");
  return {
    reportYear: Number.isInteger(year) && year > 1900 ? year : null,
    reportDate: realDate(dateRaw) ?? normalizeDate(dateRaw).value,
    dueSoonDays:
      cellText(at(NAMES.dueSoonDays, "Số ngày")) !== "" && Number.isFinite(days) ? days : null,
  };
}

function readPlan(grid: Grid): TrackingWorkbook["plan"] {
  const by = new Map(
    Array.from(grid, (r) => [foldVietnamese(cellText(r?.[0])), r?.[1]] as [string, unknown])
  );
  const get = (label: string) => by.get(foldVietnamese(label));
  const from = Number(cellText(get("Giai đoạn từ năm")));
  const to = Number(cellText(get("Giai đoạn đến năm")));
  return {
    number: cellText(get("Số hiệu")),
    issuedOn: realDate(get("Ngày ban hành")) ?? normalizeDate(get("Ngày ban hành")).value,
    issuer: cellText(get("Cơ quan ban hành")),
    province: cellText(get("Tỉnh")),
    title: cellText(get("Tên kế hoạch")),
    appendixTitle: cellText(get("Tên phụ lục")),
    period: from && to ? { from, to } : null,
  };
}

/** Rows of a sheet whose first row is a header, as header → raw value. */
function records(s: TrackingCells["sheets"][number] | undefined): Map<string, unknown>[] {
  const grid = s ? gridOf(s) : [];
  const headers = Array.from(grid[0] ?? [], (h) => foldVietnamese(cellText(h)));
  return grid
    .slice(1)
    .filter((r) => r?.some((c) => cellText(c) !== ""))
    .map((r) => new Map(headers.map((h, i) => [h, r[i]] as [string, unknown]).reverse()));
}

const KIND_BY_LABEL = new Map(
  Object.entries(AGENCY_KIND_LABELS).map(([k, label]) => [foldVietnamese(label), k as AgencyKind])
);

function readAgencies(s: TrackingCells["sheets"][number] | undefined): Agency[] {
  const f = (h: string) => foldVietnamese(h);
  return records(s).flatMap((r): Agency[] => {
    const name = cellText(r.get(f(AGENCY_COLUMNS.name)));
    if (!name) return [];
    const kind = KIND_BY_LABEL.get(f(cellText(r.get(f(AGENCY_COLUMNS.kind))))) ?? "other";
    const successor = cellText(r.get(f(AGENCY_COLUMNS.successor)));
    const effective = r.get(f(AGENCY_COLUMNS.effective));
    const memberOf = splitList(cellText(r.get(f(AGENCY_COLUMNS.memberOf))));
    return [
      {
        name,
        shortNames: splitList(cellText(r.get(f(AGENCY_COLUMNS.shortNames)))),
        aliases: splitList(cellText(r.get(f(AGENCY_COLUMNS.aliases)))),
        kind,
        ...(kind === "collective" ? { collective: true } : {}),
        ...(successor
          ? {
              successor: {
                name: successor,
                effective: realDate(effective) ?? normalizeDate(effective).value ?? "",
              },
            }
          : {}),
        ...(memberOf.length > 0 ? { memberOf } : {}),
      },
    ];
  });
}

function readHistory(s: TrackingCells["sheets"][number] | undefined): HistoryRow[] {
  const f = (h: string) => foldVietnamese(h);
  return records(s).flatMap((r): HistoryRow[] => {
    const year = Number(cellText(r.get(f(HISTORY_COLUMNS.year))));
    const key = cellText(r.get(f(HISTORY_COLUMNS.key)));
    if (!year || !key) return [];
    const values: HistoryRow["values"] = {};
    for (const id of TRACKED_COLUMNS) {
      const raw = r.get(f(TASK_COLUMNS[id]));
      const t =
        id === "completedOn" || id === "updatedOn"
          ? (realDate(raw) ?? cellText(raw))
          : cellText(raw);
      if (t) values[id] = t;
    }
    const derived = cellText(r.get(f(HISTORY_COLUMNS.derived)));
    if (derived) values.derived = derived;
    const written = cellText(r.get(f(HISTORY_COLUMNS.written)));
    return [
      {
        year,
        key,
        lead: cellText(r.get(f(HISTORY_COLUMNS.lead))),
        ...(written ? { written } : {}),
        values,
      },
    ];
  });
}
