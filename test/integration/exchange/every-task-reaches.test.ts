/**
 * Every task reaches someone (issue 14), end to end through the CLI on a plan written by
 * python-docx, returns filled by openpyxl, the province report read back by python-docx:
 * - collectives without members, empty ("..", "-") leads and phrases naming nobody never
 *   silently reach nobody: import asks, `distribute --json` lists them in "unassigned", the
 *   consolidation's coverage and the province report show them; Σ lead rows in the files +
 *   unassigned = the lead rows of the year;
 * - "các đơn vị có liên quan" stays the plan's words on the task and is nobody's file or line;
 * - every Sở of the year belongs to "Các Sở, ban, ngành" (Sở Ngoại vụ in 2024), by its kind;
 * - a merged partner cell whose lines fit no task count is flagged, given to no task;
 * - agencies the directory does not know are added once (case, spacing folded), so their
 *   files come back accepted, not refused as "không có trong danh mục".
 */
import fs from "node:fs";
import path from "node:path";
import { phuluc } from "../../helpers/phuluc-cli";
import { itWithTools, runPython, tempDir } from "../../helpers/tools";
import { planDocxScript, tuyenQuang88 } from "../../helpers/plan-docx-script";

const PLAN = planDocxScript(
  tuyenQuang88(2024),
  [
    ["I", "NHIỆM VỤ CHUNG", "", "", ""],
    [
      "1",
      "Tuyên truyền trên báo chí",
      "Các cơ quan báo chí tỉnh",
      "Sở Thông tin và Truyền thông",
      "Năm 2024",
    ],
    ["2", "Thông tin cơ sở", "UBND các xã, phường", "Các cơ quan, đơn vị liên quan", "Năm 2024"],
    ["3", "Rà soát văn bản", "Các Sở, ban, ngành", "các đơn vị có liên quan", "Năm 2024"],
    ["4", "Dự án hạ tầng số", "Ban Dự án số 1 tỉnh Tuyên Quang", "Sở Tài chính", "Năm 2024"],
    ["5", "Quản lý khu Xyz", "Ban Quản lý Xyz", "", "Năm 2024"],
    ["6", "Quản lý khu Xyz lần hai", "BAN QUẢN LÝ XYZ", "Sở Y tế", "Năm 2024"],
    ["7", "Việc không rõ ai làm", "..", "", "Năm 2024"],
    ["8", "Việc khác không rõ", "-", "Sở Y tế", "Năm 2024"],
    ["9", "Quản lý khu Xyz lần ba", "Ban  quản lý  Xyz", "", "Năm 2024"],
    ["10", "Việc D", "", "", "Năm 2024"],
    ["11", "Việc E", "", "", "Năm 2024"],
    ["12", "Việc F", "", "", "Năm 2024"],
    ["13", "Việc G", "", "", "Năm 2024"],
    ["14", "Việc H", "", "", "Năm 2024"],
  ],
  [
    { from: "10", to: "12", lead: "Sở Tư pháp", partners: "Sở Nội vụ\nSở Tài chính" },
    { from: "13", to: "14", lead: "Sở Tư pháp", partners: "Sở Nội vụ\nSở Tài chính" },
  ]
);

/** Statuses typed by the agency in its distributed file (openpyxl). */
const FILL = `
import sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["Chủ trì"]
head = {c.value: c.column for c in ws[5]}
keys = []
for r in range(6, ws.max_row + 1):
    k = ws.cell(r, head["Mã nhiệm vụ"]).value
    if not k: continue
    ws.cell(r, head["Trạng thái"]).value = "Hoàn thành"
    ws.cell(r, head["Ngày hoàn thành"]).value = datetime.datetime(2024, 10, 5)
    ws.cell(r, head["Kết quả thực hiện"]).value = "Đã xong " + k
    keys.append(k)
wb.save(sys.argv[2]); print(len(keys))
`;

const AGENCIES = `
import sys, json, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Đơn vị"]
head = {c.value: c.column for c in ws[1]}
print(json.dumps([[ws.cell(r, 1).value, ws.cell(r, head["Loại"]).value] for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value], ensure_ascii=False))
`;

