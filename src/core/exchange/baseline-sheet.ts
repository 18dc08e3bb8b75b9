/**
 * The master's tracked values as the last consolidation left them, kept in a hidden sheet as
 * fingerprints (tracked-values.ts), one line per (year, task, lead). The next consolidation
 * tells from it what the coordinator typed since: such a cell is never overwritten silently by
 * a returned file (a conflict, chosen by the officer).
 */
import type { CellValue, SheetSpec } from "../spec/sheet-spec";
import { foldVietnamese } from "../text/fold";
import { cellText } from "../tracking/raw-cell";
import type { TrackingCells } from "../tracking/read-tracking";
import { SHEETS, TRACKED_COLUMNS } from "../workbook/columns";
import type { TrackedPrints } from "./tracked-values";

export interface BaselineRow {
  year: number;
  key: string;
  /** "Đơn vị chủ trì" as the row writes it. */
  lead: string;
  /** "2026-11-25 14:03": when the consolidation that left these values ran. */
  at: string;
  prints: TrackedPrints;
}

const HEAD = ["year", "key", "lead", "at", ...TRACKED_COLUMNS] as const;

export function baselineSheet(rows: BaselineRow[]): SheetSpec {
  const values: CellValue[][] = [
    [...HEAD],
    ...rows.map((r) => [
      r.year,
      r.key,
      r.lead,
      r.at,
      ...TRACKED_COLUMNS.map((c) => r.prints[c] || null),
    ]),
  ];
  return {
    name: SHEETS.baseline,
    visibility: "hidden",
    columns: HEAD.map(() => ({ width: 12 })),
    blocks: [{ address: "A1", values }],
    styles: [],
    merges: [],
    tables: [],
    validations: [],
    conditionalFormats: [],
  };
}

export function readBaseline(cells: TrackingCells): BaselineRow[] {
  const sheet = cells.sheets.find(
    (s) => foldVietnamese(s.name) === foldVietnamese(SHEETS.baseline)
  );
  const grid = sheet?.rows ?? sheet?.cells ?? [];
  const head = Array.from(grid[0] ?? [], cellText);
  const at = (name: string) => head.indexOf(name);
  if (at("key") < 0 || at("year") < 0) return [];
  const out: BaselineRow[] = [];
  for (const r of grid.slice(1)) {
    const get = (name: string) => (at(name) < 0 ? "" : cellText(r?.[at(name)]));
    const year = Number(get("year"));
    if (!get("key") || !Number.isInteger(year)) continue;
    out.push({
      year,
      key: get("key"),
      lead: get("lead"),
      at: get("at"),
      prints: Object.fromEntries(TRACKED_COLUMNS.map((c) => [c, get(c)])) as TrackedPrints,
    });
  }
  return out;
}
