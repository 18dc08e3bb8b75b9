/**
 * Counted once (issue 14): partner work counts once per agency and task, whatever the number of
 * lead rows; a multi-year task completed in 2026 is 2026's result, not 2027's again; a roll-over
 * past a one-year plan restarts nothing and follows what is unfinished. Each time the live
 * "Tổng hợp" sheet recalculated by LibreOffice equals `phuluc rollup`, and `distribute` and the
 * reports give the same counts. Workbooks filled by openpyxl; plans written by python-docx.
 */
import path from "node:path";
import { itWithTools, runPython, sofficeConvert, tempDir } from "../helpers/tools";
import { importLamDong, phuluc } from "../helpers/phuluc-cli";
import { statusCounts } from "../helpers/status-counts";
import { dongNai281, planDocxScript } from "../helpers/plan-docx-script";

/** "Tổng hợp" as LibreOffice computed it, by section; and the task rows' derived columns. */
const READ_BACK = `
import sys, json, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], data_only=True)
ws = wb["Tổng hợp"]
out = {"province": None, "lead": {}, "partner": {}, "rows": []}
section = None
for row in ws.iter_rows(min_row=7, values_only=True):
    a, b = row[0], row[1]
    if isinstance(a, str) and a.startswith(("I.", "II.", "III.", "IV.", "V.")):
        section = a.split(".")[0]
        continue
    if b is None: continue
    n = [int(x or 0) for x in row[2:11]]
    fig = dict(zip(["total", "done_on_time", "done_late", "done_undated", "overdue", "in_progress",
                    "not_due", "no_deadline", "not_done"], n))
    if section == "I": out["province"] = fig
    elif section == "II": out["lead"][b] = fig
    elif section == "III": out["partner"][b] = fig
t = wb["Nhiệm vụ"]; head = {c.value: c.column for c in t[1]}
for r in range(2, t.max_row + 1):
    key = t.cell(r, head["Mã nhiệm vụ"]).value
    if not key: continue
    out["rows"].append({"key": key, "lead": t.cell(r, head["Đơn vị chủ trì"]).value,
        "derived": t.cell(r, head["Tình trạng"]).value,
        "partnerStatus": t.cell(r, head["Tình trạng cho đơn vị phối hợp"]).value or ""})
print(json.dumps(out, ensure_ascii=False))
`;

type Figures = Record<string, number>;
interface Sheet {
  province: Figures;
  lead: Record<string, Figures>;
  partner: Record<string, Figures>;
  rows: { key: string; lead: string; derived: string; partnerStatus: string }[];
}
interface RollupJson {
  agencies: (Figures & { agency: string; role: string })[];
  province: Figures;
}

