/**
 * WorkbookSpec → .xlsx bytes through exceljs. Pure bytes in/out (no fs) so the task pane can
 * lazy-load it with import() and the CLI can use it in Node. exceljs quirks are handled here
 * and in patch-package.ts, each marked "exceljs bug".
 */
import ExcelJS, { type Cell, type Worksheet } from "exceljs";
import { assertValidSpec } from "../core/spec/check-spec";
import { parseCell, parseRange, type RangeRef } from "../core/spec/a1";
import { DATE_FORMAT, isDate, isFormula, isoToUtcDate } from "../core/spec/cell-values";
import type {
  CellValue,
  FontSpec,
  PageLayoutSpec,
  SheetSpec,
  StyleSpec,
  ValidationSpec,
  WorkbookSpec,
} from "../core/spec/sheet-spec";
import { argb, mergeStyle, solidFill, toFont } from "./exceljs-style";
import { patchPackage, patchParts, zipParts, type PackageParts } from "./patch-package";

const MM_PER_INCH = 25.4;
const PAPER_A4 = 9;

export async function writeWorkbook(spec: WorkbookSpec): Promise<Uint8Array> {
  assertValidSpec(spec);
  const wb = new ExcelJS.Workbook();
  wb.creator = "Phụ Lục";
  // Formulas are written without cached results; make Excel compute them on open.
  wb.calcProperties.fullCalcOnLoad = true;
  for (const sheet of spec.sheets) writeSheet(wb.addWorksheet(sheet.name), sheet, spec.defaultFont);
  // A hidden first sheet must not be the active tab, or Excel opens on an invisible sheet.
  const activeTab = Math.max(
    0,
    spec.sheets.findIndex((s) => s.visibility === "visible")
  );
  wb.views = [
    { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab, visibility: "visible" },
  ];
  const parts = await renderParts(wb);
  if (!parts) {
    // exceljs' zip is only an intermediate: patchPackage reopens it and compresses once.
    const buffer = await wb.xlsx.writeBuffer({
      zip: { compression: "STORE" },
    } as ExcelJS.XlsxWriteOptions);
    return patchPackage(new Uint8Array(buffer as ArrayBuffer), spec);
  }
  patchParts(parts, spec);
  return zipParts(parts);
}

/** The steps of exceljs' XLSX.write (4.4.0), each adding parts to a zip through append(). */
const EXCELJS_WRITE_STEPS = [
  "addContentTypes",
  "addOfficeRels",
  "addWorkbookRels",
  "addWorksheets",
  "addSharedStrings",
  "addDrawings",
  "addTables",
  "addThemes",
  "addStyles",
  "addMedia",
  "addApp",
  "addCore",
  "addWorkbook",
] as const;

type ExcelJsXlsxInternals = {
  prepareModel(model: unknown, options: object): void;
} & Record<
  (typeof EXCELJS_WRITE_STEPS)[number],
  (zip: PartCollector, model: unknown) => Promise<void> | void
>;

type PartCollector = {
  append(data: string | Uint8Array, options: { name: string; base64?: boolean }): void;
};

/**
 * The package parts exceljs would zip, taken as text before any zipping: what writeBuffer does
 * minus its zip, which patchParts would have to open again (utf8 encode + CRC + parse + decode of
 * 6 MB for a 2,000-task plan). Null if this exceljs does not have the steps (then writeBuffer).
 */
async function renderParts(wb: ExcelJS.Workbook): Promise<PackageParts | null> {
  const xlsx = wb.xlsx as unknown as ExcelJsXlsxInternals;
  if (typeof xlsx.prepareModel !== "function") return null;
  if (EXCELJS_WRITE_STEPS.some((step) => typeof xlsx[step] !== "function")) return null;
  const parts: PackageParts = new Map();
  const zip: PartCollector = {
    append(data, options) {
      parts.set(options.name, options.base64 ? { base64: String(data) } : data);
    },
  };
  const { model } = wb as unknown as { model: unknown };
  xlsx.prepareModel(model, {});
  for (const step of EXCELJS_WRITE_STEPS) await xlsx[step](zip, model);
  return parts;
}

