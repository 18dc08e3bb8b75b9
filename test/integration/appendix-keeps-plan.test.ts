/**
 * Printed from a plan, the appendix keeps the plan: its headers ("TT", "Nội dung nhiệm vụ",
 * "Thời gian hoàn thành"), its further column "Sản phẩm", its STT as written ("01"; a row split
 * at its bullets numbered once; no number for a row the plan left unnumbered), its bullets
 * without a stray "- ", and its signer. Plans made by python-docx (test/fixtures/import), imported
 * and printed by the CLI, read back by python-docx.
 */
import path from "node:path";
import { phuluc } from "../helpers/phuluc-cli";
import { itWithTools, runPython, tempDir } from "../helpers/tools";

const FIXTURES = path.join(__dirname, "..", "fixtures", "import");

const READ = `
import sys, json, docx
t = docx.Document(sys.argv[1]).tables[0]
rows = []
for r in t.rows:
    cells, seen = [], set()
    for c in r.cells:
        if id(c._tc) in seen: continue
        seen.add(id(c._tc)); cells.append(c.text)
    rows.append(cells)
print(json.dumps(rows))
`;

function printed(fixture: string): string[][] {
  const dir = tempDir("appendix-plan");
  const wb = path.join(dir, "theo-doi.xlsx");
  const r = phuluc([
    "import",
    path.join(FIXTURES, fixture),
    "-o",
    wb,
    "--year",
    "2025",
    "--date",
    "2025-11-20",
  ]);
  expect(r.code).toBe(0);
  const out = path.join(dir, "phu-luc.docx");
  expect(phuluc(["print", wb, "-o", out]).code).toBe(0);
  return runPython<string[][]>(READ, [out]);
}

describe("the appendix keeps the plan", () => {
  itWithTools(
    ["python3-openpyxl"],
    "headers, 'Sản phẩm' and STT '01' as the plan has them",
    async () => {
      const rows = printed("header-second-row.docx");
      expect(rows[0]).toEqual([
        "TT",
        "Nội dung nhiệm vụ",
        "Cơ quan chủ trì",
        "Cơ quan phối hợp",
        "Thời gian hoàn thành",
        "Sản phẩm",
      ]);
      const task = rows.find((r) => r[1] === "Tuyên truyền Nghị quyết")!;
      expect(task[0]).toBe("01");
      expect(task[5]).toBe("Chuyên mục");
      expect(rows.filter((r) => r[0] === "01")).toHaveLength(1);
    }
  );

  itWithTools(
    ["python3-openpyxl"],
    "bullets: STT once, no made-up number, no stray '- '",
    async () => {
      const rows = printed("bullets.docx").slice(1);
      const at = (title: string) => rows.find((r) => r[1] === title)!;
      // "1.1" split into two tasks: its number printed once.
      expect(at("Tổ chức hội nghị")[0]).toBe("1.1");
      expect(at("Xuất bản ấn phẩm")[0]).toBe("");
      expect(rows.filter((r) => r[0] === "1.1")).toHaveLength(1);
      // The row the plan left unnumbered prints no number.
      expect(at("Nhiệm vụ chưa đánh số")[0]).toBe("");
      for (const r of rows) expect(r[1]).not.toMatch(/^- /);
      for (const r of rows) expect(r[0]).not.toMatch(/\(\d+\)/);
    }
  );
});
