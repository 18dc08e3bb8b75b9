/**
 * Reads an agency list cell ("Sở Thông tin và Truyền thông, Báo Lâm Đồng, Đài PTTH tỉnh")
 * into AgencyRefs. Commas cannot be trusted as separators: names contain them ("Sở Văn hóa,
 * Thể thao và Du lịch") and so do collectives ("Các Sở, ban, ngành"). So we find names by
 * LONGEST MATCH against the directory, word by word on name keys; whatever lies between
 * matches is either a separator, a qualifier of the name before it ("… thuộc tỉnh"), a
 * sub-unit of the name after it ("Phòng X - Văn phòng UBND tỉnh"), or an unknown name kept
 * as written. Only ";" and bullet lines always separate.
 *
 * Convention: "Các Sở, ban, ngành, UBND các huyện, thành phố" is TWO collectives
 * ("Các Sở, ban, ngành" and "UBND các huyện, thành phố"), because only the second one has a
 * successor (UBND các xã, phường from 2025-07-01).
 */
import type { AgencyRef } from "../model";
import { foldVietnamese, normalizeText } from "../text/fold";
import type { AgencyDirectory } from "./directory";
import { keyWords, type Word } from "./name-key";
import { closestAgency } from "./suggest";
import { looksLikeAgency } from "./agency-heads";
import { expandElliptical } from "./elliptical-list";
import { namesNoAgency } from "./vague-phrase";

interface Span {
  start: number;
  end: number;
  /** Canonical name when the span matched the directory. */
  name?: string;
  /** A phrase naming no agency ("các cơ quan liên quan"), kept as written. */
  vague?: boolean;
}

export function matchAgencyList(text: string, dir: AgencyDirectory): AgencyRef[] {
  const refs: AgencyRef[] = [];
  for (const segment of splitSegments(expandElliptical(text, dir), dir))
    refs.push(...matchSegment(normalizeText(segment), dir));
  return dedupe(refs);
}

/**
 * ";" always separates; so do bullet lines, when the cell is a bulleted list, and line breaks
 * before a capitalised line unless a name runs across them (`nameRunsOn`).
 */
function splitSegments(text: string, dir: AgencyDirectory): string[] {
  const bulleted = /^\s*[-–+•]\s/.test(text);
  const lines = bulleted ? text.split(/\n\s*(?=[-–+•]\s)/) : [text];
  return lines
    .map((l) => (bulleted ? l.replace(/^\s*[-–+•]\s*/, "") : l))
    .flatMap((l) => l.split(";"))
    .flatMap((l) => splitLines(l, dir))
    .filter((l) => normalizeText(l) !== "");
}

/**
 * A cell written one agency per line ("Hội Nông dân tỉnh" / "Liên đoàn Lao động tỉnh") names
 * as many agencies as lines, known or not; a lowercase line continues the one above.
 */
function splitLines(text: string, dir: AgencyDirectory): string[] {
  const out: string[] = [];
  for (const line of text.split(/\n(?=[^\S\n]*\p{Lu})/u)) {
    const prev = out[out.length - 1];
    if (prev !== undefined && nameRunsOn(prev, line, dir)) out[out.length - 1] = `${prev}\n${line}`;
    else out.push(line);
  }
  return out;
}

