/**
 * A status as an agency writes it in a returned file, read onto the status list: "Đã xong",
 * "hoàn thành 100%", "Đang thực hiện (80%)", "chưa triển khai", "da hoan thanh", "Hoan thnah".
 * What one status can say is mapped; what could be two ("chưa hoàn thành": started or not?
 * "cơ bản hoàn thành": done?) is ambiguous and mapped to nothing. The cell's percentage and
 * any words beyond the status are returned, so the caller keeps them.
 */
import { foldVietnamese as fold } from "../text/fold";
import { normalizeStatus } from "../tracking/normalize-input";
import { cellValue } from "../tracking/raw-cell";
import type { StatusValue } from "../workbook/columns";

export interface AgencyStatus {
  value: StatusValue | null;
  /**
   * exact: a list value as typed; wording: another wording of one status; typo: one or two
   * letters off a wording; ambiguous: could be two statuses; unknown: no status.
   */
  how: "empty" | "exact" | "wording" | "typo" | "ambiguous" | "unknown";
  /** The cell as typed (trimmed). */
  text: string;
  /** "80%" written in the cell, as a number. */
  percent: number | null;
  /** Words beyond the status and its percentage ("chờ kinh phí"), folded away from nothing: as typed. */
  rest: string;
  /** Why it is ambiguous, in Vietnamese. */
  why?: string;
}

const DONE = "Hoàn thành";
const DOING = "Đang thực hiện";
const NOT_STARTED = "Chưa triển khai";
const NOT_DONE = "Không thực hiện";

/** Folded wordings, tried as a prefix of the cell (on word boundaries), longest first. */
const WORDINGS: [string, StatusValue | { why: string }][] = (
  [
    ["hoan thanh", DONE],
    ["da hoan thanh", DONE],
    ["hoan tat", DONE],
    ["da hoan tat", DONE],
    ["xong", DONE],
    ["da xong", DONE],
    ["thuc hien xong", DONE],
    ["da thuc hien xong", DONE],
    ["da hoan thanh xong", DONE],
    ["dang thuc hien", DOING],
    ["dang trien khai", DOING],
    ["dang lam", DOING],
    ["dang tien hanh", DOING],
    ["dang xu ly", DOING],
    ["dang to chuc thuc hien", DOING],
    ["dang hoan thien", DOING],
    ["tiep tuc thuc hien", DOING],
    ["tiep tuc trien khai", DOING],
    ["gan xong", DOING],
    ["gan hoan thanh", DOING],
    ["sap hoan thanh", DOING],
    ["chua trien khai", NOT_STARTED],
    ["chua thuc hien", NOT_STARTED],
    ["chua lam", NOT_STARTED],
    ["chua bat dau", NOT_STARTED],
    ["chua trien khai thuc hien", NOT_STARTED],
    ["khong thuc hien", NOT_DONE],
    ["khong trien khai", NOT_DONE],
    ["khong phat sinh", NOT_DONE],
    ["dung thuc hien", NOT_DONE],
    // Could be either of two statuses: the officer decides.
    ["chua hoan thanh", { why: "đang thực hiện hay chưa triển khai" }],
    ["chua xong", { why: "đang thực hiện hay chưa triển khai" }],
    ["khong hoan thanh", { why: "không thực hiện hay còn đang thực hiện" }],
    ["co ban hoan thanh", { why: "đã hoàn thành hay còn đang thực hiện" }],
    ["hoan thanh mot phan", { why: "đã hoàn thành hay còn đang thực hiện" }],
    ["hoan thanh co ban", { why: "đã hoàn thành hay còn đang thực hiện" }],
    ["da thuc hien", { why: "đã hoàn thành hay còn đang thực hiện" }],
    ["tam dung", { why: "không thực hiện hay còn đang thực hiện" }],
    ["tam dung thuc hien", { why: "không thực hiện hay còn đang thực hiện" }],
  ] as [string, StatusValue | { why: string }][]
).sort((a, b) => b[0].length - a[0].length);

/** Words after a status that say no more than the dates do ("đúng hạn", "theo kế hoạch"). */
const QUALIFIERS =
  /^(dung han|dung tien do|truoc han|qua han|tre han|cham tien do|theo ke hoach|trong han|dung thoi gian)?$/;

