/**
 * The first-page texts of a văn bản (Nghị định 30/2020, Phụ lục I) from the plan's issuer: the
 * issuer block ("ỦY BAN NHÂN DÂN" / "TỈNH LÂM ĐỒNG"; an agency under its UBND: "UBND TỈNH LÂM
 * ĐỒNG" / "SỞ Y TẾ"), the number with its blank for the văn thư, the place and the year.
 */
import type { TrackingPlanInfo } from "../workbook/tracking-model";
import { issuerInFull } from "./print-texts";
import type { LetterHead } from "./letter";

const upper = (s: string) => s.toLocaleUpperCase("vi");
const COMMITTEE = /^(?:Ủy|Uỷ) ban nhân dân\s+/iu;

/** "Ủy ban nhân dân tỉnh Lâm Đồng" (the plan's issuer in full; "UBND tỉnh" when unknown). */
export function issuerName(plan: TrackingPlanInfo): string {
  return issuerInFull(plan.issuer?.trim() || "UBND tỉnh");
}

/** "tỉnh Lâm Đồng" / "thành phố Hà Nội": what follows "Ủy ban nhân dân" in the issuer. */
function localityOf(plan: TrackingPlanInfo): string {
  const full = issuerName(plan);
  if (COMMITTEE.test(full)) return full.replace(COMMITTEE, "").trim();
  return plan.province ? `tỉnh ${plan.province}` : "";
}

/** "Lâm Đồng": the plan's province, else the locality's name without "tỉnh"/"thành phố". */
function placeName(plan: TrackingPlanInfo): string {
  if (plan.province?.trim()) return plan.province.trim();
  return localityOf(plan).replace(/^(tỉnh|thành phố)\s+/iu, "");
}

/** "Lâm Đồng, ngày      tháng      năm 2026": day and month blank until signed. */
function placeDate(plan: TrackingPlanInfo, year: number): string {
  const place = placeName(plan);
  return `${place ? `${place}, ` : ""}ngày      tháng      năm ${year}`;
}

/** The UBND's own block: "ỦY BAN NHÂN DÂN" / "TỈNH LÂM ĐỒNG"; another issuer in capitals. */
export function committeeHead(
  plan: TrackingPlanInfo,
  number: string,
  year: number,
  about?: string
): LetterHead {
  const full = issuerName(plan);
  const issuer = COMMITTEE.test(full)
    ? ["ỦY BAN NHÂN DÂN", upper(full.replace(COMMITTEE, "").trim())].filter(Boolean)
    : [upper(full)];
  return { issuer, number, placeDate: placeDate(plan, year), ...(about ? { about } : {}) };
}

/** An agency's block: "UBND TỈNH LÂM ĐỒNG" (upright) over "SỞ Y TẾ" (bold). */
export function agencyHead(
  plan: TrackingPlanInfo,
  agency: string,
  number: string,
  year: number
): LetterHead {
  const locality = localityOf(plan);
  return {
    ...(locality ? { parent: upper(`UBND ${locality}`) } : {}),
    issuer: [upper(agency)],
    number,
    placeDate: placeDate(plan, year),
  };
}

const SMALL_WORDS = new Set(["và", "các", "của"]);

/**
 * The abbreviation after "/BC-" in an agency's number ("Sở Y tế" → "SYT", "Sở Văn hóa, Thể
 * thao và Du lịch" → "SVHTTDL"): its words' initials, as offices write them; the văn thư
 * corrects it when the office uses another.
 */
export function agencyCode(agency: string): string {
  return agency
    .split(/[\s,;/-]+/)
    .filter((w) => w && !SMALL_WORDS.has(w.toLocaleLowerCase("vi")))
    .map((w) => upper(w.charAt(0)))
    .join("");
}

/** "Số:      /BC-UBND": the number itself blank for the văn thư to fill when it is issued. */
export const numberLine = (code: string) => `Số:      /${code}`;
