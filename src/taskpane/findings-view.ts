/**
 * How findings are presented: grouped by severity (errors first), with a Vietnamese
 * location ("Bảng 1, hàng 12, cột Chủ trì") and the task row they point at, if any.
 */
import type { Finding, Location, Severity } from "../core/model";

export const SEVERITY_ORDER: Severity[] = ["error", "warning", "info"];

export const SEVERITY_LABEL: Record<Severity, string> = {
  error: "Lỗi",
  warning: "Cảnh báo",
  info: "Thông tin",
};

export interface FindingGroup {
  severity: Severity;
  label: string;
  findings: Finding[];
}

/** Only the severities that occur, in the order error → warning → info; sorted by row inside. */
export function groupFindings(findings: Finding[]): FindingGroup[] {
  return SEVERITY_ORDER.map((severity) => ({
    severity,
    label: SEVERITY_LABEL[severity],
    findings: findings
      .filter((f) => f.severity === severity)
      .sort(
        (a, b) =>
          (a.location.row ?? Number.MAX_SAFE_INTEGER) - (b.location.row ?? Number.MAX_SAFE_INTEGER)
      ),
  })).filter((g) => g.findings.length > 0);
}

export function formatLocation(location: Location): string {
  const parts: string[] = [];
  if (location.sheet) parts.push(`Trang ${location.sheet}`);
  if (location.table) parts.push(`Bảng ${location.table}`);
  if (location.row) parts.push(`hàng ${location.row}`);
  if (location.column) parts.push(`cột ${location.column}`);
  const text = parts.join(", ");
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : "";
}

/** "2 lỗi, 3 cảnh báo, 1 thông tin" (only non-zero counts); "" when there is nothing. */
export function findingCountsText(findings: Finding[]): string {
  return groupFindings(findings)
    .map((g) => `${g.findings.length} ${g.label.toLowerCase()}`)
    .join(", ");
}
