import { withoutRunningLines } from "../../../../src/core/readers/pdf-running-lines";
import type { PdfPage, PdfTextItem } from "../../../../src/core/readers/pdf-page";

const item = (text: string, y: number, x = 60): PdfTextItem => ({
  text,
  x,
  y,
  width: text.length * 5,
  size: 12,
});

/** A page of six body lines 15 points apart from y = 100, then `last` lines. */
function page(number: number, last: PdfTextItem[]): PdfPage {
  const body = Array.from({ length: 6 }, (_, k) =>
    item(`dòng ${k + 1} của trang ${number}`, 100 + 15 * k)
  );
  return { number, width: 595, height: 842, items: [...body, ...last], rules: [], imageCover: 0 };
}

const texts = (p: PdfPage | undefined) => (p?.items ?? []).map((i) => i.text);

describe("withoutRunningLines", () => {
  it("drops a line printed in the bottom margin of every page, its numbers aside", () => {
    const pages = [1, 2, 3].map((n) =>
      page(n, [item(`Văn bản được ký số bởi: UBND tỉnh, Thời gian ký: 1${n}.03.2025`, 800)])
    );
    const out = withoutRunningLines(pages);
    for (const p of out) expect(texts(p).some((t) => t.startsWith("Văn bản"))).toBe(false);
    expect(texts(out[0])).toHaveLength(6);
  });

  it("keeps table text that ends two pages alike, one line pitch under the body", () => {
    const pages = [1, 2].map((n) => page(n, [item("trong lĩnh vực phụ trách", 190)]));
    expect(withoutRunningLines(pages).map((p) => p.items.length)).toEqual([7, 7]);
  });

  it("keeps a margin line found on one page only", () => {
    const pages = [page(1, [item("Nơi nhận: như trên", 800)]), page(2, [])];
    expect(texts(withoutRunningLines(pages)[0])).toContain("Nơi nhận: như trên");
  });
});
