import type { AgencyRef, ImportResult, Schedule, Task } from "../../../../src/core/model";
import { parseCell } from "../../../../src/core/spec/a1";
import type { WorkbookSpec } from "../../../../src/core/spec/sheet-spec";
import { derivedStatus } from "../../../../src/core/tracking/derive-status";
import { readTracking, type TrackingCells } from "../../../../src/core/tracking/read-tracking";
import { validateTracking } from "../../../../src/core/tracking/validate";
import { InputError } from "../../../../src/core/errors/input-error";
import { buildTrackingWorkbook } from "../../../../src/core/workbook/tracking-workbook";
import { AGENCIES } from "../../../helpers/tracking-fixtures";

const ref = (name: string): AgencyRef => ({ name, written: name, matched: true });
const PERIOD = [2024, 2025, 2026, 2027, 2028, 2029, 2030];
/** As parseSchedule gives it: a multi-year task's every year holds the final deadline. */
function schedule(
  text: string,
  years: number[],
  md: string | null,
  kind: Schedule["kind"]
): Schedule {
  const multiYear = kind === "range" || kind === "until";
  const last = years[years.length - 1];
  return {
    text,
    kind,
    years,
    deadlines: Object.fromEntries(
      years.map((y) => [y, md ? `${multiYear ? last : y}-${md}` : null])
    ),
    finalDeadline: md ? `${last}-${md}` : null,
    multiYear,
  };
}
function task(
  key: string,
  stt: string,
  title: string,
  leads: string[],
  timeText: string,
  s: Schedule
): Task {
  return {
    key,
    stt,
    numbered: stt,
    group: stt.split(".")[0],
    title,
    lead: leads.map(ref),
    partners: [ref("Báo Lâm Đồng")],
    timeText,
    schedule: s,
    extra: {},
    sourceRow: 1,
  };
}
const result: ImportResult = {
  plan: {
    number: "4784/KH-UBND",
    issuedOn: "2024-06-13",
    issuer: "UBND tỉnh Lâm Đồng",
    province: "Lâm Đồng",
    title: "KẾ HOẠCH …",
    appendixTitle: "DANH MỤC …",
    period: { from: 2024, to: 2030 },
  },
  groups: [
    { stt: "2", title: "Hoàn thiện cơ chế, chính sách", sourceRow: 1 },
    { stt: "4", title: "Đấu tranh phản bác", sourceRow: 5 },
  ],
  tasks: [
    task(
      "T2.2",
      "2.2",
      "Triển khai thực hiện Chỉ thị số 07/CT-TTg",
      ["Sở Thông tin và Truyền thông"],
      "Hằng năm",
      schedule("Hằng năm", PERIOD, "12-31", "annual")
    ),
    task(
      "T2.6",
      "2.6",
      "Xây dựng Quy chế phối hợp",
      ["Sở Thông tin và Truyền thông"],
      "Thường xuyên",
      schedule("Thường xuyên", PERIOD, null, "continuous")
    ),
    task(
      "T4.3",
      "4.3",
      "Bảo vệ chủ quyền biển, đảo",
      ["Công an tỉnh", "Bộ Chỉ huy quân sự tỉnh"],
      "2024 - 2030",
      schedule("2024 - 2030", PERIOD, "12-31", "range")
    ),
  ],
  extraColumns: ["Ghi chú"],
  findings: [],
  source: "4784.docx",
};
const spec: WorkbookSpec = buildTrackingWorkbook(result, {
  reportYear: 2026,
  reportDate: "2026-12-15",
  directory: AGENCIES,
});

/** The spec as a reader would get the saved file's cells (formulas without cached results). */
function cellsOf(s: WorkbookSpec): TrackingCells {
  return {
    sheets: s.sheets.map((sh) => {
      const rows: unknown[][] = [];
      for (const b of sh.blocks) {
        const { row, col } = parseCell(b.address);
        b.values.forEach((line, i) =>
          line.forEach((v, j) => {
            const r = (rows[row - 1 + i] ??= []);
            r[col - 1 + j] =
              v && typeof v === "object" && "formula" in v
                ? { value: null, formula: v.formula }
                : v && typeof v === "object" && "date" in v
                  ? new Date(v.date + "T00:00:00Z")
                  : v;
          })
        );
      }
      return { name: sh.name, state: sh.visibility, rows };
    }),
    names: s.names,
  };
}

