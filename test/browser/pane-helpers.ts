/** Shared helpers for the task-pane browser tests. */
import { Page, expect } from "@playwright/test";
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
    if (msg.type() === "error") seen.errors.push(msg.text());
  });
  page.on("pageerror", (err) => seen.errors.push(String(err)));
  return seen;
}

/** Opens the pane and waits for file mode (Office.js' CDN is unreachable here). Returns ms taken. */
export async function openPane(page: Page): Promise<number> {
  const started = Date.now();
  await page.goto("/taskpane.html", { waitUntil: "commit" });
  await expect(page.getByTestId("file-mode-banner")).toBeVisible({ timeout: 3000 });
  return Date.now() - started;
}

/** Errors that are expected in file mode: the Office.js CDN cannot be reached from this machine. */
export function unexpectedErrors(errors: string[]): string[] {
  return errors.filter(
    (e) =>
      !/appsforoffice\.microsoft\.com|ERR_NAME_NOT_RESOLVED|ERR_INTERNET_DISCONNECTED|ERR_CONNECTION|Failed to load resource/.test(
        e
      )
  );
}
