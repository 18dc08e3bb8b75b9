/**
 * A year is a year (issue 14): the CLI refuses a year the workbook does not track (exit 2, a
 * Vietnamese message naming the tracked year and the way to the other, nothing written); a year
 * kept in "Lịch sử" gives its figures from there; the report date used by `consolidate --date`
 * stays in "Thông tin" as the next command's default; `import --year` outside the plan's period
 * needs --force. Workbooks filled by openpyxl, read back by openpyxl.
 */
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import { itWithTools, runPython, tempDir } from "../helpers/tools";
import { importLamDong, phuluc } from "../helpers/phuluc-cli";
import { dongNai281, planDocxScript } from "../helpers/plan-docx-script";
import { LAM_DONG_DOCX } from "../helpers/shared-paths";

/** Marks every third due row done on 01/10/2026, every third in progress. */
const FILL = `
import sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["Nhiệm vụ"]
head = {c.value: c.column for c in ws[1]}
for i, r in enumerate(range(2, ws.max_row + 1)):
    if not ws.cell(r, head["Mã nhiệm vụ"]).value: continue
    if i % 3 == 0:
        ws.cell(r, head["Trạng thái"]).value = "Hoàn thành"
        ws.cell(r, head["Ngày hoàn thành"]).value = datetime.datetime(2026, 10, 1)
        ws.cell(r, head["Tiến độ (%)"]).value = 100
    elif i % 3 == 1:
        ws.cell(r, head["Trạng thái"]).value = "Đang thực hiện"
        ws.cell(r, head["Tiến độ (%)"]).value = 40
wb.save(sys.argv[2])
print("{}")
`;

const INFO_DATE = `
import sys, json, datetime, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Thông tin"]
out = {}
for r in range(1, ws.max_row + 1):
    label = str(ws.cell(r, 1).value or "")
    if label.startswith("Ngày báo cáo") or label.startswith("Năm báo cáo"):
        v = ws.cell(r, 2).value
        out[label.split(" (")[0]] = v.date().isoformat() if isinstance(v, datetime.datetime) else v
print(json.dumps(out, ensure_ascii=False))
`;

interface Counts {
  agency: string;
  role: string;
  total: number;
  [k: string]: unknown;
}
interface RollupJson {
  year: number;
  date: string;
  agencies: Counts[];
  province: Record<string, number | null>;
}

/** The figures without the names written (history keeps the plan's names, not the row's). */
const figures = (r: RollupJson) =>
  r.agencies
    .filter((a) => a.total > 0)
    .map(({ written: _w, ...a }) => a)
    .sort((x, y) => `${x.role}${x.agency}`.localeCompare(`${y.role}${y.agency}`));

let dir = "";
let filled = "";

beforeAll(() => {
  dir = tempDir("year-is-a-year");
  filled = path.join(dir, "theo-doi-2026.xlsx");
  if (existsSync("/usr/bin/python3"))
    runPython(FILL, [importLamDong(path.join(dir, "built.xlsx")), filled]);
});

describe("a year the workbook does not track", () => {
  itWithTools(
    ["python3-openpyxl"],
    "rollup, report, distribute, consolidate: exit 2, nothing written",
    async () => {
      const rollup = phuluc(["rollup", filled, "--year", "2024"]);
      expect(rollup.code).toBe(2);
      expect(rollup.stdout).toBe("");
      expect(rollup.stderr).toContain("theo dõi năm 2026");
      expect(rollup.stderr).toContain("không có số liệu năm 2024");
      expect(rollup.stderr).toContain("sổ theo dõi lập cho năm 2024");

      const report = path.join(dir, "bao-cao-2024.docx");
      const rep = phuluc(["report", filled, "--year", "2024", "--province", "-o", report]);
      expect(rep.code).toBe(2);
      expect(rep.stderr).toContain("không lập báo cáo năm 2024");
      expect(existsSync(report)).toBe(false);

      const out = path.join(dir, "gui-2027");
      const dist = phuluc(["distribute", filled, "--year", "2027", "-o", out]);
      expect(dist.code).toBe(2);
      // A later year: the way there is the roll-over.
      expect(dist.stderr).toContain("chuyển năm (phuluc rollover");
      expect(existsSync(out)).toBe(false);

      const returned = path.join(dir, "tra-ve");
      mkdirSync(returned, { recursive: true });
      const merged = path.join(dir, "tong-hop-2025.xlsx");
      const cons = phuluc(["consolidate", filled, returned, "--year", "2025", "-o", merged]);
      expect(cons.code).toBe(2);
      expect(cons.stderr).toContain("không tổng hợp báo cáo của đơn vị năm 2025");
      expect(existsSync(merged)).toBe(false);
    }
  );
});

