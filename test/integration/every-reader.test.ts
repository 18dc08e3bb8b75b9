/**
 * One rule for every reader: one plan, whose phụ lục goes on in a second table with its header
 * typed again, read from .docx, from the web page LibreOffice saves it as, from the PDF it
 * prints, from pasted text, from workbooks (one typed by openpyxl; one LibreOffice makes by
 * opening the web page in Calc, the whole plan on one sheet) and from the Excel selection (the
 * range's values, texts, number formats and merged areas as Office.js gives them, read from
 * those workbooks by openpyxl). Locating the phụ lục, joining the two tables, groups and
 * numbering are core's, so every reader gives the same groups and tasks.
 */
import "../helpers/integration-timeout";
import { copyFileSync } from "node:fs";
import path from "node:path";
import { importPlan, type ImportOptions } from "../../src/core/import/import-plan";
import { defaultDirectory } from "../../src/core/agency/default-directory";
import { importResultToJson } from "../../src/cli/import-json";
import {
  SELECTION_SOURCE,
  selectionToRawTable,
  type SelectionSnapshot,
} from "../../src/host/selection-table";
import { importJson, type JsonResult } from "../helpers/import-json";
import {
  requireTool,
  runPython,
  runPythonFile,
  sofficeConvertAll,
  tempDir,
} from "../helpers/tools";

const MAKE_PLANS = path.join(__dirname, "pdf", "make_plans.py");

/** The pane's selection import: the snapshot → RawTable → core, as ImportTab does. */
async function importSelection(
  snapshot: SelectionSnapshot,
  options: ImportOptions = {}
): Promise<JsonResult> {
  const table = selectionToRawTable(snapshot);
  const result = await importPlan(
    { kind: "tables", tables: [table], fileName: SELECTION_SOURCE },
    options
  );
  return JSON.parse(JSON.stringify(importResultToJson(result))) as JsonResult;
}

/**
 * What Office.js gives for a sheet's used range, read by openpyxl: `values` (numbers as numbers,
 * dates as serials, empty as ""), `text` as Excel displays it (General numbers without ".0",
 * dates dd/mm/yyyy), `numberFormat`, and the merged areas' address ("'Sheet'!A1:C1,…").
 */
const SNAPSHOT = `
import datetime, json, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).active
values, texts, formats = [], [], []
for row in ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=ws.max_column):
    v, t, f = [], [], []
    for c in row:
        x = c.value
        if isinstance(x, datetime.datetime):
            v.append((x - datetime.datetime(1899, 12, 30)).days); t.append(x.strftime("%d/%m/%Y"))
        elif isinstance(x, (int, float)) and not isinstance(x, bool):
            v.append(x); t.append(str(int(x)) if float(x).is_integer() else str(x))
        else:
            v.append("" if x is None else str(x)); t.append("" if x is None else str(x))
        f.append(c.number_format)
    values.append(v); texts.append(t); formats.append(f)
sheet = "'" + ws.title.replace("'", "''") + "'"
merged = ",".join(sheet + "!" + str(m) for m in ws.merged_cells.ranges)
print(json.dumps({"sheet": ws.title, "rowIndex": 0, "columnIndex": 0, "texts": texts,
                  "values": values, "numberFormats": formats, "mergedAddress": merged or None},
                 ensure_ascii=False))
`;

/** The selection from the header row down (rowIndex moves, merges above are clipped away). */
function fromHeaderDown(s: SelectionSnapshot): SelectionSnapshot {
  const top = s.texts.findIndex((r) => r[0].trim() === "STT");
  const cut = <T>(rows: T[][] | undefined) => rows?.slice(top);
  return {
    ...s,
    rowIndex: top,
    texts: s.texts.slice(top),
    values: cut(s.values),
    numberFormats: cut(s.numberFormats),
  };
}

