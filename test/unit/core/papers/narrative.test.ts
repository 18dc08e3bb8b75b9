/**
 * Parts of the province report on the Lâm Đồng rows (issue 15): a part with nothing to say says
 * so in one line; III lists the overdue and undone tasks with deadline and lead.
 */
import { provinceNarrative } from "../../../../src/core/papers/narrative";
import { reportContext } from "../../../../src/core/papers/report-context";
import { codeFor, seedRows, seedWorkbook } from "../../../helpers/tracking-fixtures";

test("nothing typed, nothing overdue: parts II, III and V each say so in one line", () => {
  const parts = provinceNarrative(reportContext(seedWorkbook(), 2026, "2026-01-15"), {
    sheets: [],
  });
  const texts = (id: string) => parts.find((p) => p.id === id)!.paragraphs.map((p) => p.text);
  // II: figures (the province's, each group's), one line per group and one for the whole
  // where results would be; no quotation at all.
  const ii = parts.find((p) => p.id === "II")!.paragraphs;
  expect(ii.filter((p) => p.kind === "quote")).toEqual([]);
  expect(texts("II").filter((t) => /chưa ghi kết quả/.test(t)).length).toBe(
    ii.filter((p) => p.kind === "subhead").length
  );
  expect(texts("II")[texts("II").length - 1]).toBe("Chưa có đơn vị nào ghi kết quả thực hiện.");
  expect(texts("III")).toEqual([
    "Không có nhiệm vụ quá hạn hoặc không thực hiện.",
    "Các đơn vị không nêu khó khăn, vướng mắc.",
  ]);
  expect(texts("V")).toEqual(["Các đơn vị không có đề xuất, kiến nghị."]);
  // I: no consolidation yet, said once, nothing made up about distribution.
  expect(texts("I").length).toBeGreaterThanOrEqual(1);
  for (const p of parts) expect(p.paragraphs.length).toBeGreaterThan(0);
});

test("III lists each overdue and each undone task, with its deadline and lead", () => {
  const rows = seedRows();
  const [late, dropped] = [rows[0], rows.find((r) => r.key !== rows[0].key)!];
  late.scheduleCode = codeFor([2026], "20260630");
  late.status = "Đang thực hiện";
  late.typed.status = "Đang thực hiện";
  late.progress = 40;
  dropped.status = "Không thực hiện";
  dropped.typed.status = "Không thực hiện";
  const parts = provinceNarrative(reportContext(seedWorkbook(rows), 2026, "2026-11-21"), {
    sheets: [],
  });
  const iii = parts.find((p) => p.id === "III")!.paragraphs.map((p) => p.text);
  expect(iii).toContain("Đến ngày 21/11/2026 còn 1 nhiệm vụ quá hạn chưa hoàn thành:");
  expect(iii).toContain(`- ${late.title} (hạn 30/06/2026; chủ trì: ${late.lead}, tiến độ 40%)`);
  expect(iii).toContain("1 nhiệm vụ không thực hiện:");
  expect(iii.some((t) => t.startsWith(`- ${dropped.title} (hạn `))).toBe(true);
  expect(iii).not.toContain("Không có nhiệm vụ quá hạn hoặc không thực hiện.");
});

test("a task with several leads: the figures say they count it once per lead", () => {
  const wb = seedWorkbook();
  const ctx = reportContext(wb, 2026, "2026-11-21");
  const keys = new Set(ctx.due.map((d) => d.row.key));
  // The Lâm Đồng rows have tasks led by several agencies, one row each.
  expect(ctx.due.length).toBeGreaterThan(keys.size);
  const ii = provinceNarrative(ctx, { sheets: [] })
    .find((p) => p.id === "II")!
    .paragraphs.map((p) => p.text);
  expect(ii[0]).toMatch(
    new RegExp(
      `^Năm 2026, kế hoạch có ${keys.size} nhiệm vụ phải thực hiện, giao cho các đơn vị chủ trì thành ${ctx.rollup.province.total} lượt nhiệm vụ \\(nhiệm vụ có nhiều đơn vị chủ trì được tính cho từng đơn vị\\); đến ngày 21/11/2026, `
    )
  );
  // A group whose tasks each have one lead keeps the plain count; one with more says both.
  const groups = ii.filter((t) => t.startsWith("Nhóm có "));
  expect(groups.length).toBeGreaterThan(0);
  for (const t of groups) {
    const m = /^Nhóm có (\d+) nhiệm vụ(?: \((\d+) lượt đơn vị chủ trì\))? trong năm: /.exec(t);
    expect(m).not.toBeNull();
    if (m![2] !== undefined) expect(Number(m![2])).toBeGreaterThan(Number(m![1]));
  }
  expect(groups.some((t) => t.includes("lượt đơn vị chủ trì"))).toBe(true);
});

test("one lead a task: the plan's count is the figures' count, said once", () => {
  const rows = seedRows();
  const firstOfTask = rows.filter((r, i) => rows.findIndex((x) => x.key === r.key) === i);
  const ctx = reportContext(seedWorkbook(firstOfTask), 2026, "2026-11-21");
  const ii = provinceNarrative(ctx, { sheets: [] }).find((p) => p.id === "II")!.paragraphs;
  expect(ii[0]!.text).toMatch(
    new RegExp(`^Năm 2026, kế hoạch có ${ctx.rollup.province.total} nhiệm vụ phải thực hiện; `)
  );
  expect(ii.some((p) => p.text.includes("lượt"))).toBe(false);
});
