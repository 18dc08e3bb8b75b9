/**
 * Pure view logic of the "Theo dõi" tab (no React, no Office): where a finding's cell is,
 * how a finding and a change read for an officer, the small row view of file mode, the
 * rollup table's rows and the names of the files it offers. Unit-tested in
 * test/unit/taskpane/tracking-view.test.ts.
 */
import type { Finding } from "../core/model";
import type { CellChange } from "../core/tracking/changes";
import { changeValueText } from "../core/tracking/changes";
import { capitalized, placeText } from "../core/finding-place";
import type { AgencyRollup, Rollup, StatusCounts } from "../core/tracking/rollup";
import type { TrackingRow, TrackingWorkbook } from "../core/workbook/tracking-model";
import { cellText } from "../core/tracking/raw-cell";
import { columnLetter } from "../core/spec/a1";
import { foldVietnamese } from "../core/text/fold";
import { TASK_COLUMNS, type TaskColumnId } from "../core/workbook/columns";
import { sanitizeForFileName } from "./file-name";
import { formatViDate } from "../core/text/dates";

// ---------------------------------------------------------------------------------------------
// Findings

/** Codes whose fix needs the officer's choice (who is accountable changes): one button each. */
const CHOICE_CODES = ["AGENCY_UNKNOWN", "AGENCY_SUPERSEDED"];

export const isChoiceFix = (f: Finding): boolean => Boolean(f.fix) && CHOICE_CODES.includes(f.code);

/**
 * The short label of a choice fix's button: "Đổi thành "UBND các xã, phường"" (the first quoted
 * name of the fix's description); the full description is the button's tooltip/description.
 */
export function choiceFixLabel(f: Finding): string {
  const name = /"([^"]+)"/.exec(f.fix?.description ?? "")?.[1];
  if (!name) return f.fix?.description ?? "";
  return f.code === "AGENCY_SUPERSEDED" ? `Đổi thành "${name}"` : `Sửa thành "${name}"`;
}

/** The finding's text as a sentence of its own (the place is shown on its own line). */
export function findingText(f: Finding): string {
  return capitalized(f.message);
}

/** `Trang "Nhiệm vụ", dòng 5, cột "Trạng thái"` (only what is known), from the finding's data. */
export function findingPlace(f: Finding): string {
  return capitalized(placeText(f.location));
}

/** A stable id for a finding in lists (code + place; duplicates get their index appended). */
export function findingId(f: Finding, index = 0): string {
  const l = f.location;
  return `${f.code}|${l.sheet ?? ""}|${l.row ?? ""}|${l.column ?? ""}|${index}`;
}

// ---------------------------------------------------------------------------------------------
// Where a finding's cell is

type Grid = ArrayLike<ArrayLike<unknown> | undefined>;

/**
 * The column letter of a header on a sheet: the first row (of the first `maxRows`) holding a
 * cell whose text equals `header` (accents/case/spaces folded). Columns are found by header,
 * never assumed, because officers move and insert columns.
 */
export function columnOfHeader(grid: Grid, header: string, maxRows = 20): string | null {
  const want = foldVietnamese(header);
  if (!want) return null;
  for (let r = 0; r < Math.min(grid.length, maxRows); r++) {
    const row = grid[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++)
      if (foldVietnamese(cellText(row[c])) === want) return columnLetter(c + 1);
  }
  return null;
}

export interface CellTarget {
  sheet: string;
  /** A1 address on that sheet ("M5"); the row's first cell when the column is unknown. */
  address: string;
}

/** The cell a finding points at, from its sheet, row and column header. Null without a row. */
export function findingCell(
  sheets: { name: string; rows?: unknown[][]; cells?: unknown[][] }[],
  f: Finding,
  defaultSheet: string
): CellTarget | null {
  const row = f.location.row;
  if (!row) return null;
  const sheetName = f.location.sheet ?? defaultSheet;
  const sheet = sheets.find((s) => s.name === sheetName);
  const grid = sheet ? (sheet.rows ?? sheet.cells ?? []) : [];
  const letter = f.location.column ? columnOfHeader(grid, f.location.column) : null;
  return { sheet: sheetName, address: `${letter ?? "A"}${row}` };
}

// ---------------------------------------------------------------------------------------------
// The row view of file mode

export interface RowViewCell {
  header: string;
  value: string;
  highlighted: boolean;
}

