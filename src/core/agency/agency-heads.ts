/**
 * The words an agency name starts with ("Sở", "Ban", "Trung tâm"…). Used to tell an agency
 * from other text: a plan's "(gọi tắt là Nghị quyết 47)" is not an agency definition, and an
 * unknown "Hội Nông dân tỉnh" in a list is still a name while "có liên quan" is not.
 */
import type { AgencyKind } from "../model";
import { foldVietnamese } from "../text/fold";

/** Folded head phrases, longest first so "văn phòng" wins over "phòng". */
const HEADS: Array<[string, AgencyKind]> = (
  [
    ["bo chi huy", "military"],
    ["bo chqs", "military"],
    ["bch quan su", "military"],
    ["ban quan ly", "board"],
    ["van phong", "office"],
    ["uy ban", "people-committee"],
    ["ubnd", "people-committee"],
    ["ubmttq", "other"],
    ["cong an", "police"],
    ["trung tam", "center"],
    ["thanh tra", "other"],
    ["lien minh", "other"],
    ["lien doan", "other"],
    ["lien hiep", "other"],
    ["tinh doan", "other"],
    ["tinh uy", "other"],
    ["chi cuc", "other"],
    ["kho bac", "other"],
    ["ngan hang", "other"],
    ["bao hiem", "other"],
    ["hai quan", "other"],
    ["doan", "other"],
    ["so", "department"],
    ["ban", "board"],
    ["dai", "media"],
    ["bao", "media"],
    ["phong", "office"],
    ["cuc", "other"],
    ["hoi", "other"],
    ["vien", "other"],
    ["truong", "other"],
    ["bo", "other"],
    ["cac", "collective"],
  ] as Array<[string, AgencyKind]>
).sort((a, b) => b[0].length - a[0].length);

/** The head phrase `name` starts with, and its kind; undefined when it starts with none. */
export function agencyHead(name: string): { head: string; kind: AgencyKind } | undefined {
  const f = foldVietnamese(name);
  for (const [head, kind] of HEADS) {
    if (f === head || f.startsWith(head + " ")) return { head, kind };
  }
  return undefined;
}

/** Kind guessed from the head word ("Sở …" -> department), undefined when no head. */
export function agencyKindOf(name: string): AgencyKind | undefined {
  return agencyHead(name)?.kind;
}

/** True when `name` reads like an agency name: a head word, then a capitalised name part. */
export function looksLikeAgency(name: string): boolean {
  const head = agencyHead(name);
  return head !== undefined && head.head !== "cac";
}
