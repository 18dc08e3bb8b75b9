/**
 * The papers that get signed, looked at on paper: `phuluc print` and `phuluc report` files
 * printed by LibreOffice headless to PDF and read back with poppler (pdfinfo, pdftotext -bbox):
 * every page A4 landscape, the table's header row first on every page, page 2 numbered at the
 * top and page 1 not, every task's words printed (NFC), nothing past the page's margins, and
 * a 2,000-task plan within a sane page count. Tall rows (a task longer than a page, 40 partner
 * agencies) are edited in by openpyxl, as an officer's typing would.
 */
import { readFileSync, writeFileSync } from "fs";
import path from "path";
import { importLamDong, phuluc } from "../helpers/phuluc-cli";
import { MM, missingWords, readPdf, type PdfPage } from "../helpers/pdf-paper";
import { itWithTools, requireTool, runPython, sofficeConvert, tempDir } from "../helpers/tools";
import { makePlanDocx } from "../bench/make-plan-docx";

const TOOLS = ["soffice", "pdftotext", "python3-openpyxl"] as const;
const ready = () => TOOLS.every((t) => requireTool(t));

/** Titles of the tasks and groups in a tracking workbook, as openpyxl reads them. */
const READ_TITLES = `
import sys, json, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Nhiệm vụ"]
head = {c.value: c.column for c in ws[1]}
seen, titles, groups = set(), [], {}
for r in range(2, ws.max_row + 1):
    key = ws.cell(r, head["Mã nhiệm vụ"]).value
    if not key or key in seen: continue
    seen.add(key)
    titles.append(ws.cell(r, head["Nhiệm vụ"]).value or "")
    groups[ws.cell(r, head["Nhóm"]).value or ""] = ws.cell(r, head["Tên nhóm"]).value or ""
print(json.dumps({"tasks": titles, "groups": [g for g in groups.values() if g]}))
`;

/** A task longer than a page (the first task) and 40 partner agencies (on the next task's first row). */
const MAKE_TALL = `
import sys, json, openpyxl
src, dst = sys.argv[1], sys.argv[2]
wb = openpyxl.load_workbook(src)
ws = wb["Nhiệm vụ"]
head = {c.value: c.column for c in ws[1]}
long = " ".join(f"đoạn{i} triển khai nội dung thông tin đối ngoại" for i in range(1, 181))
partners = "; ".join(f"Phòng Văn hóa số{i}" for i in range(1, 41))
key = lambda r: ws.cell(r, head["Mã nhiệm vụ"]).value
ws.cell(2, head["Nhiệm vụ"]).value = long
nxt = next(r for r in range(3, ws.max_row + 1) if key(r) and key(r) != key(2))
# The appendix prints the plan's partners (the column the plan's names are kept in).
ws.cell(nxt, head.get("Phối hợp theo kế hoạch") or head["Đơn vị phối hợp"]).value = partners
wb.save(dst)
print(json.dumps({"long": long, "partners": partners}))
`;

const A4 = { long: 841.89, short: 595.28 };
const TOP_MARGIN = 30 * MM; // the binding edge of a landscape page (styles.ts printLayout)
const SIDE_MARGIN = 20 * MM;

function expectA4Landscape(pages: PdfPage[]) {
  for (const p of pages) {
    expect(Math.abs(p.width - A4.long)).toBeLessThan(1);
    expect(Math.abs(p.height - A4.short)).toBeLessThan(1);
  }
}

/** Lines below the top margin: the page's own content (the page number sits in the margin). */
const body = (p: PdfPage) => p.lines.filter((l) => l.yMin >= TOP_MARGIN - 6);
const isTaskStt = (w: string) => /^\d+\.\d+$/.test(w);

/**
 * The header row is the first table row of every page with table rows: the first line of pages
 * 2+, above all tasks on page 1. (A last page holding only the signature has no table row.)
 */
function expectHeaderFirst(pages: PdfPage[], header: RegExp) {
  pages.forEach((p, i) => {
    const lines = body(p);
    if (!lines.some((l) => isTaskStt(l.words[0] ?? "") || header.test(l.text))) {
      expect({ page: i + 1, last: i === pages.length - 1 }).toEqual({ page: i + 1, last: true });
      return;
    }
    const at = lines.findIndex((l) => header.test(l.text));
    expect({ page: i + 1, header: at >= 0 }).toEqual({ page: i + 1, header: true });
    if (i > 0) expect({ page: i + 1, first: at }).toEqual({ page: i + 1, first: 0 });
    const firstTask = lines.findIndex((l) => isTaskStt(l.words[0] ?? ""));
    if (firstTask >= 0) expect(firstTask).toBeGreaterThan(at);
  });
}

/** "2" centred in the top margin of page 2 (and every later page its number); none on page 1. */
function expectPageNumbers(pages: PdfPage[]) {
  const inMargin = (p: PdfPage) => p.lines.filter((l) => l.yMax < TOP_MARGIN);
  expect(inMargin(pages[0])).toEqual([]);
  pages.slice(1).forEach((p, i) => {
    const top = inMargin(p);
    expect(top.map((l) => l.text)).toEqual([String(i + 2)]);
    expect(Math.abs((top[0].xMin + top[0].xMax) / 2 - A4.long / 2)).toBeLessThan(15);
  });
}

/** Every word inside the left and right margins (nothing cut at the right edge). */
function expectInsideMargins(pages: PdfPage[]) {
  for (const [i, p] of pages.entries())
    for (const f of p.fragments) {
      const out = f.xMin < SIDE_MARGIN - 2 || f.xMax > A4.long - SIDE_MARGIN + 2;
      expect({ page: i + 1, word: f.text, out }).toEqual({ page: i + 1, word: f.text, out: false });
    }
}

