/**
 * "các sở, ngành (Văn hóa, Thể thao và Du lịch, Kế hoạch và Đầu tư, Công Thương, Công an
 * tỉnh)", "các Sở: Nội vụ, Khoa học và Công nghệ": departments named by their field only. Each field becomes its Sở (or Ban) when the
 * directory knows it; a full name inside ("Công an tỉnh") stays itself. Commas cannot be
 * trusted (a field may hold one), so the longest run of pieces that names an agency wins.
 */
import type { Agency } from "../model";
import type { AgencyDirectory } from "./directory";
import { looksLikeAgency } from "./agency-heads";

// Officers' spellings: "các Sở", "cac So", "các sở, ngành"; heads never inside a word ("Ủy ban:").
const CAC = String.raw`c[aá]c\s+`;
const HEAD = String.raw`(?<!\p{L})(?:s[ởoơ]|ban|ng[aà]nh)(?!\p{L})`;
const HEADS = String.raw`${HEAD}(?:\s*,\s*${HEAD})*`;
const ELLIPTICAL = new RegExp(String.raw`(?:${CAC})?${HEADS}\s*\(([^()]+)\)`, "giu");
/** "các Sở: Nội vụ, Khoa học và Công nghệ, Văn hóa, Thể thao và Du lịch" up to "." or the line's end. */
const ELLIPTICAL_COLON = new RegExp(String.raw`(?:${CAC})?${HEADS}\s*:\s*([^.\n]+)`, "giu");
/** "các Sở Nội vụ, Tài chính, Kế hoạch và Đầu tư": no colon, a capitalised field after "các Sở". */
const ELLIPTICAL_BARE = new RegExp(String.raw`${CAC}${HEAD}\s+(?=\p{Lu})([^;.\n:()]+)`, "giu");
const PREFIXES = ["Sở ", "Ban "];

/** The text with each elliptical list spelled out as full names, ";"-separated. */
export function expandElliptical(text: string, dir: AgencyDirectory): string {
  const expand = (whole: string, inside: string) => {
    const names = expandInside(inside, dir, false);
    return names ? names.join("; ") : whole;
  };
  // After a colon, ";" may separate the fields too ("các Sở: Nội vụ; Khoa học và Công nghệ"):
  // a part after ";" that names fields only goes on with the list; the first that does not ends it.
  const expandColon = (whole: string, inside: string) => {
    const [first = "", ...rest] = inside.split(/\s*;\s*/);
    const names = expandInside(first, dir, false);
    if (!names) return whole;
    let k = 0;
    for (; k < rest.length; k++) {
      const more = expandInside(rest[k] ?? "", dir, true);
      if (!more) break;
      names.push(...more);
    }
    return [names.join("; "), ...rest.slice(k)].join("; ");
  };
  // Without a colon only a list whose every piece is known is spelled out: "các Sở Y tế chủ
  // trì, …" in a sentence stays as written.
  const expandBare = (whole: string, inside: string) => {
    const names = expandInside(inside, dir, true);
    return names ? names.join("; ") : whole;
  };
  return text
    .replace(ELLIPTICAL, expand)
    .replace(ELLIPTICAL_COLON, expandColon)
    .replace(ELLIPTICAL_BARE, expandBare);
}

/**
 * The departments a list of fields names, or null when it names none by its field (a remark);
 * `strict`: null too when a piece names nothing known (only fields and full names).
 */
function expandInside(inside: string, dir: AgencyDirectory, strict: boolean): string[] | null {
  const pieces = inside.split(/\s*,\s*|\s+v[aà]\s+(?=[\p{Lu}])/u).filter((p) => p.trim() !== "");
  const out: string[] = [];
  let byField = 0;
  let i = 0;
  while (i < pieces.length) {
    let found: { name: string; next: number; field: boolean } | null = null;
    for (let j = pieces.length; j > i && !found; j--) {
      const candidate = pieces.slice(i, j).join(", ");
      const own = dir.get(candidate);
      if (own && looksLikeAgency(candidate)) found = { name: own.name, next: j, field: false };
      for (const prefix of PREFIXES) {
        const agency: Agency | undefined = !found ? dir.get(prefix + candidate) : undefined;
        if (agency) found = { name: agency.name, next: j, field: true };
      }
      // "Kế hoạch và Đầu tư": the split at "và" may have cut a field in two.
      if (!found) {
        const withAnd = pieces.slice(i, j).join(" và ");
        for (const prefix of PREFIXES) {
          const agency: Agency | undefined =
            !found && j - i > 1 ? dir.get(prefix + withAnd) : undefined;
          if (agency) found = { name: agency.name, next: j, field: true };
        }
      }
    }
    if (found) {
      out.push(found.name);
      if (found.field) byField++;
      i = found.next;
    } else {
      if (strict) return null;
      const piece = pieces[i] ?? "";
      out.push(looksLikeAgency(piece) ? piece : `Sở ${piece}`);
      i++;
    }
  }
  // Parentheses that name no department by its field are a remark, not a list.
  return byField > 0 ? out : null;
}
