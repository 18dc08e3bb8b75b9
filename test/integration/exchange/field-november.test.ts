/**
 * The November job on a plan nobody shipped: a Nghệ An plan issued in December for the next
 * year (python-docx: title row, header on the second row, header repeated, Roman groups with
 * tasks 1..n, bullets, extra columns, "Quý II,III", "Tháng 6/2026"), its agency files filled by
 * openpyxl as officers do (text dates, no diacritics, NFD, "80%"), one agency's own sheet with
 * "Tình hình thực hiện" holding statuses, and two consolidations on two days. Read back by
 * openpyxl and by the CLI's own report --json.
 */
import path from "node:path";
import { phuluc } from "../../helpers/phuluc-cli";
import { itWithTools, runPython, tempDir } from "../../helpers/tools";

const PLAN = `
import sys
from docx import Document
d = Document()
for l in ["ỦY BAN NHÂN DÂN TỈNH NGHỆ AN", "Số: 512/KH-UBND", "Nghệ An, ngày 15 tháng 12 năm 2025", "KẾ HOẠCH",
          "Thông tin đối ngoại tỉnh Nghệ An năm 2026",
          "Định kỳ hằng năm, các đơn vị báo cáo UBND tỉnh trước ngày 15/11, đến năm 2030.",
          "PHỤ LỤC", "DANH MỤC NHIỆM VỤ", "(Kèm theo Kế hoạch số 512/KH-UBND ngày 15/12/2025 của UBND tỉnh Nghệ An)"]:
    d.add_paragraph(l)
t = d.add_table(rows=0, cols=7)
def row(*c):
    r = t.add_row().cells
    for i, v in enumerate(c): r[i].text = v
    return r
r = row("BẢNG PHÂN CÔNG", "", "", "", "", "", ""); r[0].merge(r[6])
head = ("STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện", "Sản phẩm", "Kinh phí")
row(*head)
r = row("I", "TUYÊN TRUYỀN", "", "", "", "", ""); r[1].merge(r[6])
row("1", "Chuyên mục đối ngoại", "Báo Nghệ An", "Sở Thông tin và Truyền thông", "Hàng năm", "Chuyên mục", "50 triệu")
row("2", "- In tập gấp\\n- Hội chợ du lịch", "Sở Văn hóa, Thể thao và Du lịch", "Sở Công Thương", "Quý II,III", "", "")
r = row("II", "ĐÀO TẠO", "", "", "", "", ""); r[1].merge(r[6])
row(*head)
row("3", "Đào tạo kỹ năng thông tin đối ngoại", "Sở Nội vụ", "", "Tháng 6/2026", "", "")
d.save(sys.argv[1]); print("1")
`;

const FILL_VH = `
import sys, unicodedata, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
wb["Hướng dẫn"]["B9"] = "20/11/2026"
ws = wb["Chủ trì"]
head = [c.value for c in ws[5]]
col = lambda h: head.index(h) + 1
rows = {ws.cell(r, 1).value: r for r in range(6, ws.max_row + 1) if ws.cell(r, 1).value}
ws.cell(rows["T2a"], col("Trạng thái"), "hoan thanh"); ws.cell(rows["T2a"], col("Ngày hoàn thành"), "15.07.2026")
ws.cell(rows["T2a"], col("Kết quả thực hiện"), unicodedata.normalize("NFD", "In 5.000 tập gấp  "))
ws.cell(rows["T2b"], col("Trạng thái"), "Đang thực hiện"); ws.cell(rows["T2b"], col("Tiến độ (%)"), "80%")
wb.save(sys.argv[2]); print("1")
`;

const OWN_NOI_VU = `
import sys, openpyxl
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Báo cáo"
ws.append(["SỞ NỘI VỤ TỈNH NGHỆ AN"]); ws.merge_cells("A1:E1")
ws.append(["Báo cáo kết quả thực hiện Kế hoạch số 512/KH-UBND năm 2026"])
ws.append(["TT", "Nội dung", "Kết quả đạt được", "Tình hình thực hiện", "Thời gian hoàn thành"])
ws.append(["3", "Dao tao ky nang thong tin doi ngoai", "Mở 3 lớp", "Hoàn thành", "05-11-2026"])
wb.save(sys.argv[1]); print("1")
`;

