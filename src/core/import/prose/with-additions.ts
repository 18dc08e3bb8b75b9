/**
 * The officer's choice among the prose tasks a phụ lục table lacks: the chosen ones (all when
 * `keys` is absent) join the tasks, with their "B…" groups, after the table's; the rest stay
 * offered. The finding that offered them is dropped once nothing is left to offer.
 */
import type { ImportResult } from "../../model";
import { FINDINGS } from "../finding-codes";

export function withAdditions(result: ImportResult, keys?: ReadonlySet<string>): ImportResult {
  const offered = result.additions;
  if (!offered || offered.tasks.length === 0) return result;
  const chosen = offered.tasks.filter((t) => !keys || keys.has(t.key));
  if (chosen.length === 0) return result;
  const left = offered.tasks.filter((t) => !chosen.includes(t));
  const groups = new Set(chosen.map((t) => t.group));
  const leftGroups = new Set(left.map((t) => t.group));
  return {
    ...result,
    groups: [...result.groups, ...offered.groups.filter((g) => groups.has(g.stt))],
    tasks: [...result.tasks, ...chosen],
    findings: left.length
      ? result.findings
      : result.findings.filter((f) => f.code !== FINDINGS.PROSE_ADDITIONS),
    additions: left.length
      ? { groups: offered.groups.filter((g) => leftGroups.has(g.stt)), tasks: left }
      : undefined,
  };
}
