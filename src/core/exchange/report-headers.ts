/**
 * Finding the task table in a workbook an agency made itself: the header row anywhere in the
 * first rows of a visible sheet (a title block above it), columns recognised by the names
 * officers give them, in any order, with or without diacritics, a two-row header (a merged
 * "Kết quả thực hiện" over "Trạng thái | Ngày hoàn thành") and the "(1) (2) (3)" row below.
 */
import { foldVietnamese } from "../text/fold";
import { cellText } from "../tracking/raw-cell";
import { TRACKED_COLUMNS } from "../workbook/columns";
import type { TrackedColumnId } from "../workbook/tracking-model";

/** What a returned table can tell, by column. */
export type ReportField =
  | "key"
  | "stt"
  | "title"
  | "lead"
  | TrackedColumnId
  | "contribution"
  | PlanField;

/**
 * Columns copied from the plan (its time, deadline, partners, budget, group): known, and not
 * taken, since the master holds the plan. They are neither landed nor listed as ignored.
 */
export type PlanField = "timeText" | "deadline" | "partners" | "budget" | "group" | "kind";

export const PLAN_FIELDS: readonly PlanField[] = [
  "timeText",
  "deadline",
  "partners",
  "budget",
  "group",
  "kind",
];

/** Fields that identify a row (matched on), not values landed in the master. */
export const ROW_FIELDS: readonly ReportField[] = ["key", "stt", "title", "lead"];

/**
 * THE table of header names officers give columns of a returned report, per field, written as
 * they write them (tests check each one). A header matches when, folded (no diacritics,
 * lowercase) and stripped of punctuation, it equals one of these or starts with one followed by
 * a space; longer names are tried first. Within a field, earlier names are the more specific:
 * of two columns of one field the earlier name is the field's column, the other adds to it
 * (texts) or is told apart by its values ("Tình hình thực hiện" holding statuses).
 */
export const HEADER_SYNONYMS: Record<ReportField, string[]> = {
  key: ["Mã nhiệm vụ", "Mã NV", "Mã số nhiệm vụ"],
  stt: ["STT", "TT", "Số TT", "Số thứ tự"],
  title: [
    "Nhiệm vụ",
    "Tên nhiệm vụ",
    "Nội dung nhiệm vụ",
    "Nội dung công việc",
    "Nội dung",
    "Nhiệm vụ được giao",
    "Nhiệm vụ, giải pháp",
    "Công việc",
    "Nhiệm vụ cụ thể",
  ],
  lead: [
    "Đơn vị chủ trì",
    "Cơ quan chủ trì",
    "Các đơn vị chủ trì",
    "Chủ trì",
    "Đơn vị thực hiện",
    "Cơ quan thực hiện",
  ],
  status: [
    "Trạng thái",
    "Tình trạng",
    "Trạng thái thực hiện",
    "Tình trạng thực hiện",
    "Mức độ hoàn thành",
    "Đánh giá",
  ],
  completedOn: ["Ngày hoàn thành", "Thời gian hoàn thành", "Ngày HT", "Thời điểm hoàn thành"],
  progress: [
    "Tiến độ",
    "Tiến độ (%)",
    "Tỷ lệ hoàn thành",
    "Tỉ lệ hoàn thành",
    "% hoàn thành",
    "Tỷ lệ",
    "Tỉ lệ",
  ],
  result: [
    "Kết quả thực hiện",
    "Kết quả",
    "Kết quả triển khai",
    "Kết quả đạt được",
    "Kết quả thực hiện năm",
    "Tình hình thực hiện",
    "Tình hình triển khai",
  ],
  evidence: [
    "Văn bản, minh chứng",
    "Minh chứng",
    "Văn bản",
    "Văn bản triển khai",
    "Tài liệu kiểm chứng",
    "Sản phẩm",
    "Hồ sơ minh chứng",
  ],
  difficulties: ["Khó khăn, vướng mắc", "Khó khăn", "Vướng mắc", "Tồn tại, hạn chế", "Hạn chế"],
  proposals: ["Đề xuất, kiến nghị", "Kiến nghị, đề xuất", "Đề xuất", "Kiến nghị"],
  updatedOn: ["Ngày cập nhật", "Cập nhật ngày"],
  contribution: [
    "Nội dung phối hợp đã thực hiện",
    "Nội dung phối hợp",
    "Kết quả phối hợp",
    "Nội dung đã phối hợp",
  ],
  timeText: ["Thời gian thực hiện", "Thời gian", "Thời hạn"],
  deadline: ["Hạn hoàn thành", "Thời hạn hoàn thành", "Hạn"],
  partners: [
    "Đơn vị phối hợp",
    "Cơ quan phối hợp",
    "Phối hợp",
    "Phối hợp theo kế hoạch",
    "Đơn vị phối hợp thực hiện",
  ],
  budget: ["Kinh phí", "Nguồn kinh phí", "Dự toán"],
  group: ["Nhóm", "Tên nhóm", "Nhóm nhiệm vụ"],
  kind: ["Loại nhiệm vụ"],
};

