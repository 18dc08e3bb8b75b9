/** Helpers of the "Theo dõi" browser tests: a workbook made by the pane, edited by openpyxl. */
import { expect, Page } from "@playwright/test";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { FIXTURE_DOCX, REPO_ROOT, saveDownload } from "./pane-helpers";

export const TMP = join(REPO_ROOT, ".tmp", "tracking");
mkdirSync(TMP, { recursive: true });
export const PY = "/usr/bin/python3";

export const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

export function python(script: string, ...args: string[]): string {
  const out = spawnSync(PY, [join(__dirname, script), ...args], { encoding: "utf8" });
  expect(out.stderr).toBe("");
  expect(out.status).toBe(0);
  return out.stdout;
}

/** Imports the plan in the first tab and downloads its tracking workbook into `dir`. */
export async function makeTrackingWorkbook(page: Page, dir: string): Promise<string> {
  await page.getByTestId("file-input").setInputFiles(FIXTURE_DOCX);
  await expect(page.getByTestId("counts")).toHaveText("5 nhóm, 29 nhiệm vụ");
  const downloading = page.waitForEvent("download");
  await page.getByTestId("confirm").click();
  const download = await downloading;
  mkdirSync(dir, { recursive: true });
  const saved = join(dir, download.suggestedFilename());
  await download.saveAs(saved);
  return saved;
}

/** The edited copy keeps the generated name (so the fixed one is "…-da-sua.xlsx"). */
export function editedCopy(generated: string, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const edited = join(dir, "theo-doi-4784-KH-UBND.xlsx");
  python("edit_tracking.py", generated, edited);
  return edited;
}

export async function openInTrackingTab(page: Page, file: string) {
  await page.getByRole("tab", { name: "Theo dõi" }).click();
  await expect(page.getByTestId("open-tracking")).toBeVisible();
  await page.getByTestId("tracking-file-input").setInputFiles(file);
  await expect(page.getByTestId("tracking-plan")).toContainText("4784/KH-UBND");
}

/** Opens `file` in "Theo dõi" and saves the agencies' files, one .zip, under `dir` (with the
 * deadline typed first, when given). */
export async function distributeZip(page: Page, file: string, dir: string, deadline?: string) {
  await openInTrackingTab(page, file);
  await expect(page.getByTestId("exchange")).toBeVisible();
  if (deadline) await page.getByTestId("x-deadline").fill(deadline);
  return saveDownload(page, () => page.getByTestId("x-distribute").click(), dir);
}

export const finding = (page: Page, code: string, row: number) =>
  page.locator(`[data-testid="t-finding"][data-code="${code}"][data-row="${row}"]`);
