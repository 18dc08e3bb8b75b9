/**
 * Phrases that name no agency: "Các cơ quan, đơn vị liên quan", "các đơn vị có liên quan khác",
 * "Các ngành, địa phương liên quan". Plans put them in lead and partner cells; they stay on the
 * task as the plan's words, but nobody can be sent a file, counted or reported under them. So
 * they are never a directory entry, and every reader of agency names (distribute, consolidate,
 * rollup, the "Tổng hợp" sheet, the papers) asks this rule before treating a name as an agency.
 * A phrase that names a body ("Các Sở, ban, ngành liên quan", "Sở Y tế và các đơn vị liên
 * quan") is not vague: only generic words may remain around "liên quan".
 */
import { foldVietnamese } from "../text/fold";

/** Generic nouns of such phrases (folded): none of them names a body. */
const GENERIC = new Set([
  "co quan",
  "don vi",
  "dia phuong",
  "nganh",
  "to chuc",
  "ca nhan",
  "doanh nghiep",
  "bo phan",
  "phong ban",
]);

/** Words around the nouns that change nothing: "các", "có liên quan", "khác", "tỉnh". */
const FILLER =
  /\b(cac|co lien quan|lien quan|khac|tinh|tren dia ban|cap tinh|thuoc tinh|va|cung)\b/g;

/** True when `text` is a phrase like "Các cơ quan, đơn vị liên quan" that names no agency. */
export function namesNoAgency(text: string): boolean {
  const f = foldVietnamese(text)
    .replace(/[^a-z0-9 ]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (!/^(cac )?(co quan|don vi|dia phuong|nganh|to chuc)\b/.test(f)) return false;
  const rest = f.replace(FILLER, " ").replace(/\s+/g, " ").trim();
  if (rest === "") return false;
  // What is left must be generic nouns only ("co quan don vi dia phuong").
  let left = ` ${rest} `;
  for (const g of GENERIC) left = left.split(` ${g} `).join(" ");
  return left.trim() === "" && (/lien quan/.test(f) || /^(cac )?co quan don vi$/.test(f));
}