function writeSheet(ws: Worksheet, sheet: SheetSpec, defaultFont: FontSpec): void {
  ws.state = sheet.visibility;
  if (sheet.tabColor) ws.properties.tabColor = { argb: argb(sheet.tabColor) };
  sheet.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    if (c.hidden) col.hidden = true;
  });
  for (const [row, height] of Object.entries(sheet.rowHeights ?? {}))
    ws.getRow(Number(row)).height = height;
  // exceljs' break is after the row it is added to (rowBreaks `brk id` = last row of a page).
  for (const row of sheet.rowBreaks ?? []) if (row > 1) ws.getRow(row - 1).addPageBreak();

  const styles = new SharedStyles(toFont(defaultFont));
  for (const block of sheet.blocks) {
    const { row, col } = parseCell(block.address);
    for (let i = 0; i < block.values.length; i++) {
      const wsRow = ws.getRow(row + i);
      const values = block.values[i];
      for (let j = 0; j < values.length; j++) {
        // getCell even for null: the cell exists (as it always has), it just gets no value.
        const cell = wsRow.getCell(col + j);
        const v = values[j];
        if (v !== null) setValue(cell, v, styles);
      }
    }
  }
  for (const t of sheet.tables)
    addTable(ws, t.name, parseRange(t.range), t.columns, t.style, t.showRowStripes);
  sheet.styles.forEach((s, k) => {
    forEachCell(ws, parseRange(s.range), (cell) => {
      cell.style = styles.apply(cell.style, k, s.style);
    });
  });
  for (const m of sheet.merges) ws.mergeCells(m);
  for (const v of sheet.validations) addValidation(ws, v);
  sheet.conditionalFormats.forEach((cf, i) => {
    if (cf.kind === "expression") {
      const style = {
        ...(cf.style.fill ? { fill: solidFill(cf.style.fill) } : {}),
        ...(cf.style.fontColor || cf.style.bold
          ? {
              font: {
                ...(cf.style.fontColor ? { color: { argb: argb(cf.style.fontColor) } } : {}),
                ...(cf.style.bold ? { bold: true } : {}),
              },
            }
          : {}),
      };
      ws.addConditionalFormatting({
        ref: cf.range,
        rules: [
          {
            type: "expression",
            priority: cf.priority ?? i + 1,
            formulae: [stripEquals(cf.formula)],
            style,
          },
        ],
      });
    } else {
      ws.addConditionalFormatting({
        ref: cf.range,
        rules: [
          {
            type: "dataBar",
            priority: i + 1,
            // exceljs bug: renderDataBar iterates model.cfvo and crashes when it is missing.
            cfvo: [{ type: "min" }, { type: "max" }],
            gradient: true,
            color: { argb: argb(cf.color) },
          } as ExcelJS.DataBarRuleType & { color: { argb: string } },
        ],
      });
    }
  });
  if (sheet.protect) {
    // No password: exceljs' protect() hashes one; set the model directly (allowed = true).
    (ws as unknown as { sheetProtection: Record<string, boolean> }).sheetProtection = {
      sheet: true,
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
      autoFilter: true,
    };
  }
  if (sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.columns > 0)) {
    ws.views = [{ state: "frozen", xSplit: sheet.freeze.columns, ySplit: sheet.freeze.rows }];
  }
  const p = sheet.pageLayout;
  if (p) {
    const inch = (mm: number) => mm / MM_PER_INCH;
    ws.pageSetup = {
      ...ws.pageSetup,
      paperSize: PAPER_A4,
      orientation: p.orientation,
      margins: {
        top: inch(p.margins.top),
        bottom: inch(p.margins.bottom),
        left: inch(p.margins.left),
        right: inch(p.margins.right),
        header: inch(p.margins.header ?? 8),
        footer: inch(p.margins.footer ?? 8),
      },
      horizontalCentered: p.centerHorizontally ?? false,
      // Print titles are written by patch-package.ts (exceljs does not escape quotes in sheet names).
      ...(pagesWide(p)
        ? { fitToPage: true, fitToWidth: pagesWide(p), fitToHeight: 0 }
        : { fitToPage: false }),
      // Each sheet's pages numbered from 1, also when the whole workbook is printed at once.
      ...(p.restartPageNumbers ? { firstPageNumber: 1 } : {}),
    };
    const header = p.header?.center ? `&C${p.header.center}` : "";
    const footer = p.footer?.center ? `&C${p.footer.center}` : "";
    if (header || footer) {
      ws.headerFooter = {
        ...ws.headerFooter,
        differentFirst: p.header?.differentFirst ?? false,
        oddHeader: header,
        oddFooter: footer,
        // differentFirst: the first page (usually with its own title block) has no header.
        firstHeader: "",
        firstFooter: footer,
      };
    }
  }
}

/** Pages wide the print is fitted to, or 0 for no fitting (fitToWidth is one page wide). */
function pagesWide(p: PageLayoutSpec): number {
  return p.fitToPagesWide ?? (p.fitToWidth ? 1 : 0);
}

function setValue(cell: Cell, v: Exclude<CellValue, null>, styles: SharedStyles): void {
  if (isFormula(v)) {
    cell.value = { formula: stripEquals(v.formula) } as ExcelJS.CellFormulaValue;
    cell.style = styles.base;
  } else if (isDate(v)) {
    cell.value = isoToUtcDate(v.date);
    cell.style = styles.date;
  } else {
    // Strings go in as shared strings: exceljs never parses "=…" in a string as a formula.
    cell.value = v;
    cell.style = styles.base;
  }
}

/**
 * Cell styles as a few shared, never-mutated objects. exceljs' writer caches the style id of
 * each style object it has seen (a WeakMap in styles-xform), so cells sharing one object cost
 * one lookup instead of rendering font/border/fill XML per cell; per-cell copies also made
 * 50,000 small objects for the GC. Every style a cell can get is a chain: its start (no value,
 * a value, a date) followed by the sheet's style ranges covering it, in order; each step
 * (style object, range index) → style object is computed once with mergeStyle.
 * The objects must never be changed in place (no cell.font = … after this): they are shared.
 */
