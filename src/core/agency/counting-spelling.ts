/**
 * One rule, CLI and live sheet alike, for which typed agency names count as a directory agency:
 * "Sở Y tê", "SỞ Y TẾ" or "So Y te" typed for "Sở Y tế" is that agency in every count.
 *
 * The rule has to be one Excel 2016 can evaluate without the add-in (no LET, no dynamic
 * arrays, a 64-level nesting limit that rules out folding 75 Vietnamese letters with
 * SUBSTITUTE). So a spelling is compared as a wildcard pattern: each letter outside ASCII
 * ("ở", "ế", "Đ") becomes "?" (any one character), ASCII letters compare case-insensitively,
 * the lengths must be equal (Excel's TRIM first: outer spaces off, inner runs made one). The
 * "Tổng hợp" sheet counts with SEARCH(";"&pattern&";", ";"&TRIM(cell)&";") (summary-sheet.ts);
 * `matchesSpelling` is its TypeScript twin, used by rollup.
 *
 * An agency counts under its canonical name, its short names and aliases (the first few), but
 * never under a spelling whose pattern also fits another agency's spelling: two agencies that
 * differ only by diacritics keep exact matching. Text in NFD (combining marks) is longer than
 * its NFC form: it does not match here, and validation warns about it like any other variant.
 */
import type { Agency } from "../model";

/** Spellings per agency a line of "Tổng hợp" counts (name first): keeps each formula short. */
const MAX_COUNTING_SPELLINGS = 4;

/** Excel's TRIM: spaces only (not NBSP), outer removed, inner runs made one. */
export function excelTrim(s: string): string {
  return s.replace(/ +/g, " ").replace(/^ | $/g, "");
}

const isAscii = (ch: string) => ch.charCodeAt(0) < 128;

/** The SEARCH pattern of a spelling: non-ASCII letters → "?", Excel wildcards escaped with "~". */
export function spellingPattern(spelling: string): string {
  return [...excelTrim(spelling.normalize("NFC"))]
    .map((ch) => (/[?*~]/.test(ch) ? `~${ch}` : isAscii(ch) ? ch : "?"))
    .join("");
}

/** Whether `typed` (a cell's text) fits `spelling` by the rule above. */
export function matchesSpelling(spelling: string, typed: string): boolean {
  const p = [...excelTrim(spelling.normalize("NFC"))];
  const t = [...excelTrim(typed)];
  if (p.length !== t.length) return false;
  return p.every((ch, i) => !isAscii(ch) || ch.toLowerCase() === t[i]?.toLowerCase());
}

/**
 * The spellings each agency counts under, by canonical name: the name, then short names and
 * aliases (up to MAX_COUNTING_SPELLINGS), leaving out any that also fits another agency's
 * spelling (then only the exact text counts for it).
 */
export function countingSpellings(directory: readonly Agency[]): Map<string, string[]> {
  const spellingsOf = (a: Agency) =>
    [a.name, ...a.shortNames, ...a.aliases]
      .map((x) => excelTrim(x.normalize("NFC")))
      .filter(Boolean);
  // Only spellings of equal length can fit each other: bucket them.
  const byLength = new Map<number, Array<{ spelling: string; owner: string }>>();
  for (const a of directory)
    for (const spelling of spellingsOf(a)) {
      const n = [...spelling].length;
      const list = byLength.get(n) ?? [];
      list.push({ spelling, owner: a.name });
      byLength.set(n, list);
    }
  const clash = (owner: string, s: string) =>
    (byLength.get([...s].length) ?? []).some(
      (x) => x.owner !== owner && (matchesSpelling(s, x.spelling) || matchesSpelling(x.spelling, s))
    );
  const out = new Map<string, string[]>();
  for (const a of directory) {
    if (out.has(a.name)) continue;
    const kept: string[] = [];
    for (const s of spellingsOf(a)) {
      if (kept.length >= MAX_COUNTING_SPELLINGS) break;
      const p = spellingPattern(s).toLowerCase();
      if (kept.some((k) => spellingPattern(k).toLowerCase() === p) || clash(a.name, s)) continue;
      kept.push(s);
    }
    out.set(a.name, kept);
  }
  return out;
}

/** Excel's "=" on text: case-insensitive. */
const sameText = (s: string) => excelTrim(s).toLowerCase();

/**
 * Maps typed names to the canonical name they count under, cached: rollup's twin of the
 * sheet's conditions (the exact name, trimmed and in any case, or a counting spelling that
 * fits); the typed name itself when no directory agency claims it.
 */
export function countingResolver(directory: readonly Agency[]): (typed: string) => string {
  const spellings = countingSpellings(directory);
  const exact = new Map<string, string>();
  for (const a of directory) if (!exact.has(sameText(a.name))) exact.set(sameText(a.name), a.name);
  const cache = new Map<string, string>();
  return (typed) => {
    let r = cache.get(typed);
    if (r === undefined) {
      r = exact.get(sameText(typed));
      if (r === undefined)
        for (const [name, list] of spellings)
          if (list.some((s) => matchesSpelling(s, typed))) {
            r = name;
            break;
          }
      r ??= typed;
      cache.set(typed, r);
    }
    return r;
  };
}
