/**
 * The "Theo dõi" tab's reducer on a real tracking workbook (built by core, written as .xlsx and
 * read back as the pane reads it): what a new workbook, a re-read, a fix, an undo and a
 * roll-over keep and clear.
 */
import { validateTracking } from "../../../src/core/tracking/validate";
import { safeFixes } from "../../../src/taskpane/tracking-actions";
import type { TrackingState } from "../../../src/taskpane/tracking-backend";
import {
  EMPTY_TRACKING_VIEW,
  trackingReducer,
  type TrackingEvent,
  type TrackingView,
} from "../../../src/taskpane/tracking-state";
import { smallTracking } from "../../helpers/small-tracking";

const run = (v: TrackingView, ...events: TrackingEvent[]) => events.reduce(trackingReducer, v);
const shown = (tracking: TrackingState, keepInputs = false): TrackingEvent => ({
  type: "shown",
  tracking,
  keepInputs,
  thisYear: 2030,
  today: "2030-01-15",
});

let state: TrackingState;
let undated: TrackingState;
beforeAll(async () => {
  state = await smallTracking(2026, "2026-11-21");
  const wb = { ...state.wb, reportYear: null, reportDate: null };
  undated = { ...state, opened: { ...state.opened, workbook: wb }, wb };
});

test("a new workbook fills year and date from it (or this year, today) and clears the last jobs", () => {
  const v = run(EMPTY_TRACKING_VIEW, shown(state));
  expect(v.tracking).toBe(state);
  expect([v.year, v.date]).toEqual(["2026", "2026-11-21"]);
  expect(v.findings).toBeNull();

  const busy = run(
    v,
    { type: "checked", findings: validateTracking(state.wb, { year: 2026, date: "2026-11-21" }) },
    { type: "nothingFixed", text: "Sửa các ô an toàn: Không có ô nào cần sửa." },
    { type: "selected", id: "f1" }
  );
  expect(busy.info).toBe("Sửa các ô an toàn: Không có ô nào cần sửa.");
  const other = run(busy, shown(undated));
  expect([other.year, other.date]).toEqual(["2030", "2030-01-15"]);
  expect(other.lastFix).toBeNull();
  expect(other.findings).toBeNull();
  expect(other.selected).toBeNull();
  // The information line stays until the next job starts.
  expect(other.info).toBe(busy.info);
  expect(run(other, { type: "started" }).info).toBeNull();
});

test("the same workbook read again keeps what the officer typed and the undo", () => {
  const v = run(
    EMPTY_TRACKING_VIEW,
    shown(state),
    { type: "year", value: "2025" },
    { type: "date", value: "2025-12-31" },
    { type: "changed", tracking: state, undoBatch: "b1" }
  );
  const again = run(v, shown(state, true));
  expect([again.year, again.date, again.undoBatch]).toEqual(["2025", "2025-12-31", "b1"]);
});

test("a fix shows the workbook after it, checked again, with its undo; undo forgets both", () => {
  const typed = {
    ...state.wb,
    rows: state.wb.rows.map((r, i) =>
      i === 0 ? { ...r, typed: { ...r.typed, status: "hoan thanh" } } : r
    ),
  };
  const before = validateTracking(typed, { year: 2026, date: "2026-11-21" });
  const result = safeFixes(typed, before);
  expect(result.changes).toHaveLength(1);
  const after: TrackingState = { ...state, wb: result.workbook, applied: result.changes };
  const findings = validateTracking(result.workbook, { year: 2026, date: "2026-11-21" });

  const fixed = run(
    EMPTY_TRACKING_VIEW,
    shown({ ...state, wb: typed }),
    { type: "checked", findings: before },
    {
      type: "fixed",
      tracking: after,
      findings,
      fix: { changes: result.changes, text: "Sửa các ô an toàn: Đã sửa 1 ô." },
      undoBatch: "batch-7",
    }
  );
  expect(fixed.tracking).toBe(after);
  expect(fixed.findings).toBe(findings);
  expect(fixed.lastFix?.changes).toEqual(result.changes);
  expect(fixed.undoBatch).toBe("batch-7");
  expect([fixed.year, fixed.date]).toEqual(["2026", "2026-11-21"]);

  const undone = run(fixed, {
    type: "undone",
    tracking: state,
    findings: before,
    text: "Đã hoàn tác: 1 ô trở lại giá trị trước khi sửa.",
  });
  expect(undone.undoBatch).toBeNull();
  expect(undone.lastFix).toBeNull();
  expect(undone.findings).toBe(before);
  expect(undone.info).toBe("Đã hoàn tác: 1 ô trở lại giá trị trước khi sửa.");
});

test("a roll-over is a new workbook: inputs from the new year, its undo and result shown", async () => {
  const next = await smallTracking(2027, "2027-12-31");
  const v = run(
    EMPTY_TRACKING_VIEW,
    shown(state),
    { type: "changed", tracking: state, undoBatch: "old" },
    {
      type: "rolled",
      tracking: next,
      rolled: { text: "Đã chuyển sổ sang năm 2027." },
      undoBatch: "roll",
      thisYear: 2030,
      today: "2030-01-15",
    }
  );
  expect([v.year, v.date]).toEqual(["2027", "2027-12-31"]);
  expect(v.undoBatch).toBe("roll");
  expect(v.rolled?.text).toBe("Đã chuyển sổ sang năm 2027.");
  // File mode has no undo: none is kept from before.
  const inFile = run(v, {
    type: "rolled",
    tracking: next,
    rolled: { text: "Đã tạo sổ năm 2027." },
    thisYear: 2030,
    today: "2030-01-15",
  });
  expect(inFile.undoBatch).toBeNull();
});