class SharedStyles {
  readonly base: Partial<ExcelJS.Style>;
  readonly date: Partial<ExcelJS.Style>;
  private readonly next = new Map<Partial<ExcelJS.Style>, Partial<ExcelJS.Style>[]>();

  constructor(private readonly baseFont: Partial<ExcelJS.Font>) {
    this.base = { font: baseFont };
    this.date = { font: baseFont, numFmt: DATE_FORMAT };
    this.next.set(this.base, []);
    this.next.set(this.date, []);
  }

  /** The style of a cell that had `current` after the k-th style range (`spec`) is applied. */
  apply(current: Partial<ExcelJS.Style>, k: number, spec: StyleSpec): Partial<ExcelJS.Style> {
    let steps = this.next.get(current);
    if (!steps) {
      // A cell exceljs just created has its own empty style: it starts from the default font.
      if (!isEmpty(current))
        return mergeStyle({ ...current, font: current.font ?? this.baseFont }, spec);
      current = this.base;
      steps = this.next.get(current)!;
    }
    let out = steps[k];
    if (!out) {
      out = mergeStyle({ ...current, font: current.font ?? this.baseFont }, spec);
      steps[k] = out;
      if (!this.next.has(out)) this.next.set(out, []);
    }
    return out;
  }
}

function isEmpty(o: object): boolean {
  for (const key in o) if (Object.prototype.hasOwnProperty.call(o, key)) return false;
  return true;
}

/**
 * exceljs writes the table's rows into the cells itself (Table.store), so we hand it the values
 * already there. exceljs bugs: a table with zero data rows gives a file Excel must repair
 * (exceljs#2678); check-spec rejects that, and we pad to one row in case a caller skipped it.
 */
function addTable(
  ws: Worksheet,
  name: string,
  r: RangeRef,
  columns: string[],
  style?: string,
  stripes?: boolean
): void {
  const rows: ExcelJS.CellValue[][] = [];
  for (let row = r.top + 1; row <= Math.max(r.bottom, r.top + 1); row++) {
    const values: ExcelJS.CellValue[] = [];
    forEachCell(ws, { top: row, bottom: row, left: r.left, right: r.right }, (cell) => {
      values.push(cell.value);
    });
    rows.push(values);
  }
  ws.addTable({
    name,
    displayName: name,
    ref: ws.getCell(r.top, r.left).address,
    headerRow: true,
    totalsRow: false,
    style: {
      theme: (style ?? "TableStyleLight9") as ExcelJS.TableStyleProperties["theme"],
      showRowStripes: stripes ?? true,
    },
    // exceljs bug: a non-string column name yields a corrupt table part; names are forced to text.
    columns: columns.map((c) => ({ name: String(c), filterButton: true })),
    rows,
  });
}

type ExcelJsValidation = {
  type: "list" | "whole" | "decimal" | "date";
  operator?: "between";
  allowBlank: boolean;
  formulae: (string | number | Date)[];
  showInputMessage?: boolean;
  promptTitle?: string;
  prompt?: string;
  showErrorMessage: boolean;
  errorStyle: "stop";
  errorTitle?: string;
  error?: string;
};

function addValidation(ws: Worksheet, v: ValidationSpec): void {
  const base = {
    allowBlank: v.allowBlank ?? true,
    showErrorMessage: true,
    errorStyle: "stop" as const,
    ...(v.prompt
      ? { showInputMessage: true, promptTitle: v.prompt.title, prompt: v.prompt.message }
      : {}),
    ...(v.error ? { errorTitle: v.error.title, error: v.error.message } : {}),
  };
  let dv: ExcelJsValidation;
  if (v.kind === "list") {
    dv = {
      ...base,
      type: "list",
      formulae: [v.items ? `"${v.items.join(",")}"` : stripEquals(v.source ?? "")],
    };
  } else if (v.kind === "date") {
    dv = {
      ...base,
      type: "date",
      operator: "between",
      formulae: [isoToUtcDate(v.min), isoToUtcDate(v.max)],
    };
  } else {
    dv = { ...base, type: v.kind, operator: "between", formulae: [v.min, v.max] };
  }
  // Range-keyed validations are supported by exceljs' writer but missing from its typings.
  (
    ws as unknown as { dataValidations: { add(address: string, dv: ExcelJsValidation): void } }
  ).dataValidations.add(v.range.includes(":") ? v.range : `${v.range}:${v.range}`, dv);
}

/** Row by row, with the row's own getCell (worksheet.getCell parses an A1 address per call). */
function forEachCell(ws: Worksheet, r: RangeRef, fn: (cell: Cell) => void): void {
  for (let row = r.top; row <= r.bottom; row++) {
    const wsRow = ws.getRow(row);
    for (let col = r.left; col <= r.right; col++) fn(wsRow.getCell(col));
  }
}

function stripEquals(formula: string): string {
  return formula.startsWith("=") ? formula.slice(1) : formula;
}
