/**
 * "các sở, ngành (Văn hóa, Thể thao và Du lịch, Kế hoạch và Đầu tư, Công Thương, Công an
 * tỉnh)", "các Sở: Nội vụ, Khoa học và Công nghệ": departments named by their field only. Each field becomes its Sở (or Ban) when the
 * directory knows it; a full name inside ("Công an tỉnh") stays itself. Commas cannot be
 * trusted (a field may hold one), so the longest run of pieces that names an agency wins.
 */
import type { Agency } from "../model";
import type { AgencyDirectory } from "./directory";
import { looksLikeAgency } from "./agency-heads";

const ELLIPTICAL = /(?:các\s+)?(?:sở|ban|ngành)(?:\s*,\s*(?:sở|ban|ngành))*\s*\(([^()]+)\)/giu;
/** "các Sở: Nội vụ, Khoa học và Công nghệ, Văn hóa, Thể thao và Du lịch" up to ";", "." or the line's end. */
const ELLIPTICAL_COLON =
  /(?:các\s+)?(?:sở|ban|ngành)(?:\s*,\s*(?:sở|ban|ngành))*\s*:\s*([^;.\n]+)/giu;
const PREFIXES = ["Sở ", "Ban "];

/** The text with each elliptical list spelled out as full names, ";"-separated. */
export function expandElliptical(text: string, dir: AgencyDirectory): string {
  const expand = (whole: string, inside: string) => {
    const names = expandInside(inside, dir);
    return names ? names.join("; ") : whole;
  };
  return text.replace(ELLIPTICAL, expand).replace(ELLIPTICAL_COLON, expand);
}

function expandInside(inside: string, dir: AgencyDirectory): string[] | null {
  const pieces = inside.split(/\s*,\s*|\s+và\s+(?=[\p{Lu}])/u).filter((p) => p.trim() !== "");
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
      out.push(looksLikeAgency(pieces[i]) ? pieces[i] : `Sở ${pieces[i]}`);
      i++;
    }
  }
  // Parentheses that name no department by its field are a remark, not a list.
  return byField > 0 ? out : null;
}
