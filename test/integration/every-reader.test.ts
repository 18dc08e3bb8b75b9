/**
 * One rule for every reader: one plan, whose phụ lục goes on in a second table with its header
 * typed again, read from .docx, from the web page LibreOffice saves it as, from the PDF it
 * prints, from pasted text and from a workbook. Locating the phụ lục, joining the two tables,
 * groups and numbering are core's, so every reader gives the same groups and tasks.
 */
import "../helpers/integration-timeout";
import { copyFileSync, readFileSync } from "node:fs";
import path from "node:path";
import { phuluc } from "../helpers/phuluc-cli";
import { requireTool, runPython, sofficeConvertAll, tempDir } from "../helpers/tools";

const MAKE_PLANS = path.join(__dirname, "pdf", "make_plans.py");

interface JsonTask {
  key: string;
  stt: string;
  group: string;
  title: string;
  lead: string[];
  partners: string[];
  timeText: string;
}
interface JsonResult {
  plan: Record<string, unknown>;
  groups: { stt: string; title: string }[];
  tasks: JsonTask[];
}

function importJson(file: string): JsonResult {
  const r = phuluc(["import", file, "--json"]);
  if (r.code !== 0) throw new Error(`phuluc import ${path.basename(file)}: ${r.stderr}`);
  return JSON.parse(r.stdout) as JsonResult;
}

/** What the phụ lục says, whatever carried it (cell line breaks are layout). */
const content = (r: JsonResult) => ({
  groups: r.groups,
  tasks: r.tasks.map((t) => ({
    key: t.key,
    stt: t.stt,
    group: t.group,
    title: t.title.replace(/\s+/g, " "),
    lead: t.lead,
    partners: t.partners,
    timeText: t.timeText,
  })),
});

const ok = (["soffice", "python3-openpyxl"] as const).every((t) => requireTool(t));
(ok ? describe : describe.skip)("one plan through every reader", () => {
  let dir = "";
  let docx: JsonResult;

  beforeAll(() => {
    dir = tempDir("every-reader");
    runPython(readFileSync(MAKE_PLANS, "utf8"), [dir]);
    const doc = path.join(dir, "hai-bang.docx");
    for (const target of ["html", "pdf"])
      for (const f of sofficeConvertAll(doc, target))
        copyFileSync(f, path.join(dir, path.basename(f)));
    docx = importJson(doc);
  });

  it("the .docx: both tables, 4 groups and 16 tasks", () => {
    expect(docx.groups.map((g) => g.stt)).toEqual(["I", "II", "III", "IV"]);
    expect(docx.tasks).toHaveLength(16);
  });

  it.each(["html", "pdf"])("saved as .%s: the same plan, groups and tasks", (ext) => {
    const r = importJson(path.join(dir, `hai-bang.${ext}`));
    // The PDF also reads the signer from the signature block, a borderless table in .docx/.html.
    const { signer: _signer, ...plan } = r.plan;
    expect(docx.plan.signer ? r.plan : plan).toEqual(docx.plan);
    expect(content(r)).toEqual(content(docx));
  });

  it.each(["txt", "xlsx"])("pasted text and a workbook (.%s): the same groups and tasks", (ext) => {
    expect(content(importJson(path.join(dir, `hai-bang.${ext}`)))).toEqual(content(docx));
  });
});
