/**
 * Requirement sets: every Office.js member the add-in uses is within the manifest's minimum
 * (ExcelApi 1.9), or used under a runtime check where it is used. The API set of each member
 * comes from @types/office-js (its JSDoc "[Api set: ExcelApi 1.x]"), through the type checker.
 */
import { readFileSync } from "fs";
import path from "path";
import { excelApiUses, manifestMinimum, sourceFiles, versionKey } from "../../../helpers/api-sets";
import { REPO_ROOT } from "../../../helpers/repo-paths";

const MIN = versionKey("1.9");

const ROOT = REPO_ROOT;

test("every ExcelApi member above the manifest's minimum is guarded where it is used", () => {
  const min = manifestMinimum();
  expect(min).toBe(versionKey("1.9"));
  const uses = excelApiUses(sourceFiles());
  // The analysis sees the add-in's Office.js code (not a vacuous pass).
  expect(uses.length).toBeGreaterThan(50);
  expect(uses.map((u) => u.member)).toEqual(
    expect.arrayContaining(["Excel.Worksheet.pageLayout", "Excel.Range.formulas"])
  );
  const unguarded = uses
    .filter((u) => u.version > min && !u.guarded)
    .map((u) => `${u.file}:${u.line} ${u.member} (${u.set})`);
  expect(unguarded).toEqual([]);
  // The one member above 1.9 today, merged areas of a selection, is guarded.
  expect(uses.filter((u) => u.version > min).map((u) => [u.member, u.set, u.guarded])).toEqual([
    ["Excel.Range.getMergedAreasOrNullObject", "ExcelApi 1.13", true],
  ]);
}, 120000);

test("no runtime check that can never fail under the manifest's minimum", () => {
  const checks = sourceFiles().flatMap((f) =>
    [
      ...readFileSync(f, "utf8").matchAll(
        /isSetSupported\(\s*["'`]ExcelApi["'`]\s*,\s*["'`]([\d.]+)/g
      ),
    ].map((m) => `${path.relative(ROOT, f)} ExcelApi ${m[1]}`)
  );
  expect(checks).toEqual(["src/host/read-selection.ts ExcelApi 1.13"]);
  expect(checks.filter((c) => versionKey(c.split(" ").pop()!) <= MIN)).toEqual([]);
});

test("the check fails on an unguarded member and passes once it is guarded", () => {
  const probe = (name: string, guard: string) => ({
    [path.join(ROOT, "src", `__api_set_probe_${name}__.ts`)]: `
    export async function probe(context: Excel.RequestContext) {
      const range = context.workbook.getSelectedRange();
      ${guard} range.getMergedAreasOrNullObject();
      await context.sync();
    }`,
  });
  const uses = excelApiUses([], {
    ...probe("bare", ""),
    ...probe("checked", 'if (Office.context.requirements.isSetSupported("ExcelApi", "1.13"))'),
    ...probe("low", 'if (Office.context.requirements.isSetSupported("ExcelApi", "1.12"))'),
  }).filter((u) => u.version > MIN);
  expect(uses.map((u) => [path.basename(u.file), u.member, u.guarded])).toEqual([
    ["__api_set_probe_bare__.ts", "Excel.Range.getMergedAreasOrNullObject", false],
    ["__api_set_probe_checked__.ts", "Excel.Range.getMergedAreasOrNullObject", true],
    ["__api_set_probe_low__.ts", "Excel.Range.getMergedAreasOrNullObject", false],
  ]);
}, 120000);
