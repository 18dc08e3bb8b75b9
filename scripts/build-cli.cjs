#!/usr/bin/env node
/**
 * The `phuluc` CLI as one bundled file, build/cli/phuluc.cjs (esbuild, src/cli/run.ts and
 * everything it imports, node_modules included), so a run starts like a plain Node script
 * instead of compiling src/ with tsx each time. Built by `npm ci`/`npm install` (the
 * "prepare" script) and by `npm run build:cli`; bin/phuluc.js rebuilds it when a source it was
 * made from is newer (build/cli/inputs.json lists them), so the CLI never runs stale code.
 * Written beside and renamed: a run started during a build reads the old or the new bundle.
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const OUT_DIR = path.join(ROOT, "build", "cli");
const BUNDLE = path.join(OUT_DIR, "phuluc.cjs");
const INPUTS = path.join(OUT_DIR, "inputs.json");
/** Not in the bundle's inputs but changing what it holds: the installed dependencies. */
const ALSO_WATCHED = ["package-lock.json", "scripts/build-cli.cjs"];

function buildCli() {
  const esbuild = require("esbuild");
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const tmp = `${BUNDLE}.${process.pid}.tmp`;
  try {
    const result = esbuild.buildSync({
      absWorkingDir: ROOT,
      entryPoints: ["src/cli/run.ts"],
      outfile: tmp,
      bundle: true,
      platform: "node",
      target: "node20",
      format: "cjs",
      metafile: true,
      logLevel: "error",
      legalComments: "none",
      // pdfjs-dist is an ES module that finds its optional Node helpers with
      // createRequire(import.meta.url); in a CommonJS bundle import.meta is empty, so give it
      // the bundle's own URL.
      define: { "import.meta.url": "__phulucBundleUrl" },
      // A node_modules installed before pdfjs-dist was added (run `npm ci`): build without it;
      // only reading a PDF then fails, with "Cannot find module".
      external: fs.existsSync(path.join(ROOT, "node_modules", "pdfjs-dist", "package.json"))
        ? []
        : ["pdfjs-dist/*"],
      banner: {
        js: 'const __phulucBundleUrl = require("node:url").pathToFileURL(__filename).href;',
      },
    });
    const inputs = Object.keys(result.metafile.inputs)
      .filter((p) => !p.includes("node_modules/"))
      .concat(ALSO_WATCHED.filter((p) => fs.existsSync(path.join(ROOT, p))));
    const inputsTmp = `${INPUTS}.${process.pid}.tmp`;
    fs.writeFileSync(inputsTmp, JSON.stringify({ inputs }, null, 1));
    fs.renameSync(inputsTmp, INPUTS);
    fs.renameSync(tmp, BUNDLE);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  return BUNDLE;
}

/** True when the bundle exists and no source it was built from changed since. */
function isFresh() {
  let built;
  try {
    built = fs.statSync(BUNDLE).mtimeMs;
  } catch {
    return false;
  }
  let inputs;
  try {
    inputs = JSON.parse(fs.readFileSync(INPUTS, "utf8")).inputs;
  } catch {
    return false;
  }
  for (const p of inputs) {
    const st = fs.statSync(path.join(ROOT, p), { throwIfNoEntry: false });
    if (!st || st.mtimeMs > built) return false;
  }
  return true;
}

module.exports = { buildCli, isFresh, BUNDLE };

if (require.main === module) {
  buildCli();
  process.stdout.write(`phuluc: đã dựng ${path.relative(ROOT, BUNDLE)}\n`);
}
