/**
 * The tab "Nhập kế hoạch"'s reducer on plans read by the real importer: what a new plan
 * opens and sets, what a correction clears, where a chosen finding leads.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { importPlan } from "../../../src/core/import/import-plan";
import type { ImportResult } from "../../../src/core/model";
import {
  emptyImportView,
  importReducer,
  type ImportEvent,
  type ImportView,
} from "../../../src/taskpane/import-state";
import { groupKey } from "../../../src/taskpane/task-ids";

const run = (v: ImportView, ...events: ImportEvent[]) => events.reduce(importReducer, v);
const SAMPLE = readFileSync(path.join(__dirname, "../../browser/paste-sample.txt"), "utf8");

let plan: ImportResult;
beforeAll(async () => {
  plan = await importPlan({ kind: "text", text: SAMPLE, fileName: "(dán)" });
});

const imported = (result: ImportResult, thisYear = 2026): ImportEvent => ({
  type: "imported",
  result,
  from: { kind: "text" },
  thisYear,
  today: `${thisYear}-06-10`,
});

/** The plan as if its text said "giai đoạn 2025 – 2030" (the pasted appendix alone does not). */
const withPeriod = (r: ImportResult): ImportResult => ({
  ...r,
  plan: { ...r.plan, period: { from: 2025, to: 2030 } },
});

test("a small plan opens with every group open, on this year", () => {
  expect(plan.tasks.length).toBeLessThanOrEqual(12);
  const v = run(emptyImportView(2026, "2026-06-10"), { type: "reading" }, imported(plan));
  expect(v.result).toBe(plan);
  expect([v.reportYear, v.reportDate]).toEqual(["2026", "2026-06-10"]);
  expect(v.openGroups).toEqual(["g-none", ...plan.groups.map((g) => groupKey(g))]);
});

test("a plan whose period is over opens on its last year, reported at 31/12", () => {
  const v = run(emptyImportView(2033, "2033-02-01"), imported(withPeriod(plan), 2033));
  expect([v.reportYear, v.reportDate]).toEqual(["2030", "2030-12-31"]);
});

test("a correction makes the workbook written before stale; a new read clears it too", () => {
  const written = run(emptyImportView(2026, "2026-06-10"), imported(plan), {
    type: "written",
    download: { url: "blob:1", fileName: "Theo-doi-12-KH-UBND.xlsx" },
  });
  expect(written.download?.fileName).toBe("Theo-doi-12-KH-UBND.xlsx");
  const corrected = run(written, {
    type: "corrected",
    result: { ...plan, tasks: plan.tasks.slice(1) },
  });
  expect(corrected.download).toBeNull();
  expect(corrected.result?.tasks).toHaveLength(plan.tasks.length - 1);
  const excel = run(corrected, { type: "written", excelDone: "Đã tạo sổ theo dõi trong Excel." });
  expect(run(excel, { type: "reading" }).excelDone).toBeNull();
});

test("a chosen finding opens its task's group, highlights and focuses the row", () => {
  const task = plan.tasks.find((t) => t.group === "2")!;
  const v = run(emptyImportView(2026, "2026-06-10"), imported(plan), {
    type: "openGroups",
    groups: [],
  });
  const chosen = run(v, { type: "findingChosen", row: task.sourceRow });
  expect(chosen.openGroups).toEqual([groupKey(plan.groups.find((g) => g.stt === "2") ?? null)]);
  expect(chosen.highlightedRow).toBe(task.sourceRow);
  expect(chosen.pendingFocusRow).toBe(task.sourceRow);
  expect(run(chosen, { type: "focused" }).pendingFocusRow).toBeNull();
  // A row no task comes from changes nothing.
  expect(run(v, { type: "findingChosen", row: 999 })).toBe(v);
});
