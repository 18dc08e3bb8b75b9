/**
 * Text an agency writes under the table after a blank row (a note across merged cells, a line
 * beyond the table's columns), then its signature block: the notes are named to the officer
 * with their rows and words, nothing merged into a task; the signature block is not. Made by
 * openpyxl, re-saved by LibreOffice, consolidated by the CLI.
 */
import path from "node:path";
import { importLamDong, phuluc } from "../../helpers/phuluc-cli";
import { itWithTools, runPython, sofficeConvert, tempDir } from "../../helpers/tools";

const VH = "Sở Văn hóa, Thể thao và Du lịch";

itWithTools(
  ["python3-openpyxl", "soffice"],
  "notes under the table are named with their rows; the signature block is not",
  async () => {
    const dir = tempDir("notes-below");
    const master = importLamDong(path.join(dir, "theo-doi.xlsx"));
    const gui = path.join(dir, "gui");
    expect(phuluc(["distribute", master, "--year", "2026", "-o", gui]).code).toBe(0);
    const file = path.join(dir, "bao-cao.xlsx");
    const { last } = runPython<{ last: number }>(
      `import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["Chủ trì"]
head = {c.value: c.column for c in ws[5] if c.value}
rows = [r for r in range(6, ws.max_row + 1) if ws.cell(r, 1).value]
for r in rows:
    ws.cell(r, head["Trạng thái"]).value = "Đang thực hiện"
    ws.cell(r, head["Kết quả thực hiện"]).value = "KQ-" + ws.cell(r, 1).value
last = rows[-1]
# a blank row, a note over merged cells, a second line beyond the table's columns
ws.cell(last + 2, 4).value = "Ghi chú: nhiệm vụ 3.12 chuyển sang năm 2027 do chưa bố trí kinh phí"
ws.merge_cells(start_row=last + 2, end_row=last + 2, start_column=4, end_column=10)
ws.cell(last + 3, 16).value = "Đề nghị Sở Tài chính bổ sung 200 triệu đồng"
# a second note after another blank row, in the result column
ws.cell(last + 5, head["Kết quả thực hiện"]).value = "Ngoài ra đã tổ chức 2 hội nghị"
# the signature block
ws.cell(last + 7, 10).value = "Lâm Đồng, ngày 20 tháng 11 năm 2026"
ws.cell(last + 8, 10).value = "GIÁM ĐỐC"
ws.cell(last + 11, 10).value = "Nguyễn Văn A"
ws.cell(last + 8, 1).value = "Nơi nhận:"
ws.cell(last + 9, 1).value = "- Như trên;"
wb.save(sys.argv[2]); print(json.dumps({"last": last}))`,
      [path.join(gui, `2026 - ${VH} - Báo cáo KH 4784.xlsx`), file]
    );
    const resaved = sofficeConvert(file, "xlsx");
    const name = path.basename(resaved);
    const out = path.join(dir, "tong-hop.xlsx");
    const r = phuluc(["consolidate", master, resaved, "--year", "2026", "-o", out]);
    expect(r.code).toBe(0);
    const notes = r.stdout.split("\n").filter((l) => l.includes("dưới bảng"));
    const at = (row: string) => `Lưu ý\t${name}\tTệp "${name}", trang "Chủ trì", dòng ${row}`;
    expect(notes).toEqual([
      `${at(`${last + 2}–${last + 3}`)}: dưới bảng có ghi "Ghi chú: nhiệm vụ 3.12 chuyển sang năm 2027 do chưa bố trí kinh phí / Đề nghị Sở Tài chính bổ sung 200 triệu đồng", không thuộc dòng nhiệm vụ nào: CHƯA được tổng hợp vào nhiệm vụ nào (đã chép nguyên văn vào trang "Tiếp nhận"). Hãy đọc; nếu là báo cáo của một nhiệm vụ, chép vào dòng của nhiệm vụ đó rồi tổng hợp lại.`,
      `${at(`${last + 5}`)}: dưới bảng có ghi "Ngoài ra đã tổ chức 2 hội nghị", không thuộc dòng nhiệm vụ nào: CHƯA được tổng hợp vào nhiệm vụ nào (đã chép nguyên văn vào trang "Tiếp nhận"). Hãy đọc; nếu là báo cáo của một nhiệm vụ, chép vào dòng của nhiệm vụ đó rồi tổng hợp lại.`,
    ]);
    expect(r.stdout).not.toContain("Nguyễn Văn A");
    // Nothing of the notes went into a task.
    const results = runPython<string[]>(
      `import sys, json, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Nhiệm vụ"]
head = {c.value: c.column for c in ws[1]}
print(json.dumps([ws.cell(r, head["Kết quả thực hiện"]).value for r in range(2, ws.max_row + 1) if ws.cell(r, head["Kết quả thực hiện"]).value]))`,
      [out]
    );
    expect(results).toHaveLength(13);
    expect(results.every((t) => /^KQ-T[\d.]+$/.test(t))).toBe(true);
  },
  120000
);
