/**
 * The three ways into an import: a file, pasted text, the Excel selection. The importer and
 * the file readers are heavy (jszip, saxes, exceljs), so they are loaded on first use with
 * dynamic import() and never weigh on the pane's start.
 */
import type { ImportResult } from "../core/model";
import type { RawTable } from "../core/table/raw-table";
import type { TaskEdit } from "../core/import/edit-result";

/** Files beyond this are not plans; refusing early keeps the pane responsive. */
const MAX_FILE_BYTES = 50 * 1024 * 1024;

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

/** The clipboard's HTML (Word, LibreOffice, Excel, web pages): tables keep their cells. */
export async function importFromHtml(html: string): Promise<ImportResult> {
  const { importPlan } = await loadImporter();
  return importPlan({ kind: "html", html, fileName: "(dán)" });
}

async function loadEditing() {
  const [edits, dir, additions] = await Promise.all([
    import(/* webpackChunkName: "importer" */ "../core/import/edit-result"),
    import(/* webpackChunkName: "importer" */ "../core/agency/default-directory"),
    import(/* webpackChunkName: "importer" */ "../core/import/prose/with-additions"),
  ]);
  return {
    ...edits,
    ...additions,
    directoryFor: (r: ImportResult) => dir.defaultDirectory(r.plan.province || undefined),
  };
}

export async function editImportedTask(
  result: ImportResult,
  key: string,
  edit: TaskEdit
): Promise<ImportResult> {
  const e = await loadEditing();
  return e.editTask(result, key, edit, e.directoryFor(result));
}

export async function removeImportedTask(result: ImportResult, key: string): Promise<ImportResult> {
  return (await loadEditing()).removeTask(result, key);
}

export async function replaceImportedAgency(
  result: ImportResult,
  written: string,
  name: string
): Promise<ImportResult> {
  const e = await loadEditing();
  return e.replaceAgency(result, written, name, e.directoryFor(result));
}

export async function addImportedAdditions(
  result: ImportResult,
  keys: Set<string>
): Promise<ImportResult> {
  return (await loadEditing()).withAdditions(result, keys);
}

export async function importFromTables(
  tables: RawTable[],
  fileName: string
): Promise<ImportResult> {
  const { importPlan } = await loadImporter();
  return importPlan({ kind: "tables", tables, fileName });
}
