/**
 * Plans that assign their tasks in prose (no phụ lục table): the Đồng Nai 281/KH-UBND and Bắc
 * Giang seeds, read from their text. Expected counts and agencies were read off the seeds by hand.
 */
import { readFileSync } from "fs";
import { importPlan } from "../../../../../src/core/import/import-plan";
import { FINDINGS } from "../../../../../src/core/errors/finding-codes";
import type { ImportResult, Task } from "../../../../../src/core/model";
import { SEED_BAC_GIANG, SEED_DONG_NAI } from "../../../../helpers/shared-paths";

const names = (t: Task, role: "lead" | "partners") => t[role].map((a) => a.name);
const task = (r: ImportResult, stt: string) => r.tasks.find((t) => t.stt === stt)!;
const perGroup = (r: ImportResult) =>
  r.groups.map((g) => r.tasks.filter((t) => t.group === g.stt).length);

describe("Đồng Nai 281/KH-UBND (section IV, '- ' bullets)", () => {
  let r: ImportResult;
  beforeAll(async () => {
    r = await importPlan({
      kind: "text",
      text: readFileSync(SEED_DONG_NAI, "utf8"),
      fileName: "000.txt",
    });
  });

  it("reads one group per agency heading and one task per bullet or paragraph", () => {
    expect(r.origin).toBe("prose");
    expect(r.groups.map((g) => g.title)).toEqual([
      "Sở Thông tin và Truyền thông",
      "Sở Nội vụ",
      "Sở Ngoại vụ",
      "Sở Kế hoạch và Đầu tư",
      "Sở Văn hóa, Thể thao và Du lịch",
      "Sở Công thương",
      "Liên hiệp các tổ chức hữu nghị tỉnh",
      "Công an tỉnh",
      "Các sở, ban, ngành, UBND các huyện, thành phố",
      "Các cơ quan báo chí trong tỉnh",
      "Đề nghị Ban Tuyên giáo Tỉnh ủy",
    ]);
    expect(perGroup(r)).toEqual([5, 2, 2, 1, 1, 1, 1, 3, 6, 3, 1]);
    expect(r.tasks.map((t) => t.stt).slice(0, 6)).toEqual([
      "1.1",
      "1.2",
      "1.3",
      "1.4",
      "1.5",
      "2.1",
    ]);
    expect(task(r, "4.1").title).toMatch(
      /^Quảng bá hình ảnh tỉnh thông qua sự kiện xúc tiến đầu tư/
    );
    expect(names(task(r, "6.1"), "lead")).toEqual(["Sở Công Thương"]);
  });

  it("takes partners from the task's words and swaps the lead on 'Phối hợp với Sở X'", () => {
    expect(names(task(r, "2.1"), "lead")).toEqual(["Sở Nội vụ"]);
    expect(names(task(r, "2.1"), "partners")).toEqual(["Sở Thông tin và Truyền thông"]);
    expect(names(task(r, "2.2"), "lead")).toEqual(["Sở Thông tin và Truyền thông"]);
    expect(names(task(r, "2.2"), "partners")).toEqual(["Sở Nội vụ"]);
    const swapped = r.findings.filter((f) => f.code === FINDINGS.PROSE_LEAD_SWAPPED);
    expect(swapped).toHaveLength(1);
    expect(swapped[0].message).toContain("2.2");
  });

  it("'Đề nghị …' is a request, with its task written on the heading's line", () => {
    const t = task(r, "11.1");
    expect(t.kind).toBe("request");
    expect(names(t, "lead")).toEqual(["Ban Tuyên giáo Tỉnh ủy"]);
    expect(t.title).toMatch(/^Chỉ đạo, định hướng các hoạt động thông tin đối ngoại của Đảng/);
    expect(r.tasks.filter((x) => x.kind === "request")).toHaveLength(1);
    expect(r.tasks.filter((x) => x.kind === "assignment")).toHaveLength(25);
  });

  it("the closing paragraph and the Nơi nhận list are not tasks", () => {
    expect(r.tasks.some((t) => /^Nhằm triển khai/.test(t.title))).toBe(false);
    expect(r.tasks.some((t) => /Bộ Chỉ huy Quân sự tỉnh;$|Báo Đồng Nai/.test(t.title))).toBe(false);
    expect(
      r.findings.some(
        (f) => f.code === FINDINGS.PROSE_TEXT_SKIPPED && /Nhằm triển khai/.test(f.message)
      )
    ).toBe(true);
  });

  it("time words become the schedule; a task without any recurs over the plan's period", () => {
    expect(r.plan.period).toEqual({ from: 2024, to: 2030 });
    const budget = task(r, "9.1"); // "… dự toán giao hàng năm"
    expect(budget.timeText).toBe("Hằng năm");
    const noTime = task(r, "3.1"); // "Tổ chức tập huấn, bồi dưỡng …": no time word
    expect(noTime.timeText).toBe("Hằng năm");
    expect(noTime.schedule.years).toEqual([2024, 2025, 2026, 2027, 2028, 2029, 2030]);
    const assumed = r.findings.filter((f) => f.code === FINDINGS.PROSE_TIME_ASSUMED);
    expect(assumed).toHaveLength(1);
    expect(r.findings.find((f) => f.code === FINDINGS.PROSE_READ)?.message).toContain(
      "IV. TỔ CHỨC THỰC HIỆN"
    );
  });

  it("plan metadata as for a table plan", () => {
    expect(r.plan.number).toBe("281/KH-UBND");
    expect(r.plan.issuer).toBe("UBND tỉnh Đồng Nai");
    expect(r.plan.issuedOn).toBe("2024-08-21");
  });
});