/** Synonyms folded once, longest first; `rank` is the name's place in its field's list. */
const ORDERED = (Object.entries(HEADER_SYNONYMS) as [ReportField, string[]][])
  .flatMap(([field, list]) => list.map((s, rank) => ({ field, s: headerKey(s), rank })))
  .sort((a, b) => b.s.length - a.s.length);

/** "Tiến độ (%)" → "tien do %"; "Văn bản, minh chứng" → "van ban minh chung". */
function headerKey(text: string): string {
  return foldVietnamese(text)
    .replace(/[^a-z0-9%]+/g, " ")
    .trim();
}

export function fieldOfHeader(text: string): ReportField | undefined {
  return headerMatch(text)?.field;
}

/**
 * Short texts recur (every file of a consolidation has the same headers, the first 40 rows the
 * same statuses and dates): folded and looked up once each. Bounded, for a long pane session.
 */
const matched = new Map<string, { field: ReportField; rank: number } | undefined>();

function headerMatch(text: string): { field: ReportField; rank: number } | undefined {
  if (matched.has(text)) return matched.get(text);
  if (matched.size > 5000) matched.clear();
  const m = headerMatchOnce(text);
  matched.set(text, m);
  return m;
}

function headerMatchOnce(text: string): { field: ReportField; rank: number } | undefined {
  const k = headerKey(text);
  if (!k) return undefined;
  for (const { field, s, rank } of ORDERED)
    if (k === s || k.startsWith(s + " ")) return { field, rank };
  return undefined;
}

export interface HeaderMatch {
  /** 1-based row of the (lower) header row. */
  headerRow: number;
  /** 0-based column of each field found. */
  col: Partial<Record<ReportField, number>>;
  /** 1-based row of the first data row. */
  firstDataRow: number;
  /** Further columns of a field already placed (a second result text, "Vướng mắc" beside "Khó khăn"). */
  extra: { field: ReportField; col: number }[];
  /** Headers of no known meaning, with their 0-based column. */
  unknown: { col: number; header: string }[];
  /** The header text of each column, as written (both rows of a two-row header). */
  headers: string[];
}

/** What an agency reports: the tracking workbook's tracked columns, and a partner's contribution. */
const TRACKED: readonly ReportField[] = [...TRACKED_COLUMNS, "contribution"];

/** The best header row in the first 40 rows: a title column and at least one reported field. */
export function findHeader(grid: unknown[][]): HeaderMatch | undefined {
  let best: { m: HeaderMatch; score: number } | undefined;
  const limit = Math.min(grid.length, 40);
  for (let r = 0; r < limit; r++) {
    const m = columnsOf(grid[r], r > 0 ? grid[r - 1] : undefined);
    if (m.col.title === undefined || !TRACKED.some((f) => m.col[f] !== undefined)) continue;
    const score = Object.keys(m.col).length;
    if (!best || score > best.score) {
      let first = r + 2;
      if (isNumberingRow(grid[r + 1])) first++;
      best = { m: { ...m, headerRow: r + 1, firstDataRow: first }, score };
    }
  }
  return best?.m;
}

/**
 * The columns a header row names. A cell the row leaves empty takes the text of the row above
 * (a two-row header: "TT", "Nội dung" merged down; "Kết quả thực hiện" merged across over
 * "Trạng thái | Ngày hoàn thành" gives way to them). Of two columns of one field, the one with
 * the more specific name (earlier in HEADER_SYNONYMS), then the leftmost, is the field's.
 */