/** A column too narrow for its numbers: Excel's text shows "####", the values are right. */
function narrow(s: SelectionSnapshot): SelectionSnapshot {
  return {
    ...s,
    texts: s.texts.map((row, r) =>
      row.map((t, c) => (typeof s.values?.[r][c] === "number" ? "####" : t))
    ),
  };
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
/** With the plan's title at hand, the period and so each task's years and deadline agree too. */
const timing = (r: JsonResult) => r.tasks.map((t) => [t.key, t.years, t.deadline]);

const ok = (["soffice", "python3-openpyxl"] as const).every((t) => requireTool(t));
(ok ? describe : describe.skip)("one plan through every reader", () => {
  let dir = "";
  let docx: JsonResult;
  let sheets: Record<"openpyxl" | "calc", SelectionSnapshot>;

  beforeAll(() => {
    dir = tempDir("every-reader");
    runPythonFile(MAKE_PLANS, [dir]);
    const doc = path.join(dir, "hai-bang.docx");
    for (const target of ["html", "pdf"])
      for (const f of sofficeConvertAll(doc, target))
        copyFileSync(f, path.join(dir, path.basename(f)));
    // The web page opened in Calc and saved as .xlsx: the whole plan on one sheet.
    const [calc] = sofficeConvertAll(path.join(dir, "hai-bang.html"), "xlsx", "HTML (StarCalc)");
    copyFileSync(calc, path.join(dir, "hai-bang-calc.xlsx"));
    docx = importJson(doc);
    const snap = (f: string) => runPython<SelectionSnapshot>(SNAPSHOT, [path.join(dir, f)]);
    sheets = { openpyxl: snap("hai-bang.xlsx"), calc: snap("hai-bang-calc.xlsx") };
  });

  it("the .docx: both tables, 4 groups and 16 tasks, the signer from its signature table", () => {
    expect(docx.groups.map((g) => g.stt)).toEqual(["I", "II", "III", "IV"]);
    expect(docx.tasks).toHaveLength(16);
    expect(docx.plan.signer).toEqual({
      titles: ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
      name: "Nguyễn Văn An",
    });
  });

  it.each(["html", "pdf"])("saved as .%s: the same plan, groups, tasks and timing", (ext) => {
    const r = importJson(path.join(dir, `hai-bang.${ext}`));
    expect(r.plan).toEqual(docx.plan);
    expect(content(r)).toEqual(content(docx));
    expect(timing(r)).toEqual(timing(docx));
  });

  it("the whole plan opened in Calc, saved as .xlsx: the same plan, groups, tasks and timing", () => {
    const r = importJson(path.join(dir, "hai-bang-calc.xlsx"));
    expect(r.plan).toEqual(docx.plan);
    expect(content(r)).toEqual(content(docx));
    expect(timing(r)).toEqual(timing(docx));
  });

  it.each(["txt", "xlsx"])("pasted text and a workbook (.%s): the same groups and tasks", (ext) => {
    expect(content(importJson(path.join(dir, `hai-bang.${ext}`)))).toEqual(content(docx));
  });

  it("the Excel selection of the whole Calc sheet: the same plan, groups, tasks and timing", async () => {
    const r = await importSelection(sheets.calc);
    expect(r.plan).toEqual(docx.plan);
    expect(content(r)).toEqual(content(docx));
    expect(timing(r)).toEqual(timing(docx));
  });

  it.each([
    ["the openpyxl sheet, whole", "openpyxl", false, false],
    ["the openpyxl sheet, from its header down", "openpyxl", true, false],
    ["the Calc sheet, from the phụ lục's header down", "calc", true, false],
    ["the openpyxl sheet, numbers shown as ####", "openpyxl", false, true],
    ["the Calc sheet, numbers shown as ####", "calc", true, true],
  ] as const)(
    "the Excel selection of %s: the same groups and tasks",
    async (_, which, cut, hashes) => {
      let s = sheets[which];
      if (cut) s = fromHeaderDown(s);
      if (hashes) s = narrow(s);
      // Cut at the header, nothing names the province: the officer's Lâm Đồng directory does
      // ("Báo Lâm Đồng" is the province's newspaper, not any "Báo tỉnh").
      const options = cut ? { directory: defaultDirectory("Lâm Đồng") } : {};
      expect(content(await importSelection(s, options))).toEqual(content(docx));
    }
  );
});
