/**
 * Tracking an officer can trust (issue 9), in the pane at 400 px, file mode, production build:
 * findings grouped by what must be done with one action per group and a filter by agency; the
 * fix-all button saying what it does; the rollup showing every status of its total, as
 * `phuluc rollup --json`; dates typed dd/mm/yyyy; the plan card readable; the roll-over listing
 * open errors, giving focus back, and moving the pane on to the new year.
 */
import { test, expect, Page } from "@playwright/test";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { FIXTURE_DOCX, REPO_ROOT, openPane } from "./pane-helpers";
import {
  TMP,
  editedCopy,
  finding,
  makeTrackingWorkbook,
  openInTrackingTab,
  python,
} from "./tracking-helpers";

const VHTTDL = "Sở Văn hóa, Thể thao và Du lịch";
const SHOTS = join(REPO_ROOT, ".tmp");

test.use({ viewport: { width: 400, height: 900 } });

/** A workbook made by the pane from the plan, then edited by an officer (edit_tracking.py). */
async function editedWorkbook(page: Page, name: string): Promise<string> {
  await openPane(page);
  const generated = await makeTrackingWorkbook(page, join(TMP, `${name}-generated`));
  return editedCopy(generated, join(TMP, `${name}-edited`));
}

async function check(page: Page) {
  await page.getByRole("button", { name: "Kiểm tra", exact: true }).click();
  await expect(page.getByTestId("t-counts")).toContainText("lỗi");
}

test("a fresh 2026 workbook names 2026's agencies: no 'đã được sắp xếp lại' to wade through", async ({
  page,
}) => {
  await openPane(page);
  const generated = await makeTrackingWorkbook(page, join(TMP, "t0-generated"));
  await openInTrackingTab(page, generated);
  await page.getByRole("button", { name: "Kiểm tra", exact: true }).click();
  await expect(page.getByTestId("t-counts")).toBeVisible();
  await expect(page.locator('[data-code="AGENCY_SUPERSEDED"]')).toHaveCount(0);
  await expect(page.getByTestId("t-findings-error")).toHaveCount(0);
  const read = JSON.parse(python("read_tracking.py", generated, "2", "3", "4", "5", "6"));
  const leads = Object.values(read.rows as Record<string, Record<string, string>>).map(
    (r) => r["Đơn vị chủ trì"]
  );
  expect(leads).not.toContain("Sở Thông tin và Truyền thông");
});

test("findings grouped by what must be done, one action per group, filtered by agency", async ({
  page,
}) => {
  const edited = await editedWorkbook(page, "t1");
  await openInTrackingTab(page, edited);
  await check(page);

  // Errors first: the real data-entry problems, each kind once with its count.
  const errors = page.getByTestId("t-findings-error");
  const kinds = errors.getByTestId("t-kind");
  await expect(kinds).toHaveCount(2);
  await expect(
    errors.locator('[data-testid="t-kind"][data-code="PROGRESS_INVALID"]')
  ).toContainText("Tiến độ ngoài 0–100 (1)");
  const future = errors.locator('[data-testid="t-kind"][data-code="COMPLETED_AFTER_REPORT_DATE"]');
  await expect(future).toContainText("Ngày hoàn thành sau ngày báo cáo (1)");
  await expect(finding(page, "COMPLETED_AFTER_REPORT_DATE", 10)).toContainText(
    "chưa được tính là hoàn thành"
  );
  // One finding per problem: progress 150 is an error, not also "100% but not done".
  await expect(page.locator('[data-testid="t-finding"][data-row="6"]')).toHaveCount(1);

  // The button says what it does, and that errors stay.
  await expect(page.getByTestId("fix-all")).toHaveText("Sửa 3 ô an toàn");
  await expect(page.getByTestId("fix-all-hint")).toContainText("còn 2 lỗi");

  // The retyped agency: a warning at its row with the canonical spelling as a safe fix.
  const noncanonical = page.locator('[data-testid="t-kind"][data-code="AGENCY_NONCANONICAL"]');
  await expect(noncanonical).toContainText("Tên đơn vị viết khác danh mục (1)");
  await expect(finding(page, "AGENCY_NONCANONICAL", 9)).toContainText("là cách viết khác của");

  // The old agency typed back: its group renames every row of it at once.
  const rename = page.locator('[data-testid="t-kind"][data-code="AGENCY_SUPERSEDED"]');
  await expect(rename).toContainText(`"Sở Thông tin và Truyền thông" → "${VHTTDL}"`);
  await page.screenshot({ path: join(SHOTS, "kiem-tra-400.png"), fullPage: true });

  // Filter: one agency sees only its own rows.
  const filter = page.getByTestId("t-agency-filter");
  const options = await filter.locator("option").allTextContents();
  expect(options[0]).toMatch(/^Tất cả đơn vị \(\d+\)$/);
  expect(options.some((o) => o.startsWith("Sở Xyz Không Có (1)"))).toBe(true);
  await filter.selectOption("Sở Xyz Không Có");
  await expect(page.getByTestId("t-finding")).toHaveCount(1);
  await expect(page.getByTestId("t-finding")).toHaveAttribute("data-code", "AGENCY_UNKNOWN");
  await filter.selectOption("");
  await expect(page.getByTestId("t-finding").first()).toBeVisible();

  // One click, one new file, every row of the agency renamed.
  const downloading = page.waitForEvent("download");
  await rename.getByTestId("group-fix").click();
  const download = await downloading;
  const fixed = join(TMP, "t1-fixed", download.suggestedFilename());
  await download.saveAs(fixed);
  await expect(page.getByTestId("fix-done")).toContainText("Đổi tất cả 1 ô");
  await expect(page.locator('[data-code="AGENCY_SUPERSEDED"]')).toHaveCount(0);
  const read = JSON.parse(python("read_tracking.py", fixed, "8"));
  expect(read.rows["8"]["Đơn vị chủ trì"]).toBe(VHTTDL);
  expect(read.sheets).toContain("Nhật ký sửa");
});

