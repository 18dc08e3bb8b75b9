/**
 * The import preview asks what the import cannot decide (issue 14, "every task reaches
 * someone"): who receives the tasks of a collective without members, and the kind of an agency
 * the directory does not know. Plan written by python-docx; the answers typed in the pane land in
 * the downloaded workbook, read back by openpyxl.
 */
import { test, expect } from "@playwright/test";
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { openPane, unexpectedErrors, watchPage } from "./pane-helpers";
import { planDocxScript, tuyenQuang88 } from "../helpers/plan-docx-script";

const TMP = join(__dirname, "..", "..", ".tmp");
mkdirSync(TMP, { recursive: true });

const PLAN = planDocxScript(tuyenQuang88(2024), [
  ["I", "NHIỆM VỤ CHUNG", "", "", ""],
  ["1", "Tuyên truyền trên báo chí", "Các cơ quan báo chí tỉnh", "Sở Y tế", "Năm 2024"],
  ["2", "Dự án hạ tầng số", "Ban Dự án số 1 tỉnh Tuyên Quang", "Sở Tài chính", "Năm 2024"],
  ["3", "Quản lý khu Xyz", "BAN QUẢN LÝ XYZ", "", "Năm 2024"],
  ["4", "Quản lý khu Xyz lần hai", "Ban Quản lý Xyz", "", "Năm 2024"],
]);

const READ = `
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Nhiệm vụ"]; h = {c.value: c.column for c in ws[1]}
rows = [[ws.cell(r, h["Mã nhiệm vụ"]).value, ws.cell(r, h["Đơn vị chủ trì"]).value] for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value]
dv = wb["Đơn vị"]; g = {c.value: c.column for c in dv[1]}
agencies = {dv.cell(r, 1).value: [dv.cell(r, g["Loại"]).value, dv.cell(r, g["Thuộc nhóm"]).value] for r in range(2, dv.max_row + 1) if dv.cell(r, 1).value}
print(json.dumps({"rows": rows, "agencies": agencies}, ensure_ascii=False))
`;

test("the preview asks for a collective's recipients and a new agency's kind; the workbook has them", async ({
  page,
}) => {
  const plan = join(TMP, "ke-hoach-hoi.docx");
  const made = spawnSync("/usr/bin/python3", ["-c", PLAN, plan], { encoding: "utf8" });
  expect(made.stderr).toBe("");
  const seen = await watchPage(page);
  await openPane(page);

  await page.getByTestId("file-input").setInputFiles(plan);
  await expect(page.getByTestId("counts")).toHaveText("1 nhóm, 4 nhiệm vụ");
  const questions = page.getByTestId("reach-questions");
  await expect(questions).toBeVisible();
  await expect(page.getByTestId("reach-collective")).toHaveCount(1);
  await expect(page.getByTestId("reach-collective")).toContainText("Các cơ quan báo chí tỉnh");
  // One agency per name whatever its case: "BAN QUẢN LÝ XYZ" and "Ban Quản lý Xyz".
  await expect(page.getByTestId("reach-added")).toHaveCount(2);
  await expect(page.getByTestId("reach-added").nth(1)).toContainText("Ban Quản lý Xyz");

  await page.getByTestId("reach-members").fill("Báo Tuyên Quang; Tạp chí Tân Trào");
  // The question stays while it is answered.
  await expect(page.getByTestId("reach-collective")).toHaveCount(1);
  await page.getByTestId("reach-kind").first().selectOption({ label: "Trung tâm" });
  await questions.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(TMP, "pane-reach-questions.png") });

  const downloadPromise = page.waitForEvent("download");
  await page.getByTestId("confirm").click();
  const saved = join(TMP, "reach-questions.xlsx");
  await (await downloadPromise).saveAs(saved);

  const py = spawnSync("/usr/bin/python3", ["-c", READ, saved], { encoding: "utf8" });
  expect(py.stderr).toBe("");
  const book = JSON.parse(py.stdout) as {
    rows: [string, string][];
    agencies: Record<string, [string, string | null]>;
  };
  expect(book.rows.filter(([k]) => k === "T1").map(([, lead]) => lead)).toEqual([
    "Báo Tuyên Quang",
    "Tạp chí Tân Trào",
  ]);
  expect(book.agencies["Tạp chí Tân Trào"]?.[1]).toBe("Các cơ quan báo chí tỉnh");
  expect(book.agencies["Ban Dự án số 1 tỉnh Tuyên Quang"]?.[0]).toBe("Trung tâm");
  expect(book.agencies["Ban Quản lý Xyz"]?.[0]).toBe("Ban");
  expect(Object.keys(book.agencies).filter((n) => /xyz/i.test(n))).toEqual(["Ban Quản lý Xyz"]);
  expect(book.rows.filter(([k]) => k === "T3" || k === "T4").map(([, l]) => l)).toEqual([
    "Ban Quản lý Xyz",
    "Ban Quản lý Xyz",
  ]);
  expect(unexpectedErrors(seen.errors)).toEqual([]);
});
