/**
 * The two .xlsx readers agree: the values-only reader used for returned files
 * (src/xlsx/read-values.ts) and exceljs (readWorkbookCells), on files written by openpyxl with
 * what officers put in them (whole-column validation, a chart, 5,000 formatted empty rows,
 * a hidden sheet, merged title rows, a #REF! formula) and on a distributed file. exceljs only
 * loads them because whole-column validations and drawings are pruned first.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { readWorkbookCells, readWorkbookValues } from "../../../src/xlsx";
import { isoToSerial } from "../../../src/core/text/dates";
import { importLamDong, phuluc } from "../../helpers/phuluc-cli";
import { itWithTools, runPython, tempDir } from "../../helpers/tools";

const SCRIPT = readFileSync(path.join(__dirname, "returned_workbooks.py"), "utf8");

/** A cell as plain data; exceljs' Dates as serials (the values reader reads no styles). */
function plain(v: unknown): unknown {
  if (v instanceof Date) return isoToSerial(v.toISOString().slice(0, 10));
  return v ?? null;
}

async function both(file: string) {
  const bytes = new Uint8Array(readFileSync(file));
  const a = await readWorkbookValues(bytes, path.basename(file));
  const b = await readWorkbookCells(bytes, path.basename(file));
  const grid = (s: { cells: { value: unknown; formula?: string }[][] }) =>
    s.cells.map((r) => r.map((c) => [plain(c.value), c.formula ?? null]));
  const trim = (g: unknown[][][]) =>
    g.map((r) => {
      const out = [...r];
      while (out.length && (out[out.length - 1] as unknown[]).every((x) => x === null)) out.pop();
      return out;
    });
  // exceljs repeats a merged area's value in each of its cells; the file (and the values
  // reader) has it once, top-left: a repeat of the left neighbour that the file lacks is dropped.
  const unmerged = (g: unknown[][][], fast: unknown[][][]) =>
    g.map((r, i) =>
      r.map((c, j) =>
        j > 0 &&
        JSON.stringify(c) === JSON.stringify(r[j - 1]) &&
        (fast[i]?.[j]?.[0] ?? null) === null
          ? [null, null]
          : c
      )
    );
  const fast = a.sheets.map((s) => ({ name: s.name, state: s.state, grid: trim(grid(s)) }));
  return {
    fast,
    exceljs: b.sheets.map((s, k) => ({
      name: s.name,
      state: s.state,
      grid: trim(unmerged(grid(s), fast[k]?.grid ?? [])),
    })),
  };
}

describe("values reader = exceljs reader", () => {
  itWithTools(
    ["python3-openpyxl"],
    "on an officer's own workbook and on a distributed one",
    async () => {
      const dir = tempDir("read-values");
      const master = importLamDong(path.join(dir, "master.xlsx"));
      const tricky = path.join(dir, "tricky.xlsx");
      runPython(SCRIPT, ["tricky", master, "-", tricky, "Sở Y tế"]);
      const t = await both(tricky);
      expect(t.fast.map((s) => [s.name, s.state])).toEqual([
        ["Báo cáo", "visible"],
        ["Cũ", "hidden"],
      ]);
      expect(t.fast).toEqual(t.exceljs);
      // The #REF! formula arrives as a formula without a value in both.
      expect(JSON.stringify(t.fast)).toContain('"#REF!+1"');

      const out = path.join(dir, "gui");
      expect(phuluc(["distribute", master, "--year", "2026", "-o", out]).code).toBe(0);
      const d = await both(path.join(out, "2026 - Sở Y tế - Báo cáo KH 4784.xlsx"));
      expect(d.fast.map((s) => s.name)).toEqual([
        "Hướng dẫn",
        "Chủ trì",
        "Phối hợp",
        "_phuluc_baocao",
      ]);
      expect(d.fast).toEqual(d.exceljs);
    }
  );
});