describe('a year kept in "Lịch sử"', () => {
  itWithTools(
    ["python3-openpyxl"],
    "after roll-over, 2026's rollup and report come from history; distribute 2026 is refused",
    async () => {
      const rolled = path.join(dir, "theo-doi-2027.xlsx");
      const ro = phuluc(["rollover", filled, "--to", "2027", "-o", rolled, "--force"]);
      expect(ro.stderr).not.toMatch(/Error/);
      expect(ro.code).toBe(0);

      const live = phuluc(["rollup", filled, "--year", "2026", "--date", "2026-12-31", "--json"]);
      const kept = phuluc(["rollup", rolled, "--year", "2026", "--json"]);
      expect(kept.stderr).toBe("");
      expect(kept.code).toBe(0);
      const a = JSON.parse(live.stdout) as RollupJson;
      const b = JSON.parse(kept.stdout) as RollupJson;
      expect(b.date).toBe("2026-12-31");
      expect(b.province).toEqual(a.province);
      expect(b.province.done_on_time).toBeGreaterThan(0);
      expect(figures(b)).toEqual(figures(a));

      const report = path.join(dir, "bao-cao-2026.docx");
      const rep = phuluc([
        "report",
        rolled,
        "--year",
        "2026",
        "--province",
        "-o",
        report,
        "--json",
      ]);
      expect(rep.stderr).toBe("");
      expect(rep.code).toBe(0);
      const livereport = path.join(dir, "bao-cao-2026-live.docx");
      const rep0 = phuluc([
        "report",
        filled,
        "--year",
        "2026",
        "--date",
        "2026-12-31",
        "--province",
        "-o",
        livereport,
        "--json",
      ]);
      const province = (s: string) =>
        (JSON.parse(s) as { figures: { province: unknown } }).figures.province;
      expect(province(rep.stdout)).toEqual(province(rep0.stdout));

      const out = path.join(dir, "gui-2026-lai");
      const dist = phuluc(["distribute", rolled, "--year", "2026", "-o", out]);
      expect(dist.code).toBe(2);
      expect(dist.stderr).toContain('trang "Lịch sử"');
      expect(existsSync(out)).toBe(false);
    }
  );
});

describe("the report date an officer sets is kept", () => {
  itWithTools(
    ["python3-openpyxl"],
    'consolidate --date writes "Ngày báo cáo"; rollup and validate then default to it',
    async () => {
      const gui = path.join(dir, "gui-2026");
      expect(phuluc(["distribute", filled, "--year", "2026", "-o", gui]).code).toBe(0);
      const one = path.join(gui, readdirSync(gui)[0]);
      const merged = path.join(dir, "tong-hop.xlsx");
      const r = phuluc(["consolidate", filled, one, "--date", "2026-12-05", "-o", merged]);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expect(runPython(INFO_DATE, [merged])).toEqual({
        "Năm báo cáo": 2026,
        "Ngày báo cáo": "2026-12-05",
      });
      const ru = JSON.parse(phuluc(["rollup", merged, "--json"]).stdout) as RollupJson;
      expect(ru.date).toBe("2026-12-05");
      expect(phuluc(["validate", merged]).stdout).toContain("ngày 2026-12-05");
    }
  );
});

