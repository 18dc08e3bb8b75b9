/**
 * The "Theo dõi" tab in FILE MODE, end to end on the production build: a tracking workbook made
 * by the pane from the Lâm Đồng plan, edited by an officer (python + openpyxl), opened in the
 * tab, checked, fixed (a NEW download; the original untouched), rolled over, rolled up.
 */
import { test, expect } from "@playwright/test";
import { spawnSync } from "node:child_process";
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import {
  FIXTURE_DOCX,
  REPO_ROOT,
  openPane,
  openPaneForKeyboard,
  unexpectedErrors,
  watchPage,
} from "./pane-helpers";
import {
  PY,
  TMP,
  editedCopy,
  finding,
  makeTrackingWorkbook,
  openInTrackingTab,
  python,
  sha,
} from "./tracking-helpers";

test("check → findings by severity with rows; fix-all → a new, fixed file; original unchanged", async ({
  page,
}) => {
  const seen = await watchPage(page);
  await openPane(page);
  const generated = await makeTrackingWorkbook(page, join(TMP, "a-generated"));
  const edited = editedCopy(generated, join(TMP, "a-edited"));
  const before = sha(edited);

  await openInTrackingTab(page, edited);
  await expect(page.getByTestId("t-report-year")).toHaveValue("2026");
  await page.getByRole("button", { name: "Kiểm tra", exact: true }).click();

  // Grouped by severity, errors first, each group with its count.
  const errors = page.getByTestId("t-findings-error");
  const warnings = page.getByTestId("t-findings-warning");
  await expect(errors.getByRole("heading", { name: /Lỗi/ })).toBeVisible();
  await expect(warnings.getByRole("heading", { name: /Cảnh báo/ })).toBeVisible();
  const order = await page
    .locator('[data-testid^="t-findings-"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-testid")));
  expect(order.indexOf("t-findings-error")).toBeLessThan(order.indexOf("t-findings-warning"));
  await expect(page.getByTestId("t-counts")).toContainText("lỗi");

  await expect(errors.locator('[data-code="PROGRESS_INVALID"][data-row="6"]')).toHaveCount(1);
  const status = finding(page, "STATUS_NONCANONICAL", 5);
  await expect(status).toHaveCount(1);
  await expect(status).toContainText('"hoan thanh" được hiểu là "Hoàn thành"');
  await expect(status).toContainText('dòng 5, cột "Trạng thái"');
  await expect(finding(page, "DATE_AS_TEXT", 5)).toContainText('cột "Ngày hoàn thành"');
  const unknown = finding(page, "AGENCY_UNKNOWN", 7);
  await expect(unknown).toContainText("Sở Xyz Không Có");
  await expect(unknown).toContainText('dòng 7, cột "Đơn vị chủ trì"');
  // A guessed agency gets its own (explicit) fix button; a reorganised one, its group's rename.
  await expect(
    page.locator('[data-testid="t-kind"][data-code="AGENCY_SUPERSEDED"]').getByTestId("group-fix")
  ).toBeVisible();

  // File mode: a finding opens its row, the cell highlighted.
  await status.getByRole("button", { name: /hoan thanh/ }).click();
  await expect(status.getByRole("button", { name: /hoan thanh/ })).toHaveAttribute(
    "aria-current",
    "true"
  );
  await expect(status.getByTestId("row-view-cell")).toHaveText("hoan thanh");
  await expect(status.getByTestId("row-view")).toContainText("Dòng 5");

  // Only the active tab's content is shown.
  await expect(page.getByTestId("import-panel")).toBeHidden();
  await page.setViewportSize({ width: 380, height: 1400 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(REPO_ROOT, ".tmp", "theo-doi.png") });
  await page.setViewportSize({ width: 380, height: 900 });

  const downloading = page.waitForEvent("download");
  await page.getByTestId("fix-all").click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("theo-doi-4784-KH-UBND-da-sua.xlsx");
  const fixed = join(TMP, "a-fixed", download.suggestedFilename());
  await download.saveAs(fixed);

  // The changes, before → after.
  const changes = page.getByTestId("changes-list");
  // Status, the date typed as text, and row 9's agency retyped in capitals: three safe fixes.
  await expect(changes.getByTestId("change")).toHaveCount(3);
  await expect(changes).toContainText("hoan thanh");
  await expect(changes).toContainText("Hoàn thành");
  await expect(changes).toContainText("Nhiệm vụ!M5");
  await expect(page.getByTestId("fix-done")).toContainText(
    "tệp gốc theo-doi-4784-KH-UBND.xlsx giữ nguyên"
  );
  await page.getByTestId("fix-done").scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(REPO_ROOT, ".tmp", "theo-doi-da-sua.png") });
  // Re-checked: the fixed findings are gone, the others stay.
  await expect(finding(page, "STATUS_NONCANONICAL", 5)).toHaveCount(0);
  await expect(finding(page, "DATE_AS_TEXT", 5)).toHaveCount(0);
  await expect(page.getByTestId("t-findings-error")).toBeVisible();

  const read = JSON.parse(python("read_tracking.py", fixed, "5", "7"));
  expect(read.rows["5"]["Trạng thái"]).toBe("Hoàn thành");
  expect(read.rows["5"]["Ngày hoàn thành"]).toEqual({ date: "2026-11-15" });
  expect(read.rows["7"]["Đơn vị chủ trì"]).toBe("Sở Xyz Không Có"); // a choice, never automatic
  expect(read.sheets).toContain("Nhật ký sửa");
  expect(sha(edited)).toBe(before);

  expect(seen.csp).toEqual([]);
  expect(unexpectedErrors(seen.errors)).toEqual([]);
});

