/**
 * Every text lands, nothing typed is lost: an agency's own sheet (openpyxl) with "Tình hình thực
 * hiện" holding statuses beside "Kết quả thực hiện", "Khó khăn", "Kiến nghị", progress as
 * percentages, "Nội dung phối hợp" on a task it partners, a "Ghi chú" column nothing takes and a
 * formula with no saved result; a distributed file returned untouched; a filled file with
 * percentage cells re-saved by LibreOffice; and, on a second consolidation, a status the
 * coordinator typed in the master since the first one. Read back by openpyxl.
 */
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { importLamDong, phuluc } from "../../helpers/phuluc-cli";
import { itWithTools, runPython, sofficeConvert, tempDir } from "../../helpers/tools";

const ROWS = `
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["Nhiệm vụ"]
head = {c.value: c.column for c in ws[1]}
out = []
for r in range(2, ws.max_row + 1):
    if not ws.cell(r, 1).value: continue
    out.append({h: ws.cell(r, c).value for h, c in head.items() if h} | {"row": r})
print(json.dumps(out, ensure_ascii=False, default=str))
`;
type Row = Record<string, string | number | null> & { row: number };

/** Sở Y tế's own sheet: its lead tasks, then one task it partners. */
const OWN = `
import sys, json, openpyxl
lead, partner, out = json.loads(sys.argv[1]), json.loads(sys.argv[2]), sys.argv[3]
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Báo cáo"
ws.append(["SỞ Y TẾ"]); ws.append(["BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH SỐ 4784/KH-UBND NĂM 2026"]); ws.append([])
ws.append(["TT", "Nội dung công việc", "Tình hình thực hiện", "Kết quả thực hiện", "Tỷ lệ hoàn thành",
           "Khó khăn", "Kiến nghị", "Nội dung phối hợp", "Ghi chú"])
for i, t in enumerate(lead):
    r = ws.max_row + 1
    ws.append([t["stt"], t["title"], "Hoàn thành" if i == 0 else "Đang thực hiện", f"Kết quả {t['key']}",
               1 if i == 0 else 0.6, f"Khó khăn {t['key']}", f"Kiến nghị {t['key']}", None, f"Ghi chú {t['key']}"])
    ws.cell(r, 5).number_format = "0%"
# a formula openpyxl cannot calculate, in the difficulties of the first task
ws.cell(5, 6).value = '="Thiếu "&"kinh phí"'
ws.append([None, partner["title"], None, None, None, None, None, "Cử 2 cán bộ phối hợp", None])
ws.append([]); ws.append([None, None, None, "Lâm Đồng, ngày 20 tháng 11 năm 2026"])
wb.save(out); print(json.dumps(ws.max_row))
`;

/** A distributed file filled with percentage cells (1 → "100%", 0.6 → "60%"). */
const FILL_PERCENT = `
import sys, json, datetime, openpyxl
src, out, status = sys.argv[1:4]
wb = openpyxl.load_workbook(src); ws = wb["Chủ trì"]
head = {c.value: c.column for c in ws[5]}
keys = []
for i, r in enumerate(range(6, ws.max_row + 1)):
    k = ws.cell(r, head["Mã nhiệm vụ"]).value
    if not k: continue
    ws.cell(r, head["Trạng thái"]).value = status
    c = ws.cell(r, head["Tiến độ (%)"]); c.value = 1 if i == 0 else 0.6; c.number_format = "0%"
    keys.append(k)
g = wb["Hướng dẫn"]
for r in range(1, 40):
    if g.cell(r, 1).value == "Ngày báo cáo": g.cell(r, 2).value = datetime.datetime(2026, 11, 20)
wb.save(out); print(json.dumps(keys))
`;

interface Json {
  received: {
    file: string;
    agency: string;
    warnings: string[];
    ignoredColumns: { sheet: string; column: string; header: string }[];
    empty: boolean;
  }[];
  missing: { agency: string; emptyFiles?: string[] }[];
  rejected: { file: string; code: string }[];
  masterConflicts: {
    key: string;
    lead: string;
    column: string;
    master: string;
    reported: string;
    kept: string;
  }[];
}

const CA = "2026 - Công an tỉnh - Báo cáo KH 4784.xlsx";
const TC = "2026 - Sở Tài chính - Báo cáo KH 4784.xlsx";

