/** Short texts that summarise an import for the preview and the status announcement. */
import type { Group, ImportResult, Schedule, Task } from "../core/model";

export function countsText(groups: Group[], tasks: Task[]): string {
  return `${groups.length} nhóm, ${tasks.length} nhiệm vụ`;
}

export function periodText(period: ImportResult["plan"]["period"]): string {
  if (!period) return "";
  return period.from === period.to ? String(period.from) : `${period.from} – ${period.to}`;
}

/** The years a task is due in: "2024 – 2030" for a run of three or more, else "2024, 2026". */
export function yearsText(schedule: Schedule | undefined): string {
  const years = schedule?.years;
  if (!years || years.length === 0) return "Chưa xác định";
  const sorted = [...years].sort((a, b) => a - b);
  const contiguous = sorted.every((y, i) => {
    const before = sorted[i - 1];
    return before === undefined || y === before + 1;
  });
  if (contiguous && sorted.length >= 3) return `${sorted[0]} – ${sorted[sorted.length - 1]}`;
  return sorted.join(", ");
}

/** Tasks by group, in plan order; tasks outside any group come first under an empty group. */
export function tasksByGroup(
  result: Pick<ImportResult, "groups" | "tasks">
): { group: Group | null; tasks: Task[] }[] {
  const sections: { group: Group | null; tasks: Task[] }[] = [];
  const loose = result.tasks.filter(
    (t) => !t.group || !result.groups.some((g) => g.stt === t.group)
  );
  if (loose.length) sections.push({ group: null, tasks: loose });
  for (const group of result.groups) {
    sections.push({ group, tasks: result.tasks.filter((t) => t.group === group.stt) });
  }
  return sections;
}

export function statusSummary(result: ImportResult): string {
  const planName = result.plan.number ? `kế hoạch ${result.plan.number}` : "kế hoạch";
  return `Đã đọc ${planName}: ${countsText(result.groups, result.tasks)}.`;
}