test("roll-over in file mode → a new file whose history holds the old year", async ({ page }) => {
  await openPane(page);
  const generated = await makeTrackingWorkbook(page, join(TMP, "b-generated"));
  const source = join(TMP, "b-source.xlsx");
  copyFileSync(generated, source);
  const before = sha(source);
  await openInTrackingTab(page, source);

  await page.getByTestId("rollover").click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("Chuyển sổ từ năm 2026 sang năm 2027?");
  await expect(dialog).toContainText("Lịch sử");
  await expect(dialog).toContainText("Không mất nội dung nào đã nhập");
  const downloading = page.waitForEvent("download");
  await dialog.getByRole("button", { name: "Chuyển sang năm 2027" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("b-source-nam-2027.xlsx");
  const rolled = join(TMP, "b-rolled", download.suggestedFilename());
  await download.saveAs(rolled);
  await expect(page.getByTestId("rolled")).toContainText('lưu vào trang "Lịch sử"');
  await expect(page.getByTestId("rollover")).toHaveCount(0);

  const read = JSON.parse(python("read_tracking.py", rolled));
  expect(read.history["2026"]).toBeGreaterThan(0);
  expect(Number(read.info["Năm báo cáo"])).toBe(2027);
  expect(sha(source)).toBe(before);

  // The rolled file opened again offers 2028; with its year set back to 2026 it is refused.
  const back = join(TMP, "b-rolled", "back-to-2026.xlsx");
  const set = spawnSync(
    PY,
    [
      "-c",
      [
        "import openpyxl, sys",
        "wb = openpyxl.load_workbook(sys.argv[1]); ws = wb['Thông tin']",
        "[setattr(r[1], 'value', 2026) for r in ws.iter_rows() if r[0].value == 'Năm báo cáo']",
        "wb.save(sys.argv[2])",
      ].join("\n"),
      rolled,
      back,
    ],
    { encoding: "utf8" }
  );
  expect(set.stderr).toBe("");
  await page.getByTestId("tracking-file-input").setInputFiles(back);
  await expect(page.getByTestId("rollover-refused")).toContainText("đã được chuyển năm");
  await expect(page.getByTestId("rollover")).toHaveCount(0);
});

test("the rollup table shows the same totals as phuluc rollup --json", async ({ page }) => {
  await openPane(page);
  const generated = await makeTrackingWorkbook(page, join(TMP, "c-generated"));
  const edited = editedCopy(generated, join(TMP, "c-edited"));
  await openInTrackingTab(page, edited);

  const cli = spawnSync(
    process.execPath,
    [join(REPO_ROOT, "bin", "phuluc.js"), "rollup", edited, "--json"],
    {
      encoding: "utf8",
      cwd: REPO_ROOT,
    }
  );
  expect(cli.status).toBe(0);
  const expected = JSON.parse(cli.stdout) as {
    agencies: {
      agency: string;
      role: string;
      total: number;
      done_on_time: number;
      done_late: number;
      overdue: number;
      rate: number | null;
    }[];
    province: {
      total: number;
      done_on_time: number;
      done_late: number;
      overdue: number;
      rate: number | null;
    };
  };
  const leads = expected.agencies.filter((a) => a.role === "lead");
  const table = page.getByTestId("rollup-table");
  await expect(table).toBeVisible();
  const shown = await table.locator('[data-testid="rollup-row"]').evaluateAll((rows) =>
    rows.map((r) => ({
      agency: r.getAttribute("data-agency"),
      total: Number(r.getAttribute("data-total")),
      onTime: Number(r.getAttribute("data-on-time")),
      late: Number(r.getAttribute("data-late")),
      overdue: Number(r.getAttribute("data-overdue")),
      rate: r.getAttribute("data-rate") === "" ? null : Number(r.getAttribute("data-rate")),
    }))
  );
  expect(shown).toEqual(
    leads.map((a) => ({
      agency: a.agency,
      total: a.total,
      onTime: a.done_on_time,
      late: a.done_late,
      overdue: a.overdue,
      rate: a.rate,
    }))
  );
  const total = table.getByTestId("rollup-total");
  await expect(total).toHaveAttribute("data-total", String(expected.province.total));
  await expect(total).toHaveAttribute("data-overdue", String(expected.province.overdue));
  await expect(total).toContainText("Toàn tỉnh");
  await page
    .getByTestId("tracking-rollup")
    .screenshot({ path: join(REPO_ROOT, ".tmp", "tong-hop.png") });
});

test("the tabs work with the keyboard: one Tab stop, arrows switch, the panel follows", async ({
  page,
}) => {
  await openPaneForKeyboard(page);
  await page.keyboard.press("Tab");
  const importTab = page.getByRole("tab", { name: "Nhập kế hoạch" });
  await expect(importTab).toBeFocused();
  await expect(importTab).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ArrowRight");
  const trackingTab = page.getByRole("tab", { name: "Theo dõi" });
  await expect(trackingTab).toBeFocused();
  await expect(trackingTab).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("tabpanel", { name: "Theo dõi" })).toBeVisible();
  await expect(page.getByTestId("import-panel")).toBeHidden();
  // The Theo dõi panel is a lazy chunk: until it loads, the tab panel shows a spinner and holds
  // nothing to Tab to (a loaded CI machine pressed Tab during that spinner).
  const openButton = page.getByRole("button", { name: "Mở sổ theo dõi (.xlsx)" });
  await expect(openButton).toBeVisible();
  await expect(trackingTab).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(openButton).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Home");
  await expect(importTab).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("import-panel")).toBeVisible();
});

test("a file that is not a tracking workbook: a Vietnamese error naming it, nothing shown", async ({
  page,
}) => {
  await openPane(page);
  await page.getByRole("tab", { name: "Theo dõi" }).click();
  await page.getByTestId("tracking-file-input").setInputFiles(FIXTURE_DOCX);
  const bar = page.getByTestId("t-error-bar");
  await expect(bar).toContainText("Không đọc được sổ theo dõi");
  await expect(bar).toContainText("lam-dong-4784-ke-hoach.docx");
  await expect(page.getByTestId("tracking-plan")).toHaveCount(0);
  await expect(page.getByTestId("live-status")).toContainText("Không đọc được sổ theo dõi");
});