const PARTNERS = `
import sys, json, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Nhiệm vụ"]
head = {c.value: c.column for c in ws[1]}
out = {}
for r in range(2, ws.max_row + 1):
    out[ws.cell(r, head["Mã nhiệm vụ"]).value] = ws.cell(r, head["Đơn vị phối hợp"]).value or ""
print(json.dumps(out, ensure_ascii=False))
`;

const DOCX_TEXT = `
import sys, json
from docx import Document
d = Document(sys.argv[1])
cells = [[c.text for c in r.cells] for t in d.tables for r in t.rows]
print(json.dumps({"paragraphs": [p.text for p in d.paragraphs], "rows": cells}, ensure_ascii=False))
`;

interface Finding {
  code: string;
  message: string;
}
interface Unassigned {
  task: string;
  lead: string;
  why: string;
}
interface DistributeJson {
  files: { agency: string; file: string; lead: number; partner: number }[];
  unassigned: Unassigned[];
}

describe("every task reaches someone", () => {
  itWithTools(
    ["python3-openpyxl"],
    "import asks, distribute lists the unassigned, consolidate accepts the added agencies, report shows them",
    async () => {
      const dir = tempDir("reach");
      const plan = path.join(dir, "ke-hoach.docx");
      runPython(PLAN, [plan]);
      const args = ["--year", "2024", "--date", "2024-12-20"];

      // The preview's questions (CLI): members of a collective without any, a lead naming
      // nobody, agencies added to the directory (one, whatever the case and spacing).
      const preview = phuluc(["import", plan, ...args, "--json"]);
      expect(preview.code).toBe(0);
      const imported = JSON.parse(preview.stdout) as {
        tasks: { key: string; stt: string; lead: string[]; partners: string[] }[];
        findings: Finding[];
      };
      const codes = (code: string) => imported.findings.filter((f) => f.code === code);
      const noMembers = codes("COLLECTIVE_WITHOUT_MEMBERS").map((f) => f.message);
      expect(noMembers).toHaveLength(2);
      expect(noMembers[0]).toContain('"Các cơ quan báo chí tỉnh"');
      expect(noMembers[1]).toContain('"UBND các xã, phường"');
      const leadless = codes("LEAD_MISSING").map((f) => f.message);
      expect(leadless).toEqual([
        expect.stringContaining('ghi "..", không nêu đơn vị nào'),
        expect.stringContaining('ghi "-", không nêu đơn vị nào'),
      ]);
      const added = codes("AGENCY_ADDED").map((f) => f.message);
      expect(added).toHaveLength(2);
      expect(added[0]).toContain('"Ban Dự án số 1 tỉnh Tuyên Quang"');
      expect(added[1]).toMatch(/"Ban Quản lý Xyz".*"BAN QUẢN LÝ XYZ", "Ban quản lý Xyz"/);
      // Partners on 2 lines for 3 tasks of a merged lead cell: flagged, given to none; on 2
      // lines for 2 tasks: one each.
      const mismatch = codes("BULLET_MISMATCH").map((f) => f.message);
      expect(mismatch).toHaveLength(1);
      expect(mismatch[0]).toMatch(/gộp cho 3 nhiệm vụ ghi 2 dòng/);
      const task = (stt: string) => imported.tasks.find((t) => t.stt === stt)!;
      for (const stt of ["10", "11", "12"]) expect(task(stt).partners).toEqual([]);
      expect(task("13").partners).toEqual(["Sở Nội vụ"]);
      expect(task("14").partners).toEqual(["Sở Tài chính"]);
      // The plan's words stay on the task.
      expect(task("3").partners).toEqual(["các đơn vị có liên quan"]);

      const master = path.join(dir, "theo-doi.xlsx");
      const built = phuluc(["import", plan, ...args, "-o", master]);
      expect(built.code).toBe(0);
      expect(built.stderr).toContain('--members "Các cơ quan báo chí tỉnh=');
      const directory = runPython<[string, string][]>(AGENCIES, [master]);
      const listed = directory.map(([n]) => n);
      expect(listed).not.toContain("Các cơ quan, đơn vị liên quan");
      expect(listed).not.toContain("Sở Du lịch");
      expect(directory).toContainEqual(["Ban Dự án số 1 tỉnh Tuyên Quang", "Ban"]);
      expect(listed.filter((n) => /xyz/i.test(n))).toEqual(["Ban Quản lý Xyz"]);
      const partnerCells = runPython<Record<string, string>>(PARTNERS, [master]);
      expect(partnerCells.T2).toBe("Các cơ quan, đơn vị liên quan");

      const gui = path.join(dir, "gui");
      const dist = phuluc(["distribute", master, "--year", "2024", "-o", gui, "--json"]);
      expect(dist.code).toBe(0);
      const d = JSON.parse(dist.stdout) as DistributeJson;
      const agencies = d.files.map((f) => f.agency);
      // Every Sở of 2024 is a member of "Các Sở, ban, ngành": Sở Ngoại vụ too.
      expect(agencies).toContain("Sở Ngoại vụ");
      expect(agencies.filter((a) => /liên quan/i.test(a))).toEqual([]);
      expect(d.files.filter((f) => /xyz/i.test(f.agency))).toEqual([
        expect.objectContaining({ agency: "Ban Quản lý Xyz", lead: 3 }),
      ]);
      expect(d.unassigned.map((u) => [u.task, u.lead])).toEqual([
        ["T1", "Các cơ quan báo chí tỉnh"],
        ["T2", "UBND các xã, phường"],
        ["T7", ""],
        ["T8", ""],
      ]);
      expect(d.unassigned[0].why).toMatch(/chưa có đơn vị thành viên/);
      expect(d.unassigned[2].why).toMatch(/Chưa có đơn vị chủ trì/);

      // Σ lead rows in the files + unassigned = the lead rows of the year (rollup counts them).
      const r = phuluc(["rollup", master, ...args, "--json"]);
      expect(r.code).toBe(0);
      const roll = JSON.parse(r.stdout) as {
        province: { total: number };
        agencies: { agency: string; role: string; total: number }[];
      };
      const inFiles = d.files.reduce((n, f) => n + f.lead, 0);
      expect(inFiles + d.unassigned.length).toBe(roll.province.total);
      // Nobody's line for the phrases; one line for the agency spelled three ways.
      expect(roll.agencies.filter((a) => /liên quan/i.test(a.agency))).toEqual([]);
      expect(roll.agencies.filter((a) => /xyz/i.test(a.agency))).toEqual([
        expect.objectContaining({ agency: "Ban Quản lý Xyz", role: "lead", total: 3 }),
      ]);

      // The returns of agencies the plan alone named are accepted, not refused.
      const returned = ["Ban Dự án số 1 tỉnh Tuyên Quang", "Ban Quản lý Xyz"].map((a) => {
        const sent = d.files.find((f) => f.agency === a)!;
        const out = path.join(dir, `tra-ve-${sent.file}`);
        runPython(FILL, [path.join(gui, sent.file), out]);
        return out;
      });
      const merged = path.join(dir, "tong-hop.xlsx");
      const c = phuluc([
        "consolidate",
        master,
        ...returned,
        "--year",
        "2024",
        "--date",
        "2024-12-20",
        "-o",
        merged,
        "--json",
      ]);
      expect(c.code).toBe(0);
      const cons = JSON.parse(c.stdout) as {
        received: { agency: string }[];
        rejected: unknown[];
        unassigned: Unassigned[];
      };
      expect(cons.rejected).toEqual([]);
      expect(cons.received.map((x) => x.agency).sort()).toEqual([
        "Ban Dự án số 1 tỉnh Tuyên Quang",
        "Ban Quản lý Xyz",
      ]);
      expect(cons.unassigned).toEqual(d.unassigned);

      // The province report says which tasks reach nobody.
      const docx = path.join(dir, "bao-cao-tinh.docx");
      const rep = phuluc(["report", merged, ...args, "--province", "-o", docx]);
      expect(rep.code).toBe(0);
      expect(fs.existsSync(docx)).toBe(true);
      const text = runPython<{ paragraphs: string[]; rows: string[][] }>(DOCX_TEXT, [docx]);
      expect(text.paragraphs).toContain(
        "4 nhiệm vụ chưa giao cho đơn vị nào nên không có đơn vị báo cáo:"
      );
      const row = (title: string) =>
        text.rows.find((x) => x[1] === title && /chưa|không/i.test(x[2] ?? ""));
      expect(row("Tuyên truyền trên báo chí")?.[2]).toMatch(/Các cơ quan báo chí tỉnh/);
      expect(row("Việc không rõ ai làm")?.[2]).toBe("Chưa có đơn vị chủ trì");
    },
    180000
  );
});
