/**
 * The officer's workbook kept whole, whatever wrote it (issue 16): a corpus of tracking
 * workbooks as other programs save them (test/fixtures/corpus/make_corpus.py: Excel's parts
 * written by hand — notes + VML, threaded comments + persons, totals-row tables, sparklines,
 * a slicer cache, an external link, custom XML —, openpyxl, openpyxl in the 1904 date system,
 * LibreOffice, a Google-Sheets-like export), each through every command that writes: fix,
 * roll-over, texts, consolidate, and the pane's file backend (group rename, safe fixes then
 * roll-over). Each is read (never "corrupt"); after the write, every part the command had no
 * business touching has the same bytes, openpyxl sees the officer's notes, fills, widths,
 * protection and own sheets as they were, and LibreOffice opens every output with the note
 * and the fixed values in place. The "pivot" variant adds a pivot table (cache definition,
 * records, table) counting "Nhiệm vụ" by status: its parts keep their bytes through every command,
 * workbook.xml keeps its <pivotCaches>, and openpyxl and LibreOffice still see the pivot table.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  itWithTools,
  runPython,
  sofficeConvert,
  sofficeConvertAll,
  tempDir,
} from "../helpers/tools";
import { importLamDong, phuluc } from "../helpers/phuluc-cli";
import * as pane from "../../src/taskpane/tracking-actions";

const CORPUS = path.join(__dirname, "..", "fixtures", "corpus");
const MAKE = readFileSync(path.join(CORPUS, "make_corpus.py"), "utf8");
const CHECK = readFileSync(path.join(CORPUS, "check_corpus.py"), "utf8");
const RETURNED = readFileSync(path.join(__dirname, "exchange", "returned_workbooks.py"), "utf8");
const YTE = "2026 - Sở Y tế - Báo cáo KH 4784.xlsx";
const NOTE = "Ghi chú của cán bộ: hỏi lại Sở về tiến độ";

interface Check {
  changed_parts: string[];
  unexpected: string[];
  added_parts: string[];
  officer: Record<string, { same: boolean; why: string[]; notes?: Record<string, string> }>;
  sheets: string[];
}

const check = (input: string, output: string, edited: string[]) =>
  runPython<Check>(CHECK, [input, output, edited.join("|")]);

/** Nothing outside the edited sheets changed; every sheet of the input kept what the officer made. */
function expectKept(c: Check) {
  expect(c.unexpected).toEqual([]);
  const lost = Object.entries(c.officer).filter(([, o]) => !o.same);
  expect(lost).toEqual([]);
  expect(c.officer["Nhiệm vụ"].notes?.B3).toContain(NOTE);
  expect(c.sheets.slice(0, Object.keys(c.officer).length)).toEqual(Object.keys(c.officer));
}

const VARIANTS = ["excel-parts", "openpyxl", "inline-1904", "google-like", "libreoffice", "pivot"];
/** The pivot table's parts (make_corpus.py with_pivot): kept byte for byte by every command. */
const PIVOT_PARTS = [
  "xl/pivotTables/pivotTable1.xml",
  "xl/pivotTables/_rels/pivotTable1.xml.rels",
  "xl/pivotCache/pivotCacheDefinition1.xml",
  "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels",
  "xl/pivotCache/pivotCacheRecords1.xml",
  "xl/worksheets/sheet91.xml",
  "xl/worksheets/_rels/sheet91.xml.rels",
];
let dir = "";
let filled = "";
const outputs: { variant: string; command: string; file: string }[] = [];

beforeAll(() => {
  dir = tempDir("corpus");
  const base = importLamDong(path.join(dir, "base.xlsx"));
  runPython(MAKE, [base, dir]);
  const lo = sofficeConvert(path.join(dir, "openpyxl.xlsx"), "xlsx");
  writeFileSync(path.join(dir, "libreoffice.xlsx"), readFileSync(lo));
  const dist = path.join(dir, "gui");
  expect(phuluc(["distribute", base, "--year", "2026", "-o", dist]).code).toBe(0);
  filled = path.join(dir, "yte-filled.xlsx");
  runPython(RETURNED, ["fill", base, path.join(dist, YTE), filled, "Sở Y tế"]);
});

