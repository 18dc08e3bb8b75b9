/**
 * Writes a WorkbookSpec into the open workbook through Office.js in a fixed number of
 * context.sync() calls, whatever the number of rows or sheets:
 *   - success:  2 syncs (1: load sheet, table and workbook-name names; 2: everything else),
 *               plus one per ~4 MB of operations (sync-budget.ts: Excel on the web's limit);
 *   - cancel:   1 sync  (the officer declined to back up colliding sheets; nothing written);
 *   - failure:  4 syncs (the 2 above, the second failing part-way, then a rollback: 1 sync to
 *               see what the failed batch did, 1 to undo it: delete the sheets and names it
 *               added, rename the backed-up sheets and tables back, re-add replaced names).
 * An existing sheet is never overwritten: on a name collision the officer is asked, and on
 * "backup" the old sheet is renamed and kept, so nothing typed in it is lost.
 */
import { PhuLucError } from "../../core/errors/phuluc-error";
import { assertValidSpec } from "../../core/spec/check-spec";
import type { SheetSpec, WorkbookSpec } from "../../core/spec/sheet-spec";
import { backupSheetName, backupTableName } from "./backup-name";
import { sheetOps } from "./queue-sheet";
import { SMALL_OP, SyncBatcher } from "./sync-budget";
import { officeErrorText } from "./office-errors";

export interface RenderOptions {
  onConflict: (existing: string[]) => Promise<"backup" | "cancel">;
  /** Clock for backup names; tests pin it. */
  now?: () => Date;
}

export interface RenderResult {
  syncs: number;
  /** Names the existing sheets were renamed to. */
  backups: string[];
  cancelled?: boolean;
}

export class RenderError extends PhuLucError {
  constructor(
    message: string,
    readonly rolledBack: boolean,
    readonly cause: unknown
  ) {
    super("RENDER_FAILED", message);
    this.name = "RenderError";
  }
}

interface Plan {
  sheetRenames: { from: string; to: string }[];
  tableRenames: { from: string; to: string }[];
  /** Existing workbook names the spec redefines, with their old formulas (for rollback). */
  replacedNames: { name: string; formula: string }[];
}

export async function renderToOffice(
  context: Excel.RequestContext,
  spec: WorkbookSpec,
  options: RenderOptions
): Promise<RenderResult> {
  assertValidSpec(spec);
  let syncs = 0;
  const sync = async () => {
    syncs++;
    await context.sync();
  };
  const wb = context.workbook;

  // Sync 1: what is already there.
  const sheets = wb.worksheets.load("items/name");
  const tables = wb.tables.load("items/name,items/worksheet/name");
  const names = wb.names.load("items/name,items/formula");
  await sync();
  const existingSheets = sheets.items.map((s) => s.name);
  const existingTables = tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name }));
  const existingNames = names.items.map((n) => ({ name: n.name, formula: n.formula }));

  const lower = (s: string) => s.toLowerCase();
  const specSheets = new Set(spec.sheets.map((s) => lower(s.name)));
  const specTables = new Set(spec.sheets.flatMap((s) => s.tables.map((t) => lower(t.name))));
  const specNames = new Set((spec.names ?? []).map((n) => lower(n.name)));
  const collidingSheets = existingSheets.filter((n) => specSheets.has(lower(n)));
  const collidingTables = existingTables.filter((t) => specTables.has(lower(t.name)));
  const conflicts = [...new Set([...collidingSheets, ...collidingTables.map((t) => t.sheet)])];

  if (conflicts.length > 0 && (await options.onConflict(conflicts)) === "cancel") {
    return { syncs, backups: [], cancelled: true };
  }
  const now = (options.now ?? (() => new Date()))();
  const takenSheets = [...existingSheets, ...spec.sheets.map((s) => s.name)];
  const takenTables = [...existingTables.map((t) => t.name), ...specTables];
  const plan: Plan = {
    sheetRenames: collidingSheets.map((from) => {
      const to = backupSheetName(from, now, takenSheets);
      takenSheets.push(to);
      return { from, to };
    }),
    tableRenames: collidingTables.map(({ name: from }) => {
      const to = backupTableName(from, now, takenTables);
      takenTables.push(to);
      return { from, to };
    }),
    replacedNames: existingNames.filter((n) => specNames.has(lower(n.name))),
  };

  // Sync 2 (and one more per ~4 MB of operations): everything.
  const batcher = new SyncBatcher(sync);
  const small = (queue: () => void) => batcher.add({ bytes: SMALL_OP, queue });
  try {
    for (const r of plan.sheetRenames)
      await small(() => (wb.worksheets.getItem(r.from).name = r.to));
    for (const r of plan.tableRenames) await small(() => (wb.tables.getItem(r.from).name = r.to));
    for (const n of plan.replacedNames) await small(() => wb.names.getItem(n.name).delete());
    const added: { sheet: Excel.Worksheet; spec: SheetSpec }[] = [];
    for (const s of spec.sheets) {
      await small(() => added.push({ sheet: wb.worksheets.add(s.name), spec: s }));
      // small() queues at once: the sheet was just pushed.
      await batcher.addAll(sheetOps(added[added.length - 1]!.sheet, s, spec.defaultFont));
    }
    for (const n of spec.names ?? [])
      await small(() => wb.names.add(n.name, `=${n.refersTo.replace(/^=/, "")}`));
    // Visibility last: a sheet is hidden only once the visible ones exist.
    await small(() => {
      for (const { sheet, spec: s } of added)
        if (s.visibility !== "visible")
          sheet.visibility = s.visibility === "hidden" ? "Hidden" : "VeryHidden";
      // assertValidSpec: one sheet at least is visible.
      added.find((a) => a.spec.visibility === "visible")?.sheet.activate();
    });
    await batcher.flush();
  } catch (cause) {
    let rolledBack = false;
    try {
      await rollback(context, spec, plan, existingSheets, existingNames, sync);
      rolledBack = true;
    } catch {
      // Reported below: the officer must check the workbook by hand.
    }
    const detail = officeErrorText(cause);
    throw new RenderError(
      rolledBack
        ? `Không ghi được bảng tính vào Excel: ${detail}. Sổ làm việc đã được khôi phục như trước.`
        : `Không ghi được bảng tính vào Excel: ${detail}. Việc khôi phục cũng thất bại: sổ có thể còn một phần đã ghi; hãy kiểm tra các trang tính ${spec.sheets.map((s) => `"${s.name}"`).join(", ")}${plan.sheetRenames.length ? ` và đổi lại tên các trang đã sao lưu (${plan.sheetRenames.map((r) => `"${r.to}" → "${r.from}"`).join(", ")})` : ""}.`,
      rolledBack,
      cause
    );
  }
  return { syncs, backups: plan.sheetRenames.map((r) => r.to) };
}

