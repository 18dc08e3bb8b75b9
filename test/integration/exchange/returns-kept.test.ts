/**
 * Whatever an agency did to its file, consolidating never loses its words and never counts a
 * task twice without a word: returns made by openpyxl (and re-saved by LibreOffice), consolidated
 * by the CLI, the master read back by openpyxl.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, promises as fs, readdirSync, readFileSync, utimesSync } from "node:fs";
import path from "node:path";
import { distributeLamDong, phuluc, REPO_ROOT, VH, VH_FILE } from "../../helpers/phuluc-cli";
import { itWithTools, runPython, sofficeConvert, tempDir } from "../../helpers/tools";

/** The master's rows of one agency (key → status, result) and the "Tiếp nhận" lines. */
const READ = `
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Nhiệm vụ"]
head = {c.value: c.column for c in ws[1]}
rows = {}
for r in range(2, ws.max_row + 1):
    if ws.cell(r, head["Đơn vị chủ trì"]).value != sys.argv[2]: continue
    rows[ws.cell(r, 1).value] = [ws.cell(r, head[h]).value for h in ["Trạng thái", "Kết quả thực hiện"]]
intake = []
if "Tiếp nhận" in wb.sheetnames:
    t = wb["Tiếp nhận"]
    names = [c.value for c in t[1]]
    intake = [dict(zip(names, [c.value for c in row])) for row in t.iter_rows(min_row=2)]
longest = max((len(c.value) for s in wb for row in s.iter_rows() for c in row if isinstance(c.value, str)), default=0)
print(json.dumps({"rows": rows, "intake": intake, "longest": longest}, ensure_ascii=False, default=str))
`;
interface Master {
  rows: Record<string, [string | null, string | null]>;
  intake: Record<string, string | number | null>[];
  longest: number;
}

interface Json {
  received: { file: string; agency: string; matched: number; warnings: string[] }[];
  rejected: { file: string; code: string; message: string }[];
  unmatched: { file: string; sheet: string; row: number; text: string }[];
  dropped: { file: string; agency: string; key: string }[];
  conflicts: unknown[];
}

/** Opens the distributed file of VH, fills every lead task "Đang thực hiện", "KQ-<key>". */
const OPEN = `
import sys, json, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["Chủ trì"]
head = {c.value: c.column for c in ws[5] if c.value}
rows = [r for r in range(6, ws.max_row + 1) if ws.cell(r, 1).value]
for r in rows:
    ws.cell(r, head["Trạng thái"]).value = "Đang thực hiện"
    ws.cell(r, head["Kết quả thực hiện"]).value = "KQ-" + ws.cell(r, 1).value
key = lambda r: ws.cell(r, 1).value
`;

function setup(name: string) {
  const dir = tempDir(name);
  const { master, gui } = distributeLamDong(dir);
  const back = path.join(dir, "nhan-ve");
  mkdirSync(back);
  return { dir, master, gui, back, src: path.join(gui, VH_FILE) };
}

