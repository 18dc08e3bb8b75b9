/**
 * The pane end to end in file mode: open quickly without Office, read the Lâm Đồng plan
 * (.docx), preview it, create the tracking workbook and check the downloaded .xlsx with an
 * independent reader (python + openpyxl). Also pasted text and findings → task navigation.
 */
import { test, expect } from "@playwright/test";
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { FIXTURE_DOCX, openPane, unexpectedErrors, watchPage } from "./pane-helpers";

const TMP = join(__dirname, "..", "..", ".tmp");
mkdirSync(TMP, { recursive: true });

test("starts in file mode when Office.js cannot load", async ({ page }) => {
  const seen = await watchPage(page);
  const ms = await openPane(page);
  test.info().annotations.push({ type: "file-mode-ms", description: String(ms) });
  await expect(page.getByTestId("use-selection")).toBeDisabled();
  await expect(page.getByRole("heading", { level: 1, name: "Phụ Lục" })).toBeVisible();
  expect(seen.csp).toEqual([]);
  expect(unexpectedErrors(seen.errors)).toEqual([]);
});

test("imports the Lâm Đồng .docx, previews 5 groups / 29 tasks, downloads a valid workbook", async ({
  page,
}) => {
  const seen = await watchPage(page);
  await openPane(page);

  await page.getByTestId("file-input").setInputFiles(FIXTURE_DOCX);
  await expect(page.getByTestId("counts")).toHaveText("5 nhóm, 29 nhiệm vụ");
  await expect(page.getByTestId("group")).toHaveCount(5);
  // A long plan starts with its groups closed: the preview is a short list of groups.
  await expect(page.getByTestId("task-row")).toHaveCount(0);
  await page.getByTestId("preview").scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(TMP, "pane.png") });
  await page.getByRole("button", { name: "Mở tất cả nhóm" }).click();
  await expect(page.getByTestId("task-row")).toHaveCount(29);
  const info = page.getByTestId("plan-info");
  await expect(info).toContainText("4784/KH-UBND");
  await expect(info).toContainText("13/06/2024");
  await expect(info).toContainText("UBND tỉnh Lâm Đồng");
  await expect(info).toContainText("2024 – 2030");
  const task43 = page.locator('[data-key="T4.3"]');
  await expect(task43).toContainText("Công an tỉnh");
  await expect(task43).toContainText("Bộ Chỉ huy quân sự tỉnh");
  await expect(page.getByTestId("live-status")).toContainText("5 nhóm, 29 nhiệm vụ");

  await task43.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(TMP, "pane-tasks.png") });

  const downloadPromise = page.waitForEvent("download");
  await page.getByTestId("confirm").click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe("theo-doi-4784-KH-UBND.xlsx");
  const saved = join(TMP, download.suggestedFilename());
  await download.saveAs(saved);
  await expect(page.getByTestId("download-link")).toHaveAttribute(
    "download",
    "theo-doi-4784-KH-UBND.xlsx"
  );
  expect(readFileSync(saved).subarray(0, 2).toString()).toBe("PK");

  await page.getByTestId("download-ready").scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(TMP, "pane-confirm.png") });

  // Independent reader: openpyxl, not the exceljs that wrote the file.
  const py = spawnSync("/usr/bin/python3", [join(__dirname, "check_workbook.py"), saved], {
    encoding: "utf8",
  });
  expect(py.stderr).toBe("");
  const summary = JSON.parse(py.stdout);
  expect(summary.sheets).toEqual(
    expect.arrayContaining(["Thông tin", "Nhiệm vụ", "Đơn vị", "Tổng hợp"])
  );
  expect(summary.taskHeader).toEqual(
    expect.arrayContaining([
      "Mã nhiệm vụ",
      "STT",
      "Nhiệm vụ",
      "Đơn vị chủ trì",
      "Đơn vị phối hợp",
      "Thời gian thực hiện",
      "Trạng thái",
    ])
  );
  expect(summary.taskRows).toBeGreaterThanOrEqual(29);
  expect(summary.leadsByStt["4.3"]).toEqual(
    expect.arrayContaining(["Công an tỉnh", "Bộ Chỉ huy quân sự tỉnh"])
  );

  // The whole path ran under the CSP: no eval in exceljs/jszip, blob download allowed.
  expect(seen.csp).toEqual([]);
  expect(unexpectedErrors(seen.errors)).toEqual([]);
});

test("reads pasted text; a finding leads to its task", async ({ page }) => {
  const seen = await watchPage(page);
  await openPane(page);
  const text = readFileSync(join(__dirname, "paste-sample.txt"), "utf8");
  await page.getByLabel("Hoặc dán nội dung phụ lục", { exact: false }).fill(text);
  await page.getByRole("button", { name: "Đọc văn bản đã dán" }).click();

  await expect(page.getByTestId("counts")).toHaveText("2 nhóm, 4 nhiệm vụ");
  await expect(page.getByTestId("plan-info")).toContainText("12/KH-UBND");
  const findings = page.getByTestId("import-findings");
  await expect(findings).toBeVisible();

  const unknownAgency = findings.getByRole("button", { name: /Cảnh báo: .*Sở Xyz Không Có/ });
  await unknownAgency.click();
  const task = page.locator('[data-key="T2.2"]');
  await expect(task).toHaveAttribute("aria-current", "true");
  await expect(task).toBeFocused();
  expect(seen.csp).toEqual([]);
});

test("shows the Vietnamese error for an unreadable file, with nothing created", async ({
  page,
}) => {
  await openPane(page);
  await page.getByTestId("file-input").setInputFiles({
    name: "hong.docx",
    mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    buffer: Buffer.from("PK\u0003\u0004 not really a zip"),
  });
  const bar = page.getByTestId("error-bar");
  await expect(bar).toBeVisible();
  await expect(bar).toContainText("Không đọc được kế hoạch");
  await expect(page.getByTestId("preview")).toHaveCount(0);
  await expect(page.getByTestId("confirm")).toHaveCount(0);
});

test("a failed load of the pane's own resource is not forgiven as the Office CDN's", async ({
  page,
}) => {
  const seen = await watchPage(page);
  await openPane(page);
  await page.evaluate(async () => {
    const img = document.createElement("img");
    const done = new Promise((resolve) => (img.onerror = resolve));
    img.src = "/khong-co-tep-nay.png";
    document.body.appendChild(img);
    await done;
  });
  await expect.poll(() => unexpectedErrors(seen.errors).join("\n")).toContain("khong-co-tep-nay");
});
