/**
 * Sanity checks on a WorkbookSpec before any renderer touches a file or the open workbook.
 * Each rule here guards against a file Excel would "repair" (and silently drop parts of)
 * or a batch Office.js would reject half-way, so both renderers call assertValidSpec first.
 */
import {
  blockRange,
  parseCell,
  parseColumnSpan,
  parseRange,
  parseRowSpan,
  rangesOverlap,
  type RangeRef,
} from "./a1";
import { isDate } from "./cell-values";
import type { CellValue, SheetSpec, WorkbookSpec } from "./sheet-spec";
import { isoToUtcDate } from "../text/dates";

export interface SpecProblem {
  sheet?: string;
  message: string;
}

class SpecError extends Error {
  readonly code = "INVALID_SPEC";
  constructor(readonly problems: SpecProblem[]) {
    super(
      `Mô tả bảng tính không hợp lệ:\n${problems.map((p) => `- ${p.sheet ? `[${p.sheet}] ` : ""}${p.message}`).join("\n")}`
    );
    this.name = "SpecError";
  }
}

const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/;
/** Excel table names: start with a letter/underscore, then letters, digits, _ or . (ASCII to be safe). */
const TABLE_NAME = /^[A-Za-z_][A-Za-z0-9_.]{0,254}$/;
/** Defined names may use Vietnamese letters ("Năm_báo_cáo"). */
const DEFINED_NAME = /^[\p{L}_\\][\p{L}\p{N}_.]{0,254}$/u;
/** Names that look like a cell (A1, R1C1) are rejected by Excel. */
const LOOKS_LIKE_CELL = /^([A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*|[RrCc])$/;
/** Excel's limit for an inline list ("a,b,c") in a data validation. */
const LIST_LIMIT = 255;

export function checkSpec(spec: WorkbookSpec): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const seenSheets = new Set<string>();
  const seenTables = new Set<string>();
  if (spec.sheets.length === 0) problems.push({ message: "Không có trang tính nào." });
  if (spec.sheets.length > 0 && !spec.sheets.some((s) => s.visibility === "visible")) {
    problems.push({ message: "Cần ít nhất một trang tính hiển thị." });
  }
  for (const sheet of spec.sheets) {
    const key = sheet.name.toLowerCase();
    if (seenSheets.has(key))
      problems.push({ sheet: sheet.name, message: "Tên trang tính bị trùng." });
    seenSheets.add(key);
    problems.push(...checkSheetName(sheet.name).map((message) => ({ sheet: sheet.name, message })));
    problems.push(
      ...checkSheet(sheet, seenTables).map((message) => ({ sheet: sheet.name, message }))
    );
  }
  const seenNames = new Set<string>();
  for (const n of spec.names ?? []) {
    if (!DEFINED_NAME.test(n.name) || LOOKS_LIKE_CELL.test(n.name))
      problems.push({ message: `Tên "${n.name}" không hợp lệ.` });
    if (seenNames.has(n.name.toLowerCase()))
      problems.push({ message: `Tên "${n.name}" bị trùng.` });
    seenNames.add(n.name.toLowerCase());
    if (!n.refersTo.trim()) problems.push({ message: `Tên "${n.name}" không trỏ tới đâu.` });
  }
  return problems;
}

export function assertValidSpec(spec: WorkbookSpec): void {
  const problems = checkSpec(spec);
  if (problems.length > 0) throw new SpecError(problems);
}

function checkSheetName(name: string): string[] {
  const out: string[] = [];
  if (name.length === 0 || name.length > 31)
    out.push(`Tên trang tính "${name}" phải dài 1–31 ký tự.`);
  if (SHEET_NAME_FORBIDDEN.test(name))
    out.push(`Tên trang tính "${name}" chứa ký tự không được phép ([ ] : * ? / \\).`);
  if (name.startsWith("'") || name.endsWith("'"))
    out.push(`Tên trang tính "${name}" không được bắt đầu/kết thúc bằng dấu '.`);
  if (name.toLowerCase() === "history") out.push(`Tên trang tính "History" được Excel dành riêng.`);
  return out;
}

