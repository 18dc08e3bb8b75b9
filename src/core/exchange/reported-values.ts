/**
 * What one report row says, read as the master will hold it: a status from the list (or the text
 * as typed, flagged unreadable), dates with the report year where none is written, a percentage,
 * officers' texts in NFC; and compared with what the file was distributed with.
 */
import { capitalized, placeText } from "../finding-place";
import { formatViDate as vi } from "../text/dates";
import { foldVietnamese } from "../text/fold";
import { normalizeDate, normalizeProgress } from "../tracking/normalize-input";
import { cellText } from "../tracking/raw-cell";
import { TASK_COLUMNS } from "../workbook/columns";
import {
  TRACKED_COLUMNS,
  type TrackedColumnId,
  type TrackingRow,
} from "../workbook/tracking-model";
import { readStatus } from "../tracking/status-wording";
import type { ReportRow } from "./read-report";
import type { Accepted } from "./screen-files";
import { fingerprint, type TrackedPrints, type TrackedTexts } from "./tracked-values";

/** A report row's values as the master will hold them. */
export interface Updated {
  /**
   * `wrote`: the agency's own words when they were read onto the list ("Đã xong"), said per
   * file (status-wording-notes.ts); `typo` when read past a typing error.
   */
  status?: { typed: string; value: TrackingRow["status"]; wrote?: string; typo?: boolean };
  completedOn?: { iso: string | null; typed: string };
  updatedOn?: { iso: string | null; typed: string };
  progress?: { value: number | null; typed: string };
  result?: string;
  evidence?: string;
  difficulties?: string;
  proposals?: string;
  /** Status cells whose words say more than the status the master holds: kept with the result. */
  keepWords?: string[];
  warnings: string[];
  /** Values the file holds that are not a status / date / percentage: where and what. */
  unreadable: {
    id: "status" | "completedOn" | "updatedOn" | "progress";
    where: string;
    text: string;
    /** Why the value could be two things ("đang thực hiện hay chưa triển khai"). */
    why?: string;
  }[];
}

export function reportedValues(r: ReportRow, a: Accepted, year: number): Updated {
  const out: Updated = { warnings: [], unreadable: [] };
  const where = capitalized(
    placeText({ file: a.file.file, sheet: r.sheet, row: r.row }, { file: true })
  );
  const v = unmixed(r.values, where, out.warnings);
  const statusKept: string[] = [];
  if (v.status !== undefined) {
    const s = readStatus(v.status);
    const col = `${where}, cột "${TASK_COLUMNS.status}"`;
    if (s.value) {
      out.status = { typed: s.value, value: s.value };
      // Another wording than the list's (not just its case or diacritics): said, and the
      // words kept in the change log.
      if (foldVietnamese(s.text) !== foldVietnamese(s.value)) {
        out.status.wrote = s.text;
        if (s.how === "typo") out.status.typo = true;
      }
    } else if (s.text) {
      out.status = { typed: s.text, value: null };
      out.unreadable.push({ id: "status", where, text: s.text, ...(s.why ? { why: s.why } : {}) });
    }
    // "Đang thực hiện (80%)": the percentage is the progress the file left empty.
    if (s.percent !== null) {
      const p = normalizeProgress(v.progress ?? null);
      if (p.value === null && !p.text) {
        out.progress = { value: s.percent, typed: String(s.percent) };
        out.warnings.push(`${col}: "${s.text}": lấy ${s.percent}% làm "${TASK_COLUMNS.progress}".`);
      } else if (p.value !== s.percent) statusKept.push(s.text);
    }
    // Words beyond the status ("Đang thực hiện, chờ kinh phí") go with the result text.
    if (s.rest && s.value) statusKept.push(s.text);
  }
  for (const id of ["completedOn", "updatedOn"] as const) {
    if (v[id] === undefined) continue;
    const d = normalizeDate(v[id], { year });
    if (d.value) {
      out[id] = { iso: d.value, typed: d.value };
      if (d.yearAssumed)
        out.warnings.push(
          `${where}: ngày "${d.text}" không ghi năm: hiểu là ${vi(d.value)} (năm báo cáo ${year}).`
        );
      const reported = a.read.reportDate;
      if (id === "completedOn" && reported && d.value > reported)
        out.warnings.push(
          `${where}: ngày hoàn thành ${vi(d.value)} sau ngày báo cáo ${vi(reported)} của tệp: kiểm tra lại (dòng này chưa được tính là hoàn thành đến ngày đó).`
        );
    } else if (d.text) {
      out[id] = { iso: null, typed: d.text };
      out.unreadable.push({ id, where, text: d.text });
    }
  }
  if (v.progress !== undefined) {
    const p = normalizeProgress(v.progress);
    if (p.value !== null) out.progress = { value: p.value, typed: String(p.value) };
    else if (p.text) {
      out.progress = { value: null, typed: p.text };
      out.unreadable.push({ id: "progress", where, text: p.text });
    }
  }
  for (const id of ["result", "evidence", "difficulties", "proposals"] as const) {
    const t = typedText(v[id]);
    if (t) out[id] = t;
  }
  // "Nội dung phối hợp" filled on a task the agency leads: its text is what was done.
  const contribution = typedText(v.contribution);
  if (contribution) out.result = out.result ? `${out.result}\n${contribution}` : contribution;
  if (statusKept.length) out.keepWords = [...new Set(statusKept)];
  return out;
}

