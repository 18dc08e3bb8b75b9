/** Names for the copy of an existing sheet kept when a render would replace it. */

const FORBIDDEN = /[[\]:*?/\\]/g;
const MAX = 31;

/** "<name> (sao lưu dd-mm hh.mm)", cut to Excel's 31 characters, unique among `taken`. */
export function backupSheetName(name: string, now: Date, taken: Iterable<string>): string {
  const p = (n: number) => String(n).padStart(2, "0");
  const suffix = ` (sao lưu ${p(now.getDate())}-${p(now.getMonth() + 1)} ${p(now.getHours())}.${p(now.getMinutes())})`;
  const used = new Set([...taken].map((t) => t.toLowerCase()));
  const base = name.replace(FORBIDDEN, "_");
  for (let n = 1; ; n++) {
    const tail = n === 1 ? suffix : `${suffix} ${n}`;
    const candidate = base.slice(0, Math.max(1, MAX - tail.length)).replace(/'+$/, "") + tail;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/** Table names are workbook-wide: the backup sheet's tables get a suffix to free the name. */
export function backupTableName(name: string, now: Date, taken: Iterable<string>): string {
  const p = (n: number) => String(n).padStart(2, "0");
  const base = `${name}_saoluu_${p(now.getDate())}${p(now.getMonth() + 1)}_${p(now.getHours())}${p(now.getMinutes())}`;
  const used = new Set([...taken].map((t) => t.toLowerCase()));
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}_${n}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}
