/**
 * Prose assignments that go wrong, and what the officer is told: a section with no agency
 * headings, a heading with no tasks, a heading that is not an agency, "Nơi nhận" right after
 * the section. Also: elliptical agency lists (Nam Định seed), the issuer read from a sentence,
 * the reporting year of a past plan, a plan with both a table and prose.
 */
import { readFileSync } from "fs";
import { importPlan } from "../../../../../src/core/import/import-plan";
import { FINDINGS, INPUT_ERRORS } from "../../../../../src/core/errors/finding-codes";
import { matchAgencyList } from "../../../../../src/core/agency/match-agencies";
import { defaultDirectory } from "../../../../../src/core/agency/default-directory";
import { readPlanMeta } from "../../../../../src/core/import/plan-meta";
import { withAdditions } from "../../../../../src/core/import/prose/with-additions";
import { defaultReportDate, defaultReportYear } from "../../../../../src/core/schedule/report-year";
import { inputError } from "../../../../helpers/input-error";
import { SEED_NAM_DINH } from "../../../../helpers/shared-paths";

const HEAD =
  "Số: 12/KH-UBND\nQuảng Trị, ngày 5 tháng 3 năm 2025\nKẾ HOẠCH\nTruyền thông giai đoạn 2025 - 2027\n";
const plan = (section: string) =>
  importPlan({ kind: "text", text: HEAD + section, fileName: "kh.txt" });

test("a section that names no agency: Vietnamese error naming the file and the section", async () => {
  const e = await inputError(
    plan(
      "III. TỔ CHỨC THỰC HIỆN\nCác cơ quan, đơn vị căn cứ kế hoạch triển khai thực hiện.\nGiao trách nhiệm theo chức năng, nhiệm vụ.\n"
    )
  );
  expect(e.code).toBe(INPUT_ERRORS.PROSE_NO_AGENCIES);
  expect(e.message).toContain('"kh.txt"');
  expect(e.message).toContain("III. TỔ CHỨC THỰC HIỆN");
});

test("no table and no section: the table error still names what was looked for", async () => {
  const e = await inputError(plan("I. MỤC ĐÍCH\nNâng cao chất lượng.\n"));
  expect(e.code).toBe(INPUT_ERRORS.NO_TABLE);
  expect(e.message).toContain("TỔ CHỨC THỰC HIỆN");
});

test("a heading with no tasks, a heading that is not an agency, Nơi nhận right after", async () => {
  const r = await plan(
    [
      "IV. PHÂN CÔNG NHIỆM VỤ",
      "1. Sở Tài chính",
      "2. Sở Nội vụ:",
      "- Bố trí biên chế làm công tác thông tin đối ngoại trong năm 2025.",
      "3. Chế độ thông tin, báo cáo",
      "Định kỳ 6 tháng tổng hợp tình hình gửi về Sở Văn hóa, Thể thao và Du lịch.",
      "4. Công an tỉnh",
      "- Bảo đảm an ninh thông tin trước ngày 30/6 hằng năm.",
      "Nơi nhận:",
      "- Như trên;",
      "- Sở Tài chính;",
      "- Lưu: VT.",
    ].join("\n")
  );
  expect(r.groups.map((g) => g.title)).toEqual(["Sở Tài chính", "Sở Nội vụ", "Công an tỉnh"]);
  expect(r.tasks.map((t) => [t.stt, t.lead.map((a) => a.name)[0], t.timeText])).toEqual([
    ["2.1", "Sở Nội vụ", "Năm 2025"],
    ["4.1", "Công an tỉnh", "Trước ngày 30/6 hằng năm"],
  ]);
  const empty = r.findings.filter((f) => f.code === FINDINGS.PROSE_HEADING_EMPTY);
  expect(empty.map((f) => f.message)).toEqual([expect.stringContaining('"Sở Tài chính"')]);
  const skipped = r.findings.filter((f) => f.code === FINDINGS.PROSE_TEXT_SKIPPED);
  expect(skipped).toHaveLength(1);
  expect(skipped[0].message).toContain('"Chế độ thông tin, báo cáo"');
  expect(r.tasks.some((t) => /Như trên|Lưu: VT/.test(t.title))).toBe(false);
  expect(r.tasks[1].schedule.deadlines[2026]).toBe("2026-06-30");
});

