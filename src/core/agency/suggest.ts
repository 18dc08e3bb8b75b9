/**
 * Suggestions for names the directory does not know: a typo ("Sở Thông tin và Truyền thôn")
 * or a shortened name ("Sở Giáo dục") should point at the agency meant; "Hội Nông dân tỉnh"
 * should point at nothing rather than at the nearest unrelated Sở.
 */
import type { AgencyDirectory } from "./directory";
import { nameKey } from "./name-key";

/** Edits allowed per key character: 1 in 5 (the key has no spaces, so "Sở X" counts ~3). */
const MAX_EDIT_RATIO = 0.2;
/** A shortened name must keep this many key characters to count as the start of one agency. */
const MIN_PREFIX = 8;

const keyCache = new WeakMap<AgencyDirectory, Array<{ key: string; name: string }>>();

function spellingKeys(dir: AgencyDirectory): Array<{ key: string; name: string }> {
  let keys = keyCache.get(dir);
  if (!keys) {
    keys = dir
      .spellings()
      .map(({ spelling, agency }) => ({ key: nameKey(spelling), name: agency.name }));
    keyCache.set(dir, keys);
  }
  return keys;
}

/** Levenshtein distance, giving up (returning limit + 1) once it exceeds `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  // Rows are b.length + 1 long; a cell read outside one would be a bug, counted as too far.
  const far = limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(
        (prev[j] ?? far) + 1,
        (cur[j - 1] ?? far) + 1,
        (prev[j - 1] ?? far) + (a[i - 1] === b[j - 1] ? 0 : 1)
      );
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > limit) return far;
    prev = cur;
  }
  return prev[b.length] ?? far;
}

/** A close canonical name for `name`, or undefined when nothing in the directory is close. */
export function closestAgency(name: string, dir: AgencyDirectory): string | undefined {
  const key = nameKey(name);
  if (!key) return undefined;
  const exact = dir.getByKey(key);
  if (exact) return exact.name;

  let best: { name: string; distance: number } | undefined;
  for (const s of spellingKeys(dir)) {
    const limit = Math.floor(Math.max(key.length, s.key.length) * MAX_EDIT_RATIO);
    const d = editDistance(key, s.key, limit);
    if (d <= limit && (!best || d < best.distance)) best = { name: s.name, distance: d };
  }
  if (best) return best.name;

  // "Sở Giáo dục" for "Sở Giáo dục và Đào tạo": only when one agency starts that way.
  if (key.length >= MIN_PREFIX) {
    const starting = new Set(
      spellingKeys(dir)
        .filter((s) => s.key.startsWith(key))
        .map((s) => s.name)
    );
    if (starting.size === 1) return [...starting][0];
  }
  return undefined;
}
