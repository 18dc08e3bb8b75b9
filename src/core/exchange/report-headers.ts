/**
 * Finding the task table in a workbook an agency made itself: the header row anywhere in the
 * first rows of a visible sheet (a title block above it), columns recognised by the names
 * officers give them, in any order, with or without diacritics, a two-row header (a merged
 * "Kết quả thực hiện" over "Trạng thái | Ngày hoàn thành") and the "(1) (2) (3)" row below.
 */
import { foldVietnamese } from "../text/fold";
import { cellText } from "../tracking/raw-cell";
import { TRACKED_COLUMNS } from "../workbook/columns";

/** What a returned table can tell, by column. */
export type ReportField =
  | "key"
  | "stt"
  | "title"
  | "lead"
  | "status"
  | "completedOn"
  | "progress"
  | "result"
  | "evidence"
  | "difficulties"
  | "proposals"
  | "updatedOn"
  | "contribution";

/**
 * Header texts per field, folded (no diacritics, lowercase); a header matches when, folded and
 * stripped of punctuation, it equals one of these or starts with one followed by a space.
 * Longer synonyms are tried first, so "ket qua thuc hien" is a result, "ket qua" alone too.
 */
export const HEADER_SYNONYMS: Record<ReportField, string[]> = {
  key: ["ma nhiem vu", "ma nv", "ma so nhiem vu"],
  stt: ["stt", "tt", "so tt", "so thu tu"],
  title: [
    "nhiem vu",
    "ten nhiem vu",
    "noi dung nhiem vu",
    "noi dung cong viec",
    "noi dung",
    "nhiem vu duoc giao",
    "nhiem vu giai phap",
    "cong viec",
    "nhiem vu cu the",
  ],
  lead: ["don vi chu tri", "co quan chu tri", "chu tri", "don vi thuc hien", "co quan thuc hien"],
  status: [
    "trang thai",
    "tinh trang",
    "trang thai thuc hien",
    "tinh trang thuc hien",
    "muc do hoan thanh",
    "danh gia",
  ],
  completedOn: ["ngay hoan thanh", "thoi gian hoan thanh", "ngay ht", "thoi diem hoan thanh"],
  progress: [
    "tien do",
    "tien do %",
    "ty le hoan thanh",
    "ti le hoan thanh",
    "% hoan thanh",
    "ty le",
    "ti le",
  ],
  result: [
    "ket qua thuc hien",
    "ket qua",
    "ket qua trien khai",
    "ket qua dat duoc",
    "tinh hinh thuc hien",
    "tinh hinh trien khai",
    "ket qua thuc hien nam",
  ],
  evidence: [
    "van ban minh chung",
    "minh chung",
    "van ban",
    "van ban trien khai",
    "tai lieu kiem chung",
    "san pham",
    "ho so minh chung",
  ],
  difficulties: ["kho khan vuong mac", "kho khan", "vuong mac", "ton tai han che", "han che"],
  proposals: ["de xuat kien nghi", "kien nghi de xuat", "de xuat", "kien nghi"],
  updatedOn: ["ngay cap nhat", "cap nhat ngay"],
  contribution: [
    "noi dung phoi hop da thuc hien",
    "noi dung phoi hop",
    "ket qua phoi hop",
    "noi dung da phoi hop",
  ],
};

const ORDERED = (Object.entries(HEADER_SYNONYMS) as [ReportField, string[]][])
  .flatMap(([field, list]) => list.map((s) => ({ field, s })))
  .sort((a, b) => b.s.length - a.s.length);

/** "Tiến độ (%)" → "tien do %"; "Văn bản, minh chứng" → "van ban minh chung". */
export function headerKey(text: string): string {
  return foldVietnamese(text)
    .replace(/[^a-z0-9%]+/g, " ")
    .trim();
}

