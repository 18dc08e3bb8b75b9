/**
 * `phuluc rollover` on a real workbook filled by openpyxl: the finished year goes to "Lịch sử",
 * recurring tasks start empty, unfinished multi-year tasks keep their values, a second run for
 * the same year is refused (exit 2) and history is not duplicated; LibreOffice opens the result
 * and recalculates its formulas for the new year.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { itWithTools, runPython, sofficeConvertAll, tempDir } from "../helpers/tools";
import { importLamDong, phuluc } from "../helpers/phuluc-cli";
import { LAM_DONG_DOCX } from "../helpers/shared-paths";

const CSV_ALL_SHEETS =
  "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1";

/** Types a status on every row (and text forms on some), returns each row's key/lead/time. */
const FILL = `
import sys, json, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["Nhiệm vụ"]
head = {c.value: c.column for c in ws[1]}
out = []
for i, r in enumerate(range(2, ws.max_row + 1)):
    key = ws.cell(r, head["Mã nhiệm vụ"]).value
    if not key: continue
    status = ["Đang thực hiện", "hoan thanh", "Hoàn thành", "Chưa triển khai"][i % 4]
    ws.cell(r, head["Trạng thái"]).value = status
    if status != "Chưa triển khai" and status != "Đang thực hiện":
        ws.cell(r, head["Ngày hoàn thành"]).value = "15/11/2026" if i % 8 == 1 else datetime.datetime(2026, 10, 1)
    ws.cell(r, head["Tiến độ (%)"]).value = "80%" if status == "Đang thực hiện" else 100
    ws.cell(r, head["Kết quả thực hiện"]).value = "Kết quả dòng %d" % r
    out.append({"row": r, "key": key, "lead": ws.cell(r, head["Đơn vị chủ trì"]).value, "time": ws.cell(r, head["Thời gian thực hiện"]).value, "status": status})
wb.save(sys.argv[2])
print(json.dumps(out, ensure_ascii=False))
`;

const READ = `
import sys, json, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
def v(x): return x.date().isoformat() if isinstance(x, datetime.datetime) else x
ws = wb["Nhiệm vụ"]; head = {c.value: c.column for c in ws[1]}
rows = []
for r in range(2, ws.max_row + 1):
    if not ws.cell(r, head["Mã nhiệm vụ"]).value: continue
    rows.append({c: v(ws.cell(r, head[c]).value) for c in ["Mã nhiệm vụ", "Đơn vị chủ trì", "Thời gian thực hiện", "Trạng thái", "Ngày hoàn thành", "Tiến độ (%)", "Kết quả thực hiện"]})
h = wb["Lịch sử"]; hh = [c.value for c in h[1]]
hist = [dict(zip(hh, [v(x) for x in row])) for row in h.iter_rows(min_row=2, values_only=True) if any(x is not None for x in row)]
info = wb["Thông tin"]
inputs = {info.cell(r, 1).value: v(info.cell(r, 2).value) for r in range(14, 17)}
print(json.dumps({"rows": rows, "history": hist, "inputs": inputs}, ensure_ascii=False, default=str))
`;

type Row = Record<string, string | number | null>;
const multiYear = (t: string) => / - |Đến năm/i.test(t);
const recurring = (t: string) => /Hằng năm|Hàng năm|Thường xuyên|Quý|Hàng quý|Cả năm/i.test(t);

