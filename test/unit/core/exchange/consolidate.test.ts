/**
 * Consolidation rules in core, on the Lâm Đồng seed rows: distribution per agency (successors,
 * collective partners), identity survives as cells, newer report wins per task, an empty cell
 * never clears, files older than an earlier consolidation are refused, re-running is
 * idempotent, and the Office.js path writes changes + record sheets in 4 syncs with undo.
 */
import { agencyReportWorkbook } from "../../../../src/core/exchange/agency-report-workbook";
import { consolidate, type ConsolidateOptions } from "../../../../src/core/exchange/consolidate";
import type { ReturnedFile } from "../../../../src/core/exchange/consolidation-model";
import { distributionPlan } from "../../../../src/core/exchange/distribution-plan";
import { intakeSheet } from "../../../../src/core/exchange/intake-sheet";
import { baselineSheet } from "../../../../src/core/exchange/baseline-sheet";
import { readIdentity } from "../../../../src/core/exchange/report-identity";
import { isoToSerial } from "../../../../src/core/text/dates";
import type { TrackingWorkbook } from "../../../../src/core/workbook/tracking-model";
import type { CellValue, WorkbookSpec } from "../../../../src/core/spec/sheet-spec";
import { parseCell } from "../../../../src/core/spec/a1";
import { TRACKED_COLUMNS } from "../../../../src/core/workbook/columns";
import { consolidateInOffice } from "../../../../src/render/office/consolidate-office";
import { undoChanges } from "../../../../src/render/office/undo-changes";
import { FakeExcel } from "../../../fakes/office-fake";
import { seedWorkbook } from "../../../helpers/tracking-fixtures";

const YEAR = 2026;

/** The seed master with an A1 address for each tracked cell (columns M… as the builder lays them). */
function master(): TrackingWorkbook {
  const wb = seedWorkbook();
  wb.rows.forEach((r) => {
    r.cells = Object.fromEntries(
      TRACKED_COLUMNS.map((id, j) => [id, `${String.fromCharCode(77 + j)}${r.sheetRow}`])
    );
  });
  return wb;
}

/** A spec's values as a spreadsheet program hands them back (dates as serials). */
function cellsOf(spec: WorkbookSpec): ReturnedFile["cells"] {
  return {
    sheets: spec.sheets.map((s) => {
      const rows: unknown[][] = [];
      for (const b of s.blocks) {
        const { row, col } = parseCell(b.address);
        b.values.forEach((line, i) =>
          line.forEach((v: CellValue, j) => {
            (rows[row - 1 + i] ??= [])[col - 1 + j] =
              v && typeof v === "object" && "date" in v ? isoToSerial(v.date) : v;
          })
        );
      }
      return { name: s.name, state: s.visibility, rows: Array.from(rows, (r) => r ?? []) };
    }),
  };
}

/** The agency's distributed file, "filled": status and result on each lead row, a report date. */
function returned(
  wb: TrackingWorkbook,
  agency: string,
  file: string,
  fill: { status: string; result?: string; date: string; mtime?: number }
): ReturnedFile {
  const a = distributionPlan(wb, YEAR).find((x) => x.agency === agency)!;
  const { spec } = agencyReportWorkbook(wb, a, {
    year: YEAR,
    deadline: null,
    generatedOn: "2026-11-01",
  });
  const cells = cellsOf(spec)!;
  const lead = cells.sheets.find((s) => s.name === "Chủ trì")!.rows!;
  const head = lead[4] as string[];
  for (let r = 5; r < lead.length; r++) {
    if (!lead[r][0]) continue;
    lead[r][head.indexOf("Trạng thái")] = fill.status;
    if (fill.result !== undefined) lead[r][head.indexOf("Kết quả thực hiện")] = fill.result;
  }
  const guide = cells.sheets.find((s) => s.name === "Hướng dẫn")!.rows!;
  guide.find((r) => r[0] === "Ngày báo cáo")![1] = isoToSerial(fill.date);
  return { file, cells, mtime: fill.mtime ?? 0 };
}

const opts = (o: Partial<ConsolidateOptions> = {}): ConsolidateOptions => ({
  year: YEAR,
  date: "2026-12-15",
  consolidatedAt: "2026-12-15 08:00",
  previousIntake: [],
  previousContributions: [],
  ...o,
});

