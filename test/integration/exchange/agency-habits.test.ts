/**
 * More of what agencies do to a distributed file before sending it back, made by openpyxl and
 * re-saved by LibreOffice, consolidated by the CLI, the master read back by openpyxl: every
 * reported value lands on its task, and what could not be taken as written is named.
 */
import { mkdirSync, utimesSync } from "node:fs";
import path from "node:path";
import { distributeLamDong, phuluc, VH, VH_FILE } from "../../helpers/phuluc-cli";
import { itWithTools, runPython, sofficeConvert, tempDir } from "../../helpers/tools";

/** The master's rows of one agency: key → [status, result]. */
const ROWS = `
import sys, json, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Nhiệm vụ"]
head = {c.value: c.column for c in ws[1]}
out = {}
for r in range(2, ws.max_row + 1):
    if ws.cell(r, head["Đơn vị chủ trì"]).value != sys.argv[2]: continue
    out[ws.cell(r, 1).value] = [ws.cell(r, head["Trạng thái"]).value, ws.cell(r, head["Kết quả thực hiện"]).value]
print(json.dumps(out, ensure_ascii=False, default=str))
`;
type Rows = Record<string, [string | null, string | null]>;

interface Json {
  received: { file: string; matched: number; warnings: string[] }[];
  unmatched: unknown[];
}

function setup(name: string) {
  const dir = tempDir(name);
  const { master, gui } = distributeLamDong(dir);
  return { dir, master, src: path.join(gui, VH_FILE) };
}

