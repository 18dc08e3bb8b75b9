#!/usr/bin/env node
// Prints raw and gzip sizes of the production build: the INITIAL JS (what taskpane.html loads
// before the pane can paint) versus the LAZY chunks (loaded on import / confirm only).
// Run after `npm run build`: node scripts/bundle-size.mjs [--json]
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const dist = resolve(dirname(fileURLToPath(import.meta.url)), "..", "dist");
if (!existsSync(join(dist, "taskpane.html"))) {
  console.error("Chưa có dist/: chạy npm run build trước.");
  process.exit(1);
}

const html = readFileSync(join(dist, "taskpane.html"), "utf8");
const initial = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+\.js)"?/g)]
  .map((m) => m[1])
  .filter((src) => !/^https?:/.test(src)); // office.js comes from Microsoft's CDN, not our build

function listJs(dir, prefix = "") {
  return readdirSync(join(dist, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? listJs(join(dir, e.name), `${prefix}${e.name}/`)
      : e.name.endsWith(".js")
        ? [`${prefix}${e.name}`]
        : []
  );
}

const all = listJs(".");
const size = (file) => {
  const bytes = readFileSync(join(dist, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
};
const initialSizes = initial.map(size);
const lazySizes = all
  .filter((f) => !initial.includes(f))
  .map(size)
  .sort((a, b) => b.gzip - a.gzip);
const sum = (list, key) => list.reduce((n, x) => n + x[key], 0);
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

if (process.argv.includes("--json")) {
  console.log(JSON.stringify({ initial: initialSizes, lazy: lazySizes }, null, 2));
} else {
  const row = (x) =>
    `  ${x.file.padEnd(40)} ${kib(x.raw).padStart(11)} ${kib(x.gzip).padStart(11)}`;
  console.log(`  ${"tệp".padEnd(40)} ${"raw".padStart(11)} ${"gzip".padStart(11)}`);
  console.log("Ban đầu (taskpane.html tải ngay):");
  initialSizes.forEach((x) => console.log(row(x)));
  console.log(
    row({ file: "= tổng ban đầu", raw: sum(initialSizes, "raw"), gzip: sum(initialSizes, "gzip") })
  );
  console.log("Tải khi cần (dynamic import):");
  lazySizes.forEach((x) => console.log(row(x)));
  console.log(
    row({ file: "= tổng tải khi cần", raw: sum(lazySizes, "raw"), gzip: sum(lazySizes, "gzip") })
  );
}
