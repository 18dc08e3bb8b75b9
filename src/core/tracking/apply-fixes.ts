/**
 * Applying the `fix` of validation findings to a TrackingWorkbook, as data: the workbook after,
 * and the list of cells changed (changes.ts) with their values before and after.
 *
 * What is safe to apply without asking (fix-all): normalisations that keep the officer's
 * meaning and make the sheet's formulas see it:
 *   STATUS_NONCANONICAL  "hoan thanh" → "Hoàn thành" (the formulas compare the exact word)
 *   DATE_AS_TEXT         "15/11/2026" typed as text → the real date 15/11/2026
 *   AGENCY_NONCANONICAL  "Sở Y tê" → "Sở Y tế" (the same agency, its directory spelling)
 * What needs an explicit choice (opts.include): agency replacements, which change who is
 * accountable for a task:
 *   AGENCY_UNKNOWN       → the closest directory name (a guess)
 *   AGENCY_SUPERSEDED    → the successor after the 2025 reorganisation (the name the plan used
 *                          is kept as the change's "before", in "Nhật ký sửa" / the backup sheet)
 * Findings without a fix, or whose cell cannot be found, are returned as skipped.
 */
import { placedMessage } from "../finding-place";
import type { Finding } from "../model";
import { SHEETS, TASK_COLUMNS, type TaskColumnId } from "../workbook/columns";
import type { CellChange, ChangeValue } from "./changes";
import { sheetStatus } from "./derive-status";
import { TRACKING_FINDINGS as F } from "./tracking-findings";
import type { TrackingRow, TrackingWorkbook } from "../workbook/tracking-model";
import { isIsoDate } from "../text/dates";

export const SAFE_FIX_CODES: readonly string[] = [
  F.STATUS_NONCANONICAL,
  F.DATE_AS_TEXT,
  F.AGENCY_NONCANONICAL,
];

/** True for the fixes fix-all applies. */
export const isSafeFix = (f: Finding): boolean => Boolean(f.fix) && SAFE_FIX_CODES.includes(f.code);

export interface ApplyFixesOptions {
  /**
   * Which findings to apply; default: the safe ones. A pane passing the officer's ticked
   * findings applies agency replacements too (each one a choice, never a default).
   */
  include?: (f: Finding) => boolean;
}

export interface ApplyFixesResult {
  workbook: TrackingWorkbook;
  changes: CellChange[];
  /** Findings asked for but not applied, and why (Vietnamese). */
  skipped: { finding: Finding; reason: string }[];
}

const ID_BY_HEADER = new Map<string, TaskColumnId>(
  (Object.keys(TASK_COLUMNS) as TaskColumnId[]).map((id) => [TASK_COLUMNS[id], id])
);
const FIXABLE: TaskColumnId[] = ["status", "completedOn", "updatedOn", "lead", "partners"];

export function applyFixes(
  wb: TrackingWorkbook,
  findings: Finding[],
  opts: ApplyFixesOptions = {}
): ApplyFixesResult {
  const include = opts.include ?? isSafeFix;
  const rows = new Map(wb.rows.map((r) => [r.sheetRow, r]));
  const updated = new Map<number, TrackingRow>();
  const byAddress = new Map<string, CellChange>();
  const changes: CellChange[] = [];
  const skipped: ApplyFixesResult["skipped"] = [];
  const taskSheet = wb.taskSheet || SHEETS.tasks;

  for (const f of findings) {
    if (!f.fix || !include(f)) continue;
    const id = ID_BY_HEADER.get(f.location.column ?? "");
    const original = f.location.row !== undefined ? rows.get(f.location.row) : undefined;
    const sheetOk = !f.location.sheet || f.location.sheet === taskSheet;
    if (!id || !FIXABLE.includes(id) || !original || !sheetOk || !original.cells[id]) {
      skipped.push({ finding: f, reason: "không xác định được ô cần sửa." });
      continue;
    }
    if (
      (f.code === F.DATE_AS_TEXT && !isIsoDate(f.fix.value)) ||
      (id === "status" && sheetStatus(f.fix.value) === null)
    ) {
      skipped.push({ finding: f, reason: `giá trị sửa "${f.fix.value}" không hợp lệ.` });
      continue;
    }
    const row = updated.get(original.sheetRow) ?? structuredClone(original);
    const before = cellOf(row, id);
    const after = apply(row, original, id, f.fix.value);
    updated.set(row.sheetRow, row);
    const address = original.cells[id]!;
    const reason = `${f.fix.description} (${placedMessage(f)})`;
    const seen = byAddress.get(address);
    if (seen) {
      seen.after = after;
      seen.reason += `; ${reason}`;
    } else {
      const change: CellChange = {
        sheet: taskSheet,
        row: row.sheetRow,
        column: TASK_COLUMNS[id],
        address,
        before,
        after,
        reason,
        code: f.code,
      };
      byAddress.set(address, change);
      changes.push(change);
    }
  }
  const result = changes.filter((c) => !sameValue(c.before, c.after));
  return {
    workbook: { ...wb, rows: wb.rows.map((r) => updated.get(r.sheetRow) ?? r) },
    changes: result,
    skipped,
  };
}

/** The cell's current value as the row holds it. */
function cellOf(row: TrackingRow, id: TaskColumnId): ChangeValue {
  switch (id) {
    case "status":
      return row.typed.status || null;
    case "completedOn":
    case "updatedOn":
      return row[id] ? { date: row[id]! } : row.typed[id] || null;
    case "lead":
      return row.lead || null;
    case "partners":
      return row.partners.join("; ") || null;
    default:
      return null;
  }
}

/** Updates `row` (a copy) and returns the value written. */
function apply(
  row: TrackingRow,
  original: TrackingRow,
  id: TaskColumnId,
  value: string
): ChangeValue {
  switch (id) {
    case "status":
      row.status = sheetStatus(value);
      row.typed.status = value;
      return value;
    case "completedOn":
    case "updatedOn":
      row[id] = value;
      row.typed[id] = value;
      return { date: value };
    case "lead":
      row.lead = value;
      return value;
    case "partners": {
      // The fix holds the original list with one name replaced: replace that one in the
      // current list, so two fixes on one cell both apply.
      const fixed = value.split(/\s*;\s*/).filter(Boolean);
      const next = [...row.partners];
      original.partners.forEach((name, i) => {
        if (fixed[i] !== undefined && fixed[i] !== name) {
          const at = next.indexOf(name);
          if (at >= 0) next[at] = fixed[i];
        }
      });
      // Two merged bodies renamed to their one successor are one partner, not two.
      row.partners = [...new Set(next)];
      return row.partners.join("; ");
    }
    default:
      return value;
  }
}

function sameValue(a: ChangeValue, b: ChangeValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
