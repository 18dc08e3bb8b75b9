/**
 * PDF layout (core/readers/pdf-layout.ts): positioned text items and ruling lines → the table
 * model every reader gives. Pages are built here item by item, as pdfjs would give them, so
 * each rule is seen on its own (the real PDFs are in test/integration/pdf-import.test.ts).
 */
import { readPlanMeta } from "../../../../src/core/import/plan-meta";
import { importPlan } from "../../../../src/core/import/import-plan";
import { readPdfLayout } from "../../../../src/core/readers/pdf-layout";
import type { PdfPage, PdfRule, PdfTextItem } from "../../../../src/core/readers/pdf-page";
import { INPUT_ERRORS } from "../../../../src/core/errors/finding-codes";
import { inputError } from "../../../helpers/input-error";

const SIZE = 12;
/** Times-like widths: about half the font size a character. */
const item = (text: string, x: number, y: number, size = SIZE): PdfTextItem => ({
  text,
  x,
  y,
  width: text.length * size * 0.5,
  size,
});
const h = (y: number, x1: number, x2: number): PdfRule => ({ x1, y1: y, x2, y2: y });
const v = (x: number, y1: number, y2: number): PdfRule => ({ x1: x, y1, x2: x, y2 });
const page = (number: number, items: PdfTextItem[], rules: PdfRule[] = []): PdfPage => ({
  number,
  width: 595,
  height: 842,
  items,
  rules,
  imageCover: 0,
});

/** Column edges of the ruled test table: STT | Nhiệm vụ | Chủ trì | Thời gian. */
const XS = [50, 90, 320, 440, 560];

/** A ruled table: rows of cell lines (each cell a list of lines); `across` rows are one merged cell. */
function ruled(top: number, rows: (string[][] | { across: string })[]) {
  const items: PdfTextItem[] = [];
  const rules: PdfRule[] = [];
  let y = top;
  rules.push(h(y, XS[0], XS[4]));
  for (const row of rows) {
    const lines = "across" in row ? 1 : Math.max(...row.map((c) => c.length));
    const bottom = y + lines * 14 + 6;
    if ("across" in row) {
      items.push(item(row.across, XS[0] + 4, y + 14));
      rules.push(v(XS[0], y, bottom), v(XS[4], y, bottom));
    } else {
      row.forEach((cell, c) =>
        cell.forEach((l, k) => items.push(item(l, XS[c] + 4, y + 14 + k * 14)))
      );
      for (const x of XS) rules.push(v(x, y, bottom));
    }
    rules.push(h(bottom, XS[0], XS[4]));
    y = bottom;
  }
  return { items, rules, bottom: y };
}

const HEADER = [["STT"], ["Nhiệm vụ"], ["Đơn vị chủ trì"], ["Thời gian"]];

test("a ruled table: cells of several lines joined, a list mark kept on its line, a cut word rejoined", () => {
  const t = ruled(100, [
    HEADER,
    { across: "I. CÔNG TÁC CHỈ ĐẠO" },
    [
      ["1"],
      [
        "Triển khai Nghị định số 72/2015/NĐ-",
        "CP của Chính phủ về quản lý hoạt động",
        "thông tin đối ngoại",
      ],
      ["Sở Thông tin và", "Truyền thông"],
      ["2025"],
    ],
    [
      ["2"],
      ["Tuyên truyền Kết luận số 57:", "- Tổ chức hội nghị quán triệt"],
      ["Sở Nội vụ"],
      ["Hằng năm"],
    ],
  ]);
  const { tables } = readPdfLayout([page(1, t.items, t.rules)], "kh.pdf");
  expect(tables).toHaveLength(1);
  expect(tables[0].rows).toEqual([
    ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời gian"],
    ["I. CÔNG TÁC CHỈ ĐẠO", "", "", ""],
    [
      "1",
      "Triển khai Nghị định số 72/2015/NĐ-CP của Chính phủ về quản lý hoạt động thông tin đối ngoại",
      "Sở Thông tin và Truyền thông",
      "2025",
    ],
    ["2", "Tuyên truyền Kết luận số 57:\n- Tổ chức hội nghị quán triệt", "Sở Nội vụ", "Hằng năm"],
  ]);
  expect(tables[0].merges).toEqual([{ top: 1, left: 0, bottom: 1, right: 3 }]);
});

