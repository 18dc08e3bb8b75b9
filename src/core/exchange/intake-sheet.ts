/**
 * "Tiếp nhận" (table TiepNhan): one line per agency expected to report, per consolidation of a
 * year (columns.ts INTAKE_COLUMNS, the contract with the reports). Re-running a year replaces
 * that year's lines; other years stay. "Phối hợp báo cáo" (table PhoiHopBaoCao) keeps what
 * partner agencies reported they contributed, replaced per (year, task, agency).
 */
import type { CellValue, SheetSpec } from "../spec/sheet-spec";
import { DATE_FORMAT } from "../spec/cell-values";
import { columnLetter } from "../spec/a1";
import { foldVietnamese } from "../text/fold";
import type { TrackingCells } from "../tracking/read-tracking";
import { cellText } from "../tracking/raw-cell";
import { normalizeDate } from "../tracking/normalize-input";
import {
  CONTRIBUTION_COLUMNS,
  INTAKE_COLUMNS,
  INTAKE_OUTCOMES,
  SHEETS,
  TABLES,
} from "../workbook/columns";
import { fullStyle } from "../workbook/sheet-style";
import { BODY_STYLE, HEADER_STYLE } from "../workbook/styles";

export type IntakeOutcome = (typeof INTAKE_OUTCOMES)[keyof typeof INTAKE_OUTCOMES];

export interface IntakeRow {
  year: number;
  agency: string;
  file: string;
  /** ISO or null. */
  reportDate: string | null;
  matchedRows: number;
  outcome: IntakeOutcome;
  /** "2026-11-25 14:03" (local time of the consolidation). */
  consolidatedAt: string;
  /** What the agency wrote outside its task rows, line by line with where ("" when nothing). */
  outside: string;
}

export interface ContributionRow {
  year: number;
  key: string;
  title: string;
  lead: string;
  agency: string;
  contribution: string;
  evidence: string;
  file: string;
}

type Sheet = TrackingCells["sheets"][number];
const gridOf = (s: Sheet | undefined): unknown[][] => (s ? (s.rows ?? s.cells ?? []) : []);

function records(cells: TrackingCells, sheet: string, headers: Record<string, string>) {
  const s = cells.sheets.find((x) => foldVietnamese(x.name) === foldVietnamese(sheet));
  const grid = gridOf(s);
  const head = Array.from(grid[0] ?? [], (h) => foldVietnamese(cellText(h)));
  const col = Object.fromEntries(
    Object.entries(headers).map(([id, h]) => [id, head.indexOf(foldVietnamese(h))])
  );
  return grid
    .slice(1)
    .filter((r) => r?.some((c) => cellText(c) !== ""))
    .map((r) => (id: string) => {
      const at = col[id];
      return at !== undefined && at >= 0 ? r[at] : null;
    });
}

export function readIntake(cells: TrackingCells): IntakeRow[] {
  return records(cells, SHEETS.intake, INTAKE_COLUMNS).map((get) => ({
    year: Number(cellText(get("year"))) || 0,
    agency: cellText(get("agency")),
    file: cellText(get("file")),
    reportDate: normalizeDate(get("reportDate")).value,
    matchedRows: Number(cellText(get("matchedRows"))) || 0,
    outcome: (Object.values(INTAKE_OUTCOMES).find((o) => o === cellText(get("outcome"))) ??
      INTAKE_OUTCOMES.missing) as IntakeOutcome,
    consolidatedAt: cellText(get("consolidatedAt")),
    outside: cellText(get("outside")),
  }));
}

export function readContributions(cells: TrackingCells): ContributionRow[] {
  return records(cells, SHEETS.contributions, CONTRIBUTION_COLUMNS).map((get) => ({
    year: Number(cellText(get("year"))) || 0,
    key: cellText(get("key")),
    title: cellText(get("title")),
    lead: cellText(get("lead")),
    agency: cellText(get("agency")),
    contribution: cellText(get("contribution")),
    evidence: cellText(get("evidence")),
    file: cellText(get("file")),
  }));
}

function tableSheet(
  name: string,
  table: string,
  headers: string[],
  widths: number[],
  body: CellValue[][],
  dateColumns: number[]
): SheetSpec {
  const last = columnLetter(headers.length);
  const lastRow = 1 + Math.max(body.length, 1);
  const rows = body.length ? body : [headers.map(() => null)];
  return {
    name,
    visibility: "visible",
    columns: widths.map((width) => ({ width })),
    blocks: [{ address: "A1", values: [headers, ...rows] }],
    styles: [
      { range: `A1:${last}1`, style: fullStyle(HEADER_STYLE) },
      { range: `A2:${last}${lastRow}`, style: fullStyle(BODY_STYLE) },
      ...dateColumns.map((c) => ({
        range: `${columnLetter(c)}2:${columnLetter(c)}${lastRow}`,
        style: fullStyle(BODY_STYLE, { numberFormat: DATE_FORMAT, horizontal: "center" as const }),
      })),
    ],
    merges: [],
    tables: [{ name: table, range: `A1:${last}${lastRow}`, columns: headers }],
    validations: [],
    conditionalFormats: [],
    freeze: { rows: 1, columns: 0 },
  };
}

export function intakeSheet(rows: IntakeRow[]): SheetSpec {
  const sorted = [...rows].sort(
    (a, b) => a.year - b.year || a.agency.localeCompare(b.agency, "vi")
  );
  return tableSheet(
    SHEETS.intake,
    TABLES.intake,
    Object.values(INTAKE_COLUMNS),
    [12, 40, 44, 13, 12, 13, 18, 80],
    sorted.map((r) => [
      r.year,
      r.agency,
      r.file || null,
      r.reportDate ? { date: r.reportDate } : null,
      r.matchedRows,
      r.outcome,
      r.consolidatedAt,
      r.outside || null,
    ]),
    [4]
  );
}

export function contributionsSheet(rows: ContributionRow[]): SheetSpec {
  return tableSheet(
    SHEETS.contributions,
    TABLES.contributions,
    Object.values(CONTRIBUTION_COLUMNS),
    [12, 12, 50, 24, 28, 50, 28, 36],
    rows.map((r) => [
      r.year,
      r.key,
      r.title,
      r.lead,
      r.agency,
      r.contribution,
      r.evidence || null,
      r.file,
    ]),
    []
  );
}
