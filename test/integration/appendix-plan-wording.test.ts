/**
 * The printed appendix names the agencies in the plan's own words: each task's lead and partner
 * cells as the plan has them (commas, "và", collectives, line breaks), not split and rejoined
 * into the directory's names. Plans: one made here by python-docx with awkward cells, the Lâm
 * Đồng fixture (.docx), the Lâm Đồng seed (a text plan, "|" between cells). Each is printed by
 * the CLI twice — from the plan file itself and from the workbook `phuluc import` makes — as
 * .xlsx (read back by openpyxl) and .docx (read back by python-docx); the plan's cells are read by
 * python-docx / from the text, never by Phụ Lục.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { phuluc } from "../helpers/phuluc-cli";
import { LAM_DONG_DOCX, SEED_DONG_NAI, SEED_LAM_DONG } from "../helpers/shared-paths";
import { itWithTools, runPython, tempDir } from "../helpers/tools";
import "../helpers/integration-timeout";

/** A printed or plan table: rows of cell texts, merged cells once. */
type Table = string[][];

/** The plan's table read by python-docx (first table holding "STT"); cells once per merge. */
const READ_DOCX = `
import sys, json, docx
d = docx.Document(sys.argv[1])
out = None
for t in d.tables:
    rows = []
    for r in t.rows:
        cells, seen = [], set()
        for c in r.cells:
            if id(c._tc) in seen: continue
            seen.add(id(c._tc)); cells.append(c.text)
        rows.append(cells)
    if any(any(x.strip().upper() in ("STT", "TT") for x in row) for row in rows):
        out = rows; break
print(json.dumps(out))
`;

/** The printed .xlsx appendix read by openpyxl: values of merge anchors, row by row. */
const READ_XLSX = `
import sys, json, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
inner = set()
for m in ws.merged_cells.ranges:
    for r in range(m.min_row, m.max_row + 1):
        for c in range(m.min_col, m.max_col + 1):
            if (r, c) != (m.min_row, m.min_col): inner.add((r, c))
rows = []
for row in ws.iter_rows():
    rows.append(["" if c.value is None else str(c.value) for c in row if (c.row, c.column) not in inner])
print(json.dumps(rows))
`;

/** A sheet of a workbook by name, every cell as text (openpyxl). */
const READ_SHEET = `
import sys, json, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])[sys.argv[2]]
print(json.dumps([["" if v is None else str(v) for v in r] for r in ws.iter_rows(values_only=True)]))
`;

/** What "equal to the plan's cell" means: NFC, spaces collapsed in each line, lines kept. */
function normalised(cell: string): string {
  const text = cell
    .normalize("NFC")
    .split(/\r?\n/)
    .map((l) => l.replace(/[\s\u00a0\u200b]+/g, " ").trim())
    .filter((l) => l !== "")
    .join("\n");
  // A one-line cell loses a stray leading bullet, as the appendix's titles do.
  return text.includes("\n") ? text : text.replace(/^[-–+•]\s+/u, "");
}

/** The printed table: the rows from its header (STT…) on, by header text. */
function printedRows(file: string): Record<string, string>[] {
  const rows = runPython<Table>(file.endsWith(".xlsx") ? READ_XLSX : READ_DOCX, [file]);
  const h = rows.findIndex((r) => r.some((c) => /^(STT|TT)$/i.test(c.trim())));
  expect(h).toBeGreaterThanOrEqual(0);
  const headers = rows[h].map((c) => c.trim());
  return rows
    .slice(h + 1)
    .filter((r) => r.some((c) => c.trim() !== ""))
    .map((r) => Object.fromEntries(headers.map((k, i) => [k, r[i] ?? ""])));
}

interface PlanTask {
  stt: string;
  title: string;
  lead: string;
  partners: string;
}

