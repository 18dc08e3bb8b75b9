/**
 * `phuluc fix` on a real workbook: statuses and dates typed by an independent writer (openpyxl),
 * fixed into a NEW file that openpyxl reads back with real dates and canonical statuses; the
 * source is untouched, -o equal to the input is refused, every change is in "Nhật ký sửa".
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { itWithTools, runPython, tempDir } from "../helpers/tools";
import { importLamDong, phuluc } from "../helpers/phuluc-cli";

const FILL = `
import sys, json, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["Nhiệm vụ"]
head = {c.value: c.column for c in ws[1]}
rows = [r for r in range(2, ws.max_row + 1) if ws.cell(r, head["Mã nhiệm vụ"]).value]
def put(i, col, v): ws.cell(rows[i], head[col]).value = v
put(0, "Trạng thái", "hoan thanh"); put(0, "Ngày hoàn thành", "15/11/2026")
put(1, "Trạng thái", "Đang triển khai"); put(1, "Tiến độ (%)", "80%"); put(1, "Ngày cập nhật", "02/10/2026")
put(2, "Trạng thái", "Hoàn thành"); put(2, "Ngày hoàn thành", datetime.datetime(2026, 3, 1)); put(2, "Kết quả thực hiện", "-Đã tổ chức 2 hội nghị")
put(3, "Trạng thái", "HOÀN THÀNH "); put(3, "Ngày hoàn thành", "ngày 5 tháng 10 năm 2026")
wb.save(sys.argv[2])
print(json.dumps(rows[:4]))
`;

const READ = `
import sys, json, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["Nhiệm vụ"]
head = {c.value: c.column for c in ws[1]}
def v(x): return x.date().isoformat() if isinstance(x, datetime.datetime) else x
rows = [int(r) for r in sys.argv[2].split(",")]
cols = ["Trạng thái", "Ngày hoàn thành", "Tiến độ (%)", "Ngày cập nhật", "Kết quả thực hiện"]
out = {"rows": [{c: v(ws.cell(r, head[c]).value) for c in cols} for r in rows]}
log = wb["Nhật ký sửa"] if "Nhật ký sửa" in wb.sheetnames else None
out["log"] = [[v(c) for c in r] for r in log.iter_rows(min_row=2, values_only=True)] if log else None
out["sheets"] = wb.sheetnames
print(json.dumps(out, ensure_ascii=False, default=str))
`;

describe("phuluc fix", () => {
  itWithTools(
    ["python3-openpyxl"],
    "fixes typed statuses and text dates into a new file; source untouched; change log kept",
    async () => {
      const dir = tempDir("fix");
      const built = path.join(dir, "built.xlsx");
      importLamDong(built);
      const filled = path.join(dir, "filled.xlsx");
      const rows = runPython<number[]>(FILL, [built, filled]);
      const sourceBytes = readFileSync(filled);

      expect(phuluc(["fix", filled, "-o", filled]).code).toBe(2);
      const fixed = path.join(dir, "fixed.xlsx");
      const r = phuluc(["fix", filled, "-o", fixed, "--json"]);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout) as {
        changes: { address: string; before: unknown; after: unknown }[];
      };
      expect(out.changes).toHaveLength(6);
      expect(readFileSync(filled).equals(sourceBytes)).toBe(true);

      const read = runPython<{
        rows: Record<string, unknown>[];
        log: unknown[][];
        sheets: string[];
      }>(READ, [fixed, rows.join(",")]);
      expect(read.rows[0]).toMatchObject({
        "Trạng thái": "Hoàn thành",
        "Ngày hoàn thành": "2026-11-15",
      });
      expect(read.rows[1]).toMatchObject({
        "Trạng thái": "Đang thực hiện",
        "Tiến độ (%)": "80%",
        "Ngày cập nhật": "2026-10-02",
      });
      expect(read.rows[2]).toMatchObject({
        "Trạng thái": "Hoàn thành",
        "Ngày hoàn thành": "2026-03-01",
        "Kết quả thực hiện": "-Đã tổ chức 2 hội nghị",
      });
      expect(read.rows[3]).toMatchObject({
        "Trạng thái": "Hoàn thành",
        "Ngày hoàn thành": "2026-10-05",
      });
      expect(read.sheets).toContain("Nhật ký sửa");
      expect(read.log).toHaveLength(6);
      const befores = read.log.map((l) => l[6]);
      expect(befores).toEqual(
        expect.arrayContaining([
          "hoan thanh",
          "15/11/2026",
          "Đang triển khai",
          "02/10/2026",
          "HOÀN THÀNH",
          "ngày 5 tháng 10 năm 2026",
        ])
      );

      // Fixing the fixed file changes nothing more and keeps the log.
      const again = path.join(dir, "again.xlsx");
      const r2 = phuluc(["fix", fixed, "-o", again, "--json"]);
      expect(r2.code).toBe(0);
      expect(JSON.parse(r2.stdout).changes).toEqual([]);
      const read2 = runPython<{ log: unknown[][] }>(READ, [again, rows.join(",")]);
      expect(read2.log).toEqual(read.log);
      // validate no longer reports the fixed cells.
      const v = phuluc(["validate", again, "--json"]);
      const codes = (JSON.parse(v.stdout).findings as { code: string }[]).map((f) => f.code);
      expect(codes).not.toContain("STATUS_NONCANONICAL");
      expect(codes).not.toContain("DATE_AS_TEXT");
    },
    240000
  );
});
