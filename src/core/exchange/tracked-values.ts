/**
 * A row's tracked values in one comparable form (status as recognised, dates ISO, progress a
 * number, texts NFC and trimmed; "" when empty), so three sources compare cell by cell: the
 * master now, the master when it was last consolidated or distributed (the baseline), and
 * what an agency's file reports. Used to tell a file returned untouched and what the
 * coordinator typed since (a conflict, never overwritten silently).
 */
import {
  TRACKED_COLUMNS,
  type TrackedColumnId,
  type TrackingRow,
} from "../workbook/tracking-model";

export type TrackedTexts = Record<TrackedColumnId, string>;

import { normalizeDate, normalizeProgress } from "../tracking/normalize-input";
import { statusOf } from "../tracking/status-wording";

const norm = (s: string | null | undefined) => (s ?? "").normalize("NFC").trim();

export function emptyTexts(): TrackedTexts {
  return Object.fromEntries(TRACKED_COLUMNS.map((id) => [id, ""])) as TrackedTexts;
}

/** The master row's values. */
export function rowTexts(r: TrackingRow): TrackedTexts {
  // Typed text read as the returned file's cells are ("5/10/2026" typed is 2026-10-05).
  const date = (iso: string | null, typed: string) =>
    norm(iso ?? normalizeDate(typed).value ?? typed);
  const progress = r.progress ?? normalizeProgress(r.typed.progress).value;
  return {
    status: norm(r.status ?? statusOf(r.typed.status) ?? r.typed.status),
    completedOn: date(r.completedOn, r.typed.completedOn),
    progress:
      progress !== null && progress !== undefined ? String(progress) : norm(r.typed.progress),
    result: norm(r.result),
    evidence: norm(r.evidence),
    difficulties: norm(r.difficulties),
    proposals: norm(r.proposals),
    updatedOn: date(r.updatedOn, r.typed.updatedOn),
  };
}

/**
 * A value's fingerprint for the record sheets (the baseline kept in the master and in each
 * distributed file): equal values, equal fingerprints; "" stays "". Short and fixed-length, so
 * a long result text costs 8 characters, and nothing an officer wrote is copied again.
 */
export function fingerprint(value: string): string {
  if (value === "") return "";
  // FNV-1a, 32 bits, over UTF-16 code units.
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

export type TrackedPrints = Record<TrackedColumnId, string>;

export const printsOf = (t: TrackedTexts): TrackedPrints =>
  Object.fromEntries(TRACKED_COLUMNS.map((id) => [id, fingerprint(t[id])])) as TrackedPrints;
