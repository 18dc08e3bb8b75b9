/**
 * "Phối hợp báo cáo" names the lead a partner worked with as the agency's own file showed it:
 * the agency existing on the report date ("Văn phòng UBND tỉnh" for a plan's "Sở Ngoại vụ"
 * after 2025), the plan's wording beside it. A completion date typed "15/11" (no year) is the
 * report year's, with a warning. Plan by python-docx, files filled by openpyxl.
 */
import fs from "node:fs";
import path from "node:path";
import { phuluc } from "../../helpers/phuluc-cli";
import { planDocxScript } from "../../helpers/plan-docx-script";
import { itWithTools, runPython, tempDir } from "../../helpers/tools";

const PLAN = planDocxScript(
  {
    province: "Nghệ An",
    number: "77",
    issued: "05/01/2026",
    title: "Thông tin đối ngoại năm 2026",
  },
  [["1", "Đón tiếp đoàn khách quốc tế", "Sở Ngoại vụ", "Sở Tư pháp", "Năm 2026"]]
);

/** Types the contribution on "Phối hợp" and returns the lead the file shows for the task. */
const FILL = `
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); p = wb["Phối hợp"]
ph = {c.value: c.column for c in p[5]}
shown = None
for r in range(6, p.max_row + 1):
    if p.cell(r, ph["Mã nhiệm vụ"]).value == "T1":
        p.cell(r, ph["Nội dung phối hợp đã thực hiện"]).value = "Cử cán bộ tham gia đón đoàn"
        shown = p.cell(r, ph["Các đơn vị chủ trì"]).value
wb.save(sys.argv[2]); print(json.dumps(shown, ensure_ascii=False))
`;

/** The lead types "Hoàn thành" and "15/11" (no year) as text, as officers do. */
const FILL_LEAD = `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["Chủ trì"]
head = {c.value: c.column for c in ws[5]}
for r in range(6, ws.max_row + 1):
    if ws.cell(r, head["Mã nhiệm vụ"]).value == "T1":
        ws.cell(r, head["Trạng thái"]).value = "Hoàn thành"
        ws.cell(r, head["Ngày hoàn thành"]).value = "15/11"
wb.save(sys.argv[2]); print("1")
`;

const READ_ROW = `
import sys, json, datetime, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Nhiệm vụ"]
head = {c.value: c.column for c in ws[1]}
v = ws.cell(2, head["Ngày hoàn thành"]).value
print(json.dumps(v.date().isoformat() if isinstance(v, datetime.datetime) else v))
`;

const READ = `
import sys, json, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Phối hợp báo cáo"]
head = [c.value for c in ws[1]]
print(json.dumps([dict(zip(head, r)) for r in ws.iter_rows(min_row=2, values_only=True)], ensure_ascii=False, default=str))
`;

describe("partner contributions name today's lead", () => {
  itWithTools(
    ["python3-openpyxl"],
    "a plan's Sở Ngoại vụ shows as Văn phòng UBND tỉnh, the plan's name beside it",
    async () => {
      const dir = tempDir("contrib-lead");
      const plan = path.join(dir, "ke-hoach.docx");
      runPython(PLAN, [plan]);
      const master = path.join(dir, "theo-doi.xlsx");
      const args = ["--year", "2026", "--date", "2026-11-20"];
      expect(phuluc(["import", plan, ...args, "-o", master]).code).toBe(0);
      const gui = path.join(dir, "gui");
      expect(phuluc(["distribute", master, "--year", "2026", "-o", gui]).code).toBe(0);
      const sent = fs.readdirSync(gui).find((f) => f.includes("Sở Tư pháp"))!;
      const back = path.join(dir, "tu-phap.xlsx");
      const shown = runPython<string>(FILL, [path.join(gui, sent), back]);
      expect(shown).toBe("Văn phòng UBND tỉnh");

      const lead = path.join(dir, "vp.xlsx");
      const leadSent = fs.readdirSync(gui).find((f) => f.includes("Văn phòng UBND tỉnh"))!;
      runPython(FILL_LEAD, [path.join(gui, leadSent), lead]);

      const out = path.join(dir, "tong-hop.xlsx");
      const c = phuluc(["consolidate", master, back, lead, ...args, "-o", out, "--json"]);
      expect(c.stderr).toBe("");
      expect(c.code).toBe(0);
      // "15/11" without a year: the report year's 15/11, and the officer is told.
      expect(runPython<string>(READ_ROW, [out])).toBe("2026-11-15");
      expect(c.stdout).toContain("không ghi năm: hiểu là 15/11/2026");
      const lines = runPython<Record<string, string>[]>(READ, [out]);
      expect(lines).toHaveLength(1);
      expect(lines[0]["Đơn vị phối hợp"]).toBe("Sở Tư pháp");
      expect(lines[0]["Nội dung phối hợp đã thực hiện"]).toBe("Cử cán bộ tham gia đón đoàn");
      expect(lines[0]["Đơn vị chủ trì"]).toBe("Văn phòng UBND tỉnh (kế hoạch ghi: Sở Ngoại vụ)");
    },
    120_000
  );
});
