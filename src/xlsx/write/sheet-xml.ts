/**
 * One SheetSpec → its worksheet part (and its table parts), written straight from the spec as
 * text, in CT_Worksheet's element order. The cells live in two flat arrays (value, style state)
 * over the sheet's used rectangle; rows are written in one pass.
 *
 * Which cells exist, and their look, as the spec means it (and as earlier versions wrote it):
 * every cell of a value block (null: an empty cell), of a table and of a style range exists;
 * style ranges apply in order; a merged area shows its top-left cell's value and style in
 * every cell; a table's header cells hold its column names as text.
 */
import { cellAddress, columnLetter, parseCell, parseRange } from "../../core/spec/a1";
import { isDate, isFormula } from "../../core/spec/cell-values";
import type {
  CellValue,
  PageLayoutSpec,
  SheetSpec,
  ValidationSpec,
} from "../../core/spec/sheet-spec";
import { argb, StyleBook } from "./cell-styles";
import { rowShifter, templateFillsDown } from "../shift-formula";
import { rowTemplateOf } from "../../core/spec/row-template";
import { Utf8Sink, type Utf8Chunks } from "./utf8-sink";
import { textElement, xmlText } from "./xml-text";
import { isoToSerial } from "../../core/text/dates";

const MM_PER_INCH = 25.4;
const PAPER_A4 = 9;
const NO_CELL = -1;

/**
 * Strings of the whole workbook, each stored once (xl/sharedStrings.xml); `inline`: written in
 * their cells instead (a sheet carried into an officer's package, whose sharedStrings.xml stays
 * as it is: patch-sheets.ts).
 */
export class SharedStrings {
  constructor(readonly inline = false) {}
  private readonly index = new Map<string, number>();
  /** The <si> items, encoded as they come: thousands of task titles are no strings kept. */
  private readonly items = new Utf8Sink();
  count = 0;

  id(s: string): number {
    this.count++;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.index.size;
      this.index.set(s, i);
      this.items.write(`<si>${textElement(s)}</si>`);
    }
    return i;
  }

  /** xl/sharedStrings.xml, UTF-8. */
  toBytes(): Utf8Chunks {
    const utf8 = new TextEncoder();
    const head =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.count}" uniqueCount="${this.index.size}">`;
    return [utf8.encode(head), ...this.items.chunks(), utf8.encode("</sst>")];
  }
}

export interface TablePart {
  /** Workbook-wide table id, also its part's number: xl/tables/table{id}.xml. */
  id: number;
  xml: string;
}

export interface WrittenSheet {
  /** The worksheet part, UTF-8. */
  bytes: Utf8Chunks;
  tables: TablePart[];
}

const stripEquals = (f: string) => (f.startsWith("=") ? f.slice(1) : f);

/**
 * Where the sheet's cell formats (xf) and conditional formats (dxf) will sit: 0 in a workbook
 * of its own; after the formats a package already has when the sheet is carried into it
 * (patch-sheets.ts), so its markup needs no renumbering afterwards.
 */
export interface StyleBase {
  xf: number;
  dxf: number;
}

const OWN_STYLES: StyleBase = { xf: 0, dxf: 0 };

