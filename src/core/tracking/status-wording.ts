/**
 * What a "Trạng thái" cell says, read one way wherever a status is typed: the master's task
 * sheet (read-back, validate, fix, rollup, the pane, history) and agencies' returned files.
 * Officers write "Hoàn thành.", "hoan thanh", "Đã hoàn thành (100%)", "HT", "Đang TH", "xong
 * rồi", "Hoan thnah", "hoanf thanhf" (Telex typed with the Vietnamese keyboard off): what can
 * only be one status is read as it; what could be two ("chưa hoàn thành": started or not?
 * "quá hạn": done late or not done?) is ambiguous, read as no status, and said — never guessed.
 * The cell's percentage and any words beyond the status are handed back, so callers keep them.
 */
import { foldVietnamese as fold } from "../text/fold";
import { STATUS_VALUES, type StatusValue } from "../workbook/columns";
import { cellValue } from "./raw-cell";

export interface StatusReading {
  value: StatusValue | null;
  /**
   * exact: a list value as typed; wording: another wording of one status (case, diacritics,
   * punctuation, abbreviation, other words); typo: a typing slip or keyboard leftovers;
   * ambiguous: could be two statuses; unknown: no status.
   */
  how: "empty" | "exact" | "wording" | "typo" | "ambiguous" | "unknown";
  /** The cell as typed (trimmed). */
  text: string;
  /** "80%" written in the cell, as a number. */
  percent: number | null;
  /** Words beyond the status and its percentage ("chờ kinh phí"), as typed. */
  rest: string;
  /** Why it is ambiguous, in Vietnamese. */
  why?: string;
}

const DONE = "Hoàn thành";
const DOING = "Đang thực hiện";
const NOT_STARTED = "Chưa triển khai";
const NOT_DONE = "Không thực hiện";

type Meaning = StatusValue | { why: string };

const STARTED_OR_NOT = { why: "đang thực hiện hay chưa triển khai" };
const DONE_OR_DOING = { why: "đã hoàn thành hay còn đang thực hiện" };
const DROPPED_OR_DOING = { why: "không thực hiện hay còn đang thực hiện" };
const LATE_OR_UNDONE = { why: "hoàn thành muộn hay chưa hoàn thành" };

/** Folded wordings, tried as a prefix of the cell (on word boundaries), longest first. */
const WORDINGS: [string, Meaning][] = (
  [
    ...STATUS_VALUES.map((s): [string, Meaning] => [fold(s), s]),
    ["da hoan thanh", DONE],
    ["hoan tat", DONE],
    ["da hoan tat", DONE],
    ["xong", DONE],
    ["da xong", DONE],
    ["thuc hien xong", DONE],
    ["da thuc hien xong", DONE],
    ["da hoan thanh xong", DONE],
    ["dang trien khai", DOING],
    ["dang trien khai thuc hien", DOING],
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
    ["chua thuc hien", NOT_STARTED],
    ["chua lam", NOT_STARTED],
    ["chua bat dau", NOT_STARTED],
    ["chua trien khai thuc hien", NOT_STARTED],
    ["khong trien khai", NOT_DONE],
    ["khong phat sinh", NOT_DONE],
    ["dung thuc hien", NOT_DONE],
    // Could be either of two statuses: the officer decides.
    ["chua hoan thanh", STARTED_OR_NOT],
    ["chua xong", STARTED_OR_NOT],
    // "Chưa thực hiện xong": begun, or not? Not "chưa thực hiện" followed by a word.
    ["chua thuc hien xong", STARTED_OR_NOT],
    ["chua trien khai xong", STARTED_OR_NOT],
    ["chua lam xong", STARTED_OR_NOT],
    ["chua hoan thanh xong", STARTED_OR_NOT],
    ["chua den han", STARTED_OR_NOT],
    ["khong hoan thanh", DROPPED_OR_DOING],
    ["co ban hoan thanh", DONE_OR_DOING],
    ["hoan thanh mot phan", DONE_OR_DOING],
    ["hoan thanh co ban", DONE_OR_DOING],
    ["da thuc hien", DONE_OR_DOING],
    ["da trien khai", DONE_OR_DOING],
    ["tam dung", DROPPED_OR_DOING],
    ["tam dung thuc hien", DROPPED_OR_DOING],
    // Copied from "Tình trạng" or said in passing: late, but done or not?
    ["qua han", LATE_OR_UNDONE],
    ["tre han", LATE_OR_UNDONE],
    ["cham tien do", STARTED_OR_NOT],
  ] as [string, Meaning][]
).sort((a, b) => b[0].length - a[0].length);

/** Abbreviations officers use, as whole words: "HT", "Đang TH", "Chưa TK". */
const ABBREVIATIONS = new Map([
  ["ht", "hoan thanh"],
  ["th", "thuc hien"],
  ["tk", "trien khai"],
]);

/** Words after a status that say no more than the dates do ("đúng hạn", "theo kế hoạch", "rồi"). */
const QUALIFIERS =
  /^(?:(?:dung han|dung tien do|truoc han|qua han|tre han|cham tien do|theo ke hoach|trong han|dung thoi gian)(?: roi)?|roi)?$/;

