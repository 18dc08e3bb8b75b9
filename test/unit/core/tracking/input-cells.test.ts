/**
 * One resolver of the workbook's inputs (core/tracking/input-cells.ts): after an officer inserts
 * rows on "Thông tin", Năm báo cáo is read from and the roll-over writes to the same cell —
 * whether Excel moved the defined names with it or the names were lost on the way.
 */
import type { ImportResult, Task } from "../../../../src/core/model";
import { inputCell } from "../../../../src/core/tracking/input-cells";
import { readTracking } from "../../../../src/core/tracking/read-tracking";
import { NAMES, SHEETS } from "../../../../src/core/workbook/columns";
import { readTrackingFromOffice } from "../../../../src/render/office/read-tracking-office";
import { rolloverInOffice } from "../../../../src/render/office/rollover-office";
import { FakeExcel, type FakeCell } from "../../../fakes/office-fake";
import { renderedTracking } from "../../../helpers/tracking-in-fake";
import { lamDongPlan } from "../../../helpers/small-plan";

const task = {
  key: "T1",
  stt: "1.1",
  numbered: "1.1",
  group: "1",
  title: "Nhiệm vụ hằng năm",
  lead: [{ name: "Sở Nội vụ", written: "Sở Nội vụ", matched: true }],
  partners: [],
  timeText: "Hằng năm",
  schedule: {
    text: "Hằng năm",
    kind: "annual",
    years: [2026, 2027],
    deadlines: { 2026: "2026-12-31", 2027: "2027-12-31" },
    finalDeadline: "2027-12-31",
    multiYear: false,
  },
  extra: {},
  sourceRow: 2,
} as Task;

const plan: ImportResult = lamDongPlan(
  { number: "7/KH-UBND", issuedOn: "2026-01-05", period: { from: 2026, to: 2027 } },
  "Nhóm",
  [task]
);

/** The officer inserts `n` rows at the top of "Thông tin": every cell moves down. */
function insertRowsOnInfo(fake: FakeExcel, n: number) {
  const info = fake.sheet(SHEETS.info);
  const moved = new Map<string, FakeCell>();
  for (const [address, cell] of info.cells) {
    const m = /^([A-Z]+)(\d+)$/.exec(address)!;
    moved.set(`${m[1]}${Number(m[2]) + n}`, cell);
  }
  info.cells.clear();
  for (const [a, c] of moved) info.cells.set(a, c);
}

async function workbookWithMovedRows(names: "moved by Excel" | "lost") {
  const fake = await renderedTracking(plan);
  const info = fake.sheet(SHEETS.info);
  expect(info.cells.get("A14")?.value).toBe("Năm báo cáo");
  expect(info.cells.get("B14")?.value).toBe(2026);
  insertRowsOnInfo(fake, 3);
  const inputs = [NAMES.reportYear, NAMES.reportDate, NAMES.dueSoonDays];
  if (names === "moved by Excel") {
    for (const n of fake.state.names)
      n.formula = n.formula.replace(/\$(\d+)$/, (_, r: string) => `$${Number(r) + 3}`);
  } else {
    fake.state.names = fake.state.names.filter((n) => !inputs.includes(n.name as never));
  }
  return fake;
}

describe.each(["moved by Excel", "lost"] as const)(
  "rows inserted on Thông tin, names %s",
  (names) => {
    test("the year is read from and written to the same cell (B17), B14 untouched", async () => {
      const fake = await workbookWithMovedRows(names);
      const info = fake.sheet(SHEETS.info);
      const b14 = info.cells.get("B14");
      expect(info.cells.get("B17")?.value).toBe(2026);

      const { cells } = await readTrackingFromOffice(fake.context);
      expect(inputCell(cells, "reportYear")).toMatchObject({
        sheet: SHEETS.info,
        address: "B17",
        value: 2026,
        via: names === "lost" ? "label" : "name",
      });
      expect(readTracking(cells, "x").workbook.reportYear).toBe(2026);

      await rolloverInOffice(fake.context, 2027, { force: true });
      expect(info.cells.get("B17")?.value).toBe(2027);
      expect(info.cells.get("B14")).toEqual(b14);
      const again = await readTrackingFromOffice(fake.context);
      expect(readTracking(again.cells, "x").workbook.reportYear).toBe(2027);
      expect(readTracking(again.cells, "x").workbook.reportDate).toBe("2027-12-31");
    });
  }
);

test("without the names and without the label row, the roll-over refuses rather than guess a cell", async () => {
  const fake = await workbookWithMovedRows("lost");
  const info = fake.sheet(SHEETS.info);
  for (const [a, c] of info.cells)
    if (c.value === "Ngày báo cáo") info.cells.set(a, { ...c, value: "Ngày" });
  const snap = fake.snapshot();
  await expect(rolloverInOffice(fake.context, 2027, { force: true })).rejects.toThrow(
    /Không thấy ô "Ngày báo cáo"/
  );
  expect(fake.snapshot()).toEqual(snap);
});
