/**
 * The tracking workbook computes without the add-in: build the spec, write it with the
 * exceljs adapter, fill statuses as an officer would (openpyxl), let LibreOffice recalculate,
 * and read the derived statuses and the rollup back. Expected values are worked out by hand
 * from the rules in src/core/workbook/formulas.ts.
 */
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import type { Agency, AgencyRef, ImportResult, Schedule, Task } from "../../src/core/model";
import { readTracking } from "../../src/core/tracking/read-tracking";
import { rollup } from "../../src/core/tracking/rollup";
import { parseSchedule } from "../../src/core/schedule/parse-schedule";
import { derivedStatus, sheetStatus } from "../../src/core/tracking/derive-status";
import { scheduleCode } from "../../src/core/workbook/schedule-code";
import { buildTrackingWorkbook } from "../../src/core/workbook/tracking-workbook";
import { readWorkbookCells, writeWorkbook } from "../../src/xlsx";
import { itWithTools, runPython, sofficeConvert, tempDir } from "../helpers/tools";

const ref = (name: string): AgencyRef => ({ name, written: name, matched: true });
const yearEnd = (years: number[], md = "12-31"): Schedule => ({
  text: years.join(", "),
  kind: years.length > 1 ? "years" : "year",
  years,
  deadlines: Object.fromEntries(years.map((y) => [y, `${y}-${md}`])),
  finalDeadline: `${years[years.length - 1]}-${md}`,
  multiYear: false,
});
const continuous: Schedule = {
  text: "Thường xuyên",
  kind: "continuous",
  years: [2024, 2025, 2026],
  deadlines: { 2024: null, 2025: null, 2026: null },
  finalDeadline: null,
  multiYear: false,
};
/** "Hằng năm" in a plan whose period is unknown: every year, by 15/11 (code ";****=1115;"). */
const annualNoPeriod: Schedule = {
  text: "Trước ngày 15/11 hằng năm",
  kind: "annual",
  years: null,
  deadlines: {},
  finalDeadline: null,
  multiYear: false,
};
const unknown: Schedule = {
  text: "Theo tiến độ dự án",
  kind: "unknown",
  years: null,
  deadlines: {},
  finalDeadline: null,
  multiYear: false,
};

function task(
  key: string,
  group: string,
  leads: string[],
  schedule: Schedule,
  partners: string[] = [],
  title = `Nhiệm vụ ${key}`
): Task {
  return {
    key,
    stt: key.slice(1),
    numbered: key.slice(1),
    group,
    title,
    lead: leads.map(ref),
    partners: partners.map(ref),
    timeText: schedule.text,
    schedule,
    extra: { "Ghi chú": "" },
    sourceRow: 1,
  };
}

const A = "Sở Nội vụ";
const B = "Sở Tài chính";
const C = "Công an tỉnh";
const Y1 = "Sở Y tế"; // a partner name that is a prefix of the next one
const Y2 = "Sở Y tế và Dân số";
const directory: Agency[] = [A, B, C, Y1, Y2].map((name) => ({
  name,
  shortNames: [],
  aliases: [],
  kind: "department",
}));

const result: ImportResult = {
  plan: {
    number: "99/KH-UBND",
    issuedOn: "2024-06-13",
    issuer: "UBND tỉnh Lâm Đồng",
    province: "Lâm Đồng",
    title: "Kế hoạch thử",
    appendixTitle: "DANH MỤC NHIỆM VỤ",
    period: { from: 2024, to: 2026 },
  },
  groups: [
    { stt: "1", title: "Nhóm một", sourceRow: 1 },
    { stt: "2", title: "Nhóm hai", sourceRow: 1 },
  ],
  tasks: [
    task("T01", "1", [A], yearEnd([2025], "06-30"), [Y2], "=SUM(1,2) không phải công thức"),
    task("T02", "1", [B], yearEnd([2025], "06-30"), [Y1]),
    task("T03", "1", [A], yearEnd([2025])),
    task("T04", "1", [B], yearEnd([2025], "09-30"), [Y1, Y2]),
    task("T05", "1", [C], yearEnd([2025]), [Y2]),
    task("T06", "1", [A], continuous),
    task("T07", "2", [C], yearEnd([2024, 2026])),
    task("T08", "2", [B], yearEnd([2025])),
    task("T09", "2", [A, B], yearEnd([2025], "10-31")),
    task("T10", "2", [A], yearEnd([2025], "03-31")),
    task("T11", "2", [C], unknown),
    task("T12", "2", [B], yearEnd([2025], "11-30")),
    task("T13", "2", [B], yearEnd([2025], "11-20")),
    task("T14", "2", [C], annualNoPeriod),
  ],
  extraColumns: ["Ghi chú"],
  findings: [],
  source: "thu.docx",
};

