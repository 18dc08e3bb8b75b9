/**
 * What the section "Gửi và tổng hợp báo cáo đơn vị" shows, as one pure reducer: the deadline
 * typed, the .zip made, the files being consolidated (a line each, the progress), the summary,
 * the new master, and the officer's confirmations and choices kept to run again with them.
 * Unit-tested in test/unit/taskpane/exchange-state.test.ts.
 */
import type { ConflictChoice, Confirmation } from "../core/exchange/consolidate";
import type { ConsolidationReport } from "../core/exchange/consolidation-model";
import type { DownloadFile } from "./download";
import type { PickedFile } from "./dropped-files";
import type { FileLine } from "./exchange-view";

export interface ExchangeView {
  /** The deadline as typed (dd/mm/yyyy, like every date of the pane); "" = none. */
  deadlineText: string;
  progress: { done: number; total: number } | null;
  lines: FileLine[];
  summary: string | null;
  /** File mode: the new master. */
  download: DownloadFile | null;
  zip: DownloadFile | null;
  /** Files are dragged over the drop zone. */
  over: boolean;
  /** The last files consolidated, kept to run again with the officer's confirmations. */
  lastPicked: PickedFile[];
  confirmed: Confirmation[];
  /** The officer's choices on cells typed in the master that a file reports otherwise. */
  choices: ConflictChoice[];
  report: ConsolidationReport | null;
}

export const EMPTY_EXCHANGE_VIEW: ExchangeView = {
  deadlineText: "",
  progress: null,
  lines: [],
  summary: null,
  download: null,
  zip: null,
  over: false,
  lastPicked: [],
  confirmed: [],
  choices: [],
  report: null,
};

export type ExchangeEvent =
  | { type: "deadline"; text: string }
  | { type: "over"; over: boolean }
  | { type: "distributing" }
  | { type: "progress"; done: number; total: number }
  | { type: "zipped"; zip: DownloadFile }
  /** A consolidation starts: every file waits its turn. */
  | {
      type: "consolidating";
      picked: PickedFile[];
      confirmed: Confirmation[];
      choices: ConflictChoice[];
    }
  /** One file read (the progress callback). */
  | { type: "fileRead"; done: number; total: number; file: string }
  | {
      type: "consolidated";
      report: ConsolidationReport;
      lines: FileLine[];
      summary: string;
      download?: DownloadFile;
    };

export function exchangeReducer(v: ExchangeView, e: ExchangeEvent): ExchangeView {
  switch (e.type) {
    case "deadline":
      return { ...v, deadlineText: e.text };
    case "over":
      return v.over === e.over ? v : { ...v, over: e.over };
    case "distributing":
      return { ...v, progress: null };
    case "progress":
      return { ...v, progress: { done: e.done, total: e.total } };
    case "zipped":
      return { ...v, zip: e.zip };
    case "consolidating":
      return {
        ...v,
        lastPicked: e.picked,
        confirmed: e.confirmed,
        choices: e.choices,
        report: null,
        summary: null,
        download: null,
        lines: e.picked.map((f) => ({
          file: f.path,
          state: "waiting",
          text: "Chờ đọc…",
          notes: [],
        })),
        progress: { done: 0, total: e.picked.length },
      };
    case "fileRead":
      return {
        ...v,
        progress: { done: e.done, total: e.total },
        lines: v.lines.map((l) =>
          l.file === e.file ? { ...l, state: "reading", text: "Đã đọc." } : l
        ),
      };
    case "consolidated":
      return {
        ...v,
        report: e.report,
        lines: e.lines,
        summary: e.summary,
        download: e.download ?? null,
      };
  }
}

/** The confirmations after the officer confirmed one more match. */
export function withConfirmation(v: ExchangeView, c: Confirmation): Confirmation[] {
  return [...v.confirmed, c];
}

/** The choices after the officer chose for some cells: a new choice replaces the old one. */
export function withChoices(v: ExchangeView, picked: ConflictChoice[]): ConflictChoice[] {
  return [
    ...v.choices.filter(
      (c) => !picked.some((x) => x.key === c.key && x.lead === c.lead && x.column === c.column)
    ),
    ...picked,
  ];
}