describe("phuluc rollover", () => {
  itWithTools(
    ["python3-openpyxl", "soffice"],
    "2026 → 2027: history, reset, carry-over, refusal of a second run, LibreOffice recalculates",
    async () => {
      const dir = tempDir("rollover");
      const built = path.join(dir, "built.xlsx");
      importLamDong(built);
      const filled = path.join(dir, "filled.xlsx");
      const typed = runPython<
        { row: number; key: string; lead: string; time: string; status: string }[]
      >(FILL, [built, filled]);
      const source = readFileSync(filled);

      const rolled = path.join(dir, "rolled.xlsx");
      const r = phuluc(["rollover", filled, "--to", "2027", "-o", rolled, "--json"]);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ from: 2026, to: 2027 });
      expect(readFileSync(filled).equals(source)).toBe(true);

      const out = runPython<{ rows: Row[]; history: Row[]; inputs: Record<string, unknown> }>(
        READ,
        [rolled]
      );
      expect(out.inputs["Năm báo cáo"]).toBe(2027);
      expect(out.inputs["Ngày báo cáo"]).toBe("2027-12-31");
      // Every 2026 row is in history with what was typed.
      expect(out.history).toHaveLength(typed.length);
      expect(out.history.every((h) => h["Năm"] === 2026)).toBe(true);
      const h0 = out.history.find(
        (h) => h["Mã nhiệm vụ"] === typed[0].key && h["Đơn vị chủ trì"] === typed[0].lead
      )!;
      expect(h0["Trạng thái"]).toBe(typed[0].status);
      expect(h0["Kết quả thực hiện"]).toBe(`Kết quả dòng ${typed[0].row}`);
      expect(out.history.some((h) => h["Ngày hoàn thành"] === "15/11/2026")).toBe(true); // text kept as typed
      expect(out.history.some((h) => h["Tình trạng"])).toBe(true);

      const byRow = out.rows;
      expect(byRow).toHaveLength(typed.length);
      let reset = 0;
      let carried = 0;
      typed.forEach((t, i) => {
        const now = byRow[i];
        expect(now["Mã nhiệm vụ"]).toBe(t.key);
        if (recurring(t.time) && !multiYear(t.time)) {
          expect(now["Trạng thái"]).toBeNull();
          expect(now["Kết quả thực hiện"]).toBeNull();
          reset++;
        } else if (multiYear(t.time) && t.status === "Đang thực hiện") {
          expect(now["Trạng thái"]).toBe("Đang thực hiện");
          expect(now["Tiến độ (%)"]).toBe("80%");
          expect(now["Kết quả thực hiện"]).toBe(`Kết quả dòng ${t.row}`);
          carried++;
        }
      });
      expect(reset).toBeGreaterThan(0);
      expect(carried).toBeGreaterThan(0);

      // A second run for 2027 is refused, and a run on the source for 2028 too.
      const again = phuluc([
        "rollover",
        rolled,
        "--to",
        "2027",
        "-o",
        path.join(dir, "again.xlsx"),
      ]);
      expect(again.code).toBe(2);
      expect(again.stderr).toMatch(/đã chuyển năm rồi/);
      const skip = phuluc(["rollover", filled, "--to", "2028", "-o", path.join(dir, "skip.xlsx")]);
      expect(skip.code).toBe(2);
      expect(skip.stderr).toMatch(/năm kế tiếp \(2027\)/);
      expect(phuluc(["rollover", rolled, "--to", "2028", "-o", rolled]).code).toBe(2);

      // Rolling 2027 → 2028 appends 2027 lines, the 2026 ones stay once.
      const next = path.join(dir, "next.xlsx");
      expect(phuluc(["rollover", rolled, "--to", "2028", "-o", next]).code).toBe(0);
      const out2 = runPython<{ history: Row[] }>(READ, [next]);
      expect(out2.history.filter((h) => h["Năm"] === 2026)).toEqual(out.history);

      // LibreOffice opens the rolled file and recalculates for 2027.
      const files = sofficeConvertAll(rolled, CSV_ALL_SHEETS);
      const csv = (name: string) =>
        readFileSync(files.find((f) => f.endsWith(`-${name}.csv`))!, "utf8");
      expect(csv("Tổng hợp")).toContain("TỔNG HỢP KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2027");
      const tasks = csv("Nhiệm vụ").split("\n");
      const header = tasks[0].split(",");
      const derived = header.indexOf("Tình trạng");
      expect(derived).toBeGreaterThan(0);
      // A 2024-only task is not due in 2027; reset recurring tasks are not done any more.
      expect(csv("Nhiệm vụ")).toContain("Không thuộc năm báo cáo");
      expect(csv("Nhiệm vụ")).not.toContain("Hoàn thành đúng hạn,,"); // sanity: csv parsed
      expect(csv("Lịch sử")).toContain("2026");
    },
    300000
  );
});

