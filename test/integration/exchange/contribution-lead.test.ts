/**
 * "Phối hợp báo cáo" names the lead a partner worked with as the agency's own file showed it:
 * the agency existing on the report date ("Văn phòng UBND tỉnh" for a plan's "Sở Ngoại vụ"
 * after 2025), the plan's wording beside it. Plan by python-docx, file filled by openpyxl.
 */
import fs from "node:fs";
import path from "node:path";
import { phuluc } from "../../helpers/phuluc-cli";
import { itWithTools, runPython, tempDir } from "../../helpers/tools";

const PLAN = `
import sys
from docx import Document
d = Document()
for l in ["ỦY BAN NHÂN DÂN TỈNH NGHỆ AN", "Số: 77/KH-UBND", "Nghệ An, ngày 05 tháng 01 năm 2026",
          "KẾ HOẠCH", "Thông tin đối ngoại năm 2026", "PHỤ LỤC",
          "(Kèm theo Kế hoạch số 77/KH-UBND ngày 05/01/2026 của UBND tỉnh Nghệ An)"]:
    d.add_paragraph(l)
t = d.add_table(rows=0, cols=5)
for c in [("STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"),
          ("1", "Đón tiếp đoàn khách quốc tế", "Sở Ngoại vụ", "Sở Tư pháp", "Năm 2026")]:
    r = t.add_row().cells
    for i, v in enumerate(c): r[i].text = v
d.save(sys.argv[1]); print("1")
`;

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

      const out = path.join(dir, "tong-hop.xlsx");
      const c = phuluc(["consolidate", master, back, ...args, "-o", out]);
      expect(c.stderr).toBe("");
      expect(c.code).toBe(0);
      const lines = runPython<Record<string, string>[]>(READ, [out]);
      expect(lines).toHaveLength(1);
      expect(lines[0]["Đơn vị phối hợp"]).toBe("Sở Tư pháp");
      expect(lines[0]["Nội dung phối hợp đã thực hiện"]).toBe("Cử cán bộ tham gia đón đoàn");
      expect(lines[0]["Đơn vị chủ trì"]).toBe("Văn phòng UBND tỉnh (kế hoạch ghi: Sở Ngoại vụ)");
    },
    120_000
  );
});