/** Every way the appendix gets printed: from the plan and from its workbook, .xlsx and .docx. */
function printAll(plan: string): { path: string; rows: Record<string, string>[] }[] {
  const dir = tempDir("appendix-wording");
  const wb = path.join(dir, "theo-doi.xlsx");
  const imported = phuluc(["import", plan, "-o", wb]);
  expect(imported.code).toBe(0);
  const outs: string[] = [];
  for (const [input, name] of [
    [plan, "tu-ke-hoach"],
    [wb, "tu-so-theo-doi"],
  ])
    for (const ext of ["xlsx", "docx"]) {
      const out = path.join(dir, `${name}.${ext}`);
      const r = phuluc(["print", input, "-o", out]);
      expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: "" });
      outs.push(out);
    }
  return outs.map((p) => ({ path: path.basename(p), rows: printedRows(p) }));
}

/** Each plan task printed once, its lead and partner cells the plan's (normalised). */
function expectPlanWording(
  printed: { path: string; rows: Record<string, string>[] }[],
  tasks: PlanTask[],
  columns: { lead: string; partners: string }
): void {
  for (const { path: file, rows } of printed) {
    for (const t of tasks) {
      const at = rows.filter((r) => normalised(Object.values(r)[1]) === normalised(t.title));
      expect({ file, title: t.title, count: at.length }).toEqual({
        file,
        title: t.title,
        count: 1,
      });
      expect({ file, title: t.title, lead: at[0][columns.lead] }).toEqual({
        file,
        title: t.title,
        lead: normalised(t.lead),
      });
      expect({ file, title: t.title, partners: at[0][columns.partners] }).toEqual({
        file,
        title: t.title,
        partners: normalised(t.partners),
      });
    }
  }
}

/** A plan whose agency cells are what officers type: collectives, "và", breaks, odd spaces. */
const MAKE_PLAN = `
import sys, docx
d = docx.Document()
for p in ["ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "Số: 123/KH-UBND", "Lâm Đồng, ngày 10 tháng 3 năm 2025",
          "KẾ HOẠCH", "Thực hiện công tác chuyển đổi số năm 2025",
          "PHỤ LỤC", "DANH MỤC NHIỆM VỤ",
          "(Kèm theo Kế hoạch số 123/KH-UBND ngày 10/3/2025 của UBND tỉnh Lâm Đồng)"]:
    d.add_paragraph(p)
rows = [
  ("STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"),
  ("I", "Tuyên truyền", "", "", ""),
  ("1", "Tuyên truyền về chuyển đổi số", "Các sở, ngành liên quan",
   "UBND các huyện,   thành phố", "Năm 2025"),
  ("2", "Xây dựng cơ sở dữ liệu y tế và giáo dục", "Sở Y tế và Sở Giáo dục và Đào tạo",
   "Sở Tài chính, Sở Kế hoạch và Đầu tư", "2025"),
  ("3", "Bảo đảm an toàn thông tin", "Công an tỉnh\\nSở Nội vụ",
   "- Sở Tư pháp\\n- Báo Lâm Đồng\\n- Các cơ quan, đơn vị có liên quan", "Hằng năm"),
  ("II", "Hạ tầng", "", "", ""),
  ("4", "Nâng cấp mạng truyền số liệu chuyên dùng", "- Sở Tài chính",
   "Các Sở, ban, ngành, UBND các huyện, thành phố", "Quý II/2025"),
  ("5", "Số hóa di sản văn hóa", "Sở Văn hóa, Thể thao\\nvà Du lịch", "", "2025 - 2026"),
  ("6", "Phát triển nền tảng số", "Sở  Khoa học\\u00a0và Công nghệ",
   "Sở Thông tin và Truyền thông; Sở Công Thương;\\nUBND các huyện, thành phố", "Thường xuyên"),
]
t = d.add_table(rows=len(rows), cols=5)
for i, row in enumerate(rows):
    for j, text in enumerate(row):
        cell = t.cell(i, j)
        lines = text.split("\\n")
        cell.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)
for i, row in enumerate(rows):
    if row[0] in ("I", "II"):
        t.cell(i, 1).merge(t.cell(i, 4))
d.add_paragraph("TM. ỦY BAN NHÂN DÂN")
d.add_paragraph("CHỦ TỊCH")
d.add_paragraph("Nguyễn Văn A")
d.save(sys.argv[1])
print("null")
`;

