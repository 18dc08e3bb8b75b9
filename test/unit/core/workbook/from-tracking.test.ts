/**
 * trackingWorkbookSpec: the workbook rebuilt from tracked data is the same workbook, with every
 * typed value where it was. Round trip through real .xlsx bytes (exceljs writer and reader):
 * import → write → read → rebuild → write → read gives the same TrackingWorkbook.
 */
import { readFileSync } from "node:fs";
import { openPlanFile } from "../../../../src/app/open-plan-file";
import { defaultAgencies } from "../../../../src/core/agency/default-directory";
import { importPlan } from "../../../../src/core/import/import-plan";
import type { WorkbookSpec } from "../../../../src/core/spec/sheet-spec";
import { readTracking } from "../../../../src/core/tracking/read-tracking";
import { rollover } from "../../../../src/core/tracking/rollover";
import type { TrackingWorkbook } from "../../../../src/core/workbook/tracking-model";
import { SHEETS, TABLES } from "../../../../src/core/workbook/columns";
import {
  keptSheetsFromCells,
  planSourceFromCells,
  trackingWorkbookSpec,
} from "../../../../src/core/workbook/from-tracking";
import { buildTrackingWorkbook } from "../../../../src/core/workbook/tracking-workbook";
import { readWorkbookCells, writeWorkbook } from "../../../../src/xlsx";
import { LAM_DONG_DOCX } from "../../../helpers/shared-paths";

const FIXTURE = LAM_DONG_DOCX;
const FILE = "theo-doi.xlsx";

async function readBack(spec: WorkbookSpec) {
  const cells = await readWorkbookCells(await writeWorkbook(spec), FILE);
  return { cells, ...readTracking(cells, FILE) };
}

let imported: WorkbookSpec;
let first: TrackingWorkbook;
let source: string | undefined;

beforeAll(async () => {
  const input = await openPlanFile(new Uint8Array(readFileSync(FIXTURE)), "lam-dong.docx");
  const result = await importPlan(input);
  imported = buildTrackingWorkbook(result, {
    reportYear: 2026,
    reportDate: "2026-11-21",
    directory: defaultAgencies(),
  });
  const back = await readBack(imported);
  first = back.workbook;
  source = planSourceFromCells(back.cells);
}, 60000);

const opts = { reportYear: 2026, reportDate: "2026-11-21" };

