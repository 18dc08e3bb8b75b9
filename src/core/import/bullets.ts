/**
 * Bullets inside one cell ("- a\n- b"): several tasks typed in one row. Lines starting with
 * "-", "–", "+" or "•" begin an item; other lines continue the item above (or, before the
 * first item, are an introduction shared by all items).
 */
const MARK = /^[-–—+•]\s*/;

export interface Bullets {
  intro: string;
  items: string[];
}

export function splitBullets(cell: string): Bullets {
  const intro: string[] = [];
  const items: string[] = [];
  for (const raw of cell.split("\n")) {
    const line = raw.trim();
    if (line === "") continue;
    if (MARK.test(line)) items.push(line.replace(MARK, ""));
    else if (items.length) items[items.length - 1] += " " + line;
    else intro.push(line);
  }
  return { intro: intro.join(" "), items: items.map((i) => i.replace(/\s*;$/, "").trim()) };
}

/** A cell's value for each of `n` split tasks, or null when its bullets cannot be aligned. */
export function alignBullets(cell: string, n: number): string[] | null {
  const b = splitBullets(cell);
  if (b.items.length === n) return b.items;
  if (b.items.length <= 1) return Array(n).fill(cell);
  return null;
}