describe("distribution", () => {
  test("every agency of the year, successors for superseded ones, collective partners expanded", () => {
    const plan = distributionPlan(master(), YEAR);
    const names = plan.map((a) => a.agency);
    // Sở TT&TT was merged into Sở KH&CN on 1/3/2025 (fixture directory): its 2026 tasks go there.
    expect(names).toContain("Sở Khoa học và Công nghệ");
    expect(names).not.toContain("Sở Thông tin và Truyền thông");
    for (const a of plan)
      for (const r of a.lead) expect(a.partner.map((p) => p.key)).not.toContain(r.key);
  });

  test("lead rows pre-filled with the master's values for its own report year only", () => {
    const wb = master();
    const a = distributionPlan(wb, YEAR).find((x) => x.agency === "Công an tỉnh")!;
    a.lead[0].typed.status = "Đang thực hiện";
    const statusOf = (year: number) => {
      const { spec } = agencyReportWorkbook(wb, a, {
        year,
        deadline: null,
        generatedOn: "2026-11-01",
      });
      const lead = cellsOf(spec)!.sheets.find((s) => s.name === "Chủ trì")!.rows!;
      return lead[5][(lead[4] as string[]).indexOf("Trạng thái")] ?? null;
    };
    expect(statusOf(YEAR)).toBe("Đang thực hiện");
    expect(statusOf(YEAR + 1)).toBeNull();
  });

  test("identity read back from the cells a spreadsheet program keeps", () => {
    const wb = master();
    const a = distributionPlan(wb, YEAR)[0];
    const { spec, identity } = agencyReportWorkbook(wb, a, {
      year: YEAR,
      deadline: "2026-12-01",
      generatedOn: "2026-11-01",
    });
    const cells = cellsOf(spec)!;
    expect(readIdentity(cells.sheets)).toEqual(identity);
    // Hidden sheet deleted by an officer: the visible code line still says who and what.
    const visible = cells.sheets.filter((s) => s.state === "visible");
    expect(readIdentity(visible)).toMatchObject({
      planNumber: "4784/KH-UBND",
      year: YEAR,
      agency: a.agency,
      leadKeys: [],
    });
  });
});

