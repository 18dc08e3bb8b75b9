/**
 * Where the "Theo dõi" tab's work goes, as one interface with two implementations, so the
 * panel holds no Excel/file branches:
 *  - Excel: the open workbook, read again before each action (the officer types between
 *    clicks); changes written with a backup batch, undoable; findings select their cell.
 *  - File: an .xlsx held in memory; every change gives a NEW file to download (the source is
 *    never touched) with the session's changes in "Nhật ký sửa"; no undo (the source is it).
 * Both return what the panel shows next, the workbook included. Every job of the tab that writes
 * goes through here: fixes, undo, the roll-over, papers and the "Mẫu in" texts, consolidation.
 */
import type { ApplyFixesResult } from "../core/tracking/apply-fixes";
import type { CellChange } from "../core/tracking/changes";
import type { TrackingWorkbook } from "../core/workbook/tracking-model";
import { reportDateChange } from "../core/tracking/input-cells";
import * as actions from "./tracking-actions";
import type { OpenedTracking } from "./tracking-actions";
import * as papers from "./paper-actions";
import type { ConsolidateResult } from "../core/exchange/consolidate";
import type { PrintTextEdits } from "../core/papers/print-texts";
import { makeDownloadUrl, triggerDownload, type DownloadFile } from "./download";
import { todayIso } from "./report-date";
import {
  changeCountText,
  fixedFileName,
  rolledFileName,
  rolloverText,
  textsFileName,
} from "./tracking-view";
import { consolidatedFileName } from "./exchange-view";
import { consolidatedFile, recordSheets } from "../app/consolidate-files";
import { FONT } from "../core/workbook/styles";

/** The Office.js side (reading, writing, undo, chart): its own chunk, Excel only. */
const trackingExcel = () =>
  import(/* webpackChunkName: "office-tracking" */ "../host/tracking-excel");
/** A paper as a new sheet of the open workbook: Excel only. */
const papersExcel = () => import(/* webpackChunkName: "office-render" */ "../host/papers-excel");

/** The workbook as the pane knows it. */
export interface TrackingState {
  opened: OpenedTracking;
  /** After this session's changes (file mode); as read (Excel). */
  wb: TrackingWorkbook;
  /** File mode: every change of this session, logged in the next file's "Nhật ký sửa". */
  applied: CellChange[];
}

export interface ChangeOutcome {
  state: TrackingState;
  text: string;
  download?: DownloadFile;
  /** Excel: the batch "Hoàn tác" undoes. */
  undoBatch?: string;
  /** True when the workbook was read anew (inputs kept; findings to check again). */
  reread: boolean;
}

/** What a paper or the texts gave: a sheet of the open workbook, or a file downloaded. */
export interface MadeOutcome {
  text: string;
  download?: DownloadFile;
}

/** Where a paper goes: a new sheet of the open workbook (Excel only) or a file. */
export type PaperTarget = "sheet" | "xlsx" | "docx";

/** A consolidation written: Excel reads the master again; file mode gives a new master. */
export interface ConsolidationOutcome {
  /** The sentence after the summary: where the result went. */
  text: string;
  download?: DownloadFile;
  /** Excel: the master as read after writing, and the batch "Hoàn tác" undoes. */
  state?: TrackingState;
  undoBatch?: string | null;
}

export interface ConsolidationWrite {
  year: number;
  date: string;
}

export interface TrackingBackend {
  readonly inExcel: boolean;
  /** The workbook as it is now: Excel reads it again, file mode keeps the one in memory. */
  current(state: TrackingState | null): Promise<TrackingState>;
  /** Writes the changes of `result` (the fixes of `what`). */
  apply(state: TrackingState, result: ApplyFixesResult, what: string): Promise<ChangeOutcome>;
  /** Starts `to`, the next reporting year. */
  rollover(state: TrackingState, to: number): Promise<ChangeOutcome>;
  /**
   * Keeps the report date the officer set ("Ngày báo cáo") in the workbook when it is for the
   * report year: Excel writes the cell (backed up, undoable); file mode carries it into every
   * file made next. Unchanged otherwise.
   */
  keepReportDate(state: TrackingState, year: number, date: string): Promise<TrackingState>;
  /** A paper (not the reminders: a Word file anywhere) as a sheet or a file. */
  paper(
    state: TrackingState,
    request: papers.PaperRequest,
    target: PaperTarget
  ): Promise<MadeOutcome>;
  /** The texts in use ("Mẫu in"): a sheet to edit in Excel, a copy of the workbook in file mode. */
  texts(state: TrackingState, edits?: PrintTextEdits): Promise<MadeOutcome>;
  /** Writes a consolidation of returned files into the master. */
  consolidate(
    state: TrackingState,
    result: ConsolidateResult,
    o: ConsolidationWrite
  ): Promise<ConsolidationOutcome>;
  /** Excel only: puts a batch back. */
  undo?(batch: string): Promise<ChangeOutcome>;
  /** Excel only: selects a cell; false when it is not there. */
  select?(sheet: string, address: string): Promise<boolean>;
  /** Excel only: the status chart on "Tổng hợp". */
  chart?(): Promise<void>;
}

