/**
 * A văn bản's signature and "Nơi nhận" never print alone on a page: letters whose body ends at
 * different heights of a page (a sentence added at a time, from well short of the foot to past
 * it) are written by src/docx, printed by LibreOffice, and read back by poppler. On the page that
 * holds "Nơi nhận:", the body's last paragraph prints above it, and the block is whole there.
 */
import path from "node:path";
import { writeFileSync } from "node:fs";
import { writeLetterDocx } from "../../src/docx/write-letter";
import type { Letter } from "../../src/core/papers/letter";
import { readPdf } from "../helpers/pdf-paper";
import { itWithTools, sofficeConvertAll, tempDir } from "../helpers/tools";

function letter(paragraphs: number): Letter {
  return {
    title: "Thử",
    head: {
      issuer: ["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"],
      number: "Số:      /BC-UBND",
      placeDate: "Lâm Đồng, ngày      tháng      năm 2026",
    },
    typeName: "BÁO CÁO",
    subject: "Kết quả thực hiện Kế hoạch số 4784/KH-UBND năm 2026",
    body: [
      ...Array.from({ length: paragraphs }, (_, i) => ({
        kind: "para" as const,
        text: `Đoạn thứ ${i + 1}: các đơn vị đã triển khai nhiệm vụ theo kế hoạch, tổ chức hội nghị và báo cáo kết quả đúng hạn.`,
      })),
      { kind: "para" as const, text: "Câu cuối của thân văn bản CUOI./." },
    ],
    signature: {
      kind: "signature",
      recipients: ["- Các Sở, ban, ngành;", "- UBND các xã, phường;", "- Lưu: VT."],
      signerTitles: ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
      signerName: "Võ Ngọc Hiệp",
    },
    appendices: [],
  };
}

describe("a văn bản's signature stays with the body's last lines", () => {
  itWithTools(
    ["soffice", "pdftotext"],
    "body ending anywhere on a page: 'Nơi nhận' and the signature never alone",
    async () => {
      const dir = tempDir("letter-keep");
      // From a body ending high on page 2 to one past its foot, a paragraph (2 lines) at a time.
      const counts = Array.from({ length: 12 }, (_, i) => 20 + i * 2);
      const files: string[] = [];
      for (const n of counts) {
        const f = path.join(dir, `l-${String(n).padStart(3, "0")}.docx`);
        writeFileSync(f, await writeLetterDocx(letter(n)));
        files.push(f);
      }
      const pdfs = sofficeConvertAll(files, "pdf");
      expect(pdfs).toHaveLength(counts.length);
      const where = new Set<number>();
      pdfs.forEach((pdf, i) => {
        const pages = readPdf(pdf);
        const at = pages.findIndex((p) => p.lines.some((l) => l.text.startsWith("Nơi nhận:")));
        const lines = pages[at].lines.map((l) => l.text);
        const sig = lines.findIndex((t) => t.startsWith("Nơi nhận:"));
        const n = counts[i];
        expect({ n, lastLineAbove: lines.slice(0, sig).join(" ").includes("CUOI./.") }).toEqual({
          n,
          lastLineAbove: true,
        });
        const rest = lines.slice(sig).join("\n");
        for (const part of ["- Lưu: VT.", "PHÓ CHỦ TỊCH", "Võ Ngọc Hiệp"])
          expect({ n, part, here: rest.includes(part) }).toEqual({ n, part, here: true });
        where.add(Math.round(pages[at].lines[sig].yMin / 100));
      });
      // The variants put the block at different heights (the case near the foot is covered).
      expect(where.size).toBeGreaterThanOrEqual(3);
    }
  );
});
