/**
 * A 2024–2030 plan tracked under the agencies that exist in the reporting year (issue 9), on the
 * Lâm Đồng fixture: rows of 2026 name 2026's agencies, the plan's names stay in their own
 * columns, the successor of Sở TT&TT follows the plan's field, years before the change keep
 * the plan's agencies, and roll-over across the change moves rows and says so.
 */
import { readFileSync } from "fs";
import { defaultAgencies } from "../../../../src/core/agency/default-directory";
import {
  directoryForPlan,
  planField,
  successorMappings,
} from "../../../../src/core/agency/plan-successors";
import { importPlan } from "../../../../src/core/import/import-plan";
import type { ImportResult } from "../../../../src/core/model";
import type { CellValue, WorkbookSpec } from "../../../../src/core/spec/sheet-spec";
import { readTracking } from "../../../../src/core/tracking/read-tracking";
import { rollover } from "../../../../src/core/tracking/rollover";
import { validateTracking } from "../../../../src/core/tracking/validate";
import { AGENCY_COLUMNS, SHEETS, TASK_COLUMNS } from "../../../../src/core/workbook/columns";
import { buildTrackingWorkbook } from "../../../../src/core/workbook/tracking-workbook";
import { LAM_DONG_DOCX } from "../../../helpers/shared-paths";

const TTTT = "Sở Thông tin và Truyền thông";
const VHTTDL = "Sở Văn hóa, Thể thao và Du lịch";
const KHCN = "Sở Khoa học và Công nghệ";

let result: ImportResult;
beforeAll(async () => {
  result = await importPlan({
    kind: "docx",
    bytes: readFileSync(LAM_DONG_DOCX),
    fileName: "lam-dong.docx",
  });
});

/** The spec's cells as the reader sees them (dates as Dates, formulas as formula cells). */
function cellsOf(spec: WorkbookSpec) {
  const toCell = (v: CellValue): unknown =>
    v && typeof v === "object" && "date" in v
      ? new Date(v.date + "T00:00:00Z")
      : v && typeof v === "object" && "formula" in v
        ? { formula: v.formula, value: null }
        : v;
  return {
    sheets: spec.sheets.map((s) => ({
      name: s.name,
      state: s.visibility,
      rows: (s.blocks[0]?.values ?? []).map((r) => r.map(toCell)),
    })),
    names: spec.names,
  };
}

const build = (year: number, date: string) =>
  buildTrackingWorkbook(result, {
    reportYear: year,
    reportDate: date,
    directory: defaultAgencies(result.plan.province),
  });

describe("the plan's field decides Sở TT&TT's successor", () => {
  it("reads the field from the title", () => {
    expect(planField(result.plan)).toBe("foreign-information");
    expect(planField({ title: "KẾ HOẠCH Chuyển đổi số năm 2025", appendixTitle: "" })).toBe(
      "digital"
    );
    expect(planField({ title: "Kế hoạch phát triển du lịch", appendixTitle: "" })).toBeNull();
  });

  it("gives Sở TT&TT's foreign-information work to Sở VHTTDL, from 01/03/2025", () => {
    const dir = directoryForPlan(defaultAgencies(), result.plan);
    expect(dir.find((a) => a.name === TTTT)?.successor).toEqual({
      name: VHTTDL,
      effective: "2025-03-01",
    });
    const digital = directoryForPlan(defaultAgencies(), {
      title: "Chuyển đổi số",
      appendixTitle: "",
    });
    expect(digital.find((a) => a.name === TTTT)?.successor?.name).toBe(KHCN);
  });

  it("shows the mapping for the preview, with what it concerns", () => {
    const m = successorMappings(result, defaultAgencies(result.plan.province), "2026-11-21");
    const tttt = m.find((x) => x.from === TTTT)!;
    expect(tttt).toMatchObject({ to: VHTTDL, since: "2025-03-01", field: "thông tin đối ngoại" });
    expect(tttt.leadTasks).toBeGreaterThan(0);
    expect(m.map((x) => x.from)).toEqual(
      expect.arrayContaining(["Sở Lao động - Thương binh và Xã hội", "UBND các huyện, thành phố"])
    );
    // In 2024 nothing has changed yet.
    expect(successorMappings(result, defaultAgencies(), "2024-11-21")).toEqual([]);
  });
});

