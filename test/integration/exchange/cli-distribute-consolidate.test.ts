/**
 * `phuluc distribute` then `phuluc consolidate` on real files: the distributed workbooks are
 * filled by openpyxl (and re-saved by LibreOffice), hand-made agency sheets are written by
 * openpyxl, and everything is read back by openpyxl. Inputs are hashed before and after.
 */
import { createHash } from "node:crypto";
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { importLamDong, phuluc, type CliRun } from "../../helpers/phuluc-cli";
import { itWithTools, runPython, sofficeConvert, tempDir } from "../../helpers/tools";
import { LAM_DONG_DOCX } from "../../helpers/shared-paths";

const SCRIPT = readFileSync(path.join(__dirname, "returned_workbooks.py"), "utf8");
const py = <T>(args: string[]) => runPython<T>(SCRIPT, args);
const hash = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");

const READ_MASTER = `
import sys, json, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["Nhiệm vụ"]
head = {c.value: c.column for c in ws[1]}
def v(x): return x.date().isoformat() if isinstance(x, datetime.datetime) else x
cols = ["Mã nhiệm vụ", "Mã lịch hạn", "Đơn vị chủ trì", "Trạng thái", "Ngày hoàn thành", "Tiến độ (%)", "Kết quả thực hiện"]
rows = [{c: v(ws.cell(r, head[c]).value) for c in cols} | {"row": r} for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value]
def table(name):
    if name not in wb.sheetnames: return None
    s = wb[name]
    return {"tables": list(s.tables.keys()), "rows": [[v(c) for c in r] for r in s.iter_rows(values_only=True)]}
print(json.dumps({"rows": rows, "sheets": wb.sheetnames, "intake": table("Tiếp nhận"),
                  "contrib": table("Phối hợp báo cáo"), "log": table("Nhật ký sửa")}, ensure_ascii=False, default=str))
`;
/** Due in 2026 by its schedule code (empty, or naming 2026 or any year: schedule-code.ts format). */
const due = (x: Record<string, unknown>) => {
  const code = String(x["Mã lịch hạn"] ?? "");
  return code === "" || code.includes(";2026=") || code.includes(";****=");
};
type Master = {
  rows: Record<string, string | number | null>[];
  sheets: string[];
  intake: { tables: string[]; rows: unknown[][] } | null;
  contrib: { tables: string[]; rows: unknown[][] } | null;
  log: { tables: string[]; rows: unknown[][] } | null;
};
const readMaster = (f: string) => runPython<Master>(READ_MASTER, [f]);

interface Json {
  received: {
    file: string;
    agency: string;
    rows: number;
    matched: number;
    method: string;
    confidence: number;
    warnings: string[];
  }[];
  missing: { agency: string; tasks: number }[];
  rejected: { file: string; code: string; message: string }[];
  conflicts: { agency: string; key: string; files: string[]; kept: string }[];
  unmatched: { file: string; row: number; text: string; candidate?: { key: string } }[];
  dropped: { file: string; key: string }[];
  rollup: { year: number; agencies: unknown[] };
}

/** What the hand-made sheets type (returned_workbooks.py) and what the master must hold. */
const STATUS: Record<string, string> = {
  "HOAN THANH": "Hoàn thành",
  "dang trien khai": "Đang thực hiện",
  "Hoàn Thành": "Hoàn thành",
  "chưa triển khai": "Chưa triển khai",
};

let dir = "";
let master = "";
let dist = "";
const YTE = "2026 - Sở Y tế - Báo cáo KH 4784.xlsx";

let distributed: CliRun;
let masterHash = "";

beforeAll(() => {
  dir = tempDir("exchange");
  master = importLamDong(path.join(dir, "master.xlsx"));
  dist = path.join(dir, "gui");
  masterHash = hash(master);
  distributed = phuluc([
    "distribute",
    master,
    "--year",
    "2026",
    "-o",
    dist,
    "--deadline",
    "2026-12-15",
    "--json",
  ]);
});

