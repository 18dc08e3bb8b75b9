/**
 * Collective leads ("Các Sở, ban, ngành") expanded into one row per member agency existing on the
 * report date: the directory's members, the builder's rows, the "Thuộc nhóm" column and the option.
 */
import type { Agency, AgencyRef, ImportResult, Schedule, Task } from "../../../../src/core/model";
import { AgencyDirectory } from "../../../../src/core/agency/directory";
import {
  DEPARTMENTS_COLLECTIVE,
  defaultAgencies,
  defaultDirectory,
} from "../../../../src/core/agency/default-directory";
import type { CellValue, SheetSpec } from "../../../../src/core/spec/sheet-spec";
import { readTracking } from "../../../../src/core/tracking/read-tracking";
import { AGENCY_COLUMNS, SHEETS, TASK_COLUMNS } from "../../../../src/core/workbook/columns";
import { WORKBOOK_FINDINGS, expandLeads } from "../../../../src/core/workbook/lead-expansion";
import { agenciesIn, taskRows } from "../../../../src/core/workbook/task-rows";
import {
  buildTrackingWorkbook,
  trackingWorkbookAndFindings,
  trackingWorkbookFindings,
} from "../../../../src/core/workbook/tracking-workbook";
import { lamDongPlan } from "../../../helpers/small-plan";

const SBN = DEPARTMENTS_COLLECTIVE;
const DISTRICTS = "UBND các huyện, thành phố";
const ref = (name: string, matched = true): AgencyRef => ({ name, written: name, matched });
const schedule: Schedule = {
  text: "Hằng năm",
  kind: "annual",
  years: [2024, 2025, 2026],
  deadlines: { 2024: "2024-12-31", 2025: "2025-12-31", 2026: "2026-12-31" },
  finalDeadline: "2026-12-31",
  multiYear: false,
};
function task(stt: string, leads: string[]): Task {
  return {
    key: `T${stt}`,
    stt,
    numbered: stt,
    group: stt.split(".")[0],
    title: `Nhiệm vụ ${stt}`,
    lead: leads.map((l) => ref(l)),
    partners: [],
    timeText: "Hằng năm",
    schedule,
    extra: {},
    sourceRow: 1,
  };
}
function plan(tasks: Task[]): ImportResult {
  return lamDongPlan(
    { number: "1/KH-UBND", issuedOn: null, period: { from: 2024, to: 2030 }, title: "KH" },
    "Nhóm 1",
    tasks
  );
}
const IN_2026 = "2026-11-21";
const IN_2024 = "2024-11-20";
const names = (as: Agency[]) => as.map((a) => a.name);

