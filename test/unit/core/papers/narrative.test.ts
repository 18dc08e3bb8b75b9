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
