/**
 * Who a distributed agency workbook is for, stored so it survives an officer opening, editing
 * and saving the file in Excel, LibreOffice or WPS: a hidden sheet of plain key/value cells
 * (every program keeps hidden sheets and cell text; custom XML parts and document properties
 * are dropped by some), and the same facts in one visible, locked line ("Mã báo cáo") on the
 * instructions sheet in case the hidden sheet is deleted. Task keys also stay in each row.
 */
import type { CellValue, SheetSpec } from "../spec/sheet-spec";
import { foldVietnamese } from "../text/fold";
import { cellText } from "../tracking/raw-cell";
import { TRACKED_COLUMNS } from "../workbook/columns";
import type { TrackedPrints } from "./tracked-values";

export const REPORT_META_SHEET = "_phuluc_baocao";
const REPORT_KIND = "phuluc-bao-cao-don-vi";
export const REPORT_TEMPLATE_VERSION = 1;
/** Label of the visible identity line on the instructions sheet. */
export const REPORT_CODE_LABEL = "Mã báo cáo";

export interface ReportIdentity {
  templateVersion: number;
  /** "4784/KH-UBND" as the master's Thông tin says it. */
  planNumber: string;
  year: number;
  /** The agency's canonical directory name. */
  agency: string;
  /** ISO date the file was made. */
  generatedOn: string;
  /** ISO date the report is due at the coordinating department, or null. */
  deadline: string | null;
  leadKeys: string[];
  partnerKeys: string[];
  /**
   * What each lead row held when distributed (fingerprints, tracked-values.ts), by task key:
   * the file returned untouched, and what the coordinator typed since, are told from it.
   * Absent in files made before it was kept, and when read from the visible line.
   */
  base?: Record<string, TrackedPrints>;
}

const KEYS = {
  kind: "kind",
  templateVersion: "templateVersion",
  planNumber: "planNumber",
  year: "year",
  agency: "agency",
  generatedOn: "generatedOn",
  deadline: "deadline",
} as const;

/** The hidden identity sheet: key | value from A1; lead keys in column D, partner keys in E. */
export function identitySheet(id: ReportIdentity): SheetSpec {
  const pairs: CellValue[][] = [
    ["key", "value"],
    [KEYS.kind, REPORT_KIND],
    [KEYS.templateVersion, id.templateVersion],
    [KEYS.planNumber, id.planNumber],
    [KEYS.year, id.year],
    [KEYS.agency, id.agency],
    [KEYS.generatedOn, id.generatedOn],
    [KEYS.deadline, id.deadline ?? ""],
  ];
  const keys = (title: string, list: string[]): CellValue[][] => [[title], ...list.map((k) => [k])];
  return {
    name: REPORT_META_SHEET,
    visibility: "hidden",
    columns: [
      { width: 16 },
      { width: 40 },
      { width: 2 },
      { width: 14 },
      { width: 14 },
      { width: 2 },
    ],
    blocks: [
      { address: "A1", values: pairs },
      { address: "D1", values: keys("leadKeys", id.leadKeys) },
      { address: "E1", values: keys("partnerKeys", id.partnerKeys) },
      ...(id.base
        ? [
            {
              address: "G1",
              values: [
                [BASE_KEY, ...TRACKED_COLUMNS],
                ...Object.entries(id.base).map(([k, p]) => [
                  k,
                  ...TRACKED_COLUMNS.map((c) => p[c] || null),
                ]),
              ],
            },
          ]
        : []),
    ],
    styles: [],
    merges: [],
    tables: [],
    validations: [],
    conditionalFormats: [],
  };
}

/** "PL1 | 4784/KH-UBND | 2026 | Sở Y tế": the visible line, readable by a person too. */
export function identityCode(id: Pick<ReportIdentity, "planNumber" | "year" | "agency">): string {
  return `PL${REPORT_TEMPLATE_VERSION} | ${id.planNumber} | ${id.year} | ${id.agency}`;
}

