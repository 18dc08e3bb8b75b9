/** Shared helpers for the task-pane browser tests. */
import { Page, expect } from "@playwright/test";
import { mkdirSync } from "node:fs";
import path from "node:path";

/** The repository's root (test/browser/ → ../..); shared/ sits beside it, on every machine. */
export const REPO_ROOT = path.resolve(__dirname, "..", "..");
export const FIXTURE_DOCX = path.resolve(
  REPO_ROOT,
  "..",
  "shared",
  "fixtures",
  "lam-dong-4784-ke-hoach.docx"
);

/** Records CSP violations and console errors from the very first script of the page. */
export async function watchPage(page: Page): Promise<{ csp: string[]; errors: string[] }> {
  const seen = { csp: [] as string[], errors: [] as string[] };
  await page.exposeFunction("__reportCsp", (text: string) => seen.csp.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as { __reportCsp: (t: string) => void }).__reportCsp(
        `${e.violatedDirective} ${e.blockedURI}`
      )
    );
  });
  page.on("console", (msg) => {
    // Chromium's "Failed to load resource" names no URL in its text: keep the location's URL,
    // so that only the Office CDN's failures are forgiven (a 404 of our own chunk is not).
    if (msg.type() === "error") seen.errors.push(`${msg.text()} @ ${msg.location().url}`);
  });
  page.on("pageerror", (err) => seen.errors.push(String(err)));
  return seen;
}

/**
 * Opens the pane and waits for file mode (Office.js' CDN is unreachable here). Returns the ms
 * taken, for information only: speed is measured in the bench, never asserted in a test.
 */
export async function openPane(page: Page): Promise<number> {
  const started = Date.now();
  await page.goto("/taskpane.html", { waitUntil: "commit" });
  await expect(page.getByTestId("file-mode-banner")).toBeVisible();
  return Date.now() - started;
}

/**
 * The pane ready for the keyboard: the page loaded, the tab list drawn and the lazy paste box in
 * place. A Tab pressed earlier, on a loaded machine, lands before these exist and goes elsewhere.
 */
export async function openPaneForKeyboard(page: Page): Promise<void> {
  await openPane(page);
  await page.waitForLoadState("load");
  await expect(page.getByRole("tablist")).toBeVisible();
  await expect(
    page.getByRole("textbox", {
      name: "Hoặc dán nội dung phụ lục (sao chép từ Word, Excel hoặc trang web)",
    })
  ).toBeVisible();
}

/** The one failure expected in file mode: the Office.js CDN cannot be reached from this machine. */
const OFFICE_CDN = /^https:\/\/appsforoffice\.microsoft\.com\//;

/** Console errors other than the Office CDN's: anything else (our own chunk's 404 included) fails. */
export function unexpectedErrors(errors: string[]): string[] {
  return errors.filter((e) => {
    const at = e.lastIndexOf(" @ ");
    const url = at >= 0 ? e.slice(at + 3) : "";
    return !(OFFICE_CDN.test(url) || /appsforoffice\.microsoft\.com/.test(e.slice(0, at)));
  });
}

/** Clicks what starts a download and saves the file under `dir` with the name the pane gave it. */
export async function saveDownload(
  page: Page,
  click: () => Promise<void>,
  dir: string
): Promise<string> {
  const downloading = page.waitForEvent("download");
  await click();
  const d = await downloading;
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, d.suggestedFilename());
  await d.saveAs(file);
  return file;
}
