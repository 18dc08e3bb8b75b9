/**
 * The status counts a "Tổng hợp" line shows (columns C to K, in this order), named as
 * `phuluc rollup --json` names them: what the tests compare the recalculated sheet and the CLI on.
 */
const STATUS_FIELDS = [
  "total",
  "done_on_time",
  "done_late",
  "done_undated",
  "overdue",
  "in_progress",
  "not_due",
  "no_deadline",
  "not_done",
] as const;

/** Just the status counts of a line (a count missing or null as 0). */
export const statusCounts = (line: Record<string, number | null>) =>
  Object.fromEntries(STATUS_FIELDS.map((f) => [f, line[f] ?? 0]));
