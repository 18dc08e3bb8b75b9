/**
 * The directory rules behind "every task reaches someone": phrases naming no agency, the plan's
 * unknown agencies added once, bodies only some provinces have, members named by the officer.
 */
import type { AgencyRef, ImportResult, Task } from "../../../../src/core/model";
import { AgencyDirectory, DEPARTMENTS_COLLECTIVE } from "../../../../src/core/agency/directory";
import { defaultAgencies, defaultDirectory } from "../../../../src/core/agency/default-directory";
import { matchAgencyList } from "../../../../src/core/agency/match-agencies";
import { namesNoAgency } from "../../../../src/core/agency/vague-phrase";
import {
  agenciesForPlan,
  unknownAgencies,
  withMembers,
} from "../../../../src/core/agency/plan-agencies";

describe("namesNoAgency", () => {
  it.each([
    "Các cơ quan, đơn vị liên quan",
    "các đơn vị có liên quan",
    "các đơn vị có liên quan khác",
    "Các ngành, địa phương liên quan",
    "Cơ quan, đơn vị liên quan",
    "Các tổ chức, cá nhân có liên quan",
    "Các cơ quan, đơn vị",
  ])("%s names no agency", (text) => expect(namesNoAgency(text)).toBe(true));

  it.each([
    "Các Sở, ban, ngành liên quan",
    "Sở Y tế và các đơn vị liên quan",
    "Các cơ quan báo chí tỉnh",
    "Các địa phương",
    "Ban Quản lý Xyz",
  ])("%s is not such a phrase", (text) => expect(namesNoAgency(text)).toBe(false));

  it("the matcher keeps the plan's words, marked vague, before any name inside them", () => {
    const dir = defaultDirectory();
    expect(matchAgencyList("Sở Y tế, các ngành, địa phương liên quan", dir)).toEqual([
      { name: "Sở Y tế", written: "Sở Y tế", matched: true },
      {
        name: "các ngành, địa phương liên quan",
        written: "các ngành, địa phương liên quan",
        matched: true,
        vague: true,
      },
    ]);
    expect(dir.get("Các cơ quan, đơn vị liên quan")).toBeUndefined();
  });
});

describe('"Các Sở, ban, ngành" by kind', () => {
  it("every department existing on the date is a member, Sở Ngoại vụ in 2024 included", () => {
    const dir = defaultDirectory();
    const in2024 = dir.membersOn(DEPARTMENTS_COLLECTIVE, "2024-12-31").map((a) => a.name);
    for (const a of defaultAgencies())
      if (a.kind === "department" && !a.someProvincesOnly && !a.since)
        expect(in2024).toContain(a.name);
    expect(in2024).toContain("Sở Ngoại vụ");
    // A department the officer adds to "Đơn vị" joins by its kind, without "Thuộc nhóm".
    const own = new AgencyDirectory([
      ...defaultAgencies(),
      { name: "Sở Ngoại vụ và Du lịch", shortNames: [], aliases: [], kind: "department" },
    ]);
    expect(own.membersOn("Các Sở, ngành", "2026-11-21").map((a) => a.name)).toContain(
      "Sở Ngoại vụ và Du lịch"
    );
  });
});

const ref = (name: string, matched: boolean): AgencyRef => ({ name, written: name, matched });
function result(leads: AgencyRef[][]): Pick<ImportResult, "tasks"> {
  return {
    tasks: leads.map((lead, i) => ({ key: `T${i + 1}`, lead, partners: [] }) as unknown as Task),
  };
}

