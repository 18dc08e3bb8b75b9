import { completionRate, rollup } from "../../../../src/core/tracking/rollup";
import { emptyTrackingRow, type TrackingRow } from "../../../../src/core/workbook/tracking-model";
import {
  AGENCIES,
  codeFor,
  rowOf,
  seedRows,
  seedWorkbook,
} from "../../../helpers/tracking-fixtures";

/** 2026 report, dated 15/01/2027 (after the year's deadlines). */
function filled(): TrackingRow[] {
  const rows = seedRows();
  Object.assign(rowOf(rows, "T1.2"), { status: "Hoàn thành", completedOn: "2026-11-20" }); // on time
  Object.assign(rowOf(rows, "T2.2"), { status: "Hoàn thành", completedOn: "2027-01-05" }); // late
  Object.assign(rowOf(rows, "T2.3"), { status: "Đang thực hiện" }); // overdue (Hằng năm)
  Object.assign(rowOf(rows, "T3.1"), { status: "Chưa triển khai" }); // overdue (2026 is due)
  Object.assign(rowOf(rows, "T3.2"), { status: "Đang thực hiện" }); // in progress until 2030
  Object.assign(rowOf(rows, "T4.3", "Công an tỉnh"), {
    status: "Hoàn thành",
    completedOn: "2026-10-01",
  });
  Object.assign(rowOf(rows, "T4.4"), { status: "Không thực hiện" });
  // T1.1, T2.1 (2024), T4.1 (2024 - 2025): not due in 2026. T2.6 (Đến 2030): not due yet. T2.7: routine.
  return rows;
}

