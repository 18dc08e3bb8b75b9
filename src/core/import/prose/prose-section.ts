/**
 * Where a plan assigns its tasks in prose: the section "IV. TỔ CHỨC THỰC HIỆN" (or "PHÂN CÔNG
 * NHIỆM VỤ", "TRÁCH NHIỆM THỰC HIỆN"), up to the next Roman-numbered section, the closing
 * ("Trên đây là…", "Nơi nhận:", the signature) or an appendix.
 */
import type { Paragraph } from "../../readers/paragraph";
import { foldVietnamese } from "../../text/fold";

const SECTION_TITLE =
  /^(to chuc thuc hien|phan cong (nhiem vu|thuc hien|trach nhiem)|trach nhiem (thuc hien|cua cac)|nhiem vu cu the cua cac|giao nhiem vu)\b/;

/** "IV. ", "4. ", "Điều 3. " before a section title. */
const SECTION_NUMBER = /^((dieu\s+)?([ivxlc]+|\d+)\s*[.):]\s*)/;

export interface ProseSection {
  /** Index in `paragraphs` of the section title. */
  title: number;
  /** Paragraph indices [from, to) of the section's body. */
  from: number;
  to: number;
  /** Why the section stopped, for the officer: "Nơi nhận", "V. …", "(hết văn bản)". */
  endedBy: string;
}

/** Every candidate section, in document order (a plan may repeat the title in its annex). */
export function findProseSections(paragraphs: Paragraph[]): ProseSection[] {
  const out: ProseSection[] = [];
  paragraphs.forEach((p, i) => {
    const f = foldVietnamese(p.text).replace(/\*/g, "");
    const words = f.split(" ").length;
    if (words > 12 || !SECTION_TITLE.test(f.replace(SECTION_NUMBER, ""))) return;
    // Up to the paragraph that ends the section, else to the end of the text.
    let to = i + 1;
    let end = paragraphs[to];
    while (end && !endsSection(end)) end = paragraphs[++to];
    out.push({
      title: i,
      from: i + 1,
      to,
      endedBy: end ? end.text.slice(0, 40) : "(hết văn bản)",
    });
  });
  return out;
}

/** A Roman-numbered section, the recipients list, a signature block, or an appendix. */
function endsSection(p: Paragraph): boolean {
  const f = foldVietnamese(p.text).replace(/\*/g, "").trim();
  if (/^[ivxlc]+\s*[.)]\s+\S/.test(f) && isUpperTitle(p.text)) return true;
  if (/^noi nhan\b/.test(f)) return true;
  if (/^phu luc\b/.test(f) && f.split(" ").length <= 12) return true;
  return (
    /^(tm\.?|kt\.?|q\.?)\s*(uy ban nhan dan|ubnd|chu tich)\b/.test(f) || /^(pho )?chu tich$/.test(f)
  );
}

/** "V. KINH PHÍ THỰC HIỆN": the words after the number are in capitals. */
function isUpperTitle(text: string): boolean {
  const rest = text.replace(/^[\s*]*[IVXLC]+\s*[.)]\s*/, "").replace(/\*/g, "");
  const letters = rest.replace(/[^\p{L}]/gu, "");
  return letters.length > 0 && letters === letters.toUpperCase();
}

/**
 * Paragraphs that close the plan rather than assign a task: they end the task list (and are
 * told to the officer, never silently dropped).
 */
const CLOSING =
  /^(tren day la|ke hoach nay thay the|\(co phu luc|\(kem theo|trong qua trinh (to chuc )?(trien khai|thuc hien)|nham (trien khai|thuc hien|dam bao|to chuc)|yeu cau (thu truong|giam doc|cac)|(chu tich )?(ubnd|uy ban nhan dan) tinh yeu cau|dinh ky.{0,60}\bcac (co quan|so|don vi|dia phuong|cap)\b.{0,120}\bbao cao|cac (co quan|so|don vi)[^.]{0,80}\bcan cu (ke hoach|noi dung) nay)/;

export function isClosing(text: string): boolean {
  return CLOSING.test(foldVietnamese(text).replace(/^[-+•*\s]+/, ""));
}
