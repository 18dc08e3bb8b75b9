/**
 * `phuluc import plan.pdf` gives what `phuluc import plan.docx` gives: the shared Lâm Đồng
 * fixture and plans written by python-docx in several layouts (portrait, landscape with the
 * header repeated on every page, a two-row header with merged cells and a lead merged over
 * several tasks, a table without borders), printed to PDF by LibreOffice; and one plan written
 * straight to PDF by a second producer (reportlab). Compared field by field.
 */
import "../helpers/integration-timeout";
import { copyFileSync, readFileSync } from "node:fs";
import path from "node:path";
import { openPlanFile } from "../../src/app/open-plan-file";
import { importPlan } from "../../src/core/import/import-plan";
import { importResultToJson } from "../../src/cli/import-json";
import { importJson, type JsonResult, type JsonTask } from "../helpers/import-json";
import { LAM_DONG_DOCX } from "../helpers/shared-paths";
import { requireTool, runPythonFile, sofficeConvertAll, tempDir } from "../helpers/tools";

const MAKE_PLANS = path.join(__dirname, "pdf", "make_plans.py");

/** The .docx in this process (the reader under comparison is the PDF one, run by the real CLI). */
async function importDocx(file: string): Promise<JsonResult> {
  const input = await openPlanFile(new Uint8Array(readFileSync(file)), path.basename(file));
  return JSON.parse(JSON.stringify(importResultToJson(await importPlan(input)))) as JsonResult;
}

/** A task as the officer sees it; line breaks inside a cell are layout, not content. */
const view = (t: JsonTask) => ({ ...t, title: t.title.replace(/\s+/g, " ") });

/**
 * The plan's identity, signer included: a .docx whose signature block is a borderless table
 * gives it from that table read column by column, as the PDF gives its two columns.
 */
function expectSameIdentity(fromPdf: JsonResult, fromDocx: JsonResult): void {
  expect(fromPdf.plan).toEqual(fromDocx.plan);
}

/** The signature block of the python-docx plans (make_plans.py). */
const SIGNER = {
  titles: ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
  name: "Nguyễn Văn An",
};

function expectSamePlan(fromPdf: JsonResult, fromDocx: JsonResult, withProse: boolean): void {
  expectSameIdentity(fromPdf, fromDocx);
  expect(fromPdf.origin).toBe(fromDocx.origin);
  expect(fromPdf.groups).toEqual(fromDocx.groups);
  expect(fromPdf.tasks.length).toBe(fromDocx.tasks.length);
  fromDocx.tasks.forEach((t, i) => expect(view(fromPdf.tasks[i])).toEqual(view(t)));
  if (withProse)
    expect(fromPdf.additions?.tasks.length ?? 0).toBe(fromDocx.additions?.tasks.length ?? 0);
}

const tools = ["soffice", "python3-openpyxl"] as const;
const ok = tools.every((t) => requireTool(t));
const describeIf = ok ? describe : describe.skip;

describeIf("PDF plans read as their .docx", () => {
  let dir = "";
  let made: { docx: string[]; pdf: string[] } = { docx: [], pdf: [] };

  beforeAll(() => {
    dir = tempDir("pdf-import");
    copyFileSync(LAM_DONG_DOCX, path.join(dir, "lam-dong.docx"));
    made = runPythonFile<{ docx: string[]; pdf: string[] }>(MAKE_PLANS, [dir]);
    const docs = ["lam-dong.docx", ...made.docx].map((f) => path.join(dir, f));
    // One LibreOffice run prints them all; each PDF lands beside its .docx.
    for (const pdf of sofficeConvertAll(docs, "pdf"))
      copyFileSync(pdf, path.join(dir, path.basename(pdf)));
  });

  it("the Lâm Đồng plan: same number, date, issuer, title, groups and 29 tasks", async () => {
    const docx = await importDocx(path.join(dir, "lam-dong.docx"));
    const pdf = importJson(path.join(dir, "lam-dong.pdf"));
    expect(pdf.tasks).toHaveLength(29);
    expect(pdf.plan.number).toBe("4784/KH-UBND");
    expect(pdf.plan.issuedOn).toBe("2024-06-13");
    expectSamePlan(pdf, docx, true);
  });

  it("the signer of a python-docx plan, read from the PDF's signature columns", async () => {
    const pdf = importJson(path.join(dir, "doc-dung.pdf"));
    expect(pdf.plan.signer).toEqual(SIGNER);
  });

  it.each([
    ["doc-dung", "portrait, table over several pages, no repeated header"],
    ["ngang-lap-tieu-de", "landscape, header repeated on each page, rows cut by page breaks"],
    ["o-gop", "two-row header, merged cells, one lead merged over three tasks"],
  ])("%s (%s)", async (name) => {
    const docx = await importDocx(path.join(dir, `${name}.docx`));
    const pdf = importJson(path.join(dir, `${name}.pdf`));
    expect(pdf.tasks.length).toBeGreaterThanOrEqual(32);
    expectSamePlan(pdf, docx, true);
  });

  it("a table drawn without borders: columns from the text's x-positions", async () => {
    const docx = await importDocx(path.join(dir, "khong-ke.docx"));
    const pdf = importJson(path.join(dir, "khong-ke.pdf"));
    expectSamePlan(pdf, docx, true);
  });

  it("a PDF from a second producer (reportlab): same plan as the .docx of the same content", async () => {
    const docx = await importDocx(path.join(dir, "doc-dung.docx"));
    const pdf = importJson(path.join(dir, "reportlab.pdf"));
    // reportlab's plan stops at the phụ lục: no signature block, so no signer.
    const { signer: _signer, ...unsigned } = docx.plan;
    expectSamePlan(pdf, { ...docx, plan: unsigned }, false);
  });
});
