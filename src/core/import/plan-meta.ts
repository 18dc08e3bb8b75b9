/**
 * The plan's identity from its body text: số hiệu, issue date, issuer, province, title,
 * the appendix title, and the years it covers (from its title or body, not its issue date:
 * a plan for 2018 is often issued in December 2017).
 */
import type { Finding, Plan } from "../model";
import { foldVietnamese, normalizeText } from "../text/fold";
import { FINDINGS } from "../errors/finding-codes";
import { PROVINCES } from "../agency/provinces";
import { readSigner } from "./plan-signer";
import { validIso } from "../text/dates";

/** Lines of the title at most (real titles take 1–5 lines). */
const MAX_TITLE_LINES = 8;

/**
 * `layoutText`: the lines of the document's layout tables (letterhead, signature block), column
 * by column (core/table/column-lines): where a PDF has them as body text, a .docx has tables.
 * Body text wins; these come next, then the appendix heading.
 */
export function readPlanMeta(
  bodyText: string,
  tableContext = "",
  fileName?: string,
  layoutText = ""
): { plan: Plan; findings: Finding[] } {
  const layout = toLines(layoutText);
  // A sheet (a workbook, the Excel selection) has no body text: the text rows above its table are.
  const lines = toLines(bodyText).length ? toLines(bodyText) : layout;
  const contextLines = toLines(tableContext);
  const all = [...lines, ...contextLines];
  const findings: Finding[] = [];
  const where = fileName ? { file: fileName } : {};

  // A web page or a news item names its plan in one line, read last of all.
  const named = namingLine(lines);
  const number =
    readNumber(lines) ?? readNumber(layout) ?? readNumberFromAnnex(all) ?? named?.number ?? null;
  const date =
    readIssueDate(lines) ?? readIssueDate(layout) ?? readAnnexDate(all) ?? named?.date ?? null;
  const place = date?.place ?? "";
  const header = readIssuerHeader(lines) ?? readIssuerHeader(layout);
  const annexIssuer = readAnnexIssuer(all) ?? named?.issuer ?? null;
  const province = header?.province || annexIssuer?.province || place;
  const issuer =
    header?.issuer ||
    annexIssuer?.issuer ||
    (province && /UBND/.test(number?.suffix ?? "UBND") ? `UBND tỉnh ${province}` : "");
  const title = readTitle(lines) || named?.title || "";
  const appendixTitle = readAppendixTitle(contextLines) || readAppendixTitle(lines);
  const period = readPeriod(title, lines.join("\n"), date?.year ?? null);
  const signer = readSigner(lines) ?? readSigner(layout);

  if (!number || !number.number) {
    findings.push({
      code: FINDINGS.PLAN_NUMBER_MISSING,
      severity: "info",
      message: number
        ? `Số hiệu kế hoạch để trống ("Số: /${number.suffix}"): có thể là bản dự thảo chưa ban hành.`
        : "Không tìm thấy số hiệu kế hoạch (Số: …/KH-UBND).",
      location: where,
    });
  }
  if (!date?.iso) {
    findings.push({
      code: FINDINGS.ISSUE_DATE_MISSING,
      severity: "info",
      message: "Không đọc được ngày ban hành kế hoạch (… , ngày … tháng … năm …).",
      location: where,
    });
  }
  if (!period) {
    findings.push({
      code: FINDINGS.PERIOD_MISSING,
      severity: "warning",
      message:
        "Không xác định được giai đoạn thực hiện của kế hoạch (ví dụ “đến năm 2030”); hãy nhập giai đoạn.",
      location: where,
    });
  }

  return {
    plan: {
      number: number?.number ?? "",
      issuedOn: date?.iso ?? null,
      issuer,
      province,
      title,
      appendixTitle,
      period,
      ...(signer ? { signer } : {}),
    },
    findings,
  };
}

function toLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => normalizeText(l))
    .filter((l) => l !== "");
}

