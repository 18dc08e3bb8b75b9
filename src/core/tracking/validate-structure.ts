/**
 * The shape of the task list: STT numbering and hierarchy, keys, and the same task typed
 * twice. Rows of one task (one per lead) share key and STT, so numbering is checked per key.
 * Officers sort and filter, so gaps are found from the set of numbers, not from row order.
 */
import type { Finding } from "../model";
import { foldVietnamese } from "../text/fold";
import { groupNumber } from "../text/appendix-group";
import type { TaskColumnId } from "../workbook/columns";
import { cellFinding, type CellAt, TRACKING_FINDINGS as F } from "./tracking-findings";
import type { TrackingRow } from "../workbook/tracking-model";

type At = (row: TrackingRow, column?: TaskColumnId | string) => CellAt;

export function checkStructure(rows: TrackingRow[], at: At): Finding[] {
  const out: Finding[] = [];
  const firstOfKey = new Map<string, TrackingRow>();
  const tasks: TrackingRow[] = [];
  for (const r of rows) {
    if (!r.key.trim()) {
      out.push(
        cellFinding(
          F.KEY_MISSING,
          "warning",
          at(r, "key"),
          "dòng không có mã nhiệm vụ: lịch sử các năm không gắn được với dòng này."
        )
      );
      tasks.push(r);
    } else if (!firstOfKey.has(r.key)) {
      firstOfKey.set(r.key, r);
      tasks.push(r);
    }
  }

  const bySTT = new Map<string, TrackingRow>();
  const numbersInGroup = new Map<string, { n: number; row: TrackingRow }[]>();
  for (const t of tasks) {
    const stt = t.stt.trim();
    if (!t.group.trim())
      out.push(
        cellFinding(
          F.TASK_WITHOUT_GROUP,
          "warning",
          at(t, "group"),
          "nhiệm vụ không thuộc nhóm nào."
        )
      );
    // A dash or "+" as written for sub-items is no number; numbering restarting in each
    // group ("I" / 1, 2; "II" / 1, 2) repeats no STT of its own group: as the import says.
    if (!stt || /^[-–—+•*]$/.test(stt)) continue;
    const scoped = `${t.group.trim()}|${stt}`;
    const seen = bySTT.get(scoped);
    if (seen && !bulletSiblings(seen.key, t.key))
      out.push(
        cellFinding(
          F.STT_DUPLICATE,
          "warning",
          at(t, "stt"),
          `STT "${stt}" trùng với dòng ${seen.sheetRow}.`
        )
      );
    else bySTT.set(scoped, t);
    const m = /^(.+)\.(\d+)$/.exec(stt);
    const inGroup = m?.[1];
    const number = m?.[2];
    if (inGroup === undefined || number === undefined) continue;
    // A group written "1." (typed, or Word's numbering "%1."), or "PL II – 1." (a second
    // appendix), is group 1 of "1.1".
    const group = groupNumber(t.group);
    if (group && inGroup !== group)
      out.push(
        cellFinding(
          F.STT_GROUP_MISMATCH,
          "warning",
          at(t, "stt"),
          `STT "${stt}" không thuộc nhóm "${t.group}" ghi ở cột Nhóm.`
        )
      );
    const list = numbersInGroup.get(inGroup) ?? [];
    list.push({ n: Number(number), row: t });
    numbersInGroup.set(inGroup, list);
  }
  for (const [group, list] of numbersInGroup) {
    const have = new Set(list.map((x) => x.n));
    const max = Math.max(...have);
    const missing: number[] = [];
    for (let n = 1; n < max; n++) if (!have.has(n)) missing.push(n);
    const [firstGap] = missing;
    if (firstGap === undefined) continue;
    // The first number after the gap marks it; there is one: the group's largest.
    const after = list.filter((x) => x.n > firstGap).sort((a, b) => a.n - b.n)[0];
    if (!after) throw new Error(`validateStructure: no STT after ${group}.${firstGap}`);
    out.push(
      cellFinding(
        F.STT_GAP,
        "warning",
        at(after.row, "stt"),
        `STT nhóm ${group} bị thiếu ${missing.map((n) => `${group}.${n}`).join(", ")}.`
      )
    );
  }

  const byText = new Map<string, TrackingRow>();
  for (const r of rows) {
    if (!r.title.trim()) continue;
    const k = `${foldVietnamese(r.title)}|${foldVietnamese(r.lead)}`;
    const first = byText.get(k);
    if (first)
      out.push(
        cellFinding(
          F.TASK_DUPLICATE,
          "warning",
          at(r, "title"),
          `trùng nhiệm vụ và đơn vị chủ trì với dòng ${first.sheetRow}${first.key !== r.key ? "" : " (cùng mã)"}.`
        )
      );
    else byText.set(k, r);
  }
  return out;
}

/**
 * "T3a", "T3b": tasks split from one row's "- " bullets share the row's STT by design (import
 * numbers them with a letter); only a repeated STT across different plan rows is a duplicate.
 */
function bulletSiblings(a: string, b: string): boolean {
  const base = (k: string) => /^(.*\d)[a-z]{1,2}$/.exec(k)?.[1];
  const x = base(a);
  return x !== undefined && x === base(b);
}