describe.each(VARIANTS)("a workbook saved as %s", (variant) => {
  const input = () => path.join(dir, `${variant}.xlsx`);
  const out = (command: string) => {
    const file = path.join(dir, `${variant}-${command}.xlsx`);
    outputs.push({ variant, command, file });
    return file;
  };

  itWithTools(["python3-openpyxl", "soffice"], "is read, never called corrupt", async () => {
    const r = phuluc(["validate", input(), "--year", "2026", "--date", "2026-11-21"]);
    expect(r.stderr).not.toContain("bị hỏng");
    expect([0, 1]).toContain(r.code);
    expect(r.stdout).toContain("DATE_AS_TEXT");
  });

  itWithTools(["python3-openpyxl", "soffice"], "fix: the fixed cells only", async () => {
    const o = out("fix");
    const r = phuluc(["fix", input(), "-o", o, "--date", "2026-11-21", "--json"]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { changes: unknown[] }).changes.length).toBeGreaterThanOrEqual(
      5
    );
    const c = check(input(), o, ["Nhiệm vụ", "Nhật ký sửa"]);
    expectKept(c);
    expect(c.sheets).toContain("Nhật ký sửa");
    const v = runPython<(string | null)[]>(
      `
import sys, json, datetime, warnings, openpyxl
warnings.simplefilter("ignore")
ws = openpyxl.load_workbook(sys.argv[1])["Nhiệm vụ"]
head = {c.value: c.column_letter for c in ws[1]}
f = lambda x: x.date().isoformat() if isinstance(x, datetime.datetime) else x
print(json.dumps([f(ws[head[h] + str(r)].value) for h, r in [("Trạng thái", 2), ("Ngày hoàn thành", 2), ("Trạng thái", 3), ("Ngày cập nhật", 3), ("Trạng thái", 4)]]))`,
      [o]
    );
    expect(v).toEqual(["Hoàn thành", "2026-11-15", "Đang thực hiện", "2026-10-02", "Hoàn thành"]);
    // Read back by Phụ Lục itself: nothing left to fix.
    const again = phuluc(["validate", o, "--year", "2026", "--date", "2026-11-21"]);
    expect(again.stdout).not.toContain("DATE_AS_TEXT");
    expect(again.stdout).not.toContain("STATUS_NONCANONICAL");
  });

  itWithTools(["python3-openpyxl", "soffice"], "rollover: rows, inputs and history", async () => {
    const o = out("rollover");
    const r = phuluc(["rollover", input(), "--to", "2027", "-o", o, "--force", "--json"]);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout) as { archived: number };
    expect(summary.archived).toBeGreaterThan(0);
    expectKept(check(input(), o, ["Nhiệm vụ", "Thông tin", "Lịch sử"]));
    const back = phuluc(["rollup", o, "--json"]);
    expect(back.code).toBe(0);
    expect((JSON.parse(back.stdout) as { year: number }).year).toBe(2027);
    const hist = runPython<number>(
      `
import sys, json, warnings, openpyxl
warnings.simplefilter("ignore")
ws = openpyxl.load_workbook(sys.argv[1])["Lịch sử"]
print(json.dumps(sum(1 for r in ws.iter_rows(min_row=2, values_only=True) if r[0] == 2026)))`,
      [o]
    );
    expect(hist).toBe(summary.archived);
  });

  itWithTools(["python3-openpyxl", "soffice"], "texts: a new Mẫu in sheet", async () => {
    const o = out("texts");
    const r = phuluc(["texts", input(), "-o", o, "--signer", "Nguyễn Văn An"]);
    expect(r.code).toBe(0);
    const c = check(input(), o, []);
    expectKept(c);
    expect(c.sheets).toContain("Mẫu in");
  });

  itWithTools(
    ["python3-openpyxl", "soffice"],
    "consolidate: values and record sheets",
    async () => {
      const o = out("consolidate");
      const r = phuluc(["consolidate", input(), filled, "--year", "2026", "-o", o, "--json"]);
      expect(r.code).toBe(0);
      expect((JSON.parse(r.stdout) as { received: unknown[] }).received).toHaveLength(1);
      const c = check(input(), o, ["Nhiệm vụ", "Nhật ký sửa"]);
      expectKept(c);
      expect(c.sheets).toContain("Tiếp nhận");
    }
  );

  itWithTools(
    ["python3-openpyxl", "soffice"],
    "the pane's file mode: rename, fixes, roll-over",
    async () => {
      const bytes = new Uint8Array(readFileSync(input()));
      const opened = await pane.openTrackingBytes(bytes, `${variant}.xlsx`);
      const findings = pane.checkWorkbook(opened, opened.workbook, 2026, "2026-11-21");
      const renamed = findings.filter((f) => f.code === "AGENCY_SUPERSEDED");
      expect(renamed.length).toBeGreaterThan(0);
      const rename = pane.chosenFixes(opened.workbook, renamed);
      const safe = pane.safeFixes(rename.workbook, findings);
      const applied = [...rename.changes, ...safe.changes];
      const fixedFile = out("pane-fix");
      writeFileSync(fixedFile, await pane.fixedFile(opened, safe.workbook, applied, "2026-11-25"));
      expectKept(check(input(), fixedFile, ["Nhiệm vụ", "Nhật ký sửa"]));
      const reopened = await pane.openTrackingBytes(readFileSync(fixedFile), "fixed.xlsx");
      const row = reopened.workbook.rows.find((x) => x.sheetRow === 5);
      expect(row?.lead).toBe("Sở Văn hóa, Thể thao và Du lịch");
      const rolled = await pane.rolledFile(opened, safe.workbook, 2027, applied, "2026-11-25");
      const rolledFile = out("pane-rollover");
      writeFileSync(rolledFile, rolled.bytes);
      expectKept(check(input(), rolledFile, ["Nhiệm vụ", "Thông tin", "Lịch sử", "Nhật ký sửa"]));
      const next = await pane.openTrackingBytes(rolled.bytes, "rolled.xlsx");
      expect(next.workbook.reportYear).toBe(2027);
    }
  );
});

