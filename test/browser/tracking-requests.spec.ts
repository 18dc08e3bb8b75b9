/**
 * The "Theo dõi" tab's rollup shows requests apart: a prose plan (Đồng Nai seed) with a "Đề
 * nghị …" heading, imported by the CLI, opened in file mode. The requests table lists the
 * requested bodies with their own counts, labelled, and they are not in the agency table nor
 * in "Toàn tỉnh". Expected rows come from openpyxl reading "Loại nhiệm vụ" on the task sheet.
 */
import { test, expect } from "@playwright/test";
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT, openPane, unexpectedErrors, watchPage } from "./pane-helpers";

const TMP = join(REPO_ROOT, ".tmp", "requests");
mkdirSync(TMP, { recursive: true });
const SEED_DONG_NAI = join(REPO_ROOT, "..", "shared", "seeds", "000_154b8362fb7d49e0.txt");

const READ_KINDS = `
import sys, json, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Nhiệm vụ"]
head = {c.value: c.column - 1 for c in ws[1]}
rows = [r for r in ws.iter_rows(min_row=2, values_only=True) if r[0]]
req = [r[head["Đơn vị chủ trì"]] for r in rows if r[head["Loại nhiệm vụ"]] == "Đề nghị"]
print(json.dumps({"requests": req, "rows": len(rows)}))
`;

test("the rollup lists requests apart, labelled, outside 'Toàn tỉnh'", async ({ page }) => {
  const seen = await watchPage(page);
  const wb = join(TMP, "dong-nai.xlsx");
  const made = spawnSync(
    process.execPath,
    [join(REPO_ROOT, "bin", "phuluc.js"), "import", SEED_DONG_NAI, "-o", wb].concat([
      "--year",
      "2026",
      "--date",
      "2026-11-21",
      "--force",
    ]),
    { encoding: "utf8", cwd: REPO_ROOT }
  );
  expect(made.status).toBe(0);
  const py = spawnSync("/usr/bin/python3", ["-c", READ_KINDS, wb], { encoding: "utf8" });
  expect(py.stderr).toBe("");
  const kinds = JSON.parse(py.stdout) as { requests: string[]; rows: number };
  expect(kinds.requests.length).toBeGreaterThan(0);

  await openPane(page);
  await page.getByRole("tab", { name: "Theo dõi" }).click();
  await page.getByTestId("tracking-file-input").setInputFiles(wb);
  await expect(page.getByTestId("tracking-plan")).toContainText("281/KH-UBND");

  const requests = page.getByTestId("rollup-requests");
  await expect(requests).toBeVisible();
  await expect(requests.locator("caption")).toContainText("Đề nghị");
  await expect(requests.locator("caption")).toContainText("không cộng vào Toàn tỉnh");
  const names = await requests
    .getByTestId("rollup-request-row")
    .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-agency")));
  expect(names.sort()).toEqual([...new Set(kinds.requests)].sort());
  const reqTotal = requests.getByTestId("rollup-request-total");
  await expect(reqTotal).toHaveAttribute("data-total", String(kinds.requests.length));

  // Not in the agency table, and "Toàn tỉnh" is the agencies' rows without them.
  const main = page.getByTestId("rollup-table");
  await expect(main.locator("caption")).toContainText("không gồm các đề nghị");
  const mainRows = await main
    .getByTestId("rollup-row")
    .evaluateAll((rows) =>
      rows.map((r) => [r.getAttribute("data-agency"), Number(r.getAttribute("data-total"))])
    );
  for (const n of names) expect(mainRows.map((r) => r[0])).not.toContain(n);
  const province = Number(await main.getByTestId("rollup-total").getAttribute("data-total"));
  expect(province).toBe(kinds.rows - kinds.requests.length);
  await page.screenshot({ path: join(TMP, "pane-rollup-requests.png"), fullPage: true });
  expect(unexpectedErrors(seen.errors)).toEqual([]);
});