function consolidate(master: string, file: string, out: string): Json {
  const r = phuluc(["consolidate", master, file, "--year", "2026", "-o", out, "--json"]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Json;
}

describe("consolidate: agencies' habits with the returned file", () => {
  itWithTools(
    ["python3-openpyxl", "soffice"],
    "the report written on a copied sheet: its rows are the tasks' reports, once",
    async () => {
      const { dir, master, src } = setup("copied-sheet");
      // (blank) "Chủ trì" left as sent, the report on "Báo cáo chi tiết";
      // (both) "Chủ trì" filled too, the copy saying otherwise.
      const keys = runPython<string[]>(
        `import sys, json, openpyxl
keys = []
for out, fill_first in [(sys.argv[2], False), (sys.argv[3], True)]:
    wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["Chủ trì"]
    head = {c.value: c.column for c in ws[5] if c.value}
    rows = [r for r in range(6, ws.max_row + 1) if ws.cell(r, 1).value]
    keys = [ws.cell(r, 1).value for r in rows]
    if fill_first:
        for r in rows:
            ws.cell(r, head["Trạng thái"]).value = "Đang thực hiện"
            ws.cell(r, head["Kết quả thực hiện"]).value = "KQ1-" + ws.cell(r, 1).value
    copy = wb.copy_worksheet(ws); copy.title = "Báo cáo chi tiết"
    for r in rows:
        copy.cell(r, head["Trạng thái"]).value = "Hoàn thành"
        copy.cell(r, head["Kết quả thực hiện"]).value = "KQ2-" + copy.cell(r, 1).value
    wb.save(out)
print(json.dumps(keys))`,
        [src, path.join(dir, "blank.xlsx"), path.join(dir, "both.xlsx")]
      );
      for (const [name, expected] of [
        ["blank", (k: string) => ["Hoàn thành", `KQ2-${k}`]],
        ["both", (k: string) => ["Đang thực hiện", `KQ1-${k}\nKQ2-${k}`]],
      ] as const) {
        const file = sofficeConvert(path.join(dir, `${name}.xlsx`), "xlsx");
        const out = path.join(dir, `tong-hop-${name}.xlsx`);
        const j = consolidate(master, file, out);
        expect(j.unmatched).toEqual([]);
        const rows = runPython<Rows>(ROWS, [out, VH]);
        expect(keys.map((k) => rows[k])).toEqual(keys.map(expected));
        const warnings = j.received[0].warnings.join("\n");
        expect(warnings).toContain(
          `trang "Báo cáo chi tiết" ghi lại 13 nhiệm vụ đã có ở trang khác của tệp (${keys.join(", ")})`
        );
        if (name === "both")
          expect(warnings).toContain(
            `trang "Báo cáo chi tiết", dòng 6: nhiệm vụ ${keys[0]} cũng có ở trang "Chủ trì" (dòng 6); giữ giá trị trang "Chủ trì": "Trạng thái" = "Đang thực hiện" (dòng này ghi "Hoàn thành").`
          );
      }
    },
    120000
  );

  itWithTools(
    ["python3-openpyxl", "soffice"],
    "a status and a result merged over three task rows are each task's, and said",
    async () => {
      const { dir, master, src } = setup("merged-result");
      const file = path.join(dir, "gop.xlsx");
      const keys = runPython<string[]>(
        `import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["Chủ trì"]
head = {c.value: c.column for c in ws[5] if c.value}
rows = [r for r in range(6, ws.max_row + 1) if ws.cell(r, 1).value]
for col, text in [("Trạng thái", "Hoàn thành"), ("Kết quả thực hiện", "Chung cho ba nhiệm vụ")]:
    ws.cell(rows[0], head[col]).value = text
    ws.merge_cells(start_row=rows[0], end_row=rows[2], start_column=head[col], end_column=head[col])
ws.cell(rows[3], head["Kết quả thực hiện"]).value = "Riêng"
wb.save(sys.argv[2]); print(json.dumps([ws.cell(r, 1).value for r in rows[:4]]))`,
        [src, file]
      );
      const out = path.join(dir, "tong-hop.xlsx");
      const j = consolidate(master, sofficeConvert(file, "xlsx"), out);
      const rows = runPython<Rows>(ROWS, [out, VH]);
      expect(keys.map((k) => rows[k])).toEqual([
        ["Hoàn thành", "Chung cho ba nhiệm vụ"],
        ["Hoàn thành", "Chung cho ba nhiệm vụ"],
        ["Hoàn thành", "Chung cho ba nhiệm vụ"],
        [null, "Riêng"],
      ]);
      expect(j.received[0].warnings).toEqual(
        expect.arrayContaining([
          `Tệp "gop.xlsx", trang "Chủ trì", dòng 6: ô G6:G8 gộp qua 3 dòng nhiệm vụ (dòng 6, 7, 8): đã ghi "Trạng thái" = "Hoàn thành" cho từng nhiệm vụ.`,
          `Tệp "gop.xlsx", trang "Chủ trì", dòng 6: ô J6:J8 gộp qua 3 dòng nhiệm vụ (dòng 6, 7, 8): đã ghi "Kết quả thực hiện" = "Chung cho ba nhiệm vụ" cho từng nhiệm vụ.`,
        ])
      );
    },
    120000
  );

  itWithTools(
    ["python3-openpyxl"],
    "two versions downloaded in the wrong order: the one saved later wins, and the officer is told",
    async () => {
      const { dir, master, src } = setup("two-saves");
      const back = path.join(dir, "nhan-ve");
      mkdirSync(back);
      // Saved by the agency on 10/11 and again, corrected, on 20/11 (the time a program writes
      // into the file); no "Ngày báo cáo". Downloaded from the mail the other way round.
      const save = `import sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["Chủ trì"]
head = {c.value: c.column for c in ws[5] if c.value}
for r in range(6, ws.max_row + 1):
    if ws.cell(r, 1).value:
        ws.cell(r, head["Kết quả thực hiện"]).value = sys.argv[3] + "-" + ws.cell(r, 1).value
wb.properties.modified = datetime.datetime.fromisoformat(sys.argv[4])
wb.save(sys.argv[2]); print(1)`;
      const first = path.join(back, "bao-cao.xlsx");
      const fixed = path.join(back, "bao-cao-sua.xlsx");
      runPython(save, [src, first, "V1", "2026-11-10T08:00:00"]);
      runPython(save, [src, fixed, "V2", "2026-11-20T08:00:00"]);
      utimesSync(fixed, new Date("2026-11-25T09:00:00Z"), new Date("2026-11-25T09:00:00Z"));
      utimesSync(first, new Date("2026-11-25T09:05:00Z"), new Date("2026-11-25T09:05:00Z"));
      const out = path.join(dir, "tong-hop.xlsx");
      const j = consolidate(master, back, out);
      const rows = runPython<Rows>(ROWS, [out, VH]);
      const results = Object.entries(rows).filter(([, r]) => r[1] !== null);
      expect(results).toHaveLength(13);
      for (const [k, r] of results) expect(r[1]).toBe(`V2-${k}`);
      expect(j.received.map((r) => r.file)).toEqual(["bao-cao-sua.xlsx", "bao-cao.xlsx"]);
      expect(j.received[0].warnings.join("\n")).toMatch(
        new RegExp(
          `${VH} gửi 2 tệp: mỗi nhiệm vụ lấy theo tệp mới hơn .*"bao-cao-sua.xlsx" \\(lưu lần cuối 20/11/2026 \\d\\d:\\d\\d\\), rồi "bao-cao.xlsx" \\(lưu lần cuối 10/11/2026`
        )
      );
    },
    60000
  );
});