const fresh = (opened: OpenedTracking): TrackingState => ({
  opened,
  wb: opened.workbook,
  applied: [],
});

async function readExcel(): Promise<OpenedTracking> {
  const { readOpenTracking } = await trackingExcel();
  const { cells, name } = await readOpenTracking();
  return actions.openTrackingCells(cells, name);
}

/** Whether `date` is a new report date for the workbook's report year. */
const newReportDate = (wb: TrackingWorkbook, year: number, date: string) =>
  wb.reportYear === year && wb.reportDate !== date;

/** A paper as a file to download: the same in both modes. */
async function paperDownload(
  state: TrackingState,
  request: papers.PaperRequest,
  format: "xlsx" | "docx"
): Promise<MadeOutcome> {
  const file = await papers.paperFile(state.opened, state.wb, request, format);
  const url = makeDownloadUrl(file.bytes, file.mime);
  triggerDownload(url, file.fileName);
  return { text: `Đã tạo tệp ${file.fileName}.`, download: { url, fileName: file.fileName } };
}

export const excelBackend: TrackingBackend = {
  inExcel: true,
  current: async () => fresh(await readExcel()),
  async keepReportDate(state, year, date) {
    if (!newReportDate(state.wb, year, date)) return state;
    const change = reportDateChange(state.opened.cells, date);
    if (!change) return state;
    const { applyChangesInExcel } = await trackingExcel();
    await applyChangesInExcel([change]);
    return fresh(await readExcel());
  },
  async apply(_state, result, what) {
    const { applyChangesInExcel } = await trackingExcel();
    const { batchId } = await applyChangesInExcel(result.changes);
    return {
      state: fresh(await readExcel()),
      text: `${what}: ${changeCountText(result.changes.length)} Giá trị cũ được sao lưu; có thể hoàn tác.`,
      undoBatch: batchId,
      reread: true,
    };
  },
  async rollover(_state, to) {
    const { rolloverInExcel } = await trackingExcel();
    const out = await rolloverInExcel(to);
    return {
      state: fresh(await readExcel()),
      text: `Đã chuyển sổ sang năm ${to}: ${rolloverText(out, out.from)} Có thể hoàn tác.`,
      undoBatch: out.batchId,
      reread: false,
    };
  },
  async undo(batch) {
    const { undoChangesInExcel } = await trackingExcel();
    const undone = await undoChangesInExcel(batch);
    return {
      state: fresh(await readExcel()),
      text: `Đã hoàn tác: ${undone.restored} ô trở lại giá trị trước khi sửa.${
        undone.skipped ? ` ${undone.skipped} ô đã được sửa tay sau đó nên giữ nguyên.` : ""
      }`,
      reread: true,
    };
  },
  async paper(state, request, target) {
    if (target !== "sheet") return paperDownload(state, request, target);
    const { paperSheetInExcel } = await papersExcel();
    const spec = papers.paperSpec(papers.makePaper(state.opened, state.wb, request));
    const out = await paperSheetInExcel(spec);
    return {
      text: `Đã tạo trang "${out.sheet}", sẵn sàng để in (Ctrl+P).${
        out.backups.length ? ` Trang cũ cùng tên được giữ lại với tên "${out.backups[0]}".` : ""
      }`,
    };
  },
  async texts(state, edits) {
    const { paperSheetInExcel } = await papersExcel();
    const out = await paperSheetInExcel(papers.printTextsSpec(state.opened, state.wb, edits));
    return {
      text: `Đã tạo trang "${out.sheet}": sửa tiêu đề, người ký, nơi nhận ở đó; lần in sau dùng chữ mới.${
        out.backups.length ? ` Trang cũ được giữ lại với tên "${out.backups[0]}".` : ""
      }`,
    };
  },
  async consolidate(_state, result) {
    const { consolidateInExcel } = await trackingExcel();
    const { batchId } = await consolidateInExcel(result.changes, recordSheets(result), FONT);
    return {
      text: `Đã ghi vào sổ đang mở (trang "Tiếp nhận"); giá trị cũ được sao lưu.`,
      state: fresh(await readExcel()),
      undoBatch: batchId,
    };
  },
  async select(sheet, address) {
    const { selectCell } = await trackingExcel();
    return selectCell(sheet, address);
  },
  async chart() {
    const { insertChartInExcel } = await trackingExcel();
    await insertChartInExcel();
  },
};

