/**
 * Matching keys for agency names. Plans write the same agency many ways: "Sở TT&TT",
 * "Sở TT-TT", "Sở Thông tin Truyền thông", "Sở Văn hóa Thể thao và Du lịch" (no comma),
 * "Ủy ban nhân dân" / "UBND". A key keeps only the words (folded), drops "và", turns
 * "ủy ban nhân dân" into "ubnd", and glues the words together, so "TT&TT", "TT-TT" and
 * "TTTT" all give "tttt" and punctuation never matters.
 */
import { foldVietnamese, normalizeText } from "../text/fold";

/** A word of a normalized text, with its position there (same positions as in the fold). */
export interface Word {
  /** Folded word, or a synonym standing for several words ("ubnd"). */
  key: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Words that connect names but are never part of the key. */
const IGNORED = new Set(["va"]);

/** Multi-word spellings that stand for one key word. */
const SYNONYMS: Array<[string[], string]> = [
  [["uy", "ban", "nhan", "dan"], "ubnd"],
  [["u", "ban", "nhan", "dan"], "ubnd"],
];

/** Words of `normalized` (already normalizeText'ed): folded, "và" dropped, synonyms applied. */
export function keyWords(normalized: string): Word[] {
  const folded = foldVietnamese(normalized);
  const raw: Word[] = [];
  for (const m of folded.matchAll(WORD)) {
    raw.push({ key: m[0], start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  const out: Word[] = [];
  for (let i = 0; i < raw.length; i++) {
    const word = raw[i];
    if (!word) continue;
    const syn = SYNONYMS.find(([ws]) => ws.every((w, k) => raw[i + k]?.key === w));
    // A synonym matched all its words, so its last word is there.
    const lastOfSyn = syn && raw[i + syn[0].length - 1];
    if (syn && lastOfSyn) {
      out.push({ key: syn[1], start: word.start, end: lastOfSyn.end });
      i += syn[0].length - 1;
    } else if (!IGNORED.has(word.key)) {
      out.push(word);
    }
  }
  return out;
}

/**
 * Keys already made: a plan of 10,000 rows names a few hundred agencies, and every lookup
 * (directory, successors, collectives, consolidation) asks for the same names again. Bounded,
 * so a stream of distinct strings cannot grow it without end.
 */
const KEYS = new Map<string, string>();
const KEYS_MAX = 20_000;

/** The matching key of a whole name: "Sở Kế hoạch và Đầu tư" -> "sokehoachdautu". */
export function nameKey(name: string): string {
  let key = KEYS.get(name);
  if (key === undefined) {
    key = keyWords(normalizeText(name))
      .map((w) => w.key)
      .join("");
    if (KEYS.size >= KEYS_MAX) KEYS.clear();
    KEYS.set(name, key);
  }
  return key;
}
