/**
 * "Lịch sử": where a year roll-over archives each row's tracked values before the task sheet
 * is reset for the next year. Empty at first (one blank row: a table needs a data row).
 */
import type { CellValue, SheetSpec } from "../spec/sheet-spec";
import { HISTORY_COLUMNS, TRACKED_COLUMNS } from "../tracking/tracking-model";
import { SHEETS, TABLES, TASK_COLUMNS } from "./columns";
import { fullStyle } from "./sheet-style";
import { BODY_STYLE, HEADER_STYLE } from "./styles";
import { columnLetter } from "../spec/a1";

/** Year, task, lead (and the plan's name for it), the tracked columns, then the status derived then. */
export const HISTORY_HEADERS: string[] = [
  HISTORY_COLUMNS.year,
  HISTORY_COLUMNS.key,
  HISTORY_COLUMNS.lead,
  HISTORY_COLUMNS.written,
  ...TRACKED_COLUMNS.map((id) => TASK_COLUMNS[id]),
  HISTORY_COLUMNS.derived,
];

export function historySheet(): SheetSpec {
  const last = columnLetter(HISTORY_HEADERS.length);
  const widths: Record<string, number> = {
    [TASK_COLUMNS.result]: 40,
    [HISTORY_COLUMNS.lead]: 28,
    [HISTORY_COLUMNS.written]: 28,
  };
  return {
    name: SHEETS.history,
    visibility: "visible",
    columns: HISTORY_HEADERS.map((h) => ({ width: widths[h] ?? 16 })),
    blocks: [
      { address: "A1", values: [HISTORY_HEADERS, HISTORY_HEADERS.map((): CellValue => null)] },
    ],
    styles: [
      { range: `A1:${last}1`, style: fullStyle(HEADER_STYLE) },
      { range: `A2:${last}2`, style: fullStyle(BODY_STYLE) },
    ],
    merges: [],
    tables: [
      {
        name: TABLES.history,
        range: `A1:${last}2`,
        columns: HISTORY_HEADERS,
        style: "TableStyleLight1",
        showRowStripes: true,
      },
    ],
    validations: [],
    conditionalFormats: [],
    freeze: { rows: 1, columns: 0 },
  };
}
