/**
 * A part of the province report with nothing to say says so in one line (issue 15: "Empty parts
 * say so in one line; nothing invented"): the Lâm Đồng rows early in the year, nothing typed.
 */
import { provinceNarrative } from "../../src/core/papers/narrative";
import { reportContext } from "../../src/core/papers/report-context";
import { seedWorkbook } from "./tracking-fixtures";

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
