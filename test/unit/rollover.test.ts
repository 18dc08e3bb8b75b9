import { rollover } from "../../src/core/tracking/rollover";
import type { TrackingRow } from "../../src/core/workbook/tracking-model";
import { rowOf, seedRows, seedWorkbook } from "./tracking-fixtures";

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
