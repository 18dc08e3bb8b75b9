/**
 * The offline page (dist/phuluc.html, written by `npm run build`), opened as an officer would:
 * from disk (file://), with every network request blocked. It must import the Lâm Đồng plan,
 * give a tracking workbook that openpyxl reads, and check that workbook in the "Theo dõi" tab:
 * all of file mode from ONE file, no request leaving the page.
 */
import { test, expect } from "@playwright/test";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { FIXTURE_DOCX, REPO_ROOT, unexpectedErrors, watchPage } from "./pane-helpers";

const PAGE = join(REPO_ROOT, "dist", "phuluc.html");
const TMP = join(REPO_ROOT, ".tmp", "offline");
mkdirSync(TMP, { recursive: true });

test("dist/phuluc.html from file:// with the network blocked: import, download, check", async ({
  page,
}) => {
  expect(existsSync(PAGE)).toBe(true);
  const html = readFileSync(PAGE, "utf8");
  // One file: no script, style, font or image fetched from anywhere.
  expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+rel="stylesheet"|url\(http|src="http/);
  expect(html).toContain("connect-src 'none'");

  const requests: string[] = [];
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file:")) return route.continue();
    requests.push(url);
    return route.abort();
  });
  page.on("request", (r) => {
    if (!/^(file|data|blob):/.test(r.url())) requests.push(r.url());
  });
  const seen = await watchPage(page);
  await page.goto(pathToFileURL(PAGE).href);
  await expect(page.getByTestId("file-mode-banner")).toBeVisible({ timeout: 5000 });

  await page.getByTestId("file-input").setInputFiles(FIXTURE_DOCX);
  await expect(page.getByTestId("counts")).toHaveText("5 nhóm, 29 nhiệm vụ");
  const downloading = page.waitForEvent("download");
  await page.getByTestId("confirm").click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("theo-doi-4784-KH-UBND.xlsx");
  const saved = join(TMP, download.suggestedFilename());
  await download.saveAs(saved);

  // Independent reader: openpyxl, not the exceljs that wrote the file.
  const py = spawnSync("/usr/bin/python3", [join(__dirname, "check_workbook.py"), saved], {
    encoding: "utf8",
  });
  expect(py.stderr).toBe("");
  const summary = JSON.parse(py.stdout);
  expect(summary.sheets).toEqual(
    expect.arrayContaining(["Thông tin", "Nhiệm vụ", "Đơn vị", "Tổng hợp"])
  );
  expect(summary.taskRows).toBeGreaterThanOrEqual(29);
  expect(summary.leadsByStt["4.3"]).toEqual(
    expect.arrayContaining(["Công an tỉnh", "Bộ Chỉ huy quân sự tỉnh"])
  );

  // The tracking check of file mode, on the workbook just made.
  await page.getByRole("tab", { name: "Theo dõi" }).click();
  await page.getByTestId("tracking-file-input").setInputFiles(saved);
  await expect(page.getByTestId("tracking-plan")).toContainText("4784/KH-UBND");
  await expect(page.getByTestId("t-report-year")).toHaveValue("2026");
  await page.getByRole("button", { name: "Kiểm tra", exact: true }).click();
  // A workbook fresh from the plan has nothing to fix: the check says so.
  await expect(page.getByTestId("t-counts")).toHaveText("Không có lỗi hay cảnh báo nào.");

  expect(requests).toEqual([]);
  expect(seen.csp).toEqual([]);
  expect(unexpectedErrors(seen.errors)).toEqual([]);
});

test("plans the readers refuse: their own message in the pane, not 'unexpected error'", async ({
  page,
}) => {
  await page.goto(pathToFileURL(PAGE).href);
  await expect(page.getByTestId("file-mode-banner")).toBeVisible({ timeout: 5000 });
  // An OLE2 file (Word 97 written by LibreOffice) saved under an .xls name: a legacy workbook.
  const ole2 = readFileSync(join(REPO_ROOT, "test", "fixtures", "import", "legacy.doc"));
  await page.getByTestId("file-input").setInputFiles({
    name: "ke-hoach.xls",
    mimeType: "application/vnd.ms-excel",
    buffer: ole2,
  });
  const bar = page.getByTestId("error-bar");
  await expect(bar).toContainText('"ke-hoach.xls" có định dạng Excel cũ (.xls)');
  await expect(bar).not.toContainText("không mong muốn");
  await page.getByTestId("file-input").setInputFiles({
    name: "ke-hoach.doc",
    mimeType: "application/msword",
    buffer: ole2,
  });
  await expect(bar).toContainText('"ke-hoach.doc" là định dạng Word cũ (.doc)');
});