function consolidate(master: string, inputs: string[], out: string): Json {
  const r = phuluc(["consolidate", master, ...inputs, "--year", "2026", "-o", out, "--json"]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Json;
}

const read = (out: string, agency = VH) => runPython<Master>(READ, [out, agency]);
const lineOf = (m: Master, agency = VH) => m.intake.find((l) => l["Đơn vị"] === agency)!;

describe("consolidate keeps every word of a return", () => {
  itWithTools(
    ["python3-openpyxl", "soffice"],
    "rows the agency added and notes under its table are kept in Tiếp nhận, not counted",
    async () => {
      const { dir, master, back, src } = setup("kept-words");
      const file = path.join(dir, "them-dong.xlsx");
      const { added } = runPython<{ added: number }>(
        `${OPEN}
added = rows[-1] + 1
ws.cell(added, 2).value = "13"
ws.cell(added, 3).value = "Tổ chức Liên hoan ẩm thực quốc tế Đà Lạt (nhiệm vụ phát sinh)"
ws.cell(added, head["Trạng thái"]).value = "Hoàn thành"
ws.cell(added, head["Kết quả thực hiện"]).value = "Đã tổ chức ngày 10/10 với 30 gian hàng"
ws.cell(added + 2, 2).value = "Ghi chú: nhiệm vụ 3.12 chuyển sang năm 2027 do chưa bố trí kinh phí"
ws.merge_cells(start_row=added + 2, end_row=added + 2, start_column=2, end_column=10)
ws.cell(added + 4, 10).value = "Lâm Đồng, ngày 20 tháng 11 năm 2026"
wb.save(sys.argv[2]); print(json.dumps({"added": added}))`,
        [src, file]
      );
      // Sent back through LibreOffice (saved as .xlsx by it).
      const resaved = sofficeConvert(file, "xlsx");
      const name = path.basename(resaved);
      const out = path.join(back, "..", "tong-hop.xlsx");
      const j = consolidate(master, [resaved], out);
      expect(j.unmatched).toEqual([
        expect.objectContaining({
          file: name,
          row: added,
          text: expect.stringMatching(/^Tổ chức Liên hoan/),
        }),
      ]);
      expect(j.received[0].warnings).toContain(
        `Tệp "${name}", trang "Chủ trì", dòng ${added}: đơn vị thêm dòng "Tổ chức Liên hoan ẩm thực quốc tế Đà Lạt (nhiệm vụ phát sinh)" (không có mã nhiệm vụ, không khớp nhiệm vụ nào ${VH} chủ trì hay phối hợp): không tính vào số liệu; đã chép nguyên văn vào trang "Tiếp nhận".`
      );
      const m = read(out);
      // Nothing of the added row went into a task; every task has its own text.
      for (const [k, [status, result]] of Object.entries(m.rows))
        if (result !== null) expect([status, result]).toEqual(["Đang thực hiện", `KQ-${k}`]);
      // The officer keeps the agency's words beside its line in "Tiếp nhận".
      expect(lineOf(m)["Nội dung chưa tổng hợp"]).toBe(
        [
          `Tệp "${name}", trang "Chủ trì", dòng ${added + 2}: Ghi chú: nhiệm vụ 3.12 chuyển sang năm 2027 do chưa bố trí kinh phí`,
          `Tệp "${name}", trang "Chủ trì", dòng ${added}: dòng không khớp nhiệm vụ nào (STT 13; "Tổ chức Liên hoan ẩm thực quốc tế Đà Lạt (nhiệm vụ phát sinh)"; Trạng thái: Hoàn thành; Kết quả thực hiện: Đã tổ chức ngày 10/10 với 30 gian hàng)`,
        ].join("\n")
      );
      // A later consolidation without this agency's file keeps its line and its words.
      const other = path.join(dir, "yte.xlsx");
      runPython(
        `${OPEN}
wb.save(sys.argv[2]); print(1)`,
        [path.join(path.dirname(src), VH_FILE.replace(VH, "Sở Y tế")), other]
      );
      const again = path.join(dir, "tong-hop-2.xlsx");
      consolidate(out, [other], again);
      expect(lineOf(read(again))["Nội dung chưa tổng hợp"]).toBe(
        lineOf(m)["Nội dung chưa tổng hợp"]
      );
    },
    180000
  );

  itWithTools(
    ["python3-openpyxl"],
    "a report longer than a cell holds keeps its start and says where the rest is; line breaks kept",
    async () => {
      const { dir, master, back, src } = setup("long-text");
      const file = path.join(back, "dai.xlsx");
      // 30,600 characters on the task's row (its last space dropped when joined) and 6,000 more on the row under it (its
      // continuation): joined, more than the 32,767 a cell holds. Line breaks on another task.
      const { long } = runPython<{ long: string }>(
        `${OPEN}
r = rows[1]
ws.cell(rows[0], head["Kết quả thực hiện"]).value = "Dòng một\\nDòng hai\\nDòng ba"
ws.cell(r, head["Kết quả thực hiện"]).value = "Nội dung rất dài " * 1800
ws.insert_rows(r + 1)
ws.cell(r + 1, head["Kết quả thực hiện"]).value = "Phần tiếp theo " * 400 + "HẾT"
wb.save(sys.argv[2]); print(json.dumps({"long": key(r)}))`,
        [src, file]
      );
      const out = path.join(dir, "tong-hop.xlsx");
      const j = consolidate(master, [file], out);
      const m = read(out);
      // Every cell of the master fits in Excel (else Excel "repairs" the file and cuts it).
      expect(m.longest).toBeLessThanOrEqual(32767);
      const result = m.rows[long][1]!;
      expect(result.startsWith("Nội dung rất dài Nội dung")).toBe(true);
      expect(result).toMatch(/… \(còn \d+ ký tự: xem tệp "dai\.xlsx", trang "Chủ trì", dòng 7\)$/);
      const dropped = Number(/còn (\d+) ký tự/.exec(result)![1]);
      expect(result.indexOf("… (còn") + dropped).toBe(30599 + 1 + 6003);
      expect(j.received[0].warnings).toContain(
        `Tệp "dai.xlsx", trang "Chủ trì", dòng 7: "Kết quả thực hiện" dài 36.603 ký tự, quá 32.767 ký tự một ô Excel chứa được: sổ ghi phần đầu và chỗ xem phần còn lại trong tệp của đơn vị.`
      );
      expect(Object.values(m.rows).some(([, r]) => r === "Dòng một\nDòng hai\nDòng ba")).toBe(true);
    },
    120000
  );

  itWithTools(
    ["python3-openpyxl"],
    "the status typed in the result column and the result in the status column are put back",
    async () => {
      const { dir, master, back, src } = setup("mixed-columns");
      const file = path.join(back, "lan-cot.xlsx");
      const keys = runPython<string[]>(
        `${OPEN}
s, t = head["Trạng thái"], head["Kết quả thực hiện"]
# both swapped; the status alone in the result column; the result alone in the status column
ws.cell(rows[0], s).value = "Đã tổ chức 3 lớp tập huấn cho 120 cán bộ"
ws.cell(rows[0], t).value = "Hoàn thành"
ws.cell(rows[1], s).value = None
ws.cell(rows[1], t).value = "Đã xong"
ws.cell(rows[2], s).value = "Đã ban hành 2 văn bản hướng dẫn các xã"
ws.cell(rows[2], t).value = None
wb.save(sys.argv[2]); print(json.dumps([key(r) for r in rows[:4]]))`,
        [src, file]
      );
      const out = path.join(dir, "tong-hop.xlsx");
      const j = consolidate(master, [file], out);
      const m = read(out);
      expect(m.rows[keys[0]]).toEqual(["Hoàn thành", "Đã tổ chức 3 lớp tập huấn cho 120 cán bộ"]);
      expect(m.rows[keys[1]]).toEqual(["Hoàn thành", null]);
      expect(m.rows[keys[2]]).toEqual([null, "Đã ban hành 2 văn bản hướng dẫn các xã"]);
      expect(m.rows[keys[3]]).toEqual(["Đang thực hiện", `KQ-${keys[3]}`]);
      const said = j.received[0].warnings.filter((w) => w.includes("ghi lẫn cột"));
      expect(said).toEqual([
        `Tệp "lan-cot.xlsx", trang "Chủ trì", dòng 6: "Trạng thái" ghi "Đã tổ chức 3 lớp tập huấn cho 120 cán bộ", "Kết quả thực hiện" ghi "Hoàn thành": ghi lẫn cột, đã chuyển về đúng cột ("Trạng thái" = "Hoàn thành", "Kết quả thực hiện" = "Đã tổ chức 3 lớp tập huấn cho 120 cán bộ").`,
        `Tệp "lan-cot.xlsx", trang "Chủ trì", dòng 7: "Kết quả thực hiện" ghi "Đã xong": ghi lẫn cột, đã chuyển về đúng cột ("Trạng thái" = "Đã xong").`,
        `Tệp "lan-cot.xlsx", trang "Chủ trì", dòng 8: "Trạng thái" ghi "Đã ban hành 2 văn bản hướng dẫn các xã": ghi lẫn cột, đã chuyển về đúng cột ("Kết quả thực hiện" = "Đã ban hành 2 văn bản hướng dẫn các xã").`,
      ]);
    },
    120000
  );

  itWithTools(
    ["python3-openpyxl"],
    "a file named for one agency holding another's rows is set aside, not merged into its rows",
    async () => {
      const { dir, master, gui, back } = setup("wrong-name");
      // Sở Y tế's file, filled, its identity and name lines removed, saved under VH's name.
      runPython(
        `import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["Chủ trì"]
head = {c.value: c.column for c in ws[5] if c.value}
for r in range(6, ws.max_row + 1):
    if ws.cell(r, 1).value:
        ws.cell(r, head["Trạng thái"]).value = "Hoàn thành"
        ws.cell(r, head["Kết quả thực hiện"]).value = "YT-" + ws.cell(r, 1).value
del wb["_phuluc_baocao"]
for s in wb:
    for row in s.iter_rows():
        for c in row:
            if isinstance(c.value, str) and ("Mã báo cáo" in c.value or "Sở Y tế" in c.value):
                c.value = None
wb.save(sys.argv[2]); print(1)`,
        [path.join(gui, VH_FILE.replace(VH, "Sở Y tế")), path.join(back, VH_FILE)]
      );
      const out = path.join(dir, "tong-hop.xlsx");
      const j = consolidate(master, [back], out);
      expect(j.received).toEqual([]);
      expect(j.rejected).toEqual([
        expect.objectContaining({ file: VH_FILE, code: "ROWS_OF_ANOTHER_AGENCY" }),
      ]);
      expect(j.rejected[0].message).toMatch(
        new RegExp(`mang tên ${VH} \\(tên tệp\\) nhưng chỉ \\d+/\\d+ nhiệm vụ trong bảng là của`)
      );
      // VH's rows (some are tasks Y tế leads too) did not take Y tế's results.
      const m = read(out);
      expect(Object.values(m.rows).every(([s, r]) => s === null && r === null)).toBe(true);
      expect(lineOf(m)["Kết quả"]).toBe("Bị từ chối");
    },
    120000
  );

  itWithTools(
    ["python3-openpyxl", "soffice"],
    "sorted, filtered, sheet renamed, a row deleted, a status merged across: each task once",
    async () => {
      const { dir, master, gui, back, src } = setup("reshaped");
      const file = path.join(dir, "sap-xep.xlsx");
      const { deleted, merged, shared } = runPython<{
        deleted: string;
        merged: string;
        shared: string;
      }>(
        `${OPEN}
# sorted by task text, descending; a filter hiding every third row
data = [[ws.cell(r, c).value for c in range(1, ws.max_column + 1)] for r in rows]
data.sort(key=lambda x: x[2], reverse=True)
for i, r in enumerate(rows):
    for c, v in enumerate(data[i]): ws.cell(r, c + 1).value = v
ws.auto_filter.ref = "A5:N%d" % rows[-1]
for r in rows[::3]: ws.row_dimensions[r].hidden = True
# "Hoàn thành" merged across status, date and progress on one row
s = head["Trạng thái"]
ws.cell(rows[1], s).value = "Hoàn thành"
ws.merge_cells(start_row=rows[1], end_row=rows[1], start_column=s, end_column=s + 2)
merged = key(rows[1])
gone = next(r for r in rows[3:] if key(r) != "T1.2")
deleted = key(gone)
ws.delete_rows(gone)
ws.title = "Báo cáo"; wb["Phối hợp"].title = "Sheet3"
wb.save(sys.argv[2]); print(json.dumps({"deleted": deleted, "merged": merged, "shared": "T1.2"}))`,
        [src, file]
      );
      const resaved = sofficeConvert(file, "xlsx");
      // Sở Y tế leads T1.2 too: its own file says otherwise for its own row.
      const yte = path.join(back, "yte.xlsx");
      runPython(
        `${OPEN}
for r in rows:
    ws.cell(r, head["Trạng thái"]).value = "Hoàn thành"
    ws.cell(r, head["Kết quả thực hiện"]).value = "YT-" + key(r)
wb.save(sys.argv[2]); print(1)`,
        [path.join(gui, VH_FILE.replace(VH, "Sở Y tế")), yte]
      );
      const out = path.join(dir, "tong-hop.xlsx");
      const j = consolidate(master, [resaved, yte], out);
      const m = read(out);
      for (const [k, [status, result]] of Object.entries(m.rows)) {
        if (k === deleted) expect([status, result]).toEqual([null, null]);
        else if (result !== null)
          expect([status, result]).toEqual([
            k === merged ? "Hoàn thành" : "Đang thực hiện",
            `KQ-${k}`,
          ]);
      }
      expect(j.dropped).toEqual([{ file: path.basename(resaved), agency: VH, key: deleted }]);
      expect(j.conflicts).toEqual([]);
      expect(m.rows[shared]).toEqual(["Đang thực hiện", `KQ-${shared}`]);
      expect(read(out, "Sở Y tế").rows[shared]).toEqual(["Hoàn thành", `YT-${shared}`]);
    },
    180000
  );

  itWithTools(
    ["python3-openpyxl"],
    "an undated file saved before the last consolidation is refused though downloaded after it",
    async () => {
      const { dir, master, back, src } = setup("stale");
      const first = path.join(back, "lan-1.xlsx");
      runPython(`${OPEN}\nwb.save(sys.argv[2]); print(1)`, [src, first]);
      const out = path.join(dir, "tong-hop.xlsx");
      consolidate(master, [first], out);
      // Saved by the agency on 10/11 (the time the file records), downloaded from the mail
      // an hour from now (the time on disk).
      const old = path.join(dir, "cu.xlsx");
      runPython(
        `${OPEN}
for r in rows: ws.cell(r, head["Kết quả thực hiện"]).value = "CU-" + key(r)
wb.properties.modified = datetime.datetime(2026, 11, 10, 8, 0)
wb.save(sys.argv[2]); print(1)`,
        [src, old]
      );
      const later = new Date(Date.now() + 3600_000);
      utimesSync(old, later, later);
      const again = path.join(dir, "tong-hop-2.xlsx");
      const j = consolidate(out, [old], again);
      expect(j.rejected).toEqual([
        expect.objectContaining({ file: "cu.xlsx", code: "OLDER_THAN_MERGED" }),
      ]);
      expect(j.rejected[0].message).toMatch(
        /được lưu lần cuối lúc 10\/11\/2026 \d\d:\d\d, trước lần tổng hợp/
      );
      expect(Object.values(read(again).rows).some(([, r]) => r?.startsWith("CU-"))).toBe(false);
    },
    120000
  );

  itWithTools(
    ["python3-openpyxl"],
    "a consolidation stopped midway leaves the master and the earlier output as they were",
    async () => {
      const { dir, master, back, src } = setup("stopped");
      runPython(`${OPEN}\nwb.save(sys.argv[2]); print(1)`, [src, path.join(back, "a.xlsx")]);
      const out = path.join(dir, "tong-hop.xlsx");
      consolidate(master, [back], out);
      const [masterBytes, outBytes] = [readFileSync(master), readFileSync(out)];
      // A file still being copied into the folder: reading it waits, and the run is stopped
      // there, after the first file was read and before anything is written.
      const copying = path.join(back, "z-dang-chep.xlsx");
      execFileSync("mkfifo", [copying]);
      const child = spawn(
        process.execPath,
        [path.join(REPO_ROOT, "bin", "phuluc.js"), "consolidate", master, back].concat([
          "--year",
          "2026",
          "-o",
          out,
          "--force",
        ]),
        { cwd: dir, stdio: ["ignore", "pipe", "pipe"] }
      );
      let stderr = "";
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
      // Opening the pipe for writing returns once the run has opened it for reading.
      const writer = await fs.open(copying, "w");
      child.kill("SIGTERM");
      // Stopped, it says so; its read of the pipe ends when the copy does (a read blocked in
      // the system cannot be cut short).
      while (!/đã dừng/.test(stderr)) await new Promise((r) => setTimeout(r, 100));
      await writer.close();
      const code = await exited;
      expect(code).toBe(143);
      expect(stderr).toMatch(/Không ghi tệp kết quả nào/);
      expect(readFileSync(master).equals(masterBytes)).toBe(true);
      expect(readFileSync(out).equals(outBytes)).toBe(true);
      expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    },
    120000
  );
});
