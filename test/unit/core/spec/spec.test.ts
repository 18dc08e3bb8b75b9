import {
  columnLetter,
  columnNumber,
  parseRange,
  quoteSheetName,
  rangeAddress,
} from "../../../../src/core/spec/a1";
import { excelWouldReinterpret } from "../../../../src/core/spec/cell-values";
import { isoToSerial } from "../../../../src/core/text/dates";
import { checkSpec } from "../../../../src/core/spec/check-spec";
import { backupSheetName } from "../../../../src/render/office/backup-name";
import { fullSpec } from "../../../helpers/full-spec";

test("A1 math round-trips columns and ranges", () => {
  expect([1, 26, 27, 702, 703, 16384].map(columnLetter)).toEqual([
    "A",
    "Z",
    "AA",
    "ZZ",
    "AAA",
    "XFD",
  ]);
  expect(["A", "Z", "AA", "XFD"].map(columnNumber)).toEqual([1, 26, 27, 16384]);
  expect(parseRange("$F$30:B2")).toEqual({ top: 2, left: 2, bottom: 30, right: 6 });
  expect(rangeAddress(parseRange("C3"))).toBe("C3");
  expect(quoteSheetName("Thông tin")).toBe("'Thông tin'");
  expect(quoteSheetName("Sở's")).toBe("'Sở''s'");
  expect(() => parseRange("A0")).toThrow(/không hợp lệ/);
});

test("Excel date serials and reinterpreted text", () => {
  expect(isoToSerial("2026-11-15")).toBe(46341);
  expect(isoToSerial("1900-03-01")).toBe(61);
  expect(() => isoToSerial("2026-02-30")).toThrow(/Ngày không hợp lệ/);
  for (const s of ["=1+1", "+84 912", "-abc", "@x", "0123", "12/05/2024", "8:30", "10%", "TRUE"])
    expect(excelWouldReinterpret(s)).toBe(true);
  for (const s of ["Sở Y tế", "NV-0001", "Quý 3/2026", ""])
    expect(excelWouldReinterpret(s)).toBe(false);
});

test("the full spec is valid; broken specs are reported in Vietnamese", () => {
  expect(checkSpec(fullSpec(3))).toEqual([]);
  const bad = fullSpec(3);
  bad.sheets[0].name = "Tổng hợp: quý [3]";
  bad.sheets[1].tables[0].columns[1] = "Mã nhiệm vụ";
  bad.sheets[1].validations.push({ kind: "list", range: "H3:H5", items: ["a,b", "c"] });
  bad.sheets[1].merges.push("A3:B3");
  const messages = checkSpec(bad).map((p) => p.message);
  expect(messages).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/ký tự không được phép/),
      expect.stringMatching(/tên cột bị trùng/),
      expect.stringMatching(/dấu phẩy/),
      expect.stringMatching(/chứa ô gộp/),
      expect.stringMatching(/tiêu đề cột 2/),
    ])
  );
});

test("page layout and row heights are checked", () => {
  const bad = fullSpec(3);
  bad.sheets[1].pageLayout = {
    ...bad.sheets[1].pageLayout!,
    printTitleColumns: "A:1",
    fitToPagesWide: 0,
  };
  bad.sheets[1].rowHeights = { 2: 500 };
  const messages = checkSpec(bad).map((p) => p.message);
  expect(messages).toEqual([
    expect.stringMatching(/Cột không hợp lệ: "A:1"/),
    expect.stringMatching(/In vừa 0 trang/),
    expect.stringMatching(/Chiều cao dòng 2 \(500\)/),
  ]);
  const good = fullSpec(3);
  good.sheets[1].pageLayout = {
    ...good.sheets[1].pageLayout!,
    printTitleColumns: "$A:$B",
    fitToPagesWide: 4,
  };
  expect(checkSpec(good)).toEqual([]);
});

test("backup sheet names fit Excel's 31 characters and stay unique", () => {
  const now = new Date(2026, 0, 5, 7, 3);
  expect(backupSheetName("Nhiệm vụ", now, [])).toBe("Nhiệm vụ (sao lưu 05-01 07.03)");
  const long = backupSheetName("Tổng hợp kết quả thực hiện nhiệm vụ", now, []);
  expect(long.length).toBeLessThanOrEqual(31);
  expect(long.endsWith("(sao lưu 05-01 07.03)")).toBe(true);
  const second = backupSheetName("Nhiệm vụ", now, ["Nhiệm vụ (sao lưu 05-01 07.03)"]);
  expect(second).not.toBe("Nhiệm vụ (sao lưu 05-01 07.03)");
  expect(second.length).toBeLessThanOrEqual(31);
});
