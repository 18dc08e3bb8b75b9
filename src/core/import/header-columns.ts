/**
 * Recognizes the phụ lục header row from its cell texts (folded: no diacritics, lowercase)
 * and maps each column to its role; any other column is kept as an extra by its header text.
 */
import { foldVietnamese, normalizeText } from "../text/fold";

export interface ColumnMap {
  stt: number;
  title: number;
  lead: number;
  /** -1 when the table has no such column. */
  partners: number;
  time: number;
  /**
   * A second task column after the first ("Nhiệm vụ" then "Nội dung thực hiện", "Hoạt động cụ
   * thể"): the task is the first's text with this one's under it, never an extra column.
   */
  detail?: number;
  extras: { index: number; header: string }[];
  /** Header text of every column, as written (single-spaced). */
  headers: string[];
}

type Role = "stt" | "title" | "lead" | "partners" | "time";

/** "STT", "TT", "Số TT", "Số thứ tự", and as typed in haste: "S TT", "S.TT", "Thứ tự". */
const STT_HEADER = /^(s[. ]?tt|tt|so tt|so thu tu|thu tu)\.?$/;

const ROLE_TESTS: [Role, RegExp][] = [
  ["stt", STT_HEADER],
  ["lead", /chu tri/],
  ["partners", /phoi hop/],
  [
    "time",
    /thoi gian|thoi han|tien do|thoi diem|lo trinh|nam thuc hien|(?:^|\s)(?:han|moc|nam) hoan thanh/,
  ],
  ["title", /nhiem vu|noi dung|cong viec|de an|chuong trinh|hoat dong/],
];
/** A second task column names itself so from its first words ("Kinh phí … nhiệm vụ" does not). */
const TITLE_TEST = /^(nhiem vu|noi dung|cong viec|hoat dong)\b/;
/**
 * Of two time columns ("Thời gian bắt đầu" / "Thời gian hoàn thành", or "Bắt đầu" / "Hoàn thành"
 * under a merged "Thời gian thực hiện"), the deadline is the one that ends; the other stays an
 * extra column.
 */
const TIME_END = /hoan thanh|ket thuc|thoi han|den ngay/;
const TIME_START = /bat dau|khoi cong|trien khai tu|tu ngay/;
/** "Đơn vị thực hiện" stands for the lead when no column says "chủ trì". */
const LEAD_FALLBACK = /^(don vi|co quan)( thuc hien| dam nhiem| phu trach)/;

/** The column map of a header row, or null when the row is not a phụ lục header. */
export function classifyHeader(cells: string[]): ColumnMap | null {
  const map: Record<Role, number> = { stt: -1, title: -1, lead: -1, partners: -1, time: -1 };
  const folded = cells.map((c) => foldVietnamese(c));
  const times: number[] = [];
  folded.forEach((f, i) => {
    if (!f) return;
    for (const [role, re] of ROLE_TESTS) {
      if (re.test(f)) {
        if (role === "time") times.push(i);
        else if (map[role] < 0) map[role] = i;
        return;
      }
    }
  });
  map.time = deadlineColumn(times, folded);
  if (map.lead < 0) {
    const i = folded.findIndex((f, k) => LEAD_FALLBACK.test(f) && !Object.values(map).includes(k));
    if (i >= 0) map.lead = i;
  }
  if (map.stt < 0 || map.title < 0 || map.lead < 0) return null;
  const used = new Set(Object.values(map));
  const detail = folded.findIndex((f, k) => k > map.title && !used.has(k) && TITLE_TEST.test(f));
  if (detail >= 0) used.add(detail);
  const headers = cells.map((c) => normalizeText(c));
  const extras = headers
    .map((header, index) => ({ index, header }))
    .filter((e) => e.header !== "" && !used.has(e.index));
  return { ...map, ...(detail >= 0 ? { detail } : {}), extras, headers };
}

/** The time column among several: the one that ends, else the first that does not start. */
function deadlineColumn(candidates: number[], folded: string[]): number {
  const text = (i: number) => folded[i] ?? "";
  return (
    candidates.find((i) => TIME_END.test(text(i))) ??
    candidates.find((i) => !TIME_START.test(text(i))) ??
    candidates[0] ??
    -1
  );
}

/**
 * A row that is `columns`' header typed again, checked cheaply first: such a row has "STT" in
 * the STT column, so a data row (a number there) is never classified, which would fold every
 * cell of it. Its STT and task columns are enough: a two-row header typed again reads as one
 * row whose time or partner column may differ.
 */
export function repeatsHeader(cells: string[], columns: ColumnMap): boolean {
  const stt = cells[columns.stt];
  if (stt === undefined || !STT_HEADER.test(foldVietnamese(stt))) return false;
  const again = classifyHeader(cells);
  return again !== null && again.stt === columns.stt && again.title === columns.title;
}

/** Same header typed again (after a page break, or in a continued table). */
export function sameHeader(a: ColumnMap, b: ColumnMap): boolean {
  return (
    a.stt === b.stt &&
    a.title === b.title &&
    a.lead === b.lead &&
    a.partners === b.partners &&
    a.time === b.time &&
    a.headers.length === b.headers.length
  );
}

/** A row of column numbers under the header: "1 2 3 4 5" or "(1) (2) (3)…". */
export function isColumnNumberRow(cells: string[]): boolean {
  const nums = cells
    .map((c) => c.trim())
    .filter((c) => c !== "")
    .map((c) => /^\(?(\d{1,2})\)?$/.exec(c));
  if (nums.length < 3 || nums.some((m) => !m)) return false;
  const values = nums.map((m) => Number(m![1]));
  // Consecutive: each number is the first plus its place.
  return values.every((v, i) => v - i === values[0]);
}
