import { rollover } from "../../../../src/core/tracking/rollover";
import { rollup } from "../../../../src/core/tracking/rollup";
import { derivedStatus } from "../../../../src/core/tracking/derive-status";
import type { TrackingRow } from "../../../../src/core/workbook/tracking-model";
import { rowOf, seedRows, seedWorkbook } from "../../../helpers/tracking-fixtures";

/** The 2026 year as officers filled it. */
function year2026(): TrackingRow[] {
  const rows = seedRows();
  const fill = (key: string, v: Partial<TrackingRow>, lead?: string) => {
    const r = rowOf(rows, key, lead);
    Object.assign(r, v, {
      typed: {
        status: v.status ?? "",
        completedOn: v.completedOn ?? "",
        progress: v.progress != null ? String(v.progress) : "",
        updatedOn: "",
      },
    });
  };
  fill("T1.2", {
    status: "Hoàn thành",
    completedOn: "2026-11-20",
    progress: 100,
    result: "Tổ chức 12 hội nghị",
    evidence: "Báo cáo 15/BC-STTTT",
  }); // Hằng năm
  fill("T2.7", { status: "Đang thực hiện", result: "Họp báo định kỳ quý" }); // Thường xuyên
  fill("T3.1", { status: "Hoàn thành", completedOn: "2026-10-01" }); // 2024, 2026, 2028, 2030
  fill("T3.2", {
    status: "Đang thực hiện",
    progress: 60,
    result: "Đã xây dựng 3 sản phẩm",
    difficulties: "Thiếu kinh phí",
  }); // 2024 - 2030
  fill("T4.4", { status: "Hoàn thành", completedOn: "2026-09-09", progress: 100 }); // 2024 - 2030, finished early
  fill("T4.3", { status: "Đang thực hiện", progress: 40 }, "Công an tỉnh");
  fill("T2.1", { status: "Đang thực hiện", result: "Dự thảo báo cáo tổng kết" }); // 2024, unfinished one-off
  return rows;
}

describe("rollover 2026 → 2027", () => {
  const wb = seedWorkbook(year2026());
  const out = rollover(wb);

  it("starts recurring tasks empty, carries unfinished multi-year tasks, keeps finished ones", () => {
    const rows = out.workbook.rows;
    expect(out.workbook.reportYear).toBe(2027);
    expect(rowOf(rows, "T1.2")).toMatchObject({
      status: null,
      completedOn: null,
      progress: null,
      result: "",
      evidence: "",
    });
    expect(rowOf(rows, "T2.7")).toMatchObject({ status: null, result: "" });
    expect(rowOf(rows, "T3.1")).toMatchObject({ status: null, completedOn: null });
    expect(rowOf(rows, "T3.2")).toMatchObject({
      status: "Đang thực hiện",
      progress: 60,
      result: "Đã xây dựng 3 sản phẩm",
      difficulties: "Thiếu kinh phí",
    });
    expect(rowOf(rows, "T4.4")).toMatchObject({ status: "Hoàn thành", completedOn: "2026-09-09" });
    expect(rowOf(rows, "T2.1")).toMatchObject({
      status: "Đang thực hiện",
      result: "Dự thảo báo cáo tổng kết",
    });
    expect(out.actions.find((a) => a.key === "T3.2")?.action).toBe("carry");
    expect(out.actions.find((a) => a.key === "T1.2")?.action).toBe("reset");
    expect(out.actions.find((a) => a.key === "T4.4")?.action).toBe("keep");
  });

  it("archives the finished year's values and the status derived then", () => {
    const h = out.workbook.history.find((x) => x.key === "T1.2")!;
    expect(h).toEqual({
      year: 2026,
      key: "T1.2",
      lead: "Các Sở, ban, ngành, UBND các huyện, thành phố",
      values: {
        status: "Hoàn thành",
        completedOn: "2026-11-20",
        progress: "100",
        result: "Tổ chức 12 hội nghị",
        evidence: "Báo cáo 15/BC-STTTT",
        derived: "Hoàn thành đúng hạn",
      },
    });
    // One line per (task, lead): both lead rows of T4.3 are kept apart.
    expect(out.workbook.history.filter((x) => x.key === "T4.3").map((x) => x.lead)).toEqual([
      "Công an tỉnh",
      "Bộ Chỉ huy quân sự tỉnh",
    ]);
    // A row not due in 2026 with something typed is archived too (nothing typed is lost).
    expect(out.workbook.history.find((x) => x.key === "T2.1")?.values).toMatchObject({
      result: "Dự thảo báo cáo tổng kết",
      derived: "Không thuộc năm báo cáo",
    });
    // An untouched row not due in 2026 is not.
    expect(out.workbook.history.some((x) => x.key === "T4.1")).toBe(false);
  });

  it("loses nothing: every typed value of 2026 is in the new rows or in history", () => {
    for (const before of wb.rows) {
      const after = out.workbook.rows.find((r) => r.sheetRow === before.sheetRow)!;
      const hist = out.workbook.history.find(
        (x) => x.year === 2026 && x.key === before.key && x.lead === before.lead
      );
      for (const text of [
        before.result,
        before.evidence,
        before.difficulties,
        before.typed.status,
      ].filter(Boolean))
        expect([
          after.result,
          after.evidence,
          after.difficulties,
          after.typed.status,
          ...Object.values(hist?.values ?? {}),
        ]).toContain(text);
    }
  });

  it("is idempotent", () => {
    expect(rollover(out.workbook, 2027)).toMatchObject({ alreadyRolled: true, archived: [] });
    // Running the same year again on the original (history already holding 2026) adds nothing.
    const again = rollover({ ...wb, history: out.workbook.history }, 2027);
    expect(again.archived).toEqual([]);
    expect(again.workbook.history).toHaveLength(out.workbook.history.length);
    // A value corrected after a first run updates the line instead of adding one.
    const corrected = year2026();
    rowOf(corrected, "T1.2").result = "Tổ chức 14 hội nghị";
    const fixed = rollover({ ...wb, rows: corrected, history: out.workbook.history }, 2027);
    expect(fixed.archived).toHaveLength(1);
    expect(fixed.workbook.history.filter((x) => x.key === "T1.2")).toHaveLength(1);
    expect(fixed.workbook.history.find((x) => x.key === "T1.2")?.values.result).toBe(
      "Tổ chức 14 hội nghị"
    );
  });
});

