/**
 * "2026 - Sở Y tế - Báo cáo KH 4784.xlsx": the name officers recognise in a folder or a mail.
 * Names are made safe by core/text/file-name.ts (characters, length on a character boundary,
 * the suffix kept) and unique within one distribution.
 */

import { safeFileName } from "../text/file-name";

export { safeFileName };

/** The number before "/KH-…" ("4784/KH-UBND" → "4784"); the whole number if it has no "/". */
function planShortNumber(planNumber: string): string {
  const whole = planNumber.trim();
  const slash = whole.indexOf("/");
  const n = (slash < 0 ? whole : whole.slice(0, slash)).trim();
  return n || "kế hoạch";
}

/** A long agency name is cut (on a character boundary); " - Báo cáo KH …" always stays. */
export function reportFileName(year: number, agency: string, planNumber: string): string {
  const keep = ` - Báo cáo KH ${planShortNumber(planNumber)}`;
  return `${safeFileName(`${year} - ${agency}`, "don-vi", keep)}.xlsx`;
}

/** Makes `name` unique among `taken` (case-insensitively, as Windows compares): "… (2).xlsx". */
export function uniqueFileName(name: string, taken: Set<string>): string {
  let out = name;
  for (let i = 2; taken.has(out.toLowerCase()); i++) out = name.replace(/\.xlsx$/, ` (${i}).xlsx`);
  taken.add(out.toLowerCase());
  return out;
}
