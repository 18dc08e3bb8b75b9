/**
 * The "Gửi và tổng hợp" section's reducer: a consolidation starts with every picked file
 * waiting, lines move as files are read, the officer's confirmations and choices accumulate.
 */
import type { ConflictChoice } from "../../../src/core/exchange/consolidate";
import type { PickedFile } from "../../../src/taskpane/dropped-files";
import {
  EMPTY_EXCHANGE_VIEW,
  exchangeReducer,
  withChoices,
  withConfirmation,
  type ExchangeEvent,
  type ExchangeView,
} from "../../../src/taskpane/exchange-state";

const run = (v: ExchangeView, ...events: ExchangeEvent[]) => events.reduce(exchangeReducer, v);
const picked = (path: string): PickedFile => ({ path, file: new File([path], path) });

test("files wait, then are read one by one; a new run starts from nothing", () => {
  const files = [picked("Báo cáo/So Noi vu.xlsx"), picked("Công an tỉnh.xlsx")];
  const v = run(EMPTY_EXCHANGE_VIEW, {
    type: "consolidating",
    picked: files,
    confirmed: [],
    choices: [],
  });
  expect(v.progress).toEqual({ done: 0, total: 2 });
  expect(v.lines.map((l) => [l.file, l.state, l.text])).toEqual([
    ["Báo cáo/So Noi vu.xlsx", "waiting", "Chờ đọc…"],
    ["Công an tỉnh.xlsx", "waiting", "Chờ đọc…"],
  ]);
  const read = run(v, { type: "fileRead", done: 1, total: 2, file: "Công an tỉnh.xlsx" });
  expect(read.progress).toEqual({ done: 1, total: 2 });
  expect(read.lines.map((l) => l.state)).toEqual(["waiting", "reading"]);

  const done = run(read, {
    type: "consolidated",
    report: { received: [], rejected: [] } as never,
    lines: [],
    summary: "Đã tổng hợp 2 tệp.",
    download: { url: "blob:x", fileName: "So-tong-hop.xlsx" },
  });
  expect(done.summary).toBe("Đã tổng hợp 2 tệp.");
  const again = run(done, {
    type: "consolidating",
    picked: files.slice(0, 1),
    confirmed: [],
    choices: [],
  });
  expect(again.summary).toBeNull();
  expect(again.download).toBeNull();
  expect(again.report).toBeNull();
  expect(again.lastPicked).toHaveLength(1);
});

test("confirmations add up; a new choice on the same cell replaces the old one", () => {
  const c = (key: string, column: ConflictChoice["column"], take: ConflictChoice["take"]) =>
    ({ key, lead: "Sở Nội vụ", column, take }) satisfies ConflictChoice;
  let v = run(EMPTY_EXCHANGE_VIEW, {
    type: "consolidating",
    picked: [picked("a.xlsx")],
    confirmed: [{ file: "a.xlsx", sheet: "Báo cáo", row: 5, key: "T1" }],
    choices: [c("T1", "status", "agency"), c("T2", "status", "agency")],
  });
  expect(withConfirmation(v, { file: "a.xlsx", sheet: "Báo cáo", row: 6, key: "T2" })).toHaveLength(
    2
  );
  const next = withChoices(v, [c("T1", "status", "master")]);
  expect(next).toHaveLength(2);
  expect(next.find((x) => x.key === "T1")).toMatchObject({ take: "master" });
  v = run(v, { type: "deadline", text: "15/12/2026" }, { type: "over", over: true });
  expect([v.deadlineText, v.over]).toEqual(["15/12/2026", true]);
  expect(run(v, { type: "over", over: true })).toBe(v);
});