const PERCENT = /\(?\s*(\d{1,3}(?:[.,]\d+)?)\s*%\s*\)?/;

/** The status a cell says, or null (empty, no status, ambiguous): the count's one rule. */
export function statusOf(raw: unknown): StatusValue | null {
  return readStatus(raw).value;
}

export function readStatus(raw: unknown): StatusReading {
  const v = cellValue(raw);
  const text =
    typeof v === "string" ? v.replace(/\u00a0/g, " ").trim() : v == null ? "" : String(v);
  const none = { text, percent: null, rest: "" };
  if (text === "") return { value: null, how: "empty", ...none };
  if ((STATUS_VALUES as readonly string[]).includes(text))
    return { value: text as StatusValue, how: "exact", ...none };
  // A number alone ("80%", 0.8) is progress, not a status.
  if (typeof v !== "string") return { value: null, how: "unknown", ...none };
  const p = PERCENT.exec(text);
  const percent = p ? Number(p[1]!.replace(",", ".")) : null;
  const words = expand(
    fold(p ? text.replace(p[0], " ") : text)
      .replace(/[^a-z0-9]+/g, " ")
      .trim()
  );
  if (words === "") return { value: null, how: "unknown", ...none };
  let found = prefixOf(words);
  let typed = words;
  if (!found) {
    // Keys of a Vietnamese keyboard typed with it off: "hoanf thanhf", "hoa2n tha2nh".
    const undone = expand(undoKeys(words));
    if (undone !== words && (found = prefixOf(undone))) typed = undone;
  }
  const slip = found ? undefined : (nearest(words) ?? nearest(expand(undoKeys(words))));
  const how = found && typed === words ? "wording" : "typo";
  if (slip && "tie" in slip)
    return { value: null, how: "ambiguous", text, percent, rest: "", why: slip.tie };
  const hit = found ?? slip;
  if (!hit) return { value: null, how: "unknown", text, percent, rest: "" };
  const restFolded = found ? typed.slice(found[0].length).trim() : "";
  const rest = QUALIFIERS.test(restFolded) ? "" : tailOf(text, p?.[0], restFolded);
  const [, meaning] = hit;
  if (typeof meaning !== "string") {
    // "Chưa hoàn thành (60%)": started, so in progress.
    if (percent !== null && percent > 0 && percent < 100 && !/^(khong|tam)/.test(hit[0]))
      return { value: DOING, how, text, percent, rest };
    return { value: null, how: "ambiguous", text, percent, rest, why: meaning.why };
  }
  // "Hoàn thành 80%" is not done; "chưa triển khai (30%)" contradicts itself.
  if (meaning === DONE && percent !== null && percent < 100)
    return { value: DOING, how, text, percent, rest };
  if (meaning === NOT_STARTED && percent !== null && percent > 0)
    return {
      value: null,
      how: "ambiguous",
      text,
      percent,
      rest,
      why: `ghi chưa triển khai nhưng có ${percent}%`,
    };
  return { value: meaning, how, text, percent, rest };
}

function prefixOf(words: string): [string, Meaning] | undefined {
  return WORDINGS.find(([w]) => words === w || words.startsWith(w + " "));
}

function expand(words: string): string {
  return words
    .split(" ")
    .map((w) => ABBREVIATIONS.get(w) ?? w)
    .join(" ");
}

/**
 * Telex and VNI keys left in folded words: tone keys (f s r x j z, digits) never end or
 * follow the vowel of a Vietnamese word; "dd", "aa", "aw", "ee", "oo", "ow", "uw", "w" are
 * letters with marks. Only ever compared against the wordings above.
 */
function undoKeys(words: string): string {
  return words
    .split(" ")
    .map((w) => {
      if (/^[0-9]+$/.test(w)) return w;
      const s = w
        .replace(/dd/g, "d")
        .replace(/aa|aw/g, "a")
        .replace(/ee/g, "e")
        .replace(/oo|ow/g, "o")
        .replace(/uw|w/g, "u");
      const i = s.search(/[aeiouy]/);
      return i < 0 ? s : s.slice(0, i + 1) + s.slice(i + 1).replace(/[fsrxjz0-9]/g, "");
    })
    .join(" ");
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
 * A wording one letter off (transposed, missing, doubled, wrong), only when one meaning is
 * that close: "hoan thnah", "dang thuc hein". Short words are left alone ("song" is not
 * "xong"), and so are two slips ("đã hoàn thiện" is no typo of "đang hoàn thiện"). As close to
 * two meanings ("dan thuc hien": "đang thực hiện" or "đã thực hiện"): a tie, said, not chosen.
 */
function nearest(words: string): [string, Meaning] | { tie: string } | undefined {
  if (words.length < 6) return undefined;
  const hits = WORDINGS.filter(([w]) => distance(words, w, 1) <= 1);
  const meanings = new Set(hits.map(([, m]) => (typeof m === "string" ? m : m.why)));
  if (meanings.size === 1) return hits[0];
  if (meanings.size === 0) return undefined;
  return { tie: `gõ gần giống cả ${hits.map(([w]) => `"${w}"`).join(" và ")}` };
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
