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
  SheetSpec,
  ValidationSpec,
  WorkbookSpec,
} from "../core/spec/sheet-spec";
import { argb, mergeStyle, solidFill, toFont } from "./exceljs-style";
import { patchPackage } from "./patch-package";

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
  // exceljs' zip is only an intermediate: patchPackage reopens it and compresses once, at the end.
  const buffer = await wb.xlsx.writeBuffer({
    zip: { compression: "STORE" },
  } as ExcelJS.XlsxWriteOptions);
  return patchPackage(new Uint8Array(buffer as ArrayBuffer), spec);
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

  const baseFont = toFont(defaultFont);
  for (const block of sheet.blocks) {
    const { row, col } = parseCell(block.address);
    block.values.forEach((r, i) =>
      r.forEach((v, j) => setValue(ws.getCell(row + i, col + j), v, baseFont))
    );
  }
  for (const t of sheet.tables)
    addTable(ws, t.name, parseRange(t.range), t.columns, t.style, t.showRowStripes);
  for (const s of sheet.styles) {
    forEachCell(ws, parseRange(s.range), (cell) => {
      cell.style = mergeStyle({ ...cell.style, font: cell.style.font ?? baseFont }, s.style);
    });
  }
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
      ...(p.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : { fitToPage: false }),
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

function setValue(cell: Cell, v: CellValue, baseFont: Partial<ExcelJS.Font>): void {
  if (v === null) return;
  cell.font = baseFont;
  if (isFormula(v)) {
    cell.value = { formula: stripEquals(v.formula) } as ExcelJS.CellFormulaValue;
  } else if (isDate(v)) {
    cell.value = isoToUtcDate(v.date);
    cell.numFmt = DATE_FORMAT;
  } else {
    // Strings go in as shared strings: exceljs never parses "=…" in a string as a formula.
    cell.value = v;
  }
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
    for (let col = r.left; col <= r.right; col++) values.push(ws.getCell(row, col).value);
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

function forEachCell(ws: Worksheet, r: RangeRef, fn: (cell: Cell) => void): void {
  for (let row = r.top; row <= r.bottom; row++)
    for (let col = r.left; col <= r.right; col++) fn(ws.getCell(row, col));
}

function stripEquals(formula: string): string {
  return formula.replace(/^=/, "");
}
