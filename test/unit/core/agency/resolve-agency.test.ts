/**
 * The one rule for "which agency answers for this name on this date" (core/agency/
 * resolve-agency.ts), on the names the Lâm Đồng plan 4784/KH-UBND and its officers write, and
 * the decisions taken where the former resolvers disagreed (distribute vs rollup vs import).
 */
import { readFileSync } from "fs";
import type { Agency } from "../../../../src/core/model";
import { defaultAgencies } from "../../../../src/core/agency/default-directory";
import { directoryForPlan } from "../../../../src/core/agency/plan-successors";
import {
  directoryOf,
  resolverOn,
  workbookAgencies,
} from "../../../../src/core/agency/resolve-agency";
import { distribution } from "../../../../src/core/exchange/distribution-plan";
import { importPlan } from "../../../../src/core/import/import-plan";
import { workbookRollup } from "../../../../src/core/tracking/workbook-rollup";
import { expandLeads } from "../../../../src/core/workbook/lead-expansion";
import {
  emptyTrackingRow,
  type TrackingWorkbook,
} from "../../../../src/core/workbook/tracking-model";
import { LAM_DONG_DOCX } from "../../../helpers/shared-paths";
import { AGENCIES, seedWorkbook } from "../../../helpers/tracking-fixtures";

const LAM_DONG = defaultAgencies("Lâm Đồng");
const IN_2024 = "2024-12-31";
const IN_2026 = "2026-12-31";
const PRESS = "Báo và Phát thanh, Truyền hình Lâm Đồng";

describe("a name as written → the agency answering for it on the date (Lâm Đồng directory)", () => {
  const in2026 = resolverOn(LAM_DONG, IN_2026);
  const in2024 = resolverOn(LAM_DONG, IN_2024);
  it.each([
    // merged departments (1/3/2025), in the plan's and the officers' spellings
    ["Sở TT&TT", "Sở Khoa học và Công nghệ", "Sở Thông tin và Truyền thông"],
    ["SỞ KẾ HOẠCH VÀ ĐẦU TƯ", "Sở Tài chính", "Sở Kế hoạch và Đầu tư"],
    ["Sở Tài nguyên và Môi trường", "Sở Nông nghiệp và Môi trường", "Sở Tài nguyên và Môi trường"],
    ["Sở NN&PTNT", "Sở Nông nghiệp và Môi trường", "Sở Nông nghiệp và Phát triển nông thôn"],
    ["Sở GTVT", "Sở Xây dựng", "Sở Giao thông vận tải"],
    ["Sở LĐ-TB&XH", "Sở Nội vụ", "Sở Lao động - Thương binh và Xã hội"],
    // a board renamed into a department, a department dissolved into an office
    ["Ban Dân tộc", "Sở Dân tộc và Tôn giáo", "Ban Dân tộc"],
    ["Sở Ngoại vụ", "Văn phòng UBND tỉnh", "Sở Ngoại vụ"],
    // the paper and the broadcaster, one press agency from 2025
    ["Báo Lâm Đồng", PRESS, "Báo Lâm Đồng"],
    ["Đài PTTH tỉnh", PRESS, "Đài Phát thanh - Truyền hình Lâm Đồng"],
    // missing diacritics, a wrong tone mark, NFD, "Ủy ban nhân dân"
    ["So Y te", "Sở Y tế", "Sở Y tế"],
    ["Sở Y tê", "Sở Y tế", "Sở Y tế"],
    ["Sở Giáo duc và Đào tao", "Sở Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo"],
    ["Sở Y tế".normalize("NFD"), "Sở Y tế", "Sở Y tế"],
    ["Ủy ban nhân dân tỉnh", "UBND tỉnh", "UBND tỉnh"],
    // "Ð" (U+00D0) for "Đ", as legacy-font conversions write it: the sheet's counting spelling
    ["\u00D0ài Phát thanh - Truyền hình Lâm Đồng", PRESS, "Đài Phát thanh - Truyền hình Lâm Đồng"],
  ])("%s → %s in 2026, %s in 2024", (written, now, before) => {
    expect(in2026.nameOf(written)).toBe(now);
    expect(in2026.reportersOf(written)).toEqual([now]);
    expect(in2024.nameOf(written)).toBe(before);
  });

  it("a name the directory does not know stays itself (a typo is not guessed here)", () => {
    expect(in2026.answer("Sở Thông tin và Truyền thôn")).toEqual({
      kind: "unknown",
      name: "Sở Thông tin và Truyền thôn",
    });
    expect(in2026.renamed("  Hội Nhà báo tỉnh ")).toBe("  Hội Nhà báo tỉnh ");
    expect(in2026.nameOf("  Hội Nhà báo tỉnh ")).toBe("Hội Nhà báo tỉnh");
  });

  it("a phrase naming nobody reaches nobody", () => {
    expect(in2026.answer("Các cơ quan, đơn vị liên quan")).toEqual({ kind: "nobody" });
    expect(in2026.reportersOf("các đơn vị có liên quan khác")).toEqual([]);
  });

  it("'các sở, ngành' is the departments existing on the date, each once", () => {
    const m2026 = in2026.reportersOf("các sở, ngành");
    expect(in2026.nameOf("các sở, ngành")).toBe("Các Sở, ban, ngành");
    expect(m2026).toEqual(expect.arrayContaining(["Sở Khoa học và Công nghệ", "Sở Nội vụ"]));
    expect(m2026).toContain("Sở Nông nghiệp và Môi trường");
    expect(m2026).not.toContain("Sở Thông tin và Truyền thông");
    expect(m2026).not.toContain("Sở Ngoại vụ");
    expect(new Set(m2026).size).toBe(m2026.length);
    const m2024 = in2024.reportersOf("Các Sở, ban, ngành");
    expect(m2024).toEqual(expect.arrayContaining(["Sở Thông tin và Truyền thông", "Sở Ngoại vụ"]));
    expect(m2024).not.toContain("Sở Nông nghiệp và Môi trường"); // founded 1/3/2025
  });

  it("two agencies one name key apart keep their exact spellings (Báo / Bảo Lâm Đồng)", () => {
    // As "Tổng hợp" counts them; the former rollup found "Bảo Lâm Đồng" by its name key again
    // after the counting rule, and so counted it as "Báo Lâm Đồng".
    const dept = (name: string): Agency => ({ name, shortNames: [], aliases: [], kind: "other" });
    const r = resolverOn([dept("Báo Lâm Đồng"), dept("Bảo Lâm Đồng")], IN_2026);
    expect(r.nameOf("Báo Lâm Đồng")).toBe("Báo Lâm Đồng");
    expect(r.nameOf("bảo lâm đồng")).toBe("Bảo Lâm Đồng");
  });
});

