/** A WorkbookSpec that uses every spec feature, shared by the renderer and file tests. */
import type { CellValue, WorkbookSpec } from "../../src/core/spec/sheet-spec";

export const TRICKY_STRINGS = ["=SUM(A1)", "+84 912 345 678", "-abc", "@x", "0123", "=1+1"];

export function taskRows(n: number): CellValue[][] {
  return Array.from({ length: n }, (_, i) => [
    `NV-${String(i + 1).padStart(4, "0")}`,
    i + 1,
    `Nhiệm vụ số ${i + 1}: rà soát, cập nhật văn bản`,
    i % 3 === 0 ? "Sở Tài chính" : "Sở Nội vụ",
    { date: `2026-${String((i % 12) + 1).padStart(2, "0")}-15` },
    i % 5 === 0 ? null : (i * 7) % 101,
    { formula: `IF(F${i + 3}>=100,"Hoàn thành","Đang thực hiện")` },
  ]);
}

export const TASK_HEADERS = [
  "Mã nhiệm vụ",
  "STT",
  "Nhiệm vụ",
  "Đơn vị chủ trì",
  "Hạn",
  "Tiến độ (%)",
  "Tình trạng",
];

export function fullSpec(rows = 5): WorkbookSpec {
  const last = rows + 2;
  return {
    defaultFont: { name: "Times New Roman", size: 12 },
    names: [
      { name: "NamBaoCao", refersTo: "'Thông tin'!$B$2" },
      { name: "Năm_báo_cáo", refersTo: "'Thông tin'!$B$2" },
      { name: "DanhSachDonVi", refersTo: "'Đơn vị'!$A$2:$A$4" },
    ],
    sheets: [
      {
        name: "Thông tin",
        visibility: "visible",
        columns: [{ width: 30 }, { width: 18 }, { width: 12, hidden: true }],
        blocks: [
          {
            address: "A1",
            values: [
              ["THÔNG TIN KẾ HOẠCH", null],
              ["Năm báo cáo", 2026],
              ["Ngày báo cáo", { date: "2026-11-15" }],
              ["Đúng/sai", true],
              ["Tổng", { formula: "B2+1" }],
            ],
          },
          { address: "A7", values: [TRICKY_STRINGS] },
        ],
        styles: [
          {
            range: "A1:B1",
            style: {
              font: { bold: true, size: 14, color: "#C00000" },
              horizontal: "center",
              fill: "#DDEBF7",
            },
          },
          { range: "A2:B5", style: { border: "thin", wrap: true, vertical: "center" } },
          { range: "B5", style: { numberFormat: "0.00" } },
        ],
        merges: ["A1:B1"],
        tables: [],
        validations: [
          {
            kind: "whole",
            range: "B2",
            min: 2020,
            max: 2100,
            allowBlank: false,
            prompt: { title: "Năm báo cáo", message: "Nhập năm từ 2020 đến 2100" },
            error: { title: "Năm không hợp lệ", message: "Năm phải từ 2020 đến 2100" },
          },
          {
            kind: "date",
            range: "B3",
            min: "2020-01-01",
            max: "2100-12-31",
            error: { title: "Ngày không hợp lệ", message: "Nhập ngày dạng dd/mm/yyyy" },
          },
        ],
        conditionalFormats: [],
        rowHeights: { 1: 30 },
        tabColor: "#2F5597",
      },
      {
        name: "Nhiệm vụ",
        visibility: "visible",
        columns: [
          { width: 14 },
          { width: 6 },
          { width: 50 },
          { width: 22 },
          { width: 12 },
          { width: 10 },
          { width: 16 },
        ],
        blocks: [
          { address: "A1", values: [["DANH MỤC NHIỆM VỤ", null, null, null, null, null, null]] },
          { address: "A2", values: [[...TASK_HEADERS], ...taskRows(rows)] },
        ],
        styles: [
          {
            range: "A2:G2",
            style: {
              font: { bold: true },
              fill: "#FFF2CC",
              horizontal: "center",
              wrap: true,
              border: "thin",
            },
          },
          { range: `E3:E${last}`, style: { numberFormat: "dd/mm/yyyy" } },
          { range: `A3:G${last}`, style: { border: "thin", vertical: "top" } },
        ],
        merges: ["A1:G1"],
        tables: [
          {
            name: "NhiemVu",
            range: `A2:G${last}`,
            columns: [...TASK_HEADERS],
            style: "TableStyleLight9",
            showRowStripes: true,
          },
        ],
        validations: [
          {
            kind: "list",
            range: `D3:D${last}`,
            source: "=DanhSachDonVi",
            error: { title: "Đơn vị không hợp lệ", message: "Chọn đơn vị trong danh sách" },
          },
          {
            kind: "decimal",
            range: `F3:F${last}`,
            min: 0,
            max: 100,
            prompt: { title: "Tiến độ", message: "Nhập số từ 0 đến 100" },
            error: { title: "Sai tiến độ", message: "Tiến độ phải từ 0 đến 100" },
          },
          {
            kind: "list",
            range: `G3:G${last}`,
            items: ["Hoàn thành", "Đang thực hiện", "Chưa thực hiện"],
          },
        ],
        conditionalFormats: [
          {
            kind: "expression",
            range: `A3:G${last}`,
            formula: `$F3>=100`,
            style: { fill: "#C6EFCE", fontColor: "#006100", bold: true },
            priority: 1,
          },
          { kind: "dataBar", range: `F3:F${last}`, color: "#5B9BD5" },
        ],
        freeze: { rows: 2, columns: 1 },
        pageLayout: {
          orientation: "landscape",
          paper: "A4",
          margins: { top: 20, bottom: 20, left: 15, right: 15, header: 8, footer: 8 },
          printTitleRows: "2:2",
          fitToWidth: true,
          centerHorizontally: true,
          header: { center: "Danh mục nhiệm vụ", differentFirst: true },
          footer: { center: "Trang &P/&N" },
        },
        rowHeights: { 2: 32 },
      },
      {
        name: "Đơn vị",
        visibility: "hidden",
        columns: [{ width: 30 }],
        blocks: [
          { address: "A1", values: [["Tên đơn vị"], ["Sở Tài chính"], ["Sở Nội vụ"], ["Sở Y tế"]] },
        ],
        styles: [],
        merges: [],
        tables: [],
        validations: [],
        conditionalFormats: [],
      },
      {
        name: "_phuluc",
        visibility: "veryHidden",
        columns: [],
        blocks: [{ address: "A1", values: [["templateVersion", 1]] }],
        styles: [],
        merges: [],
        tables: [],
        validations: [],
        conditionalFormats: [],
      },
    ],
  };
}
