/**
 * The one way generated file names are made from officers' text (agency names of 300 letters,
 * emoji, slashes, quotes): characters Windows, macOS or a zip tool refuse become "-", reserved
 * device names are avoided, and a long name is cut on a character boundary (a whole grapheme:
 * never half an emoji or a letter without its tone mark) to a byte budget that leaves room for
 * " (2)" and the extension under the 255-byte limit of common file systems, keeping its suffix
 * (" - Báo cáo KH 4784") whole.
 */

// Control characters are exactly what must go: no file system accepts them.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/** Bytes (UTF-8) of a name before " (2)" and the extension. */
const MAX_STEM_BYTES = 200;

const utf8 = new TextEncoder();
const bytesOf = (s: string) => utf8.encode(s).length;

function clean(s: string): string {
  return s.normalize("NFC").replace(FORBIDDEN, "-").replace(/\s+/g, " ");
}

/** What continues the character before it: marks, joiners, variation selectors, skin tones. */
const CONTINUES = /^(?:\p{M}|\u200d|\ufe0e|\ufe0f|[\u{1f3fb}-\u{1f3ff}]|[\u{e0020}-\u{e007f}])$/u;

const FLAG_HALF = /^[\u{1f1e6}-\u{1f1ff}]$/u;

/** The text in whole user-visible characters (a letter with its marks, an emoji sequence). */
function graphemes(s: string): string[] {
  const out: string[] = [];
  let joined = false;
  // A flag is two regional indicators: the second joins a first that is alone.
  let flagHalf = false;
  for (const cp of s) {
    const regional = FLAG_HALF.test(cp);
    if (out.length && (joined || CONTINUES.test(cp) || (regional && flagHalf))) {
      out[out.length - 1] += cp;
      flagHalf = false;
    } else {
      out.push(cp);
      flagHalf = regional;
    }
    joined = cp === "\u200d";
  }
  return out;
}

/** `s` cut to at most `budget` UTF-8 bytes, whole characters only. */
function cutToBytes(s: string, budget: number): string {
  if (bytesOf(s) <= budget) return s;
  let out = "";
  let used = 0;
  for (const g of graphemes(s)) {
    const b = bytesOf(g);
    if (used + b > budget) break;
    out += g;
    used += b;
  }
  return out;
}

/**
 * A safe file name (no extension) for `head` + `keep`: only `head` is cut when too long, so the
 * suffix `keep` stays as written. Empty → `fallback`.
 */
export function safeFileName(head: string, fallback = "don-vi", keep = ""): string {
  const suffix = clean(keep).replace(/[.\s]+$/, "");
  const room = Math.max(0, MAX_STEM_BYTES - bytesOf(suffix));
  let s = clean(head)
    .trim()
    .replace(/^[.\s-]+/, "");
  const cut = cutToBytes(s, room);
  // A cut head does not end in the separator it was cut at.
  s = cut === s ? s : cut.replace(/[\s,;.-]+$/, "");
  s = (s + suffix).replace(/[.\s]+$/, "");
  if (!s.replace(/[\s.-]/g, "")) s = fallback;
  if (RESERVED.test(s)) s = `_${s}`;
  return s;
}