/** The signature cell of a printed .docx (the last table's last cell), paragraph by paragraph. */
const READ_SIGNATURE = `
import sys, json, docx
t = docx.Document(sys.argv[1]).tables[-1]
print(json.dumps([p.text for p in t.rows[-1].cells[-1].paragraphs]))
`;

/** Rows of a plan table (python-docx) that are tasks: an Arabic STT and a lead or partner. */
function planTasks(rows: Table): PlanTask[] {
  return rows
    .filter((r) => /^\d+(\.\d+)*$/.test(r[0].trim()) && r.length >= 5 && (r[2] || r[3]).trim())
    .map((r) => ({ stt: r[0].trim(), title: r[1], lead: r[2], partners: r[3] }));
}

/**
 * The Lâm Đồng seed's phụ lục (text: each cell on its own lines, "|" after each): its cells, five
 * a row, wrapped lines joined (a text plan cannot tell a wrap from a break).
 */
function seedTasks(text: string): PlanTask[] {
  const lines = text.split("\n").map((l) => l.trim());
  const start = lines.findIndex((l, i) => l === "STT" && lines[i + 1] === "|");
  const cells: string[] = [];
  let cell: string[] = [];
  for (const line of lines.slice(start)) {
    if (line === "|") {
      cells.push(cell.join(" "));
      cell = [];
    } else if (line !== "") cell.push(line);
  }
  const rows: string[][] = [];
  for (let i = 0; i + 5 <= cells.length; i += 5) rows.push(cells.slice(i, i + 5));
  return planTasks(rows);
}