test("a line that stops short of the cell's edge ends its line; a full one wraps", () => {
  const t = ruled(100, [
    HEADER,
    [["1"], ["Sở Tài chính", "Sở Nội vụ"], ["Sở Tư pháp"], ["2025"]],
    [["2"], ["Sở Kế hoạch và Đầu tư, Sở Tài chính,", "Sở Nội vụ"], ["Sở Tư pháp"], ["2025"]],
  ]);
  const rows = readPdfLayout([page(1, t.items, t.rules)], "kh.pdf").tables[0].rows;
  // "Sở Tài chính" (72 pt) leaves room for "Sở" in a 230 pt column: two paragraphs.
  expect(rows[1][1]).toBe("Sở Tài chính\nSở Nội vụ");
  // "Sở Kế hoạch và Đầu tư, Sở Tài chính," fills it: one wrapped line.
  expect(rows[2][1]).toBe("Sở Kế hoạch và Đầu tư, Sở Tài chính, Sở Nội vụ");
});

test("a table over two pages: header repeated, a row cut by the page break made whole", async () => {
  const p1 = ruled(100, [
    HEADER,
    [["1"], ["Xây dựng kế hoạch"], ["Sở Nội vụ"], ["2025"]],
    [["2"], ["Rà soát, đánh giá việc thực hiện"], ["Sở Tư pháp"], ["2025"]],
  ]);
  const p2 = ruled(60, [
    HEADER,
    [[], ["các đề án của tỉnh"], [], []],
    [["3"], ["Tổng kết kế hoạch"], ["Sở Tài chính"], ["2030"]],
  ]);
  const pages = [
    page(1, [item("PHỤ LỤC", 250, 80), ...p1.items, item("1", 300, 820)], p1.rules),
    page(2, [item("2", 300, 30), ...p2.items], p2.rules),
  ];
  const r = await importPlan({ kind: "pdf", pages, fileName: "kh.pdf" });
  expect(r.tasks.map((t) => [t.stt, t.title])).toEqual([
    ["1", "Xây dựng kế hoạch"],
    ["2", "Rà soát, đánh giá việc thực hiện các đề án của tỉnh"],
    ["3", "Tổng kết kế hoạch"],
  ]);
  expect(r.findings.map((f) => f.code)).not.toContain("STT_MISSING");
});

test("a task without STT at the top of a page, starting in capitals, stays a task", () => {
  const p1 = ruled(100, [HEADER, [["1"], ["Xây dựng kế hoạch."], ["Sở Nội vụ"], ["2025"]]]);
  const p2 = ruled(60, [[[], ["Tổng kết kế hoạch"], ["Sở Tài chính"], ["2030"]]]);
  const { tables } = readPdfLayout(
    [page(1, p1.items, p1.rules), page(2, p2.items, p2.rules)],
    "kh.pdf"
  );
  expect(tables.map((t) => t.rows.length)).toEqual([2, 1]);
});

test("a table without rules: columns from the header's x-positions, rows from the STT column", async () => {
  const at = [56, 100, 300, 450];
  const row = (y: number, cells: string[][]) =>
    cells.flatMap((lines, c) => lines.map((l, k) => item(l, at[c], y + k * 14)));
  const items = [
    item("Số: 12/KH-UBND", 56, 60),
    item("Lâm Đồng, ngày 5 tháng 3 năm 2025", 330, 60),
    ...row(120, [["STT"], ["Nhiệm vụ"], ["Đơn vị chủ trì"], ["Thời gian thực", "hiện"]]),
    ...row(160, [
      ["1"],
      ["Xây dựng kế hoạch chuyển", "đổi số"],
      ["Sở Thông tin và", "Truyền thông"],
      ["2025"],
    ]),
    ...row(200, [["2"], ["Tổ chức hội nghị"], ["Sở Nội vụ"], ["Hằng năm"]]),
  ];
  const r = await importPlan({ kind: "pdf", pages: [page(1, items)], fileName: "kh.pdf" });
  expect(r.plan.number).toBe("12/KH-UBND");
  expect(r.plan.issuedOn).toBe("2025-03-05");
  expect(r.tasks.map((t) => [t.stt, t.title, t.lead.map((a) => a.name), t.timeText])).toEqual([
    ["1", "Xây dựng kế hoạch chuyển đổi số", ["Sở Thông tin và Truyền thông"], "2025"],
    ["2", "Tổ chức hội nghị", ["Sở Nội vụ"], "Hằng năm"],
  ]);
});