describe("the plan's directory", () => {
  const plan = result([
    [ref("Ban Quản lý Xyz", false)],
    [ref("BAN QUẢN LÝ XYZ", false)],
    [ref("Ban  quản lý  Xyz", false)],
    [ref("Sở Du lịch", true)],
    [{ ...ref("các đơn vị có liên quan", true), vague: true }],
  ]);

  it("adds an unknown agency once across case and spacing, kind from its head word", () => {
    expect(unknownAgencies(plan)).toEqual([
      {
        name: "Ban Quản lý Xyz",
        kind: "board",
        spellings: ["Ban Quản lý Xyz", "BAN QUẢN LÝ XYZ", "Ban  quản lý  Xyz"],
      },
    ]);
    const agencies = agenciesForPlan(defaultAgencies(), plan, { "ban quản lý xyz": "other" });
    const dir = new AgencyDirectory(agencies);
    expect(dir.get("BAN QUẢN LÝ XYZ")).toMatchObject({ name: "Ban Quản lý Xyz", kind: "other" });
    expect(agencies.filter((a) => /xyz/i.test(a.name))).toHaveLength(1);
  });

  it("keeps a body only some provinces have when the plan names it, and only then", () => {
    const named = agenciesForPlan(defaultAgencies(), plan).map((a) => a.name);
    expect(named).toContain("Sở Du lịch");
    expect(named).not.toContain("Sở Văn hóa và Thể thao");
    const dir = new AgencyDirectory(agenciesForPlan(defaultAgencies(), plan));
    expect(dir.membersOn(DEPARTMENTS_COLLECTIVE, "2026-11-21").map((a) => a.name)).toContain(
      "Sở Du lịch"
    );
  });

  it("members named by the officer join the collective, added when unknown", () => {
    const agencies = withMembers(defaultAgencies("Tuyên Quang"), {
      "Các cơ quan báo chí": ["Báo Tuyên Quang", "Tạp chí Tân Trào"],
    });
    const dir = new AgencyDirectory(agencies);
    expect(dir.membersOn("Các cơ quan báo chí tỉnh", "2024-12-31").map((a) => a.name)).toEqual([
      "Báo Tuyên Quang",
      "Tạp chí Tân Trào",
    ]);
  });
});

describe("importQuestions (the preview's questions)", () => {
  it("asks for a collective's recipients and an added agency's kind, and keeps asking once answered", async () => {
    const { importPlan } = await import("../../../../src/core/import/import-plan");
    const { importQuestions, buildTrackingWorkbook } = await import(
      "../../../../src/core/workbook/tracking-workbook"
    );
    const result = await importPlan({
      kind: "text",
      text: [
        "STT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian thực hiện",
        "1\tTuyên truyền\tCác cơ quan báo chí tỉnh\tSở Y tế\tNăm 2024",
        "2\tDự án số\tBAN DỰ ÁN SỐ 1\t\tNăm 2024",
      ].join("\n"),
      fileName: "kh.txt",
    });
    const options = { reportYear: 2024, reportDate: "2024-12-31", directory: defaultAgencies() };
    const q = importQuestions(result, options);
    expect(q.collectives).toEqual([{ name: "Các cơ quan báo chí tỉnh", tasks: ["1"] }]);
    expect(q.added.map((a) => [a.name, a.kind])).toEqual([["BAN DỰ ÁN SỐ 1", "board"]]);
    const spec = buildTrackingWorkbook(result, {
      ...options,
      members: { "Các cơ quan báo chí tỉnh": ["Đài PT-TH tỉnh"] },
      agencyKinds: { "Ban dự án số 1": "center" },
    });
    const tasks = spec.sheets.find((s) => s.name === "Nhiệm vụ")!.blocks[0].values;
    const lead = tasks[0].indexOf("Đơn vị chủ trì");
    expect(tasks.slice(1).map((r) => r[lead])).toEqual([
      "Đài Phát thanh - Truyền hình tỉnh",
      "BAN DỰ ÁN SỐ 1",
    ]);
    const agencies = spec.sheets.find((s) => s.name === "Đơn vị")!.blocks[0].values;
    expect(agencies.find((r) => r[0] === "BAN DỰ ÁN SỐ 1")?.[3]).toBe("Trung tâm");
    expect(importQuestions(result, options)).toEqual(q);
  });
});
