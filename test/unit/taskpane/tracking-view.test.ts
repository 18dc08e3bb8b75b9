/** Pure view logic of the "Theo dõi" tab: grouping, cell address from the header, change lines. */
import type { Finding } from "../../../src/core/model";
import { placedMessage } from "../../../src/core/finding-place";
import { readTracking } from "../../../src/core/tracking/read-tracking";
import {
  cellFinding,
  type TrackingFindingCode,
} from "../../../src/core/tracking/tracking-findings";
import { InputError } from "../../../src/core/errors/input-error";
import { RolloverRefused } from "../../../src/core/tracking/rollover-rules";
import { ChangesError } from "../../../src/render/office/changes-error";
import type { CellChange } from "../../../src/core/tracking/changes";
import { emptyTrackingRow } from "../../../src/core/workbook/tracking-model";
import { groupFindings } from "../../../src/taskpane/findings-view";
import {
  changeCountText,
  changeLine,
  choiceFixLabel,
  columnOfHeader,
  findingCell,
  findingPlace,
  findingText,
  fixedFileName,
  formatRate,
  isChoiceFix,
  rolledFileName,
  rollupLines,
  rowViewCells,
  unreadStatusNote,
} from "../../../src/taskpane/tracking-view";
import { trackingErrorText } from "../../../src/taskpane/error-text";
import { emptyCounts, type Rollup } from "../../../src/core/tracking/rollup";

const at = (row: number, column: string) => ({ sheet: "Nhiệm vụ", row, column, file: "a.xlsx" });
/** Findings as core makes them (cellFinding: the place is data, the text apart). */
const finding = (
  code: TrackingFindingCode,
  severity: Finding["severity"],
  row: number,
  column: string,
  text: string,
  fix?: Finding["fix"]
): Finding => cellFinding(code, severity, at(row, column), text, fix);

describe("findings of the Theo dõi tab", () => {
  const list: Finding[] = [
    finding("AGENCY_UNKNOWN", "warning", 7, "Đơn vị chủ trì", '"Sở Xyz" không có trong danh mục.'),
    finding("PROGRESS_INVALID", "error", 6, "Tiến độ (%)", 'tiến độ "150" không hợp lệ.'),
    finding("STATUS_NONCANONICAL", "warning", 5, "Trạng thái", '"hoan thanh" được hiểu là…', {
      description: 'Ghi "Hoàn thành"',
      value: "Hoàn thành",
    }),
    // What reading a workbook without its hidden sheet says: a sheet, no row.
    readTracking(
      {
        sheets: [
          {
            name: "Nhiệm vụ",
            rows: [
              ["Mã nhiệm vụ", "Nhiệm vụ"],
              ["T1", "Việc"],
            ],
          },
        ],
      },
      "a.xlsx"
    ).findings.find((f) => f.code === "META_SHEET_MISSING")!,
  ];

  test("are grouped Lỗi → Cảnh báo, sorted by row, rowless last", () => {
    const groups = groupFindings(list);
    expect(groups.map((g) => [g.label, g.findings.length])).toEqual([
      ["Lỗi", 1],
      ["Cảnh báo", 3],
    ]);
    expect(groups[1].findings.map((f) => f.location.row)).toEqual([5, 7, undefined]);
  });

  test("show their text without the place, and the place on its own", () => {
    expect(findingText(list[2])).toBe('"hoan thanh" được hiểu là…');
    expect(findingText(list[1])).toBe('Tiến độ "150" không hợp lệ.');
    expect(findingPlace(list[2])).toBe('Trang "Nhiệm vụ", dòng 5, cột "Trạng thái"');
    expect(list[3].code).toBe("META_SHEET_MISSING");
    expect(findingText(list[3])).toMatch(/^Tệp "a\.xlsx" thiếu trang ẩn "_phuluc"/);
    expect(findingPlace(list[3])).toBe('Trang "_phuluc"');
    // The CLI line and the JSON message say the same place the same way.
    expect(placedMessage(list[2])).toBe(`${findingPlace(list[2])}: ${list[2].message}`);
  });

  test("agency replacements are choices, status spelling is not", () => {
    const agency = { ...list[0], fix: { description: 'Sửa thành "Sở Y"', value: "Sở Y" } };
    expect(isChoiceFix(agency)).toBe(true);
    expect(isChoiceFix(list[0])).toBe(false); // no suggestion, nothing to choose
    expect(isChoiceFix(list[2])).toBe(false);
    const superseded = finding("AGENCY_SUPERSEDED", "warning", 3, "Đơn vị chủ trì", "x", {
      description: 'Ghi "UBND các xã, phường" (tên theo kế hoạch "UBND các huyện" vẫn giữ)',
      value: "UBND các xã, phường",
    });
    expect(choiceFixLabel(superseded)).toBe('Đổi thành "UBND các xã, phường"');
    expect(choiceFixLabel(agency)).toBe('Sửa thành "Sở Y"');
  });
});