describe("import --year outside the plan's period", () => {
  itWithTools(
    ["python3-openpyxl"],
    "exit 2 without --force, nothing written; --force builds it",
    async () => {
      const out = path.join(dir, "nam-2040.xlsx");
      const r = phuluc(["import", LAM_DONG_DOCX, "-o", out, "--year", "2040"]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("2024–2030");
      expect(r.stderr).toContain("--force");
      expect(existsSync(out)).toBe(false);
      const f = phuluc(["import", LAM_DONG_DOCX, "-o", out, "--year", "2040", "--force"]);
      expect(f.code).toBe(0);
      expect(runPython(INFO_DATE, [out])).toMatchObject({ "Năm báo cáo": 2040 });
    }
  );
});

/** A plan for 2018 whose partners are "Các Sở, ban, ngành". */
const PLAN_2018 = planDocxScript(dongNai281, [
  ["1", "Tuyên truyền về biên giới", "Sở Y tế", "Các Sở, ban, ngành", "Năm 2018"],
  ["2", "Hội nghị đối ngoại", "Sở Tài chính", "Sở Nội vụ", "Quý III"],
]);

/** The workbook as one written before "Thành lập từ" existed (the header renamed away). */
const WITHOUT_SINCE = `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["Đơn vị"]
for c in ws[1]:
    if c.value == "Thành lập từ": c.value = "Ghi chú"
wb.save(sys.argv[2]); print("1")
`;

describe("agencies of the year asked for", () => {
  itWithTools(
    ["python3-openpyxl"],
    "a 2018 distribution, rollup and consolidation never reach an agency founded in 2025",
    async () => {
      const plan = path.join(dir, "ke-hoach-2018.docx");
      runPython(PLAN_2018, [plan]);
      const wb = path.join(dir, "theo-doi-2018.xlsx");
      expect(
        phuluc(["import", plan, "-o", wb, "--year", "2018", "--date", "2018-11-30"]).code
      ).toBe(0);
      const old = path.join(dir, "theo-doi-2018-cu.xlsx");
      runPython(WITHOUT_SINCE, [wb, old]);
      const founded2025 = ["Sở Nông nghiệp và Môi trường", "Sở Dân tộc và Tôn giáo"];
      for (const file of [wb, old]) {
        const out = path.join(dir, `gui-2018-${path.basename(file, ".xlsx")}`);
        const d = phuluc(["distribute", file, "--year", "2018", "-o", out, "--json"]);
        expect(d.code).toBe(0);
        const agencies = (JSON.parse(d.stdout) as { files: { agency: string }[] }).files.map(
          (f) => f.agency
        );
        // The collective reaches the departments of 2018, and only them.
        expect(agencies).toContain("Sở Nông nghiệp và Phát triển nông thôn");
        expect(agencies).toContain("Sở Tài nguyên và Môi trường");
        for (const a of founded2025) expect(agencies).not.toContain(a);

        const ru = JSON.parse(phuluc(["rollup", file, "--json"]).stdout) as RollupJson;
        const named = ru.agencies.map((a) => a.agency);
        expect(named).toContain("Sở Tài nguyên và Môi trường");
        for (const a of founded2025) expect(named).not.toContain(a);

        // One agency reports: the others are "chưa báo cáo", never the 2025 ones.
        const one = path.join(out, readdirSync(out)[0]);
        const merged = path.join(dir, `tong-hop-2018-${path.basename(file)}`);
        const c = phuluc(["consolidate", file, one, "-o", merged, "--json"]);
        expect(c.code).toBe(0);
        const missing = (JSON.parse(c.stdout) as { missing: { agency: string }[] }).missing.map(
          (m) => m.agency
        );
        expect(missing.length).toBeGreaterThan(5);
        for (const a of founded2025) expect(missing).not.toContain(a);
      }
    }
  );
});
