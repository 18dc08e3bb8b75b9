/**
 * The in-workbook checks of the columns an agency fills (status, progress, dates), one set for
 * the tracking workbook's task table and the per-agency report workbooks, so an officer meets the
 * same dropdown and the same Vietnamese messages in both.
 */
import type { ValidationSpec } from "../spec/sheet-spec";
import { STATUS_VALUES } from "./columns";

/** Dates the workbook accepts (Excel's validation bounds). */
export const DATE_MIN = "2000-01-01";
export const DATE_MAX = "2100-12-31";

export function statusValidation(range: string, title: string): ValidationSpec {
  return {
    kind: "list",
    range,
    items: [...STATUS_VALUES],
    allowBlank: true,
    prompt: {
      title,
      message: "Chọn trạng thái trong danh sách. Hoàn thành thì ghi cả Ngày hoàn thành.",
    },
    error: {
      title: "Trạng thái không hợp lệ",
      message: `Chỉ chọn một trong: ${STATUS_VALUES.join("; ")}.`,
    },
  };
}

export function progressValidation(range: string, title: string): ValidationSpec {
  return {
    // Decimal, not whole: a cell formatted as % stores 0.6 for "60%" (and 1 for "100%"); both
    // read as percents (normalizeProgress), so the check must let them in.
    kind: "decimal",
    range,
    min: 0,
    max: 100,
    allowBlank: true,
    prompt: { title, message: "Nhập số từ 0 đến 100 (100 = xong), hoặc dạng phần trăm: 60%." },
    error: {
      title: "Tiến độ không hợp lệ",
      message: "Tiến độ là số từ 0 đến 100, hoặc 0% đến 100%.",
    },
  };
}

export function dateValidation(range: string, title: string): ValidationSpec {
  return {
    kind: "date",
    range,
    min: DATE_MIN,
    max: DATE_MAX,
    allowBlank: true,
    prompt: { title, message: "Nhập ngày dạng dd/mm/yyyy, ví dụ 15/11/2025." },
    error: {
      title: "Ngày không hợp lệ",
      message: `${title}: cần một ngày từ 01/01/2000 đến 31/12/2100.`,
    },
  };
}
