/**
 * Checks a tracking workbook the way a careful coordinating officer would, and says where each
 * problem is (sheet, row, column header) in Vietnamese. Errors are what makes the numbers
 * wrong or unreadable (missing title/lead, a status or date nobody can read); everything else
 * is a warning. `phuluc validate` exits 1 when any error is found.
 */
import { AgencyDirectory } from "../agency/directory";
import { closestAgency } from "../agency/suggest";
import type { Finding } from "../model";
import { SHEETS, type TaskColumnId } from "../workbook/columns";
import { normalizeDate, normalizeStatus } from "./normalize-input";
import { timeKind } from "./row-schedule";
import { cellFinding, TRACKING_FINDINGS as F } from "./tracking-findings";
import type { TrackingRow, TrackingWorkbook } from "./tracking-model";
import { checkStructure } from "./validate-structure";

export interface ValidateOptions {
  year: number;
  /** Report date (ISO); defaults to 31/12 of the year. */
  date?: string;
  /** Defaults to the workbook's own "Đơn vị" sheet; no agency checks when both are empty. */
  directory?: AgencyDirectory;
}

export function validateTracking(wb: TrackingWorkbook, opts: ValidateOptions): Finding[] {
  const date = opts.date ?? `${opts.year}-12-31`;
  const directory =
    opts.directory ?? (wb.agencies.length ? new AgencyDirectory(wb.agencies) : undefined);
  const at = (row: TrackingRow, column?: TaskColumnId | string) => ({
    sheet: wb.taskSheet || SHEETS.tasks,
    row: row.sheetRow,
    column,
    file: wb.source,
  });
  const findings: Finding[] = [...checkStructure(wb.rows, at)];
  const agencyCheck = directory ? agencyChecker(directory, date) : undefined;
  for (const row of wb.rows) {
    findings.push(
      ...checkRequired(row, at),
      ...checkInputs(row, date, at),
      ...checkFormulaLike(row, at)
    );
    if (agencyCheck) findings.push(...agencyCheck(row, at));
  }
  return findings.sort((a, b) => (a.location.row ?? 0) - (b.location.row ?? 0));
}

type At = (row: TrackingRow, column?: TaskColumnId | string) => Parameters<typeof cellFinding>[2];

function checkRequired(row: TrackingRow, at: At): Finding[] {
  const out: Finding[] = [];
  if (!row.title.trim())
    out.push(cellFinding(F.TITLE_MISSING, "error", at(row, "title"), "nhiệm vụ chưa có nội dung."));
  if (!row.lead.trim())
    out.push(
      cellFinding(
        F.LEAD_MISSING,
        "error",
        at(row, "lead"),
        "nhiệm vụ chưa có đơn vị chủ trì: không ai báo cáo dòng này."
      )
    );
  if (row.timeText.trim() && timeKind(row.timeText).kind === "unknown")
    out.push(
      cellFinding(
        F.SCHEDULE_UNPARSED,
        "warning",
        at(row, "timeText"),
        `không hiểu thời gian "${row.timeText}"; nhiệm vụ được theo dõi như thường xuyên (không có hạn). Có thể ghi "Hằng năm", "2024 - 2030", "Quý II/2025"…`
      )
    );
  return out;
}

/** Status, dates and progress as typed, then whether they agree with each other. */
function checkInputs(row: TrackingRow, date: string, at: At): Finding[] {
  const out: Finding[] = [];
  const status = normalizeStatus(row.typed.status);
  if (!status.ok)
    out.push(
      cellFinding(
        F.STATUS_INVALID,
        "error",
        at(row, "status"),
        `"${status.text}" không phải trạng thái; chọn Chưa triển khai, Đang thực hiện, Hoàn thành hoặc Không thực hiện.`
      )
    );
  else if (status.value && status.text !== status.value)
    out.push(
      cellFinding(
        F.STATUS_NONCANONICAL,
        "warning",
        at(row, "status"),
        `"${status.text}" được hiểu là "${status.value}"${row.status ? "" : "; bảng tính hiện chưa tính dòng này là đã làm"}.`,
        { description: `Ghi "${status.value}"`, value: status.value }
      )
    );

  const completedOn =
    row.completedOn ?? checkDate(row, "completedOn", row.typed.completedOn, out, at);
  if (row.updatedOn === null) checkDate(row, "updatedOn", row.typed.updatedOn, out, at);
  for (const [id, iso] of [
    ["completedOn", row.completedOn],
    ["updatedOn", row.updatedOn],
  ] as const)
    if (iso && (iso < "2000-01-01" || iso > "2100-12-31"))
      out.push(
        cellFinding(
          F.DATE_INVALID,
          "error",
          at(row, id),
          `ngày ${iso.split("-").reverse().join("/")} không hợp lệ.`
        )
      );

  const progress = row.progress;
  if (row.typed.progress.trim() && (progress === null || progress < 0 || progress > 100))
    out.push(
      cellFinding(
        F.PROGRESS_INVALID,
        "error",
        at(row, "progress"),
        `tiến độ "${row.typed.progress}" không hợp lệ (số từ 0 đến 100).`
      )
    );

  const s = status.value;
  if (s === "Hoàn thành" && !completedOn)
    out.push(
      cellFinding(
        F.DONE_WITHOUT_DATE,
        "warning",
        at(row, "completedOn"),
        "đã Hoàn thành nhưng chưa ghi ngày hoàn thành: không biết đúng hạn hay quá hạn."
      )
    );
  if (s !== "Hoàn thành" && s !== null && completedOn)
    out.push(
      cellFinding(
        F.DATE_WITHOUT_DONE,
        "warning",
        at(row, "status"),
        `có ngày hoàn thành nhưng trạng thái là "${s}".`
      )
    );
  if (progress !== null && progress >= 100 && s !== "Hoàn thành")
    out.push(
      cellFinding(
        F.FULL_PROGRESS_NOT_DONE,
        "warning",
        at(row, "status"),
        `tiến độ ${progress}% nhưng trạng thái ${s ? `là "${s}"` : "còn trống"}.`
      )
    );
  if (completedOn && completedOn > date)
    out.push(
      cellFinding(
        F.COMPLETED_AFTER_REPORT_DATE,
        "warning",
        at(row, "completedOn"),
        `ngày hoàn thành ${vi(completedOn)} sau ngày báo cáo ${vi(date)}.`
      )
    );
  if (progress !== null && progress > 0 && s === "Chưa triển khai")
    out.push(
      cellFinding(
        F.PROGRESS_BUT_NOT_STARTED,
        "warning",
        at(row, "status"),
        `tiến độ ${progress}% nhưng trạng thái là "Chưa triển khai".`
      )
    );
  return out;
}

