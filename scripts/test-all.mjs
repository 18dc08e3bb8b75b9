#!/usr/bin/env node
// `npm test`: every tier this machine can run, loudly naming what it skipped.
// With CI=true nothing may be skipped: a missing tool is a failure.
// Ends with one line "tests: N passed, N failed, N skipped" that CI reads.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ci = process.env.CI === "true";
const tmp = path.join(root, ".tmp");
mkdirSync(tmp, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const skippedTiers = [];
const failedSteps = [];

function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label}: ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  const ok = r.status === 0;
  if (!ok) failedSteps.push(label);
  return ok;
}

/** A check that is not a test file (typecheck, lint, manifest, build) counts as one test. */
function check(label, cmd, args, env) {
  const ok = run(label, cmd, args, env);
  totals[ok ? "passed" : "failed"] += 1;
  return ok;
}

/** How many tests a jest project holds, without running any (a name pattern nothing matches). */
function countJestTests(project) {
  const out = path.join(tmp, `jest-${project}-count.json`);
  rmSync(out, { force: true });
  spawnSync(
    process.execPath,
    [
      "node_modules/jest/bin/jest.js",
      "--selectProjects",
      project,
      "--testNamePattern",
      "^phuluc: no test has this name$",
      "--json",
      `--outputFile=${out}`,
    ],
    { cwd: root, stdio: "ignore" }
  );
  if (!existsSync(out)) return 1;
  return Math.max(1, JSON.parse(readFileSync(out, "utf8")).numTotalTests);
}

/** How many browser tests Playwright would run (`--list` runs none and starts no server). */
function countBrowserTests() {
  const r = spawnSync(
    process.execPath,
    ["node_modules/@playwright/test/cli.js", "test", "--list", "--reporter=json"],
    { cwd: root, encoding: "utf8" }
  );
  try {
    const suites = JSON.parse(r.stdout).suites ?? [];
    const count = (s) =>
      (s.specs ?? []).reduce((n, sp) => n + (sp.tests?.length ?? 1), 0) +
      (s.suites ?? []).reduce((n, c) => n + count(c), 0);
    return Math.max(
      1,
      suites.reduce((n, s) => n + count(s), 0)
    );
  } catch {
    return 1;
  }
}

function has(cmd, args = ["--version"]) {
  const r = spawnSync(cmd, args, { stdio: "ignore" });
  return r.status === 0;
}

/**
 * A tier this machine cannot run: its tests are counted as skipped (listed without running), so
 * the closing line never says "0 skipped" when a whole tier did not run.
 */
function skipTier(name, why, count = 1) {
  totals.skipped += count;
  const msg = `!!! SKIPPED: ${name} (${count} test${count === 1 ? "" : "s"}) — ${why}`;
  console.log(`\n${"!".repeat(msg.length)}\n${msg}\n${"!".repeat(msg.length)}`);
  skippedTiers.push(`${name} (${why})`);
  if (ci) failedSteps.push(`${name} skipped in CI`);
}

function jest(project) {
  const out = path.join(tmp, `jest-${project}.json`);
  rmSync(out, { force: true });
  const args = [
    "node_modules/jest/bin/jest.js",
    "--selectProjects",
    project,
    "--json",
    `--outputFile=${out}`,
  ];
  if (project === "integration") args.push("--runInBand");
  run(`jest ${project}`, process.execPath, args);
  if (!existsSync(out)) {
    totals.failed += 1;
    return;
  }
  const r = JSON.parse(readFileSync(out, "utf8"));
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests + (r.numRuntimeErrorTestSuites || 0);
  totals.skipped += r.numPendingTests + (r.numTodoTests || 0);
  if (r.numTotalTests === 0) failedSteps.push(`jest ${project} ran no test`);
}

// --- What this machine has ---------------------------------------------------------------
const tools = {
  soffice: has("soffice", ["--version"]),
  python: has("/usr/bin/python3", ["-c", "import openpyxl, docx"]),
  xmllint: has("xmllint", ["--version"]),
  chromium: existsSync("/usr/bin/chromium"),
  pdftotext: has("pdftotext", ["-v"]),
};
console.log("Công cụ có trên máy:", JSON.stringify(tools));

// --- Static checks --------------------------------------------------------------------------
check("typecheck", process.execPath, [
  "node_modules/typescript/bin/tsc",
  "--noEmit",
  "-p",
  "tsconfig.json",
]);
// noUncheckedIndexedAccess on all of src/ (tsconfig.strict-index.json).
check("typecheck (index access)", process.execPath, [
  "node_modules/typescript/bin/tsc",
  "--noEmit",
  "-p",
  "tsconfig.strict-index.json",
]);
check("lint", "npm", ["run", "--silent", "lint"]);
if (tools.xmllint) check("manifest", process.execPath, ["scripts/validate-manifest.mjs"]);
else skipTier("manifest validation", "xmllint not installed (apt-get install libxml2-utils)");

// --- Unit, then the slow unit files (*.slow.test.ts: minutes on a busy machine) --------------
jest("unit");
jest("slow");

// --- Component: the pane's React parts in jsdom (Excel mode on the Office fake) ---------------
jest("component");

// --- Integration: real files through renderers, CLI, LibreOffice, openpyxl -----------------
const missingIntegration = ["soffice", "python", "pdftotext"].filter((t) => !tools[t]);
if (missingIntegration.length === 0) jest("integration");
else
  skipTier(
    "integration tests",
    `missing ${missingIntegration.join(", ")} (run: bash .ci/install-system-deps)`,
    countJestTests("integration")
  );

// --- Browser: Playwright + Debian chromium on the production build -------------------------
if (check("build", "npm", ["run", "--silent", "build"])) {
  if (tools.chromium && tools.python) {
    const out = path.join(tmp, "playwright.json");
    rmSync(out, { force: true });
    run(
      "browser tests",
      process.execPath,
      ["node_modules/@playwright/test/cli.js", "test", "--reporter=list,json"],
      {
        PLAYWRIGHT_JSON_OUTPUT_NAME: out,
      }
    );
    if (existsSync(out)) {
      const s = JSON.parse(readFileSync(out, "utf8")).stats;
      totals.passed += s.expected + (s.flaky || 0);
      totals.failed += s.unexpected;
      totals.skipped += s.skipped;
      if (s.expected + s.unexpected === 0) failedSteps.push("browser tests ran no test");
    } else totals.failed += 1;
  } else
    skipTier(
      "browser tests",
      "/usr/bin/chromium or python3-openpyxl missing (run: bash .ci/install-system-deps)",
      countBrowserTests()
    );
}

// --- Verdict --------------------------------------------------------------------------------
console.log("\n==================== Phụ Lục: tổng kết ====================");
if (skippedTiers.length) console.log(`!!! BỎ QUA (skipped): ${skippedTiers.join("; ")}`);
if (ci && totals.skipped > 0) failedSteps.push(`${totals.skipped} test(s) skipped in CI`);
if (failedSteps.length) console.log(`Thất bại: ${failedSteps.join("; ")}`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps.length || totals.failed ? 1 : 0);