/** The line above ends in a connector, or a directory name starts above and ends below. */
function nameRunsOn(above: string, below: string, dir: AgencyDirectory): boolean {
  if (/(?:[,(&/+\-–:]|(?<![\p{L}\p{N}])(?:và|cùng|với|thuộc|của))\s*$/iu.test(above)) return true;
  const head = normalizeText(above);
  const n = normalizeText(`${head} ${below}`);
  return findMatches(n, keyWords(n), dir).some((s) => s.start < head.length && s.end > head.length);
}

function matchSegment(n: string, dir: AgencyDirectory): AgencyRef[] {
  const words = keyWords(n);
  const matches = findMatches(n, words, dir);
  const refs: AgencyRef[] = [];
  let last: { ref: AgencyRef; span: Span } | undefined;
  let pos = 0;
  for (let m = 0; m <= matches.length; m++) {
    const next = matches[m];
    const gap = n.slice(pos, next ? next.start : n.length);
    const pieces = wholeIfClose(gapPieces(gap, pos), n, dir);
    for (const [p, piece] of pieces.entries()) {
      const between = n.slice(last ? last.span.end : 0, piece.start);
      // Lowercase text glued to the name before it qualifies that name: "… thành phố thuộc tỉnh".
      if (
        last &&
        p === 0 &&
        /^\s*$/.test(between) &&
        startsLowercase(n.slice(piece.start, piece.end))
      ) {
        last.span.end = piece.end;
        last.ref.written = n.slice(last.span.start, last.span.end);
        continue;
      }
      // "Phòng Ngoại vụ - Văn phòng UBND tỉnh": a unit of the agency after it, kept whole.
      if (next && p === pieces.length - 1 && piece.subUnit) {
        const written = n.slice(piece.start, next.end);
        const ref: AgencyRef = unknownRef(written, dir);
        ref.suggestion ??= next.name;
        refs.push(ref);
        last = { ref, span: { start: piece.start, end: next.end } };
        next.name = undefined; // consumed
        continue;
      }
      const ref = pieceRef(n.slice(piece.start, piece.end), dir);
      if (ref) {
        refs.push(ref);
        last = { ref, span: { start: piece.start, end: piece.end } };
      }
    }
    if (next && next.name !== undefined) {
      const written = n.slice(next.start, next.end);
      const ref: AgencyRef = next.vague
        ? { name: written, written, matched: true, vague: true }
        : { name: next.name, written, matched: true };
      refs.push(ref);
      last = { ref, span: next };
    }
    if (next) pos = next.end;
  }
  return refs;
}

/** Longest directory matches, left to right, each starting where a name may start. */
function findMatches(n: string, words: Word[], dir: AgencyDirectory): Span[] {
  const spans: Span[] = [];
  const limit = dir.maxKeyLength();
  let i = 0;
  for (let word = words[i]; word; word = words[i]) {
    let found: { j: number; name: string; vague?: boolean } | undefined;
    const vague = mayStartName(n, words, i) ? vagueEnd(n, words, i) : -1;
    if (vague >= 0) {
      found = { j: vague, name: "", vague: true };
    } else if (mayStartName(n, words, i)) {
      let key = "";
      for (let j = i, w = words[j]; w && key.length < limit; w = words[++j]) {
        key += w.key;
        const agency = dir.getByKey(key);
        if (agency) found = { j, name: agency.name };
      }
    }
    if (found) {
      spans.push({
        start: word.start,
        end: (words[found.j] ?? word).end,
        name: found.name,
        ...(found.vague ? { vague: true } : {}),
      });
      i = found.j + 1;
    } else {
      i++;
    }
  }
  return spans;
}

/** Words that may open a phrase naming no agency ("các", "cơ quan", "đơn vị"…). */
const VAGUE_START = new Set(["cac", "co", "don", "dia", "nganh", "to"]);

/**
 * The last word of the longest phrase from word `i` that names no agency ("các đơn vị có liên
 * quan khác"), or -1: such a phrase is taken whole, before any name inside it ("địa phương").
 */
function vagueEnd(n: string, words: Word[], i: number): number {
  const first = words[i];
  if (!first || !VAGUE_START.has(first.key)) return -1;
  let end = -1;
  for (let j = i + 1, w = words[j]; w && j < i + 14; w = words[++j])
    if (namesNoAgency(n.slice(first.start, w.end))) end = j;
  return end;
}

/**
 * A name starts at the beginning, after a separator (",", "(", "-", "và"…), or at a
 * capitalised word: so "Hội Nhà báo tỉnh" never yields "Báo tỉnh".
 */
function mayStartName(n: string, words: Word[], i: number): boolean {
  const prev = words[i - 1];
  const word = words[i];
  if (!prev || !word) return true; // the first word
  const before = n.slice(prev.end, word.start);
  if (/[,;:()&/+\-–]/.test(before) || /(^|\s)(và|cùng|với)(\s|$)/iu.test(before)) return true;
  return !startsLowercase(n.slice(word.start));
}

interface Piece {
  start: number;
  end: number;
  /** Ends with "-" or "thuộc": a unit of the agency named right after. */
  subUnit: boolean;
}

/** Splits the text between two matches into candidate names, positions in the segment. */
function gapPieces(gap: string, offset: number): Piece[] {
  const pieces: Piece[] = [];
  const sep = /,|\(|\)|(?<![\p{L}\p{N}])(?:và|cùng|với)(?![\p{L}\p{N}])/giu;
  let from = 0;
  let inParens = false;
  let sepBefore = "";
  const push = (to: number, sepAfter: string) => {
    const raw = gap.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    const start = offset + from + lead;
    if (text && /[\p{L}\p{N}]/u.test(text)) {
      const prev = pieces[pieces.length - 1];
      if (inParens && startsLowercase(text)) {
        // "(nếu có)", "(chủ trì)": a remark, not a name.
      } else if (
        prev &&
        /^(,|và)$/iu.test(sepBefore) &&
        startsLowercase(text) &&
        !/^các\s/iu.test(text)
      ) {
        // "Trung tâm hỗ trợ doanh nghiệp, thương mại và dịch vụ": commas and "và" inside an
        // unknown name (a lowercase word continues a name; "các …" starts a collective).
        prev.end = start + text.length;
        prev.subUnit = isSubUnit(text);
      } else {
        pieces.push({ start, end: start + text.length, subUnit: isSubUnit(text) });
      }
    }
    if (sepAfter === "(") inParens = true;
    if (sepAfter === ")") inParens = false;
    sepBefore = sepAfter;
  };
  for (const m of gap.matchAll(sep)) {
    push(m.index ?? 0, m[0]);
    from = (m.index ?? 0) + m[0].length;
  }
  push(gap.length, "");
  // Trailing "-" / "thuộc" of a sub-unit belongs to the written name, not to the piece.
  return pieces.map((p) => ({ ...p, end: p.subUnit ? p.end : trimDash(gap, offset, p) }));
}

/** "Sở Thông tin và Truyền thôn": a typo of one name is not two names split at "và". */
function wholeIfClose(pieces: Piece[], n: string, dir: AgencyDirectory): Piece[] {
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  if (pieces.length < 2 || !first || !last) return pieces;
  const whole = { start: first.start, end: last.end, subUnit: false };
  return closestAgency(n.slice(whole.start, whole.end), dir) ? [whole] : pieces;
}

function trimDash(gap: string, offset: number, p: Piece): number {
  const text = gap.slice(p.start - offset, p.end - offset).replace(/[\s\-–.:]+$/, "");
  return p.start + text.length;
}

function isSubUnit(text: string): boolean {
  return /(\s[-–]|\sthuộc)\s*$/iu.test(text) && looksLikeAgency(text);
}

/** A piece of text between matches: a filler, a known name after all, or an unknown name. */
function pieceRef(written: string, dir: AgencyDirectory): AgencyRef | undefined {
  const f = foldVietnamese(written)
    .replace(/[^a-z0-9 ]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (!f || FILLERS.has(f)) return undefined;
  // "các đơn vị có liên quan": the plan's words, kept on the task, never an agency.
  if (namesNoAgency(written)) return { name: written, written, matched: true, vague: true };
  const agency = dir.get(written);
  if (agency) return { name: agency.name, written, matched: true };
  return unknownRef(written, dir);
}

/** Words that sit between names without being one. */
const FILLERS = new Set([
  "cac",
  "chu tri",
  "phoi hop",
  "tinh",
  "khac",
  "va cac",
  "cac don vi",
  "cac co quan",
]);

function unknownRef(written: string, dir: AgencyDirectory): AgencyRef {
  const suggestion = closestAgency(written, dir);
  return { name: written, written, matched: false, ...(suggestion ? { suggestion } : {}) };
}

function startsLowercase(s: string): boolean {
  const c = s.trimStart().charAt(0);
  return c !== "" && c !== c.toUpperCase() && c === c.toLowerCase();
}

/** The same agency twice ("Sở TT&TT (Sở TT-TT)") is one ref: the first spelling wins. */
function dedupe(refs: AgencyRef[]): AgencyRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const key = r.matched ? `=${r.name}` : `?${foldVietnamese(r.written)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
