/**
 * `phuluc import` end to end, as an officer runs it: real files in, a real .xlsx out, read back
 * by an independent reader (openpyxl from Debian's python3).
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { LAM_DONG_DOCX, SEED_LAM_DONG } from "../helpers/shared-paths";
import { phuluc } from "../helpers/phuluc-cli";

const fixture = LAM_DONG_DOCX;
const seed004 = SEED_LAM_DONG;

function openpyxl(script: string, file: string): unknown {
  const r = spawnSync("/usr/bin/python3", ["-c", script, file], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`openpyxl failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** The task rows, the "Đơn vị" directory (name, Thuộc nhóm, successor's date) and the summary's labels. */
const ROWS_SCRIPT = `import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Nhiệm vụ"]
header = [c.value for c in ws[1]]
rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2) if r[0].value]
dv = wb["Đơn vị"]
h = [c.value for c in dv[1]]
members = [{"name": r[h.index("Tên đơn vị")], "kind": r[h.index("Loại")],
  "memberOf": [x.strip() for x in (r[h.index("Thuộc nhóm")] or "").split(";") if x.strip()],
  "effective": r[h.index("Ngày hiệu lực")].strftime("%Y-%m-%d") if r[h.index("Ngày hiệu lực")] else None}
  for r in dv.iter_rows(min_row=2, values_only=True) if r[0]]
summary = [r[1] for r in wb["Tổng hợp"].iter_rows(values_only=True) if len(r) > 1 and isinstance(r[1], str)]
print(json.dumps({"sheets": wb.sheetnames, "states": [wb[n].sheet_state for n in wb.sheetnames],
  "header": header, "rows": rows, "tables": list(ws.tables.keys()), "members": members,
  "summary": summary}, default=str, ensure_ascii=False))`;

const sha = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");