test("the rollup shows every status its total is made of, as phuluc rollup --json", async ({
  page,
}) => {
  const edited = await editedWorkbook(page, "t2");
  await openInTrackingTab(page, edited);
  // A report date typed the Vietnamese way; the table follows it.
  const date = page.getByTestId("t-report-date");
  await expect(date).toHaveValue(/^\d{2}\/\d{2}\/\d{4}$/);
  await date.fill("15/01/2027");
  const table = page.getByTestId("rollup-table");
  await expect(table.locator("caption")).toContainText("tính đến ngày 15/01/2027");
  await date.fill("31/02/2027");
  await expect(page.getByText("Nhập ngày dạng dd/mm/yyyy")).toBeVisible();
  await date.fill("15/01/2027");

  const heads = await table.locator("thead th").allTextContents();
  expect(heads).toEqual([
    "Đơn vị chủ trì",
    "Tổng",
    "Đúng hạn",
    "Trễ hạn",
    "Chưa rõ ngày",
    "Quá hạn",
    "Đang làm",
    "Chưa đến hạn",
    "Thường xuyên",
    "Không làm",
    "Tỷ lệ",
  ]);
  const cli = spawnSync(
    process.execPath,
    [
      join(REPO_ROOT, "bin", "phuluc.js"),
      "rollup",
      edited,
      "--year",
      "2026",
      "--date",
      "2027-01-15",
      "--json",
    ],
    { encoding: "utf8", cwd: REPO_ROOT }
  );
  expect(cli.status).toBe(0);
  type Counts = Record<string, number | null> & { agency: string; role: string };
  const core = JSON.parse(cli.stdout) as { agencies: Counts[]; province: Counts };
  const FIELDS: [string, string][] = [
    ["total", "total"],
    ["on-time", "done_on_time"],
    ["late", "done_late"],
    ["undated", "done_undated"],
    ["overdue", "overdue"],
    ["in-progress", "in_progress"],
    ["not-due", "not_due"],
    ["no-deadline", "no_deadline"],
    ["not-done", "not_done"],
  ];
  const shown = await table
    .locator('[data-testid="rollup-row"]')
    .evaluateAll(
      (rows, fields) =>
        rows.map((r) => [
          r.getAttribute("data-agency"),
          ...fields.map(([d]) => Number(r.getAttribute(`data-${d}`))),
        ]),
      FIELDS
    );
  expect(shown).toEqual(
    core.agencies
      .filter((a) => a.role === "lead")
      .map((a) => [a.agency, ...FIELDS.map(([, k]) => a[k])])
  );
  // Every row's statuses add up to its total; the retyped agency is not a line of its own.
  for (const [, total, ...parts] of shown as [string, number, ...number[]][])
    expect(parts.reduce((x, y) => x + y, 0)).toBe(total);
  expect(shown.filter((r) => /^SỞ /.test(String(r[0])))).toEqual([]); // row 9, retyped in capitals
  const total = table.getByTestId("rollup-total");
  await expect(total).toHaveAttribute("data-undated", String(core.province.done_undated));
  await page.getByTestId("tracking-rollup").screenshot({ path: join(SHOTS, "tong-hop-400.png") });
});

