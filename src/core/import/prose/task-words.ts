/**
 * What a prose task's own words say: its partners ("Chủ trì, phối hợp với Sở X, Công an tỉnh và
 * các cơ quan liên quan …"), whether it only supports another agency ("Phối hợp với Sở X …": X
 * leads), and its time ("hằng năm", "trước ngày 15/11", "năm 2025", "Quý III").
 */
import type { AgencyDirectory } from "../../agency/directory";
import { matchAgencyList } from "../../agency/match-agencies";
import { foldVietnamese, normalizeText } from "../../text/fold";

const PARTNER_CUE = /phoi hop (?:chat che )?(?:voi|cung) /g;
const STARTS_AS_PARTNER = /^(?:chu dong )?phoi hop (?:chat che )?(?:voi|cung) /;
/** Lowercase words that belong inside an agency list ("các sở, ban, ngành, địa phương"). */
const LIST_WORDS = new Set(
  (
    "va cac cung voi co lien quan khac ban so nganh co quan don vi dia phuong tinh huyen thanh pho " +
    "thi xa xa phuong ubnd hoi doan the to chuc chinh tri - xa hoi truc thuoc thuoc"
  ).split(" ")
);
const MAX_NAME_WORDS = 14;

export interface TaskWords {
  /** Partner agencies named in the task, as written ("; "-joined for the matcher). */
  partners: string[];
  /** Set when the task only says "Phối hợp với X …": X, as written. */
  leadInstead: string[];
}

export function readTaskWords(task: string, dir: AgencyDirectory): TaskWords {
  const n = normalizeText(task);
  const f = foldVietnamese(n);
  const partners: string[] = [];
  for (const m of f.matchAll(PARTNER_CUE)) {
    const start = (m.index ?? 0) + m[0].length;
    partners.push(...agencyRun(n.slice(start), dir));
  }
  const unique = [...new Set(partners)];
  const leadInstead: string[] = [];
  if (STARTS_AS_PARTNER.test(f.replace(/^[-+•\s]+/, ""))) {
    const cue = new RegExp(PARTNER_CUE.source).exec(f);
    const named = cue ? agencyRun(n.slice(cue.index + cue[0].length), dir) : [];
    // Only a named agency takes the lead: "Phối hợp với các cơ quan liên quan …" keeps the heading's.
    for (const w of named) {
      const refs = matchAgencyList(w, dir);
      if (refs.some((r) => r.matched && !r.vague && !dir.get(r.name)?.collective))
        leadInstead.push(w);
    }
  }
  return {
    partners: unique.filter((p) => !leadInstead.includes(p)),
    leadInstead,
  };
}

/**
 * The agencies named at the start of `text`, up to the first word that is neither inside a
 * known name nor a list word: "Sở Thông tin và Truyền thông tham mưu …" → ["Sở Thông tin và
 * Truyền thông"]. Names the directory does not know are left out (the title keeps them).
 */
function agencyRun(text: string, dir: AgencyDirectory): string[] {
  const words = text.split(" ");
  const out: string[] = [];
  let i = 0;
  let pending: string[] = [];
  const flush = () => {
    const chunk = pending
      .join(" ")
      .replace(/^[,\s]*(và|cùng|với)?\s*/u, "")
      .replace(/[,\s]+$/, "");
    if (chunk) {
      const refs = matchAgencyList(chunk, dir);
      // Only names the directory knows: a run of words cut at a lowercase word ("Bộ Ngoại
      // giao") would give a wrong name; the task's text still says who it was.
      for (const r of refs) if (r.matched) out.push(r.written);
    }
    pending = [];
  };
  for (let word = words[i]; word !== undefined; word = words[i]) {
    const stop = /[.;:()]$/.test(word);
    let matched = 0;
    for (let k = Math.min(words.length - i, MAX_NAME_WORDS); k >= 1; k--) {
      const candidate = words
        .slice(i, i + k)
        .join(" ")
        .replace(/[,.;:]+$/, "");
      if (dir.get(candidate)) {
        matched = k;
        break;
      }
    }
    if (matched) {
      flush();
      const written = words.slice(i, i + matched).join(" ");
      out.push(written.replace(/[,.;:]+$/, ""));
      i += matched;
      // The name's last word ends a clause: the list stops there.
      if (/[.;:]$/.test(written)) break;
      continue;
    }
    const w = foldVietnamese(word).replace(/[,.;:()]+/g, "");
    const capital = /^[\p{Lu}]/u.test(word);
    if (!capital && !LIST_WORDS.has(w)) break;
    pending.push(word);
    i++;
    if (stop) break;
  }
  flush();
  return out;
}

/** Time words of a task → the text parseSchedule reads, or "" when the task names no time. */
export function timeWords(task: string): string {
  // Quoted titles and document references carry years that are not the task's; parentheses
  // often hold the time itself ("(trước ngày 15/12 hàng năm)") and stay.
  const t = foldVietnamese(
    normalizeText(task)
      .replace(/[“"][^”"]*[”"]/g, " ")
      .replace(/\bsố\s+\S+\s+ngày\s+\d{1,2}\/\d{1,2}\/\d{4}/giu, " ")
  );
  let m = /\btruoc (?:ngay )?(\d{1,2})\/(\d{1,2})(\/\d{4})?( (?:hang|moi) nam)?/.exec(t);
  if (m) return `Trước ngày ${m[1]}/${m[2]}${m[3] ?? ""}${m[3] ? "" : " hằng năm"}`;
  m = /\bquy (i{1,3}|iv)\b(?:\s*(?:\/|nam)\s*(\d{4}))?/.exec(t);
  if (m) return `Quý ${(m[1] ?? "").toUpperCase()}${m[2] ? `/${m[2]}` : ""}`;
  m = /\bthang (\d{1,2})(?:\/| nam )(\d{4})\b/.exec(t);
  if (m) return `Tháng ${m[1]}/${m[2]}`;
  m = /\bgiai doan (\d{4}) ?- ?(\d{4})\b/.exec(t);
  if (m) return `${m[1]} - ${m[2]}`;
  m = /(?<!\bden )(?<!\btoi )\bnam (20\d\d)\b/.exec(t);
  if (m) return `Năm ${m[1]}`;
  if (/\b(hang|moi) nam\b/.test(t)) return "Hằng năm";
  if (/\b(hang|moi) (quy|thang)\b/.test(t)) return "Hàng quý";
  if (/\bthuong xuyen\b/.test(t)) return "Thường xuyên";
  return "";
}
