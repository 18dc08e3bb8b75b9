/** LibreOffice opens writeWorkbook output and shows the same content (csv per sheet, pdf text, xlsx round trip). */
import { readFileSync, readdirSync, writeFileSync } from "fs";
import { dirname, join } from "path";
import { readWorkbookCells, writeWorkbook } from "../../src/xlsx";
import { fullSpec, TRICKY_STRINGS } from "../helpers/full-spec";
import {
  itWithTools,
  pdfToText,
  runPython,
  sofficeConvert,
  sofficeConvertAll,
  tempDir,
} from "../helpers/tools";

// Separator, quote, UTF-8, from row 1, -, -, -, -, -, cells "as shown", -, every sheet to its own file.
const CSV_ALL_SHEETS =
  "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1";

async function writeFull(rows: number): Promise<string> {
  const file = join(tempDir("lo"), "phu-luc.xlsx");
  writeFileSync(file, await writeWorkbook(fullSpec(rows)));
  return file;
}

describe("LibreOffice reads writeWorkbook output", () => {
  itWithTools(["soffice"], "csv of every sheet shows the values as Excel would", async () => {
    const out = sofficeConvertAll(await writeFull(12), CSV_ALL_SHEETS)[0];
    const files = readdirSync(dirname(out)).sort();
    expect(files).toEqual(
      [
        "phu-luc-Nhiệm vụ.csv",
        "phu-luc-Thông tin.csv",
        "phu-luc-_phuluc.csv",
        "phu-luc-Đơn vị.csv",
      ].sort()
    );
    const info = readFileSync(join(dirname(out), "phu-luc-Thông tin.csv"), "utf8").split("\n");
    expect(info[0]).toBe("THÔNG TIN KẾ HOẠCH,,,,,");
    expect(info[2]).toBe("Ngày báo cáo,15/11/2026,,,,");
    expect(info[4]).toBe("Tổng,2027.00,,,,"); // formula computed by LibreOffice, "0.00" format applied
    expect(info[6]).toBe(TRICKY_STRINGS.join(","));
    const tasks = readFileSync(join(dirname(out), "phu-luc-Nhiệm vụ.csv"), "utf8")
      .trim()
      .split("\n");
    expect(tasks).toHaveLength(14);
    expect(tasks[2]).toBe(
      'NV-0001,1,"Nhiệm vụ số 1: rà soát, cập nhật văn bản",Sở Tài chính,15/01/2026,,Đang thực hiện'
    );
    expect(tasks[13]).toBe(
      'NV-0012,12,"Nhiệm vụ số 12: rà soát, cập nhật văn bản",Sở Nội vụ,15/12/2026,77,Đang thực hiện'
    ); // 11 % 3 ≠ 0 → Sở Nội vụ
  });

  itWithTools(
    ["soffice", "pdftotext"],
    "pdf prints visible sheets with header, footer and hides hidden ones",
    async () => {
      const text = pdfToText(sofficeConvert(await writeFull(12), "pdf"));
      expect(text).toContain("THÔNG TIN KẾ HOẠCH");
      expect(text).toContain("15/11/2026");
      expect(text).toContain("=SUM(A1)");
      expect(text).not.toContain("-abc"); // column C of "Thông tin" is hidden
      expect(text).toContain("NV-0012");
      expect(text).toContain("Danh mục nhiệm vụ"); // page header
      expect(text).toMatch(/Trang \d+\/\d+/); // page footer
      expect(text).not.toContain("Sở Y tế"); // hidden sheet
      expect(text).not.toContain("templateVersion"); // very hidden sheet
    }
  );

  itWithTools(
    ["soffice", "python3-openpyxl"],
    "xlsx round trip through LibreOffice keeps table, validations, names and states",
    async () => {
      const roundTrip = sofficeConvert(await writeFull(8), "xlsx");
      const d = runPython<{
        tables: Record<string, string>;
        dv: string[];
        names: string[];
        states: string[];
      }>(
        `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Nhiệm vụ"]
print(json.dumps({"tables": {k: v for k, v in ws.tables.items()}, "dv": sorted(str(d.sqref) for d in ws.data_validations.dataValidation),
  "names": sorted(d.name for d in wb.defined_names.definedName), "states": [s.sheet_state for s in wb.worksheets]}, ensure_ascii=False))
`,
        [roundTrip]
      );
      expect(d.tables).toEqual({ NhiemVu: "A2:G10" });
      expect(d.dv).toEqual(["D3:D10", "F3:F10", "G3:G10"]);
      expect(d.names).toEqual(
        expect.arrayContaining(["DanhSachDonVi", "NamBaoCao", "Năm_báo_cáo"])
      );
      // LibreOffice has no "very hidden": it saves such sheets as hidden (a LibreOffice limit).
      expect(d.states).toEqual(["visible", "visible", "hidden", "hidden"]);
      const cells = await readWorkbookCells(new Uint8Array(readFileSync(roundTrip)), "rt.xlsx");
      expect(cells.sheets[0].cells[6].map((c) => c.value)).toEqual(TRICKY_STRINGS);
    }
  );
});