// After every variant (describe blocks run in order; a top-level test would run first).
describe("every output", () => {
  itWithTools(
    ["python3-openpyxl", "soffice"],
    "the pivot table: parts kept byte for byte, still a pivot for openpyxl",
    async () => {
      const pivots = outputs.filter((o) => o.variant === "pivot");
      expect(pivots).toHaveLength(6);
      const seen = runPython<
        { file: string; same: string[]; caches: boolean; pivots: number; table: unknown[] }[]
      >(
        `
import sys, json, re, zipfile, warnings, openpyxl
warnings.simplefilter("ignore")
names = sys.argv[2].split("|")
src = zipfile.ZipFile(sys.argv[1])
out = []
for f in sys.argv[3:]:
    z = zipfile.ZipFile(f)
    wb = z.read("xl/workbook.xml").decode()
    ws = openpyxl.load_workbook(f)["Phân tích"]
    out.append({"file": f, "same": [n for n in names if n in z.namelist() and z.read(n) == src.read(n)],
                "caches": bool(re.search(r'<pivotCache cacheId="7" [^>]*id="rIdPv1"', wb)),
                "pivots": len(ws._pivots),
                "table": [[c.value for c in r] for r in ws.iter_rows(min_row=3, max_col=2)]})
print(json.dumps(out, ensure_ascii=False))`,
        [path.join(dir, "pivot.xlsx"), PIVOT_PARTS.join("|"), ...pivots.map((o) => o.file)]
      );
      for (const s of seen) {
        expect(s.same).toEqual(PIVOT_PARTS);
        expect(s.caches).toBe(true);
        expect(s.pivots).toBe(1);
        expect(s.table.at(-1)).toEqual(["Tổng cộng", expect.any(Number)]);
      }
    }
  );

  itWithTools(
    ["python3-openpyxl", "soffice"],
    "LibreOffice opens every output: note and fixes in place",
    async () => {
      expect(outputs.length).toBe(VARIANTS.length * 6);
      // The fix and the pane's roll-over of each variant (LibreOffice is slow: one batch each).
      const picked = outputs.filter((o) => o.command === "fix" || o.command === "pane-rollover");
      const converted = VARIANTS.flatMap((v) =>
        sofficeConvertAll(
          picked.filter((o) => o.variant === v).map((o) => o.file),
          "xlsx"
        )
      );
      expect(converted).toHaveLength(picked.length);
      const seen = runPython<
        { file: string; note: string | null; status: string | null; own: boolean; pivots: number }[]
      >(
        `
import sys, json, warnings, openpyxl
warnings.simplefilter("ignore")
out = []
for f in sys.argv[1:]:
    wb = openpyxl.load_workbook(f); ws = wb["Nhiệm vụ"]
    head = {c.value: c.column_letter for c in ws[1]}
    c = ws["B3"].comment
    out.append({"file": f, "note": c.text if c else None, "status": ws[head["Trạng thái"] + "2"].value,
                "own": "Ghi chú riêng" in wb.sheetnames,
                "pivots": len(wb["Phân tích"]._pivots) if "Phân tích" in wb.sheetnames else 0})
print(json.dumps(out, ensure_ascii=False))`,
        converted
      );
      for (const s of seen) {
        const o = outputs.find((x) => path.basename(x.file) === path.basename(s.file))!;
        expect(s.note ?? "").toContain(NOTE);
        expect(s.own).toBe(o.variant !== "google-like");
        if (o.command.includes("fix")) expect(s.status).toBe("Hoàn thành");
        // LibreOffice read the pivot table and wrote it back out as one.
        expect(s.pivots).toBe(o.variant === "pivot" ? 1 : 0);
      }
    }
  );
});
