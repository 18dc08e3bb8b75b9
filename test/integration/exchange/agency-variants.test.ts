/**
 * What officers do to a distributed file before sending it back, made by openpyxl and re-saved
 * by LibreOffice, then consolidated by the CLI and read back by openpyxl: every report text on
 * its task once, nothing lost without being named (file, sheet, row).
 */
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { distributeLamDong, phuluc, VH, VH_FILE } from "../../helpers/phuluc-cli";
import { itWithTools, runPython, sofficeConvert, tempDir } from "../../helpers/tools";

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
  const { master, gui } = distributeLamDong(dir);
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

/** The file filled in: every lead task "Đang thực hiện", "KQ-<key>". */
const FILL = `
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["Chủ trì"]
head = {c.value: c.column for c in ws[5] if c.value}
for r in range(6, ws.max_row + 1):
    if not ws.cell(r, 1).value: continue
    ws.cell(r, head["Trạng thái"]).value = "Đang thực hiện"
    ws.cell(r, head["Kết quả thực hiện"]).value = "KQ-" + ws.cell(r, 1).value
wb.save(sys.argv[2]); print(1)
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

  itWithTools(
    ["python3-openpyxl"],
    "the same file twice, or a copy of it, is consolidated once",
    async () => {
      const { dir, master, gui, back } = setup("same-file-twice");
      const filled = path.join(back, "bao-cao.xlsx");
      runPython(FILL, [path.join(gui, VH_FILE), filled]);
      const copy = path.join(back, "bao-cao (1).xlsx");
      copyFileSync(filled, copy);
      const out = path.join(dir, "tong-hop.xlsx");
      // The file, the file again, and the folder that holds it and its copy.
      const j = consolidate(master, [filled, filled, back], out);
      expect(j.received.map((r) => r.file)).toEqual(["bao-cao.xlsx"]);
      expect(j.rejected).toEqual([
        {
          file: "bao-cao.xlsx",
          code: "DUPLICATE_FILE",
          message: 'Tệp "bao-cao.xlsx" được chọn hai lần: chỉ tổng hợp một lần.',
        },
        expect.objectContaining({ file: "bao-cao (1).xlsx", code: "DUPLICATE_FILE" }),
        expect.objectContaining({ file: "bao-cao.xlsx", code: "DUPLICATE_FILE" }),
      ]);
      const intake = runPython<unknown[][]>(
        `import sys, json, openpyxl
print(json.dumps([list(r) for r in openpyxl.load_workbook(sys.argv[1])["Tiếp nhận"].iter_rows(min_row=2, values_only=True) if r[1] == sys.argv[2]], ensure_ascii=False, default=str))`,
        [out, VH]
      );
      // One line, the file once, its rows once (22: 13 lead tasks and 9 partnered).
      expect(intake).toHaveLength(1);
      expect(intake[0][2]).toBe("bao-cao.xlsx");
      expect(intake[0][4]).toBe(j.received[0].matched);
      const rows = runPython<Rows>(ROWS, [out, VH]);
      for (const [k, r] of Object.entries(rows))
        if (r["Kết quả thực hiện"] !== null) expect(r["Kết quả thực hiện"]).toBe(`KQ-${k}`);
    },
    60000
  );

  itWithTools(
    ["python3-openpyxl"],
    "the command line says what the pane lists: each file's notes and the tasks it dropped",
    async () => {
      const { dir, master, gui, back } = setup("cli-notes");
      const file = path.join(back, "bao-cao.xlsx");
      const { dropped } = runPython<{ dropped: string }>(
        `import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["Chủ trì"]
head = {c.value: c.column for c in ws[5] if c.value}
ws.cell(6, head["Trạng thái"]).value = "80%"
dropped = ws.cell(8, 1).value; ws.delete_rows(8)
wb.save(sys.argv[2]); print(json.dumps({"dropped": dropped}))`,
        [path.join(gui, VH_FILE), file]
      );
      const r = phuluc([
        "consolidate",
        master,
        file,
        "--year",
        "2026",
        "-o",
        path.join(dir, "t.xlsx"),
      ]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(
        'Lưu ý\tbao-cao.xlsx\tTệp "bao-cao.xlsx", trang "Chủ trì", dòng 6: "Trạng thái" = "80%" không thuộc danh sách trạng thái'
      );
      expect(r.stdout).toContain(`Bỏ sót\tbao-cao.xlsx\t${VH}\t${dropped}\t`);
    },
    60000
  );

  itWithTools(
    ["python3-openpyxl", "soffice"],
    "a task's row copied to write more is one report: its texts once, the first status kept",
    async () => {
      const { dir, master, gui, back } = setup("copied-row");
      const file = path.join(dir, "dong-lap.xlsx");
      const { key, other } = runPython<{ key: string; other: string }>(
        `import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["Chủ trì"]
head = {c.value: c.column for c in ws[5] if c.value}
rows = [r for r in range(6, ws.max_row + 1) if ws.cell(r, 1).value]
for r in rows:
    ws.cell(r, head["Trạng thái"]).value = "Đang thực hiện"
    ws.cell(r, head["Kết quả thực hiện"]).value = "KQ-" + ws.cell(r, 1).value
    ws.cell(r, head["Khó khăn, vướng mắc"]).value = "Thiếu người"
