/**
 * Prose plans as real files: the Đồng Nai and Bắc Giang seeds written by python-docx in other
 * layouts (Word list numbering and bullets, bold headings without numbers and a page-wrapped
 * paragraph, lettered headings with a colon), the same .docx converted to HTML by LibreOffice,
 * and the tracking workbook of a plan with a request recalculated by LibreOffice: requests are
 * counted apart in "Tổng hợp" and in `phuluc rollup`.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { importPlan } from "../../src/core/import/import-plan";
import { openPlanFile } from "../../src/app/open-plan-file";
import type { ImportResult } from "../../src/core/model";
import { itWithTools, runPython, sofficeConvert, tempDir } from "../helpers/tools";
import { LAM_DONG_DOCX, SEED_BAC_GIANG, SEED_DONG_NAI } from "../helpers/shared-paths";
import { phuluc } from "../helpers/phuluc-cli";
import "../helpers/integration-timeout";

/** Rewrites a seed's "TỔ CHỨC THỰC HIỆN" section in one layout; the rest stays plain paragraphs. */
const WRITE_LAYOUT = String.raw`
import sys, re, json, docx
seed, layout, out = sys.argv[1], sys.argv[2], sys.argv[3]
lines = [l.strip() for l in open(seed, encoding="utf-8").read().split("\n") if l.strip()]
doc = docx.Document()
inside = False
letters = "abcdefghiklmnopq"
n = 0
wrapped = False
for line in lines:
    if re.match(r"^[IVX]+\. TỔ CHỨC THỰC HIỆN$", line):
        inside = True
        doc.add_paragraph().add_run(line).bold = True
        continue
    if line.startswith("Nơi nhận"):
        inside = False
    if not inside:
        doc.add_paragraph(line.replace("**", ""))
        continue
    m = re.match(r"^(\d+)\.\s+(.*)$", line)
    if m:
        n += 1
        text = m.group(2)
        name, colon, rest = text.partition(":")
        if layout == "list-styles":
            doc.add_paragraph(text, style="List Number")
        elif layout == "bold":
            p = doc.add_paragraph()
            p.add_run(name + colon).bold = True
            if rest.strip():
                p.add_run(" " + rest.strip())
        else:
            doc.add_paragraph(letters[n - 1] + ") " + name.strip() + ":" + ((" " + rest.strip()) if rest.strip() else ""))
        continue
    bullet = line.startswith("- ")
    body = line[2:] if bullet else line
    if layout == "list-styles" and bullet:
        doc.add_paragraph(body, style="List Bullet")
    elif layout == "bold" and not wrapped and len(body) > 200 and " nhằm " in body:
        # A paragraph broken where a page ended: the second part starts in lowercase.
        i = body.index(" nhằm ")
        doc.add_paragraph(body[:i])
        doc.add_paragraph(body[i + 1:])
        wrapped = True
    else:
        doc.add_paragraph(line)
doc.save(out)
print(json.dumps({"wrapped": wrapped}))
`;

const DONG_NAI_COUNTS = [5, 2, 2, 1, 1, 1, 1, 3, 6, 3, 1];
const BAC_GIANG_COUNTS = [5, 3, 3, 3, 2, 2, 1, 4, 2, 4, 4, 1];

const perGroup = (r: ImportResult) =>
  r.groups.map((g) => r.tasks.filter((t) => t.group === g.stt).length);
const essence = (r: ImportResult) =>
  r.tasks.map((t) => ({
    title: t.title.replace(/\s+/g, " "),
    lead: t.lead.map((a) => a.name),
    partners: t.partners.map((a) => a.name),
    kind: t.kind,
    timeText: t.timeText,
  }));

async function fromFile(file: string): Promise<ImportResult> {
  const name = file.split("/").pop()!;
  return importPlan(await openPlanFile(new Uint8Array(readFileSync(file)), name));
}

describe.each([
  ["Đồng Nai", SEED_DONG_NAI, DONG_NAI_COUNTS],
  ["Bắc Giang", SEED_BAC_GIANG, BAC_GIANG_COUNTS],
])("%s seed as .docx", (_name, seed, counts) => {
  let fromText: ImportResult;
  beforeAll(async () => {
    fromText = await importPlan({
      kind: "text",
      text: readFileSync(seed, "utf8"),
      fileName: "seed.txt",
    });
  });

  for (const layout of ["list-styles", "bold", "lettered-colon"]) {
    itWithTools(
      ["python3-openpyxl"],
      `${layout}: same agencies, tasks, partners, kinds and times as the text`,
      async () => {
        const dir = tempDir("prose-docx");
        const file = join(dir, `${layout}.docx`);
        const written = runPython<{ wrapped: boolean }>(WRITE_LAYOUT, [seed, layout, file]);
        if (layout === "bold") expect(written.wrapped).toBe(true);
        const r = await fromFile(file);
        expect(r.origin).toBe("prose");
        expect(perGroup(r)).toEqual(counts);
        expect(essence(r)).toEqual(essence(fromText));
        if (layout === "lettered-colon") expect(r.tasks[0].stt).toBe("a.1");
        if (layout === "list-styles") expect(r.groups[0].stt).toBe("1");
      }
    );
  }

  itWithTools(
    ["python3-openpyxl", "soffice"],
    "list styles re-saved by LibreOffice (numbering as w:numPr + numbering.xml) read the same",
    async () => {
      const dir = tempDir("prose-numpr");
      const file = join(dir, "list-styles.docx");
      runPython(WRITE_LAYOUT, [seed, "list-styles", file]);
      const resaved = sofficeConvert(file, "docx:MS Word 2007 XML");
      expect(readFileSync(resaved).toString("latin1")).toContain("word/numbering.xml");
      const r = await fromFile(resaved);
      expect(perGroup(r)).toEqual(counts);
      expect(essence(r)).toEqual(essence(fromText));
    }
  );

  itWithTools(
    ["python3-openpyxl", "soffice"],
    "the .docx saved as HTML by LibreOffice reads the same",
    async () => {
      const dir = tempDir("prose-html");
      const file = join(dir, "bold.docx");
      runPython(WRITE_LAYOUT, [seed, "bold", file]);
      const html = sofficeConvert(file, "html");
      const r = await fromFile(html);
      expect(perGroup(r)).toEqual(counts);
      expect(essence(r)).toEqual(essence(fromText));
    }
  );
});