test("lettered headings with the task after the colon; 'Giao Sở X chủ trì …'", async () => {
  const r = await plan(
    [
      "VI. TỔ CHỨC THỰC HIỆN",
      "a) Sở Văn hóa, Thể thao và Du lịch: chủ trì tổ chức các sự kiện quảng bá, Quý III/2025.",
      "- Phối hợp với Sở Ngoại vụ đón tiếp phóng viên nước ngoài.",
      "b) Giao Sở Tài chính chủ trì, phối hợp với Sở Nội vụ bố trí kinh phí hằng năm.",
    ].join("\n")
  );
  expect(r.tasks.map((t) => t.stt)).toEqual(["a.1", "a.2", "b.1"]);
  expect(r.tasks[0].title).toBe("Chủ trì tổ chức các sự kiện quảng bá, Quý III/2025.");
  expect(r.tasks[0].timeText).toBe("Quý III/2025");
  expect(r.tasks[1].lead.map((a) => a.name)).toEqual(["Sở Ngoại vụ"]);
  expect(r.tasks[1].partners.map((a) => a.name)).toEqual(["Sở Văn hóa, Thể thao và Du lịch"]);
  expect(r.tasks[2].lead.map((a) => a.name)).toEqual(["Sở Tài chính"]);
  expect(r.tasks[2].partners.map((a) => a.name)).toEqual(["Sở Nội vụ"]);
});

test("Nam Định's elliptical list: each field becomes its Sở, Công an tỉnh stays itself", () => {
  const seed = readFileSync(SEED_NAM_DINH, "utf8");
  const cell = /các sở, ngành \([^)]*\)/.exec(seed)![0];
  const refs = matchAgencyList(cell, defaultDirectory("Nam Định"));
  expect(refs.map((a) => [a.name, a.matched])).toEqual([
    ["Sở Văn hóa, Thể thao và Du lịch", true],
    ["Sở Kế hoạch và Đầu tư", true],
    ["Sở Công Thương", true],
    ["Sở Nội vụ", true],
    ["Sở Tài chính", true],
    ["Công an tỉnh", true],
  ]);
  // A parenthesis that names no field is left alone.
  const remark = matchAgencyList("Các sở, ban, ngành (nếu có)", defaultDirectory());
  expect(remark.map((a) => a.name)).toEqual(["Các Sở, ban, ngành"]);
});

test("issuer from 'Ủy ban nhân dân tỉnh X xây dựng kế hoạch … như sau:' is the province only", () => {
  const meta = readPlanMeta(
    "Căn cứ Nghị quyết số 47/NQ-CP,\nỦy ban nhân dân tỉnh Quảng Trị xây dựng kế hoạch triển khai như sau:\nI. MỤC TIÊU"
  );
  expect(meta.plan.issuer).toBe("UBND tỉnh Quảng Trị");
  expect(meta.plan.province).toBe("Quảng Trị");
  const header = readPlanMeta("ỦY BAN NHÂN DÂN\nTỈNH BÀ RỊA - VŨNG TÀU\nSố: 3/KH-UBND");
  expect(header.plan.province).toBe("Bà Rịa - Vũng Tàu");
});

test("a plan whose period is over opens on its last year, at 31/12", () => {
  expect(defaultReportYear({ from: 2016, to: 2018 }, 2026)).toBe(2018);
  expect(defaultReportDate(2018, "2026-11-25")).toBe("2018-12-31");
  expect(defaultReportYear({ from: 2024, to: 2030 }, 2026)).toBe(2026);
  expect(defaultReportDate(2026, "2026-11-25")).toBe("2026-11-25");
  expect(defaultReportYear(null, 2026)).toBe(2026);
});

test("table and prose: the table wins, prose tasks it lacks are offered, added only on request", async () => {
  const text = [
    "KẾ HOẠCH",
    "Thông tin đối ngoại năm 2025",
    "IV. TỔ CHỨC THỰC HIỆN",
    "1. Sở Tài chính",
    "- Tổ chức hội nghị quảng bá đầu tư với các đối tác nước ngoài.",
    "- Bố trí kinh phí cho hoạt động thông tin đối ngoại.",
    "Nơi nhận:",
    "PHỤ LỤC",
    "STT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian thực hiện",
    "1\tTổ chức hội nghị quảng bá đầu tư với đối tác nước ngoài\tSở Tài chính\t\tQuý III",
  ].join("\n");
  const r = await importPlan({ kind: "text", text, fileName: "both.txt" });
  expect(r.origin).toBe("table");
  expect(r.tasks).toHaveLength(1);
  expect(r.additions?.tasks.map((t) => t.title)).toEqual([
    "Bố trí kinh phí cho hoạt động thông tin đối ngoại.",
  ]);
  expect(r.findings.some((f) => f.code === FINDINGS.PROSE_ADDITIONS)).toBe(true);
  const added = withAdditions(r);
  expect(added.tasks).toHaveLength(2);
  expect(added.tasks[1].key).not.toBe(added.tasks[0].key);
  expect(added.groups.map((g) => g.stt)).toContain(added.tasks[1].group);
  expect(added.additions).toBeUndefined();
  expect(added.findings.some((f) => f.code === FINDINGS.PROSE_ADDITIONS)).toBe(false);
  expect(withAdditions(r, new Set())).toBe(r);
});

