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

/** Three of the agency's lead rows of 2026 typed in NFD and completed; year 2026 as of 15/12/2026. */
const TYPE_NFD = `
import sys, json, datetime, unicodedata, openpyxl
src, dst, agency = sys.argv[1], sys.argv[2], sys.argv[3]
wb = openpyxl.load_workbook(src)
ws = wb["Nhiệm vụ"]
head = {c.value: c.column for c in ws[1]}
typed = []
for r in range(2, ws.max_row + 1):
    spans = [p.strip().split("-") for p in str(ws.cell(r, head["Các năm thực hiện"]).value or "").split(";") if p.strip()]
    in2026 = any(int(s[0]) <= 2026 <= int(s[-1]) for s in spans)
    if ws.cell(r, head["Đơn vị chủ trì"]).value == agency and in2026 and len(typed) < 3:
        ws.cell(r, head["Đơn vị chủ trì"]).value = unicodedata.normalize("NFD", agency)
        ws.cell(r, head["Trạng thái"]).value = "Hoàn thành"
        ws.cell(r, head["Ngày hoàn thành"]).value = datetime.datetime(2026, 3, 1)
        typed.append(r)
info = wb["Thông tin"]
for row in info.iter_rows():
    for c in row:
        if c.value == "Năm báo cáo": info.cell(c.row, c.column + 1).value = 2026
        if c.value == "Ngày báo cáo": info.cell(c.row, c.column + 1).value = datetime.datetime(2026, 12, 15)
wb.save(dst)
print(json.dumps({"rows": typed, "nfdDiffers": unicodedata.normalize("NFD", agency) != agency}))
`;

const OLD = "Sở Thông tin và Truyền thông";

/** Two 2026 rows of Sở VHTTDL (its successor in this plan) typed back as the old name, completed. */
const TYPE_OLD = `
import sys, json, datetime, openpyxl
src, dst, old = sys.argv[1], sys.argv[2], sys.argv[3]
wb = openpyxl.load_workbook(src)
ws = wb["Nhiệm vụ"]
head = {c.value: c.column for c in ws[1]}
typed = []
for r in range(2, ws.max_row + 1):
    spans = [p.strip().split("-") for p in str(ws.cell(r, head["Các năm thực hiện"]).value or "").split(";") if p.strip()]
    in2026 = any(int(s[0]) <= 2026 <= int(s[-1]) for s in spans)
    plan = str(ws.cell(r, head["Các đơn vị chủ trì"]).value or "")
    if in2026 and old in plan and ws.cell(r, head["Đơn vị chủ trì"]).value != old and len(typed) < 2:
        ws.cell(r, head["Đơn vị chủ trì"]).value = old
        ws.cell(r, head["Trạng thái"]).value = "Hoàn thành"
        ws.cell(r, head["Ngày hoàn thành"]).value = datetime.datetime(2026, 3, 1)
        typed.append(r)
info = wb["Thông tin"]
for row in info.iter_rows():
    for c in row:
        if c.value == "Năm báo cáo": info.cell(c.row, c.column + 1).value = 2026
        if c.value == "Ngày báo cáo": info.cell(c.row, c.column + 1).value = datetime.datetime(2026, 12, 15)
wb.save(dst)
print(json.dumps({"rows": typed}))
`;

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

function cliLine(file: string, agency = AGENCY): Line & { names: string[] } {
  const r = phuluc(["rollup", file, "--year", "2026", "--date", "2026-12-15", "--json"]);
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
      const built = importLamDong(path.join(dir, "built.xlsx"));
      const typed = path.join(dir, "nfd.xlsx");
      const t = runPython<{ rows: number[]; nfdDiffers: boolean }>(TYPE_NFD, [
        built,
        typed,
        AGENCY,
      ]);
      expect(t.nfdDiffers).toBe(true);
      expect(t.rows).toHaveLength(3);

      // The CLI: the three rows count for the agency, on time; no line named in NFD.
      const before = cliLine(typed);
      expect(before.done_on_time).toBeGreaterThanOrEqual(3);
      expect(before.names.filter((n) => n.normalize("NFC") === AGENCY)).toEqual([AGENCY]);

      // The sheet without the add-in does not count them yet: exactly three fewer.
      const sheetBefore = runPython<Line>(READ_LINE, [sofficeConvert(typed, "xlsx"), AGENCY]);
      expect(sheetBefore.done_on_time).toBe(before.done_on_time - 3);

      // validate: one warning per row, each with the canonical (NFC) spelling as its fix.
      const v = phuluc(["validate", typed, "--year", "2026", "--date", "2026-12-15", "--json"]);
      const found = (
        JSON.parse(v.stdout) as {
          findings: { code: string; row?: number; message: string; fix?: { value: string } }[];
        }
      ).findings.filter((f) => f.code === "AGENCY_NONCANONICAL");
      expect(found.map((f) => f.row).sort()).toEqual([...t.rows].sort());
      for (const f of found) {
        expect(f.fix?.value).toBe(AGENCY);
        expect(f.fix?.value === f.fix?.value.normalize("NFC")).toBe(true);
        expect(f.message).toMatch(/dấu tổ hợp/);
      }

      // After the safe fix: LibreOffice's sheet = rollup = what rollup said before.
      const fixed = path.join(dir, "fixed.xlsx");
      expect(
        phuluc(["fix", typed, "-o", fixed, "--year", "2026", "--date", "2026-12-15"]).code
      ).toBe(0);
      const after = cliLine(fixed);
      const sheetAfter = runPython<Line>(READ_LINE, [sofficeConvert(fixed, "xlsx"), AGENCY]);
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
      const built = importLamDong(path.join(dir, "built.xlsx"));
      const typed = path.join(dir, "old.xlsx");
      const t = runPython<{ rows: number[] }>(TYPE_OLD, [built, typed, OLD]);
      expect(t.rows).toHaveLength(2);

      const v = phuluc(["validate", typed, "--year", "2026", "--date", "2026-12-15", "--json"]);
      const found = (
        JSON.parse(v.stdout) as {
          findings: { code: string; row?: number; fix?: { value: string } }[];
        }
      ).findings.filter((f) => f.code === "AGENCY_SUPERSEDED" && t.rows.includes(f.row ?? -1));
      expect(found.map((f) => f.row).sort()).toEqual([...t.rows].sort());
      const successor = found[0].fix!.value;
      expect(successor).not.toBe(OLD);

      const cli = cliLine(typed, successor);
      expect(cli.names).not.toContain(OLD);
      const sheet = runPython<Line | null>(READ_LINE, [sofficeConvert(typed, "xlsx"), successor]);
      expect(sheet).toEqual({ total: cli.total, done_on_time: cli.done_on_time });
      // The two typed rows are in those figures (completed on time in March).
      expect(cli.done_on_time).toBeGreaterThanOrEqual(2);
      const none = runPython<Line | null>(READ_LINE, [sofficeConvert(typed, "xlsx"), OLD]);
      expect(none).toBeNull();
    },
    240000
  );
});