export function fieldOfHeader(text: string): ReportField | undefined {
  const k = headerKey(text);
  if (!k) return undefined;
  for (const { field, s } of ORDERED) if (k === s || k.startsWith(s + " ")) return field;
  return undefined;
}

export interface HeaderMatch {
  /** 1-based row of the (lower) header row. */
  headerRow: number;
  /** 0-based column of each field found. */
  col: Partial<Record<ReportField, number>>;
  /** 1-based row of the first data row. */
  firstDataRow: number;
}

/** What an agency reports: the tracking workbook's tracked columns, and a partner's contribution. */
const TRACKED: readonly ReportField[] = [...TRACKED_COLUMNS, "contribution"];

/** The best header row in the first 40 rows: a title column and at least one reported field. */
export function findHeader(grid: unknown[][]): HeaderMatch | undefined {
  let best: { m: HeaderMatch; score: number } | undefined;
  const limit = Math.min(grid.length, 40);
  for (let r = 0; r < limit; r++) {
    const col = columnsOf(grid[r]);
    // A two-row header: fields of the row above fill the columns this row leaves empty.
    if (r > 0) {
      const above = columnsOf(grid[r - 1]);
      const used = new Set(Object.values(col));
      for (const [f, c] of Object.entries(above) as [ReportField, number][])
        if (col[f] === undefined && !used.has(c)) col[f] = c;
    }
    if (col.title === undefined || !TRACKED.some((f) => col[f] !== undefined)) continue;
    const score = Object.keys(col).length;
    if (!best || score > best.score) {
      let first = r + 2;
      if (isNumberingRow(grid[r + 1])) first++;
      best = { m: { headerRow: r + 1, col, firstDataRow: first }, score };
    }
  }
  return best?.m;
}

function columnsOf(row: unknown[] | undefined): Partial<Record<ReportField, number>> {
  const col: Partial<Record<ReportField, number>> = {};
  Array.from(row ?? [], cellText).forEach((h, c) => {
    // Headers are short; long cells are task texts of data rows (and cost folding).
    if (h.length > 60) return;
    const f = fieldOfHeader(h);
    if (f && col[f] === undefined) col[f] = c;
  });
  return col;
}

/** "(1) (2) (3)…" or "1 2 3…" under the headers. */
function isNumberingRow(row: unknown[] | undefined): boolean {
  const texts = Array.from(row ?? [], cellText).filter(Boolean);
  return texts.length >= 3 && texts.every((t) => /^\(?\d{1,2}\)?$/.test(t));
}

/**
 * A status column the headers did not name: officers title it "Tình hình thực hiện" (a result
 * synonym, so the second such column was ignored and its "Hoàn thành" lost) or "Ghi chú", or
 * leave it blank. Its values tell: a column none of whose cells is anything but a status word
 * (at least one filled, on task rows) is the status. Unused columns first, then the result.
 */
export function withStatusByContent(
  m: HeaderMatch,
  grid: unknown[][],
  isStatus: (raw: unknown) => boolean
): HeaderMatch {
  if (m.col.status !== undefined) return m;
  const used = new Set(Object.values(m.col));
  const width = Math.max(
    0,
    ...grid.slice(m.headerRow - 1, m.headerRow + 500).map((r) => r?.length ?? 0)
  );
  const candidates = [...Array(width).keys()].filter((c) => !used.has(c));
  if (m.col.result !== undefined) candidates.push(m.col.result);
  const taskRows = grid
    .slice(m.firstDataRow - 1)
    .filter(
      (r) =>
        cellText(r?.[m.col.title!]) !== "" ||
        (m.col.key !== undefined && cellText(r?.[m.col.key]) !== "")
    );
  for (const c of candidates) {
    const filled = taskRows.map((r) => r?.[c]).filter((v) => cellText(v) !== "");
    if (filled.length === 0 || !filled.every(isStatus)) continue;
    const col = { ...m.col, status: c };
    if (col.result === c) delete col.result;
    return { ...m, col };
  }
  return m;
}
