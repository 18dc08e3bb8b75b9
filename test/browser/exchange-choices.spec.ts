/**
 * The pane's consolidation in FILE MODE, what the officer decides: an agency's own sheet (openpyxl)
 * whose "Ghi chú" column nothing takes is named on its line; a status the coordinator typed in the
 * consolidated master (openpyxl) that the agency's file reports otherwise is listed, kept, and
 * taken from the agency at one click. Downloads read back by openpyxl.
 */
import { test, expect } from "@playwright/test";
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT, openPane, unexpectedErrors, watchPage, saveDownload } from "./pane-helpers";
import { distributeZip, makeTrackingWorkbook } from "./tracking-helpers";

const TMP = join(REPO_ROOT, ".tmp", "exchange-choices");
const PY = "/usr/bin/python3";
const CA = "2026 - Công an tỉnh - Báo cáo KH 4784.xlsx";
const YTE = "2026 - Sở Y tế - Báo cáo KH 4784.xlsx";

function py(script: string, args: string[]): string {
  const out = spawnSync(PY, ["-c", script, ...args], { encoding: "utf8" });
  expect(out.stderr).toBe("");
  expect(out.status).toBe(0);
  return out.stdout;
}

const UNZIP = `
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
for n in sys.argv[3:]: z.extract(n, sys.argv[2])
print(1)`;

/** Công an fills every lead row "Đang thực hiện"; returns the first row's task key. */
const FILL = `
import sys, json, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["Chủ trì"]
head = {c.value: c.column for c in ws[5]}
keys = []
for r in range(6, ws.max_row + 1):
    if ws.cell(r, 1).value:
        ws.cell(r, head["Trạng thái"]).value = "Đang thực hiện"; keys.append(ws.cell(r, 1).value)
g = wb["Hướng dẫn"]
for r in range(1, 40):
    if g.cell(r, 1).value == "Ngày báo cáo": g.cell(r, 2).value = datetime.datetime(2026, 11, 20)
wb.save(sys.argv[2]); print(json.dumps(keys[0]))`;

/** Sở Y tế's own sheet, from its distributed file's task texts, with a "Ghi chú" column. */
const OWN = `
import sys, openpyxl
src = openpyxl.load_workbook(sys.argv[1])["Chủ trì"]
head = {c.value: c.column for c in src[5]}
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Báo cáo"
ws.append(["SỞ Y TẾ"]); ws.append(["BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH SỐ 4784/KH-UBND NĂM 2026"])
ws.append(["TT", "Nội dung công việc", "Tình hình thực hiện", "Kết quả thực hiện", "Ghi chú"])
for r in range(6, src.max_row + 1):
    if src.cell(r, 1).value:
        ws.append([src.cell(r, head["STT"]).value, src.cell(r, head["Nhiệm vụ"]).value, "Hoàn thành",
                   "Đã triển khai", "Liên hệ phòng Kế hoạch"])
wb.save(sys.argv[2]); print(1)`;

const SET_STATUS = `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["Nhiệm vụ"]
head = {c.value: c.column for c in ws[1]}
for r in range(2, ws.max_row + 1):
    if ws.cell(r, head["Mã nhiệm vụ"]).value == sys.argv[3] and ws.cell(r, head["Đơn vị chủ trì"]).value == "Công an tỉnh":
        ws.cell(r, head["Trạng thái"]).value = "Hoàn thành"
wb.save(sys.argv[2]); print(1)`;

const STATUS = `
import sys, json, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Nhiệm vụ"]
head = {c.value: c.column for c in ws[1]}
print(json.dumps([ws.cell(r, head["Trạng thái"]).value for r in range(2, ws.max_row + 1)
  if ws.cell(r, head["Mã nhiệm vụ"]).value == sys.argv[2] and ws.cell(r, head["Đơn vị chủ trì"]).value == "Công an tỉnh"], ensure_ascii=False))`;

test("an unplaced column is named per file; a coordinator's typed status is listed and chosen", async ({
  page,
}) => {
  const seen = await watchPage(page);
  await openPane(page);
  const master = await makeTrackingWorkbook(page, join(TMP, "master"));
  const zip = await distributeZip(page, master, join(TMP, "zip"));
  py(UNZIP, [zip, join(TMP, "unzipped"), CA, YTE]);
  mkdirSync(join(TMP, "returned"), { recursive: true });
  const ca = join(TMP, "returned", "cong-an.xlsx");
  const key = JSON.parse(py(FILL, [join(TMP, "unzipped", CA), ca])) as string;
  const own = join(TMP, "returned", "BC So Y te.xlsx");
  py(OWN, [join(TMP, "unzipped", YTE), own]);

  await page.getByTestId("x-files-input").setInputFiles([ca, own]);
  await expect(page.getByTestId("x-result")).toContainText("2 tệp đã nhận");
  await expect(page.getByTestId("x-line").filter({ hasText: "BC So Y te.xlsx" })).toContainText(
    "cột không dùng: “Ghi chú” (Báo cáo!E)"
  );
  await expect(page.getByTestId("x-master-conflicts")).toHaveCount(0);
  const first = await saveDownload(
    page,
    () => page.getByTestId("x-download").click(),
    join(TMP, "out1")
  );

  // The coordinator types "Hoàn thành" for Công an's first task, then consolidates its file again.
  const edited = join(TMP, "out1", "tong-hop-sua.xlsx");
  py(SET_STATUS, [first, edited, key]);
  await page.getByTestId("tracking-file-input").setInputFiles(edited);
  await expect(page.getByTestId("tracking-plan")).toContainText("tong-hop-sua.xlsx");
  await page.getByTestId("x-files-input").setInputFiles([ca]);
  const conflicts = page.getByTestId("x-master-conflict");
  await expect(conflicts).toHaveCount(1);
  await expect(conflicts).toContainText(`${key} (Công an tỉnh), “Trạng thái”: sổ ghi “Hoàn thành”`);
  await expect(conflicts).toContainText("đang giữ giá trị trong sổ");
  const kept = await saveDownload(
    page,
    () => page.getByTestId("x-download").click(),
    join(TMP, "out2")
  );
  expect(JSON.parse(py(STATUS, [kept, key]))).toEqual(["Hoàn thành"]);

  await page.getByTestId("x-take-agency").click();
  await expect(conflicts).toContainText("đang giữ giá trị của đơn vị");
  const taken = await saveDownload(
    page,
    () => page.getByTestId("x-download").click(),
    join(TMP, "out3")
  );
  expect(JSON.parse(py(STATUS, [taken, key]))).toEqual(["Đang thực hiện"]);
  expect(seen.csp).toEqual([]);
  expect(unexpectedErrors(seen.errors)).toEqual([]);
});