/**
 * Multi-year tasks, parsed as the importer would in this 2024-2026 plan: due each year as
 * progress, all toward 31/12/2030 (DOMAIN.md). Built in a workbook of their own (with the
 * tasks above) so the 2025 counts stay as they are.
 */
const multiYearTasks: Task[] = [
  task("T15", "2", [A, B], parseSchedule("2024 - 2030", result.plan.period)),
  task("T16", "2", [C], parseSchedule("Đến năm 2030", result.plan.period)),
];

/**
 * What officers type, by "key|lead". `leadAs` / `partnersAs` retype the agency cells the way
 * officers do (wrong tone mark, no diacritics, capitals): they still count as the agency.
 */
const fills: Record<
  string,
  { status?: string; completedOn?: string; progress?: number; leadAs?: string; partnersAs?: string }
> = {
  [`T15|${A}`]: { status: "Đang thực hiện", progress: 40 },
  [`T16|${C}`]: { status: "Chưa triển khai" },
  [`T01|${A}`]: { status: "Hoàn thành", completedOn: "2025-06-15", progress: 100 },
  [`T02|${B}`]: { status: "Hoàn thành", completedOn: "2025-07-10" },
  [`T03|${A}`]: { status: "Đang thực hiện", progress: 50, leadAs: "So Noi vu" },
  [`T04|${B}`]: { status: "Đang thực hiện", partnersAs: `Sở Y tê; ${Y2}` },
  [`T08|${B}`]: { status: "Không thực hiện" },
  [`T09|${A}`]: { status: "Hoàn thành", completedOn: "2025-10-01" },
  [`T10|${A}`]: { status: "Hoàn thành", leadAs: "Sở Nội vu" },
  // Done "on" 01/12/2025, after the report date (20/11/2025): not done yet.
  [`T12|${B}`]: { status: "Hoàn thành", completedOn: "2025-12-01" },
  [`T13|${B}`]: { status: "Đang thực hiện", leadAs: "SỞ TÀI CHÍNH " },
};

const FILL_AND_SET_YEAR = `
import sys, json, datetime, openpyxl
src, dst, fills, year, date = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), sys.argv[4], sys.argv[5]
wb = openpyxl.load_workbook(src)
ws = wb["Nhiệm vụ"]
col = {c.value: c.column for c in ws[1]}
for row in range(2, ws.max_row + 1):
    key = ws.cell(row, col["Mã nhiệm vụ"]).value
    lead = ws.cell(row, col["Đơn vị chủ trì"]).value
    f = fills.get(f"{key}|{lead}")
    if not f: continue
    if "status" in f: ws.cell(row, col["Trạng thái"]).value = f["status"]
    if "completedOn" in f: ws.cell(row, col["Ngày hoàn thành"]).value = datetime.datetime.fromisoformat(f["completedOn"])
    if "progress" in f: ws.cell(row, col["Tiến độ (%)"]).value = f["progress"]
    if "leadAs" in f: ws.cell(row, col["Đơn vị chủ trì"]).value = f["leadAs"]
    if "partnersAs" in f: ws.cell(row, col["Đơn vị phối hợp"]).value = f["partnersAs"]
if year: wb["Thông tin"]["B14"].value = int(year)
if date: wb["Thông tin"]["B15"].value = datetime.datetime.fromisoformat(date)
wb.save(dst)
print("{}")
`;

