/**
 * Files dropped on the pane, folders included (walked through the File and Directory Entries
 * API that Chromium, Edge, Firefox and Safari share), with their path inside the folder.
 */
export interface PickedFile {
  /** "Báo cáo/2026 - Sở Y tế….xlsx" for a file in a dropped folder, else the name. */
  path: string;
  file: File;
}

// .ods too: not readable, but named with what to do rather than passed over in silence.
const SPREADSHEET = /\.(xlsx|xlsm|xls|ods)$/i;

type Entry = {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  fullPath: string;
  file?: (ok: (f: File) => void, fail: (e: unknown) => void) => void;
  createReader?: () => {
    readEntries: (ok: (e: Entry[]) => void, fail: (e: unknown) => void) => void;
  };
};

async function walk(entry: Entry, out: PickedFile[]): Promise<void> {
  if (entry.isFile && entry.file) {
    if (!SPREADSHEET.test(entry.name)) return;
    const file = await new Promise<File>((ok, fail) => entry.file!(ok, fail));
    out.push({ path: entry.fullPath.replace(/^\//, ""), file });
  } else if (entry.isDirectory && entry.createReader) {
    const reader = entry.createReader();
    // readEntries gives at most 100 entries a call: read until it gives none.
    for (;;) {
      const batch = await new Promise<Entry[]>((ok, fail) => reader.readEntries(ok, fail));
      if (batch.length === 0) break;
      for (const e of batch) await walk(e, out);
    }
  }
}

export async function droppedFiles(dt: DataTransfer): Promise<PickedFile[]> {
  const entries = Array.from(dt.items ?? [])
    .map((i) => i.webkitGetAsEntry?.() as unknown as Entry | null | undefined)
    .filter((e): e is Entry => Boolean(e));
  if (entries.length === 0) return Array.from(dt.files).map((file) => ({ path: file.name, file }));
  const out: PickedFile[] = [];
  for (const e of entries) await walk(e, out);
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

/** Files from an <input type="file" multiple> (or webkitdirectory: relative paths kept). */
export function pickedFiles(list: FileList | null): PickedFile[] {
  return Array.from(list ?? [])
    .map((file) => ({
      path: (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name,
      file,
    }))
    .filter((f) => SPREADSHEET.test(f.path) || !f.path.includes("/"))
    .sort((a, b) => a.path.localeCompare(b.path));
}
