/**
 * A master whose "Trạng thái" cells hold what officers really type ("xong rồi", "HT", "Đang
 * TH", "hoanf thanhf", NFD, "Hoàn thành 80%") counts exactly as its twin typed from the list:
 * `phuluc rollup` gives the same figures, `phuluc validate` finds no error in them (a warning
 * with the list's word), and `phuluc fix` writes the list's word, the typed text kept in "Nhật
 * ký sửa". What could be two statuses ("Chưa hoàn thành", "Quá hạn") is an error naming the
 * file, sheet, row and column, counted once as not done, and listed by rollup. Both workbooks
 * written by openpyxl, as an officer's Excel would.
 */
import path from "node:path";
import { itWithTools, runPython, sofficeConvert, tempDir } from "../helpers/tools";
import { importLamDong, phuluc } from "../helpers/phuluc-cli";
import { statusCounts } from "../helpers/status-counts";

/** Writes the mixed master and its canonical twin: same rows, dates and progress. */
const FILL = `
import sys, json, datetime, unicodedata, openpyxl
src, mixed, twin = sys.argv[1], sys.argv[2], sys.argv[3]
D = datetime.datetime
pattern = [
  ("Hoàn thành", "xong rồi", D(2026, 3, 1), 100),
  ("Hoàn thành", "Đã hoàn thành (100%)", D(2027, 1, 10), 100),
  ("Đang thực hiện", "Đang TH", None, 50),
  ("Chưa triển khai", "chưa thực hiện", None, None),
  ("Không thực hiện", "không thực hiện.", None, None),
  ("Hoàn thành", "HT", None, None),
  ("Đang thực hiện", "dang thuc hien", None, 30),
  ("Hoàn thành", "hoanf thanhf", D(2026, 6, 1), None),
  ("Chưa triển khai", "chưa triển khai", None, None),
  ("Hoàn thành", "Hoàn thành.", D(2026, 5, 5), 100),
  ("Đang thực hiện", "đang triển khai", None, None),
  ("Hoàn thành", unicodedata.normalize("NFD", "Hoàn thành"), D(2026, 2, 2), None),
  ("Đang thực hiện", "Hoàn thành 80%", None, 80),
  ("Hoàn thành", "  HOÀN   THÀNH ", D(2026, 12, 1), None),
  ("Hoàn thành", "Hoan thnah", D(2026, 4, 4), None),
]
typed = {}
for out, which in ((mixed, 1), (twin, 0)):
    wb = openpyxl.load_workbook(src)
    ws = wb["Nhiệm vụ"]
    head = {c.value: c.column for c in ws[1]}
    n = 0
    for r in range(2, ws.max_row + 1):
        if not ws.cell(r, head["Mã nhiệm vụ"]).value: continue
        p = pattern[n % len(pattern)]
        n += 1
        ws.cell(r, head["Trạng thái"]).value = p[which]
        if p[2]: ws.cell(r, head["Ngày hoàn thành"]).value = p[2]
        if p[3] is not None: ws.cell(r, head["Tiến độ (%)"]).value = p[3]
        if which: typed[r] = p[1]
    info = wb["Thông tin"]
    for row in info.iter_rows():
        for c in row:
            if c.value == "Năm báo cáo": info.cell(c.row, c.column + 1).value = 2026
            if c.value == "Ngày báo cáo": info.cell(c.row, c.column + 1).value = D(2027, 1, 15)
    wb.save(out)
print(json.dumps(typed, ensure_ascii=False))
`;

/** From the mixed master: four rows due every year typed as nobody can be sure of. */
const UNSURE = `
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["Nhiệm vụ"]
head = {c.value: c.column for c in ws[1]}
rows = [r for r in range(2, ws.max_row + 1)
        if ws.cell(r, head["Mã nhiệm vụ"]).value and ws.cell(r, head["Thời gian thực hiện"]).value == "Hằng năm"][:4]
for r, t in zip(rows, ["Chưa hoàn thành", "Quá hạn", "dan thuc hien", "Tốt"]):
    ws.cell(r, head["Trạng thái"]).value = t
wb.save(sys.argv[2])
print(json.dumps(rows))
`;

