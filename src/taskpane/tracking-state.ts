/**
 * What the "Theo dõi" tab shows, as one pure reducer (TrackingPanel's useReducer): the workbook
 * as the pane knows it, the year and date typed, the findings, the last fix and its undo, the
 * roll-over, the papers. Each backend outcome is one event; the rules of what a new workbook
 * clears live here once, unit-tested (test/unit/taskpane/tracking-state.test.ts).
 */
import type { Finding } from "../core/model";
import type { CellChange } from "../core/tracking/changes";
import type { Narrative } from "../core/papers/narrative";
import type { DownloadFile } from "./download";
import type { TrackingState } from "./tracking-backend";

export interface LastFix {
  changes: CellChange[];
  text: string;
}

export interface Rolled {
  text: string;
  download?: DownloadFile;
}

export interface PapersResult {
  text: string;
  download?: DownloadFile;
}

export interface TrackingView {
  /** The workbook as the pane now knows it (after this session's fixes in file mode). */
  tracking: TrackingState | null;
  year: string;
  date: string;
  /** null until the first check. */
  findings: Finding[] | null;
  selected: string | null;
  lastFix: LastFix | null;
  fixDownload: DownloadFile | null;
  /** Excel: the batch "Hoàn tác" puts back. */
  undoBatch: string | null;
  rolled: Rolled | null;
  info: string | null;
  paperResult: PapersResult | null;
  narrative: Narrative | null;
}

export const EMPTY_TRACKING_VIEW: TrackingView = {
  tracking: null,
  year: "",
  date: "",
  findings: null,
  selected: null,
  lastFix: null,
  fixDownload: null,
  undoBatch: null,
  rolled: null,
  info: null,
  paperResult: null,
  narrative: null,
};

export type TrackingEvent =
  /** A job starts: the last information line goes. */
  | { type: "started" }
  /**
   * A workbook read or written: it replaces what the tab showed. `keepInputs`: the same
   * workbook read again (year, date, last fix and undo kept); otherwise a new one, whose
   * report year and date (or `thisYear` / `today`) fill the inputs.
   */
  | {
      type: "shown";
      tracking: TrackingState;
      keepInputs: boolean;
      thisYear: number;
      today: string;
    }
  | { type: "year"; value: string }
  | { type: "date"; value: string }
  | { type: "checked"; findings: Finding[] }
  | { type: "selected"; id: string }
  /** Fixes written: the workbook after them, checked again. */
  | {
      type: "fixed";
      tracking: TrackingState;
      findings: Finding[];
      fix: LastFix;
      undoBatch?: string;
      download?: DownloadFile;
    }
  /** Nothing to write: said, and the last fix shows no change. */
  | { type: "nothingFixed"; text: string }
  | { type: "undone"; tracking: TrackingState; findings: Finding[]; text: string }
  /** The next year started: a new workbook (inputs from it). */
  | {
      type: "rolled";
      tracking: TrackingState;
      rolled: Rolled;
      undoBatch?: string;
      thisYear: number;
      today: string;
    }
  /** Another section changed the open workbook (consolidation in Excel). */
  | { type: "changed"; tracking: TrackingState; undoBatch?: string | null }
  | { type: "info"; text: string }
  | { type: "paper"; result: PapersResult }
  | { type: "narrative"; narrative: Narrative };

/** A workbook replaces what the tab showed; a new one (not read again) resets the inputs. */
function shown(
  v: TrackingView,
  tracking: TrackingState,
  keepInputs: boolean,
  thisYear: number,
  today: string
): TrackingView {
  const next: TrackingView = { ...v, tracking, findings: null, selected: null };
  if (keepInputs) return next;
  const wb = tracking.opened.workbook;
  return {
    ...next,
    year: String(wb.reportYear ?? thisYear),
    date: wb.reportDate ?? today,
    lastFix: null,
    fixDownload: null,
    undoBatch: null,
    rolled: null,
  };
}

export function trackingReducer(v: TrackingView, e: TrackingEvent): TrackingView {
  switch (e.type) {
    case "started":
      return v.info === null ? v : { ...v, info: null };
    case "shown":
      return shown(v, e.tracking, e.keepInputs, e.thisYear, e.today);
    case "year":
      return { ...v, year: e.value };
    case "date":
      return { ...v, date: e.value };
    case "checked":
      return { ...v, findings: e.findings, selected: null };
    case "selected":
      return { ...v, selected: e.id };
    case "fixed": {
      const next = shown(v, e.tracking, true, 0, "");
      return {
        ...next,
        undoBatch: e.undoBatch ?? next.undoBatch,
        fixDownload: e.download ?? next.fixDownload,
        findings: e.findings,
        lastFix: e.fix,
      };
    }
    case "nothingFixed":
      return { ...v, lastFix: { changes: [], text: e.text }, info: e.text };
    case "undone":
      return {
        ...shown(v, e.tracking, true, 0, ""),
        undoBatch: null,
        findings: e.findings,
        lastFix: null,
        info: e.text,
      };
    case "rolled": {
      const next = shown(v, e.tracking, false, e.thisYear, e.today);
      return { ...next, undoBatch: e.undoBatch ?? null, rolled: e.rolled };
    }
    case "changed": {
      const next = shown(v, e.tracking, true, 0, "");
      return e.undoBatch ? { ...next, undoBatch: e.undoBatch } : next;
    }
    case "info":
      return { ...v, info: e.text };
    case "paper":
      return { ...v, paperResult: e.result };
    case "narrative":
      return { ...v, narrative: e.narrative };
  }
}