const ROW_VIEW_COLUMNS: TaskColumnId[] = [
  "stt",
  "title",
  "lead",
  "partners",
  "timeText",
  "status",
  "completedOn",
  "progress",
  "updatedOn",
];

const viDate = (iso: string | null, typed: string) => (iso ? formatViDate(iso) : typed);

function rowValue(row: TrackingRow, id: TaskColumnId): string {
  switch (id) {
    case "partners":
      return row.partners.join("; ");
    case "status":
      return row.typed.status;
    case "completedOn":
      return viDate(row.completedOn, row.typed.completedOn);
    case "updatedOn":
      return viDate(row.updatedOn, row.typed.updatedOn);
    case "progress":
      return row.typed.progress || (row.progress === null ? "" : String(row.progress));
    default: {
      const v = (row as unknown as Record<string, unknown>)[id];
      return typeof v === "string" ? v : "";
    }
  }
}

/** The main cells of a task row, the finding's column marked (always listed, even if empty). */
export function rowViewCells(row: TrackingRow, column?: string): RowViewCell[] {
  const want = column ? foldVietnamese(column) : "";
  const cells: RowViewCell[] = ROW_VIEW_COLUMNS.map((id) => ({
    header: TASK_COLUMNS[id],
    value: rowValue(row, id),
    highlighted: want !== "" && foldVietnamese(TASK_COLUMNS[id]) === want,
  }));
  if (want && !cells.some((c) => c.highlighted)) {
    const id = (Object.keys(TASK_COLUMNS) as TaskColumnId[]).find(
      (k) => foldVietnamese(TASK_COLUMNS[k]) === want
    );
    const extra = Object.entries(row.extra).find(([h]) => foldVietnamese(h) === want);
    cells.push({
      header: column!,
      value: id ? rowValue(row, id) : (extra?.[1] ?? ""),
      highlighted: true,
    });
  }
  return cells.filter((c) => c.value !== "" || c.highlighted || c.header === TASK_COLUMNS.status);
}

// ---------------------------------------------------------------------------------------------
// Changes

export interface ChangeLine {
  /** "Nhiệm vụ!M5" */
  cell: string;
  /** "dòng 5, cột Trạng thái" */
  place: string;
  before: string;
  after: string;
  reason: string;
}

/** A change as the officer reads it: values as shown in Excel, "(trống)" for an empty cell. */
export function changeLine(c: CellChange): ChangeLine {
  const show = (v: CellChange["before"]) => changeValueText(v) || "(trống)";
  const isDate = (v: CellChange["before"]) => v !== null && typeof v === "object" && "date" in v;
  // Text typed as a date and the real date read the same: say which is which.
  const textToDate = typeof c.before === "string" && isDate(c.after);
  return {
    cell: `${c.sheet}!${c.address}`,
    place: `dòng ${c.row}, cột ${c.column}`,
    before: show(c.before) + (textToDate ? " (chữ)" : ""),
    after: show(c.after) + (textToDate ? " (ngày)" : ""),
    reason: c.reason,
  };
}

/** "Đã sửa 2 ô" / "Không có ô nào cần sửa". */
export function changeCountText(n: number): string {
  return n === 0 ? "Không có ô nào cần sửa." : `Đã sửa ${n} ô.`;
}

// ---------------------------------------------------------------------------------------------
// Rollup

export interface RollupLine {
  agency: string;
  total: number;
  onTime: number;
  late: number;
  /** "Hoàn thành" without a date, deadline past: completed, timing unknown. */
  undated: number;
  inProgress: number;
  overdue: number;
  notDue: number;
  noDeadline: number;
  notDone: number;
  /** "83,3%" or "—" when nothing has come due. */
  rate: string;
  rateValue: number | null;
}

export function formatRate(rate: number | null): string {
  if (rate === null) return "—";
  return `${(Math.round(rate * 1000) / 10).toLocaleString("vi-VN", { maximumFractionDigits: 1 })}%`;
}

function line(agency: string, c: StatusCounts): RollupLine {
  return {
    agency,
    total: c.total,
    onTime: c.done_on_time,
    late: c.done_late,
    undated: c.done_undated,
    inProgress: c.in_progress,
    overdue: c.overdue,
    notDue: c.not_due,
    noDeadline: c.no_deadline,
    notDone: c.not_done,
    rate: formatRate(c.rate),
    rateValue: c.rate,
  };
}

