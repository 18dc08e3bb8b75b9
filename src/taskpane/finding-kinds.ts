/**
 * Findings an officer can work through (pure view logic, unit-tested): grouped by what must be
 * done — the kind of problem, and for agency renames each "old → new" pair — with counts, the
 * agencies concerned and the one action that settles the group; filtered by the agency whose
 * rows they are (each agency fixes its own rows). Errors come first, then data entry, then the
 * agency notices, so six real typing problems are not buried under fifty renames.
 */
import type { Finding, Severity } from "../core/model";
import { FINDINGS } from "../core/errors/finding-codes";
import { SAFE_FIX_CODES } from "../core/tracking/apply-fixes";
import { TRACKING_FINDINGS as F } from "../core/tracking/tracking-findings";
import type { TrackingRow } from "../core/workbook/tracking-model";
import { SEVERITY_ORDER } from "./findings-view";

/** What each kind asks the officer to do, in a few words. */
const KIND_LABELS: Record<string, string> = {
  [F.TITLE_MISSING]: "Nhiệm vụ chưa có nội dung",
  [F.LEAD_MISSING]: "Chưa có đơn vị chủ trì",
  [F.STATUS_INVALID]: "Trạng thái không đọc được",
  [F.STATUS_AMBIGUOUS]: "Trạng thái có thể hiểu hai cách",
  [F.DATE_INVALID]: "Ngày không đọc được",
  [F.PROGRESS_INVALID]: "Tiến độ ngoài 0–100",
  [F.COMPLETED_AFTER_REPORT_DATE]: "Ngày hoàn thành sau ngày báo cáo",
  [F.STATUS_NONCANONICAL]: "Trạng thái viết chưa đúng chữ",
  [F.DATE_AS_TEXT]: "Ngày gõ dạng chữ",
  [F.DONE_WITHOUT_DATE]: "Hoàn thành nhưng chưa ghi ngày",
  [F.DATE_WITHOUT_DONE]: "Có ngày hoàn thành nhưng chưa Hoàn thành",
  [F.FULL_PROGRESS_NOT_DONE]: "Tiến độ 100% nhưng chưa Hoàn thành",
  [F.PROGRESS_BUT_NOT_STARTED]: "Có tiến độ nhưng ghi Chưa triển khai",
  [F.SCHEDULE_UNPARSED]: "Thời gian thực hiện không đọc được",
  [F.FORMULA_LIKE_TEXT]: "Nội dung có thể bị hiểu là công thức",
  [F.AGENCY_UNKNOWN]: "Đơn vị không có trong danh mục",
  [F.AGENCY_NONCANONICAL]: "Tên đơn vị viết khác danh mục",
  [F.AGENCY_SUPERSEDED]: "Đơn vị đã sắp xếp lại",
  [F.STT_GAP]: "STT bị nhảy",
  [F.STT_DUPLICATE]: "STT trùng",
  [F.STT_GROUP_MISMATCH]: "STT không khớp nhóm",
  [F.TASK_WITHOUT_GROUP]: "Nhiệm vụ không thuộc nhóm",
  [F.KEY_MISSING]: "Thiếu mã nhiệm vụ",
  [F.TASK_DUPLICATE]: "Nhiệm vụ trùng",
  [FINDINGS.SCANNED_PAGES]: "Trang là hình ảnh (bản scan), chưa đọc được",
  [FINDINGS.PDF_CELL_CARRIED]: "Ô đầu trang lấy theo ô gộp bị ngắt trang",
  [FINDINGS.PDF_TEXT_OUTSIDE_CELLS]: "Chữ trong bảng không thuộc ô nào",
};

/** Agency notices last: they are many and settled in one click each group. */
const AGENCY_KINDS: string[] = [F.AGENCY_SUPERSEDED, F.AGENCY_NONCANONICAL, F.AGENCY_UNKNOWN];

export type GroupAction =
  /** Safe fixes of this group only. */
  | { kind: "safe"; label: string }
  /** Rename every row of one old agency to its successor: a choice, applied at once. */
  | { kind: "rename"; label: string; from: string; to: string };