const vi = (iso: string) => iso.split("-").reverse().join("/");

/** A date cell holding text: readable → warning with the fix, unreadable → error. */
function checkDate(
  row: TrackingRow,
  id: TaskColumnId,
  typed: string,
  out: Finding[],
  at: At
): string | null {
  if (!typed.trim()) return null;
  const d = normalizeDate(typed);
  if (d.value) {
    out.push(
      cellFinding(
        F.DATE_AS_TEXT,
        "warning",
        at(row, id),
        `"${typed}" là chữ, không phải ngày: bảng tính không tính được hạn.`,
        {
          description: `Ghi ngày ${vi(d.value)}`,
          value: d.value,
        }
      )
    );
    return d.value;
  }
  out.push(
    cellFinding(
      F.DATE_INVALID,
      "error",
      at(row, id),
      `không đọc được ngày "${typed}" (ghi dạng dd/mm/yyyy).`
    )
  );
  return null;
}

const TEXT_COLUMNS: TaskColumnId[] = [
  "title",
  "lead",
  "partners",
  "timeText",
  "result",
  "evidence",
  "difficulties",
  "proposals",
];
const TEXT_FIELD: Partial<Record<TaskColumnId, (r: TrackingRow) => string>> = {
  title: (r) => r.title,
  lead: (r) => r.lead,
  partners: (r) => r.partners.join("; "),
  timeText: (r) => r.timeText,
  result: (r) => r.result,
  evidence: (r) => r.evidence,
  difficulties: (r) => r.difficulties,
  proposals: (r) => r.proposals,
};

/** "=…", "+…", "@…" pasted as text: Excel may turn them into formulas on the next edit. */
function checkFormulaLike(row: TrackingRow, at: At): Finding[] {
  const cells: Array<[string, string]> = [
    ...TEXT_COLUMNS.map((id): [string, string] => [id, TEXT_FIELD[id]!(row)]),
    ...Object.entries(row.extra),
  ];
  return cells
    .filter(([, text]) => /^\s*[=+@]/.test(text))
    .map(([column, text]) =>
      cellFinding(
        F.FORMULA_LIKE_TEXT,
        "warning",
        at(row, column),
        `nội dung "${text.slice(0, 40)}" bắt đầu bằng "${text.trim()[0]}", Excel có thể hiểu là công thức; nên bỏ ký tự đầu.`
      )
    );
}

/** Lead and partner names against the directory, cached per name (2,000 rows name ~30 agencies). */
function agencyChecker(dir: AgencyDirectory, date: string) {
  type Verdict =
    | { unknown: true; suggestion?: string }
    | { unknown: false; successor?: string; since?: string };
  const cache = new Map<string, Verdict>();
  const verdict = (name: string): Verdict => {
    let v = cache.get(name);
    if (!v) {
      const a = dir.get(name);
      if (!a) v = { unknown: true, suggestion: closestAgency(name, dir) };
      else {
        const s = dir.successorOn(name, date);
        v = {
          unknown: false,
          successor: s && s.name !== a.name ? s.name : undefined,
          since: a.successor?.effective,
        };
      }
      cache.set(name, v);
    }
    return v;
  };
  return (row: TrackingRow, at: At): Finding[] => {
    const out: Finding[] = [];
    const check = (name: string, column: "lead" | "partners", replace: (to: string) => string) => {
      const v = verdict(name);
      if (v.unknown)
        out.push(
          cellFinding(
            F.AGENCY_UNKNOWN,
            "warning",
            at(row, column),
            `"${name}" không có trong danh mục đơn vị${v.suggestion ? `; có phải "${v.suggestion}"?` : "."}`,
            v.suggestion
              ? { description: `Sửa thành "${v.suggestion}"`, value: replace(v.suggestion) }
              : undefined
          )
        );
      else if (v.successor)
        out.push(
          cellFinding(
            F.AGENCY_SUPERSEDED,
            "warning",
            at(row, column),
            `"${name}" đã được sắp xếp lại${v.since ? ` (từ ${vi(v.since)})` : ""}; nhiệm vụ nay do "${v.successor}" thực hiện.`,
            {
              description: `Ghi "${v.successor}" (tên theo kế hoạch "${name}" vẫn giữ trong trang "${SHEETS.history}")`,
              value: replace(v.successor),
            }
          )
        );
    };
    if (row.lead.trim()) check(row.lead, "lead", (to) => to);
    for (const p of row.partners)
      check(p, "partners", (to) => row.partners.map((x) => (x === p ? to : x)).join("; "));
    return out;
  };
}
