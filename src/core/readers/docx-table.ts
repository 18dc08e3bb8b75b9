/**
 * One w:tbl as a grid: gridSpan (horizontal) and vMerge (vertical) merges become grid cells
 * plus `merges`, with the merged text in the top-left cell only, as RawTable promises.
 */
import type { MergedArea } from "../table/raw-table";
import { paragraphText } from "./docx-text";
import { XmlNode, wChild, wChildren, wVal } from "./xml-node";

export interface DocxGrid {
  rows: string[][];
  merges: MergedArea[];
}

export function readTableGrid(tbl: XmlNode): DocxGrid {
  const rows: string[][] = [];
  const merges: MergedArea[] = [];
  // Vertical merges still open, by their first grid column.
  const open = new Map<number, MergedArea>();

  for (const tr of unwrap(tbl, "tr")) {
    const r = rows.length;
    const row: string[] = [];
    const trPr = wChild(tr, "trPr");
    let col = intVal(trPr && wChild(trPr, "gridBefore")) ?? 0;
    for (let c = 0; c < col; c++) row.push("");
    const seen = new Set<number>();

    for (const tc of unwrap(tr, "tc")) {
      const tcPr = wChild(tc, "tcPr");
      const span = Math.max(1, intVal(tcPr && wChild(tcPr, "gridSpan")) ?? 1);
      const vMerge = tcPr && wChild(tcPr, "vMerge");
      // <w:vMerge/> without a value continues the merge above; "restart" begins one.
      const vKind = vMerge ? (wVal(vMerge) === "restart" ? "restart" : "continue") : "none";
      const text = vKind === "continue" ? "" : cellText(tc);
      for (let k = 0; k < span; k++) row.push(k === 0 ? text : "");
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

  const width = Math.max(0, ...rows.map((r) => r.length));
  for (const row of rows) while (row.length < width) row.push("");
  return { rows, merges: merges.filter((m) => m.bottom > m.top || m.right > m.left) };
}

/** Paragraphs of a cell joined with "\n"; nested tables are ignored. */
function cellText(tc: XmlNode): string {
  return unwrap(tc, "p").map(paragraphText).join("\n");
}

/** Children with a given name, looking through content controls and custom XML wrappers. */
function unwrap(node: XmlNode, name: string): XmlNode[] {
  const out: XmlNode[] = [];
  for (const k of wChildren(node)) {
    if (k.localName === name) out.push(k);
    else if (k.localName === "sdt") {
      const content = wChild(k, "sdtContent");
      if (content) out.push(...unwrap(content, name));
    } else if (k.localName === "customXml" || k.localName === "ins") out.push(...unwrap(k, name));
  }
  return out;
}

function intVal(node: XmlNode | undefined): number | null {
  const v = wVal(node);
  if (v === null) return null;
  const n = parseInt(v, 10);
  return Number.isFinite(n) ? n : null;
}
