/**
 * The officer's corrections to an import before the workbook is written (tasks read from prose
 * are a reading, not a certainty): edit a task's text, agencies, time or kind; remove a task;
 * give an unknown agency its directory name on every row at once. Each returns a new result
 * whose findings about the corrected values are recomputed, never left stale.
 */
import type { AgencyRef, Finding, ImportResult, Task, TaskKind } from "../model";
import type { AgencyDirectory } from "../agency/directory";
import { matchAgencyList } from "../agency/match-agencies";
import { parseSchedule } from "../schedule/parse-schedule";
import { foldVietnamese, normalizeText } from "../text/fold";
import { FINDINGS } from "../errors/finding-codes";

export interface TaskEdit {
  title?: string;
  /** Agencies as the officer types them ("Sở Tài chính; Công an tỉnh"). */
  lead?: string;
  partners?: string;
  timeText?: string;
  kind?: TaskKind;
}

/** Codes whose findings describe a task's agencies or time: recomputed after an edit. */
const TASK_CODES = new Set<string>([
  FINDINGS.AGENCY_UNKNOWN,
  FINDINGS.LEAD_MISSING,
  FINDINGS.SCHEDULE_UNPARSED,
]);

export function editTask(
  result: ImportResult,
  key: string,
  edit: TaskEdit,
  directory: AgencyDirectory
): ImportResult {
  const task = result.tasks.find((t) => t.key === key);
  if (!task) return result;
  const refs = (text: string) => (normalizeText(text) ? matchAgencyList(text, directory) : []);
  const timeText = edit.timeText !== undefined ? normalizeText(edit.timeText) : task.timeText;
  // Agencies retyped by the officer are no longer the plan's wording: the appendix names them.
  const { leadText, partnersText, ...rest } = task;
  const next: Task = {
    ...rest,
    ...(edit.lead === undefined && leadText !== undefined ? { leadText } : {}),
    ...(edit.partners === undefined && partnersText !== undefined ? { partnersText } : {}),
    ...(edit.title !== undefined ? { title: normalizeText(edit.title) } : {}),
    ...(edit.lead !== undefined ? { lead: refs(edit.lead) } : {}),
    ...(edit.partners !== undefined ? { partners: refs(edit.partners) } : {}),
    ...(edit.kind !== undefined ? { kind: edit.kind } : {}),
    timeText,
    schedule:
      edit.timeText !== undefined ? parseSchedule(timeText, result.plan.period) : task.schedule,
  };
  return replaceTask(result, task, next);
}

export function removeTask(result: ImportResult, key: string): ImportResult {
  const task = result.tasks.find((t) => t.key === key);
  if (!task) return result;
  const tasks = result.tasks.filter((t) => t !== task);
  return {
    ...result,
    tasks,
    // Same-row findings of other tasks (split bullet rows) stay.
    findings: result.findings.filter(
      (f) => f.location.row !== task.sourceRow || tasks.some((t) => t.sourceRow === task.sourceRow)
    ),
  };
}

/** Every unmatched reference written `written` becomes `name` (a directory name). */
export function replaceAgency(
  result: ImportResult,
  written: string,
  name: string,
  directory: AgencyDirectory
): ImportResult {
  const canonical = directory.get(name)?.name ?? name;
  const target = foldVietnamese(written);
  const fix = (list: AgencyRef[]) =>
    list.map((r) =>
      !r.matched && foldVietnamese(r.written) === target
        ? { name: canonical, written: r.written, matched: true }
        : r
    );
  let out = result;
  for (const task of result.tasks) {
    const lead = fix(task.lead);
    const partners = fix(task.partners);
    if (lead.some((r, i) => r !== task.lead[i]) || partners.some((r, i) => r !== task.partners[i]))
      out = replaceTask(out, task, { ...task, lead, partners });
  }
  return out;
}

function replaceTask(result: ImportResult, before: Task, after: Task): ImportResult {
  const tasks = result.tasks.map((t) => (t === before ? after : t));
  const sameRow = tasks.filter((t) => t.sourceRow === before.sourceRow);
  const kept = result.findings.filter(
    (f) => !(TASK_CODES.has(f.code) && f.location.row === before.sourceRow)
  );
  const fresh = sameRow.flatMap((t) => taskFindings(t, result.source));
  return { ...result, tasks, findings: [...kept, ...fresh] };
}

/** The findings an import gives a task's agencies and time, for the task as it now is. */
function taskFindings(task: Task, file: string): Finding[] {
  const at = (column: string) => ({ file, row: task.sourceRow, column, task: task.numbered });
  const out: Finding[] = [];
  for (const [list, column] of [
    [task.lead, "Đơn vị chủ trì"],
    [task.partners, "Đơn vị phối hợp"],
  ] as const) {
    for (const r of list.filter((x) => !x.matched)) {
      out.push({
        code: FINDINGS.AGENCY_UNKNOWN,
        severity: "warning",
        message:
          `không nhận ra cơ quan "${r.written}".` +
          (r.suggestion
            ? ` Có phải là "${r.suggestion}"?`
            : " Hãy thêm vào danh mục cơ quan nếu đúng."),
        location: at(column),
        subject: r.written,
        ...(r.suggestion
          ? { fix: { description: `Thay bằng "${r.suggestion}"`, value: r.suggestion } }
          : {}),
      });
    }
  }
  if (task.lead.every((r) => r.vague)) {
    out.push({
      code: FINDINGS.LEAD_MISSING,
      severity: "warning",
      message: `nhiệm vụ ${task.numbered} chưa có đơn vị chủ trì.`,
      location: at("Đơn vị chủ trì"),
    });
  }
  if (task.schedule.kind === "unknown" || task.schedule.years === null) {
    out.push({
      code: FINDINGS.SCHEDULE_UNPARSED,
      severity: "warning",
      message: task.timeText
        ? `chưa hiểu thời gian thực hiện "${task.timeText}" của nhiệm vụ ${task.numbered}; hãy nhập năm và hạn hoàn thành.`
        : `nhiệm vụ ${task.numbered} chưa có thời gian thực hiện.`,
      location: at("Thời gian thực hiện"),
      ...(task.timeText ? { subject: task.timeText } : {}),
    });
  }
  return out;
}
