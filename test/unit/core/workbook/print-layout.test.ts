/**
 * Printing the tracking workbook: row heights for wrapped text (row-heights.ts), measured on
 * real long cells of the Lâm Đồng 4784 plan against what LibreOffice prints, and how many pages
 * wide each sheet prints so its text stays readable (print-width.ts).
 */
import { readFileSync } from "fs";
import { defaultAgencies } from "../../../../src/core/agency/default-directory";
import { importPlan } from "../../../../src/core/import/import-plan";
import type { ImportResult } from "../../../../src/core/model";
import { checkSpec } from "../../../../src/core/spec/check-spec";
import type { SheetSpec, WorkbookSpec } from "../../../../src/core/spec/sheet-spec";
import { AGENCY_MAX_LINES } from "../../../../src/core/workbook/agencies-sheet";
import { SHEETS, TASK_COLUMNS } from "../../../../src/core/workbook/columns";
import {
  MIN_PRINT_SCALE,
  pagesWide,
  printableWidthPt,
} from "../../../../src/core/workbook/print-width";
import {
  columnPoints,
  fitRowHeights,
  linesHeight,
  MAX_ROW_HEIGHT,
  wrappedLines,
} from "../../../../src/core/workbook/row-heights";
import { buildTrackingWorkbook } from "../../../../src/core/workbook/tracking-workbook";
import { rowHeightRuns } from "../../../../src/render/office/queue-sheet";
import { LAM_DONG_DOCX } from "../../../helpers/shared-paths";

const FONT = { size: 12 };
const lines = (text: string, chars: number, bold = false) =>
  wrappedLines(text, columnPoints(chars), { ...FONT, bold });

/** Long cells of the Lâm Đồng plan, with the lines LibreOffice wraps them into (seen in its PDF). */
const LAM_DONG_CELLS: { text: string; chars: number; bold?: boolean; printed: number }[] = [
  {
    // Nhiệm vụ 2.3 in "Nhiệm vụ" (50 characters wide).
    text:
      "Triển khai thực hiện Nghị định số 152/2020/NĐ-CP ngày 30/12/2020 của Chính phủ quy định về " +
      "người lao động nước ngoài làm việc tại Việt Nam và tuyển dụng, quản lý người lao động Việt " +
      "Nam làm việc cho tổ chức, cá nhân nước ngoài tại Việt Nam và Nghị định số 70/2023/NĐ-CP " +
      "ngày 18/9/2023 của Chính phủ sửa đổi Nghị định số 152/2020/NĐ-CP",
    chars: 50,
    printed: 6,
  },
  {
    // Group 2's title in "Tên nhóm" (28 characters).
    text:
      "Hoàn thiện cơ chế, chính sách về thông tin đối ngoại. Tăng cường công tác phối hợp giữa " +
      "các Cơ quan, tổ chức trong hệ thống chính trị; nâng cao trách nhiệm quản lý nhà nước",
    chars: 28,
    printed: 6,
  },
  {
    text: "Tuyên truyền, phổ biến, giáo dục chính sách, pháp luật về thông tin đối ngoại, bồi dưỡng kỹ năng nghiệp vụ về thông tin đối ngoại",
    chars: 50,
    printed: 3,
  },
  {
    text: "Quán triệt, phổ biến thông tin và triển khai thực hiện Nghị quyết",
    chars: 28,
    printed: 2,
  },
  { text: "Phổ biến, quán triệt nội dung Nghị quyết", chars: 50, printed: 1 },
  { text: "Sở Lao động - Thương binh và Xã hội", chars: 28, printed: 2 },
  { text: "Sở Văn hóa, Thể thao và Du lịch", chars: 28, printed: 1 },
  { text: "Không thuộc năm báo cáo", chars: 22, bold: true, printed: 2 },
];

describe("wrappedLines", () => {
  it("never gives fewer lines than LibreOffice prints, and at most one more", () => {
    for (const c of LAM_DONG_CELLS) {
      const n = lines(c.text, c.chars, c.bold);
      expect({ text: c.text, n: n >= c.printed && n <= c.printed + 1 }).toEqual({
        text: c.text,
        n: true,
      });
    }
  });

  it("counts explicit line breaks and breaks words longer than a line", () => {
    expect(lines("Sở Tài chính", 20)).toBe(1);
    expect(lines("Sở Tài chính\nSở Nội vụ", 20)).toBe(2);
    expect(lines("x".repeat(60), 10)).toBeGreaterThanOrEqual(4);
    expect(lines("", 10)).toBe(1);
  });

  it("bold and larger text take more lines", () => {
    const text = LAM_DONG_CELLS[0].text;
    expect(lines(text, 50, true)).toBeGreaterThanOrEqual(lines(text, 50));
    expect(wrappedLines(text, columnPoints(50), { size: 14 })).toBeGreaterThan(lines(text, 50));
  });

  it("gives heights with room for Vietnamese marks, in whole pixels, capped at Excel's 409 pt", () => {
    expect(linesHeight(1, 12)).toBeGreaterThanOrEqual(15.75); // Excel's own one-line height
    expect(linesHeight(2, 12) % 0.75).toBe(0);
    expect(linesHeight(6, 12)).toBeGreaterThanOrEqual(6 * 12 * 1.15);
    expect(linesHeight(6, 13)).toBeGreaterThan(linesHeight(6, 12));
    expect(linesHeight(100, 12)).toBe(MAX_ROW_HEIGHT);
  });
});

