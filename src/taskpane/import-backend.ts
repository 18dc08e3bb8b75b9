/**
 * Where the tab "Nhập kế hoạch" writes the tracking workbook it built: into the open Excel
 * workbook (the renderer asks before replacing sheets) or as an .xlsx to download. One
 * interface, two implementations, like the tracking tab's (tracking-backend.ts).
 */
import type { ImportResult } from "../core/model";
import type { WorkbookSpec } from "../core/spec/sheet-spec";
import { makeDownloadUrl, triggerDownload, type DownloadFile } from "./download";
import { writeXlsx } from "./export-actions";
import { trackingFileName } from "./file-name";

export type ConflictAnswer = "backup" | "cancel";

export interface WrittenWorkbook {
  text: string;
  /** File mode: the new file. */
  download?: DownloadFile;
  /** Excel: what the officer sees in the success bar. */
  excelDone?: string;
}

export interface ImportBackend {
  readonly inExcel: boolean;
  /**
   * Writes `spec` (built from `plan`); `onConflict` asks the officer when the open workbook
   * already has sheets of those names (Excel only).
   */
  write(
    spec: WorkbookSpec,
    plan: ImportResult,
    onConflict: (existing: string[]) => Promise<ConflictAnswer>
  ): Promise<WrittenWorkbook>;
}

export const excelImportBackend: ImportBackend = {
  inExcel: true,
  async write(spec, _plan, onConflict) {
    const { renderInExcel } = await import(
      /* webpackChunkName: "office-render" */ "../host/render-in-excel"
    );
    const outcome = await renderInExcel(spec, onConflict);
    const text = outcome.cancelled
      ? "Đã hủy: sổ làm việc không thay đổi."
      : `Đã tạo sổ theo dõi trong Excel${outcome.backups.length ? ` (đã sao lưu: ${outcome.backups.join(", ")})` : ""}.`;
    return { text, excelDone: text };
  },
};

export const fileImportBackend: ImportBackend = {
  inExcel: false,
  async write(spec, plan) {
    const bytes = await writeXlsx(spec);
    const fileName = trackingFileName(plan.plan.number, plan.source.replace(/\.[^.]+$/, ""));
    const url = makeDownloadUrl(bytes);
    triggerDownload(url, fileName);
    return { text: `Đã tạo tệp ${fileName}.`, download: { url, fileName } };
  },
};
