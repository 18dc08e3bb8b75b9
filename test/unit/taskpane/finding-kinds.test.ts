/** Pure view logic of the pane's issue-9 points: finding groups, dates typed dd/mm/yyyy, roll-over text. */
import type { Finding } from "../../../src/core/model";
import { validateTracking } from "../../../src/core/tracking/validate";
import { agencyChoices, kindGroups } from "../../../src/taskpane/finding-kinds";
import { parseViDate } from "../../../src/taskpane/report-date";
import { rolloverText } from "../../../src/taskpane/tracking-view";
import { rowOf, seedRows, seedWorkbook } from "../../helpers/tracking-fixtures";

describe("findings grouped by what must be done", () => {
  const rows = seedRows();
  rowOf(rows, "T1.2").typed.status = "hoan thanh";
  Object.assign(rowOf(rows, "T2.2"), { progress: 150 });
  rowOf(rows, "T2.2").typed.progress = "150";
  const wb = seedWorkbook(rows);
  const findings = validateTracking(wb, { year: 2026, date: "2026-12-15" });
  const byRow = new Map(rows.map((r) => [r.sheetRow, r]));
  const rowFor = (f: Finding) => byRow.get(f.location.row ?? -1);
  const groups = kindGroups(findings, rowFor);

  it("puts errors first and the agency notices last, each kind once with its findings", () => {
    expect(groups[0]).toMatchObject({ severity: "error", code: "PROGRESS_INVALID" });
    const codes = groups.map((g) => g.code);
    const firstAgency = codes.findIndex((c) => c.startsWith("AGENCY_"));
    expect(codes.indexOf("STATUS_NONCANONICAL")).toBeLessThan(firstAgency);
    expect(groups.reduce((n, g) => n + g.findings.length, 0)).toBe(findings.length);
  });

  it("splits renames by old → new, each with one action for all its cells", () => {
    const renames = groups.filter((g) => g.code === "AGENCY_SUPERSEDED");
    expect(renames.length).toBeGreaterThan(1);
    const tttt = renames.find((g) =>
      g.label.includes('"Sở Thông tin và Truyền thông" → "Sở Khoa học và Công nghệ"')
    )!;
    expect(tttt.action).toMatchObject({
      kind: "rename",
      from: "Sở Thông tin và Truyền thông",
      to: "Sở Khoa học và Công nghệ",
    });
    expect(tttt.action!.label).toBe(
      `Đổi tất cả ${tttt.findings.length} ô "Sở Thông tin và Truyền thông" thành "Sở Khoa học và Công nghệ"`
    );
    const safe = groups.find((g) => g.code === "STATUS_NONCANONICAL")!;
    expect(safe.action).toEqual({ kind: "safe", label: "Sửa 1 ô này" });
    expect(groups.find((g) => g.code === "PROGRESS_INVALID")!.action).toBeNull();
  });

  it("offers a filter by the agency whose rows they are, with counts", () => {
    const choices = agencyChoices(findings, rowFor);
    const total = findings.filter((f) => rowFor(f)?.lead).length;
    expect(choices.reduce((n, c) => n + c.count, 0)).toBe(total);
    expect(choices.map((c) => c.agency)).toContain("Sở Thông tin và Truyền thông");
  });
});

describe("dates typed the Vietnamese way", () => {
  it.each([
    ["15/11/2026", "2026-11-15"],
    ["5/1/2027", "2027-01-05"],
    ["15-11-2026", "2026-11-15"],
    ["2026-11-15", "2026-11-15"],
    ["31/02/2026", null],
    ["11/15/2026", null],
    ["", null],
  ])("%j → %j", (typed, iso) => expect(parseViDate(typed)).toBe(iso));
});

test("roll-over text explains kept rows and renames", () => {
  const t = rolloverText(
    {
      reset: 3,
      carried: 2,
      kept: 4,
      archived: 9,
      moved: [
        { role: "lead", from: "Sở A", to: "Sở B" },
        { role: "partner", from: "Sở A", to: "Sở B" },
      ],
    },
    2026
  );
  expect(t).toContain(
    "4 dòng giữ nguyên (đã xong hẳn, làm một lần, hoặc thời gian không đọc được)"
  );
  expect(t).toContain('Đổi sang đơn vị kế thừa: "Sở A" → "Sở B" (2 ô).');
});