describe("a multi-year task done in 2026 is 2026's result", () => {
  it("is done earlier in 2027: outside 2027's figures, kept in history as done", () => {
    const rows = year2026();
    // Done without a date: roll-over writes the finished year's report date (done by then).
    Object.assign(rowOf(rows, "T4.3", "Công an tỉnh"), {
      status: "Hoàn thành",
      progress: 100,
      typed: { status: "Hoàn thành", completedOn: "", progress: "100", updatedOn: "" },
    });
    const out = rollover(seedWorkbook(rows));
    const dated = rowOf(out.workbook.rows, "T4.3", "Công an tỉnh");
    expect(dated).toMatchObject({ status: "Hoàn thành", completedOn: "2026-12-15" });
    const y2027 = rollup(out.workbook, 2027, "2027-12-15");
    for (const r of [rowOf(out.workbook.rows, "T4.4"), dated])
      expect(derivedStatus(r, 2027, "2027-12-15")).toBe("Hoàn thành năm trước");
    expect(y2027.province).toMatchObject({ done_on_time: 0, done_late: 0, done_undated: 0 });
    const lines = out.archived.filter((h) => h.key === "T4.4" || h.key === "T4.3");
    expect(lines.map((h) => h.values.derived)).toContain("Hoàn thành đúng hạn");
    // 2026 itself still counts them done.
    expect(rollup(seedWorkbook(rows), 2026, "2026-12-15").province.done_on_time).toBe(4);
  });

  it("a task of 2026 alone finished early, in 2025, is still 2026's", () => {
    const [row] = seedRows().filter((r) => r.key === "T3.1");
    const early = { ...row, status: "Hoàn thành" as const, completedOn: "2025-12-20" };
    // T3.1 is due in 2024, 2026…: 2025 is not one of its years.
    expect(derivedStatus(early, 2026, "2026-12-15")).toBe("Hoàn thành đúng hạn");
  });
});

describe("roll-over past the plan's period", () => {
  it("restarts nothing; carries what is unfinished with its deadline; a one-year plan's Cả năm stays done", () => {
    // As a plan for 2026 alone has them: every schedule is 2026's.
    const rows = year2026().map((r) => {
      const own = /;2026=\d{8};/.exec(r.scheduleCode);
      return { ...r, scheduleCode: own ? own[0] : ";2024=20241231;" };
    });
    const wb = {
      ...seedWorkbook(rows),
      plan: { number: "9/KH-UBND", period: { from: 2026, to: 2026 } },
    };
    const out = rollover(wb);
    const by = (k: string, lead?: string) => rowOf(out.workbook.rows, k, lead);
    // Hằng năm done in 2026: kept done, not due again (no "2027" in its schedule).
    expect(by("T1.2")).toMatchObject({ status: "Hoàn thành", result: "Tổ chức 12 hội nghị" });
    expect(derivedStatus(by("T1.2"), 2027, "2027-12-31")).not.toMatch(/^Hoàn thành (đúng|quá)/);
    // Unfinished with a 2026 deadline: carried, due in 2027 by 31/12/2030 (its deadline then).
    expect(out.actions.find((a) => a.key === "T3.2")?.action).toBe("carry");
    expect(by("T3.2").scheduleCode).toContain(";2027=20301231;");
    // Unfinished Hằng năm (T2.3): carried with its 2026 deadline, overdue until done.
    expect(by("T2.3").scheduleCode).toContain(";2027=20261231;");
    expect(derivedStatus(by("T2.3"), 2027, "2027-03-01")).toBe("Quá hạn");
    // Routine work (Thường xuyên) is not carried past the plan.
    expect(out.actions.find((a) => a.key === "T2.7")?.action).toBe("keep");
    expect(derivedStatus(by("T2.7"), 2027, "2027-12-31")).toBe("Không thuộc năm báo cáo");
    expect(out.actions.filter((a) => a.action === "reset")).toEqual([]);
  });
});
