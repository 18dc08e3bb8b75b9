/** The JSON shape `phuluc import --json` prints (documented in README). */
import { placedMessage } from "../core/finding-place";
import { taskKind, type Finding, type ImportResult, type Task } from "../core/model";

export function importResultToJson(result: ImportResult) {
  return {
    plan: result.plan,
    origin: result.origin ?? "table",
    groups: result.groups.map((g) => ({ stt: g.stt, title: g.title })),
    tasks: result.tasks.map(taskToJson),
    ...(result.additions
      ? {
          additions: {
            groups: result.additions.groups.map((g) => ({ stt: g.stt, title: g.title })),
            tasks: result.additions.tasks.map(taskToJson),
          },
        }
      : {}),
    findings: result.findings.map(findingToJson),
  };
}

function taskToJson(t: Task) {
  return {
    key: t.key,
    stt: t.stt || t.numbered,
    group: t.group,
    title: t.title,
    lead: t.lead.map((a) => a.name),
    partners: t.partners.map((a) => a.name),
    timeText: t.timeText,
    years: t.schedule.years,
    deadline: t.schedule.finalDeadline,
    kind: taskKind(t),
    ...(t.needsReview ? { needsReview: true } : {}),
  };
}

export function findingToJson(f: Finding) {
  return {
    severity: f.severity,
    code: f.code,
    ...(f.location.file ? { file: f.location.file } : {}),
    ...(f.location.sheet ? { sheet: f.location.sheet } : {}),
    row: f.location.row ?? null,
    column: f.location.column ?? null,
    // The sentence with its place, as it always was; `place` is the place as data.
    message: placedMessage(f),
    place: f.location,
    ...(f.fix ? { fix: f.fix } : {}),
  };
}