describe("a finding's cell, from the header row", () => {
  const header = ["Mã nhiệm vụ", "STT", "Nhiệm vụ", "Đơn vị chủ trì", "Trạng thái"];
  test("finds the column by header text, folded (moved columns still work)", () => {
    expect(columnOfHeader([header], "Trạng thái")).toBe("E");
    expect(columnOfHeader([header], "trang thai")).toBe("E");
    expect(columnOfHeader([["Ghi chú"], ["", "", ...header]], "Đơn vị chủ trì")).toBe("F");
    expect(columnOfHeader([header], "Ngày hoàn thành")).toBeNull();
  });

  test("reads adapter cell shapes ({ value }, rich text) and wide sheets", () => {
    const wide = Array.from({ length: 30 }, (_, i) => ({
      value: i === 27 ? "Trạng thái" : `c${i}`,
    }));
    expect(columnOfHeader([wide], "Trạng thái")).toBe("AB");
  });

  test("sheet + address; column A when the column is unknown; null without a row", () => {
    const sheets = [{ name: "Nhiệm vụ", rows: [header] }];
    const f = finding("STATUS_NONCANONICAL", "warning", 12, "Trạng thái", "x");
    expect(findingCell(sheets, f, "Nhiệm vụ")).toEqual({ sheet: "Nhiệm vụ", address: "E12" });
    expect(findingCell(sheets, { ...f, location: { row: 3 } }, "Nhiệm vụ")).toEqual({
      sheet: "Nhiệm vụ",
      address: "A3",
    });
    expect(findingCell(sheets, { ...f, location: { sheet: "_phuluc" } }, "Nhiệm vụ")).toBeNull();
  });
});

describe("row view", () => {
  const row = emptyTrackingRow({
    stt: "1.2",
    title: "Tuyên truyền",
    lead: "Sở Văn hóa, Thể thao và Du lịch",
    sheetRow: 5,
  });
  row.typed.status = "hoan thanh";
  row.typed.completedOn = "15/11/2026";
  test("lists the main cells and marks the finding's column", () => {
    const cells = rowViewCells(row, "Ngày hoàn thành");
    expect(cells.find((c) => c.highlighted)).toEqual({
      header: "Ngày hoàn thành",
      value: "15/11/2026",
      highlighted: true,
    });
    expect(cells.map((c) => c.header)).toEqual(
      expect.arrayContaining(["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Trạng thái"])
    );
    expect(cells.find((c) => c.header === "Trạng thái")?.value).toBe("hoan thanh");
  });
  test("a real date shows as dd/mm/yyyy", () => {
    const done = { ...row, completedOn: "2026-11-15" };
    expect(rowViewCells(done).find((c) => c.header === "Ngày hoàn thành")?.value).toBe(
      "15/11/2026"
    );
  });
});

describe("change lines", () => {
  const change = (before: CellChange["before"], after: CellChange["after"]): CellChange => ({
    sheet: "Nhiệm vụ",
    row: 5,
    column: "Ngày hoàn thành",
    address: "N5",
    before,
    after,
    reason: "Ghi ngày 15/11/2026",
  });
  test("before → after as the officer reads them", () => {
    expect(changeLine(change("15/11/2026", { date: "2026-11-15" }))).toEqual({
      cell: "Nhiệm vụ!N5",
      place: "dòng 5, cột Ngày hoàn thành",
      before: "15/11/2026 (chữ)",
      after: "15/11/2026 (ngày)",
      reason: "Ghi ngày 15/11/2026",
    });
    expect(changeLine(change(null, "Hoàn thành")).before).toBe("(trống)");
    expect(changeCountText(0)).toBe("Không có ô nào cần sửa.");
    expect(changeCountText(2)).toBe("Đã sửa 2 ô.");
  });
});