describe("Bắc Giang (section VI, paragraphs, page-wrapped text)", () => {
  let r: ImportResult;
  beforeAll(async () => {
    r = await importPlan({
      kind: "text",
      text: readFileSync(SEED_BAC_GIANG, "utf8"),
      fileName: "002.txt",
    });
  });

  it("reads 12 agency sections; a paragraph starting in lowercase continues the task above", () => {
    expect(r.groups).toHaveLength(12);
    expect(r.groups[11].title).toBe("Đề nghị Ban Tuyên giáo Tỉnh ủy");
    expect(perGroup(r)).toEqual([5, 3, 3, 3, 2, 2, 1, 4, 2, 4, 4, 1]);
    const wrapped = task(r, "1.4");
    expect(wrapped.title).toMatch(/phong phú nhằm nâng cao hiệu quả hoạt động thông tin đối ngoại/);
    expect(names(task(r, "10.1"), "lead")).toEqual([
      "Các Sở, ban, ngành",
      "UBND các huyện, thành phố",
    ]);
  });

  it("partners named after 'phối hợp với' up to the verb; collectives never take the lead", () => {
    expect(names(task(r, "2.3"), "partners")).toEqual([
      "Sở Thông tin và Truyền thông",
      "Công an tỉnh",
      "các cơ quan liên quan",
    ]);
    expect(names(task(r, "8.4"), "lead")).toEqual(["Công an tỉnh"]); // "Phối hợp với các cơ quan liên quan"
    expect(r.findings.filter((f) => f.code === FINDINGS.PROSE_LEAD_SWAPPED)).toEqual([]);
  });

  it("stops at the closing: '(Có Phụ lục …)', the yearly report duty and 'Trên đây là …' are not tasks", () => {
    expect(
      r.tasks.some((t) => /Có Phụ lục|Trên đây là|Định kỳ trước ngày 15\/11/.test(t.title))
    ).toBe(false);
    expect(task(r, "12.1").kind).toBe("request");
    expect(task(r, "6.1").timeText).toBe("Hằng năm"); // "dự toán ngân sách hằng năm"
    expect(r.plan.issuer).toBe("UBND tỉnh Bắc Giang");
  });
});