describe("trackingWorkbookSpec", () => {
  it("rebuilds the imported workbook: same sheets, tables, names, formulas, validations, formats", () => {
    const rebuilt = trackingWorkbookSpec(first, { ...opts, planSource: source });
    expect(source).toBe("lam-dong.docx");
    expect(rebuilt.names).toEqual(imported.names);
    expect(rebuilt.sheets.map((s) => s.name)).toEqual(imported.sheets.map((s) => s.name));
    for (const name of [SHEETS.info, SHEETS.tasks, SHEETS.summary, SHEETS.history, SHEETS.meta]) {
      const a = imported.sheets.find((s) => s.name === name)!;
      const b = rebuilt.sheets.find((s) => s.name === name)!;
      // Identical, every value, formula, style, validation and conditional format.
      expect(b).toEqual(a);
    }
  });

  it("round trip with typed values: read(write(spec(wb))) = wb", async () => {
    // Officers type into the first build (as cell values, as Excel would store them).
    const typed = structuredClone(first);
    const r = typed.rows;
    const set = (i: number, f: Partial<(typeof r)[number]>) =>
      Object.assign(r[i], f, { typed: { ...r[i].typed, ...f.typed } });
    set(0, {
      status: "Hoàn thành",
      completedOn: "2026-03-01",
      progress: 100,
      result: "Đã tổ chức 3 hội nghị",
      typed: { status: "Hoàn thành", completedOn: "2026-03-01", progress: "100", updatedOn: "" },
    });
    set(1, {
      status: "Hoàn thành", // as status-wording reads "hoan thanh"
      typed: { status: "hoan thanh", completedOn: "15/11/2026", progress: "80%", updatedOn: "" },
    });
    set(2, {
      status: "Đang thực hiện",
      progress: 60,
      evidence: "=SUM(A1)",
      difficulties: "Thiếu kinh phí",
      proposals: "+84 xin bổ sung",
      typed: { status: "Đang thực hiện", completedOn: "", progress: "60", updatedOn: "2026-10-02" },
      updatedOn: "2026-10-02",
    });
    set(3, {
      deadline: "2026-06-30",
      status: "Không thực hiện",
      typed: { status: "Không thực hiện", completedOn: "", progress: "", updatedOn: "" },
    });
    const spec1 = trackingWorkbookSpec(typed, { ...opts, planSource: source });
    const second = (await readBack(spec1)).workbook;
    // What was typed is there, typed as it was.
    expect(second.rows[0]).toMatchObject({
      status: "Hoàn thành",
      completedOn: "2026-03-01",
      progress: 100,
      result: "Đã tổ chức 3 hội nghị",
    });
    expect(second.rows[1]).toMatchObject({ status: "Hoàn thành", completedOn: null, progress: 80 });
    expect(second.rows[1].typed).toEqual({
      status: "hoan thanh",
      completedOn: "15/11/2026",
      progress: "80%",
      updatedOn: "",
    });
    expect(second.rows[2]).toMatchObject({
      evidence: "=SUM(A1)",
      proposals: "+84 xin bổ sung",
      updatedOn: "2026-10-02",
    });
    expect(second.rows[3].deadline).toBe("2026-06-30");
    expect(second.rows.map((x) => x.extra)).toEqual(first.rows.map((x) => x.extra));
    // Round trip: rebuilding what was read reads back identical.
    const third = (await readBack(trackingWorkbookSpec(second, { ...opts, planSource: source })))
      .workbook;
    expect(third).toEqual(second);
  }, 60000);

  it("round trip with history (after a roll-over) and the new year's inputs", async () => {
    const typed = structuredClone(first);
    typed.rows[0].typed = {
      status: "Hoàn thành",
      completedOn: "2026-03-01",
      progress: "100",
      updatedOn: "",
    };
    typed.rows[0].status = "Hoàn thành";
    typed.rows[0].completedOn = "2026-03-01";
    typed.rows[0].progress = 100;
    typed.rows[1].typed = {
      status: "Đang thực hiện",
      completedOn: "",
      progress: "50%",
      updatedOn: "12/10/2026",
    };
    const rolled = rollover(typed, 2027).workbook;
    expect(rolled.history.length).toBeGreaterThan(0);
    const spec = trackingWorkbookSpec(rolled, {
      reportYear: 2027,
      reportDate: "2027-12-31",
      planSource: source,
    });
    const history = spec.sheets.find((s) => s.name === SHEETS.history)!;
    expect(history.tables[0]).toMatchObject({
      name: TABLES.history,
      range: `A1:M${1 + rolled.history.length}`,
    });
    const back = (await readBack(spec)).workbook;
    expect(back.reportYear).toBe(2027);
    expect(back.reportDate).toBe("2027-12-31");
    expect(back.history).toEqual(rolled.history);
    expect(back.rows.map((x) => x.typed)).toEqual(rolled.rows.map((x) => x.typed));
    const again = (
      await readBack(trackingWorkbookSpec(back, { reportYear: 2027, reportDate: "2027-12-31" }))
    ).workbook;
    expect(again).toEqual(back);
  }, 60000);

  it("keeps sheets officers added, with values and formulas", async () => {
    const cells = {
      sheets: [
        { name: SHEETS.tasks, cells: [] },
        {
          name: "Ghi chú",
          state: "visible",
          cells: [
            [{ value: "Họp giao ban" }, { value: new Date(Date.UTC(2026, 10, 15)) }],
            [{ value: 3 }, { value: 6, formula: "A2*2" }],
          ],
        },
      ],
    };
    const kept = keptSheetsFromCells(cells, [SHEETS.tasks]);
    expect(kept).toHaveLength(1);
    expect(kept[0].blocks[0].values).toEqual([
      ["Họp giao ban", { date: "2026-11-15" }],
      [3, { formula: "A2*2" }],
    ]);
    const spec = trackingWorkbookSpec(first, { ...opts, extraSheets: kept });
    const back = await readWorkbookCells(await writeWorkbook(spec), FILE);
    const note = back.sheets.find((s) => s.name === "Ghi chú")!;
    expect(note.cells[0][0].value).toBe("Họp giao ban");
    expect(note.cells[1][1].formula).toBe("A2*2");
  }, 60000);
});
