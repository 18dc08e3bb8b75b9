/**
 * The decree's short rule under the italic "(Kèm theo …)" line of the appendix, read back by
 * independent readers: openpyxl finds a bottom border under a short merged range centred on
 * the sheet's columns right below the line; python-docx finds a paragraph with a bottom border,
 * indented equally both sides, right after that paragraph and before the table.
 */
import path from "path";
import { importLamDong, phuluc } from "../helpers/phuluc-cli";
import { itWithTools, runPython, tempDir } from "../helpers/tools";

const XLSX_RULE = `
import sys, json, openpyxl
from openpyxl.utils import get_column_letter
ws = openpyxl.load_workbook(sys.argv[1]).active
attached = next(r for r in range(1, 20) if str(ws.cell(r, 1).value or "").startswith("(Kèm theo"))
widths = []
for c in range(1, ws.max_column + 1):
    widths.append(ws.column_dimensions[get_column_letter(c)].width or 0)
rule = attached + 1
underlined = [c for c in range(1, ws.max_column + 1) if ws.cell(rule, c).border.bottom.style]
merges = [m for m in ws.merged_cells.ranges if m.min_row == rule]
table = next(r for r in range(rule, 30) if ws.cell(r, 1).value == "STT")
print(json.dumps({"underlined": underlined, "style": ws.cell(rule, underlined[0]).border.bottom.style if underlined else None,
  "merges": [[m.min_col, m.max_col] for m in merges], "widths": widths, "textInRule": any(ws.cell(rule, c).value for c in range(1, ws.max_column + 1)),
  "ruleBeforeTable": rule < table}))
`;

const DOCX_RULE = `
import sys, json, docx
from docx.oxml.ns import qn
d = docx.Document(sys.argv[1])
body = list(d.element.body.iterchildren())
at = next(i for i, e in enumerate(body) if e.tag == qn("w:p") and "".join(t.text or "" for t in e.iter(qn("w:t"))).startswith("(Kèm theo"))
nxt = body[at + 1]
ppr = nxt.find(qn("w:pPr"))
bottom = ppr.find(qn("w:pBdr")).find(qn("w:bottom")) if ppr is not None and ppr.find(qn("w:pBdr")) is not None else None
ind = ppr.find(qn("w:ind")) if ppr is not None else None
sect = d.sections[0]
width = (sect.page_width - sect.left_margin - sect.right_margin) / 635  # EMU -> twips
table_after = any(e.tag == qn("w:tbl") for e in body[at + 2:])
print(json.dumps({"bottom": bottom.get(qn("w:val")) if bottom is not None else None,
  "left": int(ind.get(qn("w:left")) or ind.get(qn("w:start"))) if ind is not None else 0,
  "right": int(ind.get(qn("w:right")) or ind.get(qn("w:end"))) if ind is not None else 0,
  "width": width, "text": "".join(t.text or "" for t in nxt.iter(qn("w:t"))), "tableAfter": table_after}))
`;

describe("the short rule under '(Kèm theo …)'", () => {
  const dir = tempDir("papers-rule");

  itWithTools(
    ["python3-openpyxl"],
    ".xlsx: a short centred bottom border below the line",
    async () => {
      const wb = importLamDong(path.join(dir, "theo-doi.xlsx"));
      for (const extra of [[], ["--with-status", "--year", "2026"]]) {
        const out = path.join(dir, `phu-luc${extra.length ? "-status" : ""}.xlsx`);
        expect(phuluc(["print", wb, "-o", out, ...extra]).code).toBe(0);
        const r = runPython<{
          underlined: number[];
          style: string;
          merges: [number, number][];
          widths: number[];
          textInRule: boolean;
          ruleBeforeTable: boolean;
        }>(XLSX_RULE, [out]);
        expect(r.style).toBe("thin");
        expect(r.textInRule).toBe(false);
        expect(r.ruleBeforeTable).toBe(true);
        expect(r.merges).toHaveLength(1);
        const [from, to] = r.merges[0];
        expect(r.underlined).toEqual(Array.from({ length: to - from + 1 }, (_, i) => from + i));
        const total = r.widths.reduce((a, b) => a + b, 0);
        const sum = (a: number, b: number) => r.widths.slice(a - 1, b).reduce((s, w) => s + w, 0);
        const ruleWidth = sum(from, to);
        // Short (a fifth to two fifths of the line) and centred (equal room either side).
        expect(ruleWidth / total).toBeGreaterThan(0.15);
        expect(ruleWidth / total).toBeLessThan(0.4);
        expect(Math.abs(sum(1, from - 1) - sum(to + 1, r.widths.length))).toBeLessThanOrEqual(2);
      }
    }
  );

  itWithTools(
    ["python3-openpyxl"],
    ".docx: a centred paragraph border right after the line",
    async () => {
      const wb = importLamDong(path.join(dir, "theo-doi-d.xlsx"));
      const out = path.join(dir, "phu-luc.docx");
      expect(phuluc(["print", wb, "-o", out]).code).toBe(0);
      const r = runPython<{
        bottom: string;
        left: number;
        right: number;
        width: number;
        text: string;
        tableAfter: boolean;
      }>(DOCX_RULE, [out]);
      expect(r.bottom).toBe("single");
      expect(r.text).toBe("");
      expect(r.tableAfter).toBe(true);
      expect(Math.abs(r.left - r.right)).toBeLessThanOrEqual(20);
      const ruleWidth = r.width - r.left - r.right;
      expect(ruleWidth / r.width).toBeGreaterThan(0.15);
      expect(ruleWidth / r.width).toBeLessThan(0.4);
    }
  );
});
