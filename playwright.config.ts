/**
 * Browser tests of the task pane in FILE MODE (no Excel here): the production build served by
 * scripts/start.mjs (same server and CSP header as `npm start`), in Debian's Chromium.
 * Office.js' CDN is unreachable on this machine, which is exactly the file-mode path.
 * Never `npx playwright install`: the system browser is used.
 */
import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.PHULUC_TEST_PORT || 3123);

export default defineConfig({
  testDir: "test/browser",
  outputDir: ".tmp/test-results",
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    browserName: "chromium",
    headless: true,
    // A narrow task pane, as Excel shows it.
    viewport: { width: 380, height: 900 },
    locale: "vi-VN",
    acceptDownloads: true,
    launchOptions: {
      executablePath: process.env.PHULUC_CHROMIUM || "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    // Builds production first when dist/ is missing or older than the sources (npm run build).
    command: `node scripts/start.mjs --port ${PORT}`,
    url: `http://localhost:${PORT}/taskpane.html`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
  },
});