/** Type into a cell of the task sheet by its header, on the row of `key` (and lead). */
function type(c: TrackingCells, key: string, header: string, value: unknown, lead?: string) {
  const grid = c.sheets.find((s) => s.name === "Nhiệm vụ")!.rows!;
  const h = grid[0].indexOf(header);
  const k = grid[0].indexOf("Mã nhiệm vụ");
  const l = grid[0].indexOf("Đơn vị chủ trì");
  const row = grid.find((r) => r[k] === key && (!lead || r[l] === lead))!;
  row[h] = value;
}

describe("readTracking", () => {
  it("reads back what the builder wrote: rows per lead, schedule codes, inputs, plan, agencies", () => {
    const { workbook: wb, findings } = readTracking(cellsOf(spec), "theo-doi.xlsx");
    expect(findings).toEqual([]);
    expect(wb).toMatchObject({
      reportYear: 2026,
      reportDate: "2026-12-15",
      dueSoonDays: 15,
      templateVersion: 1,
      taskSheet: "Nhiệm vụ",
      extraColumns: ["Ghi chú"],
    });
    expect(wb.plan).toMatchObject({
      number: "4784/KH-UBND",
      issuedOn: "2024-06-13",
      period: { from: 2024, to: 2030 },
    });
    expect(wb.rows.map((r) => [r.key, r.lead, r.sheetRow])).toEqual([
      // A 2026 workbook names the agency existing in 2026 (this plan's title names no field,
      // so the directory's successor); the plan's name stays in "Các đơn vị chủ trì".
      ["T2.2", "Sở Khoa học và Công nghệ", 2],
      ["T2.6", "Sở Khoa học và Công nghệ", 3],
      ["T4.3", "Công an tỉnh", 4],
      ["T4.3", "Bộ Chỉ huy quân sự tỉnh", 5],
    ]);
    expect(wb.rows[0].allLeads).toEqual(["Sở Thông tin và Truyền thông"]);
    expect(wb.rows[2]).toMatchObject({
      allLeads: ["Công an tỉnh", "Bộ Chỉ huy quân sự tỉnh"],
      partners: ["Báo Lâm Đồng"],
      years: PERIOD,
      deadline: null,
    });
    expect(wb.rows[0].scheduleCode).toContain(";2026=20261231;");
    expect(wb.rows[1].scheduleCode).toContain(";2026=00000000;");
    expect(wb.rows[2].scheduleCode).toContain(";2026=20301231;");
    expect(wb.rows[0].cells.status).toMatch(/^[A-Z]+2$/);
    const tttt = wb.agencies.find((a) => a.name === "Sở Thông tin và Truyền thông")!;
    expect(tttt.successor).toEqual({ name: "Sở Khoa học và Công nghệ", effective: "2025-03-01" });
    expect(wb.agencies.find((a) => a.collective)?.kind).toBe("collective");
  });

  it("reads what officers type: statuses by their wording, dates as the sheet does", () => {
    const c = cellsOf(spec);
    type(c, "T2.2", "Trạng thái", "  HOÀN THÀNH ");
    type(c, "T2.2", "Ngày hoàn thành", 46376); // serial: 2026-12-20
    type(c, "T4.3", "Trạng thái", "hoan thanh", "Công an tỉnh");
    type(c, "T4.3", "Ngày hoàn thành", "15/11/2026", "Công an tỉnh");
    type(c, "T4.3", "Tiến độ (%)", "80%", "Bộ Chỉ huy quân sự tỉnh");
    type(c, "T2.6", "Hạn hoàn thành", new Date("2026-06-30T00:00:00Z")); // typed over the formula
    const wb = readTracking(c, "theo-doi.xlsx").workbook;
    const [r22, r26, rCA, rQS] = wb.rows;
    expect(r22).toMatchObject({ status: "Hoàn thành", completedOn: "2026-12-20" });
    expect(derivedStatus(r22, 2026, "2026-12-31")).toBe("Hoàn thành đúng hạn");
    expect(rCA).toMatchObject({
      status: "Hoàn thành",
      completedOn: null,
      typed: { status: "hoan thanh", completedOn: "15/11/2026" },
    });
    // Done (core reads the wording; the sheet once fixed), its date typed as text is no date
    // until fixed: 2024 - 2030 runs to 31/12/2030, so on time in 2026, undated after 2030.
    expect(derivedStatus(rCA, 2026, "2027-01-05")).toBe("Hoàn thành đúng hạn");
    expect(derivedStatus(rCA, 2030, "2031-01-05")).toBe("Hoàn thành chưa ghi ngày");
    expect(rQS.progress).toBe(80);
    expect(r26.deadline).toBe("2026-06-30");
    const codes = validateTracking(wb, { year: 2026, date: "2026-12-15" }).map(
      (f) => `${f.code}@${f.location.row}`
    );
    expect(codes).toEqual(expect.arrayContaining(["STATUS_NONCANONICAL@4", "DATE_AS_TEXT@4"]));
    // Built for 2026, the workbook names no agency that 2026 no longer has.
    expect(codes.filter((c) => c.startsWith("AGENCY_SUPERSEDED"))).toEqual([]);
    // A completion date after the report date is an error, not counted as done.
    expect(codes).toContain("COMPLETED_AFTER_REPORT_DATE@2");
  });

  it("finds columns by header when officers move columns and rows", () => {
    const c = cellsOf(spec);
    const grid = c.sheets.find((s) => s.name === "Nhiệm vụ")!.rows!;
    const moved = grid.map((r) => [null, ...[...r].reverse()]); // a column inserted, order reversed
    const [header, ...body] = moved;
    c.sheets.find((s) => s.name === "Nhiệm vụ")!.rows = [header, ...body.reverse(), [], []]; // sorted, trailing blanks
    const wb = readTracking(c, "theo-doi.xlsx").workbook;
    expect(wb.rows.map((r) => r.key)).toEqual(["T4.3", "T4.3", "T2.6", "T2.2"]);
    expect(wb.rows[3]).toMatchObject({
      title: "Triển khai thực hiện Chỉ thị số 07/CT-TTg",
      sheetRow: 5,
      timeText: "Hằng năm",
    });
  });

  it("recovers from a deleted meta sheet with a warning", () => {
    const c = cellsOf(spec);
    c.sheets = c.sheets.filter((s) => s.name !== "_phuluc");
    const { workbook, findings } = readTracking(c, "theo-doi.xlsx");
    expect(workbook.rows).toHaveLength(4);
    expect(workbook.templateVersion).toBeNull();
    expect(findings).toMatchObject([{ code: "META_SHEET_MISSING", severity: "warning" }]);
    expect(findings[0].message).toContain("theo-doi.xlsx");
  });

  it("refuses a newer template and a file that is not a tracking workbook, naming the file", () => {
    const newer = cellsOf(spec);
    const meta = newer.sheets.find((s) => s.name === "_phuluc")!.rows!;
    meta.find((r) => r[0] === "templateVersion")![1] = 99;
    expect(() => readTracking(newer, "moi.xlsx")).toThrow(InputError);
    expect(() => readTracking(newer, "moi.xlsx")).toThrow(/"moi.xlsx".*phiên bản 99/);

    const other: TrackingCells = {
      sheets: [
        {
          name: "Sheet1",
          rows: [
            ["STT", "Nhiệm vụ", "Đơn vị chủ trì"],
            ["1", "Việc", "Sở Y tế"],
          ],
        },
      ],
    };
    try {
      readTracking(other, "phu-luc.xlsx");
      throw new Error("should throw");
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).code).toBe("NOT_TRACKING_WORKBOOK");
      expect((e as InputError).message).toContain('"phu-luc.xlsx"');
    }
  });
});
