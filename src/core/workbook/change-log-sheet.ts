/**
 * The sheet "Nhật ký sửa": every change applied by `phuluc fix` / roll-over (and the pane's file
 * mode), oldest first, as texts so whatever was typed before is kept verbatim.
 */
import { DATE_FORMAT } from "../spec/cell-values";
import type { CellValue, SheetSpec } from "../spec/sheet-spec";
import { columnLetter } from "../spec/a1";
import { fullStyle } from "./sheet-style";
import { BODY_STYLE, HEADER_STYLE } from "./styles";
import { isIsoDate } from "../text/dates";

export const CHANGE_LOG_SHEET = "Nhật ký sửa";
const CHANGE_LOG_HEADERS = [
  "Lần sửa",
  "Ngày sửa",
  "Trang",
  "Ô",
  "Dòng",
  "Cột",
  "Giá trị trước",
  "Giá trị sau",
  "Lý do",
] as const;

/** One line of "Nhật ký sửa": texts, so whatever was typed before is kept verbatim. */
export interface ChangeLogEntry {
  batch: string;
  /** ISO date. */
  date: string;
  sheet: string;
  address: string;
  row: number;
  column: string;
  before: string;
  after: string;
  reason: string;
}

/** One line of the sheet, in the order of CHANGE_LOG_HEADERS (appended as is to a log). */
export function changeLogRow(e: ChangeLogEntry): CellValue[] {
  return [
    e.batch,
    isIsoDate(e.date) ? { date: e.date } : e.date,
    e.sheet,
    e.address,
    e.row,
    e.column,
    e.before || null,
    e.after || null,
    e.reason,
  ];
}

/** "Nhật ký sửa": every change ever applied by `phuluc fix` / rollover, oldest first. */
export function changeLogSheet(entries: ChangeLogEntry[]): SheetSpec {
  const last = columnLetter(CHANGE_LOG_HEADERS.length);
  const body: CellValue[][] = entries.map(changeLogRow);
  const lastRow = 1 + Math.max(body.length, 1);
  return {
    name: CHANGE_LOG_SHEET,
    visibility: "visible",
    columns: [
      { width: 20 },
      { width: 12 },
      { width: 14 },
      { width: 8 },
      { width: 7 },
      { width: 22 },
      { width: 30 },
      { width: 30 },
      { width: 60 },
    ],
    blocks: [{ address: "A1", values: [[...CHANGE_LOG_HEADERS], ...body] }],
    styles: [
      { range: `A1:${last}1`, style: fullStyle(HEADER_STYLE) },
      { range: `A2:${last}${lastRow}`, style: fullStyle(BODY_STYLE) },
      {
        range: `B2:B${lastRow}`,
        style: fullStyle(BODY_STYLE, { numberFormat: DATE_FORMAT, horizontal: "center" }),
      },
    ],
    merges: [],
    tables: [],
    validations: [],
    conditionalFormats: [],
    freeze: { rows: 1, columns: 0 },
  };
}
