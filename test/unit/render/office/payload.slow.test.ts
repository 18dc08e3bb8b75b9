/**
 * Requests Excel on the web accepts at any size, on a fake that fails where Excel fails:
 * the fake's own rules first (field lists, valuesOnly, formula values, rows.add inserting,
 * 5 MB requests and responses), then every action at 10,000 tasks within those limits.
 */
/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load, office-addins/load-object-before-read -- this file tests the fake's own not-loaded rules, through a sync() wrapper */
import { importPlan } from "../../../../src/core/import/import-plan";
import { defaultAgencies } from "../../../../src/core/agency/default-directory";
import { applyFixes } from "../../../../src/core/tracking/apply-fixes";
import { readTracking } from "../../../../src/core/tracking/read-tracking";
import { validateTracking } from "../../../../src/core/tracking/validate";
import { SHEETS } from "../../../../src/core/workbook/columns";
import { buildTrackingWorkbook } from "../../../../src/core/workbook/tracking-workbook";
import { applyChanges } from "../../../../src/render/office/apply-changes";
import { undoChanges } from "../../../../src/render/office/undo-changes";
import { readTrackingFromOffice } from "../../../../src/render/office/read-tracking-office";
import { renderToOffice } from "../../../../src/render/office/render-workbook";
import { rolloverInOffice } from "../../../../src/render/office/rollover-office";
import { makePlanDocx } from "../../../bench/make-plan-docx";
import { EXCEL_WEB_PAYLOAD_LIMIT, FakeExcel } from "../../../fakes/office-fake";

const MB5 = EXCEL_WEB_PAYLOAD_LIMIT;
const sync = (fake: FakeExcel) => fake.context.sync();
const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => "resolved",
    (e: { code?: string }) => e.code
  );

describe("the fake fails where Excel fails", () => {
  test("a range load brings only the fields named; others throw PropertyNotLoaded", async () => {
    const fake = new FakeExcel({ sheets: [{ name: "S", cells: { A1: "x", B1: 2 } }] });
    const r = fake.context.workbook.worksheets.getItem("S").getRange("A1:B1");
    r.load("values");
    expect(() => r.values).toThrow(/PropertyNotLoaded/); // not before the sync
    await sync(fake);
    expect(r.values).toEqual([["x", 2]]);
    expect(() => r.formulas).toThrow(/PropertyNotLoaded/);
    expect(() => r.rowCount).toThrow(/PropertyNotLoaded/);
  });

  test("formula cells read back a value; usedRange honours valuesOnly", async () => {
    const fake = new FakeExcel(
      { sheets: [{ name: "S" }] },
      { calculate: (f) => (f === "=1+1" ? 2 : "?") }
    );
    const ws = fake.context.workbook.worksheets.getItem("S");
    ws.getRange("A1:B1").formulas = [["=1+1", "chữ"]];
    ws.getRange("D5").numberFormat = [["0.00"]]; // formatted, empty
    await sync(fake);
    const r = ws.getRange("A1:B1");
    r.load("values,formulas");
    const all = ws.getUsedRange(false);
    all.load("address");
    const valuesOnly = ws.getUsedRange(true);
    valuesOnly.load("address");
    await sync(fake);
    expect(r.values).toEqual([[2, "chữ"]]);
    expect(r.formulas).toEqual([["=1+1", "chữ"]]);
    expect(all.address).toBe("S!A1:D5");
    expect(valuesOnly.address).toBe("S!A1:B1");
    // Without a calculator the value is still not null.
    const plain = new FakeExcel({ sheets: [{ name: "S" }] });
    const p = plain.context.workbook.worksheets.getItem("S").getRange("A1");
    p.formulas = [["=NOW()"]];
    p.load("values");
    await sync(plain);
    expect(p.values[0][0]).not.toBeNull();
  });

  test("rows.add inserts: what was below the table moves down, nothing is overwritten", async () => {
    const fake = new FakeExcel({
      sheets: [
        {
          name: "S",
          cells: { A1: "H1", B1: "H2", A2: "a", B2: "b", A3: "ghi chú dưới bảng", C3: "ngoài" },
          tables: [{ name: "T", range: "A1:B2" }],
        },
      ],
    });
    fake.context.workbook.tables.getItem("T").rows.add(undefined, [
      ["c", "d"],
      ["e", "f"],
    ]);
    await sync(fake);
    const s = fake.sheet("S");
    expect(s.cells.get("A3")?.value).toBe("c");
    expect(s.cells.get("A4")?.value).toBe("e");
    expect(s.cells.get("A5")?.value).toBe("ghi chú dưới bảng");
    expect(s.cells.get("C3")?.value).toBe("ngoài"); // outside the table's columns: stays
    expect(fake.state.tables[0].range).toBe("A1:B4");
  });

  test("over 5 MB: the request is refused whole; a response is refused and stays unloaded", async () => {
    const fake = new FakeExcel({ sheets: [{ name: "S" }] });
    const ws = fake.context.workbook.worksheets.getItem("S");
    const big = Array.from({ length: 60000 }, (_, i) => [
      `Nhiệm vụ số ${i}: tuyên truyền, quảng bá hình ảnh, con người của tỉnh`,
      i,
    ]);
    ws.getRange("A1").values = [["trước"]];
    ws.getRange(`A1:B${big.length}`).values = big;
    expect(await codeOf(sync(fake))).toBe("RequestPayloadSizeLimitExceeded");
    expect(fake.sheet("S").cells.size).toBe(0); // nothing of that request ran
    expect(fake.requestBytes[0]).toBeGreaterThan(MB5);
    // Written in two halves it fits; reading it back whole does not.
    ws.getRange(`A1:B30000`).values = big.slice(0, 30000);
    await sync(fake);
    ws.getRange(`A30001:B60000`).values = big.slice(30000);
    await sync(fake);
    const r = ws.getRange(`A1:B60000`);
    r.load("values,formulas");
    expect(await codeOf(sync(fake))).toBe("ResponsePayloadSizeLimitExceeded");
    expect(() => r.values).toThrow(/PropertyNotLoaded/);
  });
});

