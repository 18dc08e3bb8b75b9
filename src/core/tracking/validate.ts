/**
 * Checks a tracking workbook the way a careful coordinating officer would, and says where each
 * problem is (sheet, row, column header) in Vietnamese. Errors are what makes the numbers
 * wrong or unreadable (missing title/lead, a status or date nobody can read); everything else
 * is a warning. `phuluc validate` exits 1 when any error is found.
 */
import { namesNoAgency } from "../agency/vague-phrase";
import type { AgencyDirectory } from "../agency/directory";
import { countingOf, directoryOf, resolverOn, type AgencyResolver } from "../agency/resolve-agency";
import { closestAgency } from "../agency/suggest";
import type { Finding } from "../model";
import { AGENCY_COLUMNS, SHEETS, TASK_COLUMNS, type TaskColumnId } from "../workbook/columns";
import { CHANGE_LOG_SHEET } from "../workbook/change-log-sheet";
import { dueIn, sheetStatus } from "./derive-status";
import { normalizeDate } from "./normalize-input";
import { readStatus } from "./status-wording";
import { timeKind } from "./row-schedule";
import { cellFinding, type CellAt, TRACKING_FINDINGS as F } from "./tracking-findings";
import type { TrackingRow, TrackingWorkbook } from "../workbook/tracking-model";
import { checkStructure } from "./validate-structure";
import { formatViDate, yearEnd } from "../text/dates";

export interface ValidateOptions {
  year: number;
  /** Report date (ISO); defaults to 31/12 of the year. */
  date?: string;
  /** Defaults to the workbook's own "Đơn vị" sheet; no agency checks when both are empty. */
  directory?: AgencyDirectory;
}

export function validateTracking(wb: TrackingWorkbook, opts: ValidateOptions): Finding[] {
  const date = opts.date ?? yearEnd(opts.year);
  const directory = opts.directory ?? (wb.agencies.length ? directoryOf(wb.agencies) : undefined);
  const at = (row: TrackingRow, column?: TaskColumnId | string) => ({
    sheet: wb.taskSheet || SHEETS.tasks,
    row: row.sheetRow,
    column,
    file: wb.source,
    task: row.stt.trim() || undefined,
  });
  const findings: Finding[] = [...checkStructure(wb.rows, at)];
  const agencyCheck = directory ? agencyChecker(resolverOn(directory, date)) : undefined;
  for (const row of wb.rows) {
    findings.push(
      ...checkRequired(row, at),
      ...checkInputs(row, opts.year, date, at),
      ...checkFormulaLike(row, at)
    );
    if (agencyCheck) findings.push(...agencyCheck(row, at));
  }
  return findings.sort((a, b) => (a.location.row ?? 0) - (b.location.row ?? 0));
}

