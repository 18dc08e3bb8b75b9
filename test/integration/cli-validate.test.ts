/**
 * `phuluc validate` on real tracking workbooks that an officer (here: openpyxl, an independent
 * writer) has typed into, re-arranged or damaged. Findings must name the sheet, row and column
 * as they are in the file, and bad files must get a clear message and exit 2.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { itWithTools, runPython, tempDir } from "../helpers/tools";
import { importLamDong, phuluc } from "../helpers/phuluc-cli";

interface JsonFinding {
  severity: string;
  code: string;
  sheet?: string;
  row: number | null;
  column: string | null;
  message: string;
  place?: { file?: string; sheet?: string; row?: number; column?: string; task?: string };
  fix?: { value: string };
}

function validate(file: string, extra: string[] = []) {
  const r = phuluc([
    "validate",
    file,
    "--year",
    "2026",
    "--date",
    "2026-11-21",
    "--json",
    ...extra,
  ]);
  return { ...r, findings: r.code === 2 ? [] : (JSON.parse(r.stdout).findings as JsonFinding[]) };
}

/**
 * Edits a copy with openpyxl. `ops` is Python run with `wb`, `ws` (task sheet), `col(header)`
 * (1-based column of a header), and `row_of(stt, lead)` (sheet row of a task's lead row).
 */
function edit(src: string, dst: string, ops: string): void {
  runPython(
    `import sys, json, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Nhiệm vụ"]
def col(h):
    for c in ws[1]:
        if c.value == h: return c.column
    raise Exception("no column " + h)
def row_of(stt, lead):
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, col("STT")).value == stt and ws.cell(r, col("Đơn vị chủ trì")).value == lead: return r
    raise Exception("no row " + stt)
${ops}
wb.save(sys.argv[2])
print("null")`,
    [src, dst]
  );
}