const READ_BACK = `
import sys, json, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], data_only=True)
ws = wb["Nhiệm vụ"]
col = {c.value: c.column for c in ws[1]}
def v(x):
    return x.date().isoformat() if isinstance(x, datetime.datetime) else x
rows = {}
for row in range(2, ws.max_row + 1):
    key = ws.cell(row, col["Mã nhiệm vụ"]).value
    if not key: continue
    lead = ws.cell(row, col["Đơn vị chủ trì"]).value
    rows[f"{key}|{lead}"] = {k: v(ws.cell(row, col[h]).value) for k, h in
        [("derived", "Tình trạng"), ("deadline", "Hạn hoàn thành"), ("task", "Tình trạng nhiệm vụ"), ("title", "Nhiệm vụ")]}
s = wb["Tổng hợp"]
summary = {}
section = ""
for r in s.iter_rows(min_row=7, values_only=True):
    if r[0] and not r[1]: section = r[0]; continue
    if r[1]: summary[section[:3].strip() + "|" + str(r[1])] = list(r[2:13])
print(json.dumps({"rows": rows, "summary": summary, "title": s["A1"].value}, ensure_ascii=False))
`;

interface Back {
  rows: Record<string, { derived: string; deadline: string | null; task: string; title: string }>;
  summary: Record<string, (number | string | null)[]>;
  title: string;
  /** The filled workbook (before LibreOffice), for the TypeScript rollup. */
  filled: string;
}

/** Build, fill, optionally set Năm báo cáo (B14) and Ngày báo cáo (B15), recalculate, read back. */
async function recalc(year: number | null, date = "", tasks: Task[] = result.tasks): Promise<Back> {
  const dir = tempDir("wb-recalc");
  const spec = buildTrackingWorkbook(
    { ...result, tasks },
    {
      reportYear: 2025,
      reportDate: "2025-11-20",
      directory,
      dueSoonDays: 15,
    }
  );
  const built = join(dir, "built.xlsx");
  writeFileSync(built, await writeWorkbook(spec));
  const filled = join(dir, "filled.xlsx");
  runPython(FILL_AND_SET_YEAR, [
    built,
    filled,
    JSON.stringify(fills),
    year ? String(year) : "",
    date,
  ]);
  return { ...runPython<Back>(READ_BACK, [sofficeConvert(filled, "xlsx")]), filled };
}

/** The TypeScript twin (src/core/tracking/derive-status.ts) on the same inputs. */
function twin(
  year: number,
  date = "2025-11-20",
  tasks: Task[] = result.tasks
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of tasks) {
    for (const lead of t.lead) {
      const k = `${t.key}|${lead.name}`;
      const f = fills[k] ?? {};
      out[`${t.key}|${f.leadAs ?? lead.name}`] = derivedStatus(
        {
          status: sheetStatus(f.status ?? ""),
          completedOn: f.completedOn ?? null,
          scheduleCode: scheduleCode(t.schedule),
          deadline: null,
        },
        year,
        date
      );
    }
  }
  return out;
}
const sheetStatuses = (back: Back) =>
  Object.fromEntries(Object.entries(back.rows).map(([k, r]) => [k, r.derived]));

// Columns read back from "Tổng hợp": total, on time, late, done without a date, overdue, in
// progress, not due, no deadline, not done, come due, rate.
const counts = (
  total: number,
  onTime: number,
  late: number,
  undated: number,
  overdue: number,
  inProgress: number,
  notDue: number,
  noDeadline: number,
  notDone: number
) => [
  total,
  onTime,
  late,
  undated,
  overdue,
  inProgress,
  notDue,
  noDeadline,
  notDone,
  onTime + late + undated + overdue,
];
const RATE = 10;
const SLICE = 10;