describe("consolidate", () => {
  test("newer report date wins per task; the other file's differing values are a conflict", () => {
    const wb = master();
    const agency = "Công an tỉnh";
    const older = returned(wb, agency, "cu.xlsx", {
      status: "Đang thực hiện",
      date: "2026-11-10",
      mtime: 9e12,
    });
    const newer = returned(wb, agency, "moi.xlsx", {
      status: "Hoàn thành",
      date: "2026-11-20",
      mtime: 1,
    });
    const out = consolidate(wb, [older, newer], opts());
    const rows = out.workbook.rows.filter((r) => r.lead === agency);
    expect(rows.length).toBeGreaterThan(0);
    expect(out.report.received.map((r) => r.file).sort()).toEqual(["cu.xlsx", "moi.xlsx"]);
    const due = new Set(
      distributionPlan(wb, YEAR)
        .find((a) => a.agency === agency)!
        .lead.map((r) => r.key)
    );
    for (const r of rows.filter((x) => due.has(x.key))) expect(r.status).toBe("Hoàn thành");
    expect(out.report.conflicts.map((c) => c.kept)).toEqual(
      rows.filter((x) => due.has(x.key)).map(() => "moi.xlsx")
    );
    expect(out.changes.every((c) => c.reason.includes('"moi.xlsx"'))).toBe(true);
  });

  test("same report date: the later modified file wins", () => {
    const wb = master();
    const a = returned(wb, "Công an tỉnh", "a.xlsx", {
      status: "Đang thực hiện",
      date: "2026-11-20",
      mtime: 2000,
    });
    const b = returned(wb, "Công an tỉnh", "b.xlsx", {
      status: "Hoàn thành",
      date: "2026-11-20",
      mtime: 1000,
    });
    const out = consolidate(wb, [b, a], opts());
    expect(out.report.conflicts.every((c) => c.kept === "a.xlsx")).toBe(true);
  });

  test("an empty report cell never clears a value; re-running changes nothing", () => {
    const wb = master();
    const first = consolidate(
      wb,
      [
        returned(wb, "Công an tỉnh", "a.xlsx", {
          status: "Hoàn thành",
          result: "Đã xong",
          date: "2026-11-20",
        }),
      ],
      opts()
    );
    expect(first.changes.length).toBeGreaterThan(0);
    const blank = returned(first.workbook, "Công an tỉnh", "b.xlsx", {
      status: "",
      result: "",
      date: "2026-11-21",
    });
    // The distributed file pre-fills current values; an agency that blanks them clears nothing.
    const lead = blank.cells!.sheets.find((s) => s.name === "Chủ trì")!.rows!;
    const head = lead[4] as string[];
    for (let r = 5; r < lead.length; r++) lead[r][head.indexOf("Kết quả thực hiện")] = null;
    const second = consolidate(first.workbook, [blank], opts({ previousIntake: first.intake }));
    expect(second.changes).toEqual([]);
    const again = consolidate(
      first.workbook,
      [
        returned(wb, "Công an tỉnh", "a.xlsx", {
          status: "Hoàn thành",
          result: "Đã xong",
          date: "2026-11-20",
        }),
      ],
      opts({ previousIntake: first.intake })
    );
    expect(again.changes).toEqual([]);
    expect(again.intake.filter((l) => l.year === YEAR)).toHaveLength(first.intake.length);
  });

  test("a file older than what was merged before is refused, with the agency named", () => {
    const wb = master();
    const first = consolidate(
      wb,
      [returned(wb, "Công an tỉnh", "moi.xlsx", { status: "Hoàn thành", date: "2026-11-20" })],
      opts()
    );
    const late = consolidate(
      first.workbook,
      [returned(wb, "Công an tỉnh", "cu.xlsx", { status: "Chưa triển khai", date: "2026-11-01" })],
      opts({ previousIntake: first.intake })
    );
    expect(late.report.rejected).toEqual([
      expect.objectContaining({
        file: "cu.xlsx",
        code: "OLDER_THAN_MERGED",
        agency: "Công an tỉnh",
      }),
    ]);
    expect(late.changes).toEqual([]);
    // The agency did report (moi.xlsx is merged): its line stays received, with its date, so the
    // province's report does not list it as missing and the old file stays refused next time.
    expect(late.intake.find((l) => l.agency === "Công an tỉnh")).toMatchObject({
      outcome: "Đã nhận",
      file: "moi.xlsx",
      reportDate: "2026-11-20",
    });
    const again = consolidate(
      late.workbook,
      [returned(wb, "Công an tỉnh", "cu.xlsx", { status: "Chưa triển khai", date: "2026-11-01" })],
      opts({ previousIntake: late.intake })
    );
    expect(again.report.rejected.map((r) => r.code)).toEqual(["OLDER_THAN_MERGED"]);
    expect(again.changes).toEqual([]);
  });

  test("a later consolidation of other agencies' files keeps earlier receipts", () => {
    const wb = master();
    const first = consolidate(
      wb,
      [returned(wb, "Công an tỉnh", "ca.xlsx", { status: "Hoàn thành", date: "2026-11-20" })],
      opts({ consolidatedAt: "2026-11-21 09:00" })
    );
    // Another agency with rows to fill (one that only partners would send an empty file).
    const other = distributionPlan(wb, YEAR).find(
      (a) => a.agency !== "Công an tỉnh" && a.lead.length > 0
    )!.agency;
    const second = consolidate(
      first.workbook,
      [returned(first.workbook, other, "khac.xlsx", { status: "Hoàn thành", date: "2026-11-22" })],
      opts({
        previousIntake: first.intake,
        baseline: first.baseline,
        consolidatedAt: "2026-11-23 09:00",
      })
    );
    expect(second.intake.find((l) => l.agency === "Công an tỉnh")).toMatchObject({
      outcome: "Đã nhận",
      file: "ca.xlsx",
      consolidatedAt: "2026-11-21 09:00",
    });
    expect(second.intake.find((l) => l.agency === other)?.outcome).toBe("Đã nhận");
    expect(second.report.missing.map((m) => m.agency)).not.toContain("Công an tỉnh");
    expect(second.report.missing.map((m) => m.agency)).not.toContain(other);
    expect(second.intake.filter((l) => l.year === YEAR)).toHaveLength(first.intake.length);
  });

  test("an undated file saved before the consolidation that took another file of its agency is refused", () => {
    const wb = master();
    const stamp = (h: number, m: number) => new Date(2026, 10, 25, h, m).getTime();
    const newer = returned(wb, "Công an tỉnh", "moi.xlsx", {
      status: "Hoàn thành",
      date: "2026-11-20",
    });
    const first = consolidate(wb, [newer], opts({ consolidatedAt: "2026-11-25 10:00" }));
    const undated = (file: string, mtime: number) => {
      const f = returned(wb, "Công an tỉnh", file, {
        status: "Chưa triển khai",
        date: "2026-11-01",
        mtime,
      });
      const guide = f.cells!.sheets.find((s) => s.name === "Hướng dẫn")!.rows!;
      guide.find((r) => r[0] === "Ngày báo cáo")![1] = null;
      return f;
    };
    const old = consolidate(
      first.workbook,
      [undated("cu.xlsx", stamp(9, 30))],
      opts({ previousIntake: first.intake })
    );
    expect(old.report.rejected).toEqual([
      expect.objectContaining({ file: "cu.xlsx", code: "OLDER_THAN_MERGED" }),
    ]);
    expect(old.report.rejected[0].message).toMatch(
      /không ghi ngày báo cáo .* 25\/11\/2026 09:30, trước lần tổng hợp 25\/11\/2026 10:00/
    );
    expect(old.changes).toEqual([]);
    // Saved after that consolidation: a new report, taken.
    const later = consolidate(
      first.workbook,
      [undated("sau.xlsx", stamp(11, 0))],
      opts({ previousIntake: first.intake, baseline: first.baseline })
    );
    expect(later.report.rejected).toEqual([]);
    expect(later.changes.some((c) => c.after === "Chưa triển khai")).toBe(true);
    expect(old.report.rejected[0].message).toContain("dùng thời gian trên máy");
  });

  test("the stale check takes the time the file says it was saved over the time on disk", () => {
    const wb = master();
    const first = consolidate(
      wb,
      [returned(wb, "Công an tỉnh", "moi.xlsx", { status: "Hoàn thành", date: "2026-11-20" })],
      opts({ consolidatedAt: "2026-11-25 10:00" })
    );
    const undated = (file: string, savedAt: Date, mtime: Date) => {
      const f = returned(wb, "Công an tỉnh", file, {
        status: "Chưa triển khai",
        date: "2026-11-01",
        mtime: mtime.getTime(),
      });
      const guide = f.cells!.sheets.find((s) => s.name === "Hướng dẫn")!.rows!;
      guide.find((r) => r[0] === "Ngày báo cáo")![1] = null;
      f.cells!.savedAt = savedAt.toISOString();
      return f;
    };
    const again = (f: ReturnedFile) =>
      consolidate(
        first.workbook,
        [f],
        opts({ previousIntake: first.intake, baseline: first.baseline })
      );
    // Saved on 10/11, downloaded from the mail after the consolidation: the older report.
    const stale = again(
      undated("tai-ve.xlsx", new Date(2026, 10, 10, 8, 0), new Date(2026, 10, 25, 11, 0))
    );
    expect(stale.report.rejected).toEqual([
      expect.objectContaining({ file: "tai-ve.xlsx", code: "OLDER_THAN_MERGED" }),
    ]);
    expect(stale.report.rejected[0].message).toMatch(
      /được lưu lần cuối lúc 10\/11\/2026 08:00, trước lần tổng hợp 25\/11\/2026 10:00/
    );
    expect(stale.changes).toEqual([]);
    // Saved after it, copied with an old time on disk: a new report, taken.
    const fresh = again(
      undated("usb.xlsx", new Date(2026, 10, 25, 11, 0), new Date(2026, 10, 1, 8, 0))
    );
    expect(fresh.report.rejected).toEqual([]);
    expect(fresh.changes.some((c) => c.after === "Chưa triển khai")).toBe(true);
  });
});