export const fileBackend: TrackingBackend = {
  inExcel: false,
  async keepReportDate(state, year, date) {
    if (!newReportDate(state.wb, year, date)) return state;
    return { ...state, wb: { ...state.wb, reportDate: date } };
  },
  async current(state) {
    if (!state) throw new Error("Chưa mở sổ theo dõi.");
    return state;
  },
  async apply(state, result, what) {
    const o = state.opened;
    const all = [...state.applied, ...result.changes];
    const bytes = await actions.fixedFile(o, result.workbook, all, todayIso());
    const fileName = fixedFileName(o.source);
    const url = makeDownloadUrl(bytes);
    triggerDownload(url, fileName);
    // Only now, with the file written, does the pane move on to the fixed workbook.
    return {
      state: { opened: o, wb: result.workbook, applied: all },
      text: `${what}: ${changeCountText(result.changes.length)} Đã tạo tệp mới ${fileName}; tệp gốc ${o.source} giữ nguyên.`,
      download: { url, fileName },
      reread: false,
    };
  },
  async paper(state, request, target) {
    // No open workbook to add a sheet to: the sheet's paper as an .xlsx.
    return paperDownload(state, request, target === "sheet" ? "xlsx" : target);
  },
  async texts(state, edits) {
    const o = state.opened;
    const bytes = await actions.printTextsFile(o, state.wb, state.applied, todayIso(), edits);
    const fileName = textsFileName(o.source);
    const url = makeDownloadUrl(bytes);
    triggerDownload(url, fileName);
    return {
      text: `Đã tạo tệp ${fileName}: bản sao sổ có trang "Mẫu in" — sửa tiêu đề, người ký, nơi nhận ở đó rồi mở tệp này để in; tệp gốc ${o.source} giữ nguyên.`,
      download: { url, fileName },
    };
  },
  async consolidate(state, result, o) {
    const master = { ...state.opened, workbook: state.wb };
    const { bytes } = await consolidatedFile(master, result, {
      year: o.year,
      date: o.date,
      today: todayIso(),
      batchPrefix: "Phụ Lục (tổng hợp)",
      earlier: state.applied,
    });
    const fileName = consolidatedFileName(state.opened.source, o.year);
    const url = makeDownloadUrl(bytes);
    triggerDownload(url, fileName);
    return {
      text: `Đã tạo tệp mới ${fileName}; sổ gốc giữ nguyên.`,
      download: { url, fileName },
    };
  },
  async rollover(state, to) {
    const from = state.wb.reportYear;
    const { bytes, summary } = await actions.rolledFile(
      state.opened,
      state.wb,
      to,
      state.applied,
      todayIso()
    );
    const fileName = rolledFileName(state.opened.source, to);
    const url = makeDownloadUrl(bytes);
    triggerDownload(url, fileName);
    // The pane moves on to the new year's workbook, as the file now is.
    return {
      state: fresh(await actions.openTrackingBytes(bytes, fileName)),
      text: `Đã tạo sổ năm ${to} (${fileName}): ${rolloverText(summary, from)} Tệp gốc giữ nguyên; phần Kiểm tra và Tổng hợp ở trên nay là năm ${to}.`,
      download: { url, fileName },
      reread: false,
    };
  },
};
