/**
 * A year is a year, in the pane (FILE MODE, production build): a year the workbook does not
 * track gives no figures and no files (the core rule's message shown); the deadline of the
 * agencies' files is typed dd/mm/yyyy like every date of the pane; the report date set in the
 * pane is kept in the next file; every note a consolidation line counts is shown with it.
 * Files read back and edited by openpyxl.
 */
import { test, expect } from "@playwright/test";
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT, openPane, unexpectedErrors, watchPage, saveDownload } from "./pane-helpers";
import { makeTrackingWorkbook, openInTrackingTab } from "./tracking-helpers";

const TMP = join(REPO_ROOT, ".tmp", "year");
const PY = "/usr/bin/python3";
const RETURNED = join(REPO_ROOT, "test", "integration", "exchange", "returned_workbooks.py");
const YTE = "2026 - Sở Y tế - Báo cáo KH 4784.xlsx";

function py(args: string[], script?: string): string {
  const out = spawnSync(PY, script ? ["-c", script, ...args] : args, { encoding: "utf8" });
  expect(out.stderr).toBe("");
  expect(out.status).toBe(0);
  return out.stdout;
}

/** "Hạn gửi báo cáo" on the guide sheet of an agency's file, as a date. */
const READ_DEADLINE = `
import sys, json, zipfile, datetime, openpyxl
z = zipfile.ZipFile(sys.argv[1]); z.extract(sys.argv[2], sys.argv[3])
g = openpyxl.load_workbook(sys.argv[3] + "/" + sys.argv[2])["Hướng dẫn"]
v = [g.cell(r, 2).value for r in range(1, 40) if g.cell(r, 1).value == "Hạn gửi báo cáo"][0]
print(json.dumps(v.date().isoformat() if isinstance(v, datetime.datetime) else v))
`;

/** A formula without a saved result in a result cell (openpyxl writes no cached value). */
const ADD_FORMULA = `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["Chủ trì"]
head = {c.value: c.column for c in ws[5]}
ws.cell(6, head["Kết quả thực hiện"]).value = "=1+1"
wb.save(sys.argv[1]); print("{}")
`;

const READ_INFO_DATE = `
import sys, json, datetime, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Thông tin"]
v = [ws.cell(r, 2).value for r in range(1, ws.max_row + 1) if str(ws.cell(r, 1).value or "").startswith("Ngày báo cáo")][0]
print(json.dumps(v.date().isoformat() if isinstance(v, datetime.datetime) else v))
`;

test("a year the workbook does not track; deadline dd/mm/yyyy; the report date kept; notes shown", async ({
  page,
}) => {
  const seen = await watchPage(page);
  await openPane(page);
  const master = await makeTrackingWorkbook(page, join(TMP, "master"));
  await openInTrackingTab(page, master);

  // 2024 is not this workbook's year (2026, nothing in "Lịch sử"): no figures, no files.
  await page.getByTestId("t-report-year").fill("2024");
  await page.getByTestId("t-report-date").fill("15/12/2024");
  const refused = page.getByTestId("rollup-year-refused");
  await expect(refused).toContainText("theo dõi năm 2026");
  await expect(refused).toContainText("không có số liệu năm 2024");
  await page.getByTestId("x-distribute").click();
  await expect(page.getByTestId("t-error-bar")).toContainText("không tạo tệp gửi đơn vị năm 2024");

  await page.getByTestId("t-report-year").fill("2026");
  await page.getByTestId("t-report-date").fill("05/12/2026");
  await expect(refused).toHaveCount(0);

  // The deadline is typed as dates are everywhere in the pane; an impossible date is refused.
  const deadline = page.getByTestId("x-deadline");
  await expect(deadline).toHaveAttribute("placeholder", "dd/mm/yyyy");
  await deadline.fill("31/02/2026");
  await expect(page.getByTestId("x-distribute")).toBeDisabled();
  await deadline.fill("15/12/2026");
  const zip = await saveDownload(
    page,
    () => page.getByTestId("x-distribute").click(),
    join(TMP, "zip")
  );
  const unzipped = join(TMP, "unzipped");
  expect(JSON.parse(py([zip, YTE, unzipped], READ_DEADLINE))).toBe("2026-12-15");

  // A returned file with a formula nobody saved a result for: its note is shown, not counted.
  const filled = join(TMP, "returned", "so-y-te.xlsx");
  mkdirSync(join(TMP, "returned"), { recursive: true });
  py([RETURNED, "fill", master, join(unzipped, YTE), filled, "Sở Y tế"]);
  py([filled], ADD_FORMULA);
  await page.getByTestId("x-files-input").setInputFiles([filled]);
  await expect(page.getByTestId("x-result")).toContainText("Tổng hợp xong: 1 tệp đã nhận");
  const line = page.getByTestId("x-line").filter({ hasText: "so-y-te.xlsx" });
  await expect(line).toContainText("lưu ý");
  const counted = Number(/(\d+) lưu ý/.exec((await line.textContent()) ?? "")?.[1]);
  expect(counted).toBeGreaterThan(0);
  const notes = line.getByTestId("x-line-note");
  await expect(notes).toHaveCount(counted);
  await expect(notes.filter({ hasText: '"=1+1" chưa có kết quả' })).toHaveCount(1);

  // The new master keeps the report date chosen in the pane (05/12/2026).
  const out = await saveDownload(
    page,
    () => page.getByTestId("x-download").click(),
    join(TMP, "out")
  );
  expect(JSON.parse(py([out], READ_INFO_DATE))).toBe("2026-12-05");

  expect(seen.csp).toEqual([]);
  // The refused 2024 distribution is logged by the pane (console.error) as every error it
  // shows in its error bar: that one is expected here, nothing else is.
  const refusal = /^InputError: .*không tạo tệp gửi đơn vị năm 2024/;
  expect(unexpectedErrors(seen.errors).filter((e) => !refusal.test(e))).toEqual([]);
});
