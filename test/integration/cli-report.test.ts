/**
 * `phuluc report` on real files: statuses typed by openpyxl (as an officer in Excel), reports
 * written as .docx/.xlsx/.zip, read back by independent readers (python-docx, openpyxl, zipfile,
 * LibreOffice → PDF → poppler). Figures equal `phuluc rollup --successor --json` (whose counts
 * the recalculation test checks against LibreOffice), with the same field names.
 */
import path from "node:path";
import { importLamDong, phuluc } from "../helpers/phuluc-cli";
import { missingWords, readPdf } from "../helpers/pdf-paper";
import { itWithTools, runPython, sofficeConvert, tempDir } from "../helpers/tools";

/**
 * Types statuses for every 3rd task row (Hoàn thành / Đang thực hiện / none), leaves rows of
 * "Văn phòng UBND tỉnh" empty, renames one lead to a name no file system accepts, and
 * optionally adds a "Tiếp nhận" sheet with two consolidations.
 */
const EDIT = `
import sys, json, datetime, openpyxl
src, dst, consolidation = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
wb = openpyxl.load_workbook(src)
ws = wb["Nhiệm vụ"]
head = {c.value: c.column for c in ws[1]}
typed = set()
n = 0
for r in range(2, ws.max_row + 1):
    lead = ws.cell(r, head["Đơn vị chủ trì"]).value
    if not lead or lead == "Văn phòng UBND tỉnh": continue
    k = n % 3
    n += 1
    if k < 2: typed.add(lead)
    if k == 0:
        ws.cell(r, head["Trạng thái"]).value = "Hoàn thành"
        ws.cell(r, head["Ngày hoàn thành"]).value = datetime.datetime(2026, 6, 30)
        ws.cell(r, head["Kết quả thực hiện"]).value = f"Kết quả dòng{r} đã xong"
    elif k == 1:
        ws.cell(r, head["Trạng thái"]).value = "Đang thực hiện"
        ws.cell(r, head["Tiến độ (%)"]).value = 50
        ws.cell(r, head["Khó khăn, vướng mắc"]).value = f"Khó khăn dòng{r}"
    if lead == "Sở Dân tộc và Tôn giáo":
        ws.cell(r, head["Đơn vị chủ trì"]).value = 'Ban "Dân tộc": A/B*?'
if consolidation:
    t = wb.create_sheet("Tiếp nhận")
    t.append(["Năm báo cáo", "Đơn vị", "Tệp", "Ngày báo cáo", "Số dòng khớp", "Kết quả", "Thời điểm tổng hợp"])
    old = datetime.datetime(2026, 11, 1, 9, 0)
    new = datetime.datetime(2026, 11, 20, 15, 30)
    t.append([2026, "Sở Y tế", "y-te.xlsx", None, 2, "Chưa nhận", old])
    t.append([2026, "Sở Y tế", "y-te.xlsx", None, 2, "Đã nhận", new])
    t.append([2026, "Công an tỉnh", "ca.xlsx", None, 0, "Bị từ chối", new])
    t.append([2026, "Sở Tư pháp", "", None, 0, "Chưa nhận", new])
    t.append([2025, "Sở Tài chính", "", None, 0, "Chưa nhận", new])
wb.save(dst)
print(json.dumps(sorted(typed)))
`;

const READ_DOCX = `
import sys, json, docx
d = docx.Document(sys.argv[1])
sec = d.sections[0]
tables = []
for t in d.tables:
    hdr = t.rows[0]._tr.trPr is not None and t.rows[0]._tr.trPr.find('{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader') is not None
    rows = []
    for r in t.rows:
        cells, seen = [], set()
        for c in r.cells:  # a merged cell is listed once per grid column it spans
            if id(c._tc) in seen: continue
            seen.add(id(c._tc)); cells.append(c.text)
        rows.append(cells)
    tables.append({"rows": rows, "repeatHeader": hdr})
print(json.dumps({"paragraphs": [p.text for p in d.paragraphs if p.text],
  "landscape": sec.orientation == 1, "width_mm": round(sec.page_width.mm), "height_mm": round(sec.page_height.mm),
  "titlePage": sec.different_first_page_header_footer, "tables": tables}))
`;

const ZIP_NAMES = `
import sys, json, zipfile
print(json.dumps(zipfile.ZipFile(sys.argv[1]).namelist()))
`;

const READ_XLSX_SHEET = `
import sys, json, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
print(json.dumps({"title": ws.title, "cells": [[c for c in r] for r in ws.iter_rows(values_only=True)],
  "landscape": ws.page_setup.orientation, "paper": ws.page_setup.paperSize, "titles": ws.print_title_rows}))
`;

type Counts = Record<string, unknown> & { agency: string; role: string; total: number };