export function sheetXml(
  sheet: SheetSpec,
  styles: StyleBook,
  strings: SharedStrings,
  nextTableId: () => number,
  base: StyleBase = OWN_STYLES
): WrittenSheet {
  // The used rectangle: every block, table, style range and merge lies inside it.
  let rows = 0;
  let cols = 0;
  const areas = [
    ...sheet.blocks.map((b) => {
      const { row, col } = parseCell(b.address);
      const width = b.values.reduce((n, r) => Math.max(n, r.length), 0);
      return { top: row, left: col, bottom: row + b.values.length - 1, right: col + width - 1 };
    }),
    ...sheet.tables.map((t) => parseRange(t.range)),
    ...sheet.styles.map((s) => parseRange(s.range)),
    ...sheet.merges.map((m) => parseRange(m)),
  ];
  for (const a of areas) {
    rows = Math.max(rows, a.bottom);
    cols = Math.max(cols, a.right);
  }
  const values: (CellValue | undefined)[] = new Array(rows * cols);
  const state = new Int32Array(rows * cols).fill(NO_CELL);
  const at = (row: number, col: number) => (row - 1) * cols + (col - 1);
  const touch = (i: number) => {
    if (state[i] === NO_CELL) state[i] = StyleBook.EMPTY;
  };

  for (const block of sheet.blocks) {
    const { row, col } = parseCell(block.address);
    block.values.forEach((line, r) => {
      let i = at(row + r, col);
      for (const v of line) {
        if (v === null) touch(i);
        else {
          values[i] = v;
          state[i] = isDate(v) ? StyleBook.DATE : StyleBook.BASE;
        }
        i++;
      }
    });
  }
  for (const t of sheet.tables) {
    const r = parseRange(t.range);
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) touch(at(row, col));
    t.columns.forEach((name, j) => (values[at(r.top, r.left + j)] = String(name)));
  }
  for (const s of sheet.styles) {
    const r = parseRange(s.range);
    // Neighbouring cells mostly share their state: the last step is reused, not looked up.
    let before = NO_CELL;
    let after = NO_CELL;
    for (let row = r.top; row <= r.bottom; row++) {
      let i = at(row, r.left);
      for (let col = r.left; col <= r.right; col++, i++) {
        const now = state[i] ?? NO_CELL;
        if (now !== before || after === NO_CELL) {
          before = now;
          after = styles.apply(now === NO_CELL ? StyleBook.EMPTY : now, s.style);
        }
        state[i] = after;
      }
    }
  }
  for (const m of sheet.merges) {
    const r = parseRange(m);
    const master = at(r.top, r.left);
    touch(master);
    const masterState = state[master] ?? StyleBook.EMPTY; // touched just above
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) {
        const i = at(row, col);
        if (i === master) continue;
        values[i] = undefined;
        state[i] = masterState;
      }
  }

  const sharedF = sharedFormulas(values, rows, cols);

  const out = new Utf8Sink();
  out.write(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
  );
  const p = sheet.pageLayout;
  const wide = p ? pagesWide(p) : 0;
  if (sheet.tabColor || wide)
    out.write(
      "<sheetPr>" +
        (sheet.tabColor ? `<tabColor rgb="${argb(sheet.tabColor)}"/>` : "") +
        (wide ? '<pageSetUpPr fitToPage="1"/>' : "") +
        "</sheetPr>"
    );
  if (rows && cols) out.write(`<dimension ref="A1:${cellAddress(rows, cols)}"/>`);
  out.write(sheetViews(sheet));
  out.write('<sheetFormatPr defaultRowHeight="15"/>');
  if (sheet.columns.length) {
    // Adjacent columns alike are one <col min max>, as Excel and LibreOffice write them.
    let cols = "";
    let first = 1; // the run's first column
    for (const [i, c] of sheet.columns.entries()) {
      const next = sheet.columns[i + 1];
      if (next && next.width === c.width && Boolean(next.hidden) === Boolean(c.hidden)) continue;
      cols += `<col min="${first}" max="${i + 1}" width="${c.width}"${c.hidden ? ' hidden="1"' : ""} customWidth="1"/>`;
      first = i + 2;
    }
    out.write(`<cols>${cols}</cols>`);
  }

  out.write("<sheetData>");
  const letters = Array.from({ length: cols }, (_, j) => columnLetter(j + 1));
  const styleAttr: string[] = []; // ` s="N"` by xf, made once each (xf 0 is written as none)
  const heights = sheet.rowHeights ?? {};
  let lastRow = rows;
  for (const r of Object.keys(heights)) lastRow = Math.max(lastRow, Number(r));
  for (let row = 1; row <= lastRow; row++) {
    let cells = "";
    const r = String(row);
    if (row <= rows) {
      let i = at(row, 1);
      for (let col = 0; col < cols; col++, i++) {
        const st = state[i] ?? NO_CELL;
        if (st === NO_CELL) continue;
        const xf = styles.xf(st);
        const ref = `${letters[col]}${r}`;
        const s = xf ? (styleAttr[xf] ??= ` s="${xf + base.xf}"`) : "";
        const v = values[i];
        if (v === undefined || v === null) cells += `<c r="${ref}"${s}/>`;
        else if (typeof v === "string")
          cells += strings.inline
            ? `<c r="${ref}"${s} t="inlineStr"><is>${textElement(v)}</is></c>`
            : `<c r="${ref}"${s} t="s"><v>${strings.id(v)}</v></c>`;
        else if (typeof v === "number") cells += `<c r="${ref}"${s}><v>${v}</v></c>`;
        else if (typeof v === "boolean") cells += `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
        else if (isFormula(v))
          cells += `<c r="${ref}"${s}>${sharedF.at(i) ?? `<f>${xmlText(stripEquals(v.formula))}</f>`}</c>`;
        else cells += `<c r="${ref}"${s}><v>${isoToSerial(v.date)}</v></c>`;
      }
    }
    const ht = heights[row];
    if (cells || ht !== undefined)
      out.write(
        `<row r="${r}"${ht !== undefined ? ` ht="${ht}" customHeight="1"` : ""}>${cells}</row>`
      );
  }
  out.write("</sheetData>");

  if (sheet.protect)
    // No password: it only keeps plan text from being typed over; formatting columns/rows and
    // filtering stay allowed ("0" = not protected).
    out.write('<sheetProtection sheet="1" formatColumns="0" formatRows="0" autoFilter="0"/>');
  if (sheet.merges.length)
    out.write(
      `<mergeCells count="${sheet.merges.length}">` +
        sheet.merges.map((m) => `<mergeCell ref="${xmlText(m)}"/>`).join("") +
        "</mergeCells>"
    );
  sheet.conditionalFormats.forEach((cf, i) => {
    const rule =
      cf.kind === "expression"
        ? `<cfRule type="expression" dxfId="${styles.dxf(cf.style) + base.dxf}" priority="${cf.priority ?? i + 1}">` +
          `<formula>${xmlText(stripEquals(cf.formula))}</formula></cfRule>`
        : `<cfRule type="dataBar" priority="${i + 1}"><dataBar><cfvo type="min"/><cfvo type="max"/>` +
          `<color rgb="${argb(cf.color)}"/></dataBar></cfRule>`;
    out.write(
      `<conditionalFormatting sqref="${xmlText(cf.range)}">${rule}</conditionalFormatting>`
    );
  });
  if (sheet.validations.length)
    out.write(
      `<dataValidations count="${sheet.validations.length}">` +
        sheet.validations.map(validationXml).join("") +
        "</dataValidations>"
    );
  out.write(pageXml(p));
  // A break is written after the last row of a page: the spec names the row that starts one.
  const breaks = (sheet.rowBreaks ?? []).filter((r) => r > 1);
  if (breaks.length)
    out.write(
      `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">` +
        breaks.map((r) => `<brk id="${r - 1}" max="16383" man="1"/>`).join("") +
        "</rowBreaks>"
    );

  const tables = sheet.tables.map((t) => {
    const id = nextTableId();
    const ref = xmlText(t.range);
    const columns = t.columns
      .map((c, j) => `<tableColumn id="${j + 1}" name="${xmlText(String(c))}"/>`)
      .join("");
    return {
      id,
      xml:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${id}" ` +
        `name="${xmlText(t.name)}" displayName="${xmlText(t.name)}" ref="${ref}" totalsRowShown="0">` +
        `<autoFilter ref="${ref}"/>` +
        `<tableColumns count="${t.columns.length}">${columns}</tableColumns>` +
        `<tableStyleInfo name="${xmlText(t.style ?? "TableStyleLight9")}" showFirstColumn="0" ` +
        `showLastColumn="0" showRowStripes="${t.showRowStripes === false ? 0 : 1}" showColumnStripes="0"/>` +
        "</table>",
    };
  });
  if (tables.length)
    out.write(
      `<tableParts count="${tables.length}">` +
        tables.map((_, k) => `<tablePart r:id="rId${k + 1}"/>`).join("") +
        "</tableParts>"
    );
  out.write("</worksheet>");
  return { bytes: out.chunks(), tables };
}

/** A row range (2:2, $5:$9) outside strings: Excel moves it when filling down; we do not. */
const ROW_RANGE = /(^|[^A-Za-z0-9_.$])\$?\d+:\$?\d+/;

/** The formulas of a sheet shared down columns, as sharedFormulas found them. */
interface SharedFormulas {
  /** The <f> element of the cell (by index), or undefined when its formula is its own. */
  at(cell: number): string | undefined;
}

/**
 * Formulas filled down a column (each the first moved down, as shiftFormula moves it: compared
 * with the first's moved text, made by one join: rowShifter)
 * written as Excel writes them: the first cell holds the text and the range it is shared over,
 * the others only point at it. A 18,000-row tracking sheet of long formulas shrinks four-fold,
 * and every reader (Excel, LibreOffice, openpyxl, exceljs, read-values) translates them back.
 * Which group a cell belongs to is kept in a typed array (no entry per cell for the collector);
 * each group has its first cell's element and one element for all the others.
 */
function sharedFormulas(
  values: (CellValue | undefined)[],
  rows: number,
  cols: number
): SharedFormulas {
  const groupOf = new Int32Array(rows * cols); // group number + 1 by cell; 0: none
  const first: number[] = []; // the first cell of each group
  const heads: string[] = []; // its element
  const followers: string[] = []; // the other cells' element
  for (let col = 0; col < cols; col++) {
    let start = -1; // the group's first row (0-based), or -1
    let text = "";
    let moved = rowShifter("");
    let count = 0;
    // The group's row template when it fills down (row-template.ts), and the row it joined.
    let template: readonly string[] | null = null;
    let templateRow = 0;
    const close = () => {
      const lastRow = start + count - 1;
      if (count >= 2) {
        const si = heads.length;
        const ref = `${columnLetter(col + 1)}${start + 1}:${columnLetter(col + 1)}${lastRow + 1}`;
        first.push(start * cols + col);
        heads.push(`<f t="shared" ref="${ref}" si="${si}">${xmlText(text)}</f>`);
        followers.push(`<f t="shared" si="${si}"/>`);
        for (let r = start; r <= lastRow; r++) groupOf[r * cols + col] = si + 1;
      }
      start = -1;
      count = 0;
    };
    for (let row = 0; row < rows; row++) {
      const v = values[row * cols + col];
      const formula = v !== undefined && isFormula(v) ? v : null;
      const use = formula && rowTemplateOf(formula);
      // The group's template at the next row: the group's text moved down, known unread.
      if (use && start >= 0 && use.pieces === template && use.row === templateRow + count) {
        count++;
        continue;
      }
      const f = formula && stripEquals(formula.formula);
      if (f !== null && start >= 0 && moved(row - start) === f) {
        count++;
        continue;
      }
      close();
      if (f !== null && !ROW_RANGE.test(f.replace(/"(?:[^"]|"")*"/g, '""'))) {
        start = row;
        text = f;
        moved = rowShifter(f);
        count = 1;
        template = use && templateFillsDown(use.pieces) ? use.pieces : null;
        templateRow = use ? use.row : 0;
      }
    }
    close();
  }
  return {
    at(cell) {
      const g = (groupOf[cell] ?? 0) - 1;
      if (g < 0) return undefined;
      return first[g] === cell ? heads[g] : followers[g];
    },
  };
}

function sheetViews(sheet: SheetSpec): string {
  const f = sheet.freeze;
  if (!f || (f.rows <= 0 && f.columns <= 0)) return "";
  const pane = f.rows > 0 && f.columns > 0 ? "bottomRight" : f.rows > 0 ? "bottomLeft" : "topRight";
  return (
    '<sheetViews><sheetView workbookViewId="0"><pane' +
    (f.columns > 0 ? ` xSplit="${f.columns}"` : "") +
    (f.rows > 0 ? ` ySplit="${f.rows}"` : "") +
    ` topLeftCell="${cellAddress(f.rows + 1, f.columns + 1)}" activePane="${pane}" state="frozen"/>` +
    `<selection pane="${pane}"/></sheetView></sheetViews>`
  );
}

function validationXml(v: ValidationSpec): string {
  let formulas: string;
  let type: string = v.kind;
  if (v.kind === "list") {
    type = "list";
    const f = v.items ? `"${v.items.join(",")}"` : stripEquals(v.source ?? "");
    formulas = `<formula1>${xmlText(f)}</formula1>`;
  } else if (v.kind === "date")
    formulas = `<formula1>${isoToSerial(v.min)}</formula1><formula2>${isoToSerial(v.max)}</formula2>`;
  else formulas = `<formula1>${v.min}</formula1><formula2>${v.max}</formula2>`;
  const attrs =
    ` type="${type}"` +
    (v.kind === "list" ? "" : ' operator="between"') +
    ((v.allowBlank ?? true) ? ' allowBlank="1"' : "") +
    (v.prompt
      ? ` showInputMessage="1" promptTitle="${xmlText(v.prompt.title)}" prompt="${xmlText(v.prompt.message)}"`
      : "") +
    ' showErrorMessage="1" errorStyle="stop"' +
    (v.error ? ` errorTitle="${xmlText(v.error.title)}" error="${xmlText(v.error.message)}"` : "") +
    ` sqref="${xmlText(v.range)}"`;
  return `<dataValidation${attrs}>${formulas}</dataValidation>`;
}

/** Pages wide the print is fitted to, or 0 for no fitting (fitToWidth is one page wide). */
function pagesWide(p: PageLayoutSpec): number {
  return p.fitToPagesWide ?? (p.fitToWidth ? 1 : 0);
}

function pageXml(p: PageLayoutSpec | undefined): string {
  if (!p)
    return '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
  const inch = (mm: number) => mm / MM_PER_INCH;
  const m = p.margins;
  const wide = pagesWide(p);
  let xml =
    (p.centerHorizontally ? '<printOptions horizontalCentered="1"/>' : "") +
    `<pageMargins left="${inch(m.left)}" right="${inch(m.right)}" top="${inch(m.top)}" ` +
    `bottom="${inch(m.bottom)}" header="${inch(m.header ?? 8)}" footer="${inch(m.footer ?? 8)}"/>` +
    `<pageSetup paperSize="${PAPER_A4}"` +
    (wide ? ` fitToWidth="${wide}" fitToHeight="0"` : "") +
    // Each sheet's pages numbered from 1, also when the whole workbook is printed at once.
    (p.restartPageNumbers ? ' firstPageNumber="1" useFirstPageNumber="1"' : "") +
    ` orientation="${p.orientation}"/>`;
  const header = p.header?.center ? `&C${p.header.center}` : "";
  const footer = p.footer?.center ? `&C${p.footer.center}` : "";
  if (header || footer)
    // differentFirst: the first page (usually with its own title block) has no header.
    xml +=
      `<headerFooter${p.header?.differentFirst ? ' differentFirst="1"' : ""}>` +
      (header ? `<oddHeader>${xmlText(header)}</oddHeader>` : "") +
      (footer ? `<oddFooter>${xmlText(footer)}</oddFooter>` : "") +
      (footer ? `<firstFooter>${xmlText(footer)}</firstFooter>` : "") +
      "</headerFooter>";
  return xml;
}
