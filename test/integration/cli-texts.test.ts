/**
 * `phuluc texts`: a NEW tracking workbook with the "Mẫu in" sheet. openpyxl reads the sheet,
 * an officer's edit (made with openpyxl) is what the next `phuluc print` signs with (read back
 * by python-docx), an older "Mẫu in" is kept under another name, and the input file is never
 * modified (same bytes), nor overwritten when given as the output.
 */
import { readFileSync } from "fs";
import path from "path";
import { importLamDong, phuluc } from "../helpers/phuluc-cli";
import { itWithTools, runPython, tempDir } from "../helpers/tools";

const READ_TEXTS = `
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": wb.sheetnames, "rows": {}}
for name in wb.sheetnames:
    if name.startswith("Mẫu in"):
        out["rows"][name] = [[c if c is not None else "" for c in r] for r in wb[name].iter_rows(values_only=True)]
print(json.dumps(out))
`;

/** The officer edits the signer's name and adds a recipient line in "Mẫu in". */
const EDIT_TEXTS = `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Mẫu in"]
for r in range(1, ws.max_row + 1):
    if ws.cell(r, 1).value == "Người ký": ws.cell(r, 2).value = "Trần Thị Bình"
    if ws.cell(r, 2).value == "- Lưu: VT.":
        ws.insert_rows(r)
        ws.cell(r, 2).value = "- Sở Văn hóa, Thể thao và Du lịch;"
        break
wb.save(sys.argv[2])
print("null")
`;

const DOCX_TEXT = `
import sys, json, docx
d = docx.Document(sys.argv[1])
parts = [p.text for p in d.paragraphs]
for t in d.tables:
    for row in t.rows:
        for c in row.cells: parts.append(c.text)
print(json.dumps("\\n".join(parts)))
`;

describe("phuluc texts", () => {
  itWithTools(
    ["python3-openpyxl"],
    "writes a new workbook with 'Mẫu in'; the next print uses the edits",
    async () => {
      const dir = tempDir("cli-texts");
      const wb = importLamDong(path.join(dir, "theo-doi.xlsx"));
      const before = readFileSync(wb);
      const out = path.join(dir, "mau-in.xlsx");
      const r = phuluc(["texts", wb, "-o", out, "--signer", "Nguyễn Văn A"]);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expect(readFileSync(wb).equals(before)).toBe(true);

      const read = runPython<{ sheets: string[]; rows: Record<string, string[][]> }>(READ_TEXTS, [
        out,
      ]);
      expect(read.sheets).toEqual(expect.arrayContaining(["Nhiệm vụ", "Tổng hợp", "Mẫu in"]));
      const rows = read.rows["Mẫu in"];
      expect(rows[0]).toEqual(["Mục", "Nội dung"]);
      const value = (key: string) => rows.find((x) => x[0] === key)?.[1];
      expect(value("Người ký")).toBe("Nguyễn Văn A");
      expect(value("Tiêu đề phụ lục")).toBe("Phụ lục");
      expect(value("Dòng kèm theo")).toMatch(/^\(Kèm theo Kế hoạch số 4784\/KH-UBND/);
      expect(rows.map((x) => x[1])).toEqual(expect.arrayContaining(["PHÓ CHỦ TỊCH", "- Lưu: VT."]));

      // The officer edits the sheet; the next print signs with the edits.
      const edited = path.join(dir, "da-sua.xlsx");
      runPython(EDIT_TEXTS, [out, edited]);
      const docx = path.join(dir, "phu-luc.docx");
      expect(phuluc(["print", edited, "-o", docx]).code).toBe(0);
      const text = runPython<string>(DOCX_TEXT, [docx]);
      expect(String(text)).toMatch(/Trần Thị Bình/);
      expect(String(text)).toMatch(/- Sở Văn hóa, Thể thao và Du lịch;/);
      expect(String(text)).not.toMatch(/Nguyễn Văn A/);

      // Again on a workbook that has "Mẫu in": the old one is kept, renamed; the new has its texts.
      const again = path.join(dir, "lan-2.xlsx");
      expect(phuluc(["texts", edited, "-o", again, "--heading", "Phụ lục II"]).code).toBe(0);
      const read2 = runPython<{ sheets: string[]; rows: Record<string, string[][]> }>(READ_TEXTS, [
        again,
      ]);
      expect(read2.sheets).toEqual(expect.arrayContaining(["Mẫu in", "Mẫu in (cũ)"]));
      const rows2 = read2.rows["Mẫu in"];
      expect(rows2.find((x) => x[0] === "Tiêu đề phụ lục")?.[1]).toBe("Phụ lục II");
      expect(rows2.find((x) => x[0] === "Người ký")?.[1]).toBe("Trần Thị Bình");
      expect(read2.rows["Mẫu in (cũ)"].find((x) => x[0] === "Tiêu đề phụ lục")?.[1]).toBe(
        "Phụ lục"
      );
    }
  );

  itWithTools(
    ["python3-openpyxl"],
    "never writes over its input; refuses an output that is not .xlsx",
    async () => {
      const dir = tempDir("cli-texts-bad");
      const wb = importLamDong(path.join(dir, "theo-doi.xlsx"));
      const before = readFileSync(wb);
      const same = phuluc(["texts", wb, "-o", wb, "--force"]);
      expect(same.code).toBe(2);
      expect(same.stderr).toMatch(/trùng với tệp nguồn/);
      const docx = phuluc(["texts", wb, "-o", path.join(dir, "mau-in.docx")]);
      expect(docx.code).toBe(2);
      expect(docx.stderr).toMatch(/\.xlsx/);
      expect(readFileSync(wb).equals(before)).toBe(true);
    }
  );
});