export interface KindGroup {
  /** Stable id (code, and "from→to" for renames). */
  id: string;
  code: string;
  severity: Severity;
  label: string;
  findings: Finding[];
  /** Lead agencies of the rows concerned, by count (most first). */
  agencies: string[];
  action: GroupAction | null;
}

/** The successor or canonical name a fix writes ("Ghi \"Sở Y\" (…)"). */
function fixTarget(f: Finding): string | undefined {
  return /"([^"]+)"/.exec(f.fix?.description ?? "")?.[1];
}

const byCount = (names: string[]) => {
  const n = new Map<string, number>();
  for (const x of names) if (x) n.set(x, (n.get(x) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "vi")).map(([k]) => k);
};

/** The agency whose row a finding is on: the lead, as written ("" when none). */
export function findingAgency(f: Finding, rowOf: (f: Finding) => TrackingRow | undefined): string {
  return rowOf(f)?.lead.trim() ?? "";
}

/** Kind groups in the order to work through them. */
export function kindGroups(
  findings: Finding[],
  rowOf: (f: Finding) => TrackingRow | undefined
): KindGroup[] {
  const groups = new Map<string, KindGroup>();
  for (const f of findings) {
    const from = f.code === F.AGENCY_SUPERSEDED ? f.subject : undefined;
    const to = f.code === F.AGENCY_SUPERSEDED ? fixTarget(f) : undefined;
    const id = from && to ? `${f.code}|${from}→${to}` : f.code;
    let g = groups.get(id);
    if (!g) {
      const base = KIND_LABELS[f.code] ?? f.code;
      g = {
        id,
        code: f.code,
        severity: f.severity,
        label: from && to ? `${base}: "${from}" → "${to}"` : base,
        findings: [],
        agencies: [],
        action: null,
      };
      groups.set(id, g);
    }
    g.findings.push(f);
  }
  const order = (g: KindGroup) =>
    SEVERITY_ORDER.indexOf(g.severity) * 2 + (AGENCY_KINDS.includes(g.code) ? 1 : 0);
  return [...groups.values()]
    .map((g) => {
      const fixable = g.findings.filter((f) => f.fix).length;
      const rows = g.findings.length;
      let action: GroupAction | null = null;
      if (SAFE_FIX_CODES.includes(g.code) && fixable > 0)
        action = { kind: "safe", label: `Sửa ${fixable} ô này` };
      else if (g.code === F.AGENCY_SUPERSEDED && fixable > 0) {
        const [, pair] = g.id.split("|");
        const [from, to] = (pair ?? "").split("→");
        if (from && to)
          action = {
            kind: "rename",
            from,
            to,
            label: `Đổi tất cả ${fixable} ô "${from}" thành "${to}"`,
          };
      }
      return {
        ...g,
        findings: [...g.findings].sort((a, b) => (a.location.row ?? 0) - (b.location.row ?? 0)),
        agencies: byCount(g.findings.map((f) => findingAgency(f, rowOf))),
        action: rows > 0 ? action : null,
      };
    })
    .sort((a, b) => order(a) - order(b) || b.findings.length - a.findings.length);
}

/** The agencies whose rows have findings, with how many: the filter's choices. */
export function agencyChoices(
  findings: Finding[],
  rowOf: (f: Finding) => TrackingRow | undefined
): { agency: string; count: number }[] {
  const n = new Map<string, number>();
  for (const f of findings) {
    const a = findingAgency(f, rowOf);
    if (a) n.set(a, (n.get(a) ?? 0) + 1);
  }
  return [...n]
    .map(([agency, count]) => ({ agency, count }))
    .sort((a, b) => a.agency.localeCompare(b.agency, "vi"));
}

/** "3 nhóm việc, 12 dòng của 4 đơn vị" */
export function groupSummary(g: KindGroup): string {
  const rows = new Set(g.findings.map((f) => f.location.row).filter(Boolean)).size;
  const agencies = g.agencies.length;
  return [rows ? `${rows} dòng` : `${g.findings.length} mục`, agencies ? `${agencies} đơn vị` : ""]
    .filter(Boolean)
    .join(" · ");
}
