/**
 * The three ways into an import: a file, pasted text, the Excel selection. The importer and
 * the file readers are heavy (jszip, saxes, exceljs), so they are loaded on first use with
 * dynamic import() and never weigh on the pane's start.
 */
import type { ImportResult } from "../core/model";
import type { RawTable } from "../core/table/raw-table";

/** Files beyond this are not plans; refusing early keeps the pane responsive. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

async function loadImporter() {
  return import(/* webpackChunkName: "importer" */ "../core/import/import-plan");
}

export async function importFromFile(file: File): Promise<ImportResult> {
  if (file.size > MAX_FILE_BYTES) {
    const { InputError } = await import(
      /* webpackChunkName: "importer" */ "../core/errors/input-error"
    );
    throw new InputError(
      "file-too-large",
      file.name,
      `Tệp ${file.name} quá lớn (trên 50 MB), không phải một kế hoạch thông thường.`
    );
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const [{ openPlanFile }, { importPlan }] = await Promise.all([
    import(/* webpackChunkName: "importer" */ "../app/open-plan-file"),
    loadImporter(),
  ]);
  return importPlan(await openPlanFile(bytes, file.name));
}

export async function importFromText(text: string): Promise<ImportResult> {
  const { importPlan } = await loadImporter();
  return importPlan({ kind: "text", text, fileName: "(dán)" });
}

export async function importFromTables(
  tables: RawTable[],
  fileName: string
): Promise<ImportResult> {
  const { importPlan } = await loadImporter();
  return importPlan({ kind: "tables", tables, fileName });
}
