/**
 * Consolidation takes only agencies' reports: a distributed file whose hidden identity was
 * edited to name another agency (openpyxl) is set aside with the names it shows, never merged
 * into that agency's rows; a tracking workbook left among the returns (the master saved again
 * by LibreOffice, an earlier consolidated output) is refused as such. Read back by openpyxl.
 */
import { copyFileSync, mkdirSync, renameSync } from "node:fs";
import path from "node:path";
import { importLamDong, phuluc } from "../../helpers/phuluc-cli";
import { itWithTools, runPython, sofficeConvert, tempDir } from "../../helpers/tools";

/** Fills every lead row of a distributed file; optionally rewrites the hidden identity's agency. */
const FILL = `
import sys, datetime, json, openpyxl
src, out, status, date, agency = sys.argv[1:6]
wb = openpyxl.load_workbook(src); ws = wb["Chủ trì"]
head = {c.value: c.column for c in ws[5]}
keys = []
for r in range(6, ws.max_row + 1):
    k = ws.cell(r, head["Mã nhiệm vụ"]).value
    if not k: continue
    ws.cell(r, head["Trạng thái"]).value = status
    ws.cell(r, head["Kết quả thực hiện"]).value = f"{status} ({date})"
    keys.append(k)
g = wb["Hướng dẫn"]
for r in range(1, 40):
    if g.cell(r, 1).value == "Ngày báo cáo": g.cell(r, 2).value = datetime.datetime.fromisoformat(date)
if agency:
    m = wb["_phuluc_baocao"]
    for r in range(1, 20):
        if m.cell(r, 1).value == "agency": m.cell(r, 2).value = agency
wb.save(out); print(json.dumps(keys, ensure_ascii=False))
`;

const READ = `
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["Nhiệm vụ"]
head = {c.value: c.column for c in ws[1]}
rows = [{"key": ws.cell(r, head["Mã nhiệm vụ"]).value, "lead": ws.cell(r, head["Đơn vị chủ trì"]).value,
         "status": ws.cell(r, head["Trạng thái"]).value, "result": ws.cell(r, head["Kết quả thực hiện"]).value}
        for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value]
intake = {r[1]: r[5] for r in wb["Tiếp nhận"].iter_rows(min_row=2, values_only=True) if r[1]}
print(json.dumps({"rows": rows, "intake": intake}, ensure_ascii=False))
`;
type Read = {
  rows: { key: string; lead: string; status: string | null; result: string | null }[];
  intake: Record<string, string>;
};

interface Json {
  received: { file: string; agency: string }[];
  rejected: { file: string; code: string; message: string }[];
  missing: { agency: string }[];
}

const YTE = "2026 - Sở Y tế - Báo cáo KH 4784.xlsx";
const TC = "2026 - Sở Tài chính - Báo cáo KH 4784.xlsx";

describe("consolidate screens what it is given", () => {
  itWithTools(
    ["python3-openpyxl", "soffice"],
    "an edited hidden identity is set aside with its three names; tracking workbooks are refused",
    async () => {
      const dir = tempDir("screening");
      const master = importLamDong(path.join(dir, "theo-doi.xlsx"));
      const gui = path.join(dir, "gui");
      expect(phuluc(["distribute", master, "--year", "2026", "-o", gui]).code).toBe(0);
      const back = path.join(dir, "nhan-ve");
      mkdirSync(back);
      // Sở Y tế's file, its hidden agency cell edited to Sở Tài chính, dated later.
      const forged = runPython<string[]>(FILL, [
        path.join(gui, YTE),
        path.join(back, YTE),
        "Hoàn thành",
        "2026-11-25",
        "Sở Tài chính",
      ]);
      expect(forged.length).toBeGreaterThan(0);
      // Sở Tài chính's genuine file, dated earlier.
      const genuine = runPython<string[]>(FILL, [
        path.join(gui, TC),
        path.join(back, TC),
        "Đang thực hiện",
        "2026-11-20",
        "",
      ]);
      expect(genuine.length).toBeGreaterThan(0);
      // An earlier consolidated output and the master re-saved by LibreOffice, left in the folder.
      const first = path.join(dir, "tong-hop-1.xlsx");
      expect(
        phuluc(["consolidate", master, path.join(back, TC), "--year", "2026", "-o", first]).code
      ).toBe(0);
      copyFileSync(first, path.join(back, "Tổng hợp Sở Y tế lần 1.xlsx"));
      const resaved = sofficeConvert(master, "xlsx");
      renameSync(resaved, path.join(back, "Bản sao theo dõi - Sở Y tế.xlsx"));

      const out = path.join(dir, "tong-hop-2.xlsx");
      const r = phuluc(["consolidate", master, back, "--year", "2026", "-o", out, "--json"]);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      const j = JSON.parse(r.stdout) as Json;
      const code = (f: string) => j.rejected.find((x) => x.file === f)?.code;
      expect(code(YTE)).toBe("IDENTITY_MISMATCH");
      const msg = j.rejected.find((x) => x.file === YTE)!.message;
      expect(msg).toContain("mã ẩn trong tệp: Sở Tài chính");
      expect(msg).toContain("dòng “Mã báo cáo”: Sở Y tế");
      expect(msg).toContain("tiêu đề: Sở Y tế");
      expect(msg).toContain("tên tệp: Sở Y tế");
      expect(code("Tổng hợp Sở Y tế lần 1.xlsx")).toBe("TRACKING_WORKBOOK");
      expect(code("Bản sao theo dõi - Sở Y tế.xlsx")).toBe("TRACKING_WORKBOOK");
      expect(j.received.map((x) => [x.file, x.agency])).toEqual([[TC, "Sở Tài chính"]]);
      // Sở Y tế sent nothing that could be used: still to report, its refused file on record.
      expect(j.missing.map((m) => m.agency)).toContain("Sở Y tế");

      const m = runPython<Read>(READ, [out]);
      const tc = m.rows.filter((x) => x.lead === "Sở Tài chính" && genuine.includes(x.key));
      expect(tc.length).toBe(genuine.length);
      // The genuine file's values, although the forged one is dated later.
      for (const x of tc) {
        expect(x.status).toBe("Đang thực hiện");
        expect(x.result).toBe("Đang thực hiện (2026-11-20)");
      }
      const yte = m.rows.filter((x) => x.lead === "Sở Y tế");
      expect(yte.every((x) => x.status === null && x.result === null)).toBe(true);
      expect(m.intake["Sở Y tế"]).toBe("Bị từ chối");
      expect(m.intake["Sở Tài chính"]).toBe("Đã nhận");
    },
    240_000
  );
});
