/**
 * An agency name typed in NFD (combining marks: copied from a PDF, typed on a Mac) looks like
 * the agency but is other text. `phuluc rollup` counts it as the agency (NFC first); the
 * "Tổng hợp" sheet cannot (its SEARCH pattern has the NFC length), so validate warns with a
 * safe fix to the canonical spelling, and after `phuluc fix` LibreOffice's recalculation of the
 * sheet equals `phuluc rollup` again. An old agency typed back into a current row counts
 * under its successor on both sides. Names and statuses are typed by openpyxl.
 */
import path from "node:path";
import { itWithTools, runPython, sofficeConvert, tempDir } from "../helpers/tools";
import { importLamDong, phuluc } from "../helpers/phuluc-cli";

const AGENCY = "Công an tỉnh";
const OLD = "Sở Thông tin và Truyền thông";
const AS_OF = ["--year", "2026", "--date", "2026-12-15"];

/**
 * Retypes the lead of `count` rows of 2026 as `name` and completes them on 01/03/2026, the
 * report year 2026 as of 15/12/2026. "nfd": rows `name` leads, typed in NFD. "old": rows whose
 * plan names `name` (an old agency) but another agency leads now, typed back as `name`.
 */
const RETYPE_LEADS = `
import sys, json, datetime, unicodedata, openpyxl
src, dst, how, name, count = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
wb = openpyxl.load_workbook(src)
ws = wb["Nhiệm vụ"]
head = {c.value: c.column for c in ws[1]}
typed = []
for r in range(2, ws.max_row + 1):
    spans = [p.strip().split("-") for p in str(ws.cell(r, head["Các năm thực hiện"]).value or "").split(";") if p.strip()]
    in2026 = any(int(s[0]) <= 2026 <= int(s[-1]) for s in spans)
    lead = ws.cell(r, head["Đơn vị chủ trì"]).value
    plan = str(ws.cell(r, head["Các đơn vị chủ trì"]).value or "")
    wanted = lead == name if how == "nfd" else name in plan and lead != name
    if in2026 and wanted and len(typed) < count:
        ws.cell(r, head["Đơn vị chủ trì"]).value = unicodedata.normalize("NFD", name) if how == "nfd" else name
        ws.cell(r, head["Trạng thái"]).value = "Hoàn thành"
        ws.cell(r, head["Ngày hoàn thành"]).value = datetime.datetime(2026, 3, 1)
        typed.append(r)
info = wb["Thông tin"]
for row in info.iter_rows():
    for c in row:
        if c.value == "Năm báo cáo": info.cell(c.row, c.column + 1).value = 2026
        if c.value == "Ngày báo cáo": info.cell(c.row, c.column + 1).value = datetime.datetime(2026, 12, 15)
wb.save(dst)
print(json.dumps({"rows": typed, "nfdDiffers": unicodedata.normalize("NFD", name) != name}))
`;

/** The Lâm Đồng workbook with leads retyped (RETYPE_LEADS), as `dir/file`; the rows typed. */
function retypeLeads(dir: string, file: string, how: "nfd" | "old", name: string, count: number) {
  const built = importLamDong(path.join(dir, "built.xlsx"));
  const typed = path.join(dir, file);
  const t = runPython<{ rows: number[]; nfdDiffers: boolean }>(RETYPE_LEADS, [
    built,
    typed,
    how,
    name,
    String(count),
  ]);
  return { typed, ...t };
}

/** The recalculated "Tổng hợp" line of a lead agency (section II): its status counts. */
const READ_LINE = `
import sys, json, openpyxl
ws = openpyxl.load_workbook(sys.argv[1], data_only=True)["Tổng hợp"]
section, out = None, None
for row in ws.iter_rows(min_row=7, values_only=True):
    a, b = row[0], row[1]
    if isinstance(a, str) and a.startswith(("I.", "II.", "III.", "IV.", "V.")):
        section = a.split(".")[0]; continue
    if section == "II" and b == sys.argv[2]:
        n = [int(x or 0) for x in row[2:11]]
        out = {"total": n[0], "done_on_time": n[1]}
print(json.dumps(out))
`;

type Line = { total: number; done_on_time: number };
/** `agency`'s line once LibreOffice has recalculated the sheet (`recalculated`); null: none. */
const sheetLine = (recalculated: string, agency: string) =>
  runPython<Line | null>(READ_LINE, [recalculated, agency]);

