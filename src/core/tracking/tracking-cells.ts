/**
 * The neutral input of the tracking readers: sheets as grids of raw cells (row-major, 0-based)
 * as src/xlsx readWorkbookCells or Office.js values give them, plus the defined names; and the
 * small cell helpers every sheet reader shares.
 */
import { foldVietnamese } from "../text/fold";
import { normalizeDate } from "./normalize-input";
import { cellText, cellValue } from "./raw-cell";
import { serialToIso, utcIso } from "../text/dates";

export interface TrackingCells {
  sheets: TrackingSheetCells[];
  names?: { name: string; refersTo: string }[];
  /** When the file was last saved, as written in it (ISO), where the reader gives it. */
  savedAt?: string;
}

export interface TrackingSheetCells {
  name: string;
  state?: string;
  rows?: unknown[][];
  cells?: unknown[][];
  /** Merged ranges ("J6:J8"), where the reader gives them (the .xlsx values reader does). */
  merges?: string[];
}

export type Grid = unknown[][];

export const gridOf = (s: TrackingSheetCells): Grid => s.rows ?? s.cells ?? [];

/** Sheet names and headers compare without case and diacritics, as officers retype them. */
export const sameText = (a: string, b: string) => foldVietnamese(a) === foldVietnamese(b);

/** A list cell: the builder joins with "; "; officers may break lines. Commas stay (names hold them). */
export const splitList = (s: string) =>
  s
    .split(/\s*[;\n]\s*/)
    .map((x) => x.trim())
    .filter(Boolean);

/** A real date in the cell (number or Date) as ISO; text is not a date to the sheet. */
export function realDate(raw: unknown): string | null {
  const v = cellValue(raw);
  if (v instanceof Date) return utcIso(v);
  return typeof v === "number" && Number.isFinite(v) ? serialToIso(v) : null;
}

/** A date cell as ISO: a real date, else text an officer typed (dd/mm/yyyy…), else null. */
export const dateOf = (raw: unknown): string | null => realDate(raw) ?? normalizeDate(raw).value;

/** Rows of a sheet whose first row is a header, as folded header → raw value. */
export function records(s: TrackingSheetCells | undefined): Map<string, unknown>[] {
  const grid = s ? gridOf(s) : [];
  const headers = Array.from(grid[0] ?? [], (h) => foldVietnamese(cellText(h)));
  return grid
    .slice(1)
    .filter((r) => r?.some((c) => cellText(c) !== ""))
    .map((r) => new Map(headers.map((h, i) => [h, r[i]] as [string, unknown]).reverse()));
}