describe("rollup", () => {
  const DATE = "2027-01-15";

  it("names the year's rows whose status it could not read, each counted once", () => {
    const rows = filled();
    // Read by status-wording when the sheet is read: these hold no status.
    Object.assign(rowOf(rows, "T2.3"), {
      status: null,
      typed: { ...rowOf(rows, "T2.3").typed, status: "Chưa hoàn thành" },
    });
    Object.assign(rowOf(rows, "T1.1"), {
      status: null,
      typed: { ...rowOf(rows, "T1.1").typed, status: "Tốt" },
    }); // not due in 2026
    const r = rollup(seedWorkbook(rows), 2026, DATE);
    expect(r.unreadStatus).toEqual([
      { row: rowOf(rows, "T2.3").sheetRow, text: "Chưa hoàn thành" },
    ]);
    expect(r.province.total).toBe(rollup(seedWorkbook(filled()), 2026, DATE).province.total);
    expect(rollup(seedWorkbook(filled()), 2026, DATE).unreadStatus).toBeUndefined();
  });

  it("counts the province and computes done ÷ (done + overdue)", () => {
    const r = rollup(seedWorkbook(filled()), 2026, DATE);
    // The yearly tasks' 2026 deadline is 31/12/2026: unfinished ones are overdue now. The
    // 2024 - 2030 / Đến năm 2030 ones run to 31/12/2030: still in time.
    expect(r.province).toEqual({
      total: 10,
      done_on_time: 2,
      done_late: 1,
      done_undated: 0,
      in_progress: 1, // T3.2
      overdue: 2, // T2.3, T3.1
      not_due: 2, // T2.6, T4.3 Bộ CHQS
      no_deadline: 1,
      not_done: 1,
      rate: 3 / 5,
    });
    // Before the deadline the same rows are in progress or not yet due.
    const early = rollup(seedWorkbook(filled()), 2026, "2026-12-15").province;
    // The row completed on 05/01/2027 is not done on 15/12/2026: in progress, not "quá hạn".
    expect(early).toMatchObject({ in_progress: 3, not_due: 3, overdue: 0, done_late: 0, rate: 1 });
  });

  it("counts per group and per lead / partner", () => {
    const r = rollup(seedWorkbook(filled()), 2026, DATE);
    expect(r.groups.map((g) => [g.group, g.total, g.rate])).toEqual([
      ["1", 1, 1],
      ["2", 4, 1 / 2],
      ["3", 2, 0],
      ["4", 3, 1],
    ]);
    const lead = r.agencies.find(
      (a) => a.role === "lead" && a.agency === "Sở Thông tin và Truyền thông"
    )!;
    expect(lead).toMatchObject({
      total: 3,
      done_late: 1,
      overdue: 0,
      not_due: 1,
      no_deadline: 1,
      rate: 1,
    });
    const partner = r.agencies.find(
      (a) => a.role === "partner" && a.agency === "Sở Thông tin và Truyền thông"
    )!;
    expect(partner).toMatchObject({ total: 1, overdue: 1, rate: 0 });
    expect(r.agencies.findIndex((a) => a.role === "partner")).toBeGreaterThan(
      r.agencies.map((a) => a.role).lastIndexOf("lead")
    );
  });

  it("counts the multi-year tasks overdue only after their final year", () => {
    const r = rollup(seedWorkbook(filled()), 2030, "2031-01-15").province;
    // Same rows reported for 2030, after 31/12/2030: T2.6 (Đến năm 2030), T3.2 and T4.3 Bộ CHQS
    // (2024 - 2030) have now come due, with T2.3 (Hằng năm) and T3.1 (2030 is listed).
    // T1.2, T2.2 and T4.3 Công an tỉnh were completed in 2026/2027, years they were due in:
    // those years' results ("Hoàn thành năm trước"), outside 2030's figures.
    expect(r).toMatchObject({
      total: 7,
      done_on_time: 0,
      done_late: 0,
      in_progress: 0,
      not_due: 0,
      overdue: 5,
      not_done: 1,
    });
  });

  it("has a null rate when nothing has come due", () => {
    const r = rollup(seedWorkbook(filled()), 2026, "2026-06-30");
    const vhttdl = r.agencies.find(
      (a) => a.agency === "Sở Văn hóa, Thể thao và Du lịch" && a.role === "lead"
    )!;
    expect(vhttdl.rate).toBeNull();
    expect(completionRate({ done_on_time: 0, done_late: 0, overdue: 0 })).toBeNull();
  });

  it("reports superseded agencies under their successor and keeps the written name", () => {
    const r = rollup(seedWorkbook(filled()), 2026, DATE, { agencies: AGENCIES });
    const names = r.agencies.filter((a) => a.role === "lead").map((a) => a.agency);
    expect(names).not.toContain("Sở Thông tin và Truyền thông");
    expect(names).not.toContain("Ban Dân tộc");
    const khcn = r.agencies.find(
      (a) => a.role === "lead" && a.agency === "Sở Khoa học và Công nghệ"
    )!;
    expect(khcn.written).toEqual(["Sở Thông tin và Truyền thông"]);
    expect(khcn.total).toBe(3);
    const nv = r.agencies.find((a) => a.role === "lead" && a.agency === "Sở Nội vụ")!;
    expect(nv).toMatchObject({ written: ["Sở Lao động - Thương binh và Xã hội"], overdue: 1 });
    // Before the reorganization took effect, the old names stand.
    const r2024 = rollup(seedWorkbook(filled()), 2024, "2024-12-15", { agencies: AGENCIES });
    expect(r2024.agencies.some((a) => a.agency === "Sở Thông tin và Truyền thông")).toBe(true);
  });

  it("counts a collective partner for each member existing on the date, not for the row's lead", () => {
    const ALL = AGENCIES.find((a) => a.collective)!.name;
    const member = (a: (typeof AGENCIES)[number]) => ({ ...a, memberOf: [ALL] });
    const agencies = AGENCIES.map((a) =>
      ["Sở Nội vụ", "Sở Công Thương", "Sở Lao động - Thương binh và Xã hội"].includes(a.name)
        ? member(a)
        : a
    );
    const row = (key: string, lead: string, partners: string[]) =>
      emptyTrackingRow({ key, title: key, lead, partners, timeText: "Hằng năm", years: [2026] });
    const wb = {
      ...seedWorkbook([
        row("T1", "Công an tỉnh", [ALL]),
        row("T2", "Sở Nội vụ", [ALL, "Sở Công Thương"]),
      ]),
      agencies,
    };
    {
      const p = rollup(wb, 2026, DATE, { agencies }).agencies.filter((a) => a.role === "partner");
      const total = Object.fromEntries(p.map((a) => [a.agency, a.total]));
      // Sở LĐ-TB&XH was gone by 2026 (its successor Sở Nội vụ is the member counted); the
      // collective itself is no partner; Sở Nội vụ leads T2; Sở Công Thương counts T2 once.
      expect(total).toEqual({ "Sở Nội vụ": 1, "Sở Công Thương": 2 });
      expect(p.find((a) => a.agency === "Sở Nội vụ")!.written).toEqual([ALL]);
    }
  });

  it("counts an agency named twice as partner (old and new name) once", () => {
    const rows = [
      emptyTrackingRow({
        key: "T9",
        title: "x",
        lead: "Sở Nội vụ",
        partners: ["Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ"],
        timeText: "Hằng năm",
        years: [2026],
      }),
    ];
    const r = rollup(seedWorkbook(rows), 2026, DATE, { agencies: AGENCIES });
    const p = r.agencies.filter((a) => a.role === "partner");
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({
      agency: "Sở Khoa học và Công nghệ",
      total: 1,
      written: ["Sở Thông tin và Truyền thông"],
    });
  });

  it("adds up for 2,000 tasks × 30 agencies", () => {
    const statuses = [
      null,
      "Đang thực hiện",
      "Hoàn thành",
      "Chưa triển khai",
      "Không thực hiện",
    ] as const;
    const times = ["Hằng năm", "2024 - 2030", "2024, 2026, 2028, 2030", "Thường xuyên", "2025"];
    const all = [2024, 2025, 2026, 2027, 2028, 2029, 2030];
    const codes = [
      codeFor(all),
      codeFor(all, "20301231"),
      codeFor([2024, 2026, 2028, 2030]),
      codeFor(all, "00000000"),
      codeFor([2025]),
    ];
    const rows: TrackingRow[] = [];
    for (let i = 0; i < 2000; i++) {
      const status = statuses[Math.floor(i / 150) % 5];
      rows.push(
        emptyTrackingRow({
          key: `T${i}`,
          group: String(1 + (i % 7)),
          title: `Nhiệm vụ ${i}`,
          lead: `Đơn vị ${i % 30}`,
          partners: [`Đơn vị ${(i + 1) % 30}`, `Đơn vị ${(i + 2) % 30}`],
          timeText: times[Math.floor(i / 30) % 5],
          scheduleCode: codes[Math.floor(i / 30) % 5],
          years: null,
          status,
          completedOn: status === "Hoàn thành" ? (i % 2 ? "2026-11-01" : "2027-01-02") : null,
        })
      );
    }
    const r = rollup(seedWorkbook(rows), 2026, DATE);
    const p = r.province;
    const sumFields = (c: typeof p) =>
      c.done_on_time +
      c.done_late +
      c.in_progress +
      c.overdue +
      c.not_due +
      c.no_deadline +
      c.not_done;
    expect(sumFields(p)).toBe(p.total);
    const leads = r.agencies.filter((a) => a.role === "lead");
    expect(leads).toHaveLength(30);
    expect(leads.reduce((s, a) => s + a.total, 0)).toBe(p.total);
    expect(r.agencies.filter((a) => a.role === "partner").reduce((s, a) => s + a.total, 0)).toBe(
      2 * p.total
    );
    expect(r.groups.reduce((s, g) => s + g.overdue, 0)).toBe(p.overdue);
    // "2025" rows are not due in 2026.
    expect(p.total).toBe(2000 - rows.filter((x) => x.timeText === "2025").length);
    const due = rows.filter((x) => x.timeText !== "2025");
    expect(p.not_done).toBe(due.filter((x) => x.status === "Không thực hiện").length);
    expect(p.no_deadline).toBe(
      due.filter(
        (x) =>
          x.timeText === "Thường xuyên" &&
          x.status !== "Hoàn thành" &&
          x.status !== "Không thực hiện"
      ).length
    );
    expect(p.rate).toBeCloseTo(
      (p.done_on_time + p.done_late) / (p.done_on_time + p.done_late + p.overdue),
      12
    );
  });
});