/**
 * Office.js batches are not transactions: operations before the failing one stay applied.
 * So look at what is there now (1 sync) and undo exactly that (1 sync).
 */
async function rollback(
  context: Excel.RequestContext,
  spec: WorkbookSpec,
  plan: Plan,
  originalSheets: string[],
  originalNames: { name: string; formula: string }[],
  sync: () => Promise<void>
): Promise<void> {
  const wb = context.workbook;
  const sheets = wb.worksheets.load("items/name");
  const tables = wb.tables.load("items/name");
  const names = wb.names.load("items/name,items/formula");
  await sync();
  const lower = (s: string) => s.toLowerCase();
  const nowSheets = new Set(sheets.items.map((s) => lower(s.name)));
  const nowTables = new Set(tables.items.map((t) => lower(t.name)));
  const nowNames = new Map(names.items.map((n) => [lower(n.name), n.formula]));
  const original = new Set(originalSheets.map(lower));
  const renamed = new Map(plan.sheetRenames.map((r) => [lower(r.from), r.to]));

  for (const n of spec.names ?? []) {
    const key = lower(n.name);
    const old = originalNames.find((o) => lower(o.name) === key);
    if (nowNames.has(key) && (!old || nowNames.get(key) !== old.formula))
      wb.names.getItem(n.name).delete();
  }
  for (const s of spec.sheets) {
    const key = lower(s.name);
    if (!nowSheets.has(key)) continue;
    // Ours when the name was free before, or when the original now lives under its backup name.
    const ours =
      !original.has(key) || (renamed.has(key) && nowSheets.has(lower(renamed.get(key) as string)));
    if (!ours) continue;
    const ws = wb.worksheets.getItem(s.name);
    ws.visibility = "Visible"; // Excel refuses to delete a very hidden sheet
    ws.delete();
  }
  for (const r of plan.sheetRenames)
    if (nowSheets.has(lower(r.to))) wb.worksheets.getItem(r.to).name = r.from;
  for (const r of plan.tableRenames)
    if (nowTables.has(lower(r.to))) wb.tables.getItem(r.to).name = r.from;
  for (const n of plan.replacedNames) {
    const current = nowNames.get(lower(n.name));
    if (current !== n.formula) wb.names.add(n.name, n.formula);
  }
  await sync();
}
