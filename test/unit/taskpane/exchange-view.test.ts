/** The pane's texts for a consolidation: one line per file, in the order picked, and a summary. */
import type { ConsolidationReport } from "../../../src/core/exchange/consolidation-model";
import {
  consolidatedFileName,
  distributionZipName,
  fileLines,
  summaryText,
} from "../../../src/taskpane/exchange-view";

const report = {
  received: [
    {
      file: "a.xlsx",
      agency: "Sở Y tế",
      agencyFrom: "identity",
      rows: 5,
      matched: 5,
      method: "identity",
      confidence: 1,
      reportDate: null,
      warnings: [],
      ignoredColumns: [],
      empty: false,
    },
    {
      file: "b/c.xlsx",
      agency: "Công an tỉnh",
      agencyFrom: "title",
      rows: 4,
      matched: 3,
      method: "headers",
      confidence: 0.72,
      reportDate: null,
      warnings: ['Ô "Sheet1!F7" có công thức nhưng chưa có kết quả đã lưu.'],
      ignoredColumns: [{ sheet: "S", column: "H", header: "Ghi chú" }],
      empty: false,
    },
  ],
  rejected: [{ file: "~$a.xlsx", code: "LOCK_FILE", message: 'Tệp "~$a.xlsx" là tệp khoá tạm.' }],
  missing: [{ agency: "Sở Nội vụ", tasks: 2, partnerTasks: 0 }],
  unassigned: [],
  conflicts: [],
  masterConflicts: [],
  unmatched: [{ file: "b/c.xlsx", sheet: "S", row: 9, text: "Việc khác" }],
  dropped: [],
  rollup: {} as ConsolidationReport["rollup"],
} as ConsolidationReport;

test("a line per file, in the order picked", () => {
  expect(fileLines(["~$a.xlsx", "a.xlsx", "b/c.xlsx"], report)).toEqual([
    { file: "~$a.xlsx", state: "rejected", text: 'Tệp "~$a.xlsx" là tệp khoá tạm.', notes: [] },
    {
      file: "a.xlsx",
      state: "received",
      text: "Đã nhận: Sở Y tế, 5/5 dòng khớp (theo mã báo cáo).",
      notes: [],
    },
    {
      file: "b/c.xlsx",
      state: "received",
      // The note it counts is shown with it, never the count alone.
      text: "Đã nhận: Công an tỉnh, 3/4 dòng khớp (theo tiêu đề cột, độ tin cậy 0,72); 1 lưu ý; cột không dùng: “Ghi chú” (S!H).",
      notes: ['Ô "Sheet1!F7" có công thức nhưng chưa có kết quả đã lưu.'],
    },
  ]);
});

test("summary and file names", () => {
  expect(summaryText(report, 7)).toBe(
    "Tổng hợp xong: 2 tệp đã nhận, 1 tệp bị từ chối, 1 đơn vị chưa gửi, 7 ô thay đổi, 1 dòng không khớp."
  );
  expect(consolidatedFileName("theo-doi.xlsx", 2026)).toBe("theo-doi - tong-hop-2026.xlsx");
  expect(distributionZipName(2026, "4784/KH-UBND")).toBe("2026 - Gửi đơn vị - KH 4784.zip");
});
