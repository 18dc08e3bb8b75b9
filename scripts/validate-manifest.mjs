#!/usr/bin/env node
// Validates manifest.xml offline: the XSD check with xmllint against the schema copies vendored
// in vendor/manifest-schemas (source and licence in its README), then a few checks the schema cannot make
// (every referenced asset exists, every URL is https). Exits non-zero on any failure.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

// Usage: validate-manifest.mjs [manifest.xml] [--base https://host/path/]
// With --base (a deployment built with `--env url=…`), every URL must lie under that base and
// the assets are looked up under it.
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const baseAt = args.indexOf("--base");
const base = baseAt >= 0 ? args.splice(baseAt, 2)[1] : "https://localhost:3000/";
const manifest = resolve(root, args[0] ?? "manifest.xml");
const schema = resolve(root, "vendor", "manifest-schemas", "OfficeAppManifestV1_1.xsd");

function fail(message) {
  console.error(`✗ ${message}`);
  process.exit(1);
}

if (!existsSync(manifest)) fail(`Không thấy ${manifest}`);
if (!existsSync(schema)) fail(`Không thấy lược đồ XSD: ${schema}`);

const xmllint = spawnSync("xmllint", ["--noout", "--schema", schema, manifest], {
  encoding: "utf8",
});
if (xmllint.error)
  fail(`Không chạy được xmllint (${xmllint.error.message}); cài gói libxml2-utils.`);
if (xmllint.status !== 0) {
  process.stderr.write(xmllint.stderr);
  fail("manifest.xml không hợp lệ theo lược đồ OfficeAppManifestV1_1.xsd");
}

const xml = readFileSync(manifest, "utf8");
// The schema types Host/@Name as any short string; only "Workbook" makes this an Excel add-in.
if (!/<Host\s+Name="Workbook"\s*\/>/.test(xml))
  fail('Thiếu <Host Name="Workbook"/>: add-in phải dành cho Excel');
const urls = [...xml.matchAll(/DefaultValue="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
const insecure = urls.filter((u) => !u.startsWith("https://"));
if (insecure.length) fail(`Office chỉ chấp nhận https: ${insecure.join(", ")}`);
const outside = urls.filter((u) => !u.startsWith(base));
if (outside.length) fail(`URL nằm ngoài ${base}: ${outside.join(", ")}`);
const domains = [...xml.matchAll(/<AppDomain>([^<]+)<\/AppDomain>/g)].map((m) => m[1]);
if (domains.some((d) => d !== new URL(base).origin))
  fail(`AppDomain phải là ${new URL(base).origin}, đang là ${domains.join(", ")}`);
for (const url of urls) {
  const path = url.slice(base.length);
  if (path.startsWith("assets/") && !existsSync(join(root, path)))
    fail(`Thiếu tệp ${path} (được tham chiếu trong manifest)`);
}
console.log(
  `✓ ${manifest} hợp lệ (XSD + ${urls.length} URL https dưới ${base}, tệp assets đầy đủ)`
);