type Sheet = { name: string; state?: string; rows?: unknown[][]; cells?: unknown[][] };
const gridOf = (s: Sheet): unknown[][] => s.rows ?? s.cells ?? [];

/**
 * The identity of a returned workbook: the hidden sheet when present, else the visible code
 * line (then without key lists). Null when the file did not come from `distribute`.
 */
export function readIdentity(sheets: Sheet[]): ReportIdentity | null {
  return readHiddenIdentity(sheets) ?? readVisibleIdentity(sheets);
}

/** The hidden identity sheet's facts, or null when the sheet is missing or not ours. */
export function readHiddenIdentity(sheets: Sheet[]): ReportIdentity | null {
  const meta = sheets.find((s) => foldVietnamese(s.name) === REPORT_META_SHEET);
  if (!meta) return null;
  const grid = gridOf(meta);
  const map = new Map<string, string>();
  for (const r of grid) if (cellText(r?.[0])) map.set(cellText(r?.[0]), cellText(r?.[1]));
  const list = (col: number) =>
    grid
      .slice(1)
      .map((r) => cellText(r?.[col]))
      .filter(Boolean);
  const year = Number(map.get(KEYS.year));
  if (map.get(KEYS.kind) !== REPORT_KIND || !Number.isInteger(year) || !map.get(KEYS.agency))
    return null;
  return {
    templateVersion: Number(map.get(KEYS.templateVersion)) || REPORT_TEMPLATE_VERSION,
    planNumber: map.get(KEYS.planNumber) ?? "",
    year,
    agency: map.get(KEYS.agency)!,
    generatedOn: map.get(KEYS.generatedOn) ?? "",
    deadline: map.get(KEYS.deadline) || null,
    leadKeys: list(3),
    partnerKeys: list(4),
    ...baseOf(grid),
  };
}

const BASE_KEY = "baseKey";

/** The G… block: key | one fingerprint per tracked column, in the order its header row says. */
function baseOf(grid: unknown[][]): Pick<ReportIdentity, "base"> {
  const head = Array.from(grid[0] ?? [], cellText);
  const at = head.indexOf(BASE_KEY);
  if (at < 0) return {};
  const base: Record<string, TrackedPrints> = {};
  for (const r of grid.slice(1)) {
    const key = cellText(r?.[at]);
    if (!key) continue;
    const p = {} as TrackedPrints;
    TRACKED_COLUMNS.forEach((c) => {
      const i = head.indexOf(c, at + 1);
      p[c] = i < 0 ? "" : cellText(r?.[i]);
    });
    base[key] = p;
  }
  return { base };
}

/** The visible "Mã báo cáo" line on a visible sheet (without key lists), or null. */
export function readVisibleIdentity(sheets: Sheet[]): ReportIdentity | null {
  const label = foldVietnamese(REPORT_CODE_LABEL);
  for (const s of sheets) {
    if (foldVietnamese(s.name) === REPORT_META_SHEET) continue;
    for (const r of gridOf(s).slice(0, 40)) {
      const cells = Array.from(r ?? [], cellText);
      const at = cells.findIndex((c) => foldVietnamese(c).startsWith(label));
      const labelCell = cells[at];
      if (labelCell === undefined) continue;
      const code = cells.slice(at + 1).find(Boolean) ?? labelCell.split(":").slice(1).join(":");
      const [, version, planNumber, year, agency] =
        /^\s*PL(\d+)\s*\|\s*(.*?)\s*\|\s*(\d{4})\s*\|\s*(.+?)\s*$/.exec(code) ?? [];
      if (
        version !== undefined &&
        planNumber !== undefined &&
        year !== undefined &&
        agency !== undefined
      )
        return {
          templateVersion: Number(version),
          planNumber,
          year: Number(year),
          agency,
          generatedOn: "",
          deadline: null,
          leadKeys: [],
          partnerKeys: [],
        };
    }
  }
  return null;
}
