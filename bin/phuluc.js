#!/usr/bin/env node
// Entry point of the `phuluc` CLI. Runs the TypeScript sources through tsx (`node --import tsx`),
// so `npm ci` is the only set-up step and the CLI always runs the code in src/ (no stale build).
"use strict";
const path = require("node:path");
const { spawnSync } = require("node:child_process");
const { pathToFileURL } = require("node:url");

const run = path.join(__dirname, "..", "src", "cli", "run.ts");
// tsx is resolved from here, not from the caller's directory (phuluc runs from anywhere).
const tsx = pathToFileURL(require.resolve("tsx")).href;
const r = spawnSync(process.execPath, ["--import", tsx, run, ...process.argv.slice(2)], {
  stdio: "inherit",
  cwd: process.cwd(),
});
if (r.error) {
  process.stderr.write(`phuluc: không chạy được Node: ${r.error.message}\n`);
  process.exit(70);
}
process.exit(r.status === null ? 70 : r.status);
