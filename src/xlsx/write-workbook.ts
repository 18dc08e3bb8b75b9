/**
 * WorkbookSpec → .xlsx bytes. Each part is written as text straight from the spec
 * (./write: sheets, styles, tables, names) and the package zipped once by zip-write.ts (the
 * platform's deflate where there is one, else fflate), as an edit in place zips. Pure bytes
 * in/out (no fs), so the task pane lazy-loads it with import() and the CLI uses it in Node.
 *
 * Earlier versions drove exceljs' writer and then patched its output (default font, defined
 * names, data bars, totals-row noise); writing the parts directly says what we mean once and is
 * 3-5× faster (docs/BENCHMARKS.md). exceljs stays for reading.
 */
import { assertValidSpec } from "../core/spec/check-spec";
import type { WorkbookSpec } from "../core/spec/sheet-spec";
import { StyleBook } from "./write/cell-styles";
import { OFFICE_THEME_XML } from "./write/office-theme";
import { SharedStrings, sheetXml, type StyleBase } from "./write/sheet-xml";
import { writeZip } from "./zip-write";
import { joinBytes } from "../core/readers/join-bytes";
import type { Utf8Chunks } from "./write/utf8-sink";
import {
  appXml,
  contentTypes,
  coreXml,
  ROOT_RELS,
  sheetRels,
  workbookRels,
  workbookXml,
} from "./write/workbook-parts";

export async function writeWorkbook(spec: WorkbookSpec): Promise<Uint8Array> {
  return writeZip([...workbookPartBytes(spec)].map(([name, bytes]) => ({ name, bytes })));
}

interface PartOptions {
  inlineStrings?: boolean;
  /** Format indexes the sheets are written with (sheet-xml.ts): patch-sheets.ts's package's. */
  styleBase?: StyleBase;
}

/**
 * The package's parts, UTF-8, for patch-sheets.ts to carry into an officer's package without
 * a zip between (a sheet it carries is never decoded: patch-opc.ts's binary strings).
 */
export function workbookParts(spec: WorkbookSpec, o: PartOptions = {}): Map<string, Uint8Array> {
  const parts = new Map<string, Uint8Array>();
  for (const [name, chunks] of workbookPartBytes(spec, o)) parts.set(name, joinBytes(chunks));
  return parts;
}

/**
 * The package's parts, UTF-8, in package order ([Content_Types].xml first). Worksheets and
 * shared strings are encoded as they are written, in chunks (utf8-sink.ts); the other parts are
 * small texts.
 */
function workbookPartBytes(spec: WorkbookSpec, o: PartOptions = {}): Map<string, Utf8Chunks> {
  assertValidSpec(spec);
  const utf8 = new TextEncoder();
  const files = new Map<string, Utf8Chunks>();
  const put = (path: string, xml: string) => files.set(path, [utf8.encode(xml)]);

  const styles = new StyleBook(spec.defaultFont);
  const strings = new SharedStrings(o.inlineStrings);
  let tableCount = 0;
  const tableIds: number[] = [];
  put("[Content_Types].xml", ""); // placeholder: first in the package, filled in below
  put("_rels/.rels", ROOT_RELS);
  put("docProps/app.xml", appXml(spec.sheets.map((s) => s.name)));
  put("docProps/core.xml", coreXml("Phụ Lục", new Date()));
  put("xl/workbook.xml", workbookXml(spec));
  put("xl/_rels/workbook.xml.rels", workbookRels(spec.sheets.length));
  spec.sheets.forEach((sheet, i) => {
    const written = sheetXml(sheet, styles, strings, () => ++tableCount, o.styleBase);
    files.set(`xl/worksheets/sheet${i + 1}.xml`, written.bytes);
    if (written.tables.length) {
      put(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, sheetRels(written.tables.map((t) => t.id)));
      for (const t of written.tables) {
        put(`xl/tables/table${t.id}.xml`, t.xml);
        tableIds.push(t.id);
      }
    }
  });
  put("xl/theme/theme1.xml", OFFICE_THEME_XML);
  put("xl/styles.xml", styles.toXml());
  files.set("xl/sharedStrings.xml", strings.toBytes());
  put("[Content_Types].xml", contentTypes(spec.sheets.length, tableIds));
  return files;
}
