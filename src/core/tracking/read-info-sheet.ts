/**
 * "Thông tin" read back: the plan's data by label (column A), and the inputs Năm báo cáo /
 * Ngày báo cáo / Số ngày sắp đến hạn where input-cells.ts finds them.
 */
import { foldVietnamese } from "../text/fold";
import type { TrackingWorkbook } from "../workbook/tracking-model";
import { inputCell } from "./input-cells";
import { cellText } from "./raw-cell";
import { dateOf, type Grid, type TrackingCells } from "./tracking-cells";

export function readPlanInfo(grid: Grid): TrackingWorkbook["plan"] {
  const by = new Map(
    Array.from(grid, (r) => [foldVietnamese(cellText(r?.[0])), r?.[1]] as [string, unknown])
  );
  const get = (label: string) => by.get(foldVietnamese(label));
  const from = Number(cellText(get("Giai đoạn từ năm")));
  const to = Number(cellText(get("Giai đoạn đến năm")));
  return {
    number: cellText(get("Số hiệu")),
    issuedOn: dateOf(get("Ngày ban hành")),
    issuer: cellText(get("Cơ quan ban hành")),
    province: cellText(get("Tỉnh")),
    title: cellText(get("Tên kế hoạch")),
    appendixTitle: cellText(get("Tên phụ lục")),
    period: from && to ? { from, to } : null,
  };
}

export function readInputs(input: TrackingCells) {
  const value = (id: Parameters<typeof inputCell>[1]) => inputCell(input, id)?.value ?? null;
  const year = Number(cellText(value("reportYear")));
  const daysText = cellText(value("dueSoonDays"));
  const days = Number(daysText);
  return {
    reportYear: Number.isInteger(year) && year > 1900 ? year : null,
    reportDate: dateOf(value("reportDate")),
    dueSoonDays: daysText !== "" && Number.isFinite(days) ? days : null,
  };
}
