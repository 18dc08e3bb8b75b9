#!/usr/bin/env node
/**
 * The `phuluc` CLI as a bundle, build/cli/phuluc.mjs (esbuild, src/cli/run.ts and everything it
 * imports, node_modules included), so a run starts like a plain Node script instead of compiling
 * src/ with tsx each time. ES modules with code splitting: every `await import(…)` in src/ (a
 * command, the xlsx writer, exceljs, pdfjs, docx) is a chunk of its own, so `phuluc import`
 * never parses pdfjs or exceljs (issue 16: start-up and import CPU time).
 * Built by `npm ci`/`npm install` (the "prepare" script) and by `npm run build:cli`;
 * bin/phuluc.js rebuilds it when a source it was made from is newer (build/cli/inputs.json lists
 * them), so the CLI never runs stale code.
 * A run started during a build keeps working: chunks are named by their content and written
 * before the entry, which is written beside and renamed; chunks no entry names are removed only
 * when an hour old.
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const OUT_DIR = path.join(ROOT, "build", "cli");
const BUNDLE = path.join(OUT_DIR, "phuluc.mjs");
const INPUTS = path.join(OUT_DIR, "inputs.json");
/** Not in the bundle's inputs but changing what it holds: the installed dependencies. */
const ALSO_WATCHED = ["package-lock.json", "scripts/build-cli.cjs"];
const STALE_CHUNK_MS = 60 * 60 * 1000;

/**
 * Bundled CommonJS packages (exceljs, jszip…) call require() and read __dirname; an ES module
 * has neither, so every output file gets them from its own URL.
 */
const BANNER = [
  'import { createRequire as __phulucCreateRequire } from "node:module";',
  'import { fileURLToPath as __phulucFileURLToPath } from "node:url";',
  'import { dirname as __phulucDirname } from "node:path";',
  "const require = __phulucCreateRequire(import.meta.url);",
  "const __filename = __phulucFileURLToPath(import.meta.url);",
  "const __dirname = __phulucDirname(__filename);",
].join("\n");

/** Writes `bytes` to `file` through a temporary file beside it (a reader sees old or new). */
function writeBeside(file, bytes) {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, file);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

function buildCli() {
  const esbuild = require("esbuild");
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const result = esbuild.buildSync({
    absWorkingDir: ROOT,
    entryPoints: { phuluc: "src/cli/run.ts" },
    outdir: OUT_DIR,
    outExtension: { ".js": ".mjs" },
    chunkNames: "chunks/[name]-[hash]",
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    write: false,
    metafile: true,
    logLevel: "error",
    legalComments: "none",
    banner: { js: BANNER },
    // A node_modules installed before pdfjs-dist was added (run `npm ci`): build without it;
    // only reading a PDF then fails, with "Cannot find module".
    external: fs.existsSync(path.join(ROOT, "node_modules", "pdfjs-dist", "package.json"))
      ? []
      : ["pdfjs-dist/*"],
  });
  const entry = result.outputFiles.find((f) => f.path === BUNDLE);
  if (!entry) throw new Error(`esbuild wrote no ${BUNDLE}`);
  const written = new Set([BUNDLE]);
  for (const f of result.outputFiles) {
    if (f === entry) continue;
    fs.mkdirSync(path.dirname(f.path), { recursive: true });
    writeBeside(f.path, f.contents);
    written.add(f.path);
  }
  const inputs = Object.keys(result.metafile.inputs)
    .filter((p) => !p.includes("node_modules/"))
    .concat(ALSO_WATCHED.filter((p) => fs.existsSync(path.join(ROOT, p))));
  writeBeside(INPUTS, JSON.stringify({ inputs }, null, 1));
  writeBeside(BUNDLE, entry.contents);
  removeOldChunks(written);
  return BUNDLE;
}

/** Chunks of earlier builds, once no run can still be loading them. */
function removeOldChunks(keep) {
  const dir = path.join(OUT_DIR, "chunks");
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    const file = path.join(dir, name);
    if (keep.has(file)) continue;
    const st = fs.statSync(file, { throwIfNoEntry: false });
    if (st && Date.now() - st.mtimeMs > STALE_CHUNK_MS) fs.rmSync(file, { force: true });
  }
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
