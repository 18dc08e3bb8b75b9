/**
 * Office.js tracking actions on the stateful fake: read, apply changes (backup first, undoable),
 * undo (skipping cells edited since), roll-over, status chart. Sync counts do not depend on the
 * number of rows; a failure leaves the workbook as it was.
 */
import type { ImportResult, Task } from "../../../../src/core/model";
import { applyFixes } from "../../../../src/core/tracking/apply-fixes";
import { readTracking } from "../../../../src/core/tracking/read-tracking";
import { validateTracking } from "../../../../src/core/tracking/validate";
import { SHEETS } from "../../../../src/core/workbook/columns";
import { buildTrackingWorkbook } from "../../../../src/core/workbook/tracking-workbook";
import { applyChanges } from "../../../../src/render/office/apply-changes";
import { BACKUP_SHEET } from "../../../../src/render/office/backup-log";
import { ChangesError } from "../../../../src/render/office/changes-error";
import { undoChanges } from "../../../../src/render/office/undo-changes";
import { insertStatusChart, STATUS_CHART_NAME } from "../../../../src/render/office/insert-chart";
import { readTrackingFromOffice } from "../../../../src/render/office/read-tracking-office";
import { renderToOffice } from "../../../../src/render/office/render-workbook";
import { rolloverInOffice } from "../../../../src/render/office/rollover-office";
import { RolloverRefused } from "../../../../src/core/tracking/rollover-rules";
import { FakeExcel, type FakeOptions } from "../../../fakes/office-fake";
import { AGENCIES } from "../../../helpers/tracking-fixtures";
import { lamDongPlan } from "../../../helpers/small-plan";

const NOW = new Date(2026, 10, 21, 9, 0);
const PERIOD = [2024, 2025, 2026, 2027, 2028, 2029, 2030];

function plan(n: number): ImportResult {
  const tasks: Task[] = Array.from({ length: n }, (_, i) => {
    const multi = i % 3 === 0;
    return {
      key: `T${i + 1}`,
      stt: `1.${i + 1}`,
      numbered: `1.${i + 1}`,
      group: "1",
      title: `Nhiệm vụ số ${i + 1}`,
      lead: [{ name: i % 2 ? "Sở Nội vụ" : "Công an tỉnh", written: "x", matched: true }],
      partners: [],
      timeText: multi ? "2024 - 2030" : "Hằng năm",
      schedule: {
        text: multi ? "2024 - 2030" : "Hằng năm",
        kind: multi ? "range" : "annual",
        years: PERIOD,
        deadlines: Object.fromEntries(PERIOD.map((y) => [y, multi ? "2030-12-31" : `${y}-12-31`])),
        finalDeadline: "2030-12-31",
        multiYear: multi,
      },
      extra: {},
      sourceRow: i + 2,
    } as Task;
  });
  return lamDongPlan(
    { number: "4784/KH-UBND", issuedOn: "2024-06-13", period: { from: 2024, to: 2030 } },
    "Nhóm một",
    tasks
  );
}

/** A workbook rendered into the fake, with statuses typed as officers do (col M, N, O). */
async function openWorkbook(rows: number, options: FakeOptions = {}): Promise<FakeExcel> {
  const fake = new FakeExcel({ sheets: [{ name: "Sheet1" }] }, options);
  const spec = buildTrackingWorkbook(plan(rows), {
    reportYear: 2026,
    reportDate: "2026-11-21",
    directory: AGENCIES,
  });
  await renderToOffice(fake.context, spec, { onConflict: async () => "backup", now: () => NOW });
  const tasks = fake.sheet(SHEETS.tasks);
  for (let r = 2; r < rows + 2; r++) {
    tasks.cells.set(`M${r}`, { value: r % 2 ? "hoan thanh" : "Đang thực hiện" });
    if (r % 2) tasks.cells.set(`N${r}`, { value: "15/11/2026" });
    tasks.cells.set(`O${r}`, { value: 80 });
    tasks.cells.set(`P${r}`, { value: `Kết quả ${r}` });
  }
  fake.resetCounters();
  return fake;
}

async function fixAll(fake: FakeExcel) {
  const { cells } = await readTrackingFromOffice(fake.context);
  const { workbook } = readTracking(cells, "x");
  return applyFixes(workbook, validateTracking(workbook, { year: 2026, date: "2026-11-21" }))
    .changes;
}

