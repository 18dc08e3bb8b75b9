/**
 * The operations for one SheetSpec on a new worksheet, without syncing: the caller batches
 * them by bytes (sync-budget.ts), so the sync count grows with the payload only. Enum
 * values are passed as their string forms so this runs without the Excel global (tests).
 */
import {
  blockRange,
  cellAddress,
  columnLetter,
  parseColumnSpan,
  parseRange,
  parseRowSpan,
  rangeAddress,
  rangeSize,
} from "../../core/spec/a1";
import { DATE_FORMAT } from "../../core/spec/cell-values";
import type {
  BorderWeight,
  FontSpec,
  SheetSpec,
  StyleSpec,
  ValidationSpec,
} from "../../core/spec/sheet-spec";
import { charsToPoints, dateRuns, MM_TO_POINTS, toOfficeInput } from "./office-values";
import { payloadBytes, rowChunks, SMALL_OP, type QueuedOp } from "./sync-budget";

/** Queues every operation for the sheet now (one batch; small sheets, tests). */
export function queueSheet(ws: Excel.Worksheet, sheet: SheetSpec, defaultFont: FontSpec): void {
  for (const op of sheetOps(ws, sheet, defaultFont)) op.queue();
}

/**
 * The sheet's operations in order, each with its estimated request bytes, for a SyncBatcher:
 * large blocks come as row chunks, so a 10,000-row sheet spreads over several ~4 MB syncs.
 */
export function sheetOps(ws: Excel.Worksheet, sheet: SheetSpec, defaultFont: FontSpec): QueuedOp[] {
  const ops: QueuedOp[] = [];
  const op = (queue: () => void, bytes = SMALL_OP) => ops.push({ bytes, queue });
  // Whole-sheet font first: Excel stores it as the sheet's row/column format, cheap for any size.
  op(() => applyFont(ws.getRange().format.font, defaultFont));
  sheet.columns.forEach((c, i) =>
    op(() => {
      const col = ws.getRange(`${columnLetter(i + 1)}:${columnLetter(i + 1)}`);
      col.format.columnWidth = charsToPoints(c.width);
      if (c.hidden) col.columnHidden = true;
    })
  );
  // Heights from the spec (core estimates wrapped rows, row-heights.ts), not Excel's autofit:
  // the same rows in both renderers, merged cells included (autofit ignores them). Runs of
  // rows with one height share a range, so a long table queues few operations.
  for (const run of rowHeightRuns(sheet.rowHeights ?? {}))
    op(() => (ws.getRange(`${run.from}:${run.to}`).format.rowHeight = run.height));

  for (const block of sheet.blocks) {
    const r = blockRange(block.address, block.values);
    const { cols } = rangeSize(r);
    // One rectangle per chunk of rows: ragged rows are padded with "" so arrays match ranges.
    const input = block.values.map((row) =>
      Array.from({ length: cols }, (_, j) => toOfficeInput(row[j] ?? null))
    );
    for (const chunk of rowChunks(input)) {
      const top = r.top + chunk.start;
      const address = rangeAddress({ ...r, top, bottom: top + chunk.rows.length - 1 });
      op(() => (ws.getRange(address).formulas = chunk.rows), chunk.bytes);
    }
    for (const run of dateRuns(block.values)) {
      const top = r.top + run.row;
      const addr = rangeAddress({
        top,
        left: r.left + run.col,
        bottom: top + run.rows - 1,
        right: r.left + run.col,
      });
      const formats = Array.from({ length: run.rows }, () => [DATE_FORMAT]);
      op(() => (ws.getRange(addr).numberFormat = formats), payloadBytes(formats));
    }
  }
  for (const st of sheet.styles) {
    const { rows, cols } = rangeSize(parseRange(st.range));
    const formatBytes = st.style.numberFormat
      ? rows * cols * (st.style.numberFormat.length + 3)
      : 0;
    op(() => applyStyle(ws.getRange(st.range), st.range, st.style), 8 * SMALL_OP + formatBytes);
  }
  for (const m of sheet.merges) op(() => ws.getRange(m).merge(false));
  for (const t of sheet.tables)
    op(() => {
      const table = ws.tables.add(t.range, true);
      table.name = t.name;
      table.style = t.style ?? "TableStyleLight9";
      table.showBandedRows = t.showRowStripes ?? true;
    }, 4 * SMALL_OP);
  for (const v of sheet.validations)
    op(() => applyValidation(ws.getRange(v.range), v), 4 * SMALL_OP + payloadBytes(v));
  sheet.conditionalFormats.forEach((cf, i) =>
    op(
      () => {
        const range = ws.getRange(cf.range);
        if (cf.kind === "expression") {
          const f = range.conditionalFormats.add("Custom");
          f.custom.rule.formula = `=${cf.formula.replace(/^=/, "")}`;
          if (cf.style.fill) f.custom.format.fill.color = cf.style.fill;
          if (cf.style.fontColor) f.custom.format.font.color = cf.style.fontColor;
          if (cf.style.bold) f.custom.format.font.bold = true;
          f.priority = (cf.priority ?? i + 1) - 1; // Office priorities are 0-based
        } else {
          const f = range.conditionalFormats.add("DataBar");
          f.dataBar.positiveFormat.fillColor = cf.color;
          f.dataBar.positiveFormat.gradientFill = true;
        }
      },
      6 * SMALL_OP + payloadBytes(cf)
    )
  );
  if (sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.columns > 0)) {
    const { rows, columns } = sheet.freeze;
    op(() => {
      if (rows > 0 && columns > 0)
        ws.freezePanes.freezeAt(ws.getRange(`A1:${cellAddress(rows, columns)}`));
      else if (rows > 0) ws.freezePanes.freezeRows(rows);
      else ws.freezePanes.freezeColumns(columns);
    });
  }
  const layout = sheet.pageLayout;
  // Worksheet.pageLayout is ExcelApi 1.9, the manifest's minimum: no runtime check needed.
  if (layout) op(() => queuePageLayout(ws, layout), 24 * SMALL_OP);
  // Manual page breaks (ExcelApi 1.9): Office.js adds one before the range's top-left cell.
  for (const row of sheet.rowBreaks ?? [])
    if (row > 1) op(() => ws.horizontalPageBreaks.add(`A${row}`));
  if (sheet.tabColor) {
    const color = sheet.tabColor;
    op(() => (ws.tabColor = color));
  }
  return ops;
}