describe("phuluc validate on real files", () => {
  const dir = tempDir("validate");
  const built = path.join(dir, "lam-dong.xlsx");
  let ready = false;
  const ensureBuilt = () => {
    if (ready) return;
    importLamDong(built);
    ready = true;
  };

  itWithTools(
    ["python3-openpyxl"],
    "typed inputs: case/diacritics, dates as text and as serials, missing title",
    async () => {
      ensureBuilt();
      const typed = path.join(dir, "typed.xlsx");
      edit(
        built,
        typed,
        `r1 = row_of("3.1", "Sở Công Thương")
ws.cell(r1, col("Trạng thái")).value = "hoan thanh"
ws.cell(r1, col("Ngày hoàn thành")).value = "15/11/2026"
r2 = row_of("2.2", "Sở Văn hóa, Thể thao và Du lịch")
ws.cell(r2, col("Trạng thái")).value = "HOÀN THÀNH"
ws.cell(r2, col("Ngày hoàn thành")).value = 46300
r3 = row_of("3.3", "Văn phòng UBND tỉnh")
ws.cell(r3, col("Nhiệm vụ")).value = None`
      );
      const before = createHash("sha256").update(readFileSync(typed)).digest("hex");
      const { code, findings, stderr } = validate(typed);
      expect(stderr).toBe("");
      expect(code).toBe(1); // a missing title is an error
      const rowOf = (stt: string) =>
        runPython<number>(
          `import sys, json, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Nhiệm vụ"]
h = {c.value: c.column for c in ws[1]}
print(json.dumps([r for r in range(2, ws.max_row + 1) if ws.cell(r, h["STT"]).value == sys.argv[2]][0]))`,
          [typed, stt]
        );
      const r31 = rowOf("3.1");
      const status = findings.find((f) => f.code === "STATUS_NONCANONICAL" && f.row === r31);
      expect(status).toMatchObject({
        sheet: "Nhiệm vụ",
        column: "Trạng thái",
        fix: { value: "Hoàn thành" },
      });
      // `message` keeps the sentence with its place; `place` gives the same as data.
      expect(status!.message).toMatch(
        new RegExp(`^Trang "Nhiệm vụ", dòng ${r31}, cột "Trạng thái": "`)
      );
      expect(status!.place).toMatchObject({ sheet: "Nhiệm vụ", row: r31, column: "Trạng thái" });
      expect(status!.place!.task).toBe("3.1");
      expect(findings.find((f) => f.code === "DATE_AS_TEXT" && f.row === r31)).toMatchObject({
        column: "Ngày hoàn thành",
        fix: { value: "2026-11-15" },
      });
      const r22 = rowOf("2.2");
      // A date typed as a serial number is a real date: no date finding on that row.
      expect(findings.filter((f) => f.row === r22 && /DATE/.test(f.code))).toEqual([]);
      expect(
        findings.find((f) => f.code === "STATUS_NONCANONICAL" && f.row === r22)?.fix?.value
      ).toBe("Hoàn thành");
      expect(findings.find((f) => f.code === "TITLE_MISSING")).toMatchObject({
        severity: "error",
        row: rowOf("3.3"),
        column: "Nhiệm vụ",
      });
      // validate never writes: the file is byte-identical afterwards.
      expect(createHash("sha256").update(readFileSync(typed)).digest("hex")).toBe(before);
    }
  );

  itWithTools(
    ["python3-openpyxl"],
    "columns inserted and moved, rows sorted, table renamed, meta sheet deleted",
    async () => {
      ensureBuilt();
      const moved = path.join(dir, "moved.xlsx");
      edit(
        built,
        moved,
        `r = row_of("4.3", "Bộ Chỉ huy quân sự tỉnh")
ws.cell(r, col("Trạng thái")).value = "dang thuc hien"
# Sort the data rows by task title, descending (values only: what Excel's sort does).
first, last = 2, max(rr for rr in range(2, ws.max_row + 1) if ws.cell(rr, 1).value)
data = [[ws.cell(rr, cc).value for cc in range(1, ws.max_column + 1)] for rr in range(first, last + 1)]
data.sort(key=lambda row: str(row[col("Nhiệm vụ") - 1]), reverse=True)
for i, row in enumerate(data):
    for cc, v in enumerate(row):
        ws.cell(first + i, cc + 1).value = v
# Insert a column of the officer's own before the status column (shifts everything right).
ws.insert_cols(col("Trạng thái"))
ws.cell(1, col("Tiến độ (%)") - 3).value = "Ghi chú của tôi"
for name in list(ws.tables.keys()):
    t = ws.tables[name]
    del ws.tables[name]
    t.name = t.displayName = "BangCuaToi"
    ws.add_table(t)
del wb["_phuluc"]`
      );
      const { code, findings, stderr } = validate(moved);
      expect(stderr).toBe("");
      expect(code).toBe(0);
      expect(findings.map((f) => f.code)).toContain("META_SHEET_MISSING");
      const located = runPython<{ row: number; letter: string }>(
        `import sys, json, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Nhiệm vụ"]
h = {c.value: c.column for c in ws[1]}
for r in range(2, ws.max_row + 1):
    if ws.cell(r, h["STT"]).value == "4.3" and ws.cell(r, h["Đơn vị chủ trì"]).value == "Bộ Chỉ huy quân sự tỉnh":
        print(json.dumps({"row": r, "letter": ws.cell(r, h["Trạng thái"]).column_letter}))`,
        [moved]
      );
      const f = findings.find((x) => x.code === "STATUS_NONCANONICAL");
      expect(f).toMatchObject({
        row: located.row,
        column: "Trạng thái",
        fix: { value: "Đang thực hiện" },
      });
    }
  );

  itWithTools(
    ["python3-openpyxl"],
    "a fresh 2026 workbook names 2026's agencies; a name typed with a wrong tone mark is that agency everywhere",
    async () => {
      ensureBuilt();
      const fresh = validate(built);
      expect(fresh.code).toBe(0);
      expect(fresh.findings.filter((f) => f.code === "AGENCY_SUPERSEDED")).toEqual([]);
      expect(fresh.findings.filter((f) => f.severity !== "info")).toEqual([]);

      const typed = path.join(dir, "ten-go-sai.xlsx");
      edit(
        built,
        typed,
        `r = row_of("3.1", "Sở Công Thương")
ws.cell(r, col("Đơn vị chủ trì")).value = "Sở Công Thuong"
ws.cell(r, col("Trạng thái")).value = "Hoàn thành"
ws.cell(r, col("Ngày hoàn thành")).value = datetime.datetime(2026, 10, 1)
print(json.dumps(r), file=sys.stderr)`
      );
      const { findings } = validate(typed);
      const f = findings.find((x) => x.code === "AGENCY_NONCANONICAL")!;
      expect(f).toMatchObject({
        severity: "warning",
        column: "Đơn vị chủ trì",
        fix: { value: "Sở Công Thương" },
      });
      expect(f.message).toContain('"Sở Công Thuong" là cách viết khác của "Sở Công Thương"');
      const r = phuluc(["rollup", typed, "--year", "2026", "--date", "2026-11-21", "--json"]);
      const roll = JSON.parse(r.stdout) as {
        agencies: { agency: string; role: string; done_on_time: number; written?: string[] }[];
      };
      expect(roll.agencies.map((a) => a.agency)).not.toContain("Sở Công Thuong");
      const ct = roll.agencies.find((a) => a.role === "lead" && a.agency === "Sở Công Thương")!;
      expect(ct.done_on_time).toBeGreaterThanOrEqual(1);
      expect(ct.written).toEqual(["Sở Công Thuong"]);
      // The safe fix writes the canonical spelling into a new file.
      const fixed = path.join(dir, "ten-da-sua.xlsx");
      expect(phuluc(["fix", typed, "-o", fixed]).code).toBe(0);
      expect(validate(fixed).findings.filter((x) => x.code === "AGENCY_NONCANONICAL")).toEqual([]);
    }
  );

  itWithTools(
    ["python3-openpyxl"],
    "not a tracking workbook, and a newer template: exit 2, message names the file",
    async () => {
      ensureBuilt();
      const other = path.join(dir, "bang-luong.xlsx");
      runPython(
        `import sys, openpyxl
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Lương"
ws.append(["Họ tên", "Lương"]); ws.append(["Nguyễn Văn A", 1000])
wb.save(sys.argv[1]); print("null")`,
        [other]
      );
      const a = validate(other);
      expect(a.code).toBe(2);
      expect(a.stderr).toContain("bang-luong.xlsx");
      expect(a.stderr).toMatch(/không phải sổ theo dõi/);

      const newer = path.join(dir, "mau-moi.xlsx");
      edit(
        built,
        newer,
        `m = wb["_phuluc"]
for r in range(1, 10):
    if m.cell(r, 1).value == "templateVersion": m.cell(r, 2).value = 99`
      );
      const b = validate(newer);
      expect(b.code).toBe(2);
      expect(b.stderr).toContain("mau-moi.xlsx");
      expect(b.stderr).toMatch(/phiên bản 99/);
    }
  );
});