interface PlanNumber {
  /** "4784/KH-UBND", or "" when the number is left blank. */
  number: string;
  suffix: string;
}

/** "Số: 4784/KH-UBND" in the document header; "Số: /KH-UBND" (blank number) gives "". */
function readNumber(lines: string[]): PlanNumber | null {
  for (const line of lines) {
    const m = /^Số\s*:\s*(\d*)\s*\/\s*([A-ZĐ][A-ZĐ0-9]*(?:-[A-ZĐ0-9]+)*)/u.exec(line);
    if (!m) continue;
    const [, digits, suffix = ""] = m;
    return { number: digits ? `${digits}/${suffix}` : "", suffix };
  }
  return null;
}

/** "(Ban hành kèm theo Kế hoạch số 4784/KH-UBND ngày …)" above the appendix. */
function readNumberFromAnnex(lines: string[]): PlanNumber | null {
  const m = /kèm theo Kế hoạch số\s*(\d+)\s*\/\s*([A-ZĐ][A-ZĐ0-9]*(?:-[A-ZĐ0-9]+)*)/iu.exec(
    lines.join(" ")
  );
  if (!m) return null;
  const [, digits = "", suffix = ""] = m;
  return { number: `${digits}/${suffix}`, suffix };
}

const SUFFIX = String.raw`[A-ZĐ][A-ZĐ0-9]*(?:-[A-ZĐ0-9]+)*`;
/**
 * "Kế hoạch số 90/KH-UBND ngày 21/6/2024 của UBND tỉnh Quảng Trị về …" opening a line (a web
 * page's heading), or "… ban hành Kế hoạch số 90/KH-UBND về …" (a news item): the plan named
 * by the page that carries it. Not "Thực hiện Kế hoạch số …" nor "Căn cứ …": those cite others.
 */
const NAMING = new RegExp(
  String.raw`^(?:.{0,80}?\bban hành\s+)?Kế hoạch số\s*(\d+)\s*\/\s*(${SUFFIX})` +
    String.raw`(?:\s*,?\s*ngày\s*(\d{1,2})\s*(?:tháng\s*|\/|-|\.)(\d{1,2})\s*(?:năm\s*|\/|-|\.)(\d{4}))?` +
    String.raw`(?:\s*của\s+(?:UBND|Ủy ban nhân dân)\s+(tỉnh|thành phố)\s+(.+?))?` +
    String.raw`(?:\s+(?:về|v\/v)\s+(.+))?$`,
  "iu"
);

function namingLine(lines: string[]) {
  for (const line of lines.slice(0, 40)) {
    const m = NAMING.exec(line);
    if (!m) continue;
    const [, digits = "", suffix = "", day, month, year, level, place, about] = m;
    const province = place ? titleCase(place.replace(/[.,;:]+$/, "")) : "";
    return {
      number: { number: `${digits}/${suffix}`, suffix },
      date: month && year ? toDate(day, month, year, "") : null,
      issuer: province ? { issuer: `UBND ${level!.toLowerCase()} ${province}`, province } : null,
      title: about ? capitalized(normalizeText(about.replace(/[.;:]+$/, ""))) : "",
    };
  }
  return null;
}

interface IssueDate {
  iso: string | null;
  year: number;
  place: string;
}

/** "Lâm Đồng, ngày 13 tháng 6 năm 2024", possibly over two lines, or with the day left blank. */
function readIssueDate(lines: string[]): IssueDate | null {
  const text = lines.join("\n");
  const re = /(^|\n)([^\n,]{2,40}),\s*ngày\s*(\d{1,2})?\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})/giu;
  const m = re.exec(text);
  if (!m) return null;
  const [, , place = "", day, month = "", year = ""] = m;
  return toDate(day, month, year, place);
}

function readAnnexDate(lines: string[]): IssueDate | null {
  const m =
    /kèm theo Kế hoạch số[^()]*?ngày\s*(\d{1,2})\s*(?:tháng\s*|\/)(\d{1,2})\s*(?:năm\s*|\/)(\d{4})/iu.exec(
      lines.join(" ")
    );
  if (!m) return null;
  const [, day, month = "", year = ""] = m;
  return toDate(day, month, year, "");
}

