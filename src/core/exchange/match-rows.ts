/**
 * Report rows → tasks of the master. A row with a task key ("Mã nhiệm vụ") matches that key;
 * otherwise its text is compared with the agency's tasks (task-similarity.ts), the STT adding
 * weight when it agrees. A row merges only above CONFIDENT and clearly ahead of the runner-up;
 * anything less is listed for the officer with its closest task, never merged silently.
 * Each task takes at most one row of a file (best pairs first).
 */
import type { TrackingRow } from "../workbook/tracking-model";
import { foldVietnamese } from "../text/fold";
import { similarity, sttKey, taskText, type TaskText } from "./task-similarity";
import type { ReportRow } from "./read-report";

/** At or above: merged. Below: listed to confirm. */
const CONFIDENT = 0.6;
/** The best task must beat the second by this much, unless it is near certain. */
const MARGIN = 0.08;
const CERTAIN = 0.9;

export interface RowMatch {
  report: ReportRow;
  /** The master row, when merged. */
  task?: TrackingRow;
  confidence: number;
  /** The closest task when below the threshold (or ambiguous). */
  candidate?: { task: TrackingRow; confidence: number };
}

const textCache = new WeakMap<TrackingRow, TaskText>();
const textOf = (r: TrackingRow) => {
  let t = textCache.get(r);
  if (!t) textCache.set(r, (t = taskText(r.title)));
  return t;
};

export function matchRows(rows: ReportRow[], tasks: TrackingRow[]): RowMatch[] {
  const out = new Map<ReportRow, RowMatch>();
  const taken = new Set<TrackingRow>();
  const byKey = new Map<string, TrackingRow>();
  for (const t of tasks) if (!byKey.has(t.key)) byKey.set(t.key, t);
  // Folded titles only when some row has no key that matches (files not from distribute).
  let byTitle: Map<string, TrackingRow[]> | undefined;
  const titled = (title: string) => {
    if (!byTitle) {
      byTitle = new Map();
      for (const t of tasks) {
        const k = foldVietnamese(t.title);
        const list = byTitle.get(k);
        if (list) list.push(t);
        else byTitle.set(k, [t]);
      }
    }
    return byTitle.get(foldVietnamese(title)) ?? [];
  };
  const pending: ReportRow[] = [];
  for (const r of rows) {
    const t = r.key ? byKey.get(r.key.trim()) : undefined;
    if (t && !taken.has(t)) {
      taken.add(t);
      out.set(r, { report: r, task: t, confidence: 1 });
      continue;
    }
    const same = r.title ? titled(r.title).filter((x) => !taken.has(x)) : [];
    const [only] = same;
    if (r.title && only && same.length === 1) {
      taken.add(only);
      out.set(r, { report: r, task: only, confidence: 1 });
      continue;
    }
    pending.push(r);
  }

  // Every (row, task) pair scored; best pairs claimed first.
  const pairs: { r: ReportRow; t: TrackingRow; s: number }[] = [];
  const best = new Map<ReportRow, { t: TrackingRow; s: number }[]>();
  for (const r of pending) {
    const rt = taskText(r.title);
    const stt = sttKey(r.stt);
    const scored: { t: TrackingRow; s: number }[] = [];
    for (const t of tasks) {
      if (taken.has(t)) continue;
      let s = similarity(rt, textOf(t));
      if (stt && s >= 0.25 && sttKey(t.stt) === stt) s = Math.min(1, s + 0.2);
      if (s > 0.2) scored.push({ t, s });
    }
    scored.sort((a, b) => b.s - a.s);
    best.set(r, scored.slice(0, 2));
    for (const x of scored) pairs.push({ r, t: x.t, s: x.s });
  }
  pairs.sort((a, b) => b.s - a.s);
  for (const { r, t, s } of pairs) {
    if (out.has(r) || taken.has(t)) continue;
    const [first, second] = best.get(r) ?? [];
    // Clear unless another task scores close to this row's best (no second: no first either).
    const clear = s >= CERTAIN || !first || !second || first.t !== t || s - second.s >= MARGIN;
    if (s >= CONFIDENT && clear) {
      taken.add(t);
      out.set(r, { report: r, task: t, confidence: round(s) });
    }
  }
  return rows.map((r) => {
    const m = out.get(r);
    if (m) return m;
    const top = best.get(r)?.[0];
    return {
      report: r,
      confidence: top ? round(top.s) : 0,
      ...(top ? { candidate: { task: top.t, confidence: round(top.s) } } : {}),
    };
  });
}

const round = (x: number) => Math.round(x * 100) / 100;
