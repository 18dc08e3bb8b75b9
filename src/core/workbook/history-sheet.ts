/**
 * "Lịch sử": where a year roll-over archives each row's tracked values before the task sheet
 * is reset for the next year. Empty at first (one blank row: a table needs a data row); a
 * workbook rebuilt from tracked data (from-tracking.ts) carries its history lines over.
 */
import type { CellValue, SheetSpec, StyledRange } from "../spec/sheet-spec";
import {
  HISTORY_COLUMNS,
  TRACKED_COLUMNS,
  type HistoryRow,
  type TrackedColumnId,
} from "./tracking-model";
import { SHEETS, TABLES, TASK_COLUMNS } from "./columns";
import { fullStyle } from "./sheet-style";
import { readableSheet } from "./print-width";
import { BODY_STYLE, DATE_STYLE, HEADER_STYLE, printLayout } from "./styles";
import { columnLetter } from "../spec/a1";
import { isIsoDate } from "../text/dates";

/** Year, task, lead (and the plan's name for it), the tracked columns, then the status derived then. */
const HISTORY_HEADERS: string[] = [
  HISTORY_COLUMNS.year,
  HISTORY_COLUMNS.key,
  HISTORY_COLUMNS.lead,
  HISTORY_COLUMNS.written,
  ...TRACKED_COLUMNS.map((id) => TASK_COLUMNS[id]),
  HISTORY_COLUMNS.derived,
];

const DATE_IDS: TrackedColumnId[] = ["completedOn", "updatedOn"];

/**
 * A history value as a cell: ISO dates as real dates, progress in canonical number form as a
 * number, everything else as the text it was (read-tracking reads each back to the same text).
 */
export function historyValue(id: TrackedColumnId | "derived", text: string | undefined): CellValue {
  if (text === undefined || text === "") return null;
  if (DATE_IDS.includes(id as TrackedColumnId) && isIsoDate(text)) return { date: text };
  if (id === "progress" && String(Number(text)) === text) return Number(text);
  return text;
}

function historyLine(h: HistoryRow): CellValue[] {
  return HISTORY_HEADERS.map((header): CellValue => {
    if (header === HISTORY_COLUMNS.year) return h.year;
    if (header === HISTORY_COLUMNS.key) return h.key;
    if (header === HISTORY_COLUMNS.lead) return h.lead;
    if (header === HISTORY_COLUMNS.written) return h.written || null;
    if (header === HISTORY_COLUMNS.derived) return historyValue("derived", h.values.derived);
    const id = TRACKED_COLUMNS.find((c) => TASK_COLUMNS[c] === header)!;
    return historyValue(id, h.values[id]);
  });
}

export function historySheet(history: HistoryRow[] = []): SheetSpec {
  const last = columnLetter(HISTORY_HEADERS.length);
  const body =
    history.length > 0 ? history.map(historyLine) : [HISTORY_HEADERS.map((): CellValue => null)];
  const lastRow = 1 + body.length;
  const dateStyles: StyledRange[] =
    history.length > 0
      ? DATE_IDS.map((id) => {
          const col = columnLetter(HISTORY_HEADERS.indexOf(TASK_COLUMNS[id]) + 1);
          return { range: `${col}2:${col}${lastRow}`, style: fullStyle(BODY_STYLE, DATE_STYLE) };
        })
      : [];
  const widths: Record<string, number> = {
    [HISTORY_COLUMNS.year]: 8,
    [TASK_COLUMNS.result]: 40,
    [HISTORY_COLUMNS.lead]: 28,
    [HISTORY_COLUMNS.written]: 28,
  };
  return readableSheet({
    name: SHEETS.history,
    visibility: "visible",
    columns: HISTORY_HEADERS.map((h) => ({ width: widths[h] ?? 16 })),
    blocks: [{ address: "A1", values: [HISTORY_HEADERS, ...body] }],
    styles: [
      { range: `A1:${last}1`, style: fullStyle(HEADER_STYLE) },
      { range: `A2:${last}${lastRow}`, style: fullStyle(BODY_STYLE) },
      ...dateStyles,
    ],
    merges: [],
    tables: [
      {
        name: TABLES.history,
        range: `A1:${last}${lastRow}`,
        columns: HISTORY_HEADERS,
        style: "TableStyleLight1",
        showRowStripes: true,
      },
    ],
    validations: [],
    conditionalFormats: [],
    freeze: { rows: 1, columns: 0 },
    pageLayout: printLayout("1:1", "A:B"),
  });
}