describe("AgencyDirectory.membersOn (default directory)", () => {
  const dir = defaultDirectory();

  it("2026: the departments, offices and forces existing then, each once, in directory order", () => {
    const m = names(dir.membersOn(SBN, IN_2026));
    expect(m).toEqual([
      "Sở Nội vụ",
      "Sở Tư pháp",
      "Sở Tài chính",
      "Sở Công Thương",
      "Sở Xây dựng",
      "Sở Khoa học và Công nghệ",
      "Sở Giáo dục và Đào tạo",
      "Sở Y tế",
      "Sở Văn hóa, Thể thao và Du lịch",
      "Sở Nông nghiệp và Môi trường",
      "Sở Dân tộc và Tôn giáo",
      "Văn phòng UBND tỉnh",
      "Thanh tra tỉnh",
      "Ban quản lý các khu công nghiệp",
      "Công an tỉnh",
      "Bộ Chỉ huy quân sự tỉnh",
    ]);
    // Merged departments give way to their successor: TT&TT is gone, KH&CN is there once.
    expect(m).not.toContain("Sở Thông tin và Truyền thông");
    expect(m).not.toContain("Sở Kế hoạch và Đầu tư");
    expect(m.filter((n) => n === "Sở Nông nghiệp và Môi trường")).toHaveLength(1);
    // Only some provinces have these (until a plan names them); the press has its own
    // collective; Sở Ngoại vụ gave way to the Văn phòng in 2025.
    expect(m).not.toContain("Sở Du lịch");
    expect(m).not.toContain("Sở Ngoại vụ");
    expect(m).not.toContain("Báo và Phát thanh, Truyền hình tỉnh");
  });

  it("2024: the departments merged in 2025 are still members under their own names", () => {
    const m = names(dir.membersOn(SBN, IN_2024));
    expect(m).toEqual(
      expect.arrayContaining([
        "Sở Thông tin và Truyền thông",
        "Sở Kế hoạch và Đầu tư",
        "Sở Lao động - Thương binh và Xã hội",
        "Ban Dân tộc",
        "Sở Khoa học và Công nghệ",
      ])
    );
    // Every department of the year, by its kind: Sở Ngoại vụ too.
    expect(m).toContain("Sở Ngoại vụ");
    // Departments the 2025 reorganization created do not exist yet in 2024.
    expect(m).not.toContain("Sở Nông nghiệp và Môi trường");
    expect(m).not.toContain("Sở Dân tộc và Tôn giáo");
  });

  it("any spelling of the collective finds the same members; district committees have none", () => {
    expect(names(dir.membersOn("Các Sở, ngành", IN_2026))).toEqual(
      names(dir.membersOn(SBN, IN_2026))
    );
    expect(dir.membersOn(DISTRICTS, IN_2024)).toEqual([]);
    expect(dir.membersOn(DISTRICTS, IN_2026)).toEqual([]);
    expect(dir.membersOn("Không có nhóm này", IN_2026)).toEqual([]);
  });

  it("a successor that merged two members appears once; one the directory lacks leaves them out", () => {
    const g = "Các đơn vị X";
    const d = new AgencyDirectory([
      { name: g, shortNames: [], aliases: ["Nhóm X"], kind: "collective", collective: true },
      {
        name: "A",
        shortNames: [],
        aliases: [],
        kind: "department",
        memberOf: ["Nhóm X"],
        successor: { name: "C", effective: "2025-03-01" },
      },
      {
        name: "B",
        shortNames: [],
        aliases: [],
        kind: "department",
        memberOf: [g],
        successor: { name: "C", effective: "2025-03-01" },
      },
      { name: "C", shortNames: [], aliases: [], kind: "department" },
      {
        name: "D",
        shortNames: [],
        aliases: [],
        kind: "department",
        memberOf: [g],
        successor: { name: "Không trong danh mục", effective: "2025-03-01" },
      },
    ]);
    expect(names(d.membersOn(g, "2024-12-31"))).toEqual(["A", "B", "D"]);
    expect(names(d.membersOn(g, "2025-03-01"))).toEqual(["C"]);
  });

  it("members of the collective that succeeded a collective count too", () => {
    const agencies: Agency[] = [
      ...defaultAgencies(),
      {
        name: "UBND huyện Lạc Dương",
        shortNames: [],
        aliases: [],
        kind: "people-committee",
        memberOf: [DISTRICTS],
        successor: { name: "UBND xã Lạc Dương", effective: "2025-07-01" },
      },
      {
        name: "UBND xã Lạc Dương",
        shortNames: [],
        aliases: [],
        kind: "people-committee",
        memberOf: ["UBND các xã, phường"],
      },
    ];
    const d = new AgencyDirectory(agencies);
    expect(names(d.membersOn(DISTRICTS, IN_2024))).toEqual(["UBND huyện Lạc Dương"]);
    expect(names(d.membersOn(DISTRICTS, IN_2026))).toEqual(["UBND xã Lạc Dương"]);
  });
});

const DISTRICTS_2026 = "UBND các xã, phường";