describe("phuluc report", () => {
  const dir = tempDir("cli-report");
  let wb = "";
  let withConsolidation = "";
  let rollup: { agencies: Counts[] };
  /** Leads the officer typed something for. */
  let typedFor: string[] = [];

  beforeAll(() => {
    const generated = importLamDong(path.join(dir, "theo-doi.xlsx"));
    wb = path.join(dir, "edited.xlsx");
    withConsolidation = path.join(dir, "consolidated.xlsx");
    typedFor = runPython<string[]>(EDIT, [generated, wb, "0"]);
    runPython(EDIT, [generated, withConsolidation, "1"]);
    const r = phuluc(["rollup", wb, "--successor", "--json"]);
    expect(r.code).toBe(0);
    rollup = JSON.parse(r.stdout);
  });

  itWithTools(
    ["python3-openpyxl"],
    "--agency: figures equal the rollup's; Word file read by python-docx",
    async () => {
      const out = path.join(dir, "vhttdl.docx");
      // A short name, as officers type it.
      const r = phuluc(["report", wb, "--agency", "Sở VHTTDL", "-o", out, "--json"]);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      const json = JSON.parse(r.stdout);
      const agency = "Sở Văn hóa, Thể thao và Du lịch";
      expect(json.figures.agency).toBe(agency);
      expect(json.figures.lead).toEqual(
        rollup.agencies.find((a) => a.agency === agency && a.role === "lead")
      );
      expect(json.figures.partner).toEqual(
        rollup.agencies.find((a) => a.agency === agency && a.role === "partner")
      );
      expect(json.files).toEqual([out]);

      const doc = runPython<{
        paragraphs: string[];
        landscape: boolean;
        width_mm: number;
        height_mm: number;
        titlePage: boolean;
        tables: { rows: string[][]; repeatHeader: boolean }[];
      }>(READ_DOCX, [out]);
      // The văn bản on portrait pages (report-letter.test.ts reads it), its tables after it
      // as the appendix.
      expect(doc).toMatchObject({
        landscape: false,
        width_mm: 210,
        height_mm: 297,
        titlePage: true,
      });
      expect(doc.paragraphs).toContain(`Đơn vị: ${agency}`);
      expect(doc.paragraphs).toContain("II. NHIỆM VỤ CHỦ TRÌ");
      const [summary, lead, partner] = doc.tables.filter(
        (t) =>
          t.rows[0][0] !== "" && t.rows.length > 1 && !/Nơi nhận|ỦY BAN|UBND/.test(t.rows[0][0])
      );
      const lf = json.figures.lead;
      expect(summary.rows[1]).toEqual([
        "Số nhiệm vụ trong năm",
        String(lf.total),
        String(json.figures.partner.total),
      ]);
      expect(summary.rows.find((r) => r[0] === "Hoàn thành đúng hạn")?.[1]).toBe(
        String(lf.done_on_time)
      );
      // The lead table: one row per task of the agency due in 2026, header repeated.
      expect(lead.repeatHeader).toBe(true);
      expect(lead.rows[0]).toEqual([
        "STT",
        "Nhiệm vụ",
        "Hạn hoàn thành",
        "Tình trạng",
        "Tiến độ (%)",
        "Kết quả thực hiện",
        "Khó khăn, vướng mắc",
        "Đề xuất, kiến nghị",
      ]);
      expect(lead.rows.length - 1).toBe(lf.total);
      expect(partner.rows.length - 1).toBe(json.figures.partner.total);
    }
  );

  itWithTools(
    ["python3-openpyxl"],
    "--agency: a plan's older name is reported under its successor",
    async () => {
      const out = path.join(dir, "tttt.xlsx");
      // The plan's name of an agency merged in 2025, as an officer would still type it.
      const r = phuluc(["report", wb, "--agency", "Sở TT&TT", "-o", out, "--json"]);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      const json = JSON.parse(r.stdout);
      expect(json.figures.agency).not.toBe("Sở Thông tin và Truyền thông");
      expect(json.figures.lead.total).toBeGreaterThan(0);
      const sheet = runPython<{
        cells: unknown[][];
        landscape: string;
        paper: number;
        titles: string;
      }>(READ_XLSX_SHEET, [out]);
      expect(sheet).toMatchObject({ landscape: "landscape", paper: 9 });
      const text = sheet.cells
        .flat()
        .filter((c) => typeof c === "string")
        .join("\n");
      expect(text).toContain(`Đơn vị: ${json.figures.agency}`);
      expect(text).toContain("(Kế hoạch giao: Sở Thông tin và Truyền thông)");
    }
  );

  itWithTools(
    ["python3-openpyxl"],
    "--all: one file per agency in a .zip, names safe everywhere",
    async () => {
      const out = path.join(dir, "tat-ca.zip");
      const r = phuluc(["report", wb, "--all", "--format", "xlsx", "-o", out, "--json"]);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      const names = runPython<string[]>(ZIP_NAMES, [out]);
      // Every agency of the rollup but the collectives ("Nhiều đơn vị" on the directory sheet).
      const collectives = runPython<string[]>(
        `
import sys, json, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Đơn vị"]
head = {c.value: c.column for c in ws[1]}
print(json.dumps([ws.cell(r, head["Tên đơn vị"]).value for r in range(2, ws.max_row + 1)
  if ws.cell(r, head["Loại"]).value == "Nhiều đơn vị"]))
`,
        [wb]
      );
      const agencies = new Set(
        rollup.agencies.map((a) => a.agency).filter((a) => !collectives.includes(a))
      );
      expect(collectives.length).toBeGreaterThan(0);
      expect(names).toHaveLength(agencies.size);
      expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
      for (const n of names) {
        expect(n).toMatch(/^Báo cáo 2026 - .+\.xlsx$/);
        expect(n).not.toMatch(/[\\/:*?"<>|]/);
      }
      expect(names).toContain("Báo cáo 2026 - Ban -Dân tộc-- A-B--.xlsx");
      expect(JSON.parse(r.stdout).figures).toHaveLength(agencies.size);
    }
  );

  itWithTools(
    ["soffice", "pdftotext", "python3-openpyxl"],
    "--province with no consolidation: says so, lists agencies with no data; on paper",
    async () => {
      const out = path.join(dir, "tinh.docx");
      const r = phuluc(["report", wb, "--province", "-o", out, "--json"]);
      expect(r.code).toBe(0);
      const fig = JSON.parse(r.stdout).figures;
      expect(fig.missing.source).toBe("data");
      const listed: string[] = fig.missing.agencies.map((a: { agency: string }) => a.agency);
      // The agency left empty is listed; no agency the officer typed for is.
      expect(listed).toContain("Văn phòng UBND tỉnh");
      expect(listed.filter((a) => typedFor.includes(a))).toEqual([]);
      expect(fig.province).toEqual(
        JSON.parse(phuluc(["rollup", wb, "--successor", "--json"]).stdout).province
      );
      const pages = readPdf(sofficeConvert(out, "pdf"));
      const text = pages.flatMap((p) => p.lines.map((l) => l.text)).join("\n");
      expect(text).toContain("Sổ chưa có lần tổng hợp nào");
      expect(text).toContain("IV. ĐƠN VỊ CHƯA BÁO CÁO");
      expect(text).toContain("Toàn tỉnh");
      // The văn bản portrait, the tables after the signature landscape.
      const signed = pages.findIndex((p) => p.lines.some((l) => l.text.startsWith("Nơi nhận:")));
      expect(signed).toBeGreaterThanOrEqual(0);
      for (const p of pages.slice(0, signed + 1)) expect(p.width).toBeLessThan(p.height);
      for (const p of pages.slice(signed + 1)) expect(p.width).toBeGreaterThan(p.height);
      // Every result typed for a task due in 2026 is on paper: due as LibreOffice's recalculation
      // of the workbook's own "Tình trạng" formulas says.
      const recalculated = sofficeConvert(wb, "xlsx");
      const typed = runPython<string[]>(
        `
import sys, json, openpyxl
ws = openpyxl.load_workbook(sys.argv[1], data_only=True)["Nhiệm vụ"]
head = {c.value: c.column for c in ws[1]}
v = lambda r, h: ws.cell(r, head[h]).value
print(json.dumps([v(r, "Kết quả thực hiện") for r in range(2, ws.max_row + 1)
  if v(r, "Kết quả thực hiện") and v(r, "Tình trạng") != "Không thuộc năm báo cáo"]))
`,
        [recalculated]
      );
      expect(typed.length).toBeGreaterThan(5);
      expect(missingWords(pages, typed)).toEqual([]);
    }
  );

  itWithTools(
    ["python3-openpyxl"],
    "--province after a consolidation: the last one's agencies not received",
    async () => {
      const out = path.join(dir, "tinh.xlsx");
      const r = phuluc(["report", withConsolidation, "--province", "-o", out, "--json"]);
      expect(r.code).toBe(0);
      const missing = JSON.parse(r.stdout).figures.missing;
      expect(missing.source).toBe("consolidation");
      expect(missing.agencies).toEqual([
        { agency: "Công an tỉnh", note: "Bị từ chối (tệp ca.xlsx)" },
        { agency: "Sở Tư pháp", note: "Chưa nhận" },
      ]);
      expect(missing.sourceText).toContain("20/11/2026 15:30");
    }
  );

  itWithTools(
    ["python3-openpyxl"],
    "bad input: a year outside the plan, an unknown agency, no scope",
    async () => {
      const out = path.join(dir, "x.docx");
      let r = phuluc(["report", wb, "--agency", "Sở Y tế", "--year", "2035", "-o", out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(
        "năm 2035 nằm ngoài giai đoạn của kế hoạch 4784/KH-UBND (2024–2030)"
      );
      expect(r.stderr).toContain("edited.xlsx");
      r = phuluc(["report", wb, "--agency", "Sở Không Có", "-o", out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('không có đơn vị "Sở Không Có"');
      r = phuluc(["report", wb, "-o", out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("--agency TÊN, --all hoặc --province");
      r = phuluc(["report", wb, "--province", "--format", "xlsx", "-o", out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("--format xlsx không khớp đuôi của tệp");
      r = phuluc(["print", wb, "--year", "2023", "--with-status", "-o", out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("năm 2023 nằm ngoài giai đoạn");
    }
  );
});