describe("a workbook built for 2026 from the 2024 plan", () => {
  let spec: WorkbookSpec;
  beforeAll(() => (spec = build(2026, "2026-11-21")));

  it("has no 'đã được sắp xếp lại' warning and names only 2026 agencies", () => {
    const wb = readTracking(cellsOf(spec), "x.xlsx").workbook;
    const fs = validateTracking(wb, { year: 2026, date: "2026-11-21" });
    expect(fs.filter((f) => f.code === "AGENCY_SUPERSEDED")).toEqual([]);
    expect(fs.filter((f) => f.code === "AGENCY_NONCANONICAL")).toEqual([]);
    const names = new Set(wb.rows.flatMap((r) => [r.lead, ...r.partners]));
    for (const gone of [TTTT, "Sở Lao động - Thương binh và Xã hội", "Ban Dân tộc"])
      expect(names).not.toContain(gone);
    expect(names).toContain(VHTTDL);
  });

  it("keeps the plan's names in their own visible columns, and a merger gives one name", () => {
    const wb = readTracking(cellsOf(spec), "x.xlsx").workbook;
    const fromTttt = wb.rows.filter((r) => r.allLeads.includes(TTTT));
    expect(fromTttt.length).toBeGreaterThan(0);
    for (const r of fromTttt) expect(r.lead).not.toBe(TTTT);
    const partnered = wb.rows.filter((r) => r.planPartners?.includes(TTTT));
    expect(partnered.length).toBeGreaterThan(0);
    for (const r of partnered) {
      expect(r.partners).not.toContain(TTTT);
      expect(new Set(r.partners).size).toBe(r.partners.length);
    }
    const tasks = spec.sheets.find((s) => s.name === SHEETS.tasks)!;
    const header = tasks.blocks[0].values[0] as string[];
    const i = header.indexOf(TASK_COLUMNS.planPartners);
    expect(i).toBeGreaterThan(0);
    expect(tasks.columns[i].hidden).toBeFalsy();
    // The press: the paper and the broadcaster merged; a task naming both names one body once.
    for (const r of wb.rows) expect(new Set(r.partners).size).toBe(r.partners.length);
  });

  it("writes the successor in the editable 'Đơn vị kế thừa' column, and reads it back", () => {
    const wb = readTracking(cellsOf(spec), "x.xlsx").workbook;
    expect(wb.agencies.find((a) => a.name === TTTT)?.successor?.name).toBe(VHTTDL);
    const sheet = spec.sheets.find((s) => s.name === SHEETS.agencies)!;
    const header = sheet.blocks[0].values[0] as string[];
    expect(header).toContain(AGENCY_COLUMNS.successor);
  });

  it("keeps the plan's agencies in a year before the change", () => {
    const wb = readTracking(cellsOf(build(2024, "2024-11-21")), "x.xlsx").workbook;
    expect(wb.rows.some((r) => r.lead === TTTT)).toBe(true);
    expect(
      validateTracking(wb, { year: 2024, date: "2024-11-21" }).filter(
        (f) => f.code === "AGENCY_SUPERSEDED"
      )
    ).toEqual([]);
  });
});

describe("roll-over across the change", () => {
  it("moves 2024's rows to the successors of 2025 and says so; history keeps 2024's names", () => {
    const wb = readTracking(cellsOf(build(2024, "2024-12-15")), "x.xlsx").workbook;
    const t = wb.rows.find((r) => r.lead === TTTT && r.allLeads.includes(TTTT))!;
    Object.assign(t, { status: "Đang thực hiện", typed: { ...t.typed, status: "Đang thực hiện" } });
    const out = rollover(wb, 2025);
    const lead = out.moved.filter((m) => m.role === "lead" && m.from === TTTT);
    expect(lead.length).toBe(wb.rows.filter((r) => r.lead === TTTT).length);
    expect(lead.every((m) => m.to === VHTTDL)).toBe(true);
    expect(out.workbook.rows.some((r) => r.lead === TTTT)).toBe(false);
    expect(out.workbook.rows.find((r) => r.sheetRow === t.sheetRow)!.allLeads).toContain(TTTT);
    expect(out.workbook.history.find((h) => h.key === t.key && h.year === 2024)?.lead).toBe(TTTT);
    // Nothing is left that 2025 calls superseded.
    expect(
      validateTracking(out.workbook, { year: 2025, date: "2025-12-31" }).filter(
        (f) => f.code === "AGENCY_SUPERSEDED"
      )
    ).toEqual([]);
  });
});

describe("a workbook made before 'Phối hợp theo kế hoạch' existed", () => {
  it("keeps its partners as the plan's names when rolled over across the change", () => {
    const wb = readTracking(cellsOf(build(2024, "2024-12-15")), "x.xlsx").workbook;
    const old = { ...wb, rows: wb.rows.map((r) => ({ ...r, planPartners: undefined })) };
    const t = old.rows.find((r) => r.partners.includes(TTTT))!;
    const out = rollover(old, 2025);
    const moved = out.workbook.rows.find((r) => r.sheetRow === t.sheetRow)!;
    expect(moved.partners).not.toContain(TTTT);
    expect(moved.planPartners).toEqual(t.partners);
  });
});