/** Districts of 2024 and the communes and wards that took their work on 1/7/2025. */
const DISTRICTS = "UBND các huyện, thành phố";
const COMMUNES = "UBND các xã, phường";
const local = (name: string, o: Partial<Agency> = {}): Agency => ({
  name,
  shortNames: [],
  aliases: [],
  kind: "people-committee",
  ...o,
});
const WITH_DISTRICTS: Agency[] = [
  ...LAM_DONG,
  local("UBND huyện Lạc Dương", {
    memberOf: [DISTRICTS],
    successor: { name: "UBND xã Lạc Dương", effective: "2025-07-01" },
  }),
  local("UBND thành phố Đà Lạt", {
    memberOf: [DISTRICTS],
    successor: { name: "UBND phường Lâm Viên - Đà Lạt", effective: "2025-07-01" },
  }),
  local("UBND xã Lạc Dương", { memberOf: [COMMUNES] }),
  // A ward the directory has not put in "UBND các xã, phường" (the officer never typed it).
  local("UBND phường Lâm Viên - Đà Lạt"),
];

/** Task `key` of 2026, a row led by `lead` (and partnered by `partners`) at `sheetRow`. */
const row = (key: string, lead: string, sheetRow: number, partners: string[] = []) =>
  emptyTrackingRow({
    key,
    stt: key,
    title: `Nhiệm vụ ${key}`,
    lead,
    allLeads: [lead],
    partners,
    timeText: "Hằng năm",
    years: [2026],
    scheduleCode: ";2026=20261231;",
    sheetRow,
  });

describe("district → commune level (1/7/2025)", () => {
  it("a district's UBND answers as its commune; the collective as named reaches both", () => {
    const r = resolverOn(WITH_DISTRICTS, IN_2026);
    expect(r.nameOf("UBND huyện Lạc Dương")).toBe("UBND xã Lạc Dương");
    expect(r.nameOf("UBND các huyện, thành phố")).toBe(COMMUNES);
    // Decision: members of the collective AS NAMED (its chain forward), as import's rows
    // always were; the former distribute/rollup resolvers took the successor collective's
    // members and left "UBND phường Lâm Viên - Đà Lạt" without the 2024 plan's task.
    expect(r.reportersOf(DISTRICTS)).toEqual([
      "UBND xã Lạc Dương",
      "UBND phường Lâm Viên - Đà Lạt",
    ]);
    expect(r.reportersOf(COMMUNES)).toEqual(["UBND xã Lạc Dương"]);
    expect(resolverOn(WITH_DISTRICTS, IN_2024).reportersOf(DISTRICTS)).toEqual([
      "UBND huyện Lạc Dương",
      "UBND thành phố Đà Lạt",
    ]);
  });

  it("distribute, rollup and import's rows give a 2024 plan's district task the same agencies", () => {
    const wb: TrackingWorkbook = {
      ...seedWorkbook([row("T1", "Sở Nội vụ", 5, [DISTRICTS])]),
      agencies: WITH_DISTRICTS,
    };
    const sent = distribution(wb, 2026)
      .agencies.filter((a) => a.partner.length)
      .map((a) => a.agency)
      .sort();
    const counted = workbookRollup(wb, 2026, IN_2026)
      .agencies.filter((a) => a.role === "partner" && a.total > 0)
      .map((a) => a.agency)
      .sort();
    const lead = { name: DISTRICTS, written: DISTRICTS, matched: true };
    const task = { lead: [lead] } as unknown as Parameters<typeof expandLeads>[0][number];
    const rows = expandLeads([task], { directory: WITH_DISTRICTS, reportDate: IN_2026 }).leads[0];
    expect(sent).toEqual(["UBND phường Lâm Viên - Đà Lạt", "UBND xã Lạc Dương"]);
    expect(counted).toEqual(sent);
    expect([...rows].sort()).toEqual(sent);
  });
});

