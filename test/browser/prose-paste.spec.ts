/**
 * The pane in file mode: a table pasted from Word keeps its cells (the paste event's
 * text/html is read, not its text/plain), and a plan that assigns its tasks in prose is
 * previewed as such, corrected by the officer, and written with its requests marked.
 * The downloaded workbooks are read back with openpyxl.
 */
import { test, expect, type Page } from "@playwright/test";
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT, openPane, unexpectedErrors, watchPage } from "./pane-helpers";

const TMP = join(__dirname, "..", "..", ".tmp");
mkdirSync(TMP, { recursive: true });
const FIXTURES = join(REPO_ROOT, "test", "fixtures", "html");
const SEED_DONG_NAI = join(REPO_ROOT, "..", "shared", "seeds", "000_154b8362fb7d49e0.txt");

/** The task sheet's rows as openpyxl reads them: {header: value} per row. */
function taskSheet(file: string): Record<string, string | null>[] {
  const script = `
import sys, json, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Nhiệm vụ"]
head = [c.value for c in ws[1]]
rows = [dict(zip(head, [c if c is None or isinstance(c, str) else str(c) for c in r]))
        for r in ws.iter_rows(min_row=2, values_only=True) if r[0]]
print(json.dumps(rows, ensure_ascii=False))`;
  const py = spawnSync("/usr/bin/python3", ["-c", script, file], { encoding: "utf8" });
  expect(py.stderr).toBe("");
  return JSON.parse(py.stdout);
}

/** Pastes as Word does: one paste event carrying both text/html and text/plain. */
async function pasteInto(page: Page, html: string, text: string): Promise<void> {
  const box = page.getByTestId("paste-text");
  await box.focus();
  await box.evaluate(
    (el, data) => {
      const transfer = new DataTransfer();
      transfer.setData("text/html", data.html);
      transfer.setData("text/plain", data.text);
      el.dispatchEvent(
        new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true })
      );
    },
    { html, text }
  );
}

async function download(page: Page, name: string): Promise<string> {
  const pending = page.waitForEvent("download");
  await page.getByTestId("confirm").click();
  const file = join(TMP, name);
  await (await pending).saveAs(file);
  return file;
}

test("a table pasted from Word keeps its cells: the bullet row is two tasks", async ({ page }) => {
  const seen = await watchPage(page);
  await openPane(page);
  const html = readFileSync(join(FIXTURES, "word-clipboard.html"), "utf8");
  const text = readFileSync(join(FIXTURES, "word-clipboard.txt"), "utf8");
  await pasteInto(page, html, text);
  await expect(page.getByTestId("paste-html-note")).toBeVisible();
  await expect(page.getByTestId("paste-text")).toHaveValue(text);
  await page.getByTestId("read-text").click();

  await expect(page.getByTestId("counts")).toHaveText("0 nhóm, 3 nhiệm vụ");
  await expect(page.getByTestId("plan-info")).toContainText("90/KH-UBND");
  await expect(page.locator('[data-key="T1b"]')).toContainText("Sở Thông tin và Truyền thông");
  // A table without group rows: one line says so, not one per task.
  await expect(page.locator('[data-action="no-groups"]')).toHaveCount(1);
  await page.screenshot({ path: join(TMP, "pane-paste-html.png"), fullPage: true });

  const rows = taskSheet(await download(page, "paste-html.xlsx"));
  // "Các đơn vị chủ trì" keeps the plan's leads ("Đơn vị chủ trì" holds today's agencies).
  expect(
    rows.map((r) => [r["Mã nhiệm vụ"], r["Các đơn vị chủ trì"], r["Thời gian thực hiện"]])
  ).toEqual([
    ["T1a", "Sở Văn hóa, Thể thao và Du lịch", "Quý III/2025"],
    ["T1b", "Sở Thông tin và Truyền thông", "Hằng năm"],
    ["T2", "Sở Tài chính; Sở Nội vụ; Công an tỉnh", "2025 – 2030"],
    ["T2", "Sở Tài chính; Sở Nội vụ; Công an tỉnh", "2025 – 2030"],
    ["T2", "Sở Tài chính; Sở Nội vụ; Công an tỉnh", "2025 – 2030"],
  ]);
  expect(rows.filter((r) => r["Mã nhiệm vụ"] === "T2").map((r) => r["Đơn vị chủ trì"])).toEqual([
    "Sở Tài chính",
    "Sở Nội vụ",
    "Công an tỉnh",
  ]);
  expect(seen.csp).toEqual([]);
  expect(unexpectedErrors(seen.errors)).toEqual([]);
});

test("a prose plan: previewed as read from prose, corrected, written with its request", async ({
  page,
}) => {
  const seen = await watchPage(page);
  await openPane(page);
  await page.getByTestId("paste-text").fill(readFileSync(SEED_DONG_NAI, "utf8"));
  await page.getByTestId("read-text").click();

  await expect(page.getByTestId("counts")).toHaveText("11 nhóm, 26 nhiệm vụ");
  await expect(page.getByTestId("prose-banner")).toContainText("IV. TỔ CHỨC THỰC HIỆN");
  await page.getByTestId("toggle-groups").click();
  await expect(page.locator('[data-key="T11.1"]').getByTestId("request-badge")).toBeVisible();

  const task = page.locator('[data-key="T3.1"]');
  await task.getByTestId("edit-task").click();
  const dialog = page.getByTestId("task-edit");
  await expect(dialog.getByTestId("edit-lead")).toHaveValue("Sở Ngoại vụ");
  await dialog.getByTestId("edit-partners").fill("Sở Nội vụ");
  await dialog.getByTestId("edit-time").fill("Quý III/2025");
  await page.screenshot({ path: join(TMP, "pane-prose-edit.png") });
  await page.getByTestId("edit-save").click();
  await expect(task).toContainText("Quý III/2025");
  await expect(task).toContainText("Sở Nội vụ");
  await expect(page.getByTestId("live-status")).toContainText("Đã sửa nhiệm vụ 3.1");

  await page.locator('[data-key="T4.1"]').getByTestId("edit-task").click();
  await page.getByTestId("edit-remove").click();
  await expect(page.getByTestId("counts")).toHaveText("11 nhóm, 25 nhiệm vụ");

  const rows = taskSheet(await download(page, "prose.xlsx"));
  const byKey = (key: string) => rows.filter((r) => r["Mã nhiệm vụ"] === key);
  expect(byKey("T11.1").map((r) => [r["Các đơn vị chủ trì"], r["Loại nhiệm vụ"]])).toEqual([
    ["Ban Tuyên giáo Tỉnh ủy", "Đề nghị"],
  ]);
  expect(byKey("T3.1").map((r) => [r["Thời gian thực hiện"], r["Đơn vị phối hợp"]])).toEqual([
    ["Quý III/2025", "Sở Nội vụ"],
  ]);
  expect(byKey("T4.1")).toEqual([]);
  expect(byKey("T1.1")[0]["Loại nhiệm vụ"]).toBe("Giao thực hiện");
  expect(seen.csp).toEqual([]);
  expect(unexpectedErrors(seen.errors)).toEqual([]);
});
