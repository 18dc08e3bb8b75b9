/**
 * One w:tbl as a grid: gridSpan (horizontal) and vMerge (vertical) merges become grid cells
 * plus `merges`, with the merged text in the top-left cell only, as RawTable promises.
 */
import type { MergedArea } from "../table/raw-table";
import { INPUT_LIMITS, OVER, tooLargeError } from "./input-limits";
import { paragraphText } from "./docx-text";
import { W_NS, XmlNode, pushReversed, wChild, wChildren, wVal } from "./xml-node";

export interface DocxGrid {
  rows: string[][];
  merges: MergedArea[];
}

/** What the grid needs of one w:tr: its cells' spans, vertical merges and text. */
interface DocxRow {
  /** w:gridBefore: grid columns left empty before the first cell. */
  before: number | null;
  cells: { span: number | null; merge: "restart" | "continue" | "none"; text: string }[];
}

/** A w:tr read as it closed (docx-reader's collapse), standing in the tree for its cells. */
interface ReadRow extends XmlNode {
  readonly row: DocxRow;
}

function readRow(tr: XmlNode): DocxRow {
  if ("row" in tr) return (tr as ReadRow).row;
  const trPr = wChild(tr, "trPr");
  const cells: DocxRow["cells"] = [];
  for (const tc of unwrap(tr, "tc")) {
    const tcPr = wChild(tc, "tcPr");
    const vMerge = tcPr && wChild(tcPr, "vMerge");
    // <w:vMerge/> without a value continues the merge above; "restart" begins one.
    const merge = vMerge ? (wVal(vMerge) === "restart" ? "restart" : "continue") : "none";
    const span = intVal(tcPr && wChild(tcPr, "gridSpan"));
    cells.push({ span, merge, text: merge === "continue" ? "" : cellText(tc) });
  }
  return { before: intVal(trPr && wChild(trPr, "gridBefore")), cells };
}

export function readRowNode(tr: XmlNode): ReadRow {
  const row = readRow(tr);
  return {
    nodeType: tr.nodeType,
    localName: "tr",
    namespaceURI: W_NS,
    nodeValue: null,
    childNodes: [],
    row,
  };
}

/**
 * The table's own grid (w:tblGrid) bounds every row: a w:gridSpan of 100,000,000 spans to the
 * grid's last column, not a hundred million cells (Word itself makes at most 63 columns). Without
 * a grid, INPUT_LIMITS.maxTableColumns; the table read as a grid is bounded by maxGridCells.
 */
export function readTableGrid(tbl: XmlNode, fileName: string): DocxGrid {
  const tblGrid = wChild(tbl, "tblGrid");
  const declared = tblGrid ? wChildren(tblGrid, "gridCol").length : 0;
  const width = Math.min(declared || INPUT_LIMITS.maxTableColumns, INPUT_LIMITS.maxTableColumns);
  const rows: string[][] = [];
  const merges: MergedArea[] = [];
  // Vertical merges still open, by their first grid column.
  const open = new Map<number, MergedArea>();

  for (const tr of unwrap(tbl, "tr")) {
    const r = rows.length;
    const row: string[] = [];
    const read = readRow(tr);
    let col = clamp(read.before ?? 0, 0, width - 1);
    for (let c = 0; c < col; c++) row.push("");
    const seen = new Set<number>();

    for (const cell of read.cells) {
      // Past the grid (more cells than it declares) a cell still gets its one column.
      const span = clamp(cell.span ?? 1, 1, Math.max(1, width - col));
      const vKind = cell.merge;
      for (let k = 0; k < span; k++) row.push(k === 0 ? cell.text : "");
      seen.add(col);

      const above = open.get(col);
      if (vKind === "continue" && above) {
        above.bottom = r;
      } else if (vKind === "restart" || vKind === "continue") {
        const area = { top: r, left: col, bottom: r, right: col + span - 1 };
        open.set(col, area);
        merges.push(area);
      } else {
        open.delete(col);
        if (span > 1) merges.push({ top: r, left: col, bottom: r, right: col + span - 1 });
      }
      col += span;
    }
    // A vertical merge ends where a row has no continuing cell in its column.
    for (const c of [...open.keys()]) if (!seen.has(c)) open.delete(c);
    rows.push(row);
  }

  let wide = 0;
  for (const r of rows) wide = Math.max(wide, r.length);
  if (wide * rows.length > INPUT_LIMITS.maxGridCells)
    throw tooLargeError(fileName, OVER.tableCells(rows.length, wide, INPUT_LIMITS));
  for (const row of rows) while (row.length < wide) row.push("");
  return { rows, merges: merges.filter((m) => m.bottom > m.top || m.right > m.left) };
}

/**
 * Paragraphs of a cell joined with "\n". A table nested in the cell (a task's own small
 * schedule) is text of the cell too, never dropped: one line per row, its cells' texts
 * joined with " | ". Its rows were read as they closed, nested tables within them included.
 */
function cellText(tc: XmlNode): string {
  return unwrap(tc, "p", "tbl")
    .map((k) => (k.localName === "p" ? paragraphText(k) : nestedText(k)))
    .join("\n");
}

function nestedText(tbl: XmlNode): string {
  return unwrap(tbl, "tr")
    .map((tr) =>
      readRow(tr)
        .cells.map((c) => c.text.replace(/\s*\n\s*/g, " ").trim())
        .filter((t) => t !== "")
        .join(" | ")
    )
    .filter((line) => line !== "")
    .join("\n");
}

/** Children with the given names, looking through content controls and custom XML wrappers. */
function unwrap(node: XmlNode, ...names: string[]): XmlNode[] {
  const out: XmlNode[] = [];
  // An explicit stack, children last first: document order, whatever the wrappers' depth.
  const stack = wChildren(node).reverse();
  for (let k = stack.pop(); k; k = stack.pop()) {
    if (names.includes(k.localName ?? "")) out.push(k);
    else if (k.localName === "sdt") {
      const content = wChild(k, "sdtContent");
      if (content) pushReversed(stack, wChildren(content));
    } else if (k.localName === "customXml" || k.localName === "ins")
      pushReversed(stack, wChildren(k));
  }
  return out;
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(Math.max(n, min), max);
}

function intVal(node: XmlNode | undefined): number | null {
  const v = wVal(node);
  if (v === null) return null;
  const n = parseInt(v, 10);
  return Number.isFinite(n) ? n : null;
}
