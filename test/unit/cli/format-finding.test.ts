/** The CLI's one-line findings: the place is printed once. */
import { formatFinding } from "../../../src/cli/format-finding";
import { cellFinding } from "../../../src/core/tracking/tracking-findings";

test("a tracking finding already naming sheet, row and column gets only the file in front", () => {
  const f = cellFinding(
    "STT_DUPLICATE",
    "warning",
    { sheet: "Nhiệm vụ", row: 5, column: "STT", file: "theo-doi.xlsx" },
    'STT "3" trùng với dòng 4.'
  );
  expect(formatFinding(f)).toBe(
    'Cảnh báo [STT_DUPLICATE] theo-doi.xlsx: Trang "Nhiệm vụ", dòng 5, cột "STT": STT "3" trùng với dòng 4.'
  );
});

test("an import finding without the place in its text gets the place in front", () => {
  const line = formatFinding({
    code: "LEAD_UNKNOWN",
    severity: "warning",
    message: "không có trong danh mục.",
    location: { file: "ke-hoach.docx", table: 1, row: 7, column: "Đơn vị chủ trì" },
  });
  expect(line).toBe(
    'Cảnh báo [LEAD_UNKNOWN] ke-hoach.docx, bảng 1, dòng 7, cột "Đơn vị chủ trì": không có trong danh mục.'
  );
});
