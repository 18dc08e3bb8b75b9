import { AgencyDirectory } from "../../../../src/core/agency/directory";
import { applyFixes, isSafeFix } from "../../../../src/core/tracking/apply-fixes";
import { changeValueText } from "../../../../src/core/tracking/changes";
import { logEntries, readChangeLog } from "../../../../src/core/tracking/change-log";
import { changeLogSheet, CHANGE_LOG_SHEET } from "../../../../src/core/workbook/change-log-sheet";
import type { TrackingRow } from "../../../../src/core/workbook/tracking-model";
import { validateTracking } from "../../../../src/core/tracking/validate";
import { TASK_COLUMNS, type TaskColumnId } from "../../../../src/core/workbook/columns";
import { taskLayout } from "../../../../src/core/workbook/task-layout";
import { AGENCIES, rowOf, seedRows, seedWorkbook } from "../../../helpers/tracking-fixtures";

const OPTS = { year: 2026, date: "2026-12-15", directory: new AgencyDirectory(AGENCIES) };
const layout = taskLayout([], 0);

/** Seed rows with their cell addresses, as read-tracking gives them. */
function rows(): TrackingRow[] {
  return seedRows().map((r) => ({
    ...r,
    cells: Object.fromEntries(
      (Object.keys(TASK_COLUMNS) as TaskColumnId[]).map((id) => [
        id,
        `${layout.letter[id]}${r.sheetRow}`,
      ])
    ),
  }));
}

function typed(rs: TrackingRow[], key: string, t: Partial<TrackingRow["typed"]>, lead?: string) {
  const r = rowOf(rs, key, lead);
  r.typed = { ...r.typed, ...t };
  return r;
}

describe("applyFixes", () => {
  it("applies the safe fixes: canonical status, dates typed as text become real dates", () => {
    const rs = rows();
    const a = typed(rs, "T1.2", { status: "hoan thanh", completedOn: "15/11/2026" });
    const b = typed(rs, "T2.2", { status: "Đang triển khai", updatedOn: "2/10/2026" });
    const wb = seedWorkbook(rs);
    const findings = validateTracking(wb, OPTS);
    const { workbook, changes, skipped } = applyFixes(wb, findings);
    expect(skipped).toEqual([]);
    expect(changes.map((c) => [c.address, c.column, c.before, c.after])).toEqual([
      [a.cells.status, "Trạng thái", "hoan thanh", "Hoàn thành"],
      [a.cells.completedOn, "Ngày hoàn thành", "15/11/2026", { date: "2026-11-15" }],
      [b.cells.status, "Trạng thái", "Đang triển khai", "Đang thực hiện"],
      [b.cells.updatedOn, "Ngày cập nhật", "2/10/2026", { date: "2026-10-02" }],
    ]);
    expect(changes.every((c) => c.sheet === "Nhiệm vụ" && c.reason.length > 10)).toBe(true);
    expect(changes[0].row).toBe(a.sheetRow);
    const fixed = rowOf(workbook.rows, "T1.2");
    expect(fixed).toMatchObject({ status: "Hoàn thành", completedOn: "2026-11-15" });
    expect(fixed.typed).toMatchObject({ status: "Hoàn thành", completedOn: "2026-11-15" });
    // The input is not modified.
    expect(rowOf(wb.rows, "T1.2").typed.status).toBe("hoan thanh");
    // Validation is now quiet about those cells.
    const after = validateTracking(workbook, OPTS).filter(isSafeFix);
    expect(after).toEqual([]);
    // Agencies are never replaced by fix-all (superseded agencies are in the seed).
    expect(findings.some((f) => f.code === "AGENCY_SUPERSEDED")).toBe(true);
    expect(
      changes.some((c) => c.column === "Đơn vị chủ trì" || c.column === "Đơn vị phối hợp")
    ).toBe(false);
  });

  it("replaces agencies only when chosen; the plan's name stays as the change's before", () => {
    const rs = rows();
    const wb = seedWorkbook(rs);
    const findings = validateTracking(wb, OPTS);
    const t22 = rowOf(rs, "T2.2");
    const chosen = findings.filter(
      (f) => f.code === "AGENCY_SUPERSEDED" && f.location.row === t22.sheetRow
    );
    expect(chosen.length).toBeGreaterThan(0);
    const { workbook, changes } = applyFixes(wb, findings, { include: (f) => chosen.includes(f) });
    const lead = changes.find((c) => c.column === "Đơn vị chủ trì")!;
    expect(lead).toMatchObject({
      before: "Sở Thông tin và Truyền thông",
      after: "Sở Khoa học và Công nghệ",
      address: t22.cells.lead,
      code: "AGENCY_SUPERSEDED",
    });
    expect(rowOf(workbook.rows, "T2.2").lead).toBe("Sở Khoa học và Công nghệ");
  });

  it("two replacements in one partner list both apply, as one change", () => {
    const rs = rows();
    const t23 = rowOf(rs, "T2.3");
    t23.partners = ["Sở Thông tin và Truyền thông", "Báo Lâm Đồng", "Ban Dân tộc"];
    const wb = seedWorkbook(rs);
    const findings = validateTracking(wb, OPTS).filter(
      (f) => f.location.row === t23.sheetRow && f.location.column === "Đơn vị phối hợp"
    );
    expect(findings).toHaveLength(2);
    const { changes, workbook } = applyFixes(wb, findings, { include: () => true });
    expect(changes).toHaveLength(1);
    expect(changes[0].after).toBe("Sở Khoa học và Công nghệ; Báo Lâm Đồng; Sở Dân tộc và Tôn giáo");
    expect(changes[0].before).toBe("Sở Thông tin và Truyền thông; Báo Lâm Đồng; Ban Dân tộc");
    expect(rowOf(workbook.rows, "T2.3").partners).toEqual([
      "Sở Khoa học và Công nghệ",
      "Báo Lâm Đồng",
      "Sở Dân tộc và Tôn giáo",
    ]);
  });

  it("skips findings whose cell is unknown and ignores findings without a fix", () => {
    const rs = rows();
    typed(rs, "T1.2", { status: "hoan thanh" });
    const wb = seedWorkbook(rs);
    const findings = validateTracking(wb, OPTS);
    const bad = {
      ...findings.find((f) => f.code === "STATUS_NONCANONICAL")!,
      location: { sheet: "Nhiệm vụ", row: 999, column: "Trạng thái" },
    };
    const { changes, skipped } = applyFixes(wb, [
      bad,
      { code: "TITLE_MISSING", severity: "error", message: "x", location: { row: 5 } },
    ]);
    expect(changes).toEqual([]);
    expect(skipped).toHaveLength(1);
  });
});