/**
 * The status typed in the result column and the report in the status column ("Trạng thái":
 * "Đã tổ chức 3 lớp tập huấn…", "Kết quả thực hiện": "Hoàn thành"), or one of them alone in the
 * other's column: put back where they belong, and said. Read as written, the sentence became a
 * status nobody counts and the status a result.
 */
function unmixed(v: ReportRow["values"], where: string, warnings: string[]): ReportRow["values"] {
  const status = readStatus(v.status ?? null);
  const result = readStatus(v.result ?? null);
  // A sentence no status starts (4 words or more: not a misspelt status), and a status alone.
  const sentence = status.how === "unknown" && status.text.split(/\s+/).length >= 4;
  const bare = result.value !== null && result.rest === "" && result.percent === null;
  const swap = sentence && (bare || result.how === "empty");
  const lift = bare && status.how === "empty";
  if (!swap && !lift) return v;
  const out = { ...v };
  delete out.status;
  delete out.result;
  if (result.how !== "empty") out.status = v.result;
  if (status.how !== "empty") out.result = v.status;
  const said = (id: "status" | "result", t: string) => `"${TASK_COLUMNS[id]}" ghi "${t}"`;
  warnings.push(
    `${where}: ${[status.how !== "empty" && said("status", status.text), result.how !== "empty" && said("result", result.text)].filter(Boolean).join(", ")}: ghi lẫn cột, đã chuyển về đúng cột (${[result.how !== "empty" && `"${TASK_COLUMNS.status}" = "${result.text}"`, status.how !== "empty" && `"${TASK_COLUMNS.result}" = "${status.text}"`].filter(Boolean).join(", ")}).`
  );
  return out;
}

/** The reported values in comparable form; a column the file left empty is absent. */
export function updatedTexts(u: Updated): Partial<TrackedTexts> {
  const out: Partial<TrackedTexts> = {};
  if (u.status) out.status = u.status.value ?? u.status.typed;
  if (u.completedOn) out.completedOn = u.completedOn.iso ?? u.completedOn.typed;
  if (u.updatedOn) out.updatedOn = u.updatedOn.iso ?? u.updatedOn.typed;
  if (u.progress)
    out.progress = u.progress.value !== null ? String(u.progress.value) : u.progress.typed;
  for (const id of ["result", "evidence", "difficulties", "proposals"] as const)
    if (u[id] !== undefined) out[id] = u[id]!;
  for (const id of Object.keys(out) as TrackedColumnId[])
    out[id] = out[id]!.normalize("NFC").trim();
  return out;
}

/** A lead row reports something: a value differing from what was distributed (any value without that). */
export function changedFromBase(u: Updated, base: TrackedPrints | undefined): boolean {
  const t = updatedTexts(u);
  if (!base) return Object.values(t).some((v) => v !== "");
  return TRACKED_COLUMNS.some((id) => fingerprint(t[id] ?? "") !== (base[id] ?? ""));
}

/** Officers' text in NFC: text typed on a Mac or pasted from a PDF comes as NFD, which Excel's
 * filter and SEARCH (and the next consolidation's comparison) treat as different words. */
export const typedText = (raw: unknown) => cellText(raw).normalize("NFC");

export function differs(a: Updated, b: Updated): boolean {
  const strip = ({ warnings: _w, unreadable: _u, ...rest }: Updated) => JSON.stringify(rest);
  return strip(a) !== strip(b);
}