const PERCENT = /\(?\s*(\d{1,3}(?:[.,]\d+)?)\s*%\s*\)?/;

export function readAgencyStatus(raw: unknown): AgencyStatus {
  const v = cellValue(raw);
  const text =
    typeof v === "string" ? v.replace(/\u00a0/g, " ").trim() : v == null ? "" : String(v);
  const none = { text, percent: null, rest: "" };
  if (text === "") return { value: null, how: "empty", ...none };
  const listed = normalizeStatus(text);
  if (listed.value)
    return { value: listed.value, how: listed.canonical ? "exact" : "wording", ...none };
  // A number alone ("80%", 0.8) is progress, not a status.
  if (typeof v !== "string") return { value: null, how: "unknown", ...none };
  const p = PERCENT.exec(text);
  const percent = p ? Number(p[1]!.replace(",", ".")) : null;
  const words = fold(p ? text.replace(p[0], " ") : text)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  if (percent !== null && words === "") return { value: null, how: "unknown", ...none };
  const found = WORDINGS.find(([w]) => words === w || words.startsWith(w + " "));
  const fromTypo = found ? undefined : nearest(words);
  const hit = found ?? fromTypo;
  if (!hit) return { value: null, how: "unknown", text, percent, rest: "" };
  const restFolded = found ? words.slice(found[0].length).trim() : "";
  const rest = QUALIFIERS.test(restFolded) ? "" : tailOf(text, p?.[0], restFolded);
  const [, meaning] = hit;
  if (typeof meaning !== "string") {
    // "Chưa hoàn thành (60%)": started, so in progress.
    if (percent !== null && percent > 0 && percent < 100 && !/^(khong|tam)/.test(hit[0]))
      return { value: DOING, how: found ? "wording" : "typo", text, percent, rest };
    return { value: null, how: "ambiguous", text, percent, rest, why: meaning.why };
  }
  // "Hoàn thành 80%" is not done; "chưa triển khai (30%)" contradicts itself.
  if (meaning === DONE && percent !== null && percent < 100)
    return { value: DOING, how: found ? "wording" : "typo", text, percent, rest };
  if (meaning === NOT_STARTED && percent !== null && percent > 0)
    return {
      value: null,
      how: "ambiguous",
      text,
      percent,
      rest,
      why: `ghi chưa triển khai nhưng có ${percent}%`,
    };
  return { value: meaning, how: found ? "wording" : "typo", text, percent, rest };
}

/** The typed words after the status: the cell's last `n` folded words, as typed. */
function tailOf(text: string, percent: string | undefined, restFolded: string): string {
  if (restFolded === "") return "";
  const n = restFolded.split(" ").length;
  const typed = (percent ? text.replace(percent, " ") : text)
    .split(/\s+/)
    .filter((w) => fold(w).replace(/[^a-z0-9]+/g, "") !== "");
  return typed
    .slice(-n)
    .join(" ")
    .replace(/^[\s,;:.–-]+|[\s,;:.–-]+$/g, "");
}

/**
 * A wording one or two letters off (transposed, missing, doubled, wrong), only when one status
 * is that close: "hoan thnah", "dang thuc hein". Short cells allow one edit.
 */
function nearest(words: string): [string, StatusValue | { why: string }] | undefined {
  if (words.length < 4) return undefined;
  const limit = words.length < 9 ? 1 : 2;
  let best: { d: number; hits: [string, StatusValue | { why: string }][] } | undefined;
  for (const w of WORDINGS) {
    const d = distance(words, w[0], limit);
    if (d > limit) continue;
    if (!best || d < best.d) best = { d, hits: [w] };
    else if (d === best.d) best.hits.push(w);
  }
  if (!best) return undefined;
  const meanings = new Set(best.hits.map(([, m]) => (typeof m === "string" ? m : m.why)));
  return meanings.size === 1 ? best.hits[0] : undefined;
}

/** Damerau–Levenshtein (optimal string alignment), stopping early beyond `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let low = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, prev2[j - 2]! + 1);
      cur.push(d);
      low = Math.min(low, d);
    }
    if (low > limit) return limit + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}
