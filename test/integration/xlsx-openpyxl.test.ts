/** writeWorkbook output read back by an independent reader: openpyxl under /usr/bin/python3. */
import { writeFileSync } from "fs";
import { join } from "path";
import { writeWorkbook } from "../../src/xlsx";
import { fullSpec, TRICKY_STRINGS } from "../helpers/full-spec";
import { itWithTools, runPython, tempDir } from "../helpers/tools";

const DUMP = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": [], "names": {}}
for d in wb.defined_names.definedName:
    out["names"][d.name] = d.attr_text
for ws in wb.worksheets:
    cells = {}
    for row in ws.iter_rows():
        for c in row:
            if c.value is not None:
                v = c.value.isoformat() if hasattr(c.value, "isoformat") else c.value
                cells[c.coordinate] = {"v": v, "t": c.data_type, "fmt": c.number_format,
                    "bold": bool(c.font.b), "font": c.font.name, "size": c.font.sz}
    out["sheets"].append({
        "name": ws.title, "state": ws.sheet_state, "freeze": ws.freeze_panes, "cells": cells,
        "merges": [str(m) for m in ws.merged_cells.ranges],
        "tables": {k: t for k, t in ws.tables.items()},
        "dv": [{"type": d.type, "sqref": str(d.sqref), "f1": d.formula1, "f2": d.formula2, "errorStyle": d.errorStyle,
                "error": d.error, "errorTitle": d.errorTitle, "prompt": d.prompt, "allowBlank": d.allow_blank} for d in ws.data_validations.dataValidation],
        "cf": [{"sqref": str(r.sqref), "rules": [{"type": x.type, "formula": x.formula, "priority": x.priority} for x in r.rules]} for r in ws.conditional_formatting],
        "page": {"paper": ws.page_setup.paperSize, "orientation": ws.page_setup.orientation,
                 "fitToWidth": ws.page_setup.fitToWidth, "fitToHeight": ws.page_setup.fitToHeight,
                 "fitToPage": ws.sheet_properties.pageSetUpPr.fitToPage if ws.sheet_properties.pageSetUpPr else None,
                 "left": ws.page_margins.left, "top": ws.page_margins.top,
                 "titles": ws.print_title_rows, "header": ws.oddHeader.center.text, "footer": ws.oddFooter.center.text,
                 "differentFirst": ws.HeaderFooter.differentFirst, "center": ws.print_options.horizontalCentered},
        "widths": {k: [d.width, bool(d.hidden)] for k, d in ws.column_dimensions.items()},
        "heights": {str(k): d.height for k, d in ws.row_dimensions.items() if d.height},
        "tab": ws.sheet_properties.tabColor.rgb if ws.sheet_properties.tabColor else None,
    })
