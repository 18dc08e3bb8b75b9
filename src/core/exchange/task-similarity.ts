/**
 * How alike a task text an agency wrote is to a task of the plan: officers shorten ("Tuyên
 * truyền về Lâm Đồng trên báo chí"), paraphrase, drop diacritics or retype the STT. Texts are
 * compared as sets of folded syllables and syllable pairs; a text contained in the plan's (a
 * shortened copy) scores high only when it is long enough to say something.
 */
import { foldVietnamese } from "../text/fold";

export interface TaskText {
  /** Folded syllables (unique). */
  words: Set<string>;
  /** Adjacent folded syllable pairs (unique). */
  pairs: Set<string>;
}

/** Words that carry no meaning of their own in a task text. */
const FILLER = new Set([
  "va",
  "cac",
  "cua",
  "cho",
  "de",
  "tai",
  "voi",
  "trong",
  "the",
  "nhung",
  "mot",
  "la",
]);

export function taskText(s: string): TaskText {
  const all = foldVietnamese(s)
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
  const words = all.filter((w) => !FILLER.has(w));
  const pairs = new Set<string>();
  for (let i = 1; i < words.length; i++) pairs.add(`${words[i - 1]} ${words[i]}`);
  return { words: new Set(words), pairs };
}

function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (big.has(x)) n++;
  return n;
}

/**
 * 0..1: the better of the texts' Dice similarity (syllables and pairs averaged) and, for a
 * returned text of six or more syllables, how much of it the plan's text contains.
 */
export function similarity(returned: TaskText, plan: TaskText): number {
  const a = returned.words.size;
  const b = plan.words.size;
  if (a === 0 || b === 0) return 0;
  const w = overlap(returned.words, plan.words);
  const p = overlap(returned.pairs, plan.pairs);
  const pa = returned.pairs.size;
  const pb = plan.pairs.size;
  const dice = (2 * w) / (a + b);
  const dicePairs = pa + pb > 0 ? (2 * p) / (pa + pb) : dice;
  const both = (dice + dicePairs) / 2;
  const contained = pa > 0 ? (w / a + p / pa) / 2 : w / a;
  const weight = Math.min(1, a / 6);
  return Math.max(both, contained * weight * 0.95);
}

/** "01.2", "1.2.", "I.1" → "1.2", "1.1" of a Roman group kept as written otherwise. */
export function sttKey(stt: string): string {
  return foldVietnamese(stt)
    .replace(/\s+/g, "")
    .replace(/\.$/, "")
    .split(".")
    .map((p) => (/^\d+$/.test(p) ? String(Number(p)) : p))
    .join(".");
}
