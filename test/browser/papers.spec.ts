/**
 * "Giấy tờ in" in FILE MODE on the production build: a tracking workbook made by the CLI from
 * the Lâm Đồng plan, opened in the "Theo dõi" tab; the appendix downloaded as Word and an
 * agency's report as Excel, both read back by independent readers (python-docx, openpyxl).
 */
import { test, expect, Page } from "@playwright/test";
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import {
  FIXTURE_DOCX,
  REPO_ROOT,
  openPane,
  saveDownload,
  unexpectedErrors,
  watchPage,
} from "./pane-helpers";
import { openInTrackingTab } from "./tracking-helpers";

const TMP = join(REPO_ROOT, ".tmp", "papers");
mkdirSync(TMP, { recursive: true });

/** Runs a tool; `stderr` may carry the CLI's informational findings, never python errors. */
function run(cmd: string, args: string[], quiet = true): string {
  const out = spawnSync(cmd, args, { encoding: "utf8", cwd: REPO_ROOT });
  if (quiet) expect(out.stderr).toBe("");
  expect(out.status).toBe(0);
  return out.stdout;
}

const py = (script: string, ...args: string[]) =>
  JSON.parse(run("/usr/bin/python3", ["-c", script, ...args]));

/** The tracking workbook of the Lâm Đồng plan for 2026, made by the CLI as `TMP/name`. */
function importPlan(name: string): string {
  const wb = join(TMP, name);
  const cli = join(REPO_ROOT, "bin", "phuluc.js");
  const args = ["import", FIXTURE_DOCX, "-o", wb, "--year", "2026", "--date", "2026-11-21"];
  run(process.execPath, [cli, ...args, "--force"], false);
  return wb;
}

/** The pane in file mode with `wb` open in "Theo dõi"; its "Giấy tờ in" section. */
async function openPapers(page: Page, wb: string) {
  await openPane(page);
  await openInTrackingTab(page, wb);
  return page.getByTestId("tracking-papers");
}

const makePaper = (page: Page) =>
  saveDownload(page, () => page.getByTestId("paper-make").click(), TMP);

test("the appendix as Word and an agency's report as Excel, from the open tracking file", async ({
  page,
}) => {
  const seen = await watchPage(page);
  const papers = await openPapers(page, importPlan("theo-doi.xlsx"));
  await expect(papers.getByTestId("paper-kind")).toHaveValue("appendix");
  await papers.getByTestId("paper-signer").fill("Nguyễn Văn A");
  await papers.getByTestId("paper-target").selectOption("docx");
  const docx = await makePaper(page);
  expect(docx).toMatch(/Phu-luc-4784-KH-UBND\.docx$/);
  await expect(page.getByTestId("paper-result")).toContainText("Đã tạo tệp");
  const doc = py(
    `
import sys, json, docx
d = docx.Document(sys.argv[1])
t = d.tables[0]
print(json.dumps({"paras": [p.text for p in d.paragraphs if p.text], "rows": len(t.rows),
  "header": [c.text for c in t.rows[0].cells],
  "signature": [c.text for c in d.tables[-1].rows[0].cells],
  "landscape": d.sections[0].orientation == 1}))
`,
    docx
  );
  expect(doc.landscape).toBe(true);
  expect(doc.paras.slice(0, 3)).toEqual([
    "Phụ lục",
    "DANH MỤC CÁC NHÓM NHIỆM VỤ THÔNG TIN ĐỐI NGOẠI",
    "(Kèm theo Kế hoạch số 4784/KH-UBND ngày 13 tháng 6 năm 2024 của Ủy ban nhân dân tỉnh Lâm Đồng)",
  ]);
  // The plan's own headers.
  expect(doc.header).toEqual([
    "STT",
    "NHIỆM VỤ",
    "ĐƠN VỊ CHỦ TRÌ",
    "ĐƠN VỊ PHỐI HỢP",
    "THỜI GIAN THỰC HIỆN",
  ]);
  expect(doc.rows).toBe(1 + 5 + 29); // header, 5 groups, 29 tasks (one row each)
  expect(doc.signature[1]).toContain("PHÓ CHỦ TỊCH");
  expect(doc.signature[1]).toContain("Nguyễn Văn A");

  await papers.getByTestId("paper-kind").selectOption("agency");
  await papers.getByTestId("paper-agency").selectOption("Công an tỉnh");
  await papers.getByTestId("paper-target").selectOption("xlsx");
  const xlsx = await makePaper(page);
  expect(xlsx).toMatch(/Báo cáo 2026 - Công an tỉnh\.xlsx$/);
  const sheet = py(
    `
import sys, json, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
print(json.dumps({"title": ws.title, "texts": [v for r in ws.iter_rows(values_only=True) for v in r if isinstance(v, str)],
  "orientation": ws.page_setup.orientation}))
`,
    xlsx
  );
  expect(sheet.orientation).toBe("landscape");
  expect(sheet.texts).toContain("Đơn vị: Công an tỉnh");
  expect(sheet.texts).toContain("II. NHIỆM VỤ CHỦ TRÌ");
  expect(unexpectedErrors(seen.errors)).toEqual([]);
  expect(seen.csp).toEqual([]);
});

