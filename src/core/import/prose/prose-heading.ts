/**
 * Is a paragraph of the "Tổ chức thực hiện" section an agency heading? "1. Sở Thông tin và
 * Truyền thông", "a) Công an tỉnh:", a bold "Sở Nội vụ", "11. Đề nghị Ban Tuyên giáo Tỉnh ủy:
 * chỉ đạo, …" (a request, with its task on the same line), "2. Sở Tài chính chủ trì, …" (the
 * task follows the name). A short numbered or bold line that names no agency is a heading of
 * another kind ("1. Trách nhiệm thực hiện").
 */
import type { Paragraph } from "../../readers/paragraph";
import type { AgencyDirectory } from "../../agency/directory";
import { agencyHead, looksLikeAgency } from "../../agency/agency-heads";
import { foldVietnamese, normalizeText } from "../../text/fold";

export type ProseLine =
  | {
      type: "agency";
      /** The number as written ("1", "a"), "" for a bold or list-formatted heading. */
      label: string;
      /** The agency part as written, without "Đề nghị" and the colon. */
      agency: string;
      /** The heading as written, for the group title. */
      heading: string;
      request: boolean;
      /** A task written on the heading's line ("…: chỉ đạo, …"), or "". */
      inline: string;
    }
  | { type: "other-heading"; label: string; heading: string }
  | { type: "text"; text: string; bullet: boolean; label: string };

/** "1.", "10)", "a)", "đ.", "1.2." before the text; not "1/2025". */
const LABEL = /^(\d{1,2}(?:\.\d{1,2})*|[a-zđ])\s*[.)]\s*(?=\S)/u;
const BULLET = /^[-–—+•*]\s*/;
const REQUEST = /^đề\s+nghị\s+/iu;
const RESPONSIBILITY = /^(trách nhiệm|nhiệm vụ) của\s+/iu;
/** "Giao Sở X chủ trì …": the assignment verb before the name. */
const ASSIGN = /^giao\s+(cho\s+)?/iu;
/** "Giám đốc/Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các huyện": the agency, not its head. */
const HEAD_OF =
  /(^|[;,]\s*)(giám đốc|thủ trưởng|chủ tịch|lãnh đạo)(\s*\/\s*(giám đốc|thủ trưởng|chủ tịch))?\s+/giu;
/** An agency heading's name part stays short; longer text is a sentence. */
const MAX_NAME_WORDS = 30;
const MAX_PLAIN_HEADING_WORDS = 15;
/** A numbered or bold heading may name several bodies ("Đề nghị Ủy ban MTTQ … và các tổ chức …"). */
const MAX_MARKED_HEADING_WORDS = 25;

export function classifyProseLine(p: Paragraph, dir: AgencyDirectory): ProseLine {
  let text = normalizeText(p.text.replace(/\*\*/g, ""));
  const bulletMark = BULLET.test(text) && !/^[-–—]\s*\d/.test(text);
  if (bulletMark) text = text.replace(BULLET, "");
  const m = bulletMark ? null : LABEL.exec(text);
  const label = m?.[1] ?? "";
  if (m) text = text.slice(m[0].length);
  const bullet = bulletMark || p.list === "bullet";
  const marked = label !== "" || p.list === "number" || p.list === "unknown" || p.bold === true;

  const colon = text.indexOf(":");
  let name = colon > 0 ? text.slice(0, colon).trim() : text;
  let inline = colon > 0 ? text.slice(colon + 1).trim() : "";
  const request = REQUEST.test(name);
  const bare = (s: string) =>
    s
      .replace(REQUEST, "")
      .replace(RESPONSIBILITY, "")
      .replace(ASSIGN, "")
      .replace(HEAD_OF, "$1")
      .trim();
  let agency = bare(name);

  const words = agency.split(" ").length;
  const sentence = /[.;]$/.test(agency);
  let isAgency = false;
  if (colon > 0) {
    // "a) Sở Nội vụ: chủ trì …", "- Công an tỉnh: …"; unmarked only when the name is short.
    isAgency =
      (marked || bullet || words <= 12) && words <= MAX_NAME_WORDS && nameOfAgency(agency, dir);
  } else if (marked) {
    isAgency = !sentence && words <= MAX_MARKED_HEADING_WORDS && nameOfAgency(agency, dir);
  } else if (!bullet) {
    // A plain line that is only an agency name: a bold heading whose bold was lost in pasting.
    isAgency =
      !sentence &&
      words <= MAX_PLAIN_HEADING_WORDS &&
      looksLikeAgency(agency) &&
      (dir.get(agency) !== undefined || capitalised(agency));
  }
  // "2. Sở Tài chính chủ trì, phối hợp …": the name, then the task on the same line.
  if (!isAgency && (marked || request) && colon < 0) {
    const split = agencyPrefix(agency, dir);
    if (split) {
      agency = split.name;
      name = (request ? (REQUEST.exec(text)?.[0] ?? "") : "") + split.name;
      if (!split.rest) inline = "";
      inline = split.rest;
      isAgency = true;
    }
  }
  if (isAgency) return { type: "agency", label, agency, heading: name, request, inline };
  if (marked && !bullet && colon < 0 && !sentence && words <= MAX_PLAIN_HEADING_WORDS) {
    return { type: "other-heading", label, heading: text };
  }
  return { type: "text", text, bullet, label };
}

/** A name the directory knows, or that reads as one (head word, capitalised), or a collective. */
function nameOfAgency(name: string, dir: AgencyDirectory): boolean {
  if (!name) return false;
  if (dir.get(name)) return true;
  const head = agencyHead(name);
  if (!head) return OTHER_HEADS.test(foldVietnamese(name)) && capitalisedAfter(name, 2);
  if (head.head === "ubnd" || head.head === "uy ban") return true;
  if (head.head === "cac")
    return /\b(so|ban|nganh|co quan|don vi|ubnd|uy ban|huyen|xa|hoi|doan the|co quan bao chi)\b/.test(
      foldVietnamese(name)
    );
  return capitalised(name);
}

/** Bodies a plan's prose addresses whose head word the agency directory does not list. */
const OTHER_HEADS = /^(toa an|mat tran|hoi dong|bao hiem xa hoi|vien kiem sat) /;

function capitalisedAfter(name: string, words: number): boolean {
  const next = name.split(" ")[words];
  return next === undefined || /^[\p{Lu}]/u.test(next) || /^(nhân|tỉnh)/u.test(next);
}

/** "Sở Tài chính", "Công an tỉnh": the word after the head word starts with a capital. */
function capitalised(name: string): boolean {
  const words = name.split(" ");
  const head = agencyHead(name);
  if (!head) return false;
  const next = words[head.head.split(" ").length];
  if (next === undefined || /^[\p{Lu}\d&]/u.test(next) || /^(tỉnh|thành phố)$/u.test(next))
    return true;
  // "Liên hiệp các tổ chức hữu nghị tỉnh": a provincial body named in lowercase words.
  return /\s(tỉnh|thành phố)$/u.test(name) && !/\scủa (tỉnh|thành phố)$/u.test(name);
}

/** The longest leading words that the directory knows as an agency, and the rest after them. */
function agencyPrefix(text: string, dir: AgencyDirectory): { name: string; rest: string } | null {
  const words = text.split(" ");
  for (let n = Math.min(words.length - 1, 14); n >= 1; n--) {
    const name = words.slice(0, n).join(" ").replace(/[,;]$/, "");
    if (dir.get(name))
      return {
        name,
        rest: words
          .slice(n)
          .join(" ")
          .replace(/^[,;:]\s*/, ""),
      };
  }
  return null;
}