describe("which agency sent a file without identity", () => {
  const sheet = (rows: unknown[][]) => ({ sheets: [{ name: "Sheet1", rows }] });
  const table = (lead?: string) => [
    lead ? ["TT", "Nhiệm vụ", "Đơn vị chủ trì", "Trạng thái"] : ["TT", "Nhiệm vụ", "Trạng thái"],
    ...(lead
      ? [["1", "Một việc không có trong kế hoạch", lead, "Hoàn thành"]]
      : [["1", "Một việc", "Hoàn thành"]]),
  ];
  const agencyOf = (file: ReturnedFile) => {
    const out = consolidate(master(), [file], opts());
    return out.report.received[0]
      ? [out.report.received[0].agency, out.report.received[0].agencyFrom]
      : [out.report.rejected[0].code];
  };
  test("title block, under the province's committee; file name; lead column; none", () => {
    expect(
      agencyOf({
        file: "x.xlsx",
        cells: sheet([["UBND TỈNH LÂM ĐỒNG"], ["CÔNG AN TỈNH"], [], ...table()]),
      })
    ).toEqual(["Công an tỉnh", "title"]);
    expect(agencyOf({ file: "BC_2026 - Cong an tinh.xlsx", cells: sheet(table()) })).toEqual([
      "Công an tỉnh",
      "file",
    ]);
    expect(agencyOf({ file: "bao-cao.xlsx", cells: sheet(table("Sở Nội vụ")) })).toEqual([
      "Sở Nội vụ",
      "lead",
    ]);
    expect(
      agencyOf({ file: "bao-cao.xlsx", cells: sheet([["UBND TỈNH LÂM ĐỒNG"], ...table()]) })
    ).toEqual(["UNKNOWN_AGENCY"]);
    // A title block stating another report year: refused, whatever else the file says.
    expect(
      agencyOf({
        file: "x.xlsx",
        cells: sheet([["CÔNG AN TỈNH"], ["BÁO CÁO KẾT QUẢ THỰC HIỆN NĂM 2025"], ...table()]),
      })
    ).toEqual(["OTHER_YEAR"]);
  });
});