describe("decisions where distribute and rollup disagreed", () => {
  const leadsOf = (wb: TrackingWorkbook) => ({
    sent: Object.fromEntries(
      distribution(wb, 2026).agencies.map((a) => [a.agency, a.lead.map((r) => r.key)])
    ),
    counted: Object.fromEntries(
      workbookRollup(wb, 2026, "2026-12-15")
        .agencies.filter((a) => a.role === "lead")
        .map((a) => [a.agency, a.total])
    ),
  });

  it("a spelling the Tổng hợp sheet counts as an agency is that agency's row to report", () => {
    // "Ðài PTTH tỉnh" with U+00D0: rollup (the sheet's rule) counted it as "Đài PTTH tỉnh",
    // distribute sent it as a file to an agency of its own. Now both: the agency's.
    const wb = seedWorkbook([row("T1", "Đài PTTH tỉnh", 5), row("T2", "\u00D0ài PTTH tỉnh", 6)]);
    const { sent, counted } = leadsOf(wb);
    expect(sent).toEqual({ "Đài PTTH tỉnh": ["T1", "T2"] });
    expect(counted).toEqual({ "Đài PTTH tỉnh": 2 });
  });

  it("a name the directory lacks is one agency across case and spacing, spelt as first written", () => {
    // rollup listed "BAN QUẢN LÝ DỰ ÁN" and "Ban quản lý dự án" apart; distribute as one.
    const wb = seedWorkbook([
      row("T1", "Ban quản lý dự án", 5),
      row("T2", "BAN QUẢN LÝ DỰ ÁN", 6),
      row("T3", "Ban quản lý  dự án ", 7),
    ]);
    const { sent, counted } = leadsOf(wb);
    expect(sent).toEqual({ "Ban quản lý dự án": ["T1", "T2", "T3"] });
    expect(counted).toEqual({ "Ban quản lý dự án": 3 });
    // The spelling listed is the sheet's first, whichever use case asks first.
    expect(workbookAgencies(wb, "2030-12-31").nameOf("BAN QUẢN LÝ DỰ ÁN")).toBe(
      "Ban quản lý dự án"
    );
  });
});

describe("one directory per agency list, one resolver per workbook and date", () => {
  it("memoises, and a new list is a new directory", () => {
    expect(directoryOf(AGENCIES)).toBe(directoryOf(AGENCIES));
    expect(directoryOf([...AGENCIES])).not.toBe(directoryOf(AGENCIES));
    const wb = seedWorkbook();
    expect(workbookAgencies(wb, IN_2026)).toBe(workbookAgencies(wb, IN_2026));
    expect(workbookAgencies(wb, IN_2026).directory).toBe(directoryOf(AGENCIES));
    expect(workbookAgencies(wb, IN_2024)).not.toBe(workbookAgencies(wb, IN_2026));
  });
});

describe("the Lâm Đồng plan 4784/KH-UBND (.docx fixture)", () => {
  it("every agency it names answers in 2026 by an agency existing then; Sở TT&TT by the field", async () => {
    const r = await importPlan({
      kind: "docx",
      bytes: readFileSync(LAM_DONG_DOCX),
      fileName: "lam-dong.docx",
    });
    // A plan of thông tin đối ngoại: Sở TT&TT's tasks went to Sở VHTTDL (DOMAIN.md).
    const agencies = directoryForPlan(LAM_DONG, r.plan);
    const in2026 = resolverOn(agencies, IN_2026);
    const in2024 = resolverOn(agencies, IN_2024);
    const named = new Set(r.tasks.flatMap((t) => [...t.lead, ...t.partners]).map((a) => a.name));
    expect(named.has("Sở Thông tin và Truyền thông")).toBe(true);
    expect(in2026.nameOf("Sở Thông tin và Truyền thông")).toBe("Sở Văn hóa, Thể thao và Du lịch");
    expect(in2024.nameOf("Sở Thông tin và Truyền thông")).toBe("Sở Thông tin và Truyền thông");
    for (const name of named) {
      const answer = in2026.answer(name);
      expect([name, answer.kind]).not.toEqual([name, "unknown"]);
      for (const reporter of in2026.reportersOf(name)) {
        const a = in2026.agencyOf(reporter)!;
        // Exists on the date: not superseded, already founded.
        expect([reporter, a.name]).toEqual([reporter, reporter]);
        expect(a.successor === undefined || a.successor.effective > IN_2026).toBe(true);
        expect(a.since === undefined || a.since <= IN_2026).toBe(true);
      }
    }
  });
});