describe("consolidate: every text lands, typed values kept", () => {
  itWithTools(
    ["python3-openpyxl", "soffice"],
    "own layout, percentages, uncalculated formula, untouched file, coordinator's edits",
    async () => {
      const dir = tempDir("texts");
      const master = importLamDong(path.join(dir, "theo-doi.xlsx"));
      const gui = path.join(dir, "gui");
      expect(phuluc(["distribute", master, "--year", "2026", "-o", gui]).code).toBe(0);
      // Sở Y tế's tasks of 2026, as its distributed file lists them.
      const dist = runPython<{ lead: Row[]; partner: Row[] }>(
        `import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
def rows(name):
    ws = wb[name]; head = [c.value for c in ws[5]]
    return [dict(zip(head, [c.value for c in r])) for r in ws.iter_rows(min_row=6) if r[0].value]
print(json.dumps({"lead": rows("Chủ trì"), "partner": rows("Phối hợp")}, ensure_ascii=False, default=str))`,
        [path.join(gui, "2026 - Sở Y tế - Báo cáo KH 4784.xlsx")]
      );
      const yte = dist.lead;
      expect(yte.length).toBeGreaterThanOrEqual(2);
      const partner = dist.partner[0];
      expect(partner).toBeDefined();

      const back = path.join(dir, "nhan-ve");
      mkdirSync(back);
      runPython(OWN, [
        JSON.stringify(
          yte.map((r) => ({ stt: r.STT, title: r["Nhiệm vụ"], key: r["Mã nhiệm vụ"] }))
        ),
        JSON.stringify({ title: partner["Nhiệm vụ"] }),
        path.join(back, "BC So Y te.xlsx"),
      ]);
      copyFileSync(path.join(gui, TC), path.join(back, TC));
      const caFilled = path.join(dir, "ca.xlsx");
      const caKeys = runPython<string[]>(FILL_PERCENT, [
        path.join(gui, CA),
        caFilled,
        "Đang thực hiện",
      ]);
      expect(caKeys.length).toBeGreaterThanOrEqual(2);
      copyFileSync(sofficeConvert(caFilled, "xlsx"), path.join(back, CA));

      const out1 = path.join(dir, "tong-hop-1.xlsx");
      const r1 = phuluc(["consolidate", master, back, "--year", "2026", "-o", out1, "--json"]);
      expect(r1.stderr).toBe("");
      expect(r1.code).toBe(0);
      const j1 = JSON.parse(r1.stdout) as Json;
      expect(j1.rejected).toEqual([]);

      // The own sheet: every column with a meaning lands; "Ghi chú" is named, the formula too.
      const own = j1.received.find((x) => x.file === "BC So Y te.xlsx")!;
      expect(own.agency).toBe("Sở Y tế");
      expect(own.ignoredColumns).toEqual([{ sheet: "Báo cáo", column: "I", header: "Ghi chú" }]);
      expect(own.warnings.join("\n")).toMatch(
        /ô F5 \("Khó khăn"\): công thức "="Thiếu "&"kinh phí""/
      );
      const m1 = runPython<Row[]>(ROWS, [out1]);
      const byKey = (key: unknown, lead: string) =>
        m1.find((r) => r["Mã nhiệm vụ"] === key && r["Đơn vị chủ trì"] === lead)!;
      const [first, second] = yte.map((r) => byKey(r["Mã nhiệm vụ"], "Sở Y tế"));
      expect(first["Trạng thái"]).toBe("Hoàn thành");
      expect(first["Kết quả thực hiện"]).toBe(`Kết quả ${first["Mã nhiệm vụ"]}`);
      expect(first["Tiến độ (%)"]).toBe(100);
      expect(first["Đề xuất, kiến nghị"]).toBe(`Kiến nghị ${first["Mã nhiệm vụ"]}`);
      expect(first["Khó khăn, vướng mắc"]).toBeNull(); // the uncalculated formula: told, not guessed
      expect(second["Trạng thái"]).toBe("Đang thực hiện");
      expect(second["Tiến độ (%)"]).toBe(60);
      expect(second["Khó khăn, vướng mắc"]).toBe(`Khó khăn ${second["Mã nhiệm vụ"]}`);
      const contributions = runPython<unknown[][]>(
        `import sys, json, openpyxl
print(json.dumps([list(r) for r in openpyxl.load_workbook(sys.argv[1])["Phối hợp báo cáo"].iter_rows(values_only=True)], ensure_ascii=False, default=str))`,
        [out1]
      );
      expect(contributions).toContainEqual(
        expect.arrayContaining([partner["Mã nhiệm vụ"], "Sở Y tế", "Cử 2 cán bộ phối hợp"])
      );

      // Percentages re-saved by LibreOffice read as 100 and 60.
      const ca = caKeys.map((k) => byKey(k, "Công an tỉnh"));
      expect(ca[0]["Tiến độ (%)"]).toBe(100);
      expect(ca[1]["Tiến độ (%)"]).toBe(60);

      // The untouched file: received, nothing filled in; still to report.
      const tc = j1.received.find((x) => x.file === TC)!;
      expect(tc.empty).toBe(true);
      expect(j1.missing.find((m) => m.agency === "Sở Tài chính")?.emptyFiles).toEqual([TC]);
      const intake = runPython<Record<string, string>>(
        `import sys, json, openpyxl
print(json.dumps({r[1]: r[5] for r in openpyxl.load_workbook(sys.argv[1])["Tiếp nhận"].iter_rows(min_row=2, values_only=True) if r[1]}, ensure_ascii=False))`,
        [out1]
      );
      expect(intake["Sở Tài chính"]).toBe("Đã nhận, chưa điền gì");
      expect(intake["Công an tỉnh"]).toBe("Đã nhận");

      // The coordinator types a status in the consolidated master; Công an sends its file again.
      const edited = path.join(dir, "tong-hop-1-sua.xlsx");
      const typedRow = ca[0].row;
      runPython(
        `import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["Nhiệm vụ"]
head = {c.value: c.column for c in ws[1]}
ws.cell(int(sys.argv[3]), head["Trạng thái"]).value = "Hoàn thành"
wb.save(sys.argv[2]); print(1)`,
        [out1, edited, String(typedRow)]
      );
      const again = path.join(dir, "lan-2");
      mkdirSync(again);
      copyFileSync(path.join(back, CA), path.join(again, CA));
      const out2 = path.join(dir, "tong-hop-2.xlsx");
      const r2 = phuluc(["consolidate", edited, again, "--year", "2026", "-o", out2, "--json"]);
      expect(r2.code).toBe(0);
      const j2 = JSON.parse(r2.stdout) as Json;
      expect(j2.masterConflicts).toEqual([
        expect.objectContaining({
          key: caKeys[0],
          lead: "Công an tỉnh",
          column: "status",
          master: "Hoàn thành",
          reported: "Đang thực hiện",
          kept: "master",
        }),
      ]);
      const kept = runPython<Row[]>(ROWS, [out2]).find((r) => r.row === typedRow)!;
      expect(kept["Trạng thái"]).toBe("Hoàn thành");
      // Chosen the other way: the agency's value.
      const out3 = path.join(dir, "tong-hop-3.xlsx");
      const r3 = phuluc([
        "consolidate",
        edited,
        again,
        "--year",
        "2026",
        "-o",
        out3,
        "--prefer",
        "agency",
        "--json",
      ]);
      expect(r3.code).toBe(0);
      expect((JSON.parse(r3.stdout) as Json).masterConflicts[0].kept).toBe("agency");
      const taken = runPython<Row[]>(ROWS, [out3]).find((r) => r.row === typedRow)!;
      expect(taken["Trạng thái"]).toBe("Đang thực hiện");
    },
    300_000
  );
});

