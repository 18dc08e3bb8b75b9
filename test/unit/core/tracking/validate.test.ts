import { placedMessage } from "../../../../src/core/finding-place";
import { AgencyDirectory } from "../../../../src/core/agency/directory";
import type { Finding } from "../../../../src/core/model";
import { validateTracking } from "../../../../src/core/tracking/validate";
import { emptyTrackingRow, type TrackingRow } from "../../../../src/core/workbook/tracking-model";
import {
  AGENCIES,
  codeFor,
  rowOf,
  seedRows,
  seedWorkbook,
} from "../../../helpers/tracking-fixtures";

const dir = new AgencyDirectory(AGENCIES);
const OPTS = { year: 2026, date: "2026-12-15", directory: dir };
const codes = (fs: Finding[]) => fs.map((f) => f.code);
const only = (fs: Finding[], code: string) => fs.filter((f) => f.code === code);

/**
 * Seed rows with the superseded agencies already replaced and STT renumbered without the
 * seed excerpt's gaps, so each test sees only its own problem.
 */
function cleanRows(): TrackingRow[] {
  const stt: Record<string, string> = {
    "T2.6": "2.4",
    "T2.7": "2.5",
    "T4.3": "4.2",
    "T4.4": "4.3",
  };
  const rename: Record<string, string> = {
    "Sở Thông tin và Truyền thông": "Sở Khoa học và Công nghệ",
    "Sở Lao động - Thương binh và Xã hội": "Sở Nội vụ",
    "Ban Dân tộc": "Sở Dân tộc và Tôn giáo",
  };
  return seedRows().map((r) => ({
    ...r,
    stt: stt[r.key] ?? r.stt,
    lead: rename[r.lead] ?? r.lead,
    partners: r.partners.map((p) => rename[p] ?? p),
  }));
}

