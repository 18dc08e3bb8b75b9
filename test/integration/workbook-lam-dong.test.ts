/**
 * The tracking workbook of the real Lâm Đồng 4784 plan: one row per (task, lead), validations,
 * names and conditional formats present in the written file AND still there after a round
 * trip through LibreOffice (an officer saving in LibreOffice must not lose the dropdowns).
 */
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { defaultAgencies } from "../../src/core/agency/default-directory";
import { AgencyDirectory } from "../../src/core/agency/directory";
import { agenciesForPlan } from "../../src/core/agency/plan-agencies";
import { importPlan } from "../../src/core/import/import-plan";
import { buildTrackingWorkbook } from "../../src/core/workbook/tracking-workbook";
import { writeWorkbook } from "../../src/xlsx";
import { LAM_DONG_DOCX } from "../helpers/shared-paths";
import { itWithTools, runPython, sofficeConvert, tempDir } from "../helpers/tools";

const fixture = LAM_DONG_DOCX;

const INSPECT = `
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Nhiệm vụ"]
col = {c.value: c.column_letter for c in ws[1]}
rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2) if r[0].value]
header = [c.value for c in ws[1]]
dv = [{"type": d.type, "f1": d.formula1, "ranges": str(d.sqref), "prompt": d.prompt, "error": d.error, "errorStyle": d.errorStyle}
      for d in ws.data_validations.dataValidation]
names = {}
dn = wb.defined_names
for d in (dn.definedName if hasattr(dn, "definedName") else dn.values()):
    names[d.name] = d.attr_text
cf = [str(r.sqref) for r in ws.conditional_formatting]
print(json.dumps({"header": header, "rows": len(rows), "keys": [r[0] for r in rows], "leads": [r[header.index("Đơn vị chủ trì")] for r in rows],
  "col": col, "dv": dv, "names": names, "cf": cf, "sheets": [s.title for s in wb.worksheets],
  "meta": wb["_phuluc"].sheet_state, "tables": list(ws.tables.keys())}, ensure_ascii=False, default=str))
`;

interface Inspect {
  header: string[];
  rows: number;
  keys: string[];
  leads: string[];
  col: Record<string, string>;
  dv: {
    type: string;
    f1: string;
    ranges: string;
    prompt: string | null;
    error: string | null;
    errorStyle: string | null;
  }[];
  names: Record<string, string>;
  cf: string[];
  sheets: string[];
  meta: string;
  tables: string[];
}

describe("tracking workbook of Lâm Đồng 4784", () => {
  itWithTools(
    ["python3-openpyxl", "soffice"],
    "rows per lead, and validations that survive LibreOffice",
    async () => {
      const result = await importPlan({
        kind: "docx",
        bytes: readFileSync(fixture),
        fileName: "lam-dong.docx",
      });
      const directory = defaultAgencies("Lâm Đồng");
      const spec = buildTrackingWorkbook(result, {
        reportYear: 2026,
        reportDate: "2026-11-21",
        directory,
      });
      const dir = tempDir("wb-lamdong");
      const file = join(dir, "lam-dong.xlsx");
      writeFileSync(file, await writeWorkbook(spec));

      // A collective lead ("Các Sở, ban, ngành") is one row per member on the report date; one
      // without members ("UBND các huyện, thành phố") stays one row. The plan has no agency named
      // both explicitly and through a collective on the same task.
      const agencyDir = new AgencyDirectory(directory);
      const rowsForLead = (name: string) =>
        agencyDir.get(name)?.collective
          ? Math.max(agencyDir.membersOn(name, "2026-11-21").length, 1)
          : 1;
      const leadRows = result.tasks.reduce(
        (n, t) =>
          n +
          Math.max(
            [...new Set(t.lead.map((l) => l.name))].reduce((k, l) => k + rowsForLead(l), 0),
            1
          ),
        0
      );
      expect(leadRows).toBeGreaterThan(34); // 34 rows when collectives were one row each
      const t11 = result.tasks.find((t) => t.stt === "1.1")!;
      const t43 = result.tasks.find((t) => t.stt === "4.3")!;
      const lastRow = leadRows + 1;

      for (const [pass, path] of [file, sofficeConvert(file, "xlsx")].entries()) {
        const b = runPython<Inspect>(INSPECT, [path]);
        expect(b.rows).toBe(leadRows);
        expect(b.keys.filter((k) => k === t43.key)).toHaveLength(2); // two leads → two rows, same key
        const leads11 = b.leads.filter((_, i) => b.keys[i] === t11.key);
        expect(leads11).toEqual(
          expect.arrayContaining(["Sở Nội vụ", "Sở Tài chính", "UBND các xã, phường"]) // districts: 2026's communes
        );
        expect(leads11).not.toContain("Sở Thông tin và Truyền thông"); // merged into KH&CN in 2025
        expect(leads11).not.toContain("Các Sở, ban, ngành");
        expect(b.leads.filter((_, i) => b.keys[i] === t43.key)).toEqual([
          "Công an tỉnh",
          "Bộ Chỉ huy quân sự tỉnh",
        ]);
        expect(b.names.NamBaoCao).toMatch(/Thông tin'?!\$B\$14$/);
        // The list covers the agencies the workbook carries (bodies only some provinces have
        // are left out unless the plan names them) plus 200 blank rows for the officer's own.
        const carried = agenciesForPlan(directory, result).length;
        expect(carried).toBeLessThan(directory.length); // Sở Du lịch etc. not named by this plan
        expect(b.names.DsDonVi).toBe(`'Đơn vị'!$A$2:$A$${carried + 1 + 200}`);

        const at = (letter: string) =>
          b.dv.find((d) => d.ranges === `${letter}2:${letter}${lastRow}`);
        const lead = at(b.col["Đơn vị chủ trì"]);
        expect(lead?.type).toBe("list");
        expect(lead?.f1).toBe("DsDonVi");
        expect(lead?.errorStyle ?? "stop").toBe("stop");
        expect(lead?.prompt).toContain("danh mục");
        expect(at(b.col["Trạng thái"])?.f1).toBe(
          '"Chưa triển khai,Đang thực hiện,Hoàn thành,Không thực hiện"'
        );
        // Decimal 0–100: a cell formatted "%" stores 0.6 for 60 % and must pass (issue 14).
        expect(at(b.col["Tiến độ (%)"])?.type).toBe("decimal");
        expect(at(b.col["Ngày hoàn thành"])?.type).toBe("date");
        expect(b.cf.length).toBeGreaterThanOrEqual(1);
        expect(b.cf.every((r) => r.split(" ").every((x) => /^A2:[A-Z]+\d+$/.test(x)))).toBe(true);
        expect(b.sheets).toEqual([
          "Thông tin",
          "Nhiệm vụ",
          "Tổng hợp",
          "Đơn vị",
          "Lịch sử",
          "_phuluc",
        ]);
        // LibreOffice has no "very hidden": after its round trip the meta sheet is merely hidden.
        expect(b.meta).toBe(pass === 0 ? "veryHidden" : "hidden");
        expect(b.tables).toContain("NhiemVu");
      }
    }
  );
});