function checkSheet(sheet: SheetSpec, seenTables: Set<string>): string[] {
  const out: string[] = [];
  const range = (address: string, what: string): RangeRef | null => {
    try {
      return parseRange(address);
    } catch {
      out.push(`${what}: địa chỉ "${address}" không hợp lệ.`);
      return null;
    }
  };
  // Every date checked; no per-cell map (a 100,000-row sheet is checked in one pass).
  for (const block of sheet.blocks) {
    try {
      parseCell(block.address);
      for (const r of block.values)
        for (const v of r)
          if (isDate(v)) {
            try {
              isoToUtcDate(v.date);
            } catch (e) {
              out.push((e as Error).message);
            }
          }
      blockRange(block.address, block.values);
    } catch {
      out.push(`Khối giá trị: địa chỉ "${block.address}" không hợp lệ.`);
    }
  }
  /** The value a cell gets from the blocks (the last block writing it wins). */
  const valueAt = (row: number, col: number): CellValue | undefined => {
    let found: CellValue | undefined;
    for (const block of sheet.blocks) {
      let at;
      try {
        at = parseCell(block.address);
      } catch {
        continue;
      }
      const v = block.values[row - at.row]?.[col - at.col];
      if (v !== undefined) found = v;
    }
    return found;
  };
  for (const s of sheet.styles) range(s.range, "Định dạng");
  const merges = sheet.merges
    .map((m) => range(m, "Gộp ô"))
    .filter((r): r is RangeRef => r !== null);
  merges.forEach((a, i) =>
    merges.slice(i + 1).forEach((b) => {
      if (rangesOverlap(a, b)) out.push(`Hai vùng gộp ô chồng nhau (${sheet.merges[i]}).`);
    })
  );
  const tableRanges: RangeRef[] = [];
  for (const t of sheet.tables) {
    if (!TABLE_NAME.test(t.name) || LOOKS_LIKE_CELL.test(t.name))
      out.push(`Tên bảng "${t.name}" không hợp lệ (chỉ chữ không dấu, số, _).`);
    if (seenTables.has(t.name.toLowerCase())) out.push(`Tên bảng "${t.name}" bị trùng.`);
    seenTables.add(t.name.toLowerCase());
    const r = range(t.range, `Bảng ${t.name}`);
    if (!r) continue;
    if (r.bottom - r.top < 1)
      out.push(`Bảng ${t.name} cần ít nhất một dòng dữ liệu dưới dòng tiêu đề.`);
    if (t.columns.length !== r.right - r.left + 1)
      out.push(`Bảng ${t.name}: số cột (${t.columns.length}) khác độ rộng vùng ${t.range}.`);
    const lower = t.columns.map((c) => c.trim().toLowerCase());
    if (lower.some((c) => c === "")) out.push(`Bảng ${t.name}: tên cột không được để trống.`);
    if (new Set(lower).size !== lower.length) out.push(`Bảng ${t.name}: tên cột bị trùng.`);
    t.columns.forEach((c, j) => {
      const v = valueAt(r.top, r.left + j);
      if (v !== undefined && v !== c)
        out.push(`Bảng ${t.name}: tiêu đề cột ${j + 1} ("${String(v)}") khác "${c}".`);
    });
    for (const m of merges) if (rangesOverlap(m, r)) out.push(`Bảng ${t.name} chứa ô gộp.`);
    for (const other of tableRanges)
      if (rangesOverlap(other, r)) out.push(`Bảng ${t.name} chồng lên bảng khác.`);
    tableRanges.push(r);
  }
  for (const v of sheet.validations) {
    range(v.range, "Kiểm tra dữ liệu");
    if (v.kind === "list") {
      if (!v.items === !v.source)
        out.push(`Danh sách ở ${v.range}: cần đúng một trong items hoặc source.`);
      if (v.items) {
        if (v.items.some((i) => i.includes(",") || i.includes('"')))
          out.push(`Danh sách ở ${v.range}: mục không được chứa dấu phẩy hoặc ngoặc kép.`);
        if (v.items.join(",").length > LIST_LIMIT)
          out.push(
            `Danh sách ở ${v.range} dài quá ${LIST_LIMIT} ký tự; hãy dùng source trỏ tới một vùng.`
          );
      }
    } else if (v.min > v.max) {
      out.push(`Kiểm tra dữ liệu ở ${v.range}: min lớn hơn max.`);
    }
  }
  for (const cf of sheet.conditionalFormats) range(cf.range, "Định dạng có điều kiện");
  if (sheet.pageLayout?.printTitleRows) {
    try {
      parseRowSpan(sheet.pageLayout.printTitleRows);
    } catch (e) {
      out.push((e as Error).message);
    }
  }
  if (sheet.pageLayout?.printTitleColumns) {
    try {
      parseColumnSpan(sheet.pageLayout.printTitleColumns);
    } catch (e) {
      out.push((e as Error).message);
    }
  }
  const wide = sheet.pageLayout?.fitToPagesWide;
  if (wide !== undefined && (!Number.isInteger(wide) || wide < 1 || wide > 100))
    out.push(`In vừa ${wide} trang chiều ngang: cần số nguyên từ 1 đến 100.`);
  for (const [row, height] of Object.entries(sheet.rowHeights ?? {})) {
    if (!/^[1-9]\d*$/.test(row) || !(height >= 0 && height <= 409))
      out.push(`Chiều cao dòng ${row} (${height}) phải từ 0 đến 409 điểm.`);
  }
  (sheet.rowBreaks ?? []).forEach((row, i, all) => {
    const before = i > 0 ? all[i - 1] : undefined;
    if (
      !Number.isInteger(row) ||
      row < 2 ||
      row > 1048576 ||
      (before !== undefined && row <= before)
    )
      out.push(`Ngắt trang trước dòng ${row}: cần số dòng từ 2, tăng dần.`);
  });
  if (sheet.freeze && (sheet.freeze.rows < 0 || sheet.freeze.columns < 0))
    out.push("Cố định dòng/cột phải ≥ 0.");
  return out;
}