describe("rows below the threshold", () => {
  test("listed with the closest task, merged only once the officer confirms", () => {
    const wb = master();
    const agency = "Công an tỉnh";
    const task = distributionPlan(wb, YEAR).find((a) => a.agency === agency)!.lead[0];
    const words = task.title.split(" ").slice(0, 3).join(" ");
    const file: ReturnedFile = {
      file: "bao-cao.xlsx",
      cells: {
        sheets: [
          {
            name: "Sheet1",
            rows: [
              ["CÔNG AN TỈNH"],
              ["BÁO CÁO KẾT QUẢ NĂM 2026"],
              ["STT", "Nội dung", "Trạng thái"],
              ["9", words, "Hoàn thành"],
            ],
          },
        ],
      },
    };
    const first = consolidate(wb, [file], opts());
    expect(first.report.received[0]).toMatchObject({ agency, method: "headers", matched: 0 });
    expect(first.report.unmatched).toEqual([
      expect.objectContaining({ file: "bao-cao.xlsx", sheet: "Sheet1", row: 4, text: words }),
    ]);
    expect(first.report.unmatched[0].candidate?.key).toBe(task.key);
    expect(first.changes).toEqual([]);
    const confirmed = consolidate(
      wb,
      [file],
      opts({ confirmed: [{ file: "bao-cao.xlsx", sheet: "Sheet1", row: 4, key: task.key }] })
    );
    expect(confirmed.report.unmatched).toEqual([]);
    expect(
      confirmed.workbook.rows.find((r) => r.key === task.key && r.lead === agency)?.status
    ).toBe("Hoàn thành");
  });
});

describe("consolidation into the open workbook (Office.js fake)", () => {
  test("changes + record sheet in 4 syncs; the record sheet is replaced, not doubled; undo restores", async () => {
    const wb = master();
    const out = consolidate(
      wb,
      [returned(wb, "Công an tỉnh", "a.xlsx", { status: "Hoàn thành", date: "2026-11-20" })],
      opts()
    );
    const fake = new FakeExcel({ sheets: [{ name: "Nhiệm vụ" }, { name: "Tiếp nhận" }] });
    const first = out.changes[0];
    fake.sheet("Nhiệm vụ").cells.set(first.address, { value: "cũ" });
    fake.syncCount = 0;
    const r = await consolidateInOffice(
      fake.context,
      out.changes,
      [intakeSheet(out.intake), baselineSheet(out.baseline)],
      { name: "Times New Roman", size: 12 }
    );
    expect(r.syncs).toBe(4);
    // What this consolidation left, for the next one: hidden, a line per row of the master.
    const baseline = fake.sheet("_phuluc_tonghop");
    expect(baseline.visibility).toBe("Hidden");
    expect(baseline.cells.get("B1")?.value).toBe("key");
    expect(fake.syncCount).toBe(4);
    expect(fake.sheet("Nhiệm vụ").cells.get(first.address)?.value).toBe("Hoàn thành");
    const intake = fake.sheet("Tiếp nhận");
    expect(intake.cells.get("A1")?.value).toBe("Năm báo cáo");
    expect(intake.cells.get("F1")?.value).toBe("Kết quả");
    await undoChanges(fake.context, r.batchId!);
    expect(fake.sheet("Nhiệm vụ").cells.get(first.address)?.value).toBe("cũ");
  });
});