describe("phuluc distribute", () => {
  itWithTools(
    ["python3-openpyxl"],
    "one protected workbook per agency, identity and validations kept through an openpyxl save",
    async () => {
      const r = distributed;
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout) as {
        year: number;
        files: { agency: string; file: string; lead: number; partner: number }[];
      };
      expect(out.year).toBe(2026);
      expect(readdirSync(dist).sort()).toEqual(out.files.map((f) => f.file).sort());
      const yte = out.files.find((f) => f.agency === "Sở Y tế")!;
      expect(yte.file).toBe(YTE);
      // The master's Sở Y tế rows due in 2026 (schedule code empty, or naming 2026 or any year),
      // counted by openpyxl.
      const m = readMaster(master);
      expect(yte.lead).toBe(
        m.rows.filter((x) => x["Đơn vị chủ trì"] === "Sở Y tế" && due(x)).length
      );
      expect(yte.lead).toBeGreaterThan(0);
      expect(hash(master)).toBe(masterHash);

      const filled = path.join(dir, "yte-filled.xlsx");
      const f = py<{
        filled: string[];
        protected: Record<string, boolean>;
        locked: Record<string, boolean>;
        validations: string[];
        states: Record<string, string>;
      }>(["fill", master, path.join(dist, YTE), filled, "Sở Y tế"]);
      expect(f.protected).toEqual({ "Hướng dẫn": true, "Chủ trì": true, "Phối hợp": true });
      expect(f.locked).toEqual({ key: true, title: true, status: false, result: false });
      expect(f.validations.length).toBeGreaterThanOrEqual(4);
      expect(f.states["_phuluc_baocao"]).toBe("hidden");
      expect(f.filled).toHaveLength(yte.lead);

      // A zip holds the same files.
      const zip = path.join(dir, "gui.zip");
      expect(phuluc(["distribute", master, "--year", "2026", "-o", zip]).code).toBe(0);
      const names = runPython<string[]>(
        `import sys, json, zipfile; print(json.dumps(zipfile.ZipFile(sys.argv[1]).namelist(), ensure_ascii=False))`,
        [zip]
      );
      expect(names.sort()).toEqual(out.files.map((x) => x.file).sort());
    }
  );
});