function queuePageLayout(ws: Excel.Worksheet, p: NonNullable<SheetSpec["pageLayout"]>): void {
  const pl = ws.pageLayout;
  pl.orientation = p.orientation === "landscape" ? "Landscape" : "Portrait";
  pl.paperSize = "A4";
  pl.topMargin = p.margins.top * MM_TO_POINTS;
  pl.bottomMargin = p.margins.bottom * MM_TO_POINTS;
  pl.leftMargin = p.margins.left * MM_TO_POINTS;
  pl.rightMargin = p.margins.right * MM_TO_POINTS;
  pl.headerMargin = (p.margins.header ?? 8) * MM_TO_POINTS;
  pl.footerMargin = (p.margins.footer ?? 8) * MM_TO_POINTS;
  if (p.centerHorizontally) pl.centerHorizontally = true;
  const wide = p.fitToPagesWide ?? (p.fitToWidth ? 1 : 0);
  if (wide > 0) pl.zoom = { horizontalFitToPages: wide, verticalFitToPages: 0 };
  if (p.restartPageNumbers) pl.firstPageNumber = 1;
  if (p.printTitleRows) {
    const { from, to } = parseRowSpan(p.printTitleRows);
    pl.setPrintTitleRows(`$${from}:$${to}`);
  }
  if (p.printTitleColumns) {
    const { from, to } = parseColumnSpan(p.printTitleColumns);
    pl.setPrintTitleColumns(`$${columnLetter(from)}:$${columnLetter(to)}`);
  }
  const hf = pl.headersFooters;
  if (p.header?.differentFirst) {
    hf.state = "FirstAndDefault";
    hf.firstPage.centerHeader = "";
    if (p.footer?.center) hf.firstPage.centerFooter = p.footer.center;
  }
  if (p.header?.center) hf.defaultForAllPages.centerHeader = p.header.center;
  if (p.footer?.center) hf.defaultForAllPages.centerFooter = p.footer.center;
}

