/**
 * "Nơi nhận" and the signature never print alone on the appendix's last page. The Lâm Đồng
 * workbook's last task is lengthened by openpyxl (as an officer's typing would) by different
 * amounts, so the table ends at different heights of its last page: short, near the foot,
 * past it, and a last row taller than a page. Each `phuluc print` .xlsx is printed by
 * LibreOffice to PDF, and poppler reads the last page: the signature block is there, and so
 * are words of the table's last row.
 */
import path from "path";
import { importLamDong, phuluc } from "../helpers/phuluc-cli";
import { readPdf } from "../helpers/pdf-paper";
import { itWithTools, requireTool, runPython, sofficeConvertAll, tempDir } from "../helpers/tools";

const TOOLS = ["soffice", "pdftotext", "python3-openpyxl"] as const;

/** Writes variant k: the last task with k×4 sentences added, each with its own number word. */
const LENGTHEN_LAST = `
import sys, json, openpyxl
src, dst, k = sys.argv[1], sys.argv[2], int(sys.argv[3])
wb = openpyxl.load_workbook(src)
ws = wb["Nhiệm vụ"]
head = {c.value: c.column for c in ws[1]}
keys = [ws.cell(r, head["Mã nhiệm vụ"]).value for r in range(2, ws.max_row + 1)]
last = [k for k in keys if k][-1]
extra = " ".join(f"bổ sung nội dung câu{i} cho nhiệm vụ cuối" for i in range(1, k * 4 + 1))
for r in range(2, ws.max_row + 1):
    if ws.cell(r, head["Mã nhiệm vụ"]).value == last:
        title = ws.cell(r, head["Nhiệm vụ"]).value or ""
        ws.cell(r, head["Nhiệm vụ"]).value = (title + " " + extra).strip()
wb.save(dst)
print(json.dumps({"title": title}))
`;

describe("phuluc print .xlsx: the signature keeps the table's last rows on its page", () => {
  itWithTools(
    [...TOOLS],
    "every variant's last page holds the last row's words and the whole block",
    async () => {
      if (!TOOLS.every((t) => requireTool(t))) return;
      const dir = tempDir("keep-signature");
      const wb = importLamDong(path.join(dir, "theo-doi.xlsx"));
      const variants = [0, 1, 3, 4, 6, 9, 11];
      const outs: string[] = [];
      const titles: string[] = [];
      for (const k of variants) {
        const edited = path.join(dir, `v${k}.xlsx`);
        titles.push(runPython<{ title: string }>(LENGTHEN_LAST, [wb, edited, String(k)]).title);
        const out = path.join(dir, `phu-luc-${String(k).padStart(2, "0")}.xlsx`);
        const r = phuluc(["print", edited, "-o", out]);
        expect(r.code).toBe(0);
        outs.push(out);
      }
      const pdfs = sofficeConvertAll(outs, "pdf");
      expect(pdfs).toHaveLength(variants.length);
      const pageCounts = new Set<number>();
      pdfs.forEach((pdf, i) => {
        const k = variants[i];
        const pages = readPdf(pdf);
        pageCounts.add(pages.length);
        const last = pages[pages.length - 1].lines.map((l) => l.text).join("\n");
        // The whole block on the last page…
        for (const part of [/Nơi nhận:/, /- Lưu: VT\./, /TM\. ỦY BAN NHÂN DÂN/, /PHÓ CHỦ TỊCH/])
          expect({ k, block: part.test(last) }).toEqual({ k, block: true });
        // …with the table's last row (its added sentences, or the plan's text when none).
        const ownWords =
          k > 0 ? /câu\d+ cho nhiệm vụ cuối/.test(last) : last.includes(titles[i].slice(0, 30));
        expect({ k, lastRowOnLastPage: ownWords }).toEqual({ k, lastRowOnLastPage: true });
        // Nothing of the block on an earlier page (not cut in two).
        const before = pages
          .slice(0, -1)
          .flatMap((p) => p.lines.map((l) => l.text))
          .join("\n");
        expect({ k, blockEarlier: /Nơi nhận:|PHÓ CHỦ TỊCH/.test(before) }).toEqual({
          k,
          blockEarlier: false,
        });
      });
      // The variants really end at different places (the test covers more than one case).
      expect(pageCounts.size).toBeGreaterThanOrEqual(3);
    }
  );
});