function toDate(day: string | undefined, month: string, year: string, place: string): IssueDate {
  const y = Number(year);
  const mo = Number(month);
  const d = day ? Number(day) : NaN;
  return { iso: validIso(y, mo, d), year: y, place: place.trim() };
}

/** "ỦY BAN NHÂN DÂN" over "TỈNH LÂM ĐỒNG" (or on one line) at the top of the document. */
function readIssuerHeader(lines: string[]): { issuer: string; province: string } | null {
  const top = lines.slice(0, 12);
  for (const [i, line] of top.entries()) {
    const m = /^(uy ban nhan dan|ubnd)\s*(.*)$/.exec(foldVietnamese(line));
    if (!m) continue;
    const after = m[2];
    const rest = after ? line.slice(line.length - after.length) : (top[i + 1] ?? "");
    const unit = /^(tinh|thanh pho)\s+(.+)$/.exec(foldVietnamese(rest));
    if (!unit) continue;
    const [, kind, place = ""] = unit;
    const name = provinceName(rest.slice(rest.length - place.length));
    if (!name) continue;
    const level = kind === "tinh" ? "tỉnh" : "thành phố";
    return { issuer: `UBND ${level} ${name}`, province: name };
  }
  return null;
}

/**
 * The province's name at the start of `text`: "Lâm Đồng" of "LÂM ĐỒNG" or of "Lâm Đồng xây dựng
 * kế hoạch … như sau:" (a sentence, not a header). A known province wins; otherwise the
 * capitalised words before the first lowercase one.
 */
function provinceName(text: string): string {
  const f = foldVietnamese(text);
  const known = PROVINCES.filter((p) => {
    const fp = foldVietnamese(p);
    return f === fp || f.startsWith(fp + " ") || f.startsWith(fp + ",");
  }).sort((a, b) => b.length - a.length)[0];
  if (known) return known;
  const words = normalizeText(text).split(" ");
  if (words.every((w) => w === w.toUpperCase())) return titleCase(text);
  const kept: string[] = [];
  for (const w of words) {
    if (!/^[\p{Lu}]/u.test(w)) break;
    kept.push(w.replace(/[,.;:]+$/, ""));
    if (/[,.;:]$/.test(w)) break;
  }
  return kept.length > 0 && kept.length <= 4 ? kept.join(" ") : "";
}

/** "… của UBND tỉnh Lâm Đồng)" in the appendix heading. */
function readAnnexIssuer(lines: string[]): { issuer: string; province: string } | null {
  const m =
    /kèm theo Kế hoạch[^()]*?của\s+(?:UBND|Ủy ban nhân dân)\s+(tỉnh|thành phố)\s+([^)\n]+?)\s*\)/iu.exec(
      lines.join(" ")
    );
  if (!m) return null;
  const [, level = "", place = ""] = m;
  const province = titleCase(place);
  return { issuer: `UBND ${level.toLowerCase()} ${province}`, province };
}