describe("officers' text as typed", () => {
  test("NFD text (Mac, PDF paste) is stored as NFC and a re-sent NFC copy changes nothing", () => {
    const wb = master();
    const nfd = "Đã tổ chức hội nghị".normalize("NFD");
    const first = consolidate(
      wb,
      [
        returned(wb, "Công an tỉnh", "a.xlsx", {
          status: "Hoàn thành",
          result: nfd,
          date: "2026-11-20",
        }),
      ],
      opts()
    );
    const results = first.changes
      .filter((c) => c.column === "Kết quả thực hiện")
      .map((c) => c.after);
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(r).toBe("Đã tổ chức hội nghị".normalize("NFC"));
    const again = consolidate(
      first.workbook,
      [
        returned(first.workbook, "Công an tỉnh", "b.xlsx", {
          status: "Hoàn thành",
          result: "Đã tổ chức hội nghị".normalize("NFC"),
          date: "2026-11-21",
        }),
      ],
      opts({ previousIntake: first.intake })
    );
    expect(again.changes.filter((c) => c.column === "Kết quả thực hiện")).toEqual([]);
  });
});

describe("a newer report's unreadable value", () => {
  test("never replaces a status or date the master counts; fills an empty cell as typed, with a warning", () => {
    const wb = master();
    const first = consolidate(
      wb,
      [returned(wb, "Công an tỉnh", "a.xlsx", { status: "Hoàn thành", date: "2026-11-20" })],
      opts()
    );
    const done = first.workbook.rows.filter(
      (r) => r.lead === "Công an tỉnh" && r.status === "Hoàn thành"
    );
    expect(done.length).toBeGreaterThan(0);
    const typo = returned(first.workbook, "Công an tỉnh", "b.xlsx", {
      status: "Tốt nhưng chậm",
      result: "Đã xong",
      date: "2026-11-22",
    });
    const second = consolidate(first.workbook, [typo], opts({ previousIntake: first.intake }));
    // The result is taken; the status stays what the master counted.
    expect(second.changes.filter((c) => c.column === "Trạng thái")).toEqual([]);
    expect(second.changes.filter((c) => c.column === "Kết quả thực hiện").length).toBe(done.length);
    for (const r of done) {
      const i = first.workbook.rows.indexOf(r);
      expect(second.workbook.rows[i].status).toBe("Hoàn thành");
    }
    const warnings = second.report.received[0].warnings;
    expect(
      warnings.some((w) =>
        /"Tốt nhưng chậm" không thuộc danh sách trạng thái; giữ giá trị đã có "Hoàn thành"/.test(w)
      )
    ).toBe(true);
    // Into an empty master the typed text goes in as written, so the officer sees it.
    const fresh = consolidate(
      wb,
      [returned(wb, "Công an tỉnh", "c.xlsx", { status: "Tốt nhưng chậm", date: "2026-11-22" })],
      opts()
    );
    const typed = fresh.changes.filter((c) => c.column === "Trạng thái").map((c) => c.after);
    expect(typed.length).toBeGreaterThan(0);
    expect(new Set(typed)).toEqual(new Set(["Tốt nhưng chậm"]));
  });
});

describe("a completion date after the file's report date", () => {
  test("is taken as typed and named in the file's warnings", () => {
    const wb = master();
    const f = returned(wb, "Công an tỉnh", "ca.xlsx", { status: "Hoàn thành", date: "2026-11-20" });
    const lead = f.cells!.sheets.find((s) => s.name === "Chủ trì")!.rows!;
    const head = lead[4] as string[];
    const r = lead.findIndex((l, i) => i > 4 && l[0]);
    lead[r][head.indexOf("Ngày hoàn thành")] = "20/12/2026";
    const res = consolidate(wb, [f], opts());
    expect(res.changes.filter((c) => c.column === "Ngày hoàn thành").map((c) => c.after)).toEqual([
      { date: "2026-12-20" },
    ]);
    expect(res.report.received[0].warnings).toEqual([
      `Tệp "ca.xlsx", trang "Chủ trì", dòng ${r + 1}: ngày hoàn thành 20/12/2026 sau ngày báo cáo 20/11/2026 của tệp: kiểm tra lại (dòng này chưa được tính là hoàn thành đến ngày đó).`,
    ]);
  });
});