test("the plan card reads in full at 400 px, no word or number broken", async ({ page }) => {
  const edited = await editedWorkbook(page, "t3");
  await openInTrackingTab(page, edited);
  const card = page.getByTestId("tracking-plan");
  await card.screenshot({ path: join(SHOTS, "the-ke-hoach-400.png") });
  const title = page.getByTestId("tracking-plan-title");
  // Not cut: the whole title's height is shown.
  expect(
    await title.evaluate((el) => el.scrollHeight <= el.clientHeight + 1 && el.textContent!.length)
  ).toBeGreaterThan(40);
  // Every word sits on one line (a word broken mid-way has two boxes).
  const broken = await card.evaluate((root) => {
    const out: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent ?? "";
      for (const m of text.matchAll(/\S+/g)) {
        const r = document.createRange();
        r.setStart(n, m.index!);
        r.setEnd(n, m.index! + m[0].length);
        const lines = new Set([...r.getClientRects()].map((b) => Math.round(b.top)));
        if (lines.size > 1) out.push(m[0]);
      }
    }
    return out;
  });
  expect(broken).toEqual([]);
});

test("roll-over: open errors listed, focus back on cancel, the pane moves on to the new year", async ({
  page,
}) => {
  const edited = await editedWorkbook(page, "t4");
  await openInTrackingTab(page, edited);
  const opener = page.getByTestId("rollover");
  await opener.click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog.getByTestId("rollover-errors")).toContainText("còn 2 lỗi");
  await expect(dialog.getByTestId("rollover-errors")).toContainText("vĩnh viễn, nên sửa trước");
  await expect(dialog.getByTestId("rollover-errors")).not.toContainText("nên nên");
  await expect(dialog.getByTestId("rollover-error")).toHaveCount(2);
  await expect(dialog).toContainText("giữ nguyên: nhiệm vụ đã xong hẳn");
  await page.screenshot({ path: join(SHOTS, "chuyen-nam-400.png") });
  await dialog.getByRole("button", { name: "Hủy" }).click();
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  await opener.click();
  const downloading = page.waitForEvent("download");
  await dialog.getByRole("button", { name: "Vẫn chuyển sang năm 2027" }).click();
  await downloading;
  const rolled = page.getByTestId("rolled");
  await expect(rolled).toContainText("dòng giữ nguyên (đã xong hẳn");
  await expect(rolled).toContainText("nay là năm 2027");
  await expect(page.getByTestId("rolled-focus")).toBeFocused();
  await expect(page.getByTestId("tracking-plan-meta")).toContainText("năm báo cáo 2027");
  await expect(page.getByTestId("t-report-year")).toHaveValue("2027");
  await expect(page.getByTestId("t-report-date")).toHaveValue("31/12/2027");
});

test("the import preview shows who the superseded agencies' rows go to, before writing", async ({
  page,
}) => {
  await openPane(page);
  await page.getByTestId("file-input").setInputFiles(FIXTURE_DOCX);
  await expect(page.getByTestId("counts")).toHaveText("5 nhóm, 29 nhiệm vụ");
  await page.getByTestId("report-year").fill("2026");
  await page.getByTestId("report-date").fill("21/11/2026");
  const preview = page.getByTestId("successor-preview");
  await expect(preview).toContainText(
    "Sở Thông tin và Truyền thông → Sở Văn hóa, Thể thao và Du lịch (lĩnh vực thông tin đối ngoại)"
  );
  await expect(preview).toContainText("UBND các huyện, thành phố → UBND các xã, phường");
  await preview.screenshot({ path: join(SHOTS, "don-vi-ke-thua-400.png") });
  // In 2024 the plan's agencies still exist: nothing to map.
  await page.getByTestId("report-year").fill("2024");
  await page.getByTestId("report-date").fill("15/12/2024");
  await expect(preview).toHaveCount(0);
});