describe("rollup lines", () => {
  test("lead agencies only, with the province total and rates in Vietnamese", () => {
    const r: Rollup = {
      year: 2026,
      date: "2026-11-22",
      agencies: [
        {
          ...emptyCounts(),
          agency: "Sở A",
          role: "lead",
          total: 3,
          done_on_time: 2,
          overdue: 1,
          rate: 2 / 3,
        },
        { ...emptyCounts(), agency: "Sở B", role: "partner", total: 1 },
      ],
      groups: [],
      province: { ...emptyCounts(), total: 3, done_on_time: 2, overdue: 1, rate: 2 / 3 },
    };
    const { agencies, total } = rollupLines(r);
    expect(agencies.map((a) => [a.agency, a.total, a.onTime, a.overdue, a.rate])).toEqual([
      ["Sở A", 3, 2, 1, "66,7%"],
    ]);
    expect(total.agency).toBe("Toàn tỉnh");
    expect(formatRate(null)).toBe("—");
    expect(formatRate(1)).toBe("100%");
  });

  test("rows whose status was not read are named under the table, five at most", () => {
    const r: Rollup = {
      year: 2026,
      date: "2026-12-31",
      agencies: [],
      groups: [],
      province: emptyCounts(),
    };
    expect(unreadStatusNote(r)).toBeNull();
    const rows = [12, 13, 14, 15, 16, 17].map((row) => ({ row, text: "Chưa hoàn thành" }));
    const note = unreadStatusNote({ ...r, unreadStatus: rows })!;
    expect(note).toMatch(/^6 dòng có trạng thái chưa đọc được, đang tính như chưa hoàn thành: /);
    expect(note).toContain("dòng 12 “Chưa hoàn thành”");
    expect(note).not.toContain("dòng 17");
    expect(note).toContain("và 1 dòng khác");
  });
});

describe("file names", () => {
  test("new files never take the source's name", () => {
    expect(fixedFileName("theo-doi-4784-KH-UBND.xlsx")).toBe("theo-doi-4784-KH-UBND-da-sua.xlsx");
    expect(fixedFileName("theo-doi-4784-KH-UBND-da-sua.xlsx")).toBe(
      "theo-doi-4784-KH-UBND-da-sua.xlsx"
    );
    expect(rolledFileName("Sổ theo dõi.xlsx", 2027)).toBe("So-theo-doi-nam-2027.xlsx");
  });
});

describe("error bar texts", () => {
  test("user messages pass through; others name the file and say nothing changed", () => {
    const input = new InputError("NOT_TRACKING", "a.xlsx", 'Tệp "a.xlsx" không phải sổ theo dõi.');
    expect(trackingErrorText(input, "open", "a.xlsx")).toEqual({
      title: "Không đọc được sổ theo dõi",
      message: 'Tệp "a.xlsx" không phải sổ theo dõi.',
    });
    const refused = new RolloverRefused({ code: "SAME_YEAR", message: "Sổ đã ở năm 2027." });
    expect(trackingErrorText(refused, "rollover").message).toBe("Sổ đã ở năm 2027.");
    const undone = new ChangesError("Không ghi được; sổ đã được trả lại như cũ.", true, null);
    expect(trackingErrorText(undone, "fix").message).toBe(
      "Không ghi được; sổ đã được trả lại như cũ."
    );
    const office = Object.assign(new Error("InvalidArgument"), {
      debugInfo: { errorLocation: "Range.values" },
    });
    const t = trackingErrorText(office, "fix", "a.xlsx");
    expect(t.message).toContain('tệp "a.xlsx"');
    expect(t.message).toContain("Sổ vẫn giữ nguyên");
  });
});
