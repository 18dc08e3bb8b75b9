/**
 * Statuses an agency wrote in its own words, said once per file, sheet and wording with the
 * rows ("đơn vị ghi "Xong" (dòng 6–22), hiểu là "Hoàn thành""): one line per row buried the
 * notes that need the officer among dozens that do not.
 */
import { capitalized, placeText } from "../finding-place";
import { TASK_COLUMNS } from "../workbook/columns";

export interface StatusWording {
  file: string;
  sheet: string;
  row: number;
  wrote: string;
  value: string;
  typo: boolean;
}

export function wordingNotes(items: readonly StatusWording[]): string[] {
  const groups = new Map<string, { first: StatusWording; rows: number[] }>();
  for (const w of items) {
    const id = [w.file, w.sheet, w.wrote, w.value].join("\u0000");
    const g = groups.get(id);
    if (g) g.rows.push(w.row);
    else groups.set(id, { first: w, rows: [w.row] });
  }
  return [...groups.values()].map(({ first: w, rows }) => {
    const place = capitalized(placeText({ file: w.file, sheet: w.sheet }, { file: true }));
    return `${place}, cột "${TASK_COLUMNS.status}": đơn vị ghi "${w.wrote}" (${rowList(rows)}), hiểu là "${w.value}"${w.typo ? " (sửa lỗi gõ)" : ""}.`;
  });
}

/** [6, 7, 8, 12] → "dòng 6–8, 12". */
function rowList(rows: number[]): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    runs.push(j > i ? `${sorted[i]}–${sorted[j]}` : `${sorted[i]}`);
    i = j + 1;
  }
  return `dòng ${runs.join(", ")}`;
}
