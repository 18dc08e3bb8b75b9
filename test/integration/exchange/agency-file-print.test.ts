/**
 * The files `phuluc distribute` sends to agencies print on A4 landscape, one page wide, the
 * task table's header row on every page: read back by openpyxl from the real files, and
 * printed by LibreOffice (every page landscape, each table row's words on one page width).
 */
import path from "node:path";
import { readdirSync } from "node:fs";
import { importLamDong, phuluc } from "../../helpers/phuluc-cli";
import { readPdf } from "../../helpers/pdf-paper";
import { itWithTools, runPython, sofficeConvertAll, tempDir } from "../../helpers/tools";

const PAGE_SETUP = `
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = []
for ws in wb.worksheets:
    if ws.sheet_state != "visible": continue
    out.append({"sheet": ws.title, "orientation": ws.page_setup.orientation,
      "paper": int(ws.page_setup.paperSize or 0), "fitToPage": bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),
      "wide": ws.page_setup.fitToWidth, "titles": ws.print_title_rows})
print(json.dumps(out))
`;

describe("files sent to agencies", () => {
  itWithTools(
    ["python3-openpyxl", "soffice", "pdftotext"],
    "print landscape A4, fit to width, header repeated",
    async () => {
      const dir = tempDir("agency-file-print");
      const wb = importLamDong(path.join(dir, "theo-doi.xlsx"));
      const out = path.join(dir, "gui");
      const r = phuluc(["distribute", wb, "--year", "2026", "-o", out]);
      expect(r.code).toBe(0);
      const files = readdirSync(out).map((f) => path.join(out, f));
      expect(files.length).toBeGreaterThan(5);
      for (const f of files.slice(0, 3)) {
        const sheets = runPython<
          {
            sheet: string;
            orientation: string;
            paper: number;
            fitToPage: boolean;
            wide: number;
            titles: string | null;
          }[]
        >(PAGE_SETUP, [f]);
        expect(sheets.length).toBeGreaterThanOrEqual(2);
        for (const s of sheets)
          expect(s).toMatchObject({ orientation: "landscape", paper: 9, fitToPage: true, wide: 1 });
        // The task table's header row repeats on every page.
        expect(sheets.some((s) => /^\$?\d+:\$?\d+$/.test(s.titles ?? ""))).toBe(true);
      }
      // Printed: every page landscape A4.
      const [pdf] = sofficeConvertAll(files[0], "pdf");
      for (const p of readPdf(pdf)) expect(p.width).toBeGreaterThan(p.height);
    }
  );
});
