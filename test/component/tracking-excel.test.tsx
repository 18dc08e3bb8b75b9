/**
 * The "Theo dõi" tab in Excel mode, the flows the browser tier (file mode only) cannot reach:
 * the open workbook is the Office fake holding a real tracking workbook, written by the real
 * renderer and read back by the pane's Excel backend. What is asserted is what the officer
 * sees (texts, buttons enabled or not, the error bar, the busy spinner) and what the workbook
 * then holds.
 */
import * as React from "react";
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { SHEETS } from "../../src/core/workbook/columns";
import { TrackingPanel } from "../../src/taskpane/TrackingPanel";
import { excelBackend, type TrackingBackend } from "../../src/taskpane/tracking-backend";
import { distributeWorkbooks } from "../../src/app/distribute";
import {
  cellValue,
  deferred,
  enabled,
  text,
  value,
  openWorkbookInFake,
  renderPane,
  typeCell,
} from "./excel-fixture";

/** The pane read the open workbook (it does as soon as the tab shows in Excel). */
async function paneOnOpenWorkbook(tracking: TrackingBackend = excelBackend) {
  const user = userEvent.setup();
  const pane = renderPane(<TrackingPanel />, { tracking });
  await screen.findByTestId("check");
  await waitFor(() => expect(enabled(screen.getByTestId("check"))).toBe(true));
  return { user, ...pane };
}

test("the rollup names a status that could be two, not one in the officer's words", async () => {
  const fake = await openWorkbookInFake();
  typeCell(fake, "M2", "Chưa hoàn thành");
  typeCell(fake, "M3", "xong rồi");
  await paneOnOpenWorkbook();
  const note = await screen.findByTestId("rollup-unread-status");
  expect(text(note)).toContain("dòng 2 “Chưa hoàn thành”");
  expect(text(note)).not.toContain("dòng 3");
});

test("check → findings → safe fix written with a backup → undo puts the cell back", async () => {
  const fake = await openWorkbookInFake();
  typeCell(fake, "M2", "hoan thanh");
  typeCell(fake, "M3", "lam gi do");
  const { user, status } = await paneOnOpenWorkbook();
  expect(status.some((s) => s.startsWith("Đã đọc sổ theo dõi kế hoạch 15/KH-UBND"))).toBe(true);

  await user.click(screen.getByTestId("check"));
  const check = screen.getByTestId("tracking-check");
  // The error and the warning, each with what the officer typed.
  await within(check).findByText(/"lam gi do" không phải trạng thái/);
  expect(within(check).getByText(/"hoan thanh" được hiểu là "Hoàn thành"/)).toBeTruthy();
  expect(status.at(-1)).toMatch(/^Kiểm tra xong: 1 lỗi/);
  const fixAll = screen.getByTestId("fix-all");
  expect(text(fixAll)).toContain("Sửa 1 ô an toàn");
  expect(enabled(fixAll)).toBe(true);

  await user.click(fixAll);
  const done = await screen.findByTestId("fix-done");
  expect(text(done)).toContain("Sửa các ô an toàn: Đã sửa 1 ô.");
  expect(text(done)).toContain("Giá trị cũ được sao lưu; có thể hoàn tác.");
  expect(cellValue(fake, SHEETS.tasks, "M2")).toBe("Hoàn thành");
  // Checked again after the fix: only the error is left, nothing safe to fix.
  expect(within(check).queryByText(/"hoan thanh" được hiểu là/)).toBeNull();
  expect(text(screen.getByTestId("fix-all"))).toContain("Sửa 0 ô an toàn");
  expect(enabled(screen.getByTestId("fix-all"))).toBe(false);

  await user.click(screen.getByTestId("undo"));
  await screen.findByText(/Đã hoàn tác: 1 ô trở lại giá trị trước khi sửa\./);
  expect(cellValue(fake, SHEETS.tasks, "M2")).toBe("hoan thanh");
  expect(screen.queryByTestId("undo")).toBeNull();
  expect(text(screen.getByTestId("fix-all"))).toContain("Sửa 1 ô an toàn");
});

