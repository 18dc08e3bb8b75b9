/**
 * How findings are presented: grouped by severity (errors first), with a Vietnamese
 * location (`Bảng 1, dòng 12, cột "Chủ trì"`, core/finding-place.ts) and the task row they
 * point at, if any.
 */
import type { Finding, Location, Severity } from "../core/model";
import { capitalized, placeText } from "../core/finding-place";

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

/** `Bảng 1, dòng 12, cột "Chủ trì"`: core's words for a place (the file is the one open). */
export function formatLocation(location: Location): string {
  return capitalized(placeText(location));
}

/** "2 lỗi, 3 cảnh báo, 1 thông tin" (only non-zero counts); "" when there is nothing. */
export function findingCountsText(findings: Finding[]): string {
  return groupFindings(findings)
    .map((g) => `${g.findings.length} ${g.label.toLowerCase()}`)
    .join(", ");
}
