/**
 * A consolidation into the OPEN master workbook: the report values go through applyChanges
 * (previous values backed up in "_phuluc_saoluu", undoable as one batch: 2 syncs), then the
 * record sheets ("Tiếp nhận", "Phối hợp báo cáo") are replaced by their new version (2 syncs:
 * look, then delete + write). 4 syncs whatever the number of files or rows.
 * The record sheets are a log of what was received, rebuilt from the master's own lines plus
 * this run's, so replacing them loses nothing; the cell changes are what undo restores.
 */
import type { CellChange } from "../../core/tracking/changes";
import type { FontSpec, SheetSpec } from "../../core/spec/sheet-spec";
import { applyChanges } from "./apply-changes";
import { queueSheet } from "./queue-sheet";

export interface ConsolidateOfficeResult {
  /** The backup batch of the cell changes (undo), or null when no cell changed. */
  batchId: string | null;
  syncs: number;
}

export async function consolidateInOffice(
  context: Excel.RequestContext,
  changes: CellChange[],
  recordSheets: SheetSpec[],
  defaultFont: FontSpec
): Promise<ConsolidateOfficeResult> {
  let syncs = 0;
  let batchId: string | null = null;
  if (changes.length > 0) {
    const applied = await applyChanges(context, changes);
    batchId = String(applied.batchId);
    syncs += applied.syncs;
  }
  if (recordSheets.length === 0) return { batchId, syncs };
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  syncs++;
  const lower = (s: string) => s.toLowerCase();
  const wanted = new Set(recordSheets.map((s) => lower(s.name)));
  for (const ws of sheets.items)
    if (wanted.has(lower(ws.name))) context.workbook.worksheets.getItem(ws.name).delete();
  for (const s of recordSheets) {
    const ws = context.workbook.worksheets.add(s.name);
    queueSheet(ws, s, defaultFont);
    // The baseline the next consolidation compares with is kept out of sight (hidden, not very
    // hidden: a later consolidation deletes and rewrites it).
    if (s.visibility === "hidden") ws.visibility = "Hidden";
  }
  await context.sync();
  syncs++;
  return { batchId, syncs };
}
