/**
 * "2026 - Sở Y tế - Báo cáo KH 4784.xlsx": the name officers recognise in a folder or a mail.
 * Characters Windows forbids in file names (and control characters) become "-"; names stay
 * well under the 255-byte limit of common file systems, and unique within one distribution.
 */

// eslint-disable-next-line no-control-regex -- control characters are invalid in file names
const INVALID = /[\\/:*?"<>|\u0000-\u001f]/g;

export function safeFileName(s: string): string {
  const cleaned = s
    .normalize("NFC")
    .replace(INVALID, "-")
    .replace(/\s+/g, " ")
    .replace(/^[\s.]+|[\s.]+$/g, "");
  // 80 characters: at most 240 bytes of Vietnamese UTF-8, room left for the extension.
  return cleaned.length > 80 ? cleaned.slice(0, 80).trim() : cleaned;
}

/** The number before "/KH-…" ("4784/KH-UBND" → "4784"); the whole number if it has no "/". */
export function planShortNumber(planNumber: string): string {
  const n = planNumber.trim().split("/")[0].trim();
  return n || "kế hoạch";
}

export function reportFileName(year: number, agency: string, planNumber: string): string {
  return `${safeFileName(`${year} - ${agency} - Báo cáo KH ${planShortNumber(planNumber)}`)}.xlsx`;
}

/** Makes `name` unique among `taken` (case-insensitively, as Windows compares): "… (2).xlsx". */
export function uniqueFileName(name: string, taken: Set<string>): string {
  let out = name;
  for (let i = 2; taken.has(out.toLowerCase()); i++) out = name.replace(/\.xlsx$/, ` (${i}).xlsx`);
  taken.add(out.toLowerCase());
  return out;
}
