/**
 * A collective partner ("Các Sở, ban, ngành") takes part through each member agency: distribute
 * sends each member a file, so `report --all` gives each member a report (the same agencies,
 * one shared function), `report --agency "Sở Y tế"` is accepted, `rollup` counts the task as a
 * partner task of each member (never of the member leading it), and LibreOffice's recalculation
 * of the "Tổng hợp" sheet agrees line by line. Plan written by python-docx, statuses by openpyxl.
 */
import fs from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { phuluc } from "../../helpers/phuluc-cli";
import { itWithTools, runPython, sofficeConvert, tempDir } from "../../helpers/tools";
import { planDocxScript, tuyenQuang88 } from "../../helpers/plan-docx-script";

const PLAN = planDocxScript(tuyenQuang88(2026), [
  [
    "1",
    "Cung cấp thông tin cho phóng viên nước ngoài",
    "Sở Ngoại vụ",
    "Các Sở, ban, ngành",
    "Hằng năm",
  ],
  ["2", "Thông tin đối ngoại về y tế", "Sở Y tế", "Các Sở, ban, ngành", "Hằng năm"],
  ["3", "Phổ biến pháp luật về thông tin đối ngoại", "Sở Nội vụ", "Sở Tư pháp", "Năm 2026"],
]);

/** Statuses as officers type them: task 1 done on time, task 2 late, task 3 left empty (overdue). */
const FILL = `
import sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["Nhiệm vụ"]
head = {c.value: c.column for c in ws[1]}
for r in range(2, ws.max_row + 1):
    key = ws.cell(r, head["Mã nhiệm vụ"]).value
    if key == "T1":
        ws.cell(r, head["Trạng thái"]).value = "Hoàn thành"
        ws.cell(r, head["Ngày hoàn thành"]).value = datetime.datetime(2026, 6, 1)
    if key == "T2":
        ws.cell(r, head["Trạng thái"]).value = "Hoàn thành"
        ws.cell(r, head["Ngày hoàn thành"]).value = datetime.datetime(2027, 1, 5)
wb.save(sys.argv[2]); print("1")
`;

/** The recalculated "Tổng hợp" section III (partners): name → [total, on time, late, overdue]. */
const READ_PARTNERS = `
import sys, json, openpyxl
ws = openpyxl.load_workbook(sys.argv[1], data_only=True)["Tổng hợp"]
out, section = {}, None
for row in ws.iter_rows(min_row=7, values_only=True):
    a, b = row[0], row[1]
    if isinstance(a, str) and a.startswith(("I.", "II.", "III.", "IV.", "V.")):
        section = a.split(".")[0]; continue
    if section == "III" and b:
        out[b] = [int(row[2] or 0), int(row[3] or 0), int(row[4] or 0), int(row[6] or 0)]
print(json.dumps(out, ensure_ascii=False))
`;

type Figures = { agency: string; role: string; total: number } & Record<string, number>;

describe("collective partners take part through each member agency", () => {
  itWithTools(
    ["python3-openpyxl", "soffice"],
    "distribute, report --all / --agency, rollup and the recalculated Tổng hợp cover the same members",
    async () => {
      const dir = tempDir("collective");
      const plan = path.join(dir, "ke-hoach.docx");
      runPython(PLAN, [plan]);
      const built = path.join(dir, "built.xlsx");
      const args = ["--year", "2026", "--date", "2027-01-15"];
      expect(phuluc(["import", plan, ...args, "-o", built]).code).toBe(0);
      const master = path.join(dir, "theo-doi.xlsx");
      runPython(FILL, [built, master]);

      const gui = path.join(dir, "gui");
      expect(phuluc(["distribute", master, "--year", "2026", "-o", gui]).code).toBe(0);
      const sent = fs
        .readdirSync(gui)
        .filter((f) => f.endsWith(".xlsx"))
        .map((f) => f.replace(/^2026 - (.*) - Báo cáo KH 88\.xlsx$/u, "$1"))
        .sort();
      expect(sent).toContain("Sở Y tế");
      expect(sent).toContain("Sở Tài chính");
      expect(sent).not.toContain("Các Sở, ban, ngành");

      const zip = path.join(dir, "bao-cao.zip");
      const all = phuluc(["report", master, ...args, "--all", "-o", zip]);
      expect(all.stderr).toBe("");
      expect(all.code).toBe(0);
      const names = Object.keys((await JSZip.loadAsync(fs.readFileSync(zip))).files)
        .map((f) => f.replace(/^Báo cáo 2026 - (.*)\.docx$/u, "$1"))
        .sort();
      expect(names).toEqual(sent);

      const one = phuluc(
        ["report", master, ...args, "--agency", "Sở Y tế", "--json", "-o"].concat(
          path.join(dir, "y-te.docx")
        )
      );
      expect(one.stderr).toBe("");
      expect(one.code).toBe(0);

      const r = phuluc(["rollup", master, ...args, "--json"]);
      expect(r.code).toBe(0);
      const partners = (JSON.parse(r.stdout) as { agencies: Figures[] }).agencies.filter(
        (a) => a.role === "partner"
      );
      const of = (n: string) => partners.find((a) => a.agency === n);
      expect(of("Các Sở, ban, ngành")).toBeUndefined();
      // Sở Y tế partners task 1 only: task 2 is its own (lead), not a partner task.
      expect(of("Sở Y tế")).toMatchObject({ total: 1, done_on_time: 1, done_late: 0 });
      // Sở Tư pháp: named on task 3 and a member on tasks 1 and 2.
      expect(of("Sở Tư pháp")).toMatchObject({
        total: 3,
        done_on_time: 1,
        done_late: 1,
        overdue: 1,
      });

      const sheet = runPython<Record<string, number[]>>(READ_PARTNERS, [
        sofficeConvert(master, "xlsx"),
      ]);
      expect(Object.keys(sheet).sort()).toEqual(partners.map((a) => a.agency).sort());
      for (const a of partners)
        expect([a.agency, ...sheet[a.agency]]).toEqual([
          a.agency,
          a.total,
          a.done_on_time,
          a.done_late,
          a.overdue,
        ]);
    },
    240_000
  );
});
