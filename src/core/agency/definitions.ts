/**
 * Plan-local abbreviations: plans define short names in passing, "Sở Thông tin và Truyền
 * thông (Sở TT-TT)", "Ban quản lý các khu công nghiệp (sau đây gọi tắt là BQL các KCN)", then
 * use them in the phụ lục. Only definitions of agencies are kept: "(gọi tắt là Nghị quyết số
 * 47/NQ-CP)" or "(TTĐN)" for "thông tin đối ngoại" are not agencies.
 */
import { normalizeText } from "../text/fold";
import type { AgencyDefinition } from "./directory";
import { agencyHead, looksLikeAgency } from "./agency-heads";

/** "(…)" with an optional "sau đây gọi tắt là / viết tắt là" lead-in. */
const PAREN = /\(\s*(?:(?:sau đây\s+)?(?:gọi|viết)\s+tắt\s+là\s*:?\s*)?([^()]{1,40}?)\s*\)/giu;

/** Words a name never spans back over when we look for where the full name starts. */
const MAX_FULL_WORDS = 14;

export function extractDefinitions(text: string): AgencyDefinition[] {
  const n = normalizeText(text);
  const defs: AgencyDefinition[] = [];
  for (const m of n.matchAll(PAREN)) {
    const short = (m[1] ?? "").replace(/^["“”']|["“”']$/g, "").trim();
    if (!looksLikeShortName(short)) continue;
    const full = fullNameBefore(n.slice(0, m.index ?? 0), short);
    if (!full || !looksLikeAgency(full) || full.length <= short.length) continue;
    if (!defs.some((d) => d.short === short)) defs.push({ short, full });
  }
  return defs;
}

/** An abbreviation: short, with at least two capitals ("Sở TT-TT", "BQL các KCN", "VP"). */
function looksLikeShortName(s: string): boolean {
  const capitals = s.match(/\p{Lu}/gu)?.length ?? 0;
  return capitals >= 2 && s.split(" ").length <= 5 && !/\d{4}|\//.test(s);
}

/**
 * The full name just before "(": it starts at the last head word ("Sở", "Ban"…) before the
 * parenthesis, or at the short name's own first word when that is a head ("Sở" of "Sở TT-TT"),
 * extended back over a head that owns it ("Văn phòng" + "UBND tỉnh").
 */
function fullNameBefore(before: string, short: string): string | undefined {
  const tokens = [...before.matchAll(/\S+/g)].slice(-MAX_FULL_WORDS);
  if (tokens.length === 0) return undefined;
  const end = before.trimEnd().length;
  const fromToken = (k: number) => before.slice(tokens[k]?.index ?? 0, end).replace(/[,;:.]+$/, "");
  const startsHead = (k: number) => {
    const rest = fromToken(k);
    return looksLikeAgency(rest) && /^\p{Lu}/u.test(rest);
  };

  const shortHead = agencyHead(short);
  let start = -1;
  for (let k = tokens.length - 1; k >= 0; k--) {
    // Never cross a sentence or clause break: the name is in the same clause.
    if (k < tokens.length - 1 && /[.;:]$/.test(tokens[k]?.[0] ?? "")) break;
    if (!startsHead(k)) continue;
    if (shortHead) {
      const head = agencyHead(fromToken(k));
      if (head?.head === shortHead.head) {
        start = k;
        break;
      }
      if (start < 0) start = k;
    } else {
      start = k;
      break;
    }
  }
  if (start < 0) return undefined;
  // "Văn phòng" + "UBND tỉnh": step back over a head phrase that the name continues.
  for (let stepped = true; stepped; ) {
    stepped = false;
    for (let m = 3; m >= 1 && !stepped; m--) {
      const k = start - m;
      if (k >= 0 && startsHead(k) && agencyHead(fromToken(k))?.head.split(" ").length === m) {
        start = k;
        stepped = true;
      }
    }
  }
  return fromToken(start);
}