describe("a progress cell formatted as a percentage", () => {
  itWithTools(
    ["python3-openpyxl"],
    "reads as 100 and 60 in the master too (openpyxl: 1 and 0.6 with format 0%)",
    async () => {
      const dir = tempDir("percent");
      const master = importLamDong(path.join(dir, "theo-doi.xlsx"));
      const pct = path.join(dir, "phan-tram.xlsx");
      runPython(
        `import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["Nhiệm vụ"]
head = {c.value: c.column for c in ws[1]}
for r, v in ((2, 1), (3, 0.6)):
    c = ws.cell(r, head["Tiến độ (%)"]); c.value = v; c.number_format = "0%"
wb.save(sys.argv[2]); print(1)`,
        [master, pct]
      );
      const r = phuluc(["validate", pct, "--year", "2026", "--date", "2026-11-21", "--json"]);
      const findings = (JSON.parse(r.stdout) as { findings: { code: string; message: string }[] })
        .findings;
      // 1 shown as "100%" is a full progress (a status is then expected); 0.6 is 60, not 0.6 %.
      expect(findings).toContainEqual(
        expect.objectContaining({
          code: "FULL_PROGRESS_NOT_DONE",
          message: expect.stringMatching(/dòng 2, .*tiến độ 100%/),
        })
      );
      expect(findings.filter((f) => /dòng 3, .*tiến độ/.test(f.message))).toEqual([]);
      // A workbook written again from it keeps what the cells showed: 100 and 60.
      const out = path.join(dir, "sua.xlsx");
      expect(phuluc(["fix", pct, "--year", "2026", "-o", out]).code).toBe(0);
      const values = runPython<number[]>(
        `import sys, json, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Nhiệm vụ"]
head = {c.value: c.column for c in ws[1]}
c = [ws.cell(r, head["Tiến độ (%)"]) for r in (2, 3)]
print(json.dumps([x.value * 100 if "%" in x.number_format else x.value for x in c]))`,
        [out]
      );
      expect(values).toEqual([100, 60]);
    },
    120_000
  );
});