describe("validateTracking", () => {
  it("finds nothing in a clean, consistent workbook", () => {
    const rows = cleanRows();
    Object.assign(rowOf(rows, "T1.2"), {
      status: "Hoàn thành",
      typed: { ...rowOf(rows, "T1.2").typed, status: "Hoàn thành" },
      completedOn: "2026-11-20",
      progress: 100,
    });
    expect(validateTracking(seedWorkbook(rows), OPTS)).toEqual([]);
  });

  it("flags agencies superseded by the 2025 reorganization, with the successor as fix", () => {
    const fs = validateTracking(seedWorkbook(), OPTS);
    const lead = only(fs, "AGENCY_SUPERSEDED").find(
      (f) =>
        f.location.row === rowOf(seedRows(), "T2.2").sheetRow &&
        f.location.column === "Đơn vị chủ trì"
    )!;
    expect(lead.severity).toBe("warning");
    // The place is data, the message the text alone; together they read as they always did.
    expect(lead.location).toEqual({
      file: "theo-doi-4784.xlsx",
      sheet: "Nhiệm vụ",
      row: 8,
      column: "Đơn vị chủ trì",
      task: rowOf(seedRows(), "T2.2").stt,
    });
    expect(lead.subject).toBe("Sở Thông tin và Truyền thông");
    expect(lead.message).toBe(
      '"Sở Thông tin và Truyền thông" đã được sắp xếp lại (từ 01/03/2025); nhiệm vụ nay do "Sở Khoa học và Công nghệ" thực hiện (theo cột "Đơn vị kế thừa" ở trang "Đơn vị").'
    );
    expect(placedMessage(lead)).toBe(
      'Trang "Nhiệm vụ", dòng 8, cột "Đơn vị chủ trì": "Sở Thông tin và Truyền thông" đã được sắp xếp lại (từ 01/03/2025); nhiệm vụ nay do "Sở Khoa học và Công nghệ" thực hiện (theo cột "Đơn vị kế thừa" ở trang "Đơn vị").'
    );
    expect(lead.fix?.value).toBe("Sở Khoa học và Công nghệ");
    // The promise is kept where it is true: the plan's lead stays in "Các đơn vị chủ trì".
    expect(lead.fix?.description).toContain('tên theo kế hoạch vẫn ở cột "Các đơn vị chủ trì"');
    // A partner list gets the whole cell back with only that name replaced.
    const partner = only(fs, "AGENCY_SUPERSEDED").find(
      (f) =>
        f.location.row === rowOf(seedRows(), "T2.3").sheetRow &&
        f.location.column === "Đơn vị phối hợp"
    )!;
    expect(partner.fix?.value).toBe("Sở Khoa học và Công nghệ; Báo Lâm Đồng; Đài PTTH tỉnh");
    // In 2024 the old departments still exist.
    expect(
      only(
        validateTracking(seedWorkbook(), { year: 2024, date: "2024-12-15", directory: dir }),
        "AGENCY_SUPERSEDED"
      )
    ).toEqual([]);
  });

  it("suggests the closest known agency for an unknown name", () => {
    const rows = cleanRows();
    rowOf(rows, "T3.1").lead = "Sở Công Thươn";
    rowOf(rows, "T3.2").lead = "Hội Nông dân tỉnh";
    const fs = only(validateTracking(seedWorkbook(rows), OPTS), "AGENCY_UNKNOWN");
    expect(fs).toHaveLength(2);
    expect(fs[0].fix).toEqual({
      description: 'Sửa thành "Sở Công Thương"',
      value: "Sở Công Thương",
    });
    expect(fs[0].message).toContain('có phải "Sở Công Thương"?');
    expect(fs[1].fix).toBeUndefined();
  });

  it("uses the workbook's own directory when none is given", () => {
    const fs = validateTracking(seedWorkbook(), { year: 2026, date: "2026-12-15" });
    expect(only(fs, "AGENCY_SUPERSEDED").length).toBeGreaterThan(0);
  });

  it("reports missing title and lead as errors", () => {
    const rows = cleanRows();
    rowOf(rows, "T3.1").title = " ";
    rowOf(rows, "T3.2").lead = "";
    const fs = validateTracking(seedWorkbook(rows), OPTS);
    expect(only(fs, "TITLE_MISSING")[0]).toMatchObject({
      severity: "error",
      location: { row: 12, column: "Nhiệm vụ" },
    });
    expect(only(fs, "LEAD_MISSING")[0]).toMatchObject({
      severity: "error",
      location: { row: 13, column: "Đơn vị chủ trì" },
    });
  });

  it("checks STT numbering and hierarchy per task, not per lead row", () => {
    const rows = cleanRows().filter((r) => !["T2.2", "T2.3", "T3.1"].includes(r.key));
    rowOf(rows, "T4.4").stt = "4.2"; // duplicate of T4.3 (two lead rows sharing 4.2: not a duplicate themselves)
    rowOf(rows, "T2.7").group = ""; // outside any group
    rowOf(rows, "T2.6").stt = "3.6"; // numbered in another group
    const fs = validateTracking(seedWorkbook(rows), OPTS);
    expect(only(fs, "STT_GAP").map((f) => f.message.replace(/^.*: /, ""))).toEqual([
      "STT nhóm 2 bị thiếu 2.2, 2.3, 2.4.",
      "STT nhóm 3 bị thiếu 3.1, 3.3, 3.4, 3.5.",
    ]);
    expect(only(fs, "STT_DUPLICATE")).toHaveLength(1);
    expect(only(fs, "STT_DUPLICATE")[0].message).toContain('STT "4.2" trùng với dòng');
    expect(only(fs, "TASK_WITHOUT_GROUP")).toHaveLength(1);
    expect(only(fs, "STT_GROUP_MISMATCH")).toHaveLength(1);
  });

  it("numbers restarting in each group and dashes for sub-items are no duplicate STT", () => {
    const rows = cleanRows();
    rowOf(rows, "T3.2").stt = "1";
    rowOf(rows, "T4.3").stt = "1";
    rowOf(rows, "T2.6").stt = "-";
    rowOf(rows, "T2.7").stt = "-";
    expect(only(validateTracking(seedWorkbook(rows), OPTS), "STT_DUPLICATE")).toEqual([]);
    rowOf(rows, "T4.4").stt = "1"; // in group 4 with T4.3
    expect(only(validateTracking(seedWorkbook(rows), OPTS), "STT_DUPLICATE")).toHaveLength(1);
  });

  it("tasks split from one row's bullets (T4.3a, T4.3b) share its STT without a duplicate warning", () => {
    const rows = cleanRows();
    const src = rowOf(rows, "T4.3");
    const a = { ...src, key: "T4.3a", title: "Tổ chức hội nghị" };
    const b = {
      ...src,
      key: "T4.3b",
      title: "Cập nhật cổng thông tin",
      sheetRow: src.sheetRow + 100,
    };
    const split = rows.filter((r) => r.key !== src.key).concat([a, b]);
    expect(only(validateTracking(seedWorkbook(split), OPTS), "STT_DUPLICATE")).toEqual([]);
    // Another plan row typed with the same STT still is one.
    const c = { ...src, key: "T4.9", title: "Nhiệm vụ khác", sheetRow: src.sheetRow + 101 };
    expect(
      only(validateTracking(seedWorkbook(split.concat([c])), OPTS), "STT_DUPLICATE")
    ).toHaveLength(1);
  });

  it("flags the same task typed twice (same title and lead, any spelling)", () => {
    const rows = cleanRows();
    rows.push({
      ...rowOf(rows, "T3.2"),
      key: "T9.1",
      title: "TRIỂN KHAI Chiến lược phát triển các ngành công nghiệp văn hóa đến năm 2030 ",
      sheetRow: 40,
    });
    const fs = only(validateTracking(seedWorkbook(rows), OPTS), "TASK_DUPLICATE");
    expect(fs).toHaveLength(1);
    expect(fs[0].location.row).toBe(40);
    expect(fs[0].message).toContain(`dòng ${rowOf(rows, "T3.2").sheetRow}`);
  });

  it("reads statuses: canonical fix for a wording, error for ambiguous and nonsense", () => {
    const rows = cleanRows();
    rowOf(rows, "T1.2").typed.status = "hoan thanh";
    rowOf(rows, "T1.2").completedOn = "2026-11-30";
    rowOf(rows, "T2.2").typed.status = "Tốt";
    rowOf(rows, "T2.3").typed.status = "Chưa hoàn thành";
    rowOf(rows, "T2.6").typed.status = "xong rồi";
    const fs = validateTracking(seedWorkbook(rows), OPTS);
    const fixes = only(fs, "STATUS_NONCANONICAL");
    expect(fixes.map((f) => f.fix?.value)).toEqual(["Hoàn thành", "Hoàn thành"]);
    expect(fixes[0]).toMatchObject({ severity: "warning", location: { column: "Trạng thái" } });
    expect(fixes[0].message).toContain('trang "Tổng hợp" chưa tính dòng này là đã hoàn thành');
    expect(fixes[0].message).toContain("phuluc rollup đã tính");
    expect(only(fs, "STATUS_INVALID")).toMatchObject([
      { severity: "error", location: { row: rowOf(rows, "T2.2").sheetRow } },
    ]);
    const [ambiguous] = only(fs, "STATUS_AMBIGUOUS");
    expect(ambiguous).toMatchObject({
      severity: "error",
      location: { row: rowOf(rows, "T2.3").sheetRow, column: "Trạng thái" },
    });
    expect(ambiguous.message).toContain("đang thực hiện hay chưa triển khai");
  });

  it("reads dates typed as text: fix when readable, error when not", () => {
    const rows = cleanRows();
    Object.assign(rowOf(rows, "T1.2"), {
      status: "Hoàn thành",
      typed: {
        status: "Hoàn thành",
        completedOn: "15/11/2026",
        progress: "",
        updatedOn: "hôm qua",
      },
    });
    const fs = validateTracking(seedWorkbook(rows), OPTS);
    expect(only(fs, "DATE_AS_TEXT")[0]).toMatchObject({
      fix: { value: "2026-11-15" },
      location: { column: "Ngày hoàn thành" },
    });
    expect(only(fs, "DATE_INVALID")[0]).toMatchObject({
      severity: "error",
      location: { column: "Ngày cập nhật" },
    });
    expect(only(fs, "DONE_WITHOUT_DATE")).toEqual([]); // the text date counts for consistency
  });

  it("reads a completion date typed without a year in the report year, with a finding saying so", () => {
    const rows = cleanRows();
    Object.assign(rowOf(rows, "T1.2"), {
      status: "Hoàn thành",
      typed: { status: "Hoàn thành", completedOn: "15/11", progress: "", updatedOn: "" },
    });
    const fs = validateTracking(seedWorkbook(rows), OPTS);
    const f = only(fs, "DATE_AS_TEXT")[0];
    expect(f).toMatchObject({
      severity: "warning",
      fix: { value: `${OPTS.year}-11-15` },
      location: { column: "Ngày hoàn thành" },
    });
    expect(f.message).toContain(`không ghi năm: hiểu là ngày 15/11/${OPTS.year}`);
    expect(only(fs, "DATE_INVALID")).toEqual([]);
    expect(only(fs, "DONE_WITHOUT_DATE")).toEqual([]);
  });

  it("finds status inconsistent with progress and dates", () => {
    const rows = cleanRows();
    const set = (key: string, status: string | null, more: Partial<TrackingRow>) =>
      Object.assign(rowOf(rows, key), {
        status,
        typed: {
          status: status ?? "",
          completedOn: "",
          progress: String(more.progress ?? ""),
          updatedOn: "",
        },
        ...more,
      });
    set("T1.2", "Hoàn thành", {}); // no completion date
    set("T2.2", "Đang thực hiện", { progress: 100 }); // 100% but not done
    set("T2.3", "Hoàn thành", { completedOn: "2026-12-20" }); // after the report date (15/12)
    set("T2.6", "Chưa triển khai", { progress: 30 }); // progress but not started
    set("T3.1", "Đang thực hiện", { completedOn: "2026-10-01" }); // date but not done
    set("T3.2", null, { progress: 140 });
    const fs = validateTracking(seedWorkbook(rows), OPTS);
    expect(codes(fs)).toEqual(
      expect.arrayContaining([
        "DONE_WITHOUT_DATE",
        "FULL_PROGRESS_NOT_DONE",
        "COMPLETED_AFTER_REPORT_DATE",
        "PROGRESS_BUT_NOT_STARTED",
        "DATE_WITHOUT_DONE",
        "PROGRESS_INVALID",
      ])
    );
    expect(only(fs, "COMPLETED_AFTER_REPORT_DATE")[0].message).toContain(
      "ngày hoàn thành 20/12/2026 sau ngày báo cáo 15/12/2026"
    );
    // A date after the report date cannot be: an error, like progress 140.
    expect(only(fs, "COMPLETED_AFTER_REPORT_DATE")[0].severity).toBe("error");
    expect(
      fs
        .filter((f) => f.severity === "error")
        .map((f) => f.code)
        .sort()
    ).toEqual(["COMPLETED_AFTER_REPORT_DATE", "PROGRESS_INVALID"]);
    // One finding per problem: progress 140 is invalid, not also "100% but not done".
    expect(
      fs.filter((f) => f.location.row === rowOf(rows, "T3.2").sheetRow).map((f) => f.code)
    ).toEqual(["PROGRESS_INVALID"]);
  });

  it("says what the sheet does with each status written another way", () => {
    const rows = cleanRows();
    rowOf(rows, "T1.2").typed.status = "Dang thuc hien";
    rowOf(rows, "T2.2").typed.status = "KHONG THUC HIEN";
    const fs = only(validateTracking(seedWorkbook(rows), OPTS), "STATUS_NONCANONICAL");
    expect(fs.map((f) => f.fix?.value)).toEqual(["Đang thực hiện", "Không thực hiện"]);
    expect(fs[0].message).toContain("chưa tính dòng này là đang thực hiện");
    expect(fs[0].message).not.toContain("hoàn thành");
    expect(fs[1].message).toContain("vẫn tính dòng này là nhiệm vụ phải làm");
  });

  it("tells a dateless Hoàn thành past its deadline apart from one done before it", () => {
    const rows = cleanRows();
    Object.assign(rowOf(rows, "T1.2"), {
      status: "Hoàn thành",
      typed: { ...rowOf(rows, "T1.2").typed, status: "Hoàn thành" },
    });
    const before = only(validateTracking(seedWorkbook(rows), OPTS), "DONE_WITHOUT_DATE")[0];
    expect(before.message).not.toContain('chưa ghi ngày"');
    const after = only(
      validateTracking(seedWorkbook(rows), { ...OPTS, date: "2027-01-10" }),
      "DONE_WITHOUT_DATE"
    )[0];
    expect(after.message).toContain('"Hoàn thành chưa ghi ngày"');
  });

  it("flags unreadable time text and text that looks like a formula", () => {
    const rows = cleanRows();
    rowOf(rows, "T2.7").timeText = "Sau khi có kinh phí";
    rowOf(rows, "T3.2").result = "=Đã tổ chức 3 hội nghị";
    rowOf(rows, "T3.2").extra = { "Ghi chú": "@Sở Tài chính" };
    rowOf(rows, "T4.4").result = "- Đã tổ chức hội nghị"; // a bullet, not a formula
    const fs = validateTracking(seedWorkbook(rows), OPTS);
    expect(only(fs, "SCHEDULE_UNPARSED")).toHaveLength(1);
    expect(only(fs, "FORMULA_LIKE_TEXT").map((f) => f.location.column)).toEqual([
      "Kết quả thực hiện",
      "Ghi chú",
    ]);
  });

  it("keeps 2,000 tasks × 30 agencies exact: one finding per planted problem", () => {
    const agencies = Array.from({ length: 30 }, (_, i) => ({
      name: `Sở Số ${i + 1} Của Tỉnh`,
      shortNames: [],
      aliases: [],
      kind: "department" as const,
    }));
    const d = new AgencyDirectory(agencies);
    const rows: TrackingRow[] = [];
    for (let i = 0; i < 2000; i++) {
      const g = 1 + Math.floor(i / 100);
      rows.push(
        emptyTrackingRow({
          key: `T${g}.${(i % 100) + 1}`,
          stt: `${g}.${(i % 100) + 1}`,
          group: String(g),
          title: `Nhiệm vụ số ${i}`,
          lead: agencies[i % 30].name,
          partners: [agencies[(i + 7) % 30].name],
          timeText: "Hằng năm",
          scheduleCode: codeFor([2024, 2025, 2026]),
          sheetRow: i + 2,
        })
      );
    }
    rows[10].typed.status = "abc"; // STATUS_INVALID
    rows[500].lead = "Sở Số 3 Của Tỉn"; // AGENCY_UNKNOWN with a suggestion
    rows.splice(1234, 1); // STT_GAP in group 13
    const fs = validateTracking(
      { ...seedWorkbook(rows), agencies },
      { year: 2026, date: "2026-12-15", directory: d }
    );
    expect(codes(fs).sort()).toEqual(["AGENCY_UNKNOWN", "STATUS_INVALID", "STT_GAP"]);
    expect(only(fs, "AGENCY_UNKNOWN")[0].fix?.value).toBe("Sở Số 3 Của Tỉnh");
    expect(only(fs, "STT_GAP")[0].message).toContain("13.35");
  });
});
