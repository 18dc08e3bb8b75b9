/**
 * Every word of the phụ lục's cells must land somewhere the officer sees it: a task's field, a
 * group's heading, or a finding. Each row's cells are checked against what its row became;
 * a cell merged down over several rows against what all of them became. What is left is said
 * (import/structure.ts), never dropped without a word.
 */
import { foldVietnamese, normalizeText } from "../text/fold";

/**
 * Words a cell may lose on the way by design: the role labels a lead cell naming both roles is
 * cut at ("Chủ trì: …; Phối hợp: …", "Đơn vị phối hợp với").
 */
const LABEL_WORDS = new Set(["chu", "tri", "phoi", "hop", "voi", "don", "vi", "co", "quan"]);

export interface AccountedRow {
  cells: string[];
  /** Cells merged down over several rows: this row's place among them and their count. */
  shared?: Record<number, { index: number; count: number }>;
}

/** A cell some of whose words reached nothing: its row (index in `rows`) and column. */
export interface LostText {
  row: number;
  column: number;
  text: string;
  /** The words lost, as written in the cell (folded forms matched). */
  words: string[];
}

/** `placed[i]`: the texts row i became (task fields, group heading, findings' messages). */
export function lostTexts(rows: AccountedRow[], placed: string[][]): LostText[] {
  // Almost every cell stands whole, as written, in what its row became (a task's title is its
  // cell): one search in the row's texts, no folding. The folded word sets are made only for
  // the rare cell that does not (10,000 tasks: ~0.4 s less).
  const joined = placed.map((texts) => texts.join("\n"));
  const sets: (Set<string> | undefined)[] = [];
  const reached = (k: number) =>
    (sets[k] ??= new Set((placed[k] ?? []).flatMap((t) => foldedWords(t).map((w) => w.folded))));
  const out: LostText[] = [];
  rows.forEach((row, i) => {
    row.cells.forEach((text, column) => {
      const share = row.shared?.[column];
      // A merged cell is checked once, at its first row, against every row it covers.
      if (share && share.index > 0) return;
      const rowsOf = share ? range(i, share.count) : [i];
      if (text.trim() === "" || rowsOf.some((k) => containsWords(joined[k] ?? "", text))) return;
      const has = (w: string) => rowsOf.some((k) => reached(k).has(w));
      const lost = foldedWords(text).filter((w) => !LABEL_WORDS.has(w.folded) && !has(w.folded));
      if (lost.length) out.push({ row: i, column, text, words: lost.map((w) => w.written) });
    });
  });
  return out;
}

/**
 * Whether `text` stands in `hay` as whole words (nothing of a word on either side): then each of
 * its words is one of `hay`'s, folded or not.
 */
function containsWords(hay: string, text: string): boolean {
  for (let at = hay.indexOf(text); at >= 0; at = hay.indexOf(text, at + 1))
    if (!isWordChar(hay, at - 1) && !isWordChar(hay, at + text.length)) return true;
  return false;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

function isWordChar(s: string, i: number): boolean {
  return i >= 0 && i < s.length && WORD_CHAR.test(s.charAt(i));
}

/** Words of a text, folded for matching and as written (folding keeps every position). */
function foldedWords(text: string): { folded: string; written: string }[] {
  const written = normalizeText(text);
  const folded = foldVietnamese(text);
  return [...folded.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({
    folded: m[0],
    written: written.slice(m.index, m.index + m[0].length),
  }));
}

function range(from: number, count: number): number[] {
  return Array.from({ length: count }, (_, k) => from + k);
}