/**
 * The rows of the year whose "Trạng thái" the count could not read ("Chưa hoàn thành": two
 * statuses), said under the table so they are not lost in "Quá hạn" / "Chưa đến hạn"; null
 * when there are none.
 */
export function unreadStatusNote(r: Rollup): string | null {
  const rows = r.unreadStatus ?? [];
  if (rows.length === 0) return null;
  const shown = rows.slice(0, 5).map((u) => `dòng ${u.row} “${u.text}”`);
  const more = rows.length > shown.length ? ` và ${rows.length - shown.length} dòng khác` : "";
  return `${rows.length} dòng có trạng thái chưa đọc được, đang tính như chưa hoàn thành: ${shown.join(", ")}${more}. Chọn một trạng thái trong danh sách ở các dòng này (nút Kiểm tra chỉ rõ từng ô).`;
}

/** Lead agencies only (each row of the sheet has one), in the rollup's order, and the total. */
export interface RollupLines {
  agencies: RollupLine[];
  total: RollupLine;
  /**
   * Requests ("Đề nghị …" headings of a prose plan: Party committees, the Fatherland Front…),
   * counted apart as section V of "Tổng hợp"; absent when the year has none.
   */
  requests?: { agencies: RollupLine[]; total: RollupLine };
}

export function rollupLines(r: Rollup): RollupLines {
  const leads = (list: AgencyRollup[]) =>
    list.filter((a) => a.role === "lead").map((a) => line(a.agency, a));
  return {
    agencies: leads(r.agencies),
    total: line("Toàn tỉnh", r.province),
    ...(r.requests && r.requests.total.total > 0
      ? {
          requests: {
            agencies: leads(r.requests.agencies),
            total: line("Cộng đề nghị", r.requests.total),
          },
        }
      : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Files and years

/** "theo-doi-4784-KH-UBND.xlsx" → "theo-doi-4784-KH-UBND-da-sua.xlsx" (never the same name). */
function derivedFileName(source: string, suffix: string): string {
  const base = source.replace(/\.[^.]+$/, "").replace(/-(da-sua|nam-\d{4})$/i, "");
  const safe = sanitizeForFileName(base) || "so-theo-doi";
  return `${safe}-${suffix}.xlsx`;
}

export const fixedFileName = (source: string) => derivedFileName(source, "da-sua");
export const textsFileName = (source: string) => derivedFileName(source, "mau-in");
export const rolledFileName = (source: string, year: number) =>
  derivedFileName(source, `nam-${year}`);

/** The plan line of the tab: "Kế hoạch 4784/KH-UBND" and its title. */
export function planHeading(wb: TrackingWorkbook): { number: string; title: string } {
  return {
    number: wb.plan.number ? `Kế hoạch số ${wb.plan.number}` : "Kế hoạch (chưa có số hiệu)",
    title: wb.plan.title ?? "",
  };
}

/**
 * What a roll-over did, in words: "3 dòng bắt đầu lại, 2 dòng chuyển tiếp, 5 dòng giữ nguyên
 * (…); 10 dòng năm 2026 lưu vào trang "Lịch sử". Đổi sang đơn vị kế thừa: …".
 */
export function rolloverText(
  c: {
    reset: number;
    carried: number;
    kept: number;
    archived: number;
    moved?: { role: string; from: string; to: string }[];
  },
  fromYear: number | null
): string {
  const moved = new Map<string, number>();
  for (const m of c.moved ?? []) {
    const k = `"${m.from}" → "${m.to}"`;
    moved.set(k, (moved.get(k) ?? 0) + 1);
  }
  const renames = [...moved].map(([k, n]) => `${k} (${n} ô)`).join("; ");
  return (
    `${c.reset} dòng bắt đầu lại (nhiệm vụ lặp lại), ${c.carried} dòng chuyển tiếp (nhiệm vụ nhiều năm chưa xong), ` +
    `${c.kept} dòng giữ nguyên (đã xong hẳn, làm một lần, hoặc thời gian không đọc được); ` +
    `${c.archived} dòng năm ${fromYear ?? "?"} lưu vào trang "Lịch sử".` +
    (renames ? ` Đổi sang đơn vị kế thừa: ${renames}.` : "")
  );
}