describe("the appendix keeps the plan's wording of agencies", () => {
  itWithTools(
    ["python3-openpyxl"],
    "a python-docx plan: collectives, 'và', line breaks, odd spaces, stray '- '; two leads once",
    async () => {
      const dir = tempDir("wording-plan");
      const plan = path.join(dir, "ke-hoach.docx");
      runPython(MAKE_PLAN, [plan]);
      const tasks = planTasks(runPython<Table>(READ_DOCX, [plan]));
      expect(tasks.map((t) => t.stt)).toEqual(["1", "2", "3", "4", "5", "6"]);
      const printed = printAll(plan);
      expectPlanWording(printed, tasks, { lead: "Cơ quan chủ trì", partners: "Cơ quan phối hợp" });
      // What the plan's cells become, spelled out once (the normaliser above is the rule).
      const row = (title: string) => printed[0].rows.find((r) => Object.values(r)[1] === title)!;
      expect(row("Tuyên truyền về chuyển đổi số")["Cơ quan phối hợp"]).toBe(
        "UBND các huyện, thành phố"
      );
      expect(row("Bảo đảm an toàn thông tin")["Cơ quan chủ trì"]).toBe("Công an tỉnh\nSở Nội vụ");
      expect(row("Bảo đảm an toàn thông tin")["Cơ quan phối hợp"]).toBe(
        "- Sở Tư pháp\n- Báo Lâm Đồng\n- Các cơ quan, đơn vị có liên quan"
      );
      expect(row("Nâng cấp mạng truyền số liệu chuyên dùng")["Cơ quan chủ trì"]).toBe(
        "Sở Tài chính"
      );
      expect(row("Phát triển nền tảng số")["Cơ quan chủ trì"]).toBe("Sở Khoa học và Công nghệ");

      // Two leads ("Sở Y tế và Sở Giáo dục và Đào tạo"): two rows of the tracking sheet…
      const sheet = runPython<Table>(READ_SHEET, [workbookOf(plan), "Nhiệm vụ"]);
      const title = sheet[0].indexOf("Nhiệm vụ");
      const lead = sheet[0].indexOf("Đơn vị chủ trì");
      const both = sheet.filter((r) => r[title] === "Xây dựng cơ sở dữ liệu y tế và giáo dục");
      expect(both.map((r) => r[lead]).sort()).toEqual(["Sở Giáo dục và Đào tạo", "Sở Y tế"]);
      // … one task of the appendix, in the plan's words (checked above for every print).

      // The plan's signer ("TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH", not the issuer's usual "KT. CHỦ
      // TỊCH / PHÓ CHỦ TỊCH"), from the plan and from its workbook; blank lines to sign in.
      const dir2 = tempDir("wording-signer");
      for (const input of [plan, workbookOf(plan)]) {
        const out = path.join(dir2, `${path.extname(input).slice(1)}.docx`);
        expect(phuluc(["print", input, "-o", out]).code).toBe(0);
        expect(runPython<string[]>(READ_SIGNATURE, [out])).toEqual([
          "TM. ỦY BAN NHÂN DÂN",
          "CHỦ TỊCH",
          "",
          "",
          "",
          "",
          "Nguyễn Văn A",
        ]);
      }
      // --signer wins over the plan's name; the space to sign stays.
      const other = path.join(dir2, "nguoi-khac.docx");
      expect(phuluc(["print", plan, "-o", other, "--signer", "Trần Thị B"]).code).toBe(0);
      const signed = runPython<string[]>(READ_SIGNATURE, [other]);
      expect(signed[signed.length - 1]).toBe("Trần Thị B");
      expect(signed.slice(2, -1).every((l) => l === "")).toBe(true);
    }
  );

  itWithTools(
    ["python3-openpyxl"],
    "the Lâm Đồng plan (.docx): every task's agency cells as the plan writes them",
    async () => {
      const tasks = planTasks(runPython<Table>(READ_DOCX, [LAM_DONG_DOCX]));
      expect(tasks.length).toBeGreaterThan(20);
      const printed = printAll(LAM_DONG_DOCX);
      expectPlanWording(printed, tasks, { lead: "ĐƠN VỊ CHỦ TRÌ", partners: "ĐƠN VỊ PHỐI HỢP" });
    }
  );

  itWithTools(
    ["python3-openpyxl"],
    "the Lâm Đồng seed (a text plan): every task's agency cells as the text writes them",
    async () => {
      const tasks = seedTasks(readFileSync(SEED_LAM_DONG, "utf8"));
      expect(tasks.length).toBeGreaterThan(20);
      // "Sở Nội vụ;\nCác Sở, ban, ngành…" is one cell: the text's ";" kept, not a rejoin.
      expect(tasks.find((t) => t.stt === "5.5")?.partners).toBe(
        "Sở Nội vụ; Các Sở, ban, ngành, UBND các huyện, thành phố"
      );
      const printed = printAll(SEED_LAM_DONG);
      expectPlanWording(printed, tasks, { lead: "ĐƠN VỊ CHỦ TRÌ", partners: "ĐƠN VỊ PHỐI HỢP" });
    }
  );

  itWithTools(
    ["python3-openpyxl"],
    "the Đồng Nai seed (tasks in prose, no cell): agencies named as the workbook lists them, once",
    async () => {
      const printed = printAll(SEED_DONG_NAI);
      const sheet = runPython<Table>(READ_SHEET, [workbookOf(SEED_DONG_NAI), "Nhiệm vụ"]);
      const h = sheet[0];
      const [key, title, allLeads, wording] = [
        "Mã nhiệm vụ",
        "Nhiệm vụ",
        "Các đơn vị chủ trì",
        "Chủ trì (nguyên văn kế hoạch)",
      ].map((c) => h.indexOf(c));
      const rows = sheet.slice(1).filter((r) => r[key]);
      // Prose has no cell to keep: the wording column stays empty…
      expect(rows.every((r) => r[wording] === "")).toBe(true);
      const byTitle = new Map(rows.map((r) => [r[title], r[allLeads]]));
      for (const { path: file, rows: printedRows } of printed) {
        const tasks = printedRows.filter((r) => byTitle.has(Object.values(r)[1]));
        expect({ file, tasks: tasks.length }).toEqual({ file, tasks: byTitle.size });
        // … and the appendix names the plan's leads as the workbook lists them.
        for (const r of tasks)
          expect({ file, lead: r["Cơ quan chủ trì"] }).toEqual({
            file,
            lead: byTitle.get(Object.values(r)[1]),
          });
      }
    }
  );
});

/** The tracking workbook `phuluc import` makes of a plan (written to a fresh directory). */
function workbookOf(plan: string): string {
  const wb = path.join(tempDir("wording-wb"), "theo-doi.xlsx");
  expect(phuluc(["import", plan, "-o", wb]).code).toBe(0);
  return wb;
}
