/**
 * "Agencies that did not report": from the last consolidation when the workbook has one (sheet
 * "Tiếp nhận", table TiepNhan, written by the consolidation step: Năm báo cáo | Đơn vị | Tệp |
 * Ngày báo cáo | Số dòng khớp | Kết quả | Thời điểm tổng hợp), else from the data itself: lead
 * agencies with nothing entered (no status, progress or result) in any of their rows due in the
 * year. The report says which source it used.
 */
import { foldVietnamese } from "../text/fold";
import { INTAKE_COLUMNS, INTAKE_OUTCOMES, SHEETS } from "../workbook/columns";
import { cellText, cellValue } from "../tracking/raw-cell";
import type { TrackingCells } from "../tracking/read-tracking";
import { hasNoData, namesOf, type ReportContext } from "./report-context";

// The contract with the consolidation step lives in workbook/columns.ts (SHEETS.intake,
// INTAKE_COLUMNS, INTAKE_OUTCOMES): both sides read it from there.
export const CONSOLIDATION_SHEET = SHEETS.intake;
const CONSOLIDATION_COLUMNS = {
  year: INTAKE_COLUMNS.year,
  agency: INTAKE_COLUMNS.agency,
  file: INTAKE_COLUMNS.file,
  reportedOn: INTAKE_COLUMNS.reportDate,
  matched: INTAKE_COLUMNS.matchedRows,
  result: INTAKE_COLUMNS.outcome,
  at: INTAKE_COLUMNS.consolidatedAt,
} as const;
const RECEIVED = INTAKE_OUTCOMES.received;

export interface NotReported {
  agency: string;
  /** "Chưa nhận", "Bị từ chối (tệp …)", "12 nhiệm vụ chưa nhập …". */
  note: string;
}

export interface MissingReports {
  source: "consolidation" | "data";
  /** Vietnamese sentence naming the source, printed above the list. */
  sourceText: string;
  agencies: NotReported[];
}

interface ConsolidationLine {
  year: number | null;
  agency: string;
  file: string;
  result: string;
  at: string;
}

/** The rows of "Tiếp nhận", or null when the workbook has no such sheet (no consolidation yet). */
function readConsolidation(cells: TrackingCells): ConsolidationLine[] | null {
  const sheet = cells.sheets.find(
    (s) => foldVietnamese(s.name) === foldVietnamese(CONSOLIDATION_SHEET)
  );
  if (!sheet) return null;
  const grid = sheet.rows ?? sheet.cells ?? [];
  for (let h = 0; h < Math.min(grid.length, 10); h++) {
    const headers = Array.from(grid[h] ?? [], (c) => foldVietnamese(cellText(c)));
    const col = (name: string) => headers.indexOf(foldVietnamese(name));
    const c = {
      year: col(CONSOLIDATION_COLUMNS.year),
      agency: col(CONSOLIDATION_COLUMNS.agency),
      file: col(CONSOLIDATION_COLUMNS.file),
      result: col(CONSOLIDATION_COLUMNS.result),
      at: col(CONSOLIDATION_COLUMNS.at),
    };
    if (c.agency < 0 || c.result < 0) continue;
    const out: ConsolidationLine[] = [];
    for (const line of grid.slice(h + 1)) {
      const agency = cellText(line?.[c.agency]);
      if (!agency) continue;
      const year = Number(cellText(line?.[c.year]));
      const at = cellValue(line?.[c.at]);
      out.push({
        year: Number.isInteger(year) && year > 0 ? year : null,
        agency,
        file: c.file >= 0 ? cellText(line?.[c.file]) : "",
        result: cellText(line?.[c.result]),
        at:
          at instanceof Date
            ? at.toISOString()
            : typeof at === "number"
              ? String(at).padStart(12, "0")
              : cellText(at),
      });
    }
    return out;
  }
  return [];
}

export function missingReports(ctx: ReportContext, cells: TrackingCells): MissingReports {
  const lines = readConsolidation(cells)?.filter((l) => l.year === null || l.year === ctx.year);
  if (lines && lines.length > 0) {
    // The last consolidation: the latest "Thời điểm tổng hợp"; each agency's last line in it.
    const latest = lines.reduce((m, l) => (l.at > m ? l.at : m), "");
    const last = new Map<string, ConsolidationLine>();
    for (const l of lines.filter((x) => x.at === latest)) last.set(l.agency, l);
    const agencies = [...last.values()]
      .filter((l) => foldVietnamese(l.result) !== foldVietnamese(RECEIVED))
      .map((l) => ({
        agency: l.agency,
        note: `${l.result || "Chưa nhận"}${l.file ? ` (tệp ${l.file})` : ""}`,
      }));
    return {
      source: "consolidation",
      sourceText: `Theo lần tổng hợp gần nhất (trang "${CONSOLIDATION_SHEET}"${latest ? `, ${atText(latest)}` : ""}): ${agencies.length} đơn vị chưa có báo cáo được nhận.`,
      agencies,
    };
  }
  const agencies: NotReported[] = [];
  for (const entry of ctx.rollup.agencies) {
    if (entry.role !== "lead" || entry.total === 0) continue;
    const names = namesOf(entry);
    const rows = ctx.due.filter((d) => names.has(d.row.lead));
    if (rows.length > 0 && rows.every((d) => hasNoData(d.row)))
      agencies.push({
        agency: entry.agency,
        note: `${rows.length} nhiệm vụ năm ${ctx.year} chưa nhập trạng thái, tiến độ hay kết quả`,
      });
  }
  return {
    source: "data",
    sourceText: `Sổ chưa có lần tổng hợp nào (không có trang "${CONSOLIDATION_SHEET}"): danh sách dưới đây là các đơn vị chủ trì chưa nhập trạng thái, tiến độ hay kết quả cho bất kỳ nhiệm vụ nào của năm ${ctx.year}.`,
    agencies,
  };
}

/** An ISO timestamp (or "2026-11-21 14:30") as "21/11/2026 14:30"; anything else as written. */
export function atText(at: string): string {
  // ISO from a real date cell, or "2026-11-25 14:03" as `phuluc consolidate` writes it.
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(at);
  if (!m) return at.replace(/^0+/, "");
  return `${m[3]}/${m[2]}/${m[1]}${m[4] ? ` ${m[4]}:${m[5]}` : ""}`;
}