# the second task's row copied under it, a result added, the status changed
r = rows[1]; ws.insert_rows(r + 1)
for c in range(1, ws.max_column + 1): ws.cell(r + 1, c).value = ws.cell(r, c).value
ws.cell(r + 1, head["Kết quả thực hiện"]).value = "Kết quả đợt 2"
ws.cell(r + 1, head["Trạng thái"]).value = "Hoàn thành"
# the fourth task's row copied, the copy's key cleared
r = rows[3] + 1; ws.insert_rows(r + 1)
for c in range(2, ws.max_column + 1): ws.cell(r + 1, c).value = ws.cell(r, c).value
ws.cell(r + 1, head["Kết quả thực hiện"]).value = "Kết quả bổ sung"
wb.save(sys.argv[2]); print(json.dumps({"key": ws.cell(rows[1], 1).value, "other": ws.cell(r, 1).value}))`,
        [path.join(gui, VH_FILE), file]
      );
      const resaved = path.join(back, "dong-lap.xlsx");
      copyFileSync(sofficeConvert(file, "xlsx"), resaved);
      const out = path.join(dir, "tong-hop.xlsx");
      const j = consolidate(master, [resaved], out);
      expect(j.unmatched).toEqual([]);
      const rows = runPython<Rows>(ROWS, [out, VH]);
      expect(rows[key]).toEqual({
        "Trạng thái": "Đang thực hiện",
        "Kết quả thực hiện": `KQ-${key}\nKết quả đợt 2`,
        "Khó khăn, vướng mắc": "Thiếu người",
      });
      expect(rows[other]["Kết quả thực hiện"]).toBe(`KQ-${other}\nKết quả bổ sung`);
      const warnings = j.received[0].warnings.join("\n");
      expect(warnings).toContain(
        `dòng 8: dòng lặp lại nhiệm vụ ${key} của dòng 7: đã ghép nội dung vào báo cáo của nhiệm vụ đó (chữ trùng chỉ lấy một lần). Giữ giá trị dòng 7: "Trạng thái" = "Đang thực hiện" (dòng này ghi "Hoàn thành").`
      );
    },
    120000
  );

  itWithTools(
    ["python3-openpyxl", "soffice"],
    "a report saved as .ods is named with what to do, in a folder too, not passed over",
    async () => {
      const { dir, master, gui, back } = setup("ods");
      const filled = path.join(dir, "bao-cao.xlsx");
      runPython(FILL, [path.join(gui, VH_FILE), filled]);
      copyFileSync(sofficeConvert(filled, "ods"), path.join(back, "bao-cao.ods"));
      const expected = {
        file: "bao-cao.ods",
        code: "OPENDOCUMENT",
        message:
          'Tệp "bao-cao.ods" là bảng tính OpenDocument (.ods, lưu từ LibreOffice hoặc WPS), không phải tệp Excel (.xlsx). Hãy mở tệp và lưu lại dưới dạng Excel (.xlsx) (Tệp › Lưu thành › "Excel 2007-365") rồi thử lại.',
      };
      const inFolder = consolidate(master, [back], path.join(dir, "t1.xlsx"));
      expect(inFolder.rejected).toEqual([expected]);
      const named = consolidate(
        master,
        [path.join(back, "bao-cao.ods")],
        path.join(dir, "t2.xlsx")
      );
      expect(named.rejected).toEqual([expected]);
    },
    60000
  );

  itWithTools(
    ["python3-openpyxl"],
    "two versions of one agency's report: the newer wins, its tasks counted once",
    async () => {
      const { dir, master, gui, back } = setup("two-versions");
      const version = `
import sys, json, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["Chủ trì"]
head = {c.value: c.column for c in ws[5] if c.value}
for r in range(6, ws.max_row + 1):
    if ws.cell(r, 1).value:
        ws.cell(r, head["Kết quả thực hiện"]).value = sys.argv[3] + "-" + ws.cell(r, 1).value
g = wb["Hướng dẫn"]
for r in range(1, 40):
    if g.cell(r, 1).value == "Ngày báo cáo": g.cell(r, 2).value = datetime.datetime.fromisoformat(sys.argv[4])
wb.save(sys.argv[2]); print(1)`;
      runPython(version, [
        path.join(gui, VH_FILE),
        path.join(back, "lan-1.xlsx"),
        "V1",
        "2026-11-10",
      ]);
      runPython(version, [
        path.join(gui, VH_FILE),
        path.join(back, "lan-2.xlsx"),
        "V2",
        "2026-11-20",
      ]);
      const out = path.join(dir, "tong-hop.xlsx");
      const j = consolidate(master, [back], out);
      expect(j.received.map((r) => [r.file, r.matched])).toEqual([
        ["lan-2.xlsx", 22],
        ["lan-1.xlsx", 22],
      ]);
      const rows = runPython<Rows>(ROWS, [out, VH]);
      for (const [k, r] of Object.entries(rows))
        if (r["Kết quả thực hiện"] !== null) expect(r["Kết quả thực hiện"]).toBe(`V2-${k}`);
      const intake = runPython<unknown[][]>(
        `import sys, json, openpyxl
print(json.dumps([list(r) for r in openpyxl.load_workbook(sys.argv[1])["Tiếp nhận"].iter_rows(min_row=2, values_only=True) if r[1] == sys.argv[2]], ensure_ascii=False, default=str))`,
        [out, VH]
      );
      expect(intake.map((r) => [r[2], r[4]])).toEqual([["lan-2.xlsx; lan-1.xlsx", 22]]);
    },
    60000
  );
});