test("file mode: a copy of the workbook with the 'Mẫu in' sheet, the source untouched", async ({
  page,
}) => {
  const seen = await watchPage(page);
  const wb = importPlan("theo-doi-mau-in.xlsx");
  const before = readFileSync(wb);
  const papers = await openPapers(page, wb);
  await papers.getByTestId("paper-signer").fill("Lê Văn Cường");
  const button = papers.getByTestId("paper-save-texts");
  await expect(button).toHaveText("Tải sổ có trang “Mẫu in”");
  const saved = await saveDownload(page, () => button.click(), TMP);
  expect(saved).toMatch(/mau-in\.xlsx$/);
  await expect(page.getByTestId("paper-result")).toContainText("giữ nguyên");
  const got = py(
    `
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
rows = [list(r) for r in wb["Mẫu in"].iter_rows(values_only=True)] if "Mẫu in" in wb.sheetnames else []
print(json.dumps({"sheets": wb.sheetnames, "rows": rows}))
`,
    saved
  );
  expect(got.sheets).toEqual(expect.arrayContaining(["Nhiệm vụ", "Tổng hợp", "Mẫu in"]));
  const value = (key: string) => got.rows.find((r: unknown[]) => r[0] === key)?.[1];
  expect(value("Người ký")).toBe("Lê Văn Cường");
  expect(value("Tiêu đề phụ lục")).toBe("Phụ lục");
  expect(readFileSync(wb).equals(before)).toBe(true);
  expect(unexpectedErrors(seen.errors)).toEqual([]);
});

test("the province report's body previewed with its sources; công văn đôn đốc downloaded", async ({
  page,
}) => {
  const seen = await watchPage(page);
  const generated = importPlan("theo-doi-bc.xlsx");
  // An agency's result and an overdue task, typed by openpyxl as Excel would save them.
  const wb = join(TMP, "theo-doi-bc-typed.xlsx");
  const typed = py(
    `
import sys, json, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["Nhiệm vụ"]
head = {c.value: c.column for c in ws[1]}
c = lambda r, h: ws.cell(r, head[h])
rows = [r for r in range(2, ws.max_row + 1) if c(r, "Đơn vị chủ trì").value and ";2026=" in (c(r, "Mã lịch hạn").value or "")]
done, late = rows[0], rows[1]
c(done, "Trạng thái").value = "Hoàn thành"
c(done, "Ngày hoàn thành").value = datetime.datetime(2026, 6, 30)
c(done, "Kết quả thực hiện").value = "Đã tổ chức hội nghị quán triệt cho 120 cán bộ."
c(late, "Hạn hoàn thành").value = datetime.datetime(2026, 6, 30)
wb.save(sys.argv[2])
print(json.dumps({"lead": c(done, "Đơn vị chủ trì").value, "late": c(late, "Đơn vị chủ trì").value}))
`,
    generated,
    wb
  );
  const papers = await openPapers(page, wb);
  await papers.getByTestId("paper-kind").selectOption("province");
  await papers.getByTestId("paper-preview").click();
  const preview = papers.getByTestId("narrative-preview");
  await expect(preview).toContainText("II. KẾT QUẢ THỰC HIỆN");
  await expect(preview.getByTestId("narrative-quote").first()).toContainText(
    `${typed.lead}: Đã tổ chức hội nghị quán triệt cho 120 cán bộ.`
  );
  await expect(preview.getByTestId("narrative-quote").first()).toContainText("nhiệm vụ");

  await papers.getByTestId("paper-target").selectOption("docx");
  const docx = await makePaper(page);
  const head = py(
    `
import sys, json, docx
d = docx.Document(sys.argv[1])
print(json.dumps([c.text for c in d.tables[0].rows[0].cells]))
`,
    docx
  );
  expect(head[0]).toContain("ỦY BAN NHÂN DÂN");
  expect(head[1]).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");

  await papers.getByTestId("remind-deadline").fill("2026-12-05");
  const saved = await saveDownload(page, () => papers.getByTestId("remind-make").click(), TMP);
  await expect(page.getByTestId("paper-result")).toContainText("đôn đốc");
  const letters: string[] = saved.endsWith(".zip")
    ? py(
        "import sys, json, zipfile\nprint(json.dumps(zipfile.ZipFile(sys.argv[1]).namelist()))",
        saved
      )
    : [basename(saved)];
  expect(letters).toContain(`Đôn đốc 2026 - ${typed.late}.docx`);
  expect(readFileSync(saved).length).toBeGreaterThan(1000);
  expect(unexpectedErrors(seen.errors)).toEqual([]);
  expect(seen.csp).toEqual([]);
});
