/**
 * The tab "Nhập kế hoạch" in Excel mode: a pasted phụ lục → the preview with its findings →
 * the tracking workbook written into the open workbook (the Office fake, by the real
 * renderer), asked first when sheets of those names are already there.
 */
import * as React from "react";
import { readFileSync } from "node:fs";
import path from "node:path";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { SHEETS } from "../../src/core/workbook/columns";
import { ImportTab } from "../../src/taskpane/ImportTab";
import { FakeExcel } from "../fakes/office-fake";
import { enabled, renderPane, text, useFake } from "./excel-fixture";

const SAMPLE = readFileSync(path.join(__dirname, "../browser/paste-sample.txt"), "utf8");

test("pasted plan → preview → workbook written into Excel; written again after asking", async () => {
  const fake = new FakeExcel({ sheets: [{ name: "Sheet1" }] });
  useFake(fake);
  const busy: boolean[] = [];
  const user = userEvent.setup();
  const { status } = renderPane(<ImportTab onBusyChange={(b) => busy.push(b)} />);

  await user.click(await screen.findByTestId("paste-text"));
  await user.paste(SAMPLE);
  await user.click(screen.getByTestId("read-text"));
  const confirm = await screen.findByTestId("confirm");
  expect(text(confirm)).toContain("Tạo sổ theo dõi trong Excel");
  // The preview: the plan read, and what the officer should look at.
  expect(status.find((s) => s.includes("12/KH-UBND"))).toBeDefined();
  expect(screen.getAllByText(/Sở Xyz Không Có/).length).toBeGreaterThan(0);
  expect(busy).toContain(true);
  expect(busy.at(-1)).toBe(false);

  await user.click(confirm);
  await screen.findByText("Đã tạo sổ theo dõi trong Excel.");
  expect(status.at(-1)).toBe("Đã tạo sổ theo dõi trong Excel.");
  const tasks = fake.sheet(SHEETS.tasks);
  const titles = [...tasks.cells.values()].map((c) => c.value);
  expect(titles).toContain("Tổ chức hội nghị quảng bá");
  expect(titles).toContain("Ký kết thỏa thuận hợp tác");
  expect(screen.queryByTestId("error-bar")).toBeNull();

  // The sheets are there now: the renderer asks; "Hủy" writes nothing.
  await user.click(screen.getByTestId("confirm"));
  const dialog = await screen.findByRole("alertdialog", { hidden: true });
  expect(text(dialog)).toContain(SHEETS.tasks);
  // (jsdom: Fluent's focus trap marks the surface aria-hidden, so buttons are found by text.)
  await user.click(within(dialog).getByText("Hủy"));
  await screen.findByText("Đã hủy: sổ làm việc không thay đổi.");
  const sheets = fake.state.sheets.map((s) => s.name);
  await waitFor(() => expect(enabled(screen.getByTestId("confirm"))).toBe(true));

  // Asked again, the officer keeps the old sheets as backups.
  await user.click(screen.getByTestId("confirm"));
  const again = await screen.findByRole("alertdialog", { hidden: true });
  await user.click(within(again).getByText("Sao lưu rồi tạo mới"));
  const done = await screen.findByText(/^Đã tạo sổ theo dõi trong Excel \(đã sao lưu: /);
  const backups = fake.state.sheets.map((s) => s.name).filter((n) => !sheets.includes(n));
  expect(backups.length).toBeGreaterThan(0);
  for (const b of backups) expect(text(done)).toContain(b);
});

test("a workbook that cannot be written: the error bar says so, nothing is left half-way", async () => {
  const fake = new FakeExcel({ sheets: [{ name: "Sheet1" }] });
  useFake(fake);
  const user = userEvent.setup();
  renderPane(<ImportTab onBusyChange={() => {}} />, {
    importing: {
      inExcel: true,
      write: async () => {
        throw Object.assign(new Error("Excel đang ở chế độ sửa ô"), {
          name: "RichApi.Error",
          code: "InvalidOperationInCellEditMode",
        });
      },
    },
  });
  await user.click(await screen.findByTestId("paste-text"));
  await user.paste(SAMPLE);
  await user.click(screen.getByTestId("read-text"));
  await user.click(await screen.findByTestId("confirm"));
  const bar = await screen.findByTestId("error-bar");
  expect(text(bar)).toContain("Không tạo được sổ theo dõi");
  expect(text(bar)).toContain("Chưa có gì được ghi.");
  expect(enabled(screen.getByTestId("confirm"))).toBe(true);
  expect(fake.state.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
});

test("a phụ lục with no task row: the error bar names it, nothing is offered to write", async () => {
  const fake = new FakeExcel({ sheets: [{ name: "Sheet1" }] });
  useFake(fake);
  const user = userEvent.setup();
  renderPane(<ImportTab onBusyChange={() => {}} />);
  await user.click(await screen.findByTestId("paste-text"));
  await user.paste(
    [
      "STT\tNhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian",
      "I\tCÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH\t\t\t",
      "II\tHOÀN THIỆN THỂ CHẾ, CHÍNH SÁCH\t\t\t",
    ].join("\n")
  );
  await user.click(screen.getByTestId("read-text"));
  const bar = await screen.findByTestId("error-bar");
  expect(text(bar)).toContain("Không tìm thấy nhiệm vụ nào");
  expect(screen.queryByTestId("confirm")).toBeNull();
  expect(fake.state.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
});