type Finding = { code: string; row?: number; message: string; fix?: { value: string } };

/** `phuluc validate`'s findings of one code. */
function findings(file: string, code: string): Finding[] {
  const v = phuluc(["validate", file, ...AS_OF, "--json"]);
  return (JSON.parse(v.stdout) as { findings: Finding[] }).findings.filter((f) => f.code === code);
}

function cliLine(file: string, agency = AGENCY): Line & { names: string[] } {
  const r = phuluc(["rollup", file, ...AS_OF, "--json"]);
  expect(r.code).toBe(0);
  const all = (JSON.parse(r.stdout) as { agencies: (Line & { agency: string; role: string })[] })
    .agencies;
  const leads = all.filter((a) => a.role === "lead");
  const mine = leads.find((a) => a.agency === agency)!;
  return { total: mine.total, done_on_time: mine.done_on_time, names: leads.map((a) => a.agency) };
}

describe("agency names typed the way officers do", () => {
  itWithTools(
    ["python3-openpyxl", "soffice"],
    "rollup counts it; the safe fix makes the sheet count it too (LibreOffice = rollup)",
    async () => {
      const dir = tempDir("rollup-nfd");
      const t = retypeLeads(dir, "nfd.xlsx", "nfd", AGENCY, 3);
      const typed = t.typed;
      expect(t.nfdDiffers).toBe(true);
      expect(t.rows).toHaveLength(3);

      // The CLI: the three rows count for the agency, on time; no line named in NFD.
      const before = cliLine(typed);
      expect(before.done_on_time).toBeGreaterThanOrEqual(3);
      expect(before.names.filter((n) => n.normalize("NFC") === AGENCY)).toEqual([AGENCY]);

      // The sheet without the add-in does not count them yet: exactly three fewer.
      const sheetBefore = sheetLine(sofficeConvert(typed, "xlsx"), AGENCY);
      expect(sheetBefore?.done_on_time).toBe(before.done_on_time - 3);

      // validate: one warning per row, each with the canonical (NFC) spelling as its fix.
      const found = findings(typed, "AGENCY_NONCANONICAL");
      expect(found.map((f) => f.row).sort()).toEqual([...t.rows].sort());
      for (const f of found) {
        expect(f.fix?.value).toBe(AGENCY);
        expect(f.fix?.value === f.fix?.value.normalize("NFC")).toBe(true);
        expect(f.message).toMatch(/dấu tổ hợp/);
      }

      // After the safe fix: LibreOffice's sheet = rollup = what rollup said before.
      const fixed = path.join(dir, "fixed.xlsx");
      expect(phuluc(["fix", typed, "-o", fixed, ...AS_OF]).code).toBe(0);
      const after = cliLine(fixed);
      const sheetAfter = sheetLine(sofficeConvert(fixed, "xlsx"), AGENCY);
      expect(sheetAfter).toEqual({ total: after.total, done_on_time: after.done_on_time });
      expect({ total: after.total, done_on_time: after.done_on_time }).toEqual({
        total: before.total,
        done_on_time: before.done_on_time,
      });
    },
    240000
  );

  itWithTools(
    ["python3-openpyxl", "soffice"],
    "an old agency typed back into a 2026 row counts under its successor in rollup and sheet",
    async () => {
      const dir = tempDir("rollup-old-name");
      const t = retypeLeads(dir, "old.xlsx", "old", OLD, 2);
      const typed = t.typed;
      expect(t.rows).toHaveLength(2);

      const found = findings(typed, "AGENCY_SUPERSEDED").filter((f) =>
        t.rows.includes(f.row ?? -1)
      );
      expect(found.map((f) => f.row).sort()).toEqual([...t.rows].sort());
      const successor = found[0].fix!.value;
      expect(successor).not.toBe(OLD);

      const cli = cliLine(typed, successor);
      expect(cli.names).not.toContain(OLD);
      const recalculated = sofficeConvert(typed, "xlsx");
      expect(sheetLine(recalculated, successor)).toEqual({
        total: cli.total,
        done_on_time: cli.done_on_time,
      });
      // The two typed rows are in those figures (completed on time in March).
      expect(cli.done_on_time).toBeGreaterThanOrEqual(2);
      expect(sheetLine(recalculated, OLD)).toBeNull();
    },
    240000
  );
});