/** Consecutive rows with the same height, in row order. */
export function rowHeightRuns(
  heights: Record<number, number>
): { from: number; to: number; height: number }[] {
  const rows = Object.entries(heights)
    .map(([row, height]) => ({ row: Number(row), height }))
    .sort((a, b) => a.row - b.row);
  const runs: { from: number; to: number; height: number }[] = [];
  for (const { row, height } of rows) {
    const last = runs[runs.length - 1];
    if (last && last.to === row - 1 && last.height === height) last.to = row;
    else runs.push({ from: row, to: row, height });
  }
  return runs;
}

function applyFont(font: Excel.RangeFont, f: FontSpec): void {
  if (f.name !== undefined) font.name = f.name;
  if (f.size !== undefined) font.size = f.size;
  if (f.bold !== undefined) font.bold = f.bold;
  if (f.italic !== undefined) font.italic = f.italic;
  if (f.underline !== undefined) font.underline = f.underline ? "Single" : "None";
  if (f.color !== undefined) font.color = f.color;
}

const H = { left: "Left", center: "Center", right: "Right" } as const;
const V = { top: "Top", center: "Center", bottom: "Bottom" } as const;
const EDGES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideHorizontal",
  "InsideVertical",
] as const;

function applyStyle(range: Excel.Range, address: string, s: StyleSpec): void {
  if (s.font) applyFont(range.format.font, s.font);
  if (s.fill) range.format.fill.color = s.fill;
  if (s.horizontal) range.format.horizontalAlignment = H[s.horizontal];
  if (s.vertical) range.format.verticalAlignment = V[s.vertical];
  if (s.wrap !== undefined) range.format.wrapText = s.wrap;
  if (s.numberFormat) {
    const { rows, cols } = rangeSize(parseRange(address));
    range.numberFormat = Array.from({ length: rows }, () =>
      Array<string>(cols).fill(s.numberFormat as string)
    );
  }
  if (s.border) applyBorder(range, address, s.border);
  if (s.borderBottom) {
    const b = range.format.borders.getItem("EdgeBottom");
    b.style = "Continuous";
    b.weight = s.borderBottom === "medium" ? "Medium" : "Thin";
  }
}

function applyBorder(range: Excel.Range, address: string, weight: BorderWeight): void {
  const { rows, cols } = rangeSize(parseRange(address));
  for (const edge of EDGES) {
    // Inside edges of a single row/column do not exist; Excel rejects setting them.
    if ((edge === "InsideHorizontal" && rows < 2) || (edge === "InsideVertical" && cols < 2))
      continue;
    const b = range.format.borders.getItem(edge);
    b.style = "Continuous";
    b.weight = weight === "medium" ? "Medium" : "Thin";
  }
}

function applyValidation(range: Excel.Range, v: ValidationSpec): void {
  const dv = range.dataValidation;
  if (v.kind === "list") {
    dv.rule = {
      list: {
        inCellDropDown: true,
        source: v.items ? v.items.join(",") : `=${(v.source ?? "").replace(/^=/, "")}`,
      },
    };
  } else if (v.kind === "date") {
    dv.rule = { date: { formula1: v.min, formula2: v.max, operator: "Between" } };
  } else {
    const rule = { formula1: v.min, formula2: v.max, operator: "Between" as const };
    dv.rule = v.kind === "whole" ? { wholeNumber: rule } : { decimal: rule };
  }
  dv.ignoreBlanks = v.allowBlank ?? true;
  if (v.prompt) dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.message };
  dv.errorAlert = {
    showAlert: true,
    style: "Stop",
    title: v.error?.title ?? "Giá trị không hợp lệ",
    message: v.error?.message ?? "Giá trị nhập vào không đúng quy định của ô này.",
  };
}
