/**
 * The pane's Excel backend (tracking-backend.ts) on the stateful Office fake: it reads the open
 * workbook again before acting, writes fixes with a backup batch that undo puts back, and rolls
 * over with the new year read back — what TrackingPanel shows after each action.
 */
import type { ImportResult } from "../../../src/core/model";
import { SHEETS } from "../../../src/core/workbook/columns";
import { excelBackend, fileBackend } from "../../../src/taskpane/tracking-backend";
import * as actions from "../../../src/taskpane/tracking-actions";
import { FakeExcel } from "../../fakes/office-fake";
import { renderedTracking, useFake } from "../../helpers/tracking-in-fake";
import { lamDongPlan, yearlyTask } from "../../helpers/small-plan";

const task = (i: number, lead: string) => yearlyTask(i, lead, `Nhiệm vụ ${i}`);

const plan: ImportResult = lamDongPlan(
  { number: "1/KH-UBND", issuedOn: "2024-01-02", period: { from: 2024, to: 2027 } },
  "Nhóm",
  [task(1, "Sở Nội vụ"), task(2, "Công an tỉnh")]
);

/** The plan's 2026 workbook rendered into a new fake, the one `Excel.run` now works on. */
async function openInExcel(): Promise<FakeExcel> {
  const fake = await renderedTracking(plan);
  useFake(fake);
  return fake;
}

test("Excel backend: re-read, fix with backup, undo, roll-over to the next year", async () => {
  const fake = await openInExcel();
  // The officer types between clicks: the backend reads the workbook as it is now.
  fake.sheet(SHEETS.tasks).cells.set("M2", { value: "hoan thanh" });
  const state = await excelBackend.current(null);
  expect(state.wb.rows[0].typed.status).toBe("hoan thanh");

  const list = actions.checkWorkbook(state.opened, state.wb, 2026, "2026-11-21");
  const out = await excelBackend.apply(
    state,
    actions.safeFixes(state.wb, list),
    "Sửa các ô an toàn"
  );
  expect(out.undoBatch).toBeTruthy();
  expect(out.reread).toBe(true);
  expect(out.state.wb.rows[0].typed.status).toBe("Hoàn thành");
  expect(out.text).toContain("có thể hoàn tác");

  const undone = await excelBackend.undo!(out.undoBatch!);
  expect(undone.state.wb.rows[0].typed.status).toBe("hoan thanh");
  expect(undone.text).toContain("Đã hoàn tác: 1 ô");

  const rolled = await excelBackend.rollover(undone.state, 2027);
  expect(rolled.state.wb.reportYear).toBe(2027);
  expect(rolled.undoBatch).toBeTruthy();
  expect(rolled.text).toContain("dòng giữ nguyên (đã xong hẳn");
});

test("the report date set in the pane is kept in the workbook (Excel and file mode)", async () => {
  await openInExcel();
  const state = await excelBackend.current(null);
  expect(state.wb.reportDate).toBe("2026-11-21");
  const kept = await excelBackend.keepReportDate(state, 2026, "2026-12-05");
  expect(kept.wb.reportDate).toBe("2026-12-05");
  // Read again from the workbook itself: the next check, report and roll-over start there.
  expect((await excelBackend.current(null)).wb.reportDate).toBe("2026-12-05");
  // Another year is not this workbook's date: nothing written.
  const other = await excelBackend.keepReportDate(kept, 2025, "2025-12-31");
  expect(other).toBe(kept);

  const inFile = await fileBackend.keepReportDate(state, 2026, "2026-12-07");
  expect(inFile.wb.reportDate).toBe("2026-12-07");
  expect(inFile.opened).toBe(state.opened);
});