describe("Office tracking", () => {
  test("a progress cell formatted as a percentage reads as what it shows (1 = 100%, 0.6 = 60%)", async () => {
    const fake = await openWorkbook(4);
    const tasks = fake.sheet(SHEETS.tasks);
    expect(tasks.cells.get("O1")?.value).toBe("Tiến độ (%)");
    tasks.cells.set("O2", { value: 1, numberFormat: "0%" });
    tasks.cells.set("O3", { value: 0.6, numberFormat: "0.0%" });
    tasks.cells.set("O4", { value: 1 }); // General: 1 %
    const { cells, syncs } = await readTrackingFromOffice(fake.context);
    expect(syncs).toBe(2);
    const { workbook } = readTracking(cells, "x");
    expect(workbook.rows.slice(0, 3).map((r) => r.progress)).toEqual([100, 60, 1]);
    expect(workbook.rows[0].typed.progress).toBe("100");
  });

  test("read: 2 syncs; apply: 2; undo: 4 — for 50 and 2,000 rows, plus one per ~4 MB of payload", async () => {
    const counts: number[][] = [];
    for (const n of [50, 2000]) {
      const fake = await openWorkbook(n);
      const { cells, syncs } = await readTrackingFromOffice(fake.context);
      const { workbook } = readTracking(cells, "x");
      expect(workbook.rows).toHaveLength(n);
      expect(workbook.reportYear).toBe(2026);
      expect(workbook.rows[1].typed.status).toBe("hoan thanh");
      const changes = applyFixes(
        workbook,
        validateTracking(workbook, { year: 2026, date: "2026-11-21" })
      ).changes;
      expect(changes).toHaveLength(n); // n/2 statuses + n/2 dates
      const applied = await applyChanges(fake.context, changes, {
        backupSheet: BACKUP_SHEET,
        now: () => NOW,
      });
      const undone = await undoChanges(fake.context, applied.batchId);
      expect(undone.restored).toBe(n);
      counts.push([syncs, applied.syncs, undone.syncs]);
    }
    expect(counts).toEqual([
      [2, 2, 4],
      // The 2,000-row read passes 8 MB (values + formulas, the partner-status helper
      // included): two more syncs.
      [4, 2, 4],
    ]);
  });

  test("apply writes only the changed cells, strings as text, dates as dates; backup is very hidden", async () => {
    const fake = await openWorkbook(6);
    const changes = await fixAll(fake);
    const before = fake.sheet(SHEETS.tasks).cells.get("M4");
    const { batchId } = await applyChanges(fake.context, changes, { now: () => NOW });
    const tasks = fake.sheet(SHEETS.tasks);
    expect(tasks.cells.get("M3")?.value).toBe("Hoàn thành");
    expect(tasks.cells.get("N3")).toMatchObject({ value: 46341, numberFormat: "dd/mm/yyyy" });
    expect(tasks.cells.get("M4")).toEqual(before); // not a change: untouched
    const backup = fake.sheet(BACKUP_SHEET);
    expect(backup.visibility).toBe("VeryHidden");
    expect(backup.cells.get("A2")?.value).toBe(batchId);
    expect(backup.cells.get("D2")?.value).toBe("M3");
    expect(backup.cells.get("F2")?.value).toBe("hoan thanh");
    expect(backup.cells.get("F3")).toMatchObject({ value: "15/11/2026", quotePrefix: true }); // kept as text
  });

  test("the backup is written before any cell: a batch cut short has a backup line for every cell it changed", async () => {
    const fake = await openWorkbook(20, { failAtSync: 4, fraction: 0.6, failAlsoAt: [5, 6] });
    const changes = await fixAll(fake);
    await expect(applyChanges(fake.context, changes, { now: () => NOW })).rejects.toBeInstanceOf(
      ChangesError
    );
    const backup = fake.sheet(BACKUP_SHEET);
    const tasks = fake.sheet(SHEETS.tasks);
    const changed = changes.filter(
      (c) =>
        tasks.cells.get(c.address)?.value === "Hoàn thành" ||
        typeof tasks.cells.get(c.address)?.value === "number"
    );
    expect(changed.length).toBeGreaterThan(0);
    const backedUp = new Set(
      [...backup.cells.entries()].filter(([k]) => k.startsWith("D")).map(([, c]) => c.value)
    );
    for (const c of changed) expect(backedUp.has(c.address)).toBe(true);
  });

  test("a failure mid-way leaves the workbook as it was (4 syncs)", async () => {
    for (const fraction of [0.1, 0.5, 0.9]) {
      const fake = await openWorkbook(30, { failAtSync: 4, fraction });
      const changes = await fixAll(fake);
      const snap = fake.snapshot();
      const err = await applyChanges(fake.context, changes, { now: () => NOW }).catch((e) => e);
      expect(err).toBeInstanceOf(ChangesError);
      expect(err.rolledBack).toBe(true);
      expect(fake.syncCount).toBe(2 + 4); // the read, then 2 + 2 for the failed apply and its rollback
      expect(fake.snapshot()).toEqual(snap);
    }
  });

  test("undo restores what was typed, and skips (and reports) cells edited since the fix", async () => {
    const fake = await openWorkbook(6);
    const snap = fake.snapshot();
    const changes = await fixAll(fake);
    const { batchId } = await applyChanges(fake.context, changes, { now: () => NOW });
    fake.sheet(SHEETS.tasks).cells.set("M5", { value: "Không thực hiện" }); // the officer's own edit
    const undone = await undoChanges(fake.context, batchId);
    expect(undone.skipped).toEqual([
      { sheet: SHEETS.tasks, address: "M5", expected: "Hoàn thành", found: "Không thực hiện" },
    ]);
    expect(undone.restored).toBe(changes.length - 1);
    const tasks = fake.sheet(SHEETS.tasks);
    expect(tasks.cells.get("M3")?.value).toBe("hoan thanh");
    expect(tasks.cells.get("N3")?.value).toBe("15/11/2026");
    expect(tasks.cells.get("M5")?.value).toBe("Không thực hiện");
    expect(fake.sheet(BACKUP_SHEET).cells.get("J2")?.value).toBe("Đã hoàn tác");
    // Undoing twice does nothing.
    expect((await undoChanges(fake.context, batchId)).restored).toBe(0);
    // Everything but M5 and the backup sheet is as before.
    const now = fake.snapshot() as {
      sheets: { name: string; cells: [string, { value: unknown }][] }[];
    };
    const then = snap as typeof now;
    const tasksNow = now.sheets
      .find((s) => s.name === SHEETS.tasks)!
      .cells.filter(([k]) => k !== "M5");
    const tasksThen = then.sheets
      .find((s) => s.name === SHEETS.tasks)!
      .cells.filter(([k]) => k !== "M5");
    expect(tasksNow.map(([k, c]) => [k, c.value])).toEqual(tasksThen.map(([k, c]) => [k, c.value]));
  });

  test("rollover: 4 syncs for 50 and 2,000 rows (one more per 4 MB the read passes); history appended; inputs moved; undo puts it back", async () => {
    for (const n of [50, 2000]) {
      const fake = await openWorkbook(n);
      const snap = fake.snapshot();
      const r = await rolloverInOffice(fake.context, 2027, { now: () => NOW });
      expect(r.syncs).toBe(fake.syncCount);
      // The 2,000-row read passes 8 MB (values + formulas): two more syncs.
      expect(fake.syncCount).toBe(n === 50 ? 4 : 6);
      expect(r).toMatchObject({ from: 2026, to: 2027, archived: n });
      expect(fake.sheet(SHEETS.info).cells.get("B14")?.value).toBe(2027);
      const table = fake.state.tables.find((t) => t.name === "LichSu")!;
      expect(table.range).toBe(`A1:M${2 + n}`);
      const history = fake.sheet(SHEETS.history);
      expect(history.cells.get("A3")?.value).toBe(2026);
      expect(history.cells.get("B3")?.value).toBe("T1");
      // Annual task (row 3, T2) reset; multi-year in progress (T1 row 2 is "Đang thực hiện") kept.
      const tasks = fake.sheet(SHEETS.tasks);
      expect(tasks.cells.get("M3")?.value ?? null).toBeNull();
      expect(tasks.cells.get("M2")?.value).toBe("Đang thực hiện");
      // A second roll-over to 2027 is refused without writing (only the read's syncs).
      fake.resetCounters();
      await expect(rolloverInOffice(fake.context, 2027)).rejects.toBeInstanceOf(RolloverRefused);
      expect(fake.syncCount).toBeGreaterThanOrEqual(2);
      expect(fake.syncCount).toBeLessThanOrEqual(fake.syncBound(2));
      const undone = await undoChanges(fake.context, r.batchId);
      expect(undone.skipped).toEqual([]);
      const back = fake.snapshot() as { sheets: { name: string }[] };
      const was = snap as typeof back;
      expect(back.sheets.filter((s) => s.name !== BACKUP_SHEET)).toEqual(was.sheets);
      expect(fake.state.tables.find((t) => t.name === "LichSu")!.range).toBe("A1:M2");
    }
  });

  test("rollover refuses a year that is not the next one; a failed rollover leaves the workbook as it was", async () => {
    const fake = await openWorkbook(10);
    await expect(rolloverInOffice(fake.context, 2028)).rejects.toThrow(/năm kế tiếp \(2027\)/);
    for (const fraction of [0.2, 0.8]) {
      const f = await openWorkbook(10, { failAtSync: 4, fraction });
      const snap = f.snapshot();
      await expect(rolloverInOffice(f.context, 2027)).rejects.toBeInstanceOf(ChangesError);
      expect(f.snapshot()).toEqual(snap);
    }
  });

  test("status chart: 2 syncs, stacked bars by lead agency, replaced on a second insert", async () => {
    const fake = await openWorkbook(8);
    const r = await insertStatusChart(fake.context);
    expect(r).toEqual({ syncs: 2, agencies: 2 });
    await insertStatusChart(fake.context);
    const charts = fake.sheet(SHEETS.summary).charts!;
    expect(charts).toHaveLength(1);
    expect(charts[0]).toMatchObject({
      name: STATUS_CHART_NAME,
      type: "BarStacked",
      seriesBy: "Columns",
      deletedSeries: [0],
    });
    expect(charts[0].source).toMatch(/^B\d+:K\d+$/); // D…K: the eight statuses
    expect(charts[0].props["series1.name"]).toBe("Hoàn thành đúng hạn");
  });
});