test("letterhead columns side by side are separate lines; Vietnamese in decomposed form is NFC", () => {
  const nfd = (s: string) => s.normalize("NFD");
  const items = [
    item(nfd("ỦY BAN NHÂN DÂN"), 60, 60),
    item(nfd("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), 300, 60),
    item(nfd("TỈNH LÂM ĐỒNG"), 70, 74),
    item(nfd("Độc lập - Tự do - Hạnh phúc"), 330, 74),
    item("Số: 4784/KH-UBND", 60, 100),
    item(nfd("Lâm Đồng, ngày 13 tháng 6 năm 2024"), 300, 100),
    item("KẾ HOẠCH", 260, 140),
  ];
  const { bodyText } = readPdfLayout([page(1, items)], "kh.pdf");
  expect(bodyText.split("\n")).toEqual([
    "ỦY BAN NHÂN DÂN",
    "TỈNH LÂM ĐỒNG",
    "Số: 4784/KH-UBND",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Lâm Đồng, ngày 13 tháng 6 năm 2024",
    "KẾ HOẠCH",
  ]);
  expect(bodyText).toBe(bodyText.normalize("NFC"));
});

test("body lines become paragraphs: wrapped lines joined, short lines and list marks end them", () => {
  const items = [
    item("IV. TỔ CHỨC THỰC HIỆN", 56, 100),
    item("1. Sở Thông tin và Truyền thông chủ trì, theo dõi, đôn đốc việc triển khai", 56, 116),
    item("Kế hoạch; tổng hợp kết quả, báo cáo UBND tỉnh.", 56, 132),
    item("2. Sở Tài chính bố trí kinh phí.", 56, 148),
  ];
  const { paragraphs } = readPdfLayout([page(1, items)], "kh.pdf");
  expect(paragraphs?.map((p) => p.text)).toEqual([
    "IV. TỔ CHỨC THỰC HIỆN",
    "1. Sở Thông tin và Truyền thông chủ trì, theo dõi, đôn đốc việc triển khai Kế hoạch; tổng hợp kết quả, báo cáo UBND tỉnh.",
    "2. Sở Tài chính bố trí kinh phí.",
  ]);
});

test("a signature block of right-aligned paragraphs: one paragraph per line, then Nơi nhận", () => {
  // Right-aligned lines end at the text's right edge, as wrapped lines do: their start, far in
  // from the left edge, says they are not wrapped text.
  const right = (text: string, y: number) => item(text, 540 - text.length * 6, y);
  const items = [
    item(
      "Các sở, ban, ngành triển khai các nhiệm vụ tại Phụ lục kèm theo Kế hoạch này và",
      56,
      100
    ),
    item("báo cáo kết quả.", 56, 116),
    right("KT. CHỦ TỊCH", 140),
    right("PHÓ CHỦ TỊCH", 156),
    right("Hoàng Quốc Khánh", 220),
    item("Nơi nhận:", 56, 236),
    item("- Như trên;", 56, 252),
  ];
  const { paragraphs, bodyText } = readPdfLayout([page(1, items)], "kh.pdf");
  expect(paragraphs?.map((p) => p.text)).toEqual([
    "Các sở, ban, ngành triển khai các nhiệm vụ tại Phụ lục kèm theo Kế hoạch này và báo cáo kết quả.",
    "KT. CHỦ TỊCH",
    "PHÓ CHỦ TỊCH",
    "Hoàng Quốc Khánh",
    "Nơi nhận:",
    "- Như trên;",
  ]);
  expect(readPlanMeta(bodyText).plan.signer).toEqual({
    titles: ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
    name: "Hoàng Quốc Khánh",
  });
});

test("pages that are pictures without text: refused as a scan, never an empty table", async () => {
  const scan = (n: number): PdfPage => ({ ...page(n, []), imageCover: 1 });
  const e = await inputError(
    importPlan({ kind: "pdf", pages: [scan(1), scan(2)], fileName: "scan.pdf" })
  );
  expect(e.code).toBe(INPUT_ERRORS.SCANNED_PDF);
  expect(e.message).toMatch(/"scan.pdf" là bản scan/);
  // A signing stamp's few words on each scanned page do not make it a text PDF.
  const stamped = [1, 2].map((n) => ({
    ...scan(n),
    items: [item("Ký bởi: Ủy ban nhân dân tỉnh Lâm Đồng", 400, 20, 7)],
  }));
  expect(
    (await inputError(importPlan({ kind: "pdf", pages: stamped, fileName: "s.pdf" }))).code
  ).toBe(INPUT_ERRORS.SCANNED_PDF);
});

test("text in a TCVN3 font (.VnTime) reads as Unicode", () => {
  const items = [
    item("KÕ ho¹ch triÓn khai", 56, 100),
    item("Së Y tÕ chñ tr×, phèi hîp víi Së Tµi chÝnh.", 56, 130),
  ];
  const { bodyText } = readPdfLayout([page(1, items)], "kh.pdf");
  expect(bodyText).toBe("Kế hoạch triển khai\nSở Y tế chủ trì, phối hợp với Sở Tài chính.");
});