/** "chuyển đổi số" (after "về") -> "Chuyển đổi số", as a plan's title line starts. */
function capitalized(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "LÂM ĐỒNG" -> "Lâm Đồng"; names already in mixed case are kept. */
function titleCase(s: string): string {
  const t = normalizeText(s);
  if (t !== t.toUpperCase()) return t;
  return t
    .toLowerCase()
    .split(" ")
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(" ");
}

/** The line(s) after "KẾ HOẠCH" up to the first "Căn cứ" / "Thực hiện" / "I." line, on one line. */
function readTitle(lines: string[]): string {
  const start = lines.findIndex((l) => foldVietnamese(l) === "ke hoach");
  if (start < 0) return "";
  const parts: string[] = [];
  // Every line read is kept or ends the title: so at most MAX_TITLE_LINES are read.
  for (const line of lines.slice(start + 1, start + 1 + MAX_TITLE_LINES)) {
    const f = foldVietnamese(line);
    if (/^[-_=*.]{3,}$/.test(f)) break;
    const bodyStarts = /^(can cu|thuc hien|nham|de trien khai|theo|dinh ky|[ivx]+\.\s)/.test(f);
    // The appendix heading and its "(Kèm theo …)" line are never part of the title.
    const annexStarts = /^(phu luc\b|\((ban hanh )?kem theo)/.test(f);
    if (annexStarts || (parts.length > 0 && bodyStarts)) break;
    parts.push(line);
    // A title line never ends a sentence: a line ending in "." or ":" is body text already,
    // or the title's last line (kept, and the title stops there).
    if (/[.:;]$/.test(line) && line.length > 0) {
      if (parts.length > 1) parts.pop();
      break;
    }
  }
  return normalizeText(parts.join(" "));
}

/** The line(s) after "PHỤ LỤC", before "(Kèm theo …)". */
function readAppendixTitle(lines: string[]): string {
  // From the last line up: the last "PHỤ LỤC" is the one above the table.
  for (let i = lines.length - 1, line = lines[i]; line !== undefined; line = lines[--i]) {
    const m = /^phu luc(\s+[ivxlc\d]+)?\s*[:.]?\s*(.*)$/.exec(foldVietnamese(line));
    if (!m) continue;
    const after = m[2];
    const inline = after ? line.slice(line.length - after.length) : "";
    const parts: string[] = inline ? [inline] : [];
    // At most four parts: every line read is kept or ends the title.
    for (const next of lines.slice(i + 1, i + 1 + 4 - parts.length)) {
      if (next.startsWith("(") || /^(stt|tt)$/.test(foldVietnamese(next))) break;
      parts.push(next);
    }
    return normalizeText(parts.join(" "));
  }
  return "";
}

/** Years the plan covers: "giai đoạn 2024 - 2030", "đến năm 2030" (from the issue year), "NĂM 2018". */
export function readPeriod(
  title: string,
  body: string,
  issueYear: number | null
): { from: number; to: number } | null {
  const ft = foldVietnamese(title);
  const range =
    /(?:giai doan|thoi ky)\s*(\d{4})\s*-\s*(\d{4})/.exec(ft) ??
    /\b(\d{4})\s*-\s*(\d{4})\b/.exec(ft);
  if (range) return ordered(Number(range[1]), Number(range[2]));
  const until = /den nam (\d{4})/.exec(ft);
  if (until) return untilYear(Number(until[1]), ft + "\n" + foldVietnamese(body), issueYear);
  // "NĂM 2018" standing alone in the title (not "ngày 15 tháng 6 năm 2023").
  const single = [...ft.matchAll(/(thang \d{1,2} )?nam (\d{4})/g)].find((m) => !m[1]);
  if (single) {
    const y = Number(single[2]);
    return { from: y, to: y };
  }
  const fb = foldVietnamese(body);
  const bodyRange = /giai doan\s*(\d{4})\s*-\s*(\d{4})/.exec(fb);
  const bodyUntil = /den nam (\d{4})/.exec(fb);
  if (bodyUntil) return untilYear(Number(bodyUntil[1]), fb, issueYear);
  if (bodyRange) return ordered(Number(bodyRange[1]), Number(bodyRange[2]));
  return null;
}

/** "đến năm Y": from an explicit "giai đoạn X - Y" when the text has one, else from the issue year. */
function untilYear(
  to: number,
  foldedText: string,
  issueYear: number | null
): { from: number; to: number } {
  const explicit = new RegExp(`giai doan\\s*(\\d{4})\\s*-\\s*${to}\\b`).exec(foldedText);
  const from = explicit ? Number(explicit[1]) : (issueYear ?? to);
  return ordered(from, to);
}

function ordered(a: number, b: number): { from: number; to: number } {
  return { from: Math.min(a, b), to: Math.max(a, b) };
}
