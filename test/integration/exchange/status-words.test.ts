/**
 * Statuses written in the agency's own words in a returned file (openpyxl, re-saved by
 * LibreOffice), and status columns named otherwise or left empty: each read onto the list where
 * one status is meant, the agency's words kept, what could be two statuses flagged; read back
 * from the consolidated master by openpyxl.
 */
import path from "node:path";
import { distributeLamDong, phuluc, VH, VH_FILE } from "../../helpers/phuluc-cli";
import { itWithTools, runPython, sofficeConvert, tempDir } from "../../helpers/tools";

/** The master's rows of one agency: key → status, progress, result. */
const ROWS = `
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["Nhiệm vụ"]
head = {c.value: c.column for c in ws[1]}
out = {}
for r in range(2, ws.max_row + 1):
    if ws.cell(r, head["Đơn vị chủ trì"]).value != sys.argv[2]: continue
    out[ws.cell(r, 1).value] = [ws.cell(r, head[h]).value for h in
        ["Trạng thái", "Tiến độ (%)", "Kết quả thực hiện"]]
log = [" | ".join(str(v) for v in r if v is not None) for r in wb["Nhật ký sửa"].iter_rows(values_only=True)]
print(json.dumps({"rows": out, "log": log}, ensure_ascii=False, default=str))
`;
type Read = { rows: Record<string, [string | null, number | null, string | null]>; log: string[] };

interface Json {
  received: { file: string; matched: number; warnings: string[] }[];
  rejected: unknown[];
  unmatched: unknown[];
}

function setup(name: string) {
  const dir = tempDir(name);
  return { dir, ...distributeLamDong(dir) };
}