/** The task sheet's statuses by row, and the change log's lines. */
const READ = `
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["Nhiệm vụ"]
head = {c.value: c.column for c in ws[1]}
status = {r: ws.cell(r, head["Trạng thái"]).value for r in range(2, ws.max_row + 1)
          if ws.cell(r, head["Mã nhiệm vụ"]).value}
log = [" | ".join(str(v) for v in r if v is not None) for r in wb["Nhật ký sửa"].iter_rows(values_only=True)] if "Nhật ký sửa" in wb.sheetnames else []
print(json.dumps({"status": status, "log": log}, ensure_ascii=False))
`;

/** The province line of "Tổng hợp" as LibreOffice recalculated it (columns C to K). */
const PROVINCE = `
import sys, json, openpyxl
ws = openpyxl.load_workbook(sys.argv[1], data_only=True)["Tổng hợp"]
section = None
for row in ws.iter_rows(min_row=7, values_only=True):
    if isinstance(row[0], str) and row[0].startswith(("I.", "II.")):
        section = row[0].split(".")[0]; continue
    if section == "I" and row[1] is not None:
        n = [int(x or 0) for x in row[2:11]]
        print(json.dumps(dict(zip(["total", "done_on_time", "done_late", "done_undated", "overdue",
            "in_progress", "not_due", "no_deadline", "not_done"], n)))); break
`;

interface Finding {
  code: string;
  severity: string;
  row: number | null;
  column: string | null;
  message: string;
  place?: { file?: string; sheet?: string; row?: number; column?: string };
  fix?: { value: string };
}

const ARGS = ["--year", "2026", "--date", "2027-01-15"];

