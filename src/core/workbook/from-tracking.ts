/**
 * The tracking workbook rebuilt from tracked data: TrackingWorkbook (read back from a workbook
 * by core/tracking/read-tracking.ts) → the same WorkbookSpec an import builds, with every value
 * the officers typed put back where it was read from: statuses and texts as typed, dates as real
 * dates (text that was typed stays text: fixing it is apply-fixes' job, not a rebuild's),
 * progress as a number when it was one, extra plan columns, a deadline typed over the formula,
 * the directory and the history lines. The round-trip property (tested):
 *   readTracking(write(trackingWorkbookSpec(wb))) equals wb (rows re-laid in canonical columns).
 */
import type { Group, Plan } from "../model";
import type { CellValue, SheetSpec } from "../spec/sheet-spec";
import type { TrackingRow, TrackingWorkbook } from "./tracking-model";
import { KIND_LABELS } from "./columns";
import { DEFAULT_DUE_SOON_DAYS } from "./info-sheet";
import type { TaskRow, TrackedCells } from "./task-rows";
import { assembleTrackingWorkbook } from "./tracking-workbook";
import { isIsoDate, utcIso } from "../text/dates";

export interface FromTrackingOptions {
  reportYear: number;
  /** ISO report date. */
  reportDate: string;
  /** Defaults to the workbook's own value. */
  dueSoonDays?: number;
  /** ISO date written in the meta sheet; defaults to reportDate (core reads no clock). */
  generatedOn?: string;
  /** The plan's source file ("Tệp nguồn" on Thông tin); read-tracking does not keep it. */
  planSource?: string;
  /** Sheets to append after the standard ones (officer sheets kept, "Nhật ký sửa"). */
  extraSheets?: SheetSpec[];
}

const text = (s: string): CellValue => (s === "" ? null : s);

/** A date column: the real date when there was one, else the text that was typed. */
function dateCell(iso: string | null, typed: string): CellValue {
  if (iso && isIsoDate(iso)) return { date: iso };
  return text(typed);
}

/** Progress: a number typed as a number comes back a number; "80%" comes back "80%". */
function progressCell(row: TrackingRow): CellValue {
  const t = row.typed.progress;
  if (t === "") return row.progress ?? null;
  return String(Number(t)) === t ? Number(t) : t;
}

export function trackedCells(row: TrackingRow): TrackedCells {
  return {
    status: text(row.typed.status),
    completedOn: dateCell(row.completedOn, row.typed.completedOn),
    progress: progressCell(row),
    result: text(row.result),
    evidence: text(row.evidence),
    difficulties: text(row.difficulties),
    proposals: text(row.proposals),
    updatedOn: dateCell(row.updatedOn, row.typed.updatedOn),
    ...(row.deadline && isIsoDate(row.deadline) ? { deadline: { date: row.deadline } } : {}),
  };
}

export function rowFromTracking(row: TrackingRow, extraColumns: string[]): TaskRow {
  return {
    key: row.key,
    stt: row.stt,
    group: row.group,
    groupTitle: row.groupTitle,
    title: row.title,
    kind: KIND_LABELS[row.kind],
    lead: row.lead,
    allLeads: row.allLeads.join("; "),
    partners: row.partners.join("; "),
    // A workbook made before the column existed: its partners are still the plan's names.
    planPartners: (row.planPartners ?? row.partners).join("; "),
    leadText: row.leadText ?? "",
    partnersText: row.partnersText ?? "",
    timeText: row.timeText,
    // The cell as the reader understood it; an unreadable one is rewritten from the years read.
    years: yearsCell(row.years),
    scheduleCode: row.scheduleCode,
    extra: extraColumns.map((h) => row.extra[h] ?? ""),
    tracked: trackedCells(row),
  };
}

/** "2024-2030" for 3+ consecutive years, else "2024; 2026" (as schedule-code.ts yearsText). */
function yearsCell(years: number[] | null): string {
  if (!years || years.length === 0) return "";
  const ys = [...new Set(years)].sort((a, b) => a - b);
  const consecutive = ys.every((y, i) => y - i === ys[0]); // sorted, distinct: the first + i
  return consecutive && ys.length > 2 ? `${ys[0]}-${ys[ys.length - 1]}` : ys.join("; ");
}

