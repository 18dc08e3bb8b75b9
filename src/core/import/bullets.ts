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
  // The first item's mark is the list's; a different one ("+" under "-") marks a sub-item,
  // part of the item above ("- Trên báo chí:\n+ Báo in;\n+ Báo điện tử" is one task).
  let top: string | null = null;
  for (const raw of cell.split("\n")) {
    const line = raw.trim();
    if (line === "") continue;
    const mark = MARK.test(line) ? markKind(line) : null;
    top ??= mark;
    if (mark !== null && (mark === top || !items.length)) items.push(line.replace(MARK, ""));
    else if (items.length) items[items.length - 1] += " " + line.replace(MARK, "");
    else intro.push(line);
  }
  return { intro: intro.join(" "), items: items.map((i) => i.replace(/\s*;$/, "").trim()) };
}

/** Dashes of any length are one kind of mark; "+" and "•" are others. */
function markKind(line: string): string {
  const c = line.charAt(0);
  return /[-–—]/.test(c) ? "-" : c;
}

/** A cell's value for each of `n` split tasks, or null when its bullets cannot be aligned. */
export function alignBullets(cell: string, n: number): string[] | null {
  const b = splitBullets(cell);
  if (b.items.length === n) return b.items;
  if (b.items.length <= 1) return Array(n).fill(cell);
  return null;
}