describe("phuluc rollover across the 2025 reorganization, and with errors open", () => {
  itWithTools(
    ["python3-openpyxl"],
    "2024 → 2025: refused with the errors listed (exit 1, nothing written) unless --force; rows move to the successors and the output says so",
    async () => {
      const dir = tempDir("rollover-2024");
      const built = path.join(dir, "2024.xlsx");
      const imp = phuluc([
        "import",
        LAM_DONG_DOCX,
        "-o",
        built,
        "--year",
        "2024",
        "--date",
        "2024-12-15",
      ]);
      expect(imp.code).toBe(0);
      // An officer types a completion date after the report date (15/12/2024) on one row.
      const filled = path.join(dir, "filled.xlsx");
      const row = runPython<number>(
        `import sys, json, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["Nhiệm vụ"]
h = {c.value: c.column for c in ws[1]}
r = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, h["Đơn vị chủ trì"]).value == "Sở Thông tin và Truyền thông")
ws.cell(r, h["Trạng thái"]).value = "Hoàn thành"
ws.cell(r, h["Ngày hoàn thành"]).value = datetime.datetime(2025, 1, 20)
wb.save(sys.argv[2]); print(json.dumps(r))`,
        [built, filled]
      );
      const out = path.join(dir, "2025.xlsx");
      const refused = phuluc(["rollover", filled, "--to", "2025", "-o", out]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`dòng ${row}`);
      expect(refused.stderr).toContain("sau ngày báo cáo");
      expect(refused.stderr).toContain("--force");
      expect(existsSync(out)).toBe(false);

      const forced = phuluc(["rollover", filled, "--to", "2025", "-o", out, "--force", "--json"]);
      expect(forced.code).toBe(0);
      const summary = JSON.parse(forced.stdout) as {
        errors: number;
        moved: { role: string; from: string; to: string }[];
      };
      expect(summary.errors).toBe(1);
      const tttt = summary.moved.filter((m) => m.from === "Sở Thông tin và Truyền thông");
      expect(tttt.length).toBeGreaterThan(0);
      // A thông tin đối ngoại plan: Sở TT&TT's work is Sở VHTTDL's (field default, "Đơn vị").
      expect(new Set(tttt.map((m) => m.to))).toEqual(new Set(["Sở Văn hóa, Thể thao và Du lịch"]));

      const back = runPython<{ leads: string[]; partners: string[]; history: string[] }>(
        `import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["Nhiệm vụ"]
h = {c.value: c.column for c in ws[1]}
rows = [r for r in range(2, ws.max_row + 1) if ws.cell(r, h["Mã nhiệm vụ"]).value]
hs = wb["Lịch sử"]; hh = [c.value for c in hs[1]]
print(json.dumps({
  "leads": [ws.cell(r, h["Đơn vị chủ trì"]).value for r in rows],
  "partners": [ws.cell(r, h["Đơn vị phối hợp"]).value or "" for r in rows],
  "history": [row[hh.index("Đơn vị chủ trì")] for row in hs.iter_rows(min_row=2, values_only=True) if row[0]],
}, ensure_ascii=False))`,
        [out]
      );
      expect(back.leads).not.toContain("Sở Thông tin và Truyền thông");
      expect(back.partners.join("; ")).not.toContain("Sở Thông tin và Truyền thông");
      expect(back.history).toContain("Sở Thông tin và Truyền thông"); // 2024 kept as reported

      const text = phuluc([
        "rollover",
        filled,
        "--to",
        "2025",
        "-o",
        path.join(dir, "t.xlsx"),
        "--force",
      ]);
      expect(text.stdout).toContain(
        "Đơn vị đã sắp xếp lại: Sở Thông tin và Truyền thông → Sở Văn hóa, Thể thao và Du lịch"
      );
    }
  );
});
