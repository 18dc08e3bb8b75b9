#!/usr/bin/env node
// Entry point of the `phuluc` CLI. Runs the TypeScript sources through tsx so that
// `npm ci` is the only set-up step (no separate build for the CLI).
"use strict";
const path = require("node:path");
require("tsx/cjs");
const { main } = require(path.join(__dirname, "..", "src", "cli", "main.ts"));
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`phuluc: lỗi không mong đợi: ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 70;
  }
);