describe("every action within Excel on the web's limits at 10,000 tasks", () => {
  test("write, read, fix all, undo and roll over 10,000 tasks: each sync under 5 MB, syncs = fixed + one per ~4 MB", async () => {
    const plan = await importPlan({
      kind: "docx",
      bytes: await makePlanDocx(200, 50),
      fileName: "ke-hoach-10000.docx",
    });
    expect(plan.tasks).toHaveLength(10000);
    const spec = buildTrackingWorkbook(plan, {
      reportYear: 2026,
      reportDate: "2026-12-15",
      directory: defaultAgencies("Lâm Đồng"),
    });
    const fake = new FakeExcel({ sheets: [{ name: "Sheet1" }] });
    const limits = () => {
      expect(fake.largestRequest).toBeLessThanOrEqual(MB5);
      expect(fake.largestResponse).toBeLessThanOrEqual(MB5);
    };

    await renderToOffice(fake.context, spec, { onConflict: async () => "backup" });
    limits();
    expect(fake.syncCount).toBeGreaterThan(2); // ~20 MB does not fit in the fixed 2
    expect(fake.syncCount).toBeLessThanOrEqual(fake.syncBound(2));
    const rows = fake.sheet(SHEETS.tasks).cells;
    const statusCol = [...rows.entries()]
      .find(([addr, c]) => /^[A-Z]+1$/.test(addr) && c.value === "Trạng thái")![0]
      .slice(0, -1);
    const taskRows = spec.sheets.find((s) => s.name === SHEETS.tasks)!.blocks[0].values.length - 1;
    for (let row = 2; row <= taskRows + 1; row++)
      rows.set(`${statusCol}${row}`, { value: "hoan thanh" });

    fake.resetCounters();
    const read = await readTrackingFromOffice(fake.context);
    limits();
    expect(read.syncs).toBe(fake.syncCount);
    expect(fake.syncCount).toBeLessThanOrEqual(fake.syncBound(2));
    const { workbook } = readTracking(read.cells, "x");
    expect(workbook.rows).toHaveLength(taskRows);

    const { changes } = applyFixes(
      workbook,
      validateTracking(workbook, { year: 2026, date: "2026-12-15" })
    );
    expect(changes.length).toBeGreaterThanOrEqual(taskRows);
    fake.resetCounters();
    const applied = await applyChanges(fake.context, changes);
    limits();
    expect(fake.syncCount).toBeLessThanOrEqual(fake.syncBound(2));
    expect(rows.get(`${statusCol}2`)?.value).toBe("Hoàn thành");

    fake.resetCounters();
    const undone = await undoChanges(fake.context, applied.batchId);
    limits();
    expect(undone.restored).toBe(changes.length);
    expect(fake.syncCount).toBeLessThanOrEqual(fake.syncBound(4));
    expect(rows.get(`${statusCol}2`)?.value).toBe("hoan thanh");

    fake.resetCounters();
    const rolled = await rolloverInOffice(fake.context, 2027);
    limits();
    expect(rolled.archived).toBe(taskRows);
    expect(fake.syncCount).toBeLessThanOrEqual(fake.syncBound(4));
  }, 120000);
});