describe("buildTrackingWorkbook: collective leads expanded", () => {
  const result = plan([
    task("1.1", [SBN, DISTRICTS]),
    task("1.2", ["Sở Tài chính", SBN]),
    task("1.3", [SBN, "Sở Kế hoạch và Đầu tư"]),
    task("1.4", ["Công an tỉnh", "Bộ Chỉ huy quân sự tỉnh"]),
  ]);
  const options = { reportYear: 2026, reportDate: IN_2026, directory: defaultAgencies() };
  const spec = buildTrackingWorkbook(result, options);
  const sheet = (name: string): SheetSpec => spec.sheets.find((s) => s.name === name)!;
  const values = sheet(SHEETS.tasks).blocks[0].values;
  const header = values[0] as string[];
  const rows = values.slice(1);
  const col = (h: string) => header.indexOf(h);
  const leadsOf = (key: string) =>
    rows.filter((r) => r[col(TASK_COLUMNS.key)] === key).map((r) => r[col(TASK_COLUMNS.lead)]);
  const members2026 = names(defaultDirectory().membersOn(SBN, IN_2026));

  it("a collective becomes one row per member on the report date; 'Các đơn vị chủ trì' keeps the plan", () => {
    // The districts' collective is written as the one existing in 2026 (still memberless).
    expect(leadsOf("T1.1")).toEqual([...members2026, DISTRICTS_2026]);
    const row = rows.find((r) => r[col(TASK_COLUMNS.key)] === "T1.1")!;
    expect(row[col(TASK_COLUMNS.allLeads)]).toBe(`${SBN}; ${DISTRICTS}`);
    expect(leadsOf("T1.1")).toContain("Sở Nội vụ");
    expect(leadsOf("T1.1")).toContain("Sở Khoa học và Công nghệ");
    expect(leadsOf("T1.1")).not.toContain("Sở Thông tin và Truyền thông");
  });

  it("an explicit lead covered by the collective has one row, where the plan puts it", () => {
    const t12 = leadsOf("T1.2");
    expect(t12.filter((l) => l === "Sở Tài chính")).toHaveLength(1);
    expect(t12[0]).toBe("Sở Tài chính");
    expect(t12).toHaveLength(members2026.length);
    // Named by its old name, Sở KH&ĐT is Sở Tài chính in 2026: one row, under the 2026 name;
    // the plan's name stays in "Các đơn vị chủ trì".
    const t13 = leadsOf("T1.3");
    expect(t13.filter((l) => l === "Sở Tài chính")).toHaveLength(1);
    expect(t13).not.toContain("Sở Kế hoạch và Đầu tư");
    expect(t13).toHaveLength(members2026.length);
    const row = rows.find((r) => r[col(TASK_COLUMNS.key)] === "T1.3")!;
    expect(row[col(TASK_COLUMNS.allLeads)]).toBe(`${SBN}; Sở Kế hoạch và Đầu tư`);
  });

  it("explicit leads without collectives are unchanged", () => {
    expect(leadsOf("T1.4")).toEqual(["Công an tỉnh", "Bộ Chỉ huy quân sự tỉnh"]);
  });

  it("a collective without members stays one row, with a finding asking for its members", () => {
    expect(leadsOf("T1.1").filter((l) => l === DISTRICTS_2026)).toHaveLength(1);
    const findings = trackingWorkbookFindings(result, options);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: WORKBOOK_FINDINGS.COLLECTIVE_WITHOUT_MEMBERS,
      severity: "warning",
      location: { sheet: SHEETS.agencies, column: AGENCY_COLUMNS.memberOf },
    });
    expect(findings[0].message).toContain(DISTRICTS);
    expect(findings[0].message).toContain("1.1");
    // `phuluc import` makes both from one expansion: the same workbook, the same findings.
    const both = trackingWorkbookAndFindings(result, options);
    expect(both.findings).toEqual(findings);
    expect(both.spec).toEqual(buildTrackingWorkbook(result, options));
  });

  it("the task-level status counts the expanded rows of the task (k/n, n = its rows)", () => {
    const p = col(TASK_COLUMNS.taskProgress);
    const t11 = rows.filter((r) => r[col(TASK_COLUMNS.key)] === "T1.1");
    expect(t11).toHaveLength(members2026.length + 1);
    // The denominator counts the rows whose key (column A) is the row's own key.
    for (const r of t11)
      expect((r[p] as { formula: string }).formula).toMatch(
        /&"\/"&COUNTIF\(\$A\$2:\$A\$\d+,\$A\d+\)&" đơn vị hoàn thành"/
      );
  });

  it("the summary's lead list lists the member agencies", () => {
    const summary = sheet(SHEETS.summary).blocks.flatMap((b) => b.values.map((v) => v[1]));
    for (const m of ["Sở Nội vụ", "Sở Y tế", "Công an tỉnh", DISTRICTS_2026])
      expect(summary).toContain(m);
    const leads = agenciesIn(taskRows(result, expandLeads(result.tasks, options).leads), "lead");
    expect(leads).not.toContain(SBN);
  });

  it("expandCollectives: false keeps one row per lead (the agency of the report date), and says nothing", () => {
    const off = { ...options, expandCollectives: false };
    const v = buildTrackingWorkbook(result, off).sheets.find((s) => s.name === SHEETS.tasks)!
      .blocks[0].values;
    expect(v.slice(1).map((r) => r[col(TASK_COLUMNS.lead)])).toEqual([
      SBN,
      DISTRICTS_2026,
      "Sở Tài chính",
      SBN,
      SBN,
      "Sở Tài chính",
      "Công an tỉnh",
      "Bộ Chỉ huy quân sự tỉnh",
    ]);
    expect(trackingWorkbookFindings(result, off)).toEqual([]);
  });

  it("follows the report date: in 2024 the pre-merger departments have their rows", () => {
    const l = expandLeads([task("1.1", [SBN])], { ...options, reportDate: IN_2024 }).leads[0];
    expect(l).toContain("Sở Thông tin và Truyền thông");
    expect(l).toContain("Sở Khoa học và Công nghệ");
  });

  it("an unmatched lead is never expanded", () => {
    const t = { ...task("1.1", []), lead: [ref("Các phòng Không Có", false)] };
    expect(expandLeads([t], options).leads).toEqual([["Các phòng Không Có"]]);
  });
});

