/**
 * Issue 19's gaps in the PDF reader, on plans written by python-docx (make_unruled.py) and
 * printed to PDF by LibreOffice, each compared field by field with the import of its .docx:
 * phụ lục tables drawn without borders (columns from the text's x-positions: portrait with a
 * centred header whose "STT" wraps, landscape with short headers "TT / Nội dung / Chủ trì",
 * over pages with and without the header repeated), and agency cells typed one agency a line
 * (ruled and not). And no reader gives 0 tasks silently: a phụ lục without task rows exits 2.
 */
import "../helpers/integration-timeout";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { openPlanFile } from "../../src/app/open-plan-file";
import { importPlan } from "../../src/core/import/import-plan";
import { importResultToJson } from "../../src/cli/import-json";
import { phuluc } from "../helpers/phuluc-cli";
import { requireTool, runPythonFile, sofficeConvertAll, tempDir } from "../helpers/tools";

const MAKE = path.join(__dirname, "pdf", "make_unruled.py");

interface JsonTask {
  title: string;
  lead: string[];
  partners: string[];
  [k: string]: unknown;
}
interface JsonResult {
  plan: Record<string, unknown>;
  groups: { stt: string; title: string }[];
  tasks: JsonTask[];
}

async function importDocx(file: string): Promise<JsonResult> {
  const input = await openPlanFile(new Uint8Array(readFileSync(file)), path.basename(file));
  return JSON.parse(JSON.stringify(importResultToJson(await importPlan(input)))) as JsonResult;
}

function importPdf(file: string): JsonResult {
  const r = phuluc(["import", file, "--json"]);
  if (r.code !== 0) throw new Error(`phuluc import ${path.basename(file)}: ${r.stderr}`);
  return JSON.parse(r.stdout) as JsonResult;
}

const view = (t: JsonTask) => ({ ...t, title: t.title.replace(/\s+/g, " ") });

const ok = (["soffice", "python3-openpyxl"] as const).every((t) => requireTool(t));
const describeIf = ok ? describe : describe.skip;

describeIf("PDF plans without borders, and agency cells with line breaks", () => {
  let dir = "";

  beforeAll(() => {
    dir = tempDir("pdf-unruled");
    const docs = runPythonFile<string[]>(MAKE, [dir]).map((f) => path.join(dir, f));
    for (const pdf of sofficeConvertAll(docs, "pdf"))
      writeFileSync(path.join(dir, path.basename(pdf)), readFileSync(pdf));
  });

  it.each([
    ["khong-vien-doc", "portrait, 14 pt, centred header, STT wrapped as ST/T"],
    ["khong-vien-ngang", "landscape, TT / Nội dung / Chủ trì / Phối hợp / Thời gian"],
    ["khong-vien-lap", "over pages, header repeated, rows cut by page breaks"],
    ["khong-vien-tt", "over pages, no repeated header, short header words"],
    ["xuong-dong-doan", "ruled, one agency a paragraph in lead and partner cells"],
    ["xuong-dong-ngat", "ruled, landscape, one agency a line break"],
    ["xuong-dong-khong-vien", "no borders, one agency a line break"],
  ])("%s (%s): same tasks, leads, partners, timing and groups as the .docx", async (name) => {
    const docx = await importDocx(path.join(dir, `${name}.docx`));
    const pdf = importPdf(path.join(dir, `${name}.pdf`));
    expect(docx.tasks.length).toBeGreaterThanOrEqual(18);
    expect(pdf.groups).toEqual(docx.groups);
    expect(pdf.tasks.length).toBe(docx.tasks.length);
    docx.tasks.forEach((t, i) => expect(view(pdf.tasks[i])).toEqual(view(t)));
    expect(pdf.plan.number).toBe(docx.plan.number);
  });

  it("agency cells with line breaks give one agency a line, as typed", async () => {
    const pdf = importPdf(path.join(dir, "xuong-dong-khong-vien.pdf"));
    const leads = new Set(pdf.tasks.flatMap((t) => t.lead));
    const partners = new Set(pdf.tasks.flatMap((t) => t.partners));
    expect(leads).toContain("Công an tỉnh");
    expect(leads).toContain("Sở Nội vụ");
    expect(partners).toContain("Sở Công Thương");
    expect(partners).toContain("Sở Xây dựng");
    expect([...leads, ...partners].some((a) => /tỉnh Sở|Thương Sở|tỉnh Hội/.test(a))).toBe(false);
  });

  it("a phụ lục with no task row: exit 2 naming the file, nothing written", () => {
    const file = path.join(dir, "chi-nhom.txt");
    writeFileSync(
      file,
      [
        "PHỤ LỤC",
        "STT\tNhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian",
        "I\tCÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH\t\t\t",
        "II\tHOÀN THIỆN THỂ CHẾ, CHÍNH SÁCH\t\t\t",
      ].join("\n")
    );
    const out = path.join(dir, "chi-nhom.xlsx");
    const r = phuluc(["import", file, "-o", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Không tìm thấy nhiệm vụ nào trong tệp "chi-nhom.txt"');
    expect(existsSync(out)).toBe(false);
  });
});
