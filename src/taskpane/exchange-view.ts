/** Texts of the "Gửi và tổng hợp" section, from a consolidation's result (pure, unit-tested). */
import type { ConsolidationReport, IgnoredColumn } from "../core/exchange/consolidation-model";

export interface FileLine {
  file: string;
  state: "reading" | "received" | "rejected" | "waiting";
  text: string;
  /** The notes ("lưu ý") the line counts, each shown under it: a count never stands alone. */
  notes: string[];
}

export function fileLines(files: string[], report: ConsolidationReport): FileLine[] {
  return files.map((file): FileLine => {
    const r = report.received.find((x) => x.file === file);
    if (r)
      return {
        file,
        state: "received",
        text: `${r.empty ? "Đã nhận, chưa điền gì" : "Đã nhận"}: ${r.agency}, ${r.matched}/${r.rows} dòng khớp (${r.method === "identity" ? "theo mã báo cáo" : `theo tiêu đề cột, độ tin cậy ${r.confidence.toLocaleString("vi-VN")}`})${r.warnings.length ? `; ${r.warnings.length} lưu ý` : ""}${ignoredText(r.ignoredColumns ?? [])}.`,
        notes: [...r.warnings],
      };
    const x = report.rejected.find((y) => y.file === file);
    if (x) return { file, state: "rejected", text: x.message, notes: [] };
    return { file, state: "waiting", text: "Không dùng.", notes: [] };
  });
}

/** "; cột không dùng: “Ghi chú” (Báo cáo!H)" — columns of the file nothing took. */
function ignoredText(cols: IgnoredColumn[]): string {
  if (cols.length === 0) return "";
  const names = cols.map((c) => `“${c.header || "không tiêu đề"}” (${c.sheet}!${c.column})`);
  return `; cột không dùng: ${names.join(", ")}`;
}

export function summaryText(report: ConsolidationReport, changes: number): string {
  const parts = [
    `${report.received.length} tệp đã nhận`,
    `${report.rejected.length} tệp bị từ chối`,
    `${report.missing.length} đơn vị chưa gửi`,
    `${changes} ô thay đổi`,
  ];
  if (report.unassigned?.length)
    parts.push(`${report.unassigned.length} dòng nhiệm vụ chưa giao cho đơn vị nào`);
  if (report.conflicts.length) parts.push(`${report.conflicts.length} xung đột`);
  const typed = report.masterConflicts ?? [];
  if (typed.length) parts.push(`${typed.length} ô sổ đã sửa khác tệp`);
  if (report.unmatched.length) parts.push(`${report.unmatched.length} dòng không khớp`);
  if (report.dropped.length) parts.push(`${report.dropped.length} nhiệm vụ bị bỏ sót`);
  return `Tổng hợp xong: ${parts.join(", ")}.`;
}

export function consolidatedFileName(source: string, year: number): string {
  return `${source.replace(/\.xlsx$/i, "")} - tong-hop-${year}.xlsx`;
}

export function distributionZipName(year: number, planNumber: string): string {
  const n = planNumber.split("/")[0]?.trim() || "ke-hoach";
  return `${year} - Gửi đơn vị - KH ${n}.zip`;
}