describe('"Thuộc nhóm" on the "Đơn vị" sheet', () => {
  it("is written and read back as memberOf", () => {
    const spec = buildTrackingWorkbook(plan([task("1.1", ["Sở Y tế"])]), {
      reportYear: 2026,
      reportDate: IN_2026,
      directory: defaultAgencies(),
    });
    const toCell = (v: CellValue): unknown =>
      v && typeof v === "object" && "date" in v
        ? new Date(v.date + "T00:00:00Z")
        : v && typeof v === "object" && "formula" in v
          ? { value: null, formula: v.formula }
          : v;
    const cells = {
      sheets: spec.sheets.map((s) => ({
        name: s.name,
        rows: s.blocks[0]?.address === "A1" ? s.blocks[0].values.map((r) => r.map(toCell)) : [],
      })),
    };
    const agencies = spec.sheets.find((s) => s.name === SHEETS.agencies)!;
    expect(agencies.blocks[0].values[0]).toContain(AGENCY_COLUMNS.memberOf);
    expect(agencies.tables[0].columns).toContain(AGENCY_COLUMNS.memberOf);
    const { workbook } = readTracking(cells, "x.xlsx");
    const byName = new Map(workbook.agencies.map((a) => [a.name, a]));
    // Departments are members by their kind ("Loại" = "Sở"), read back as such.
    expect(byName.get("Sở Y tế")?.kind).toBe("department");
    expect(byName.get("Công an tỉnh")?.memberOf).toEqual([SBN]);
    // Only some provinces have a Sở Du lịch: listed only when the plan names it.
    expect(byName.has("Sở Du lịch")).toBe(false);
    expect(names(new AgencyDirectory(workbook.agencies).membersOn(SBN, IN_2026))).toEqual(
      names(defaultDirectory().membersOn(SBN, IN_2026))
    );
    expect(byName.get(SBN)?.memberOf).toBeUndefined();
  });
});