itWithTools(
  ["soffice"],
  "the Lâm Đồng .docx saved as HTML by LibreOffice: the same phụ lục as the .docx, via the CLI",
  async () => {
    const html = sofficeConvert(LAM_DONG_DOCX, "html");
    const fromDocx = await fromFile(LAM_DONG_DOCX);
    const run = phuluc(["import", html, "--json"]);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.tasks).toHaveLength(29);
    expect(json.tasks.map((t: { lead: string[] }) => t.lead)).toEqual(
      fromDocx.tasks.map((t) => t.lead.map((a) => a.name))
    );
    expect(json.plan).toEqual(fromDocx.plan);
    // Its section IV also assigns tasks in prose: offered, not merged.
    expect(json.additions.tasks.length).toBeGreaterThan(0);
    expect(json.findings.map((f: { code: string }) => f.code)).toContain("PROSE_ADDITIONS");
  }
);

const FILL = String.raw`
import sys, json, datetime, openpyxl
src, dst = sys.argv[1], sys.argv[2]
wb = openpyxl.load_workbook(src)
ws = wb["Nhiệm vụ"]
col = {c.value: c.column for c in ws[1]}
kinds = {}
for row in range(2, ws.max_row + 1):
    key = ws.cell(row, col["Mã nhiệm vụ"]).value
    if not key: continue
    kinds[key] = ws.cell(row, col["Loại nhiệm vụ"]).value
    if key in ("T11.1", "T1.1"):
        ws.cell(row, col["Trạng thái"]).value = "Hoàn thành"
        ws.cell(row, col["Ngày hoàn thành"]).value = datetime.datetime(2025, 6, 1)
wb.save(dst)
print(json.dumps(kinds, ensure_ascii=False))
`;

const READ_SUMMARY = String.raw`
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], data_only=True)
s = wb["Tổng hợp"]
out = {}
section = ""
for r in s.iter_rows(min_row=7, values_only=True):
    if r[0] and not r[1]: section = str(r[0])[:3].strip(); continue
    if r[1]: out[section + "|" + str(r[1])] = list(r[2:5])
print(json.dumps(out, ensure_ascii=False))
`;

itWithTools(
  ["python3-openpyxl", "soffice"],
  "a request is tracked with its kind, and counted apart: LibreOffice's Tổng hợp and phuluc rollup agree",
  async () => {
    const dir = tempDir("prose-requests");
    const out = join(dir, "dong-nai.xlsx");
    const imp = phuluc([
      "import",
      SEED_DONG_NAI,
      "-o",
      out,
      "--year",
      "2025",
      "--date",
      "2025-12-31",
    ]);
    expect(imp.code).toBe(0);
    const filled = join(dir, "filled.xlsx");
    const kinds = runPython<Record<string, string>>(FILL, [out, filled]);
    expect(kinds["T11.1"]).toBe("Đề nghị");
    expect(kinds["T1.1"]).toBe("Giao thực hiện");
    const recalculated = sofficeConvert(filled, "xlsx");
    const summary = runPython<Record<string, (number | null)[]>>(READ_SUMMARY, [recalculated]);
    // The province counts every assignment row of 2025 but not the request; done on time: T1.1 only.
    const province = summary["I.|Toàn tỉnh"];
    const requests = summary["V.|Tổng số đề nghị"];
    expect(requests).toEqual([1, 1, 0]); // total, done on time, done late
    expect(province[1]).toBe(1);
    // In 2025 the request is tracked under the body that succeeded Ban Tuyên giáo Tỉnh ủy.
    expect(summary["V.|Ban Tuyên giáo và Dân vận Tỉnh ủy"]).toEqual([1, 1, 0]);
    expect(Object.keys(summary).filter((k) => /^II\..*Tuyên giáo/.test(k))).toEqual([]);
    const rollup = phuluc([
      "rollup",
      recalculated,
      "--year",
      "2025",
      "--date",
      "2025-12-31",
      "--json",
    ]);
    expect(rollup.code).toBe(0);
    const r = JSON.parse(rollup.stdout);
    expect(r.province.total).toBe(province[0]);
    expect(r.requests.total.total).toBe(1);
    expect(r.requests.total.done_on_time).toBe(1);
  }
);