function columnsOf(
  row: unknown[] | undefined,
  above: unknown[] | undefined
): Pick<HeaderMatch, "col" | "extra" | "unknown" | "headers"> {
  const lower = Array.from(row ?? [], cellText);
  const upper = Array.from(above ?? [], cellText);
  const width = Math.max(lower.length, upper.length);
  const headers: string[] = [];
  const found: { field: ReportField; rank: number; col: number }[] = [];
  const fromAbove: { field: ReportField; rank: number; col: number }[] = [];
  const unknown: HeaderMatch["unknown"] = [];
  for (let c = 0; c < width; c++) {
    const own = lower[c] ?? "";
    const h = own !== "" ? own : (upper[c] ?? "");
    headers.push(h);
    // Headers are short; long cells are task texts of data rows or titles (and cost folding).
    if (h === "" || h.length > 60) continue;
    const m = headerMatch(h);
    if (m) (own !== "" ? found : fromAbove).push({ ...m, col: c });
    else if (own !== "") unknown.push({ col: c, header: h });
  }
  // The row above only names fields this row does not (else it is a title or a group header).
  const here = new Set(found.map((f) => f.field));
  found.push(...fromAbove.filter((f) => !here.has(f.field)));
  const col: Partial<Record<ReportField, number>> = {};
  const extra: HeaderMatch["extra"] = [];
  const sorted = [...found].sort((a, b) => a.rank - b.rank || a.col - b.col);
  for (const f of sorted) {
    if (col[f.field] === undefined) col[f.field] = f.col;
    else extra.push({ field: f.field, col: f.col });
  }
  extra.sort((a, b) => a.col - b.col);
  return { col, extra, unknown, headers };
}

/** "(1) (2) (3)…" or "1 2 3…" under the headers. */
function isNumberingRow(row: unknown[] | undefined): boolean {
  const texts = Array.from(row ?? [], cellText).filter(Boolean);
  return texts.length >= 3 && texts.every((t) => /^\(?\d{1,2}\)?$/.test(t));
}

/**
 * The status column, header first: a column the headers name is the status whatever it holds.
 * Values only break ties. Of two columns named as status ("Trạng thái" left empty, "Mức độ
 * hoàn thành" filled), the first holding status words. With none named, officers title it
 * "Tình hình thực hiện" (a result synonym, so the second such column was ignored and its
 * "Hoàn thành" lost) or "Ghi chú", or leave it blank: a column none of whose cells is anything
 * but a status word (at least one filled, on task rows) is the status. Unused columns first,
 * then the result.
 */
export function withStatusByContent(
  m: HeaderMatch,
  grid: unknown[][],
  isStatus: (raw: unknown) => boolean,
  /** A status word that names one status: a column of only ambiguous words ("Đã thực hiện") is a result. */
  isSure: (raw: unknown) => boolean = isStatus
): HeaderMatch {
  const taskRows = grid
    .slice(m.firstDataRow - 1)
    .filter(
      (r) =>
        cellText(r?.[m.col.title!]) !== "" ||
        (m.col.key !== undefined && cellText(r?.[m.col.key]) !== "")
    );
  const filledIn = (c: number) => taskRows.map((r) => r?.[c]).filter((v) => cellText(v) !== "");
  if (m.col.status !== undefined) {
    if (filledIn(m.col.status).some(isStatus)) return m;
    const other = m.extra.find((e) => e.field === "status" && filledIn(e.col).some(isSure));
    if (!other) return m;
    return {
      ...m,
      col: { ...m.col, status: other.col },
      extra: [
        ...m.extra.filter((e) => e !== other),
        { field: "status" as const, col: m.col.status },
      ].sort((a, b) => a.col - b.col),
    };
  }
  const used = new Set([...Object.values(m.col), ...m.extra.map((e) => e.col)]);
  const width = Math.max(
    0,
    ...grid.slice(m.headerRow - 1, m.headerRow + 500).map((r) => r?.length ?? 0)
  );
  // Unnamed or unknown columns first, then a second result column, then the result itself.
  const candidates = [...Array(width).keys()].filter((c) => !used.has(c));
  candidates.push(...m.extra.filter((e) => e.field === "result").map((e) => e.col));
  if (m.col.result !== undefined) candidates.push(m.col.result);
  for (const c of candidates) {
    const filled = filledIn(c);
    if (!filled.every(isStatus) || !filled.some(isSure)) continue;
    const col = { ...m.col, status: c };
    let extra = m.extra.filter((e) => e.col !== c);
    if (col.result === c) {
      // The next result column, if any, is the result.
      const next = extra.find((e) => e.field === "result");
      if (next) {
        col.result = next.col;
        extra = extra.filter((e) => e !== next);
      } else delete col.result;
    }
    return { ...m, col, extra, unknown: m.unknown.filter((u) => u.col !== c) };
  }
  return m;
}
