/**
 * PDFs the importer refuses, each with its own Vietnamese message, exit 2 and nothing written;
 * and PDFs with a JavaScript action, an embedded file or a digital signature, read as text only.
 * Written by reportlab, PIL and hand-made incremental updates (test/integration/pdf/make_hostile.py).
 */
import "../helpers/integration-timeout";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { phuluc } from "../helpers/phuluc-cli";
import { requireTool, runPython, runPythonFile, tempDir } from "../helpers/tools";

const MAKE_PLANS = path.join(__dirname, "pdf", "make_plans.py");
const MAKE_HOSTILE = path.join(__dirname, "pdf", "make_hostile.py");

const reportlab = (() => {
  if (!requireTool("python3-openpyxl")) return false;
  const ok = require("node:child_process").spawnSync("/usr/bin/python3", [
    "-c",
    "import reportlab",
  ]);
  if (ok.status === 0) return true;
  if (process.env.CI === "true") throw new Error("python3-reportlab thiếu (CI: không được bỏ qua)");
  console.warn("\n*** SKIPPED: thiếu python3-reportlab. ***\n");
  return false;
})();

(reportlab ? describe : describe.skip)("hostile and odd PDFs", () => {
  let dir = "";
  let plan = "";

  beforeAll(() => {
    dir = tempDir("pdf-hostile");
    runPythonFile(MAKE_PLANS, [dir]);
    plan = path.join(dir, "reportlab.pdf");
    runPython(`${readFileSync(MAKE_HOSTILE, "utf8")}\nprint("[]")`, [dir, plan]);
  });

  /** Runs the import into a fresh folder: refused with exit 2, `message`, and no file written. */
  function refused(file: string, message: RegExp): void {
    const out = tempDir("pdf-hostile-out");
    const r = phuluc(
      ["import", path.join(dir, file), "-o", path.join(out, "so.xlsx")],
      undefined,
      out
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain(file);
    expect(readdirSync(out)).toEqual([]);
  }

  it.each([
    ["ban-scan.pdf", /là bản scan .*không có lớp chữ.*PDF có chữ.*\.docx/],
    ["ban-scan-ky-so.pdf", /là bản scan/],
    ["mat-khau.pdf", /được đặt mật khẩu/],
    ["cut-ngang.pdf", /bị hỏng, không trọn vẹn/],
    ["khong-phai-pdf.pdf", /bị hỏng, không trọn vẹn hoặc không phải tệp PDF/],
    ["khong-phu-luc.pdf", /Không tìm thấy bảng phụ lục/],
    ["thong-bao.pdf", /Không tìm thấy bảng phụ lục/],
    ["qua-lon.pdf", /quá lớn để đọc an toàn: tệp PDF lớn hơn 50 MB/],
    ["qua-nhieu-trang.pdf", /quá lớn để đọc an toàn: tệp PDF có 501 trang, quá 500 trang/],
  ])("%s is refused with its own message", (file, message) => refused(file, message));

  it("a JavaScript action and an embedded file: read as text, nothing run or extracted", () => {
    const out = tempDir("pdf-js-out");
    const plain = phuluc(["import", plan, "--json"]);
    const r = phuluc(["import", path.join(dir, "co-javascript.pdf"), "--json"], undefined, out);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).tasks).toEqual(JSON.parse(plain.stdout).tasks);
    expect(r.stdout + r.stderr).not.toContain("phuluc-js");
    expect(readdirSync(out)).toEqual([]);
    expect(existsSync(path.join(dir, "chay.exe"))).toBe(false);
  });

  it("a digitally signed PDF (signature field, incremental update) reads as the unsigned one", () => {
    const plain = JSON.parse(phuluc(["import", plan, "--json"]).stdout);
    const r = phuluc(["import", path.join(dir, "ky-so.pdf"), "--json"]);
    expect(r.code).toBe(0);
    const signed = JSON.parse(r.stdout);
    expect(signed.plan).toEqual(plain.plan);
    expect(signed.tasks).toEqual(plain.tasks);
    expect(signed.tasks.length).toBe(32);
  });
});