describe("change log", () => {
  it("lists each change with before/after as text, and reads back", () => {
    const entries = logEntries(
      [
        {
          sheet: "Nhiệm vụ",
          row: 7,
          column: "Ngày hoàn thành",
          address: "N7",
          before: "15/11/2026",
          after: { date: "2026-11-15" },
          reason: "Ghi ngày",
        },
        {
          sheet: "Nhiệm vụ",
          row: 8,
          column: "Trạng thái",
          address: "M8",
          before: "=hoan thanh",
          after: "Hoàn thành",
          reason: "Ghi",
        },
      ],
      "sua-2026-11-21-1",
      "2026-11-21"
    );
    expect(entries[0]).toMatchObject({ before: "15/11/2026", after: "15/11/2026" });
    const spec = changeLogSheet(entries);
    expect(spec.name).toBe(CHANGE_LOG_SHEET);
    const grid = spec.blocks[0].values.map((r) =>
      r.map((v) => (v && typeof v === "object" && "date" in v ? new Date(v.date) : v))
    );
    expect(readChangeLog({ sheets: [{ name: CHANGE_LOG_SHEET, rows: grid }] })).toEqual(entries);
    expect(changeValueText({ formula: "A1+1" })).toBe("=A1+1");
  });
});

describe("renaming merged bodies", () => {
  it("two partners merged into one successor become one name, not a duplicate", () => {
    const rs = rows();
    const r = rowOf(rs, "T2.3");
    const press = "Báo và Phát thanh, Truyền hình Lâm Đồng";
    r.partners = ["Báo Lâm Đồng", "Sở Nội vụ", "Đài PTTH tỉnh"];
    const agencies = [
      ...AGENCIES.filter((a) => a.name !== "Báo Lâm Đồng" && a.name !== "Đài PTTH tỉnh"),
      {
        name: "Báo Lâm Đồng",
        shortNames: [],
        aliases: [],
        kind: "media" as const,
        successor: { name: press, effective: "2025-03-01" },
      },
      {
        name: "Đài PTTH tỉnh",
        shortNames: [],
        aliases: [],
        kind: "media" as const,
        successor: { name: press, effective: "2025-03-01" },
      },
      { name: press, shortNames: [], aliases: [], kind: "media" as const },
    ];
    const wb = { ...seedWorkbook(rs), agencies };
    const fs = validateTracking(wb, { year: 2026, date: "2026-12-15" }).filter(
      (f) =>
        f.code === "AGENCY_SUPERSEDED" &&
        f.location.row === r.sheetRow &&
        f.location.column === "Đơn vị phối hợp"
    );
    expect(fs).toHaveLength(2);
    const out = applyFixes(wb, fs, { include: () => true });
    expect(out.changes).toHaveLength(1); // one cell, one change
    expect(out.changes[0].after).toBe(`${press}; Sở Nội vụ`);
    expect(rowOf(out.workbook.rows, "T2.3").partners).toEqual([press, "Sở Nội vụ"]);
  });
});