test("'Trách nhiệm của Sở X' with dotted tasks, a district heading, a request to several bodies", async () => {
  const r = await plan(
    [
      "V. PHÂN CÔNG TRÁCH NHIỆM",
      "1. Trách nhiệm của Sở Tài chính",
      "1.1. Tổ chức hội nghị quán triệt",
      "1.2. Bố trí kinh phí hằng năm cho hoạt động thông tin đối ngoại.",
      "2. UBND các huyện, thị xã",
      "Chỉ đạo các xã, phường triển khai thực hiện.",
      "3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh",
      "Vận động nhân dân tham gia.",
      "VI. KINH PHÍ THỰC HIỆN",
      "Nguồn ngân sách tỉnh.",
    ].join("\n")
  );
  expect(r.tasks.map((t) => [t.stt, t.kind, t.lead[0]?.name])).toEqual([
    ["1.1", "assignment", "Sở Tài chính"],
    ["1.2", "assignment", "Sở Tài chính"],
    ["2.1", "assignment", "UBND các huyện, thành phố"],
    ["3.1", "request", "Ủy ban MTTQ Việt Nam tỉnh"],
  ]);
  expect(r.tasks[3].title).toBe("Vận động nhân dân tham gia.");
  expect(r.tasks.some((t) => /Nguồn ngân sách/.test(t.title))).toBe(false);
});

test.each([
  "3. Chế độ báo cáo: Các sở, ban, ngành, UBND các huyện báo cáo kết quả thực hiện về Sở Thông tin và Truyền thông trước ngày 15/12 hằng năm.",
  // As officers also write it: capitals, no diacritics, "Về …", "…, thống kê".
  "3. CHẾ ĐỘ BÁO CÁO\nCác sở, ban, ngành báo cáo kết quả về Sở Nội vụ trước ngày 10/12 hằng năm.",
  "3. Che do bao cao: Cac so, ban, nganh bao cao ket qua ve So Noi vu truoc ngay 10/12 hang nam.",
  "3. Về chế độ báo cáo, thống kê\n- Sở Nội vụ tổng hợp, báo cáo UBND tỉnh trước ngày 15/12.",
  "3. Chế độ thông tin báo cáo: Sở Nội vụ tổng hợp, báo cáo UBND tỉnh trước ngày 15/12.",
  "3. Chế độ thông tin, báo cáo\n- Các sở, ban, ngành báo cáo kết quả về Sở Nội vụ trước ngày 10/12 hằng năm.\n- Sở Nội vụ tổng hợp, báo cáo UBND tỉnh.",
])("the reporting part of the section is not a task: %s", async (reporting) => {
  const r = await plan(
    "IV. TỔ CHỨC THỰC HIỆN\n1. Sở Thông tin và Truyền thông chủ trì triển khai nền tảng số dùng chung.\n" +
      `2. Sở Tài chính bố trí kinh phí thực hiện Kế hoạch.\n${reporting}\n` +
      "4. Sở Nội vụ: đưa kết quả thực hiện vào tiêu chí thi đua năm 2025.\nNơi nhận:\n- Như trên;\n"
  );
  expect(r.tasks.map((t) => [t.lead.map((a) => a.name), t.title])).toEqual([
    [["Sở Thông tin và Truyền thông"], "Chủ trì triển khai nền tảng số dùng chung."],
    [["Sở Tài chính"], "Bố trí kinh phí thực hiện Kế hoạch."],
    [["Sở Nội vụ"], "Đưa kết quả thực hiện vào tiêu chí thi đua năm 2025."],
  ]);
  const skipped = r.findings.filter((f) => f.code === FINDINGS.PROSE_TEXT_SKIPPED);
  expect(skipped.map((f) => f.message).join(" ")).toMatch(/b[aá]o c[aá]o/i);
});
