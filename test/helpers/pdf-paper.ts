/**
 * Reading a printed paper back with poppler (pdfinfo, pdftotext -bbox): page sizes, and each
 * page's lines of text with their positions. LibreOffice draws a Vietnamese letter its font
 * lacks (ệ, ụ… in some Liberation Serif builds) from a fallback font, as a separate fragment
 * whose box sits a little higher: fragments are put back into lines by vertical overlap and
 * joined when they touch, so "Nhi" + "ệ" + "m" reads "Nhiệm" again.
 */
import { execFileSync } from "child_process";

export interface Fragment {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfLine {
  yMin: number;
  yMax: number;
  xMin: number;
  xMax: number;
  /** Words of the line, NFC, left to right. */
  words: string[];
  text: string;
}

export interface PdfPage {
  width: number;
  height: number;
  fragments: Fragment[];
  lines: PdfLine[];
}

const num = (s: string) => Number(s);

/** Every page of the PDF with its fragments and lines. */
export function readPdf(pdf: string): PdfPage[] {
  const xml = execFileSync("pdftotext", ["-bbox", pdf, "-"], {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const pages: PdfPage[] = [];
  for (const m of xml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const fragments = [
      ...m[3].matchAll(
        /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g
      ),
    ].map((w) => ({
      xMin: num(w[1]),
      yMin: num(w[2]),
      xMax: num(w[3]),
      yMax: num(w[4]),
      text: decode(w[5]),
    }));
    pages.push({ width: num(m[1]), height: num(m[2]), fragments, lines: linesOf(fragments) });
  }
  return pages;
}

function decode(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

/** Fragments into lines: a fragment joins the line its vertical middle falls in. */
function linesOf(fragments: Fragment[]): PdfLine[] {
  const sorted = [...fragments].sort((a, b) => a.yMax - b.yMax || a.xMin - b.xMin);
  const groups: Fragment[][] = [];
  for (const f of sorted) {
    const mid = (f.yMin + f.yMax) / 2;
    const g = groups.find((l) => mid >= l[0].yMin && mid <= l[0].yMax);
    if (g) g.push(f);
    else groups.push([f]);
  }
  return groups
    .map((g) => {
      g.sort((a, b) => a.xMin - b.xMin);
      let text = "";
      let prev: Fragment | undefined;
      for (const f of g) {
        // Touching fragments are one word; a gap of a space or more separates words.
        if (prev && f.xMin - prev.xMax > 1.5) text += " ";
        text += f.text;
        prev = f;
      }
      text = text.normalize("NFC");
      return {
        yMin: Math.min(...g.map((f) => f.yMin)),
        yMax: Math.max(...g.map((f) => f.yMax)),
        xMin: g[0].xMin,
        xMax: Math.max(...g.map((f) => f.xMax)),
        words: text.split(/\s+/).filter(Boolean),
        text,
      };
    })
    .sort((a, b) => a.yMin - b.yMin);
}

/** Words of a text as they are compared with the PDF's: NFC, split at white space. */
export const wordsOf = (text: string): string[] =>
  text.normalize("NFC").split(/\s+/).filter(Boolean);

/**
 * Words of `expected` texts missing from the PDF, counting repeats: a word the texts hold 5
 * times must be printed at least 5 times (a clipped row loses its words).
 */
export function missingWords(pages: PdfPage[], expected: string[]): string[] {
  const printed = new Map<string, number>();
  for (const p of pages)
    for (const l of p.lines) for (const w of l.words) printed.set(w, (printed.get(w) ?? 0) + 1);
  const needed = new Map<string, number>();
  for (const t of expected) for (const w of wordsOf(t)) needed.set(w, (needed.get(w) ?? 0) + 1);
  return [...needed].filter(([w, n]) => (printed.get(w) ?? 0) < n).map(([w]) => w);
}

export const MM = 72 / 25.4;