print(json.dumps(out, ensure_ascii=False))
`;

interface Dump {
  names: Record<string, string>;
  sheets: {
    name: string;
    state: string;
    freeze: string | null;
    cells: Record<
      string,
      { v: unknown; t: string; fmt: string; bold: boolean; font: string; size: number }
    >;
    merges: string[];
    tables: Record<string, string>;
    dv: Record<string, unknown>[];
    cf: { sqref: string; rules: { type: string; formula: string[]; priority: number }[] }[];
    page: Record<string, unknown>;
    widths: Record<string, [number, boolean]>;
    heights: Record<string, number>;
    tab: string | null;
  }[];
}

describe("writeWorkbook read back with openpyxl", () => {
  itWithTools(["python3-openpyxl"], "every spec feature survives", async () => {
    const file = join(tempDir("openpyxl"), "full.xlsx");
    writeFileSync(file, await writeWorkbook(fullSpec(40)));
    const d = runPython<Dump>(DUMP, [file]);
    const [info, tasks, units, meta] = d.sheets;

    expect(d.sheets.map((s) => [s.name, s.state])).toEqual([
      ["Thông tin", "visible"],
      ["Nhiệm vụ", "visible"],
      ["Đơn vị", "hidden"],
      ["_phuluc", "veryHidden"],
    ]);
    // Values: text stays text, dates are real dates, formulas are formulas.
    expect(
      ["A7", "B7", "C7", "D7", "E7", "F7"].map((a) => [info.cells[a].v, info.cells[a].t])
    ).toEqual(TRICKY_STRINGS.map((s) => [s, "s"]));
    expect(info.cells.B2).toMatchObject({ v: 2026, t: "n" });
    expect(info.cells.B3).toMatchObject({ v: "2026-11-15T00:00:00", t: "d", fmt: "dd/mm/yyyy" });
    expect(info.cells.B4).toMatchObject({ v: true, t: "b" });
    expect(info.cells.B5).toMatchObject({ v: "=B2+1", t: "f", fmt: "0.00" });
    expect(tasks.cells.G42).toMatchObject({
      v: '=IF(F42>=100,"Hoàn thành","Đang thực hiện")',
      t: "f",
    });
    expect(tasks.cells.A42.v).toBe("NV-0040");
    // Styles and default font.
    expect(info.cells.A1).toMatchObject({ bold: true, size: 14, font: "Times New Roman" });
    expect(tasks.cells.C3).toMatchObject({ font: "Times New Roman", size: 12, bold: false });
    expect(info.merges).toEqual(["A1:B1"]);
    expect(info.widths.C).toEqual([12, true]);
    expect(info.heights["1"]).toBe(30);
    expect(info.tab).toBe("FF2F5597");
    // Table, validations, conditional formats, freeze.
    expect(tasks.tables).toEqual({ NhiemVu: "A2:G42" });
    expect(tasks.dv).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: "list",
          sqref: "D3:D42",
          f1: "DanhSachDonVi",
          errorStyle: "stop",
          errorTitle: "Đơn vị không hợp lệ",
        }),
        expect.objectContaining({
          type: "decimal",
          sqref: "F3:F42",
          f1: "0",
          f2: "100",
          prompt: "Nhập số từ 0 đến 100",
          error: "Tiến độ phải từ 0 đến 100",
        }),
        expect.objectContaining({
          type: "list",
          sqref: "G3:G42",
          f1: '"Hoàn thành,Đang thực hiện,Chưa thực hiện"',
        }),
      ])
    );
    expect(info.dv).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: "whole",
          sqref: "B2",
          f1: "2020",
          f2: "2100",
          allowBlank: false,
        }),
        expect.objectContaining({ type: "date", sqref: "B3", f1: "43831", f2: "73415" }), // 2020-01-01 … 2100-12-31
      ])
    );
    expect(tasks.cf).toEqual([
      { sqref: "A3:G42", rules: [{ type: "expression", formula: ["$F3>=100"], priority: 1 }] },
      { sqref: "F3:F42", rules: [{ type: "dataBar", formula: [], priority: 2 }] },
    ]);
    expect(tasks.freeze).toBe("B3");
    // Page setup: A4 landscape, margins in inches, fit to one page wide, titles, header/footer.
    expect(tasks.page).toMatchObject({
      paper: 9,
      orientation: "landscape",
      fitToWidth: 1,
      fitToHeight: 0,
      fitToPage: true,
      titles: "$2:$2",
      center: true,
    });
    expect(tasks.page.left).toBeCloseTo(15 / 25.4, 6);
    expect(tasks.page.top).toBeCloseTo(20 / 25.4, 6);
    expect(tasks.page).toMatchObject({
      header: "Danh mục nhiệm vụ",
      footer: "Trang &P/&N",
      differentFirst: true,
    });
    // Names, hidden sheets' content.
    expect(d.names).toMatchObject({
      NamBaoCao: "'Thông tin'!$B$2",
      Năm_báo_cáo: "'Thông tin'!$B$2",
      DanhSachDonVi: "'Đơn vị'!$A$2:$A$4",
    });
    expect(units.cells.A4.v).toBe("Sở Y tế");
    expect(meta.cells.B1.v).toBe(1);
  });
});
