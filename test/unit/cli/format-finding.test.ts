/** The CLI's one-line findings: the place said once, from the finding's data, one way for all. */
import { formatFinding } from "../../../src/cli/format-finding";
import { placedMessage } from "../../../src/core/finding-place";
import { importPlan } from "../../../src/core/import/import-plan";
import { cellFinding } from "../../../src/core/tracking/tracking-findings";
import type { RawTable } from "../../../src/core/table/raw-table";

const table = (rows: string[][]): RawTable => ({
  source: "ke-hoach.docx",
  index: 1,
  rows,
  sourceRows: rows.map((_, i) => i + 1),
  merges: [],
});

test("a tracking finding: file, sheet, row and column once, then the text", () => {
  const f = cellFinding(
    "STT_DUPLICATE",
    "warning",
    { sheet: "Nhiệm vụ", row: 5, column: "stt", file: "theo-doi.xlsx", task: "3" },
    'STT "3" trùng với dòng 4.'
  );
  expect(f.message).toBe('STT "3" trùng với dòng 4.');
  expect(f.location).toEqual({
    file: "theo-doi.xlsx",
    sheet: "Nhiệm vụ",
    row: 5,
    column: "STT",
    task: "3",
  });
  expect(formatFinding(f)).toBe(
    'Cảnh báo [STT_DUPLICATE] tệp "theo-doi.xlsx", trang "Nhiệm vụ", dòng 5, cột "STT": STT "3" trùng với dòng 4.'
  );
  // The JSON output's message: the sentence as it always read, without the file.
  expect(placedMessage(f)).toBe('Trang "Nhiệm vụ", dòng 5, cột "STT": STT "3" trùng với dòng 4.');
});

test("an import finding reads the same way ('dòng', never 'hàng'), the row not said twice", async () => {
  const r = await importPlan({
    kind: "tables",
    fileName: "ke-hoach.docx",
    bodyText: "Số: 7/KH-UBND\nLâm Đồng, ngày 2 tháng 1 năm 2025\nKẾ HOẠCH\nThực hiện năm 2025",
    tables: [
      table([
        ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"],
        ["1", "Nhóm", "", "", ""],
        ["1.1", "Việc", "Sở Tài chính", "Hội Chim Cảnh", "Năm 2025"],
      ]),
    ],
  });
  const unknown = r.findings.find((f) => f.code === "AGENCY_UNKNOWN")!;
  expect(formatFinding(unknown)).toMatch(
    /^Cảnh báo \[AGENCY_UNKNOWN\] tệp "ke-hoach\.docx", bảng 1, dòng 3, cột "Cơ quan phối hợp": không nhận ra cơ quan "Hội Chim Cảnh"/
  );
  expect(formatFinding(unknown).match(/dòng/g)).toHaveLength(1);
});

test("a finding about the whole plan has no place to say", () => {
  const line = formatFinding({
    code: "PLAN_NUMBER_MISSING",
    severity: "info",
    message: "Không đọc được số hiệu kế hoạch.",
    location: {},
  });
  expect(line).toBe("Thông tin [PLAN_NUMBER_MISSING]: Không đọc được số hiệu kế hoạch.");
});
