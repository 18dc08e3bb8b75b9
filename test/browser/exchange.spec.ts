/**
 * "Gửi và tổng hợp báo cáo đơn vị" in FILE MODE on the production build: the pane makes the
 * agencies' files (.zip), one is filled by openpyxl as the agency would, then it and a hand-made
 * sheet and an Excel lock file are picked together: a progress bar, a line per file (the lock
 * file refused with its reason), a NEW consolidated master to download, read back by openpyxl.
 */
import { test, expect } from "@playwright/test";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT, openPane, unexpectedErrors, watchPage, saveDownload } from "./pane-helpers";
import { distributeZip, makeTrackingWorkbook } from "./tracking-helpers";

const TMP = join(REPO_ROOT, ".tmp", "exchange");
const PY = "/usr/bin/python3";
const RETURNED = join(REPO_ROOT, "test", "integration", "exchange", "returned_workbooks.py");
const YTE = "2026 - Sở Y tế - Báo cáo KH 4784.xlsx";
const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

function py(args: string[], script?: string): string {
  const out = spawnSync(PY, script ? ["-c", script, ...args] : args, { encoding: "utf8" });
  expect(out.stderr).toBe("");
  expect(out.status).toBe(0);
  return out.stdout;
}

const READ = `
import sys, json, zipfile, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["Nhiệm vụ"]
head = {c.value: c.column for c in ws[1]}
rows = [{"lead": ws.cell(r, head["Đơn vị chủ trì"]).value, "status": ws.cell(r, head["Trạng thái"]).value}
        for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value]
t = wb["Tiếp nhận"]
print(json.dumps({"rows": rows, "tables": list(t.tables.keys()),
  "intake": [[c for c in r] for r in t.iter_rows(min_row=2, values_only=True)]}, ensure_ascii=False, default=str))
`;

test("distribute to a .zip, consolidate picked files with a line per file, download the new master", async ({
  page,
}) => {
  const seen = await watchPage(page);
  await openPane(page);
  const master = await makeTrackingWorkbook(page, join(TMP, "master"));
  const masterHash = sha(master);

  const zip = await distributeZip(page, master, join(TMP, "zip"), "2026-12-15");
  expect(zip.endsWith("2026 - Gửi đơn vị - KH 4784.zip")).toBe(true);
  const names = JSON.parse(
    py(
      [zip, join(TMP, "unzipped"), YTE],
      `
import sys, json, zipfile
z = zipfile.ZipFile(sys.argv[1]); z.extract(sys.argv[3], sys.argv[2])
print(json.dumps(z.namelist(), ensure_ascii=False))`
    )
  ) as string[];
  expect(names).toContain(YTE);

  const filled = join(TMP, "returned", "so-y-te.xlsx");
  mkdirSync(join(TMP, "returned"), { recursive: true });
  py([RETURNED, "fill", master, join(TMP, "unzipped", YTE), filled, "Sở Y tế"]);
  const handmade = join(TMP, "returned", "BC So Tai chinh 2026.xlsx");
  py([RETURNED, "handmade", master, "-", handmade, "Sở Tài chính"]);
  const lock = join(TMP, "returned", "~$so-y-te.xlsx");
  writeFileSync(lock, Buffer.from([0x0b, 0x4e]));

  await page.getByTestId("x-files-input").setInputFiles([filled, handmade, lock]);
  const result = page.getByTestId("x-result");
  await expect(result).toContainText("Tổng hợp xong: 2 tệp đã nhận, 1 tệp bị từ chối");
  const lines = page.getByTestId("x-line");
  await expect(lines).toHaveCount(3);
  await expect(page.locator('[data-testid="x-line"][data-state="received"]')).toHaveCount(2);
  const refused = page.locator('[data-testid="x-line"][data-state="rejected"]');
  await expect(refused).toContainText("~$so-y-te.xlsx");
  await expect(refused).toContainText("tệp khoá tạm của Excel");
  await expect(lines.filter({ hasText: "so-y-te.xlsx: Đã nhận: Sở Y tế" })).toContainText(
    "theo mã báo cáo"
  );
  await expect(lines.filter({ hasText: "BC So Tai chinh" })).toContainText("theo tiêu đề cột");
  // What is left for the officer: agencies not heard from, the activity that is in no plan.
  await expect(page.getByTestId("x-missing")).toContainText("Công an tỉnh:");
  await expect(page.getByTestId("x-missing")).toContainText("nhiệm vụ chủ trì");
  await expect(page.getByTestId("x-missing")).not.toContainText("Sở Y tế:");
  await expect(page.getByTestId("x-unmatched-row")).toContainText("Tổ chức giải chạy việt dã");
  await page.getByTestId("exchange").screenshot({ path: join(REPO_ROOT, ".tmp", "tong-hop.png") });

  const out = await saveDownload(
    page,
    () => page.getByTestId("x-download").click(),
    join(TMP, "out")
  );
  const read = JSON.parse(py([out], READ)) as {
    rows: { lead: string; status: string | null }[];
    tables: string[];
    intake: unknown[][];
  };
  expect(read.rows.some((r) => r.lead === "Sở Y tế" && r.status === "Hoàn thành")).toBe(true);
  expect(read.rows.some((r) => r.lead === "Sở Tài chính" && r.status === "Hoàn thành")).toBe(true);
  expect(read.tables).toEqual(["TiepNhan"]);
  const received = read.intake.filter((r) => r[5] === "Đã nhận").map((r) => r[1]);
  expect(received.sort()).toEqual(["Sở Tài chính", "Sở Y tế"]);
  expect(sha(master)).toBe(masterHash);
  expect(seen.csp).toEqual([]);
  expect(unexpectedErrors(seen.errors)).toEqual([]);
});
