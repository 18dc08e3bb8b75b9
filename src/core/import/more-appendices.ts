/**
 * A plan with a second phụ lục table (Phụ lục II: projects, key activities…) assigns tasks there
 * too: each appendix is imported, the second and later under their own groups ("PL II – I.",
 * "PL II" when it has none) with keys of their own ("PL2-T1"), and the officer is told what was
 * read from each.
 */
import type { Finding, Group } from "../model";
import { FINDINGS } from "../errors/finding-codes";
import { foldVietnamese } from "../text/fold";
import { appendixGroup } from "../text/appendix-group";
import type { LocatedTable } from "./locate-table";
import type { Structure } from "./structure";

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

/**
 * "PHỤ LỤC II" and the title under it, from the text above the table: its name ("Phụ lục II")
 * and group prefix ("PL II"); a table under no such heading is known by its place ("Bảng 2").
 */
function appendixLabel(
  context: string,
  ordinal: number
): { name: string; prefix: string; title: string } {
  const lines = context
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  let at = -1;
  lines.forEach((l, i) => {
    if (/^phu luc\b/.test(foldVietnamese(l))) at = i;
  });
  const written = /^phu luc\s+(?:so\s+)?([ivxlc]+|\d+)\b/.exec(foldVietnamese(lines[at] ?? ""));
  const title =
    lines
      .slice(at + 1)
      .find((l) => !/^\(?\s*(kem theo|ban hanh kem theo)\b/.test(foldVietnamese(l))) ?? "";
  if (at < 0) return { name: `bảng nhiệm vụ thứ ${ordinal}`, prefix: `Bảng ${ordinal}`, title: "" };
  const number = written?.[1]?.toUpperCase() ?? ROMAN[ordinal - 1] ?? String(ordinal);
  return { name: `Phụ lục ${number}`, prefix: `PL ${number}`, title };
}

/**
 * Every appendix's groups and tasks under its own name ("PL I – I.", "PL II"); keys of the
 * second and later prefixed ("PL2-T1"); one finding saying what was read from each, and a
 * warning for an appendix that holds no task.
 */
export function underAppendices(
  parts: { located: LocatedTable; structure: Structure }[],
  fileName: string
): { parts: { located: LocatedTable; structure: Structure }[]; findings: Finding[] } {
  const read: string[] = [];
  const findings: Finding[] = [];
  const named = parts.map(({ located, structure }, i) => {
    const ordinal = i + 1;
    const { name, prefix, title } = appendixLabel(located.context, ordinal);
    const own = appendixGroup(prefix);
    const ungrouped = structure.tasks.some((t) => !t.group);
    const groups: Group[] = [
      ...(ungrouped ? [{ stt: own, title: title || upperFirst(name), sourceRow: 0 }] : []),
      ...structure.groups.map((g) => ({ ...g, stt: appendixGroup(prefix, g.stt) })),
    ];
    const keyPrefix = ordinal > 1 ? `PL${ordinal}-` : "";
    const tasks = structure.tasks.map((t) => ({
      ...t,
      key: keyPrefix + t.key,
      group: t.group ? appendixGroup(prefix, t.group) : own,
    }));
    const where = `bảng ${located.tables.join(", ")}`;
    if (tasks.length)
      read.push(
        `${name}${title ? ` "${title}"` : ""} (${where}): ${tasks.length} nhiệm vụ, ` +
          `nhóm "${own}…"${keyPrefix ? `, mã "${keyPrefix}…"` : ""}`
      );
    else
      findings.push({
        code: FINDINGS.EXTRA_TABLE_IGNORED,
        severity: "warning",
        message: `${upperFirst(name)} (${where}) không có dòng nhiệm vụ nào nên không nhập gì từ đó.`,
        location: { file: fileName, table: located.tables[0] ?? 0 },
      });
    // Tasks outside any group of their appendix are in the appendix's own group now.
    const kept = structure.findings.filter((f) => f.code !== FINDINGS.TASK_WITHOUT_GROUP);
    return { located, structure: { groups, tasks, findings: kept } };
  });
  findings.unshift({
    code: FINDINGS.EXTRA_APPENDIX_IMPORTED,
    severity: "info",
    message: `kế hoạch có ${parts.length} bảng phụ lục nhiệm vụ, đã nhập từng bảng: ${read.join("; ")}.`,
    location: { file: fileName },
  });
  return { parts: named, findings };
}

function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