describe("fitRowHeights", () => {
  const sheet = (over: Partial<SheetSpec>): SheetSpec => ({
    name: "S",
    visibility: "visible",
    columns: [{ width: 20 }, { width: 10, hidden: true }, { width: 20 }],
    blocks: [],
    styles: [{ range: "A1:C9", style: { wrap: true, font: { size: 12 } } }],
    merges: [],
    tables: [],
    validations: [],
    conditionalFormats: [],
    ...over,
  });
  const long = "Sở Thông tin và Truyền thông; Sở Văn hóa, Thể thao và Du lịch; Công an tỉnh";

  it("sets only rows that need more than one line, keeping heights already set as a floor", () => {
    const s = fitRowHeights(
      sheet({
        blocks: [{ address: "A1", values: [["Tiêu đề"], [long], ["ngắn"], [long, null, 5]] }],
        rowHeights: { 1: 40, 4: 200 },
      })
    );
    expect(s.rowHeights![1]).toBe(40);
    // 75 characters in a 20-character column: at least 4 lines of 12 pt, and not more than 6.
    expect(s.rowHeights![2]).toBeGreaterThanOrEqual(4 * 12 * 1.15);
    expect(s.rowHeights![2]).toBeLessThanOrEqual(6 * 12 * 1.5);
    expect(s.rowHeights![3]).toBeUndefined();
    expect(s.rowHeights![4]).toBe(200);
  });

  it("ignores unwrapped cells and hidden columns; merged cells wrap in the merge's width", () => {
    const unwrapped = fitRowHeights(
      sheet({ blocks: [{ address: "A1", values: [[long]] }], styles: [] })
    );
    expect(unwrapped.rowHeights).toBeUndefined();
    const hidden = fitRowHeights(sheet({ blocks: [{ address: "B1", values: [[long]] }] }));
    expect(hidden.rowHeights).toBeUndefined();
    const merged = fitRowHeights(
      sheet({ blocks: [{ address: "A1", values: [[long]] }], merges: ["A1:C1"] })
    );
    // The merge is 40 characters wide (hidden B excluded): 2 or 3 lines, not the 4+ of column A.
    expect(merged.rowHeights![1]).toBeGreaterThanOrEqual(2 * 12 * 1.15);
    expect(merged.rowHeights![1]).toBeLessThan(4 * 12 * 1.15);
  });

  it("measures formula cells by the text their column may show, and caps lines when asked", () => {
    const s = sheet({ blocks: [{ address: "A1", values: [[{ formula: "X1" }, null, long]] }] });
    const hinted = fitRowHeights(s, { formulaTexts: { A: long + long } });
    expect(hinted.rowHeights![1]).toBe(linesHeight(lines(long + long, 20), 12));
    expect(fitRowHeights(s, { maxLines: 2 }).rowHeights![1]).toBe(linesHeight(2, 12));
  });
});

describe("pagesWide", () => {
  const landscape = printableWidthPt({
    orientation: "landscape",
    paper: "A4",
    margins: { top: 30, bottom: 20, left: 20, right: 20 },
  });

  it("is the pages across the columns need at the readable scale, title columns repeated", () => {
    expect(landscape).toBeCloseTo((257 * 72) / 25.4, 5);
    expect(landscape / MIN_PRINT_SCALE / columnPoints(1)).toBeCloseTo(161.9, 1); // characters
    expect(pagesWide([{ width: 80 }, { width: 80 }], landscape)).toBe(1);
    expect(pagesWide([{ width: 100 }, { width: 100 }], landscape)).toBe(2);
    expect(pagesWide([{ width: 100 }, { width: 100, hidden: true }], landscape)).toBe(1);
    expect(pagesWide([{ width: 100 }, { width: 100 }], landscape, undefined, 0.5)).toBe(1);
    // 60+50 | 90+50 without titles; 60+50 | 60+90 | 60+50 with column A repeated.
    const cols = [{ width: 60 }, { width: 50 }, { width: 90 }, { width: 50 }];
    expect(pagesWide(cols, landscape)).toBe(2);
    expect(pagesWide(cols, landscape, "A:A")).toBe(3);
    // A column wider than a page still goes on one page (the print scales down further).
    expect(pagesWide([{ width: 60 }, { width: 200 }], landscape, "A:A")).toBe(2);
  });
});

