/**
 * "Thông tin": what plan this workbook tracks, the three inputs every formula depends on
 * (Năm báo cáo, Ngày báo cáo, Số ngày sắp đến hạn; each a workbook name), and how to use it.
 */
import type { Plan } from "../model";
import type { CellValue, SheetSpec, ValidationSpec } from "../spec/sheet-spec";
import { quoteSheetName } from "../spec/a1";
import { NAMES, SHEETS, STATUS_VALUES } from "./columns";
import { fullStyle } from "./sheet-style";
import { readableSheet } from "./print-width";
import { BODY_STYLE, COLORS, DATE_STYLE, HEADER_STYLE, NOTE_STYLE, TITLE_STYLE } from "./styles";
import { DATE_MAX, DATE_MIN } from "./tracked-validations";

/** The input cells (column B), fixed so names, readers and the task pane agree. */
const INFO_INPUTS = { reportYear: "B14", reportDate: "B15", dueSoonDays: "B16" } as const;

export const DEFAULT_DUE_SOON_DAYS = 15;

export interface InfoInputs {
  reportYear: number;
  reportDate: string;
  dueSoonDays: number;
  source: string;
}

export function infoNames(): { name: string; refersTo: string }[] {
  const abs = (a: string) => `${quoteSheetName(SHEETS.info)}!$${a.replace(/(\d+)$/, "$$$1")}`;
  return [
    { name: NAMES.reportYear, refersTo: abs(INFO_INPUTS.reportYear) },
    { name: NAMES.reportDate, refersTo: abs(INFO_INPUTS.reportDate) },
    { name: NAMES.dueSoonDays, refersTo: abs(INFO_INPUTS.dueSoonDays) },
  ];
}

const INSTRUCTIONS = [
  `1. Mỗi năm, sửa "Năm báo cáo" và "Ngày báo cáo" ở trên; hạn và tình trạng của mọi nhiệm vụ tự tính lại.`,
  `2. Trang "${SHEETS.tasks}": mỗi dòng là một nhiệm vụ giao cho một đơn vị chủ trì. Đơn vị lọc cột "Đơn vị chủ trì" để thấy phần việc của mình.`,
  `3. Đơn vị chỉ điền các cột nền vàng: Trạng thái (${STATUS_VALUES.join(", ")}), Ngày hoàn thành, Tiến độ (%), Kết quả thực hiện, Văn bản minh chứng, Khó khăn, Đề xuất, Ngày cập nhật.`,
  `4. Không sửa các cột "Hạn hoàn thành", "Tình trạng", "Tình trạng nhiệm vụ": chúng là công thức.`,
  `5. Màu: đỏ = quá hạn; vàng = sắp đến hạn (trong số ngày ở ô B16); xanh = đã hoàn thành; tím = dữ liệu mâu thuẫn (Hoàn thành mà thiếu ngày, 100% mà chưa Hoàn thành, ngày hoàn thành sau ngày báo cáo).`,
  `6. Trang "${SHEETS.summary}" tự tổng hợp theo đơn vị chủ trì, đơn vị phối hợp và nhóm nhiệm vụ; tỷ lệ hoàn thành = đã hoàn thành ÷ số nhiệm vụ đã đến hạn.`,
  `7. Trang "${SHEETS.agencies}" là danh mục đơn vị dùng cho danh sách chọn "Đơn vị chủ trì"; thêm đơn vị mới vào cuối bảng.`,
  `8. Tệp dùng được cả khi không cài Phụ Lục (Excel, LibreOffice). Không đổi tên các trang và bảng.`,
];