test("while a fix runs the buttons wait; a failure shows the error bar and changes nothing", async () => {
  const fake = await openWorkbookInFake();
  typeCell(fake, "M2", "hoan thanh");
  const gate = deferred();
  const failing: TrackingBackend = {
    ...excelBackend,
    async apply() {
      await gate.promise;
      throw new Error("Mất kết nối tới Excel");
    },
  };
  const { user, status } = await paneOnOpenWorkbook(failing);
  await user.click(screen.getByTestId("check"));
  await waitFor(() => expect(text(screen.getByTestId("fix-all"))).toContain("Sửa 1 ô an toàn"));

  await user.click(screen.getByTestId("fix-all"));
  // Busy: the spinner says so, every button of the tab waits.
  expect(await screen.findByText("Đang xử lý…")).toBeTruthy();
  expect(enabled(screen.getByTestId("check"))).toBe(false);
  expect(enabled(screen.getByTestId("fix-all"))).toBe(false);
  expect(enabled(screen.getByTestId("paper-make"))).toBe(false);
  expect(enabled(screen.getByTestId("rollover"))).toBe(false);
  expect(status.at(-1)).toBe("Đang sửa các ô an toàn…");

  await act(async () => gate.release());
  const bar = await screen.findByTestId("t-error-bar");
  expect(text(bar)).toContain("Không sửa được sổ");
  expect(text(bar)).toContain("Sổ vẫn giữ nguyên như trước.");
  expect(text(bar)).toContain("Chi tiết: Mất kết nối tới Excel");
  expect(status.at(-1)).toMatch(/^Không sửa được sổ: /);
  expect(screen.queryByText("Đang xử lý…")).toBeNull();
  expect(enabled(screen.getByTestId("check"))).toBe(true);
  expect(cellValue(fake, SHEETS.tasks, "M2")).toBe("hoan thanh");

  // The bar closes; the next job starts without it.
  await user.click(within(bar).getByRole("button", { name: "Đóng" }));
  expect(screen.queryByTestId("t-error-bar")).toBeNull();
});

test("roll-over lists the year's open errors, rolls over, and is refused once the year is in history", async () => {
  const fake = await openWorkbookInFake();
  typeCell(fake, "M3", "lam gi do");
  const { user, status } = await paneOnOpenWorkbook();

  await user.click(screen.getByTestId("rollover"));
  const dialog = await screen.findByTestId("rollover-dialog");
  expect(text(within(dialog).getByTestId("rollover-errors"))).toContain(
    "Năm 2026 còn 1 lỗi chưa sửa."
  );
  expect(within(dialog).getAllByTestId("rollover-error")).toHaveLength(1);
  expect(text(within(dialog).getByTestId("rollover-error"))).toContain("lam gi do");
  const confirm = within(dialog).getByTestId("rollover-confirm");
  expect(text(confirm)).toContain("Vẫn chuyển sang năm 2027");

  await user.click(confirm);
  const rolled = await screen.findByTestId("rolled");
  expect(text(rolled)).toContain("Đã chuyển sổ sang năm 2027");
  expect(text(rolled)).toContain("Có thể hoàn tác.");
  expect(status.at(-1)).toMatch(/^Đã chuyển sổ sang năm 2027/);
  // The tab is on the new year now.
  expect(value(screen.getByTestId("t-report-year"))).toBe("2027");

  // The officer types the old year back into "Thông tin": read again, the roll-over refuses.
  const info = fake.sheet(SHEETS.info);
  const label = [...info.cells].find(([, c]) => c.value === "Năm báo cáo");
  expect(label).toBeDefined();
  const yearAt = label![0].replace(/^A/, "B");
  expect(info.cells.get(yearAt)?.value).toBe(2027);
  info.cells.set(yearAt, { ...info.cells.get(yearAt)!, value: 2026 });
  await user.click(screen.getByTestId("read-open-workbook"));
  const refused = await screen.findByTestId("rollover-refused");
  expect(text(refused)).toContain("đã có số liệu năm 2026: sổ đã được chuyển năm rồi");
  expect(screen.queryByTestId("rollover")).toBeNull();
});