type At = (row: TrackingRow, column?: TaskColumnId | string) => CellAt;

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
function checkInputs(row: TrackingRow, year: number, date: string, at: At): Finding[] {
  const out: Finding[] = [];
  const status = readStatus(row.typed.status);
  const list = "Chưa triển khai, Đang thực hiện, Hoàn thành hoặc Không thực hiện";
  if (status.how === "ambiguous")
    out.push(
      cellFinding(
        F.STATUS_AMBIGUOUS,
        "error",
        at(row, "status"),
        `"${status.text}" có thể hiểu là hai trạng thái (${status.why}): dòng này được tính như chưa hoàn thành cho đến khi chọn một trong: ${list}.`
      )
    );
  else if (status.how === "unknown")
    out.push(
      cellFinding(
        F.STATUS_INVALID,
        "error",
        at(row, "status"),
        `"${status.text}" không phải trạng thái; chọn ${list}.`
      )
    );
  else if (status.value && status.how !== "exact")
    out.push(
      cellFinding(
        F.STATUS_NONCANONICAL,
        "warning",
        at(row, "status"),
        `"${status.text}" được hiểu là "${status.value}"${status.how === "typo" ? " (sửa lỗi gõ)" : ""}` +
          (sheetStatus(status.text) ? "" : `; ${UNREAD_STATUS[status.value]}`) +
          (status.percent !== null || status.rest
            ? `; khi sửa, chữ đã gõ được ghi lại trong nhật ký sửa`
            : "") +
          ".",
        { description: `Ghi "${status.value}"`, value: status.value }
      )
    );

  const completedOn =
    row.completedOn ?? checkDate(row, "completedOn", row.typed.completedOn, out, at, year);
  if (row.updatedOn === null) checkDate(row, "updatedOn", row.typed.updatedOn, out, at, year);
  for (const [id, iso] of [
    ["completedOn", row.completedOn],
    ["updatedOn", row.updatedOn],
  ] as const)
    if (iso && (iso < "2000-01-01" || iso > "2100-12-31"))
      out.push(
        cellFinding(F.DATE_INVALID, "error", at(row, id), `ngày ${formatViDate(iso)} không hợp lệ.`)
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
  const future = completedOn !== null && completedOn > date;
  if (s === "Hoàn thành" && !completedOn) {
    const { deadline } = dueIn(row, year);
    out.push(
      cellFinding(
        F.DONE_WITHOUT_DATE,
        "warning",
        at(row, "completedOn"),
        deadline && date > deadline
          ? `đã Hoàn thành nhưng chưa ghi ngày hoàn thành, hạn ${vi(deadline)} đã qua: không biết đúng hạn hay quá hạn, nên được tính là "Hoàn thành chưa ghi ngày". Ghi ngày hoàn thành.`
          : "đã Hoàn thành nhưng chưa ghi ngày hoàn thành; nên ghi ngày để sau này còn biết đúng hạn hay quá hạn."
      )
    );
  }
  if (s !== "Hoàn thành" && s !== null && completedOn)
    out.push(
      cellFinding(
        F.DATE_WITHOUT_DONE,
        "warning",
        at(row, "status"),
        `có ngày hoàn thành nhưng trạng thái là "${s}".`
      )
    );
  // Progress over 100 is already an error above: one finding per problem.
  if (progress !== null && progress === 100 && s !== "Hoàn thành")
    out.push(
      cellFinding(
        F.FULL_PROGRESS_NOT_DONE,
        "warning",
        at(row, "status"),
        `tiến độ ${progress}% nhưng trạng thái ${s ? `là "${s}"` : "còn trống"}.`
      )
    );
  if (completedOn && future)
    out.push(
      cellFinding(
        F.COMPLETED_AFTER_REPORT_DATE,
        "error",
        at(row, "completedOn"),
        `ngày hoàn thành ${vi(completedOn)} sau ngày báo cáo ${vi(date)}: chưa thể hoàn thành vào ngày đó. Dòng này chưa được tính là hoàn thành cho đến khi sửa ngày.`
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

const vi = formatViDate;

/**
 * What the sheet's formulas do with a status written another way than the list's words, until
 * fix writes the word (phuluc rollup, the pane and reports already count it).
 */
const UNREAD_STATUS: Record<string, string> = {
  "Hoàn thành": `trang "${SHEETS.summary}" chưa tính dòng này là đã hoàn thành cho đến khi sửa (phuluc rollup đã tính)`,
  "Đang thực hiện": `trang "${SHEETS.summary}" chưa tính dòng này là đang thực hiện cho đến khi sửa (phuluc rollup đã tính)`,
  "Không thực hiện": `trang "${SHEETS.summary}" vẫn tính dòng này là nhiệm vụ phải làm cho đến khi sửa (phuluc rollup đã tính là không thực hiện)`,
  "Chưa triển khai": `trang "${SHEETS.summary}" vẫn tính đúng (như chưa triển khai), nhưng nên ghi theo danh sách`,
};

/** A date cell holding text: readable → warning with the fix, unreadable → error. */
function checkDate(
  row: TrackingRow,
  id: TaskColumnId,
  typed: string,
  out: Finding[],
  at: At,
  year: number
): string | null {
  if (!typed.trim()) return null;
  const d = normalizeDate(typed, { year });
  if (d.value) {
    out.push(
      cellFinding(
        F.DATE_AS_TEXT,
        "warning",
        at(row, id),
        d.yearAssumed
          ? `"${typed}" không ghi năm: hiểu là ngày ${vi(d.value)} (năm báo cáo ${year}); đây là chữ, không phải ngày: bảng tính không tính được hạn.`
          : `"${typed}" là chữ, không phải ngày: bảng tính không tính được hạn.`,
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
function agencyChecker(agencies: AgencyResolver) {
  const dir = agencies.directory;
  type Verdict =
    | { unknown: true; suggestion?: string }
    | { unknown: false; canonical: string; successor?: string; since?: string; counted: boolean };
  const counted = countingOf(dir);
  const cache = new Map<string, Verdict>();
  const verdict = (name: string): Verdict => {
    let v = cache.get(name);
    if (!v) {
      const a = dir.get(name);
      if (!a) v = { unknown: true, suggestion: closestAgency(name, dir) };
      else {
        const s = agencies.agencyOf(a.name);
        v = {
          unknown: false,
          canonical: a.name,
          successor: s && s.name !== a.name ? s.name : undefined,
          since: a.successor?.effective,
          counted: counted(name) === a.name,
        };
      }
      cache.set(name, v);
    }
    return v;
  };
  return (row: TrackingRow, at: At): Finding[] => {
    const out: Finding[] = [];
    const check = (name: string, column: "lead" | "partners", replace: (to: string) => string) => {
      // "Các cơ quan, đơn vị liên quan": the plan's words, no agency to check; as the lead,
      // nobody reports the row.
      if (namesNoAgency(name)) {
        if (column === "lead")
          out.push(
            cellFinding(
              F.LEAD_MISSING,
              "error",
              at(row, column),
              `"${name}" không nêu đơn vị nào: không ai báo cáo dòng này. Hãy ghi đơn vị chủ trì.`
            )
          );
        return;
      }
      const v = verdict(name);
      if (
        !v.unknown &&
        !v.successor &&
        name !== v.canonical &&
        name.normalize("NFC") === v.canonical
      ) {
        // Looks identical: say why it is not the same text.
        out.push(
          cellFinding(
            F.AGENCY_NONCANONICAL,
            "warning",
            at(row, column),
            `"${v.canonical}" ở ô này được gõ bằng dấu tổ hợp (Unicode dạng NFD, thường do chép từ PDF hoặc gõ trên máy Mac): trông giống hệt nhưng trang "${SHEETS.summary}" chưa tính dòng này cho "${v.canonical}" cho đến khi sửa (phuluc rollup đã tính).`,
            { description: `Gõ lại "${v.canonical}" (dạng chuẩn)`, value: replace(v.canonical) },
            name
          )
        );
        return;
      }
      if (!v.unknown && !v.successor && name !== v.canonical) {
        out.push(
          cellFinding(
            F.AGENCY_NONCANONICAL,
            "warning",
            at(row, column),
            `"${name}" là cách viết khác của "${v.canonical}" (trang "${SHEETS.agencies}"); ` +
              (v.counted
                ? `số liệu vẫn tính cho "${v.canonical}", nhưng nên ghi đúng tên để lọc và báo cáo không sót.`
                : `trang "${SHEETS.summary}" chưa tính dòng này cho "${v.canonical}" cho đến khi sửa.`),
            { description: `Ghi "${v.canonical}"`, value: replace(v.canonical) },
            name
          )
        );
        return;
      }
      if (v.unknown)
        out.push(
          cellFinding(
            F.AGENCY_UNKNOWN,
            "warning",
            at(row, column),
            `"${name}" không có trong danh mục đơn vị${v.suggestion ? `; có phải "${v.suggestion}"?` : "."}`,
            v.suggestion
              ? { description: `Sửa thành "${v.suggestion}"`, value: replace(v.suggestion) }
              : undefined,
            name
          )
        );
      else if (v.successor)
        out.push(
          cellFinding(
            F.AGENCY_SUPERSEDED,
            "warning",
            at(row, column),
            `"${name}" đã được sắp xếp lại${v.since ? ` (từ ${vi(v.since)})` : ""}; nhiệm vụ nay do "${v.successor}" thực hiện (theo cột "${AGENCY_COLUMNS.successor}" ở trang "${SHEETS.agencies}").`,
            {
              description: `Ghi "${v.successor}" (${planNameKept(row, column)})`,
              value: replace(v.successor),
            },
            name
          )
        );
    };
    if (row.lead.trim()) check(row.lead, "lead", (to) => to);
    // The list keeps its positions (apply-fixes replaces by position); applying removes the
    // duplicate a merger makes (two bodies become one name, once).
    for (const p of row.partners)
      check(p, "partners", (to) => row.partners.map((x) => (x === p ? to : x)).join("; "));
    return out;
  };
}

/** Where the plan's own name stays once a row is renamed (the promise the fix makes). */
function planNameKept(row: TrackingRow, column: "lead" | "partners"): string {
  if (column === "lead" && row.allLeads.length > 0)
    return `tên theo kế hoạch vẫn ở cột "${TASK_COLUMNS.allLeads}"`;
  if (column === "partners" && row.planPartners !== undefined)
    return `tên theo kế hoạch vẫn ở cột "${TASK_COLUMNS.planPartners}"`;
  return `tên cũ được ghi lại trong trang "${CHANGE_LOG_SHEET}", hoặc bản sao lưu để hoàn tác trong Excel`;
}