describe("phuluc print: the Lâm Đồng appendix on paper", () => {
  const dir = tempDir("papers-print");
  let titles: { tasks: string[]; groups: string[] };
  const pdfs: Record<string, PdfPage[]> = {};

  beforeAll(() => {
    if (!ready()) return;
    const wb = importLamDong(path.join(dir, "theo-doi.xlsx"));
    titles = runPython(READ_TITLES, [wb]);
    for (const ext of ["xlsx", "docx"]) {
      const out = path.join(dir, `phu-luc.${ext}`);
      const r = phuluc(["print", wb, "-o", out]);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      pdfs[ext] = readPdf(sofficeConvert(out, "pdf"));
    }
  });

  for (const ext of ["xlsx", "docx"]) {
    itWithTools([...TOOLS], `${ext}: A4 landscape, header row first on every page`, async () => {
      const pages = pdfs[ext];
      expect(pages.length).toBeGreaterThanOrEqual(3);
      expect(pages.length).toBeLessThanOrEqual(12);
      expectA4Landscape(pages);
      // The plan's own headers (appendix.ts keeps them).
      expectHeaderFirst(pages, /^STT NHIỆM VỤ ĐƠN VỊ CHỦ TRÌ ĐƠN VỊ PHỐI HỢP/u);
    });

    itWithTools([...TOOLS], `${ext}: heading, page numbers from page 2, signature`, async () => {
      const pages = pdfs[ext];
      const first = body(pages[0]).map((l) => l.text);
      expect(first.slice(0, 3)).toEqual([
        "Phụ lục",
        "DANH MỤC CÁC NHÓM NHIỆM VỤ THÔNG TIN ĐỐI NGOẠI",
        "(Kèm theo Kế hoạch số 4784/KH-UBND ngày 13 tháng 6 năm 2024 của Ủy ban nhân dân tỉnh Lâm Đồng)",
      ]);
      expectPageNumbers(pages);
      const last = pages[pages.length - 1].lines.map((l) => l.text).join("\n");
      expect(last).toMatch(/Nơi nhận:/);
      expect(last).toMatch(/TM\. ỦY BAN NHÂN DÂN/);
      expect(last).toMatch(/PHÓ CHỦ TỊCH/);
      expect(last).toMatch(/- Lưu: VT\./);
    });

    itWithTools(
      [...TOOLS],
      `${ext}: every task and group printed whole, inside the margins`,
      async () => {
        const pages = pdfs[ext];
        expect(titles.tasks).toHaveLength(29);
        expect(missingWords(pages, [...titles.tasks, ...titles.groups])).toEqual([]);
        expectInsideMargins(pages);
      }
    );
  }
});

describe("phuluc print: rows taller than a page", () => {
  itWithTools(
    [...TOOLS],
    "a task longer than a page and 40 partners print every word",
    async () => {
      const dir = tempDir("papers-tall");
      const wb = importLamDong(path.join(dir, "theo-doi.xlsx"));
      const tall = path.join(dir, "tall.xlsx");
      const typed = runPython<{ long: string; partners: string }>(MAKE_TALL, [wb, tall]);
      for (const ext of ["xlsx", "docx"]) {
        const out = path.join(dir, `phu-luc.${ext}`);
        expect(phuluc(["print", tall, "-o", out]).code).toBe(0);
        const pages = readPdf(sofficeConvert(out, "pdf"));
        expectA4Landscape(pages);
        // 180 numbered paragraphs and 40 numbered agencies: each must be on paper.
        const printed = new Set(pages.flatMap((p) => p.lines.flatMap((l) => l.words)));
        const numbered = (prefix: string, n: number) =>
          Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`).filter(
            (w) => !printed.has(w) && !printed.has(`${w};`)
          );
        expect({ ext, missing: numbered("đoạn", 180) }).toEqual({ ext, missing: [] });
        expect({ ext, missing: numbered("số", 40) }).toEqual({ ext, missing: [] });
        expect(missingWords(pages, [typed.long])).toEqual([]);
        expectInsideMargins(pages);
        expectHeaderFirst(pages, /^STT Nhiệm vụ/iu);
      }
    }
  );
});

describe("phuluc print: a 2,000-task plan", () => {
  itWithTools(
    [...TOOLS],
    "prints within sane page bounds, A4 landscape, headers on every page",
    async () => {
      const dir = tempDir("papers-2000");
      const plan = path.join(dir, "ke-hoach.docx");
      writeFileSync(plan, await makePlanDocx(40, 50));
      const wb = path.join(dir, "theo-doi.xlsx");
      expect(phuluc(["import", plan, "-o", wb, "--year", "2026"]).code).toBe(0);
      for (const ext of ["xlsx", "docx"]) {
        const out = path.join(dir, `phu-luc.${ext}`);
        expect(phuluc(["print", wb, "-o", out]).code).toBe(0);
        expect(readFileSync(out).length).toBeGreaterThan(10000);
        const pages = readPdf(sofficeConvert(out, "pdf"));
        // Each task takes 2–4 lines of 12 pt: 8–16 rows a page.
        expect({ ext, pages: pages.length }).toEqual({ ext, pages: expect.any(Number) });
        expect(pages.length).toBeGreaterThanOrEqual(2000 / 20);
        expect(pages.length).toBeLessThanOrEqual(2000 / 5);
        expectA4Landscape(pages);
        expectHeaderFirst(pages, /^STT Nhiệm vụ/iu);
        const stts = new Set(
          pages.flatMap((p) => p.lines.map((l) => l.words[0])).filter(isTaskStt)
        );
        expect(stts.size).toBe(2000);
      }
    },
    600000
  );
});