/** LibreOffice's "Tổng hợp" and `phuluc rollup` (default year and date) agree line by line. */
function expectSheetIsCli(file: string): { sheet: Sheet; core: RollupJson } {
  const sheet = runPython<Sheet>(READ_BACK, [sofficeConvert(file, "xlsx")]);
  const r = phuluc(["rollup", file, "--json"]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  const core = JSON.parse(r.stdout) as RollupJson;
  expect(sheet.province).toEqual(statusCounts(core.province));
  for (const role of ["lead", "partner"] as const) {
    const mine = core.agencies.filter((a) => a.role === role);
    expect(Object.keys(sheet[role]).sort()).toEqual(mine.map((a) => a.agency).sort());
    for (const a of mine)
      expect([a.agency, sheet[role][a.agency]]).toEqual([a.agency, statusCounts(a)]);
  }
  return { sheet, core };
}

/** A task of several lead rows with partners: first lead done, the others in progress. */
const FILL_MULTI_LEAD = `
import sys, json, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["Nhiệm vụ"]
head = {c.value: c.column for c in ws[1]}
rows = {}
for r in range(2, ws.max_row + 1):
    key = ws.cell(r, head["Mã nhiệm vụ"]).value
    if key: rows.setdefault(key, []).append(r)
pick = None
for key, rs in rows.items():
    partners = ws.cell(rs[0], head["Đơn vị phối hợp"]).value
    time = str(ws.cell(rs[0], head["Thời gian thực hiện"]).value or "")
    if len(rs) >= 2 and partners:
        pick = key; break
rs = rows[pick]
ws.cell(rs[0], head["Trạng thái"]).value = "Hoàn thành"
ws.cell(rs[0], head["Ngày hoàn thành"]).value = datetime.datetime(2026, 10, 1)
for r in rs[1:]: ws.cell(r, head["Trạng thái"]).value = "Đang thực hiện"
wb.save(sys.argv[2])
print(json.dumps({"key": pick, "leads": len(rs), "partners": ws.cell(rs[0], head["Đơn vị phối hợp"]).value}, ensure_ascii=False))
`;

describe("partner work counted once per task", () => {
  itWithTools(
    ["python3-openpyxl", "soffice"],
    "a task with several leads counts once per partner: sheet = rollup = distribute = reports",
    async () => {
      const dir = tempDir("counted-once");
      const built = importLamDong(path.join(dir, "built.xlsx"));
      const filled = path.join(dir, "filled.xlsx");
      const task = runPython<{ key: string; leads: number; partners: string }>(FILL_MULTI_LEAD, [
        built,
        filled,
      ]);
      expect(task.leads).toBeGreaterThan(1);

      const { sheet, core } = expectSheetIsCli(filled);
      // The task's status for its partners sits on its first row: the least advanced lead.
      const rows = sheet.rows.filter((r) => r.key === task.key);
      expect(rows[0].partnerStatus).toBe("Đang thực hiện trong hạn");
      expect(rows.slice(1).map((r) => r.partnerStatus)).toEqual(rows.slice(1).map(() => ""));
      // Every partner line counts tasks: no line exceeds the number of task keys in the year.
      const keys = new Set(
        sheet.rows.filter((r) => r.derived !== "Không thuộc năm báo cáo").map((r) => r.key)
      );
      for (const [name, f] of Object.entries(sheet.partner))
        expect([name, f.total <= keys.size]).toEqual([name, true]);

      // distribute sends each partner one line per task; the counts are the rollup's.
      const d = phuluc(["distribute", filled, "-o", path.join(dir, "gui"), "--json"]);
      expect(d.code).toBe(0);
      const files = (
        JSON.parse(d.stdout) as { files: { agency: string; lead: number; partner: number }[] }
      ).files;
      const partnerOf = new Map(
        core.agencies.filter((a) => a.role === "partner").map((a) => [a.agency, a.total])
      );
      const leadOf = new Map(
        core.agencies.filter((a) => a.role === "lead").map((a) => [a.agency, a.total])
      );
      for (const f of files) {
        expect([f.agency, f.lead]).toEqual([f.agency, leadOf.get(f.agency) ?? 0]);
        expect([f.agency, f.partner]).toEqual([f.agency, partnerOf.get(f.agency) ?? 0]);
      }
      expect(files.some((f) => f.partner > 0)).toBe(true);

      // The agencies' reports carry the same figures.
      const rep = phuluc(["report", filled, "--all", "-o", path.join(dir, "bc.zip"), "--json"]);
      expect(rep.stderr).toBe("");
      expect(rep.code).toBe(0);
      const figures = (JSON.parse(rep.stdout) as { figures: unknown[] }).figures;
      expect(JSON.stringify(figures)).toContain('"role": "partner"'.replace(": ", ":"));
      for (const f of figures as { agency: string; partner?: Figures | null }[])
        if (f.partner)
          expect([f.agency, f.partner.total]).toEqual([f.agency, partnerOf.get(f.agency)]);
    }
  );
});

/** Two multi-year rows done in 2026: one dated 01/10/2026, one without a date. */
const FILL_MULTI_YEAR = `
import sys, json, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["Nhiệm vụ"]
head = {c.value: c.column for c in ws[1]}
done = []
for r in range(2, ws.max_row + 1):
    time = str(ws.cell(r, head["Thời gian thực hiện"]).value or "")
    if not ws.cell(r, head["Mã nhiệm vụ"]).value or not (" - 20" in time or "Đến năm" in time): continue
    ws.cell(r, head["Trạng thái"]).value = "Hoàn thành"
    if not done: ws.cell(r, head["Ngày hoàn thành"]).value = datetime.datetime(2026, 10, 1)
    done.append({"key": ws.cell(r, head["Mã nhiệm vụ"]).value, "lead": ws.cell(r, head["Đơn vị chủ trì"]).value})
    if len(done) == 2: break
wb.save(sys.argv[2])
print(json.dumps(done, ensure_ascii=False))
`;

describe("a multi-year task completed in 2026", () => {
  itWithTools(
    ["python3-openpyxl", "soffice"],
    "is 2026's result: done earlier in 2027, outside its figures (sheet = rollup = report)",
    async () => {
      const dir = tempDir("done-earlier");
      const built = importLamDong(path.join(dir, "built.xlsx"));
      const filled = path.join(dir, "filled.xlsx");
      const done = runPython<{ key: string; lead: string }[]>(FILL_MULTI_YEAR, [built, filled]);
      expect(done).toHaveLength(2);
      const rolled = path.join(dir, "rolled.xlsx");
      const ro = phuluc(["rollover", filled, "--to", "2027", "-o", rolled, "--force"]);
      expect(ro.code).toBe(0);

      const { sheet, core } = expectSheetIsCli(rolled);
      for (const d of done)
        expect(sheet.rows.find((r) => r.key === d.key && r.lead === d.lead)?.derived).toBe(
          "Hoàn thành năm trước"
        );
      const doneIn = (f: Figures) => f.done_on_time + f.done_late + f.done_undated;
      expect(doneIn(core.province)).toBe(0);
      expect(doneIn(sheet.province)).toBe(0);
      const rep = phuluc([
        "report",
        rolled,
        "--province",
        "-o",
        path.join(dir, "bc.docx"),
        "--json",
      ]);
      expect(rep.code).toBe(0);
      const fig = (JSON.parse(rep.stdout) as { figures: { province: Figures } }).figures.province;
      expect(doneIn(fig)).toBe(0);
      // 2026, from "Lịch sử", still has them done.
      const y2026 = JSON.parse(
        phuluc(["rollup", rolled, "--year", "2026", "--json"]).stdout
      ) as RollupJson;
      expect(doneIn(y2026.province)).toBe(2);
    }
  );
});

/** A plan for 2018 alone, "Cả năm" / "Hằng năm" / "Quý III" / "Thường xuyên" tasks. */
const PLAN_2018 = planDocxScript(dongNai281, [
  ["1", "Tổ chức hội nghị thông tin đối ngoại", "Sở Y tế", "", "Cả năm"],
  ["2", "Tuyên truyền về biên giới", "Sở Tài chính", "Công an tỉnh", "Hằng năm"],
  ["3", "Biên soạn tài liệu", "Công an tỉnh", "", "Quý III"],
  ["4", "Cập nhật trang tin", "Sở Nội vụ", "", "Thường xuyên"],
]);

const FILL_2018 = `
import sys, json, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["Nhiệm vụ"]
head = {c.value: c.column for c in ws[1]}
for r in range(2, ws.max_row + 1):
    lead = ws.cell(r, head["Đơn vị chủ trì"]).value
    if lead == "Sở Y tế":
        ws.cell(r, head["Trạng thái"]).value = "Hoàn thành"
        ws.cell(r, head["Ngày hoàn thành"]).value = datetime.datetime(2018, 10, 1)
    elif lead in ("Sở Tài chính", "Sở Nội vụ"):
        ws.cell(r, head["Trạng thái"]).value = "Đang thực hiện"
wb.save(sys.argv[2]); print("{}")
`;

const READ_ROWS = `
import sys, json, datetime, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Nhiệm vụ"]; head = {c.value: c.column for c in ws[1]}
print(json.dumps({ws.cell(r, head["Đơn vị chủ trì"]).value: ws.cell(r, head["Trạng thái"]).value
                  for r in range(2, ws.max_row + 1) if ws.cell(r, head["Mã nhiệm vụ"]).value}, ensure_ascii=False))
`;

describe("roll-over past a one-year plan", () => {
  itWithTools(
    ["python3-openpyxl", "soffice"],
    "2018 → 2019: nothing restarts, unfinished tasks are followed (overdue), the rest leaves the figures",
    async () => {
      const dir = tempDir("one-year-plan");
      const plan = path.join(dir, "ke-hoach-2018.docx");
      runPython(PLAN_2018, [plan]);
      const built = path.join(dir, "theo-doi-2018.xlsx");
      const imp = phuluc(["import", plan, "-o", built, "--year", "2018", "--date", "2018-11-30"]);
      expect(imp.code).toBe(0);
      // The plan's years are known: 2019 is outside them.
      const other = phuluc(["import", plan, "-o", path.join(dir, "x.xlsx"), "--year", "2019"]);
      expect(other.code).toBe(2);
      expect(other.stderr).toContain("năm 2018");

      const filled = path.join(dir, "filled.xlsx");
      runPython(FILL_2018, [built, filled]);
      const rolled = path.join(dir, "theo-doi-2019.xlsx");
      const ro = phuluc(["rollover", filled, "--to", "2019", "-o", rolled, "--force"]);
      expect(ro.code).toBe(0);
      // Nothing was reset: the "Cả năm" task stays done, the unfinished ones keep their status.
      expect(runPython(READ_ROWS, [rolled])).toEqual({
        "Sở Y tế": "Hoàn thành",
        "Sở Tài chính": "Đang thực hiện",
        "Công an tỉnh": null,
        "Sở Nội vụ": "Đang thực hiện",
      });
      const { sheet, core } = expectSheetIsCli(rolled);
      const status = (lead: string) => sheet.rows.find((r) => r.lead === lead)?.derived;
      expect(status("Sở Y tế")).toBe("Không thuộc năm báo cáo");
      expect(status("Sở Nội vụ")).toBe("Không thuộc năm báo cáo");
      expect(status("Sở Tài chính")).toBe("Quá hạn");
      expect(status("Công an tỉnh")).toBe("Quá hạn");
      expect(core.province).toMatchObject({ total: 2, overdue: 2, done_on_time: 0 });
    }
  );
});