const READ = `
import sys, json, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["Nhiệm vụ"]
head = [c.value for c in ws[1]]
v = lambda x: x.date().isoformat() if isinstance(x, datetime.datetime) else x
rows = {ws.cell(r, 1).value: {h: v(ws.cell(r, i + 1).value) for i, h in enumerate(head)} for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value}
intake = {r[1]: r[5] for r in wb["Tiếp nhận"].iter_rows(min_row=2, values_only=True) if r[1]}
print(json.dumps({"rows": rows, "intake": intake}, ensure_ascii=False))
`;

type Read = { rows: Record<string, Record<string, unknown>>; intake: Record<string, string> };

describe("field test: a plan and agency files nobody shipped", () => {
  itWithTools(
    ["python3-openpyxl"],
    "import → distribute → fill → consolidate on two days → report counts and lists the right agencies",
    async () => {
      const dir = tempDir("field");
      const plan = path.join(dir, "ke-hoach.docx");
      runPython(PLAN, [plan]);
      const master = path.join(dir, "theo-doi.xlsx");
      const imp = phuluc([
        "import",
        plan,
        "--year",
        "2026",
        "--date",
        "2026-11-21",
        "-o",
        master,
        "--json",
      ]);
      expect(imp.code).toBe(0);
      const planJson = JSON.parse(imp.stdout) as { plan: { title: string; period: unknown } };
      // The body sentence's "đến năm 2030" is not the title's, so the plan covers 2026 only.
      expect(planJson.plan.title).toBe("Thông tin đối ngoại tỉnh Nghệ An năm 2026");
      expect(planJson.plan.period).toEqual({ from: 2026, to: 2026 });

      const gui = path.join(dir, "gui");
      expect(phuluc(["distribute", master, "--year", "2026", "-o", gui]).code).toBe(0);
      const vh = path.join(dir, "ve1", "VH.xlsx");
      runPython(`import os,sys; os.makedirs(sys.argv[1]); print(1)`, [path.dirname(vh)]);
      runPython(FILL_VH, [
        path.join(gui, "2026 - Sở Văn hóa, Thể thao và Du lịch - Báo cáo KH 512.xlsx"),
        vh,
      ]);
      const day1 = path.join(dir, "tong-hop-1.xlsx");
      const c1 = phuluc(["consolidate", master, vh, "--year", "2026", "-o", day1, "--json"]);
      expect(c1.code).toBe(0);

      const nv = path.join(dir, "Noi vu.xlsx");
      runPython(OWN_NOI_VU, [nv]);
      const day2 = path.join(dir, "tong-hop-2.xlsx");
      const c2 = phuluc(["consolidate", day1, nv, "--year", "2026", "-o", day2, "--json"]);
      expect(c2.code).toBe(0);
      const j2 = JSON.parse(c2.stdout) as { missing: { agency: string }[] };
      expect(j2.missing.map((m) => m.agency)).not.toContain("Sở Văn hóa, Thể thao và Du lịch");

      const m = runPython<Read>(READ, [day2]);
      // Day 1's agency is still received on day 2.
      expect(m.intake["Sở Văn hóa, Thể thao và Du lịch"]).toBe("Đã nhận");
      expect(m.intake["Sở Nội vụ"]).toBe("Đã nhận");
      expect(m.rows.T2a["Trạng thái"]).toBe("Hoàn thành");
      expect(m.rows.T2a["Ngày hoàn thành"]).toBe("2026-07-15");
      expect(m.rows.T2a["Kết quả thực hiện"]).toBe("In 5.000 tập gấp");
      expect(m.rows.T2b["Tiến độ (%)"]).toBe(80);
      // The own sheet's "Tình hình thực hiện" is the status.
      expect(m.rows.T3["Trạng thái"]).toBe("Hoàn thành");
      expect(m.rows.T3["Ngày hoàn thành"]).toBe("2026-11-05");
      expect(m.rows.T3["Kết quả thực hiện"]).toBe("Mở 3 lớp");

      const rep = phuluc([
        "report",
        day2,
        "--year",
        "2026",
        "--date",
        "2026-12-15",
        "--province",
        "-o",
        path.join(dir, "bao-cao-tinh.docx"),
        "--json",
      ]);
      expect(rep.code).toBe(0);
      const figures = JSON.parse(rep.stdout) as {
        figures: { missing: { source: string; agencies: { agency: string }[] } };
      };
      const notReported = figures.figures.missing.agencies.map((a) => a.agency);
      expect(figures.figures.missing.source).toBe("consolidation");
      expect(notReported).toContain("Báo và Phát thanh, Truyền hình Nghệ An");
      expect(notReported).not.toContain("Sở Văn hóa, Thể thao và Du lịch");
      expect(notReported).not.toContain("Sở Nội vụ");
    },
    240_000
  );
});