describe("what the coordinator typed since the last consolidation", () => {
  const CA = "Công an tỉnh";
  const firstRun = () => {
    const wb = master();
    const first = consolidate(
      wb,
      [returned(wb, CA, "a.xlsx", { status: "Đang thực hiện", date: "2026-11-20" })],
      opts({ consolidatedAt: "2026-11-21 09:00" })
    );
    return { wb, first };
  };
  const caRows = (w: TrackingWorkbook) => w.rows.filter((r) => r.lead === CA && r.typed.status);

  test("a value the last consolidation left is the agency's to change: no conflict", () => {
    const { wb, first } = firstRun();
    const next = consolidate(
      first.workbook,
      [returned(wb, CA, "b.xlsx", { status: "Hoàn thành", date: "2026-11-25" })],
      opts({ previousIntake: first.intake, baseline: first.baseline })
    );
    expect(next.report.masterConflicts).toEqual([]);
    expect(caRows(next.workbook).every((r) => r.status === "Hoàn thành")).toBe(true);
  });

  test("a cell typed since is kept and listed; a choice or --prefer agency takes the file's", () => {
    const { wb, first } = firstRun();
    const typed = caRows(first.workbook)[0];
    const edited: TrackingWorkbook = {
      ...first.workbook,
      rows: first.workbook.rows.map((r) =>
        r === typed
          ? { ...r, status: "Không thực hiện", typed: { ...r.typed, status: "Không thực hiện" } }
          : r
      ),
    };
    const run = (o: Partial<ConsolidateOptions>) =>
      consolidate(
        edited,
        [returned(wb, CA, "b.xlsx", { status: "Hoàn thành", date: "2026-11-25" })],
        opts({ previousIntake: first.intake, baseline: first.baseline, ...o })
      );
    const kept = run({});
    expect(kept.report.masterConflicts).toEqual([
      expect.objectContaining({
        key: typed.key,
        lead: CA,
        column: "status",
        master: "Không thực hiện",
        reported: "Hoàn thành",
        kept: "master",
      }),
    ]);
    const row = (w: TrackingWorkbook) => w.rows.find((r) => r.key === typed.key && r.lead === CA)!;
    expect(row(kept.workbook).typed.status).toBe("Không thực hiện");
    // Rows the coordinator did not touch take the report.
    expect(
      caRows(kept.workbook)
        .filter((r) => r.key !== typed.key)
        .every((r) => r.status === "Hoàn thành")
    ).toBe(true);
    const chosen = run({
      choices: [{ key: typed.key, lead: CA, column: "status", take: "agency" }],
    });
    expect(row(chosen.workbook).status).toBe("Hoàn thành");
    expect(chosen.report.masterConflicts[0].kept).toBe("agency");
    expect(row(run({ prefer: "agency" }).workbook).status).toBe("Hoàn thành");
  });

  test("a distributed file returned as it was is received with nothing filled in", () => {
    const wb = master();
    const a = distributionPlan(wb, YEAR).find((x) => x.agency === CA)!;
    const { spec } = agencyReportWorkbook(wb, a, {
      year: YEAR,
      deadline: null,
      generatedOn: "2026-11-01",
    });
    const out = consolidate(wb, [{ file: "ca.xlsx", cells: cellsOf(spec), mtime: 0 }], opts());
    expect(out.report.received[0].empty).toBe(true);
    expect(out.report.missing.find((m) => m.agency === CA)?.emptyFiles).toEqual(["ca.xlsx"]);
    expect(out.intake.find((l) => l.agency === CA)?.outcome).toBe("Đã nhận, chưa điền gì");
  });
});

test("a corrected file sent again after a consolidation the same day changes the values: no conflict", () => {
  const wb = master();
  const file = (status: string, date: string, name: string) =>
    returned(wb, "Công an tỉnh", name, { status, date });
  const first = consolidate(
    wb,
    [file("Đang thực hiện", "2026-11-20", "a.xlsx")],
    opts({ consolidatedAt: "2026-11-01 17:00" }) // the day the files were made
  );
  const again = consolidate(
    first.workbook,
    [file("Hoàn thành", "2026-11-22", "b.xlsx")],
    opts({ previousIntake: first.intake, baseline: first.baseline })
  );
  expect(again.report.masterConflicts).toEqual([]);
  expect(again.changes.some((c) => c.after === "Hoàn thành")).toBe(true);
});