describe("phuluc import", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "phuluc-cli-"));

  test("the Lâm Đồng plan: 5 groups, 29 tasks, all agencies matched, workbook readable by openpyxl", () => {
    const before = sha(fixture);
    const out = path.join(dir, "lam-dong.xlsx");
    const r = phuluc([
      "import",
      fixture,
      "-o",
      out,
      "--json",
      "--year",
      "2026",
      "--date",
      "2026-11-21",
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.plan.number).toBe("4784/KH-UBND");
    expect(json.plan.issuedOn).toBe("2024-06-13");
    expect(json.plan.period).toEqual({ from: 2024, to: 2030 });
    expect(json.groups).toHaveLength(5);
    expect(json.tasks).toHaveLength(29);
    expect(json.findings.filter((f: { code: string }) => /AGENCY/.test(f.code))).toEqual([]);
    const t43 = json.tasks.find((t: { stt: string }) => t.stt === "4.3");
    expect(t43.lead).toEqual(["Công an tỉnh", "Bộ Chỉ huy quân sự tỉnh"]);
    const t32 = json.tasks.find((t: { stt: string }) => t.stt === "3.2");
    expect(t32.lead).toEqual(["Sở Văn hóa, Thể thao và Du lịch"]);
    expect(t32.years).toEqual([2024, 2025, 2026, 2027, 2028, 2029, 2030]);
    expect(sha(fixture)).toBe(before); // the source is never modified

    const book = openpyxl(ROWS_SCRIPT, out) as {
      sheets: string[];
      states: string[];
      header: string[];
      rows: string[][];
      tables: string[];
      members: { name: string; kind: string; memberOf: string[]; effective: string | null }[];
      summary: string[];
    };
    expect(book.sheets).toEqual(
      expect.arrayContaining(["Thông tin", "Nhiệm vụ", "Đơn vị", "_phuluc"])
    );
    expect(book.states[book.sheets.indexOf("_phuluc")]).toBe("veryHidden");
    expect(book.tables).toContain("NhiemVu");
    const keyCol = book.header.indexOf("Mã nhiệm vụ");
    const leadCol = book.header.indexOf("Đơn vị chủ trì");
    expect(keyCol).toBeGreaterThanOrEqual(0);
    // One row per (task, lead): task 4.3 has two leads. "Các Sở, ban, ngành" is expanded into
    // one row per member existing on the report date, as the workbook's own "Đơn vị" directory
    // says (every "Sở" by its kind, others by "Thuộc nhóm"; successors); "UBND các huyện, thành
    // phố" has no members: one row.
    const members = book.members.filter(
      (m) =>
        (m.kind === "Sở" || m.memberOf.includes("Các Sở, ban, ngành")) &&
        !(m.effective && m.effective <= "2026-11-21")
    );
    expect(members.map((m) => m.name)).toEqual(
      expect.arrayContaining(["Sở Nội vụ", "Sở Tài chính", "Sở Khoa học và Công nghệ"])
    );
    const rowsOf = (lead: string) => (lead === "Các Sở, ban, ngành" ? members.length : 1);
    const expectedRows = json.tasks.reduce(
      (n: number, t: { lead: string[] }) =>
        n +
        Math.max(
          1,
          t.lead.reduce((k, l) => k + rowsOf(l), 0)
        ),
      0
    );
    expect(book.rows).toHaveLength(expectedRows);
    const leadsOf = (key: string) =>
      book.rows.filter((r) => r[keyCol] === key).map((r) => r[leadCol]);
    const t11 = json.tasks.find((t: { stt: string }) => t.stt === "1.1");
    expect(t11.lead).toEqual(["Các Sở, ban, ngành", "UBND các huyện, thành phố"]);
    const rows11 = leadsOf(t11.key);
    expect(rows11).toEqual(
      expect.arrayContaining(["Sở Nội vụ", "Sở Tài chính", "UBND các xã, phường"]) // districts: 2026's communes
    );
    expect(rows11).toHaveLength(members.length + 1);
    expect(rows11).not.toContain("Sở Thông tin và Truyền thông"); // gone in 2026: KH&CN reports
    // The plan's assignment stays visible on every row.
    const allCol = book.header.indexOf("Các đơn vị chủ trì");
    expect(book.rows.find((r) => r[keyCol] === t11.key)?.[allCol]).toBe(
      "Các Sở, ban, ngành; UBND các huyện, thành phố"
    );
    expect(leadsOf(t43.key)).toEqual(["Công an tỉnh", "Bộ Chỉ huy quân sự tỉnh"]);
    // The directory is the plan's province's: its newspaper by name, as the importer matched
    // it (task 2.3's partners), so the agency dropdown offers what the rows say.
    const directory = book.members.map((m) => m.name);
    expect(directory).toContain("Báo Lâm Đồng");
    expect(directory).not.toContain("Báo tỉnh");
    const t23 = json.tasks.find((t: { stt: string }) => t.stt === "2.3");
    expect(t23.partners).toContain("Báo Lâm Đồng");
    // The summary lists the member agencies as leads.
    expect(book.summary).toEqual(expect.arrayContaining(["Sở Nội vụ", "Sở Y tế", "Công an tỉnh"]));
    expect(json.findings.map((f: { code: string }) => f.code)).toContain(
      "COLLECTIVE_WITHOUT_MEMBERS"
    );

    // --no-expand: one row per lead as the plan writes it (the JSON's lead lists).
    const flat = path.join(dir, "lam-dong-flat.xlsx");
    const r2 = phuluc(["import", fixture, "-o", flat, "--no-expand", "--date", "2026-11-21"]);
    expect(r2.code).toBe(0);
    expect(r2.stderr).not.toContain("COLLECTIVE_WITHOUT_MEMBERS");
    const flatBook = openpyxl(ROWS_SCRIPT, flat) as { rows: string[][] };
    expect(flatBook.rows).toHaveLength(
      json.tasks.reduce((n: number, t: { lead: string[] }) => n + Math.max(1, t.lead.length), 0)
    );
  });

  test("pasted text from stdin (the web layout of seed 004) gives the same tasks", () => {
    const r = phuluc(["import", "-", "--json"], readFileSync(seed004, "utf8"));
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.groups).toHaveLength(5);
    expect(json.tasks).toHaveLength(29);
  });

  test("unreadable inputs exit 2 with a Vietnamese message naming the file, and write nothing", () => {
    const truncated = path.join(dir, "hong.docx");
    writeFileSync(truncated, readFileSync(fixture).subarray(0, 5000));
    const legacy = path.join(dir, "cu.doc");
    writeFileSync(
      legacy,
      Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.alloc(2048),
      ])
    );
    for (const bad of [truncated, legacy]) {
      const out = path.join(dir, path.basename(bad) + ".xlsx");
      const r = phuluc(["import", bad, "-o", out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(path.basename(bad));
      expect(existsSync(out)).toBe(false);
    }
    const missing = phuluc([
      "import",
      path.join(dir, "khong-co.docx"),
      "-o",
      path.join(dir, "x.xlsx"),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("không tồn tại");
  });

  test("runs from any directory, as an installed `phuluc` bin does", () => {
    const r = phuluc(["import", fixture, "--json"], undefined, dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).tasks).toHaveLength(29);
  });

  test("refuses to overwrite the source or an existing output without --force", () => {
    const r = phuluc(["import", fixture, "-o", fixture]);
    expect(r.code).toBe(2);
    const out = path.join(dir, "co-san.xlsx");
    writeFileSync(out, "officer's file");
    const r2 = phuluc(["import", fixture, "-o", out]);
    expect(r2.code).toBe(2);
    expect(readFileSync(out, "utf8")).toBe("officer's file");
  });
});
