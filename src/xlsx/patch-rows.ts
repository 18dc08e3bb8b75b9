/**
 * Rows appended to a sheet of an existing package, as Excel's "add a table row" does: under the
 * table's last data row (blank data rows, like the one a new empty table holds, are filled
 * first), the totals row moved down, the table's range and autofilter extended, and every data
 * validation and conditional format that ran to the old last row extended to the new one. Each
 * new cell takes the style of the cell above it. Without a table, rows go under the last row.
 */
import type { CellValue } from "../core/spec/sheet-spec";
import { cellAddress, parseRange, rangeAddress, type RangeRef } from "../core/spec/a1";
import { InputError } from "../core/errors/input-error";
import { attributes, withAttribute } from "./patch-opc";
import type { CellStyler, SheetXml } from "./patch-cells";

export interface TablePart {
  path: string;
  xml: string;
}

/** Rows under a table: → the sheet rows written, the new table XML. */
export function appendTableRows(
  sheet: SheetXml,
  table: TablePart | null,
  rows: CellValue[][],
  styler: CellStyler,
  where: { fileName: string; sheetName: string }
): { first: number; last: number; oldLast: number; tableXml?: string; columns: [number, number] } {
  if (!table) {
    let oldLast = sheet.lastRow();
    while (oldLast > 1 && sheet.rowIsEmpty(oldLast, 1, 16384)) oldLast--;
    const width = Math.max(1, ...rows.map((r) => r.length));
    // A styled blank row under the last value (a body row waiting for data) gives the style;
    // else the last row with a value does.
    const styleRow = sheet.hasRow(oldLast + 1) ? oldLast + 1 : oldLast;
    writeRows(sheet, oldLast + 1, 1, rows, styleRow, styler);
    return { first: oldLast + 1, last: oldLast + rows.length, oldLast, columns: [1, width] };
  }
  const open = /<(?:\w+:)?table\b[^>]*>/.exec(table.xml)![0];
  const a = attributes(open);
  const ref = parseRange(a.ref ?? ""); // a table without a ref: parseRange refuses ""
  const headers = Number(a.headerRowCount ?? 1);
  const totals = Number(a.totalsRowCount ?? 0);
  const firstData = ref.top + headers;
  let lastData = ref.bottom - totals;
  // Blank data rows at the end (a new table's empty row) are filled first.
  let start = lastData + 1;
  while (start - 1 >= firstData && sheet.rowIsEmpty(start - 1, ref.left, ref.right)) start--;
  const needed = start + rows.length - 1;
  const grow = Math.max(0, needed - lastData);
  const below = ref.bottom + 1;
  for (let r = below; r < below + grow; r++)
    if (!sheet.rowIsEmpty(r, ref.left, ref.right))
      throw new InputError(
        "TABLE_BLOCKED",
        where.fileName,
        `Tệp "${where.fileName}": không thêm được ${rows.length} dòng vào bảng trên trang "${where.sheetName}" vì dòng ${r} ngay dưới bảng đã có dữ liệu. Hãy chuyển phần đó đi chỗ khác rồi thử lại.`,
        { sheet: where.sheetName, row: r }
      );
  if (totals > 0 && grow > 0)
    for (let t = totals - 1; t >= 0; t--) sheet.moveRow(ref.bottom - t, ref.bottom - t + grow);
  const styleRow = Math.max(firstData, Math.min(start - 1, lastData));
  writeRows(sheet, start, ref.left, rows, styleRow >= firstData ? styleRow : ref.top, styler);
  const oldLast = lastData;
  lastData += grow;
  const newRef: RangeRef = { ...ref, bottom: ref.bottom + grow };
  let xml = table.xml.replace(open, withAttribute(open, "ref", rangeAddress(newRef)));
  xml = xml.replace(/<((?:\w+:)?)autoFilter\b[^>]*>/, (tag) => {
    const f = attributes(tag).ref;
    if (!f) return tag;
    return withAttribute(tag, "ref", rangeAddress({ ...parseRange(f), bottom: lastData }));
  });
  return {
    first: start,
    last: start + rows.length - 1,
    oldLast,
    tableXml: xml,
    columns: [ref.left, ref.right],
  };
}

function writeRows(
  sheet: SheetXml,
  first: number,
  left: number,
  rows: CellValue[][],
  styleRow: number,
  styler: CellStyler
): void {
  rows.forEach((values, i) =>
    values.forEach((v, c) => {
      const col = left + c;
      const s = styleRow > 0 ? sheet.styleOf(styleRow, col) : 0;
      sheet.set(cellAddress(first + i, col), v, styler, s);
    })
  );
}

/**
 * The worksheet's ranges that ended on `oldLast` within the columns, extended to `newLast`:
 * data validations (also x14's in extLst), conditional formats, the dimension.
 */
export function extendRanges(
  xml: string,
  oldLast: number,
  newLast: number,
  columns: [number, number]
): string {
  if (newLast <= oldLast) return xml;
  const extend = (list: string) =>
    list
      .split(/\s+/)
      .filter(Boolean)
      .map((token) => {
        const r = parseRangeLoose(token);
        if (!r || r.bottom !== oldLast || r.left < columns[0] || r.right > columns[1]) return token;
        return rangeAddress({ ...r, bottom: newLast });
      })
      .join(" ");
  return xml
    .replace(
      /(<(?:\w+:)?(?:dataValidation|conditionalFormatting)\b[^>]*?\ssqref=")([^"]*)"/g,
      (_all, head: string, list: string) => `${head}${extend(list)}"`
    )
    .replace(
      /(<xm:sqref>)([^<]*)(<\/xm:sqref>)/g,
      (_all, a: string, list: string, b: string) => `${a}${extend(list)}${b}`
    )
    .replace(/(<(?:\w+:)?dimension\b[^>]*?\sref=")([^"]*)"/, (all, head: string, ref: string) => {
      const r = parseRangeLoose(ref);
      return r && r.bottom < newLast ? `${head}${rangeAddress({ ...r, bottom: newLast })}"` : all;
    });
}

function parseRangeLoose(token: string): RangeRef | null {
  const t = token.replace(/\$/g, "");
  if (!/^[A-Z]{1,3}\d+(?::[A-Z]{1,3}\d+)?$/i.test(t)) return null;
  return parseRange(t.toUpperCase());
}