describe("partner work, counted once per task", () => {
  const code = ";2026=20261231;";
  const row = (lead: string, status: TrackingRow["status"], sheetRow: number) =>
    emptyTrackingRow({
      key: "T9",
      group: "1",
      lead,
      allLeads: ["Sở Y tế", "Sở Tài chính"],
      partners: ["Công an tỉnh", "Sở Nội vụ"],
      scheduleCode: code,
      status,
      completedOn: status === "Hoàn thành" ? "2026-10-01" : null,
      sheetRow,
    });

  it("counts a two-lead task once for each partner, with its least advanced status", () => {
    const rows = [row("Sở Y tế", "Hoàn thành", 2), row("Sở Tài chính", "Đang thực hiện", 3)];
    const r = rollup(seedWorkbook(rows), 2026, "2026-11-21");
    const partners = r.agencies.filter((a) => a.role === "partner");
    expect(partners.map((a) => [a.agency, a.total, a.in_progress, a.done_on_time])).toEqual([
      ["Công an tỉnh", 1, 1, 0],
      ["Sở Nội vụ", 1, 1, 0],
    ]);
    // Both leads done: the task is done for its partners, still once.
    rows[1] = row("Sở Tài chính", "Hoàn thành", 3);
    const done = rollup(seedWorkbook(rows), 2026, "2026-11-21");
    expect(done.agencies.find((a) => a.agency === "Sở Nội vụ")).toMatchObject({
      role: "partner",
      total: 1,
      done_on_time: 1,
    });
    // Leads still count per row.
    expect(done.province.total).toBe(2);
  });
});