/** Groups in order of first use, titled by the first row that names them. */
function groupsOf(rows: TrackingRow[]): Group[] {
  const seen = new Map<string, Group>();
  rows.forEach((r, i) => {
    if (r.group !== "" && !seen.has(r.group))
      seen.set(r.group, { stt: r.group, title: r.groupTitle, sourceRow: i + 1 });
  });
  return [...seen.values()];
}

function planOf(p: TrackingWorkbook["plan"]): Plan {
  return {
    number: p.number ?? "",
    issuedOn: p.issuedOn ?? null,
    issuer: p.issuer ?? "",
    province: p.province ?? "",
    title: p.title ?? "",
    appendixTitle: p.appendixTitle ?? "",
    period: p.period ?? null,
    ...(p.signer ? { signer: p.signer } : {}),
    ...(p.headers ? { headers: p.headers } : {}),
  };
}

export function trackingWorkbookSpec(wb: TrackingWorkbook, opts: FromTrackingOptions) {
  return assembleTrackingWorkbook({
    plan: planOf(wb.plan),
    source: opts.planSource ?? "",
    extraColumns: wb.extraColumns,
    rows: wb.rows.map((r) => rowFromTracking(r, wb.extraColumns)),
    groups: groupsOf(wb.rows),
    directory: wb.agencies,
    history: wb.history,
    reportYear: opts.reportYear,
    reportDate: opts.reportDate,
    dueSoonDays: opts.dueSoonDays ?? wb.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS,
    generatedOn: opts.generatedOn ?? opts.reportDate,
    extraSheets: opts.extraSheets,
  });
}

/** The raw cells a TrackingCells sheet holds (adapters give CellData { value, formula? } or values). */
type Cells = {
  sheets: { name: string; state?: string; rows?: unknown[][]; cells?: unknown[][] }[];
};

function rawValue(raw: unknown): unknown {
  if (raw !== null && typeof raw === "object" && !(raw instanceof Date) && "value" in raw)
    return (raw as { value: unknown }).value;
  return raw;
}

/** "Tệp nguồn" on "Thông tin", which read-tracking does not keep. */
export function planSourceFromCells(cells: Cells, infoSheet = "Thông tin"): string | undefined {
  const s = cells.sheets.find((x) => x.name === infoSheet);
  const grid = s ? (s.rows ?? s.cells ?? []) : [];
  const line = grid.find((r) => String(rawValue(r?.[0]) ?? "").trim() === "Tệp nguồn");
  const v = line ? rawValue(line[1]) : undefined;
  return typeof v === "string" ? v : undefined;
}

/**
 * Sheets the officers added (or any sheet not rebuilt), kept with their values and formulas
 * so a rebuild loses nothing typed (formatting is not kept). `known` are the rebuilt names.
 */
export function keptSheetsFromCells(cells: Cells, known: string[]): SheetSpec[] {
  const rebuilt = new Set(known.map((n) => n.toLowerCase()));
  return cells.sheets
    .filter((s) => !rebuilt.has(s.name.toLowerCase()))
    .map((s): SheetSpec => {
      const grid = s.rows ?? s.cells ?? [];
      const values = grid.map((row) =>
        Array.from(row ?? [], (raw): CellValue => {
          if (raw !== null && typeof raw === "object" && !(raw instanceof Date)) {
            const o = raw as { value?: unknown; formula?: string };
            if (o.formula) return { formula: o.formula };
            raw = o.value;
          }
          if (raw instanceof Date) {
            const iso = utcIso(raw);
            return iso === null ? null : { date: iso };
          }
          if (typeof raw === "string" || typeof raw === "number" || typeof raw === "boolean")
            return raw;
          return null;
        })
      );
      return {
        name: s.name,
        visibility:
          s.state === "hidden" || s.state === "veryHidden" ? s.state : ("visible" as const),
        columns: [],
        blocks: values.length > 0 ? [{ address: "A1", values }] : [],
        styles: [],
        merges: [],
        tables: [],
        validations: [],
        conditionalFormats: [],
      };
    });
}
