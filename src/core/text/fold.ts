/**
 * Vietnamese text folding: the same name typed in NFC or NFD, with or without diacritics,
 * with stray non-breaking spaces or en-dashes, must compare equal when matching.
 */

/** Spaces that Word and web pages leave in text: NBSP, narrow NBSP, figure space, thin spaces. */
const ODD_SPACES = /[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g;
/** Zero-width characters and BOM: invisible, never meaningful in a plan. */
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;

/**
 * Text normalizeText changes only by NFC: no whitespace but single inner spaces, nothing
 * invisible (NFC makes no whitespace of anything else). Most cells of a plan are such text.
 */
const UNTIDY = /[^\S ]|[\u200B-\u200D\u2060\uFEFF]| {2}|^ | $/;

/** NFC, odd spaces to plain spaces, whitespace (incl. line breaks) collapsed, trimmed. */
export function normalizeText(s: string): string {
  if (!UNTIDY.test(s)) return s.normalize("NFC");
  return s
    .normalize("NFC")
    .replace(ZERO_WIDTH, "")
    .replace(ODD_SPACES, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const DASHES = /[\u2010-\u2015\u2212]/;

/** Folds one character: lowercase, no diacritics, đ->d, any dash -> "-". Always one char out. */
function foldChar(c: string): string {
  if (DASHES.test(c)) return "-";
  const lower = c.toLowerCase();
  if (lower === "đ") return "d";
  const base = lower.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  // Keep the fold position-aligned with the input: a char that would not fold to one char stays.
  return base.length === 1 ? base : lower.length === 1 ? lower : c;
}

/**
 * normalizeText + lowercase + no diacritics (đ->d) + dashes unified, for matching.
 * The result has the same length as normalizeText(s), char for char, so a position found in
 * the folded text is the same position in the normalized text (used to keep what was written).
 */
export function foldVietnamese(s: string): string {
  const n = normalizeText(s);
  let out = "";
  let from = 0; // start of the pending run of ASCII chars, copied lowercased in one go
  for (let i = 0; i < n.length; i++) {
    const code = n.charCodeAt(i);
    if (code < 0x80) continue; // ASCII folds to its lowercase: no dash, no diacritic, no đ
    if (from < i) out += n.slice(from, i).toLowerCase();
    // One code point (a surrogate pair is two units), as `for…of` would give it.
    const next = code >= 0xd800 && code <= 0xdbff ? n.charCodeAt(i + 1) : 0;
    const c = next >= 0xdc00 && next <= 0xdfff ? n.slice(i, i + 2) : n.charAt(i);
    out += foldCached(c);
    i += c.length - 1;
    from = i + 1;
  }
  return from === 0 ? n.toLowerCase() : out + n.slice(from).toLowerCase();
}

/** Folded non-ASCII chars: a plan uses a few hundred distinct ones, folded once each. */
const FOLDED = new Map<string, string>();
const FOLDED_MAX = 4096;

function foldCached(c: string): string {
  let f = FOLDED.get(c);
  if (f === undefined) {
    f = foldChar(c);
    if (FOLDED.size < FOLDED_MAX) FOLDED.set(c, f);
  }
  return f;
}
