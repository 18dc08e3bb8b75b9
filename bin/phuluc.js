#!/usr/bin/env node
// Entry point of the `phuluc` CLI: runs the bundled CLI (build/cli/phuluc.mjs and its chunks,
// made from src/ by scripts/build-cli.cjs at `npm ci`) in this same process — no child process,
// so Ctrl-C and SIGTERM reach the work itself (src/cli/stop-on-signal.ts). A bundle older than
// any source it was built from is rebuilt first, so the CLI always runs the code in src/.
"use strict";
const fs = require("node:fs");
const { pathToFileURL } = require("node:url");
const { buildCli, isFresh, BUNDLE } = require("../scripts/build-cli.cjs");

/** The bundle to run, rebuilt when stale; null (with a message) when there is none. */
function bundle() {
  if (isFresh()) return BUNDLE;
  try {
    return buildCli();
  } catch (e) {
    const noEsbuild = e && e.code === "MODULE_NOT_FOUND";
    // An installation without the dev tools (no esbuild) runs the bundle `npm ci` made.
    if (noEsbuild && fs.existsSync(BUNDLE)) return BUNDLE;
    process.stderr.write(
      noEsbuild
        ? "phuluc: chưa dựng công cụ dòng lệnh và không có esbuild để dựng; hãy chạy `npm ci` trong thư mục Phụ Lục.\n"
        : `phuluc: không dựng được công cụ dòng lệnh từ src/: ${e && e.message ? e.message : e}\n`
    );
    return null;
  }
}

const file = bundle();
if (file) {
  import(pathToFileURL(file).href).catch((e) => {
    process.stderr.write(
      `phuluc: không nạp được công cụ dòng lệnh: ${e && e.stack ? e.stack : e}\n`
    );
    process.exitCode = 70;
  });
} else process.exitCode = 70;
