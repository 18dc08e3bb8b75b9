/**
 * The promise of the "Tổng hợp" sheet: what LibreOffice computes from the workbook's own formulas
 * equals what `phuluc rollup` computes in core, exactly, for every agency, group and the province.
 * Statuses are typed by an independent writer (openpyxl), as an officer would in Excel.
 * Other wordings ("hoan thanh", "xong rồi") count in core at once and in the sheet once `fix`
 * writes the list's word: status-wordings.test.ts.
 */
import path from "node:path";
import { itWithTools, runPython, sofficeConvert, tempDir } from "../helpers/tools";
import { importLamDong, phuluc } from "../helpers/phuluc-cli";
import { statusCounts } from "../helpers/status-counts";

/** Fills every row by a fixed pattern covering each status case, and sets year/date on "Thông tin". */
const FILL = `
import sys, json, datetime, openpyxl
src, dst, year, date = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
wb = openpyxl.load_workbook(src)
ws = wb["Nhiệm vụ"]
head = {c.value: c.column for c in ws[1]}
pattern = [
  ("Hoàn thành", datetime.datetime(year, 3, 1), 100),
  ("Hoàn thành", datetime.datetime(year + 1, 1, 10), 100),
  ("Đang thực hiện", None, 60),
  (None, None, None),
  ("Không thực hiện", None, None),
  ("HOÀN THÀNH ", datetime.datetime(year, 5, 5), 100),        # the sheet: TRIM, any case
  ("Chưa triển khai", None, 0),
  ("Hoàn thành", None, 100),                                 # no date, deadline past: undated
  ("Hoàn thành", datetime.datetime(year + 1, 2, 1), 100),    # after the report date: not done
]
def retype(name, n):
    # Agency names as agencies type them: a wrong tone mark, no diacritic, capitals.
    name = name.replace("ụ", "u").replace("ế", "ê").replace("ộ", "ô").replace("ạ", "a")
    return name.upper() if n % 2 else name
n = 0
for r in range(2, ws.max_row + 1):
    if not ws.cell(r, head["Mã nhiệm vụ"]).value:
        continue
    status, done, progress = pattern[n % len(pattern)]
    n += 1
    if status: ws.cell(r, head["Trạng thái"]).value = status
    if done: ws.cell(r, head["Ngày hoàn thành"]).value = done
    if progress is not None: ws.cell(r, head["Tiến độ (%)"]).value = progress
    if n % 4 == 1:
        lead = ws.cell(r, head["Đơn vị chủ trì"])
        lead.value = retype(lead.value, n)
    if n % 5 == 2 and ws.cell(r, head["Đơn vị phối hợp"]).value:
        p = ws.cell(r, head["Đơn vị phối hợp"])
        p.value = retype(p.value, n)
info = wb["Thông tin"]
for row in info.iter_rows():
    for c in row:
        if c.value == "Năm báo cáo": info.cell(c.row, c.column + 1).value = year
        if c.value == "Ngày báo cáo": info.cell(c.row, c.column + 1).value = datetime.datetime.fromisoformat(date)
wb.save(dst)
print(json.dumps(n))
`;

/** Reads the recalculated "Tổng hợp" by section: I province, II leads, III partners, IV groups. */
const READ_SUMMARY = `
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], data_only=True)
ws = wb["Tổng hợp"]
out = {"province": None, "lead": {}, "partner": {}, "group": {}}
section = None
for row in ws.iter_rows(min_row=7, values_only=True):
    a, b = row[0], row[1]
    if isinstance(a, str) and a.startswith(("I.", "II.", "III.", "IV.")):
        section = a.split(".")[0]
        continue
    if b is None:
        continue
    nums = [int(x or 0) for x in row[2:11]]
    fig = {"total": nums[0], "done_on_time": nums[1], "done_late": nums[2], "done_undated": nums[3],
           "overdue": nums[4], "in_progress": nums[5], "not_due": nums[6], "no_deadline": nums[7],
           "not_done": nums[8], "rate": row[12] if isinstance(row[12], (int, float)) else None}
    if section == "I": out["province"] = fig
    elif section == "II": out["lead"][b] = fig
    elif section == "III": out["partner"][b] = fig
    elif section == "IV": out["group"][str(a)] = fig
print(json.dumps(out, ensure_ascii=False))
`;

type Figures = Record<string, number | null>;

describe("Tổng hợp formulas agree with phuluc rollup", () => {
  itWithTools(
    ["python3-openpyxl", "soffice"],
    "Lâm Đồng 4784, report year 2026 as of 15/01/2027: every agency, group and the province",
    async () => {
      const dir = tempDir("rollup");
      const built = path.join(dir, "built.xlsx");
      importLamDong(built);
      const filled = path.join(dir, "filled.xlsx");
      const filledRows = runPython<number>(FILL, [built, filled, "2026", "2027-01-15"]);
      expect(filledRows).toBeGreaterThan(29);
      const sheet = runPython<{
        province: Figures;
        lead: Record<string, Figures>;
        partner: Record<string, Figures>;
        group: Record<string, Figures>;
      }>(READ_SUMMARY, [sofficeConvert(filled, "xlsx")]);

      const r = phuluc(["rollup", filled, "--year", "2026", "--date", "2027-01-15", "--json"]);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      const core = JSON.parse(r.stdout) as {
        agencies: (Figures & { agency: string; role: string })[];
        groups: (Figures & { group: string })[];
        province: Figures;
      };

      // The case mix must really exercise the rules, or agreement proves little.
      expect(sheet.province.done_on_time).toBeGreaterThan(0);
      expect(sheet.province.done_late).toBeGreaterThan(0);
      expect(sheet.province.overdue).toBeGreaterThan(0);
      expect(sheet.province.not_done).toBeGreaterThan(0);
      expect(sheet.province.done_undated).toBeGreaterThan(0);

      // The retyped names are there (validate warns, with the canonical fix), and counted
      // under their agency on both sides: no line is named as typed.
      const v = phuluc(["validate", filled, "--year", "2026", "--date", "2027-01-15", "--json"]);
      expect(v.code).toBe(1); // completion dates after the report date are errors
      const found = (
        JSON.parse(v.stdout) as { findings: { code: string; fix?: { value: string } }[] }
      ).findings;
      const variants = found.filter((f) => f.code === "AGENCY_NONCANONICAL");
      expect(variants.length).toBeGreaterThan(5);
      expect(found.filter((f) => f.code === "COMPLETED_AFTER_REPORT_DATE").length).toBeGreaterThan(
        0
      );
      for (const a of core.agencies) expect(a.agency).not.toMatch(/Sở .*(ê|SỞ)/u);

      expect(statusCounts(core.province)).toEqual(statusCounts(sheet.province));
      for (const role of ["lead", "partner"] as const) {
        const mine = core.agencies.filter((a) => a.role === role);
        expect(mine.map((a) => a.agency).sort()).toEqual(Object.keys(sheet[role]).sort());
        for (const a of mine) {
          expect({ agency: a.agency, ...statusCounts(a) }).toEqual({
            agency: a.agency,
            ...statusCounts(sheet[role][a.agency]),
          });
          const rate = sheet[role][a.agency].rate;
          if (rate === null) expect(a.rate).toBeNull();
          else expect(a.rate).toBeCloseTo(rate as number, 12);
        }
      }
      for (const g of core.groups)
        expect(statusCounts(g)).toEqual(statusCounts(sheet.group[g.group]));
      expect(core.groups).toHaveLength(Object.keys(sheet.group).length);
    },
    240000
  );
});