describe("phuluc consolidate", () => {
  itWithTools(
    ["python3-openpyxl"],
    "merges a filled distributed file by identity; idempotent; change log and Tiếp nhận",
    async () => {
      const filled = path.join(dir, "yte-filled.xlsx");
      py(["fill", master, path.join(dist, YTE), filled, "Sở Y tế"]);
      // The coordinating officer's own column in the master, typed before consolidating.
      const annotated = path.join(dir, "master-ghi-chu.xlsx");
      runPython(
        `
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["Nhiệm vụ"]
col = ws.max_column + 1
ws.cell(1, col, "Nhận xét của Sở")
for r in range(2, ws.max_row + 1): ws.cell(r, col, f"Nhận xét {r}")
wb.save(sys.argv[2]); print(json.dumps(col))`,
        [master, annotated]
      );
      const hashes = [hash(annotated), hash(filled)];
      const out1 = path.join(dir, "merged1.xlsx");
      const r = phuluc(["consolidate", annotated, filled, "--year", "2026", "-o", out1, "--json"]);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      const j = JSON.parse(r.stdout) as Json;
      expect(j.received).toHaveLength(1);
      expect(j.received[0]).toMatchObject({ agency: "Sở Y tế", method: "identity", confidence: 1 });
      expect(j.received[0].matched).toBe(j.received[0].rows);
      expect(j.rejected).toEqual([]);
      expect(j.missing.map((x) => x.agency)).not.toContain("Sở Y tế");
      expect(j.rollup.year).toBe(2026);
      expect([hash(annotated), hash(filled)]).toEqual(hashes);
      // The officer's column is kept, row by row, untouched.
      const notes = runPython<(string | null)[]>(
        `
import sys, json, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Nhiệm vụ"]
head = {c.value: c.column for c in ws[1]}
print(json.dumps([ws.cell(r, head["Nhận xét của Sở"]).value for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value], ensure_ascii=False))`,
        [out1]
      );
      expect(notes.length).toBeGreaterThan(10);
      expect(notes.every((n) => /^Nhận xét \d+$/.test(String(n)))).toBe(true);

      const m = readMaster(out1);
      const yte = m.rows.filter((x) => x["Đơn vị chủ trì"] === "Sở Y tế" && due(x));
      expect(yte[0]["Trạng thái"]).toBe("Hoàn thành"); // "hoan thanh" typed, canonical merged
      expect(yte[0]["Ngày hoàn thành"]).toBe("2026-10-05");
      expect(yte[0]["Tiến độ (%)"]).toBe(100);
      expect(String(yte[0]["Kết quả thực hiện"])).toMatch(/^Kết quả T/);
      if (yte.length > 1) expect(yte[1]["Trạng thái"]).toBe("Đang thực hiện");
      // Nobody else's rows changed.
      const others = m.rows.filter((x) => x["Đơn vị chủ trì"] !== "Sở Y tế" || !due(x));
      expect(others.every((x) => x["Trạng thái"] === null)).toBe(true);
      expect(m.intake!.tables).toEqual(["TiepNhan"]);
      expect(m.intake!.rows[0]).toEqual([
        "Năm báo cáo",
        "Đơn vị",
        "Tệp",
        "Ngày báo cáo",
        "Số dòng khớp",
        "Kết quả",
        "Thời điểm tổng hợp",
        "Nội dung chưa tổng hợp",
      ]);
      const line = m.intake!.rows.find((x) => x[1] === "Sở Y tế")!;
      // Lead rows + the partner tasks listed on "Phối hợp" all matched by key.
      expect(line.slice(0, 4)).toEqual([2026, "Sở Y tế", "yte-filled.xlsx", "2026-11-20"]);
      expect(line[4]).toBe(j.received[0].matched);
      expect(line[5]).toBe("Đã nhận");
      expect(m.intake!.rows.filter((x) => x[5] === "Chưa nhận").length).toBe(j.missing.length);
      expect(m.contrib!.rows.length).toBe(2); // header + the one contribution typed
      const log = m.log!.rows.slice(1);
      expect(log.length).toBeGreaterThanOrEqual(yte.length * 3);
      expect(String(log[0][8])).toContain('tệp "yte-filled.xlsx"');

      // "rollup" is what `phuluc rollup --json` says of the written file.
      const date = (j.rollup as unknown as { date: string }).date;
      const ru = phuluc(["rollup", out1, "--year", "2026", "--date", date, "--json"]);
      expect(ru.code).toBe(0);
      expect(j.rollup).toEqual(JSON.parse(ru.stdout));

      // The reports read "Tiếp nhận": the province report lists exactly the agencies missing here.
      const rep = phuluc([
        "report",
        out1,
        "--province",
        "--year",
        "2026",
        "-o",
        path.join(dir, "tinh.docx"),
        "--json",
      ]);
      expect(rep.stderr).toBe("");
      const missing = JSON.parse(rep.stdout).figures.missing as {
        source: string;
        agencies: { agency: string }[];
      };
      expect(missing.source).toBe("consolidation");
      expect(missing.agencies.map((a) => a.agency).sort()).toEqual(
        j.missing.map((x) => x.agency).sort()
      );

      // Again with the same file on the merged master: nothing changes, Tiếp nhận not doubled.
      const out2 = path.join(dir, "merged2.xlsx");
      const again = phuluc(["consolidate", out1, filled, "--year", "2026", "-o", out2]);
      expect(again.code).toBe(0);
      expect(again.stdout).toMatch(/0 ô thay đổi/);
      const m2 = readMaster(out2);
      expect(m2.rows).toEqual(m.rows);
      expect(m2.intake!.rows.length).toBe(m.intake!.rows.length);
    }
  );

  itWithTools(
    ["python3-openpyxl", "soffice"],
    "identity survives a LibreOffice save; newer report wins, the conflict is listed",
    async () => {
      const older = path.join(dir, "yte-older.xlsx");
      py(["fill", master, path.join(dist, YTE), older, "Sở Y tế", "2026-11-10", "Không thực hiện"]);
      const newer = path.join(dir, "yte-newer-src.xlsx");
      py(["fill", master, path.join(dist, YTE), newer, "Sở Y tế", "2026-11-22", "Hoàn thành"]);
      const loDir = tempDir("exchange-lo");
      copyFileSync(newer, path.join(loDir, "so-y-te-lo.ods.xlsx"));
      const ods = sofficeConvert(path.join(loDir, "so-y-te-lo.ods.xlsx"), "ods");
      const resaved = sofficeConvert(ods, "xlsx");
      const keep = path.join(dir, "bao cao moi nhat.xlsx");
      copyFileSync(resaved, keep);
      // What LibreOffice kept: sheet protection, unlocked input cells, the hidden identity sheet.
      const kept = runPython<Record<string, unknown>>(
        `
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["Chủ trì"]
head = {c.value: c.column for c in ws[5]}
print(json.dumps({"protected": ws.protection.sheet, "key": ws.cell(6, head["Mã nhiệm vụ"]).protection.locked,
  "status": ws.cell(6, head["Trạng thái"]).protection.locked, "state": wb["_phuluc_baocao"].sheet_state}))`,
        [keep]
      );
      expect(kept).toEqual({ protected: true, key: true, status: false, state: "hidden" });

      const out = path.join(dir, "merged-lo.xlsx");
      const r = phuluc(["consolidate", master, older, keep, "--year", "2026", "-o", out, "--json"]);
      expect(r.code).toBe(0);
      const j = JSON.parse(r.stdout) as Json;
      expect(j.received.map((x) => [x.file, x.method, x.agency]).sort()).toEqual(
        [
          ["bao cao moi nhat.xlsx", "identity", "Sở Y tế"],
          ["yte-older.xlsx", "identity", "Sở Y tế"],
        ].sort()
      );
      expect(j.conflicts.length).toBeGreaterThan(0);
      expect(j.conflicts.every((c) => c.kept === "bao cao moi nhat.xlsx")).toBe(true);
      const m = readMaster(out);
      expect(m.rows.find((x) => x["Đơn vị chủ trì"] === "Sở Y tế" && due(x))!["Trạng thái"]).toBe(
        "Hoàn thành"
      );
    }
  );

  itWithTools(
    ["python3-openpyxl"],
    "hand-made agency sheet: headers, STT and shortened texts; extra activity unmatched",
    async () => {
      const made = path.join(dir, "BC Y te 2026.xlsx");
      const facts = py<{ key: string; row: number; status: string }[]>([
        "handmade",
        master,
        dist,
        made,
        "Sở Y tế",
      ]);
      const out = path.join(dir, "merged-hand.xlsx");
      const r = phuluc(["consolidate", master, made, "--year", "2026", "-o", out, "--json"]);
      expect(r.code).toBe(0);
      const j = JSON.parse(r.stdout) as Json;
      expect(j.received).toHaveLength(1);
      expect(j.received[0]).toMatchObject({
        agency: "Sở Y tế",
        method: "headers",
        matched: facts.length,
      });
      expect(j.received[0].confidence).toBeGreaterThanOrEqual(0.6);
      expect(j.unmatched.map((u) => u.text)).toEqual([
        expect.stringMatching(/^Tổ chức giải chạy việt dã/),
      ]);
      const m = readMaster(out);
      for (const f of facts) {
        const row = m.rows.find((x) => x.row === f.row)!;
        expect(row["Trạng thái"]).toBe(STATUS[f.status]);
        expect(row["Kết quả thực hiện"]).toBe(`Kết quả nhiệm vụ ${f.key}`);
      }
      const first = m.rows.find((x) => x.row === facts[0].row)!;
      expect(first["Ngày hoàn thành"]).toBe("2026-10-05"); // "05/10/2026" typed as text → a date
      expect(first["Tiến độ (%)"]).toBe(100);
    }
  );

  itWithTools(
    ["python3-openpyxl", "soffice"],
    "bad inputs: each refused with its own message while the rest merges",
    async () => {
      const bad = tempDir("exchange-bad");
      const good = path.join(bad, "tricky.xlsx");
      const facts = py<{ key: string }[]>(["tricky", master, dist, good, "Sở Y tế"]);
      const tcvn = path.join(bad, "bao cao tcvn3.xlsx");
      const tcvnFacts = py<{ key: string; row: number; status: string }[]>([
        "tcvn3",
        master,
        dist,
        tcvn,
        "Sở Tài chính",
      ]);
      py(["other-plan", master, dist, path.join(bad, "ke hoach khac.xlsx"), "Sở Tài chính"]);
      py(["unknown-agency", master, dist, path.join(bad, "bao cao.xlsx"), "Sở Tài chính"]);
      const full = readFileSync(path.join(dist, YTE));
      writeFileSync(path.join(bad, "cut.xlsx"), full.subarray(0, Math.floor(full.length / 2)));
      writeFileSync(path.join(bad, "~$" + YTE), Buffer.from([0x0b, 0x4e, 0x00, 0x67]));
      // Password-protected .xlsx: an OLE2 container with an EncryptionInfo stream (neither
      // LibreOffice 7.4's command line nor the python here can encrypt; the header is what counts).
      const ole2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)];
      const stream = [..."EncryptionInfo"].flatMap((c) => [c.charCodeAt(0), 0]);
      writeFileSync(path.join(bad, "mat-khau.xlsx"), Buffer.from([...ole2, ...stream]));
      const xls = sofficeConvert(path.join(dist, YTE), "xls");
      copyFileSync(xls, path.join(bad, "cu.xls"));
      const y2025 = path.join(dir, "gui-2025");
      // A 2026 master makes no 2025 files (a year is a year): last year's file comes from a
      // workbook built for 2025.
      expect(phuluc(["distribute", master, "--year", "2025", "-o", y2025]).code).toBe(2);
      const master2025 = path.join(dir, "master-2025.xlsx");
      const imp = ["import", LAM_DONG_DOCX, "-o", master2025, "--year", "2025"];
      expect(phuluc([...imp, "--date", "2025-11-21"]).code).toBe(0);
      expect(phuluc(["distribute", master2025, "--year", "2025", "-o", y2025]).code).toBe(0);
      copyFileSync(
        path.join(y2025, "2025 - Sở Y tế - Báo cáo KH 4784.xlsx"),
        path.join(bad, "nam-truoc.xlsx")
      );
      const hashes = readdirSync(bad).map((f) => hash(path.join(bad, f)));

      const out = path.join(dir, "merged-bad.xlsx");
      const r = phuluc(["consolidate", master, bad, "--year", "2026", "-o", out, "--json"]);
      expect(r.code).toBe(0);
      expect(readdirSync(bad).map((f) => hash(path.join(bad, f)))).toEqual(hashes);
      const j = JSON.parse(r.stdout) as Json;
      const codes = Object.fromEntries(j.rejected.map((x) => [x.file, x.code]));
      expect(codes).toEqual({
        "cut.xlsx": "CORRUPT",
        ["~$" + YTE]: "LOCK_FILE",
        "cu.xls": "LEGACY_XLS",
        "nam-truoc.xlsx": "OTHER_YEAR",
        "ke hoach khac.xlsx": "OTHER_PLAN",
        "bao cao.xlsx": "UNKNOWN_AGENCY",
        "mat-khau.xlsx": "ENCRYPTED",
      });
      for (const x of j.rejected) expect(x.message).toContain(`"${x.file}"`);
      const tricky = j.received.find((x) => x.file === "tricky.xlsx")!;
      expect(tricky.agency).toBe("Sở Y tế");
      expect(tricky.matched).toBe(facts.length);
      expect(tricky.warnings.join("\n")).toMatch(/lỗi công thức/);
      expect(tricky.warnings.join("\n")).toMatch(/trang ẩn/);
      const t = j.received.find((x) => x.file === "bao cao tcvn3.xlsx")!;
      expect(t.agency).toBe("Sở Tài chính");
      expect(t.matched).toBeGreaterThan(0);
      expect(t.warnings.join("\n")).toMatch(/TCVN3/);
      const m = readMaster(out);
      // TCVN3 text converted: statuses understood, results stored in Unicode.
      expect(t.matched).toBe(tcvnFacts.length);
      for (const f of tcvnFacts) {
        const row = m.rows.find((x) => x.row === f.row)!;
        expect(row["Trạng thái"]).toBe(STATUS[f.status]);
        expect(row["Kết quả thực hiện"]).toBe(`Kết quả nhiệm vụ ${f.key}`);
      }
    }
  );

  it("unreadable master: exit 2 with a message naming it", () => {
    const bogus = path.join(dir, "khong-phai.xlsx");
    writeFileSync(bogus, "not a workbook");
    const r = phuluc([
      "consolidate",
      bogus,
      dist,
      "--year",
      "2026",
      "-o",
      path.join(dir, "x.xlsx"),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("khong-phai.xlsx");
  });
});
