/**
 * Running headers and footers: a line the producer prints in the margin of every page
 * ("Văn bản được ký số bởi: …", "Kế hoạch số 1234/KH-UBND") is not the plan's text. Left in,
 * it sits between a table's part on one page and its part on the next, so the row cut by the
 * page break was read as a task of its own and a merged cell lost its text.
 */
import type { PdfPage, PdfRule, PdfTextItem } from "./pdf-page";
import { medianPitch, splitLine, toLines, visibleItems, type TextLine } from "./pdf-lines";

/** Lines looked at at each end of a page (a footer may wrap to two). */
const END_LINES = 2;
/** A margin line stands further from the body than this many line pitches. */
const MARGIN_GAP = 1.3;
/** Baselines within this many points are the same place on two pages. */
const SAME_PLACE = 2;

interface Candidate {
  line: TextLine;
  key: string;
}

/**
 * The pages without their running lines: a line at the top or bottom of a page, apart from
 * the body by a wider gap than its lines' pitch, one run of words (a table's repeated header
 * row has gaps between its cells) outside any ruled table, printed with the same words (its
 * numbers aside) at the same place on at least half the pages of its size, and on two at least.
 * Table text at the end of pages, the same by chance, fails one of these.
 */
export function withoutRunningLines(pages: PdfPage[]): PdfPage[] {
  if (pages.length < 2) return pages;
  const candidates = pages.map(marginLines);
  const sizeOf = (p: PdfPage) => `${Math.round(p.width)}x${Math.round(p.height)}`;
  const pagesOfSize = new Map<string, number>();
  for (const p of pages) pagesOfSize.set(sizeOf(p), (pagesOfSize.get(sizeOf(p)) ?? 0) + 1);
  return pages.map((p, i) => {
    const needed = Math.max(2, Math.ceil((pagesOfSize.get(sizeOf(p)) ?? 0) / 2));
    const drop = new Set<PdfTextItem>();
    for (const c of candidates[i] ?? []) {
      const alike = pages.filter(
        (q, j) =>
          sizeOf(q) === sizeOf(p) &&
          (candidates[j] ?? []).some(
            (o) => o.key === c.key && Math.abs(o.line.y - c.line.y) <= SAME_PLACE
          )
      ).length;
      if (alike >= needed) c.line.items.forEach((it) => drop.add(it));
    }
    return drop.size ? { ...p, items: p.items.filter((it) => !drop.has(it)) } : p;
  });
}

/** The page's first and last lines that stand apart from the body, in the margins. */
function marginLines(page: PdfPage): Candidate[] {
  const lines = toLines(visibleItems(page.items));
  if (lines.length <= 2 * END_LINES) return [];
  const gap = MARGIN_GAP * medianPitch(lines);
  const out: TextLine[] = [];
  // Lines 0..k-1 at the top when line k is apart from line k-1; the same from the bottom.
  for (let k = 1; k <= END_LINES; k++) {
    const [above, below] = [lines[k - 1], lines[k]];
    if (above && below && below.y - above.y > gap) out.push(...lines.slice(0, k));
    const [up, down] = [lines[lines.length - k - 1], lines[lines.length - k]];
    if (up && down && down.y - up.y > gap) out.push(...lines.slice(lines.length - k));
  }
  return [...new Set(out)]
    .filter((l) => oneRun(l) && !crossedByRule(l, page.rules))
    .map((line) => ({ line, key: line.text.replace(/\d+/g, "#").toLowerCase() }));
}

/** Words a space apart, no gap of a table cell or a second column. */
const oneRun = (l: TextLine) => splitLine(l, 1).length === 1;

/** A vertical rule beside or through the line: a table's cell, not the page's margin. */
function crossedByRule(l: TextLine, rules: PdfRule[]): boolean {
  return rules.some((r) => r.x2 - r.x1 < r.y2 - r.y1 && r.y1 < l.y && l.y - l.size < r.y2);
}