describe("tracking workbook recalculated by LibreOffice", () => {
  itWithTools(
    ["python3-openpyxl", "soffice"],
    "derived status per row and the rollup follow the documented rules",
    async () => {
      const back = await recalc(null);
      const status = (k: string) => back.rows[k]?.derived;
      expect(status(`T01|${A}`)).toBe("Hoàn thành đúng hạn");
      expect(status(`T02|${B}`)).toBe("Hoàn thành quá hạn");
      expect(status(`T03|So Noi vu`)).toBe("Đang thực hiện trong hạn");
      expect(status(`T04|${B}`)).toBe("Quá hạn");
      expect(status(`T05|${C}`)).toBe("Chưa đến hạn");
      expect(status(`T06|${A}`)).toBe("Thường xuyên");
      expect(status(`T07|${C}`)).toBe("Không thuộc năm báo cáo");
      expect(status(`T08|${B}`)).toBe("Không thực hiện");
      expect(status(`T09|${A}`)).toBe("Hoàn thành đúng hạn");
      expect(status(`T09|${B}`)).toBe("Quá hạn"); // same task, other lead, nothing typed, deadline passed
      // No completion date and the deadline (31/03) past: completed, timing unknown.
      expect(status(`T10|Sở Nội vu`)).toBe("Hoàn thành chưa ghi ngày");
      expect(status(`T11|${C}`)).toBe("Thường xuyên"); // unreadable time text: every year, no deadline
      // "Hoàn thành" on 01/12, after the report date: not done yet, in time until 30/11.
      expect(status(`T12|${B}`)).toBe("Đang thực hiện trong hạn");
      expect(status(`T13|SỞ TÀI CHÍNH `)).toBe("Đang thực hiện trong hạn"); // the deadline day itself is in time
      expect(status(`T14|${C}`)).toBe("Quá hạn");
      expect(back.rows[`T14|${C}`].deadline).toBe("2025-11-15");

      expect(sheetStatuses(back)).toEqual(twin(2025));

      expect(back.rows[`T04|${B}`].deadline).toBe("2025-09-30");
      expect(back.rows[`T06|${A}`].deadline ?? "").toBe("");
      expect(back.rows[`T09|${A}`].task).toBe("1/2 đơn vị hoàn thành");
      expect(back.rows[`T09|${B}`].task).toBe("1/2 đơn vị hoàn thành");
      expect(back.rows[`T07|${C}`].task ?? "").toBe("");
      expect(back.rows[`T01|${A}`].title).toBe("=SUM(1,2) không phải công thức");
      expect(back.title).toBe("TỔNG HỢP KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2025");

      const row = (k: string) => back.summary[k];
      const rate = (k: string) => row(k)[RATE];
      const figures = (k: string) => row(k).slice(0, SLICE);
      expect(figures("I.|Toàn tỉnh")).toEqual(counts(14, 2, 1, 1, 3, 3, 1, 2, 1));
      // Undated completion is in the numerator, never in "đúng hạn".
      expect(rate("I.|Toàn tỉnh")).toBeCloseTo(4 / 7, 10);
      // "So Noi vu" and "Sở Nội vu" are Sở Nội vụ's rows; "SỞ TÀI CHÍNH " is Sở Tài chính's.
      expect(figures(`II.|${A}`)).toEqual(counts(5, 2, 0, 1, 0, 1, 0, 1, 0));
      expect(rate(`II.|${A}`)).toBe(1);
      expect(figures(`II.|${B}`)).toEqual(counts(6, 0, 1, 0, 2, 2, 0, 0, 1));
      expect(rate(`II.|${B}`)).toBeCloseTo(1 / 3, 10);
      expect(figures(`II.|${C}`)).toEqual(counts(3, 0, 0, 0, 1, 0, 1, 1, 0));
      expect(rate(`II.|${C}`)).toBe(0);
      // "Sở Y tê" in T04's partners is "Sở Y tế"; "Sở Y tế" never counts "Sở Y tế và Dân số".
      expect(figures(`III|${Y1}`)).toEqual(counts(2, 0, 1, 0, 1, 0, 0, 0, 0));
      expect(figures(`III|${Y2}`)).toEqual(counts(3, 1, 0, 0, 1, 0, 1, 0, 0));
      expect(figures("IV.|Nhóm một")).toEqual(counts(6, 1, 1, 0, 1, 1, 1, 1, 0));
      expect(figures("IV.|Nhóm hai")).toEqual(counts(8, 1, 0, 1, 2, 2, 0, 1, 1));

      // `phuluc rollup`'s numbers (core rollup on the same filled file) are the sheet's.
      const cells = await readWorkbookCells(new Uint8Array(readFileSync(back.filled)), "f.xlsx");
      const wb = readTracking(cells, "f.xlsx").workbook;
      const ts = rollup(wb, 2025, "2025-11-20", { agencies: wb.agencies });
      const asRow = (c: (typeof ts)["province"]) =>
        counts(
          c.total,
          c.done_on_time,
          c.done_late,
          c.done_undated,
          c.overdue,
          c.in_progress,
          c.not_due,
          c.no_deadline,
          c.not_done
        );
      expect(asRow(ts.province)).toEqual(figures("I.|Toàn tỉnh"));
      for (const a of ts.agencies)
        expect([a.role, a.agency, ...asRow(a)]).toEqual([
          a.role,
          a.agency,
          ...figures(`${a.role === "lead" ? "II." : "III"}|${a.agency}`),
        ]);
      expect(ts.agencies.filter((a) => a.role === "lead").map((a) => a.agency)).toEqual(
        [A, B, C].sort((x, y) => x.localeCompare(y, "vi"))
      );
    }
  );

  itWithTools(
    ["python3-openpyxl", "soffice"],
    "changing Năm báo cáo re-derives deadlines and statuses",
    async () => {
      const back = await recalc(2026);
      expect(back.rows[`T07|${C}`].deadline).toBe("2026-12-31");
      // 2026-12-31 is after the report date (20/11/2025): not due yet.
      expect(back.rows[`T07|${C}`].derived).toBe("Chưa đến hạn");
      expect(back.rows[`T01|${A}`].derived).toBe("Không thuộc năm báo cáo");
      expect(back.rows[`T06|${A}`].derived).toBe("Thường xuyên");
      expect(back.title).toBe("TỔNG HỢP KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2026");
      expect(back.summary["I.|Toàn tỉnh"][0]).toBe(4); // T06, T07, T11, T14
      expect(back.rows[`T14|${C}`].deadline).toBe("2026-11-15");
      expect(back.rows[`T14|${C}`].derived).toBe("Chưa đến hạn");
      expect(back.summary[`II.|${C}`][RATE] ?? "").toBe(""); // nothing of C has come due in 2026: no rate
      expect(sheetStatuses(back)).toEqual(twin(2026));
    }
  );
  const withMultiYear = [...result.tasks, ...multiYearTasks];

  itWithTools(
    ["python3-openpyxl", "soffice"],
    "a 2024 - 2030 task is in time after 31/12 of each year, and overdue only after 31/12/2030",
    async () => {
      // Report year 2026, dated 5/1/2027: the year is over, the task's final year is not.
      const back = await recalc(2026, "2027-01-05", withMultiYear);
      expect(back.rows[`T15|${A}`]).toMatchObject({
        derived: "Đang thực hiện trong hạn",
        deadline: "2030-12-31",
      });
      expect(back.rows[`T15|${B}`]).toMatchObject({
        derived: "Chưa đến hạn",
        deadline: "2030-12-31",
      });
      expect(back.rows[`T16|${C}`]).toMatchObject({
        derived: "Chưa đến hạn",
        deadline: "2030-12-31",
      });
      // A task listed for 2026 alone ends with its year.
      expect(back.rows[`T07|${C}`]).toMatchObject({ derived: "Quá hạn", deadline: "2026-12-31" });
      expect(back.summary["I.|Toàn tỉnh"].slice(0, SLICE)).toEqual(
        counts(7, 0, 0, 0, 2, 1, 2, 2, 0)
      );
      expect(sheetStatuses(back)).toEqual(twin(2026, "2027-01-05", withMultiYear));

      // The same rows reported for 2030, dated 5/1/2031: now overdue.
      const last = await recalc(2030, "2031-01-05", withMultiYear);
      expect(last.rows[`T15|${A}`]).toMatchObject({ derived: "Quá hạn", deadline: "2030-12-31" });
      expect(last.rows[`T15|${B}`]).toMatchObject({ derived: "Quá hạn", deadline: "2030-12-31" });
      expect(last.rows[`T16|${C}`]).toMatchObject({ derived: "Quá hạn", deadline: "2030-12-31" });
      expect(last.rows[`T07|${C}`].derived).toBe("Không thuộc năm báo cáo");
      expect(last.summary["I.|Toàn tỉnh"].slice(0, SLICE)).toEqual(
        counts(5, 0, 0, 0, 4, 0, 0, 1, 0)
      );
      expect(sheetStatuses(last)).toEqual(twin(2030, "2031-01-05", withMultiYear));
    }
  );
});
