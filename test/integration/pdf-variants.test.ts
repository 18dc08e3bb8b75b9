/**
 * Plans laid out as signed plans are (make_variants.py: portrait body pages, the phụ lục after
 * them, long tasks cut by page breaks), printed to PDF by LibreOffice: `phuluc import x.pdf`
 * gives every task written in the .docx, each whole, with its lead, partners and time, and the
 * same as the import of the .docx.
 */
import "../helpers/integration-timeout";
import { existsSync } from "node:fs";
import path from "node:path";
import { importJson, type JsonTask } from "../helpers/import-json";
import { phuluc } from "../helpers/phuluc-cli";
import { requireTool } from "../helpers/tools";
import { generatePlans, importDocx, type WrittenTask } from "../helpers/generated-plans";

const MAKE = path.join(__dirname, "pdf", "make_variants.py");

const squash = (s: string) => s.replace(/\s+/g, " ").trim();
const view = (t: JsonTask) => ({ ...t, title: squash(t.title) });

const ok = (["soffice", "python3-openpyxl"] as const).every((t) => requireTool(t));
const describeIf = ok ? describe : describe.skip;

describeIf("PDF plans as they are signed: body pages, then the phụ lục", () => {
  let dir = "";
  let written: Record<string, WrittenTask[]> = {};

  beforeAll(() => {
    ({ dir, written } = generatePlans(MAKE, "pdf-variants"));
  });

  it("reportlab, rows ruled and columns not, the signature block under the table: not a cell", async () => {
    const pdf = importJson(path.join(dir, "reportlab-ke-dong.pdf"));
    expect(pdf.tasks.map((t) => squash(t.title))).toEqual(
      written["reportlab-ke-dong"].map((t) => t.title)
    );
    // The same tasks as the python-docx plan ngang-lap-dong-cat: compared with its .docx.
    const docx = await importDocx(path.join(dir, "ngang-lap-dong-cat.docx"));
    expect(pdf.tasks.map(view)).toEqual(docx.tasks.map(view));
  });

  it("a scanned page after the phụ lục: its tasks read, and the page named as not read", () => {
    const pdf = importJson(path.join(dir, "trang-cuoi-scan.pdf"));
    expect(pdf.tasks.map((t) => squash(t.title))).toEqual(
      written["trang-cuoi-scan"].map((t) => t.title)
    );
    const scan = pdf.findings.filter((f) => f.code === "SCANNED_PAGES");
    expect(scan).toHaveLength(1);
    expect(scan[0].message).toMatch(/^trang \d+ là hình ảnh \(bản scan/i);
  });

  it("the body typed, the phụ lục scanned: refused naming the scanned pages, nothing written", () => {
    const out = path.join(dir, "phu-luc-scan.xlsx");
    const r = phuluc(["import", path.join(dir, "phu-luc-scan.pdf"), "-o", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("trang 4, 5 là hình ảnh (bản scan, không có lớp chữ)");
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    ["ngang-lap-dong-cat", "landscape, header repeated, a page of the header and one column"],
    ["doc-o-dai", "portrait, no repeated header, the last page one column of a long task"],
    ["ngang-gop-chu-tri", "a lead merged over four tasks, cut by page breaks"],
    ["ngang-chan-trang", "a page number and a signing line in every page's margins"],
    ["ngang-khong-vach-doc", "no rules between columns, the header repeated over rows cut"],
    ["doc-o-qua-trang", "a task longer than a page, its lead merged with the next task's"],
  ])("%s (%s): every task whole, as in the .docx", async (name) => {
    const pdf = importJson(path.join(dir, `${name}.pdf`));
    const want = written[name];
    expect(pdf.tasks.map((t) => [t.stt, squash(t.title), t.timeText])).toEqual(
      want.map((t) => [t.stt, t.title, t.time])
    );
    // Every task keeps the lead it was given, also under a merged cell cut by a page break.
    expect(pdf.tasks.map((t) => t.lead.length)).toEqual(want.map(() => 1));
    const docx = await importDocx(path.join(dir, `${name}.docx`));
    expect(pdf.groups).toEqual(docx.groups);
    expect(pdf.tasks.map(view)).toEqual(docx.tasks.map(view));
  });
});
