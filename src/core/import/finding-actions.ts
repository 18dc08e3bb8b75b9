/**
 * The import's findings grouped by what the officer must do, not one line per row: one line
 * per unknown agency (with its count, rows and one fix for all of them), one line for a table
 * without groups, one for automatically numbered rows, one for bullet rows split into tasks,
 * one per distinct unreadable time text; every other finding stays a line of its own.
 */
import type { Finding, Severity } from "../model";
import { foldVietnamese } from "../text/fold";
import { capitalized } from "../finding-place";
import { FINDINGS } from "../errors/finding-codes";

export interface FindingAction {
  /** Stable id for the UI and tests: "agency:so xyz", "no-groups", "stt-empty", "f:12". */
  id: string;
  severity: Severity;
  /** One sentence, Vietnamese. */
  message: string;
  /** Source rows concerned, ascending (empty when the finding is about the whole plan). */
  rows: number[];
  /** For an unknown agency: the name as written, and the directory name offered instead. */
  agency?: { written: string; suggestion?: string };
  /** The findings summarised by this line. */
  findings: Finding[];
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function findingActions(findings: Finding[]): FindingAction[] {
  const out: FindingAction[] = [];
  // Each group is made with its first finding; the map keeps the order groups first appear in.
  const byKey = new Map<string, [Finding, ...Finding[]]>();
  findings.forEach((f, i) => {
    const key =
      f.code === FINDINGS.AGENCY_UNKNOWN
        ? `agency:${foldVietnamese(f.subject ?? f.message)}`
        : f.code === FINDINGS.TASK_WITHOUT_GROUP
          ? "no-groups"
          : f.code === FINDINGS.STT_EMPTY
            ? "stt-empty"
            : f.code === FINDINGS.BULLETS_SPLIT
              ? "bullets-split"
              : f.code === FINDINGS.SCHEDULE_UNPARSED
                ? `time:${scheduleText(f)}`
                : `f:${i}`;
    const group = byKey.get(key);
    if (group) group.push(f);
    else byKey.set(key, [f]);
  });
  for (const [key, group] of byKey) {
    const rows = [
      ...new Set(group.map((f) => f.location.row).filter((r): r is number => !!r)),
    ].sort((a, b) => a - b);
    const first = group[0];
    const severity = group.reduce<Severity>(
      (s, f) => (SEVERITY_RANK[f.severity] < SEVERITY_RANK[s] ? f.severity : s),
      first.severity
    );
    const base = { id: key, severity, rows, findings: group };
    if (key.startsWith("agency:")) {
      const written = first.subject ?? "";
      const suggestion = first.fix?.value;
      out.push({
        ...base,
        message:
          `Không nhận ra cơ quan "${written}" (${group.length} lần, ${rowsText(rows)}).` +
          (suggestion
            ? ` Có phải là "${suggestion}"?`
            : " Hãy thêm vào danh mục cơ quan nếu đúng, hoặc sửa trong kế hoạch."),
        agency: { written, ...(suggestion ? { suggestion } : {}) },
      });
    } else if (key === "no-groups") {
      out.push({
        ...base,
        severity: "info",
        message:
          `Bảng không có dòng nhóm nhiệm vụ: nhiệm vụ của ${rows.length} dòng được xếp vào ` +
          `"(Không thuộc nhóm)". Không cần sửa nếu kế hoạch vốn không chia nhóm.`,
      });
    } else if (key === "stt-empty") {
      out.push({
        ...base,
        message:
          `${group.length} nhiệm vụ không có số thứ tự, đã tự đánh số (${rowsText(rows)}). ` +
          "Hãy kiểm tra lại số thứ tự trong sổ theo dõi.",
      });
    } else if (key === "bullets-split" && group.length > 1) {
      out.push({
        ...base,
        message:
          `${group.length} dòng có nhiều gạch đầu dòng trong ô nhiệm vụ, các cột khác ghi chung ` +
          `(${rowsText(rows)}): mỗi gạch đầu dòng đã thành một nhiệm vụ. Nếu đó là các ý của ` +
          "một nhiệm vụ, hãy gộp lại.",
      });
    } else if (key.startsWith("time:") && group.length > 1) {
      const text = scheduleText(first);
      out.push({
        ...base,
        message: text
          ? `Chưa hiểu thời gian thực hiện "${text}" (${group.length} nhiệm vụ, ${rowsText(rows)}); hãy nhập năm và hạn hoàn thành.`
          : `${group.length} nhiệm vụ chưa có thời gian thực hiện (${rowsText(rows)}).`,
      });
    } else {
      // One finding: its own text (its place is `rows`/`findings[0].location`, shown apart).
      out.push({ ...base, message: capitalized(first.message) });
    }
  }
  return out.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}

/** The time text as written (the finding's subject). */
function scheduleText(f: Finding): string {
  return f.subject ?? "";
}

/** "dòng 4, 7, 9" or "dòng 4, 7, 9, 12, 15 và 6 dòng khác". */
function rowsText(rows: number[], max = 6): string {
  if (rows.length === 0) return "toàn kế hoạch";
  const shown = rows.slice(0, max).join(", ");
  return rows.length > max ? `dòng ${shown} và ${rows.length - max} dòng khác` : `dòng ${shown}`;
}