function rollup(file: string): Record<string, unknown> {
  const r = phuluc(["rollup", file, ...ARGS, "--json"]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

function validate(file: string): { code: number | null; findings: Finding[] } {
  const r = phuluc(["validate", file, ...ARGS, "--json"]);
  expect(r.code).not.toBe(2);
  return { code: r.code, findings: (JSON.parse(r.stdout) as { findings: Finding[] }).findings };
}

const errors = (fs: Finding[]) =>
  fs.filter((f) => f.severity === "error").map((f) => `${f.code}@${f.row}`);

describe("status wordings: one reading for the master's figures", () => {
  itWithTools(
    ["python3-openpyxl", "soffice"],
    "a master typed in officers' words counts as its twin typed from the list",
    async () => {
      const dir = tempDir("status-wordings");
      const built = importLamDong(path.join(dir, "built.xlsx"));
      const mixed = path.join(dir, "mixed.xlsx");
      const twin = path.join(dir, "twin.xlsx");
      const typed = runPython<Record<string, string>>(FILL, [built, mixed, twin]);
      expect(Object.keys(typed).length).toBeGreaterThan(29);

      // Same figures, agency by agency, group by group, and for the province.
      const canonical = rollup(twin);
      expect(rollup(mixed)).toEqual(canonical);
      const p = canonical.province as Record<string, number>;
      for (const k of ["done_on_time", "done_late", "done_undated", "in_progress", "not_done"])
        expect(p[k]).toBeGreaterThan(0);

      // No error the twin does not have; each wording a warning with the list's word.
      const v = validate(mixed);
      const t = validate(twin);
      expect(errors(v.findings)).toEqual(errors(t.findings));
      const wordings = v.findings.filter((f) => f.code === "STATUS_NONCANONICAL");
      const notListed = Object.entries(typed).filter(
        ([, s]) =>
          !["Chưa triển khai", "Đang thực hiện", "Hoàn thành", "Không thực hiện"].includes(s)
      );
      expect(wordings.map((f) => f.row).sort()).toEqual(notListed.map(([r]) => Number(r)).sort());
      expect(
        v.findings.find((f) => f.fix?.value === "Đang thực hiện" && /80%/.test(f.message))
      ).toBeDefined();

      // fix writes the list's words; the typed text stays in "Nhật ký sửa"; same figures.
      const fixed = path.join(dir, "fixed.xlsx");
      const f = phuluc(["fix", mixed, "-o", fixed]);
      expect(f.code).toBe(0);
      const after = runPython<{ status: Record<string, string>; log: string[] }>(READ, [fixed]);
      const before = runPython<{ status: Record<string, string> }>(READ, [twin]);
      expect(after.status).toEqual(before.status);
      for (const word of ["xong rồi", "hoanf thanhf", "Đang TH", "Hoàn thành 80%"])
        expect(after.log.some((l) => l.includes(word))).toBe(true);
      expect(rollup(fixed)).toEqual(canonical);
      // The sheet's own formulas read the list's words: once fixed, "Tổng hợp" says the same.
      expect(wordings[0]!.message).toContain("phuluc rollup đã tính");
      const sheet = runPython<Record<string, number>>(PROVINCE, [sofficeConvert(fixed, "xlsx")]);
      expect(sheet).toEqual(statusCounts(p));
    }
  );

  itWithTools(
    ["python3-openpyxl"],
    "what could be two statuses is an error at its cell, counted once, never guessed",
    async () => {
      const dir = tempDir("status-unsure");
      const built = importLamDong(path.join(dir, "built.xlsx"));
      const mixed = path.join(dir, "mixed.xlsx");
      const twin = path.join(dir, "twin.xlsx");
      runPython(FILL, [built, mixed, twin]);
      const unsure = path.join(dir, "unsure.xlsx");
      const rows = runPython<number[]>(UNSURE, [mixed, unsure]);
      expect(rows).toHaveLength(4);

      const { code, findings } = validate(unsure);
      expect(code).toBe(1);
      const at = (row: number) =>
        findings.filter(
          (f) => f.row === row && f.column === "Trạng thái" && f.severity === "error"
        );
      for (const [row, why] of [
        [rows[0]!, "đang thực hiện hay chưa triển khai"],
        [rows[1]!, "hoàn thành muộn hay chưa hoàn thành"],
        [rows[2]!, "gõ gần giống"],
      ] as const) {
        expect(at(row)).toMatchObject([
          {
            code: "STATUS_AMBIGUOUS",
            place: { file: "unsure.xlsx", sheet: "Nhiệm vụ", row, column: "Trạng thái" },
          },
        ]);
        expect(at(row)[0]!.message).toContain(why);
        expect(at(row)[0]!.message).toContain("có thể hiểu là hai trạng thái");
        expect(at(row)[0]!.message).toContain("được tính như chưa hoàn thành");
      }
      expect(at(rows[3]!)).toMatchObject([{ code: "STATUS_INVALID" }]);

      // The officer's line: file, sheet, row and column, in Vietnamese.
      const text = phuluc(["validate", unsure, ...ARGS]);
      const line = text.stdout
        .split("\n")
        .find((l) => l.includes("STATUS_AMBIGUOUS") && l.includes(`dòng ${rows[0]}`));
      expect(line).toContain("unsure.xlsx");
      expect(line).toContain('trang "Nhiệm vụ"');
      expect(line).toContain('cột "Trạng thái"');
      expect(line).toContain('"Chưa hoàn thành"');

      // Counted once, as not done: the same number of tasks, fewer done; each row named.
      const r = rollup(unsure);
      const twinFigures = rollup(twin);
      const prov = r.province as Record<string, number>;
      const twinProv = twinFigures.province as Record<string, number>;
      expect(prov.total).toBe(twinProv.total);
      expect(r.unreadStatus).toEqual(
        rows.map((row, i) => ({
          row,
          text: ["Chưa hoàn thành", "Quá hạn", "dan thuc hien", "Tốt"][i],
        }))
      );
      const plain = phuluc(["rollup", unsure, ...ARGS]);
      expect(plain.stdout).toContain("4 dòng có trạng thái chưa đọc được");
      expect(plain.stdout).toContain(`dòng ${rows[0]}: "Chưa hoàn thành"`);
    }
  );
});