function consolidate(master: string, inputs: string[], out: string): Json {
  const r = phuluc(["consolidate", master, ...inputs, "--year", "2026", "-o", out, "--json"]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Json;
}

/** [typed status, typed progress or null] per lead row, in order. */
const TYPED: [string, number | null][] = [
  ["Đã xong", null],
  ["Xong", null],
  ["hoàn thành 100%", null],
  ["Đang thực hiện (80%)", null],
  ["chưa triển khai", null],
  ["Đang làm", null],
  ["da hoan thanh", null],
  ["Hoan thnah", null],
  ["Chưa hoàn thành", null],
  ["Đang thực hiện, chờ kinh phí", null],
  ["Đang thực hiện (50%)", 60],
];

const FILL = `
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["Chủ trì"]
typed = json.loads(sys.argv[3])
head = {c.value: c.column for c in ws[5] if c.value}
keys = []
rows = [r for r in range(6, ws.max_row + 1) if ws.cell(r, 1).value]
for r, (st, pr) in zip(rows, typed):
    ws.cell(r, head["Trạng thái"]).value = st
    if pr is not None: ws.cell(r, head["Tiến độ (%)"]).value = pr
    ws.cell(r, head["Kết quả thực hiện"]).value = "KQ-" + ws.cell(r, 1).value
    keys.append(ws.cell(r, 1).value)
wb.save(sys.argv[2]); print(json.dumps(keys))
`;

describe("consolidate: statuses in the agency's own words", () => {
  itWithTools(
    ["python3-openpyxl", "soffice"],
    "are read onto the list, their words kept; what could be two statuses is flagged",
    async () => {
      const { dir, master, gui } = setup("status-words");
      const filled = path.join(dir, "bao-cao.xlsx");
      const keys = runPython<string[]>(FILL, [
        path.join(gui, VH_FILE),
        filled,
        JSON.stringify(TYPED),
      ]);
      const out = path.join(dir, "tong-hop.xlsx");
      const j = consolidate(master, [sofficeConvert(filled, "xlsx")], out);
      const { rows, log } = runPython<Read>(ROWS, [out, VH]);
      const got = keys.map((k) => rows[k]);
      const kept = (k: number, t: string) => `KQ-${keys[k]}\n(Trạng thái đơn vị ghi: "${t}")`;
      expect(got).toEqual([
        ["Hoàn thành", null, `KQ-${keys[0]}`],
        ["Hoàn thành", null, `KQ-${keys[1]}`],
        ["Hoàn thành", 100, `KQ-${keys[2]}`],
        ["Đang thực hiện", 80, `KQ-${keys[3]}`],
        ["Chưa triển khai", null, `KQ-${keys[4]}`],
        ["Đang thực hiện", null, `KQ-${keys[5]}`],
        ["Hoàn thành", null, `KQ-${keys[6]}`],
        ["Hoàn thành", null, `KQ-${keys[7]}`],
        // Started or not? Written as typed into the empty cell, for the officer to choose.
        ["Chưa hoàn thành", null, `KQ-${keys[8]}`],
        ["Đang thực hiện", null, kept(9, "Đang thực hiện, chờ kinh phí")],
        // The progress column says 60; the status cell's 50% is kept as written.
        ["Đang thực hiện", 60, kept(10, "Đang thực hiện (50%)")],
      ]);
      const warnings = j.received[0].warnings.join("\n");
      expect(warnings).toContain(
        `trang "Chủ trì", cột "Trạng thái": đơn vị ghi "Đã xong" (dòng 6), hiểu là "Hoàn thành".`
      );
      expect(warnings).toContain(
        `đơn vị ghi "Hoan thnah" (dòng 13), hiểu là "Hoàn thành" (sửa lỗi gõ).`
      );
      expect(warnings).toContain(
        `dòng 14: "Trạng thái" = "Chưa hoàn thành" không rõ là đang thực hiện hay chưa triển khai; đã ghi nguyên chữ vào ô đang trống để sửa.`
      );
      expect(warnings).toContain(`"Đang thực hiện (80%)": lấy 80% làm "Tiến độ (%)".`);
      // The agency's words stay on record in the change log.
      expect(log.some((l) => l.includes(`đơn vị ghi "Đã xong"`))).toBe(true);
    },
    120000
  );

  itWithTools(
    ["python3-openpyxl"],
    "a status column found by its header first, by its words only where no header says",
    async () => {
      const { dir, master } = setup("status-column");
      // The agency's own sheets: (a) statuses under "Ghi chú", results that start like a status
      // under "Kết quả"; (b) "Trạng thái" left empty, "Mức độ hoàn thành" filled.
      const made = runPython<{ keys: string[] }>(
        `import sys, json, openpyxl
src = openpyxl.load_workbook(sys.argv[1])["Nhiệm vụ"]
head = {c.value: c.column for c in src[1]}
tasks = [(src.cell(r, head["STT"]).value, src.cell(r, head["Nhiệm vụ"]).value, src.cell(r, 1).value)
         for r in range(2, src.max_row + 1) if src.cell(r, head["Đơn vị chủ trì"]).value == sys.argv[2]][:4]
words = ["Đã xong", "Đang làm", "Xong", "chưa triển khai"]
for out, heads, fill in [
    (sys.argv[3], ["TT", "Nội dung công việc", "Kết quả", "Ghi chú"],
     lambda i: ["Đã hoàn thành việc tổ chức lớp " + str(i), words[i]]),
    (sys.argv[4], ["TT", "Nội dung công việc", "Trạng thái", "Mức độ hoàn thành", "Kết quả thực hiện"],
     lambda i: [None, words[i], "KQ " + str(i)]),
]:
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Báo cáo"
    ws["A1"] = "UBND TỈNH LÂM ĐỒNG"; ws["A2"] = sys.argv[2].upper()
    ws["A3"] = "BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH SỐ 4784/KH-UBND NĂM 2026"
    ws.append([]); ws.append(heads)
    for i, (stt, title, key) in enumerate(tasks): ws.append([str(stt), title] + fill(i))
    wb.save(out)
print(json.dumps({"keys": [t[2] for t in tasks]}))`,
        [master, VH, path.join(dir, "ghi-chu.xlsx"), path.join(dir, "muc-do.xlsx")]
      );
      const expected = ["Hoàn thành", "Đang thực hiện", "Hoàn thành", "Chưa triển khai"];
      for (const [file, result] of [
        ["ghi-chu.xlsx", (i: number) => `Đã hoàn thành việc tổ chức lớp ${i}`],
        ["muc-do.xlsx", (i: number) => `KQ ${i}`],
      ] as const) {
        const out = path.join(dir, `tong-hop-${file}`);
        const j = consolidate(master, [path.join(dir, file)], out);
        expect(j.received[0].matched).toBe(4);
        const { rows } = runPython<Read>(ROWS, [out, VH]);
        expect(made.keys.map((k) => [rows[k][0], rows[k][2]])).toEqual(
          expected.map((s, i) => [s, result(i)])
        );
      }
    },
    60000
  );
});