export function infoSheet(plan: Plan, inputs: InfoInputs): SheetSpec {
  const date = (iso: string | null): CellValue => (iso ? { date: iso } : null);
  const planRows: [string, CellValue][] = [
    ["Số hiệu", plan.number],
    ["Ngày ban hành", date(plan.issuedOn)],
    ["Cơ quan ban hành", plan.issuer],
    ["Tỉnh", plan.province],
    ["Tên kế hoạch", plan.title],
    ["Tên phụ lục", plan.appendixTitle],
    ["Giai đoạn từ năm", plan.period?.from ?? null],
    ["Giai đoạn đến năm", plan.period?.to ?? null],
    ["Tệp nguồn", inputs.source],
  ];
  const inputRows: [string, CellValue, string][] = [
    ["Năm báo cáo", inputs.reportYear, "Năm đang theo dõi (2000–2100)."],
    ["Ngày báo cáo", { date: inputs.reportDate }, "Mốc để xét quá hạn, sắp đến hạn."],
    [
      'Số ngày "sắp đến hạn"',
      inputs.dueSoonDays,
      "Tô vàng nhiệm vụ còn ≤ số ngày này đến hạn (0–365).",
    ],
  ];
  const validations: ValidationSpec[] = [
    {
      kind: "whole",
      range: INFO_INPUTS.reportYear,
      min: 2000,
      max: 2100,
      allowBlank: false,
      prompt: { title: "Năm báo cáo", message: "Nhập năm, ví dụ 2025." },
      error: { title: "Năm không hợp lệ", message: "Năm báo cáo là số nguyên từ 2000 đến 2100." },
    },
    {
      kind: "date",
      range: INFO_INPUTS.reportDate,
      min: DATE_MIN,
      max: DATE_MAX,
      allowBlank: false,
      prompt: { title: "Ngày báo cáo", message: "Nhập ngày dạng dd/mm/yyyy, ví dụ 15/12/2025." },
      error: {
        title: "Ngày không hợp lệ",
        message: "Ngày báo cáo phải là một ngày từ 01/01/2000 đến 31/12/2100.",
      },
    },
    {
      kind: "whole",
      range: INFO_INPUTS.dueSoonDays,
      min: 0,
      max: 365,
      allowBlank: false,
      prompt: { title: "Số ngày sắp đến hạn", message: "Nhập số ngày từ 0 đến 365." },
      error: {
        title: "Số ngày không hợp lệ",
        message: "Số ngày sắp đến hạn là số nguyên từ 0 đến 365.",
      },
    },
  ];
  // Rows: 1 title, 2–10 plan, 13 inputs heading, 14–16 inputs, 18 instructions heading, 19… lines.
  const firstInstruction = 19;
  const lastInstruction = firstInstruction + INSTRUCTIONS.length - 1;
  return readableSheet({
    name: SHEETS.info,
    visibility: "visible",
    // 78 characters: one A4 portrait page wide at 100 % (the long texts wrap, rows grow).
    columns: [{ width: 22 }, { width: 26 }, { width: 30 }],
    blocks: [
      { address: "A1", values: [["THÔNG TIN KẾ HOẠCH VÀ THAM SỐ BÁO CÁO"]] },
      { address: "A2", values: planRows.map(([k, v]) => [k, v]) },
      { address: "A13", values: [["THAM SỐ BÁO CÁO (ô nền vàng, cán bộ nhập)", null, "Ghi chú"]] },
      { address: "A14", values: inputRows.map(([k, v, note]) => [k, v, note]) },
      { address: "A18", values: [["HƯỚNG DẪN SỬ DỤNG"], ...INSTRUCTIONS.map((t) => [t])] },
    ],
    styles: [
      { range: "A1:C1", style: fullStyle(TITLE_STYLE) },
      { range: "A2:A10", style: fullStyle(BODY_STYLE, { font: { bold: true } }) },
      { range: "B2:C10", style: fullStyle(BODY_STYLE) },
      { range: "B3", style: fullStyle(BODY_STYLE, DATE_STYLE, { horizontal: "left" }) },
      { range: "A13:C13", style: fullStyle(HEADER_STYLE) },
      { range: "A14:A16", style: fullStyle(BODY_STYLE, { font: { bold: true } }) },
      {
        range: "B14:B16",
        style: fullStyle(BODY_STYLE, {
          fill: COLORS.input,
          font: { bold: true },
          horizontal: "left",
        }),
      },
      {
        range: INFO_INPUTS.reportYear,
        style: fullStyle(BODY_STYLE, {
          fill: COLORS.input,
          font: { bold: true },
          horizontal: "left",
          numberFormat: "0",
        }),
      },
      {
        range: INFO_INPUTS.reportDate,
        style: fullStyle(BODY_STYLE, DATE_STYLE, {
          fill: COLORS.input,
          font: { bold: true },
          horizontal: "left",
        }),
      },
      { range: "C14:C16", style: fullStyle(BODY_STYLE, NOTE_STYLE) },
      { range: "A18", style: fullStyle({ font: { bold: true } }) },
      {
        range: `A${firstInstruction}:A${lastInstruction}`,
        style: fullStyle({ wrap: true, vertical: "top" }),
      },
    ],
    merges: [
      "A1:C1",
      "B2:C2",
      "B3:C3",
      "B4:C4",
      "B5:C5",
      "B6:C6",
      "B7:C7",
      "B8:C8",
      "B9:C9",
      "B10:C10",
      ...INSTRUCTIONS.map((_, i) => `A${firstInstruction + i}:C${firstInstruction + i}`),
    ],
    tables: [],
    validations,
    conditionalFormats: [],
    // The plan's title, the notes and the instructions get their heights from their text.
    rowHeights: { 1: 30 },
    pageLayout: {
      orientation: "portrait",
      paper: "A4",
      margins: { top: 20, bottom: 20, left: 30, right: 15 },
      fitToWidth: true,
      restartPageNumbers: true,
    },
    tabColor: COLORS.tab.info,
  });
}
