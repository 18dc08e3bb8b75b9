/**
 * Where the workbook's inputs are: Năm báo cáo, Ngày báo cáo, Số ngày sắp đến hạn. The ONE
 * resolver for whoever reads them (read-info-sheet) and whoever writes them (the roll-over in
 * the open workbook), so a value is always written back to the cell it was read from.
 *  1. the defined name (NamBaoCao…) when it points at one cell of an existing sheet: Excel moves
 *     it with the cell when an officer inserts or deletes rows;
 *  2. else the row of "Thông tin" whose label (column A) starts with the input's label, value in
 *     column B: the name may be gone (deleted, #REF!, dropped by another program).
 * Nothing else: a fixed address would point at another row once rows have moved.
 */
import { cellAddress, parseCell } from "../spec/a1";
import { foldVietnamese } from "../text/fold";
import { NAMES, SHEETS } from "../workbook/columns";
import type { CellChange, ChangeValue } from "./changes";
import { cellText, cellValue } from "./raw-cell";
import { gridOf, realDate, sameText, type TrackingCells } from "./tracking-cells";
import { formatViDate } from "../text/dates";

export type InputId = "reportYear" | "reportDate" | "dueSoonDays";

/** The label in column A of "Thông tin" (its beginning, compared without diacritics). */
export const INPUT_LABELS: Record<InputId, string> = {
  reportYear: "Năm báo cáo",
  reportDate: "Ngày báo cáo",
  dueSoonDays: "Số ngày",
};

export interface InputCell {
  sheet: string;
  /** "B14". */
  address: string;
  /** 1-based. */
  row: number;
  col: number;
  /** The raw cell as read (null when empty). */
  value: unknown;
  via: "name" | "label";
}

const SINGLE_CELL = /^(?:'((?:[^']|'')+)'|([^!']+))!\$?([A-Z]{1,3})\$?(\d+)$/;

export function inputCell(input: TrackingCells, id: InputId): InputCell | null {
  const byName = (): InputCell | null => {
    const wanted = NAMES[id].toLowerCase(); // Excel names ignore case
    const ref = input.names?.find((n) => n.name.toLowerCase() === wanted)?.refersTo ?? "";
    const m = SINGLE_CELL.exec(ref.trim().replace(/^=/, ""));
    if (!m) return null;
    // One of the two is there: 'quoted name' or plain name.
    const sheetName = m[1]?.replace(/''/g, "'") ?? m[2] ?? "";
    const sheet =
      input.sheets.find((s) => s.name === sheetName) ??
      input.sheets.find((s) => s.name.toLowerCase() === sheetName.toLowerCase());
    if (!sheet) return null;
    const { row, col } = parseCell(`${m[3]}${m[4]}`);
    const value = gridOf(sheet)[row - 1]?.[col - 1] ?? null;
    return { sheet: sheet.name, address: `${m[3]}${m[4]}`, row, col, value, via: "name" };
  };
  const byLabel = (): InputCell | null => {
    const info = input.sheets.find((s) => sameText(s.name, SHEETS.info));
    if (!info) return null;
    const label = foldVietnamese(INPUT_LABELS[id]);
    const grid = gridOf(info);
    const r = Array.from(grid).findIndex((line) =>
      foldVietnamese(cellText(line?.[0])).startsWith(label)
    );
    if (r < 0) return null;
    return {
      sheet: info.name,
      address: cellAddress(r + 1, 2),
      row: r + 1,
      col: 2,
      value: grid[r]?.[1] ?? null,
      via: "label",
    };
  };
  return byName() ?? byLabel();
}

/**
 * The change that keeps `iso` as "Ngày báo cáo" in the workbook (the date an officer set in
 * the pane becomes the next check's, report's and roll-over's default); null when the cell is
 * not found or already holds that date.
 */
export function reportDateChange(input: TrackingCells, iso: string): CellChange | null {
  const cell = inputCell(input, "reportDate");
  if (!cell) return null;
  const now = realDate(cell.value);
  if (now === iso) return null;
  return {
    sheet: cell.sheet,
    row: cell.row,
    column: INPUT_LABELS.reportDate,
    address: cell.address,
    before: now ? { date: now } : ((cellValue(cell.value) as ChangeValue) ?? null),
    after: { date: iso },
    reason: `Giữ ngày báo cáo ${formatViDate(iso)} đã chọn trong ô tác vụ.`,
    code: "REPORT_DATE",
  };
}
