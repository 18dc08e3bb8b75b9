/**
 * What officers do to a distributed file before sending it back, made by openpyxl and re-saved
 * by LibreOffice, then consolidated by the CLI and read back by openpyxl: every report text on
 * its task once, nothing lost without being named (file, sheet, row).
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { importLamDong, phuluc } from "../../helpers/phuluc-cli";
import { itWithTools, runPython, sofficeConvert, tempDir } from "../../helpers/tools";

const VH = "Sở Văn hóa, Thể thao và Du lịch";
const VH_FILE = `2026 - ${VH} - Báo cáo KH 4784.xlsx`;

/** The master's rows of one agency: key → texts. */
const ROWS = `
import sys, json, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Nhiệm vụ"]
head = {c.value: c.column for c in ws[1]}
out = {}
for r in range(2, ws.max_row + 1):
    if ws.cell(r, head["Đơn vị chủ trì"]).value != sys.argv[2]: continue
    out[ws.cell(r, 1).value] = {h: ws.cell(r, head[h]).value for h in
        ["Trạng thái", "Kết quả thực hiện", "Khó khăn, vướng mắc"]}
print(json.dumps(out, ensure_ascii=False, default=str))
`;
type Rows = Record<string, Record<string, string | null>>;

interface Json {
  received: { file: string; agency: string; matched: number; warnings: string[] }[];
  rejected: { file: string; code: string; message: string }[];
  unmatched: { file: string; sheet: string; row: number }[];
}

/** A master and its distributed files, made once. */
function setup(name: string) {
  const dir = tempDir(name);
  const master = importLamDong(path.join(dir, "theo-doi.xlsx"));
  const gui = path.join(dir, "gui");
  expect(phuluc(["distribute", master, "--year", "2026", "-o", gui]).code).toBe(0);
  const back = path.join(dir, "nhan-ve");
  mkdirSync(back);
  return { dir, master, gui, back };
}

function consolidate(master: string, inputs: string[], out: string): Json {
  const r = phuluc(["consolidate", master, ...inputs, "--year", "2026", "-o", out, "--json"]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Json;
}

/**
 * The file filled in: every lead task "KQ-<key>"; then the report of the first task goes on
 * over a second row with no task text: a row inserted under it (`insert`) or the task's cells
 * merged down over both (`merge`); a text further down after a blank row under no task; the
 * signature line right under the table.
 */
const SPLIT = `
import sys, json, openpyxl
src, out, how = sys.argv[1:4]
wb = openpyxl.load_workbook(src); ws = wb["Chủ trì"]
head = {c.value: c.column for c in ws[5] if c.value}
rows = [r for r in range(6, ws.max_row + 1) if ws.cell(r, 1).value]
for r in rows:
    ws.cell(r, head["Trạng thái"]).value = "Đang thực hiện"
    ws.cell(r, head["Kết quả thực hiện"]).value = "KQ-" + ws.cell(r, 1).value
first = rows[0]; key = ws.cell(first, 1).value
ws.insert_rows(first + 1)
ws.cell(first + 1, head["Kết quả thực hiện"]).value = "Phần tiếp của báo cáo"
ws.cell(first + 1, head["Khó khăn, vướng mắc"]).value = "Thiếu kinh phí"
if how == "merge":
    for c in range(1, head["Trạng thái"]):
        ws.merge_cells(start_row=first, end_row=first + 1, start_column=c, end_column=c)
# a blank row, then a text under no task, between two tasks
third = rows[2] + 1
ws.insert_rows(third, 2)
ws.cell(third + 1, head["Kết quả thực hiện"]).value = "Không rõ của nhiệm vụ nào"
last = ws.max_row + 1
ws.cell(last, head["Kết quả thực hiện"]).value = "Lâm Đồng, ngày 20 tháng 11 năm 2026"
wb.save(out); print(json.dumps({"key": key, "orphan": third + 1}))
`;

describe("consolidate: what agencies do to the file", () => {
  itWithTools(
    ["python3-openpyxl", "soffice"],
    "a report split over two rows is joined to its task; a text under no task is named",
    async () => {
      const { dir, master, gui, back } = setup("split-rows");
      const src = path.join(gui, VH_FILE);
      const inserted = path.join(back, "chen-dong.xlsx");
      const { key, orphan } = runPython<{ key: string; orphan: number }>(SPLIT, [
        src,
        inserted,
        "insert",
      ]);
      const merged = path.join(dir, "gop-o.xlsx");
      runPython(SPLIT, [src, merged, "merge"]);
      const resaved = sofficeConvert(merged, "xlsx");

      for (const file of [inserted, resaved]) {
        const out = path.join(dir, `tong-hop-${path.basename(file)}`);
        const j = consolidate(master, [file], out);
        const rows = runPython<Rows>(ROWS, [out, VH]);
        expect(rows[key]["Kết quả thực hiện"]).toBe(`KQ-${key}\nPhần tiếp của báo cáo`);
        expect(rows[key]["Khó khăn, vướng mắc"]).toBe("Thiếu kinh phí");
        // Every other task keeps its own text, once; the signature line lands nowhere.
        for (const [k, r] of Object.entries(rows))
          if (k !== key && r["Kết quả thực hiện"] !== null)
            expect(r["Kết quả thực hiện"]).toBe(`KQ-${k}`);
        const warnings = j.received[0].warnings.join("\n");
        expect(warnings).toMatch(
          new RegExp(`dòng 7: dòng không ghi nhiệm vụ, ngay dưới nhiệm vụ ${key} \\(dòng 6\\)`)
        );
        expect(warnings).toContain(
          `trang "Chủ trì", dòng ${orphan}: có nội dung ở cột "Kết quả thực hiện" nhưng không ghi nhiệm vụ`
        );
        expect(JSON.stringify(rows)).not.toContain("Không rõ của nhiệm vụ nào");
        expect(JSON.stringify(rows)).not.toContain("Lâm Đồng, ngày");
      }
    },
    120000
  );
});
