#!/usr/bin/env node
/**
 * PNG previews of the papers for people to look at (docs/img): the Lâm Đồng appendix as
 * `phuluc print` writes it (.xlsx, first two pages) and a page of the province report (.docx),
 * each printed by LibreOffice headless and rendered with poppler's pdftoppm.
 * Usage: node scripts/paper-previews.mjs   (needs soffice and pdftoppm)
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const plan = path.resolve(root, "..", "shared", "fixtures", "lam-dong-4784-ke-hoach.docx");
const out = path.join(root, "docs", "img");
const work = mkdtempSync(path.join(tmpdir(), "phuluc-previews-"));
mkdirSync(out, { recursive: true });

const phuluc = (...args) =>
  execFileSync(process.execPath, [path.join(root, "bin", "phuluc.js"), ...args], {
    stdio: ["ignore", "ignore", "inherit"],
  });
const toPdf = (file) => {
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${work}/profile`,
      "--headless",
      "--convert-to",
      "pdf",
      "--outdir",
      work,
      file,
    ],
    { stdio: "ignore" }
  );
  return file.replace(/\.(xlsx|docx)$/, ".pdf");
};
const png = (pdf, first, last, name) => {
  for (let p = first; p <= last; p++) {
    // -singlefile: the name as given (page numbers would be zero-padded by the page count).
    const target = path.join(out, `${name}-${p}`);
    execFileSync("pdftoppm", [
      "-png",
      "-r",
      "60",
      "-f",
      `${p}`,
      "-l",
      `${p}`,
      "-singlefile",
      pdf,
      target,
    ]);
  }
};

const wb = path.join(work, "theo-doi.xlsx");
phuluc("import", plan, "-o", wb, "--year", "2026", "--date", "2026-11-21");
const appendix = path.join(work, "phu-luc.xlsx");
phuluc("print", wb, "-o", appendix);
png(toPdf(appendix), 1, 2, "phu-luc-trang");
const report = path.join(work, "bao-cao-tinh.docx");
phuluc("report", wb, "--province", "-o", report);
png(toPdf(report), 1, 1, "bao-cao-tinh-trang");
console.log(`Ảnh xem trước trong ${path.relative(root, out)}/`);