test("a paper becomes a new sheet of the open workbook; an old one of that name is kept", async () => {
  const fake = await openWorkbookInFake();
  const { user } = await paneOnOpenWorkbook();
  const papers = screen.getByTestId("tracking-papers");
  expect(value(within(papers).getByTestId("paper-target"))).toBe("sheet");
  expect(text(within(papers).getByTestId("paper-make"))).toContain("Tạo trang in");

  await user.click(within(papers).getByTestId("paper-make"));
  const result = await within(papers).findByTestId("paper-result");
  const sheet = /Đã tạo trang "([^"]+)", sẵn sàng để in \(Ctrl\+P\)\./.exec(
    result.textContent ?? ""
  )?.[1];
  expect(sheet).toBeTruthy();
  expect(fake.sheet(sheet!).cells.size).toBeGreaterThan(0);

  await user.click(within(papers).getByTestId("paper-make"));
  await waitFor(() =>
    expect(text(within(papers).getByTestId("paper-result"))).toContain(
      "Trang cũ cùng tên được giữ lại với tên"
    )
  );
});

test("the texts in use become a “Mẫu in” sheet to edit", async () => {
  const fake = await openWorkbookInFake();
  const { user } = await paneOnOpenWorkbook();
  const button = screen.getByTestId("paper-save-texts");
  expect(text(button)).toContain("Tạo trang “Mẫu in”");
  await user.click(button);
  const result = await screen.findByTestId("paper-result");
  expect(text(result)).toContain('Đã tạo trang "Mẫu in": sửa tiêu đề, người ký, nơi nhận ở đó');
  expect(fake.sheet("Mẫu in").cells.size).toBeGreaterThan(0);
});

test("consolidate picked files into the open master: a line per file, the summary", async () => {
  const fake = await openWorkbookInFake();
  const { user, status } = await paneOnOpenWorkbook();
  // The files the agencies got back from "Gửi đơn vị", as the pane makes them.
  const { readOpenTracking } = await import("../../src/host/tracking-excel");
  const { openTrackingCells } = await import("../../src/taskpane/tracking-actions");
  const read = await readOpenTracking();
  const master = openTrackingCells(read.cells, read.name).workbook;
  const { files } = await distributeWorkbooks(master, {
    year: 2026,
    deadline: null,
    today: "2026-11-21",
  });
  expect(files.length).toBeGreaterThan(0);
  const picked = [
    ...files.map((f) => new File([f.bytes as Uint8Array<ArrayBuffer>], f.file)),
    new File([new TextEncoder().encode("không phải sổ")], "ghi-chu.xlsx"),
  ];

  await user.upload(screen.getByTestId("x-files-input"), picked);
  const summary = await screen.findByTestId("x-result");
  expect(text(summary)).toContain(
    `Đã ghi vào sổ đang mở (trang "Tiếp nhận"); giá trị cũ được sao lưu.`
  );
  expect(status.at(-1)).toBe(summary.textContent?.replace(/Hoàn tác$/, "").trim());
  const lines = screen.getAllByTestId("x-line");
  expect(lines).toHaveLength(files.length + 1);
  for (const f of files) {
    const line = lines.find((l) => l.textContent?.startsWith(f.file))!;
    expect(line.getAttribute("data-state")).toBe("received");
    expect(text(line)).toContain(`${f.agency}`);
  }
  const bad = lines.find((l) => l.textContent?.startsWith("ghi-chu.xlsx"))!;
  expect(bad.getAttribute("data-state")).toBe("rejected");
  expect(fake.sheet("Tiếp nhận").cells.size).toBeGreaterThan(0);
  expect(enabled(screen.getByTestId("x-pick-files"))).toBe(true);
});
