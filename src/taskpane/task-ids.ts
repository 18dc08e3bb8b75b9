/** DOM ids and accordion keys for tasks and groups, shared by the preview and the App (which lazy-loads the preview). */
import type { Group } from "../core/model";

export function taskElementId(sourceRow: number): string {
  return `task-row-${sourceRow}`;
}

export function groupKey(group: Group | null): string {
  return group ? `g-${group.stt}` : "g-none";
}