describe("the Lâm Đồng tracking workbook prints readably", () => {
  let spec: WorkbookSpec;
  let result: ImportResult;
  const sheet = (name: string) => spec.sheets.find((s) => s.name === name)!;

  beforeAll(async () => {
    result = await importPlan({
      kind: "docx",
      bytes: readFileSync(LAM_DONG_DOCX),
      fileName: "lam-dong.docx",
    });
    spec = buildTrackingWorkbook(result, {
      reportYear: 2026,
      reportDate: "2026-11-21",
      directory: defaultAgencies("Lâm Đồng"),
    });
  });

  it("is a valid spec", () => {
    expect(checkSpec(spec)).toEqual([]);
  });

  it("gives every task row the lines its longest cell needs; the header keeps 48 pt", () => {
    const tasks = sheet(SHEETS.tasks);
    const header = tasks.blocks[0].values[0] as string[];
    const col = (name: string) => header.indexOf(name);
    const rows = tasks.blocks[0].values.slice(1);
    expect(tasks.rowHeights![1]).toBe(48);
    const t23 = rows.findIndex((r) => r[col(TASK_COLUMNS.stt)] === "2.3");
    expect(t23).toBeGreaterThanOrEqual(0);
    expect(tasks.rowHeights![t23 + 2]).toBeGreaterThanOrEqual(linesHeight(6, 12));
    // Lower bound independent of the wrapping code: a 50-character column holds at most ~60
    // characters of 12 pt Times New Roman per line, and a line needs at least 12 × 1.15 pt.
    rows.forEach((r, i) => {
      const title = String(r[col(TASK_COLUMNS.title)]);
      const minLines = Math.ceil(title.length / 60);
      if (minLines > 1)
        expect(tasks.rowHeights![i + 2] ?? 0).toBeGreaterThanOrEqual(minLines * 12 * 1.15);
    });
  });

  it("sizes the plan title on 'Thông tin', the notes on 'Tổng hợp', and caps the directory's lists", () => {
    const info = sheet(SHEETS.info);
    expect(info.rowHeights![6]).toBeGreaterThanOrEqual(linesHeight(5, 12)); // Tên kế hoạch
    const summary = sheet(SHEETS.summary);
    expect(summary.rowHeights![3]).toBeGreaterThanOrEqual(linesHeight(2, 12));
    expect(summary.rowHeights![6]).toBeGreaterThanOrEqual(48); // headers wrap in 10-wide columns
    const agencies = sheet(SHEETS.agencies);
    expect(Math.max(...Object.values(agencies.rowHeights!))).toBe(
      linesHeight(AGENCY_MAX_LINES, 12)
    );
  });

  it("prints every table A4 landscape with headers repeated, ≥ 75 % scale, numbered per sheet", () => {
    for (const name of [SHEETS.tasks, SHEETS.summary, SHEETS.agencies, SHEETS.history]) {
      const s = sheet(name);
      const p = s.pageLayout!;
      expect(p).toMatchObject({
        paper: "A4",
        orientation: "landscape",
        header: { center: "&P", differentFirst: true },
        restartPageNumbers: true,
      });
      expect(p.printTitleRows).toBeDefined();
      expect(p.margins.top).toBeGreaterThanOrEqual(30);
      // As few pages wide as the columns need at the readable scale (12 pt → 9 pt or larger),
      // checked with Excel's own width rule (a width of w characters is (7w + 5) px at 96 dpi),
      // independently of print-width.ts: all pages together hold the columns at ≥ 75 %, and a
      // page never holds less than one column (the LibreOffice print test counts real pages).
      const widthPt = s.columns
        .filter((c) => !c.hidden)
        .reduce((sum, c) => sum + ((7 * (c.width ?? 8.43) + 5) * 72) / 96, 0);
      const pageWidthPt = ((297 - p.margins.left - p.margins.right) * 72) / 25.4;
      expect(p.fitToPagesWide! * pageWidthPt).toBeGreaterThanOrEqual(widthPt * 0.75 * 0.97);
      expect(p.fitToPagesWide!).toBeLessThanOrEqual(s.columns.filter((c) => !c.hidden).length);
      expect(p.fitToWidth).toBeUndefined();
    }
    const tasks = sheet(SHEETS.tasks).pageLayout!;
    expect(tasks.printTitleRows).toBe("1:1");
    expect(tasks.printTitleColumns).toBe("A:B"); // Mã nhiệm vụ, STT
    expect(tasks.fitToPagesWide).toBe(4);
    expect(sheet(SHEETS.summary).pageLayout!.fitToPagesWide).toBe(1); // the page that is signed
    expect(sheet(SHEETS.agencies).pageLayout!.printTitleColumns).toBe("A:A");
    expect(sheet(SHEETS.info).pageLayout).toMatchObject({
      orientation: "portrait",
      fitToPagesWide: 1,
    });
  });
});

describe("rowHeightRuns (Office renderer)", () => {
  it("groups consecutive rows of one height into one range", () => {
    expect(rowHeightRuns({ 1: 48, 2: 30, 3: 30, 4: 30, 6: 30, 7: 45 })).toEqual([
      { from: 1, to: 1, height: 48 },
      { from: 2, to: 4, height: 30 },
      { from: 6, to: 6, height: 30 },
      { from: 7, to: 7, height: 45 },
    ]);
    expect(rowHeightRuns({})).toEqual([]);
  });
});
