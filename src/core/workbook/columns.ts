/**
 * The contract of the tracking workbook: sheet names, table names and the columns of the
 * task table. The sheet builder (tracking-workbook.ts), the reader that reads a workbook back
 * (tracking/read-tracking.ts), validation and rollup all use these names and never hard-code
 * column letters: officers may move, insert or hide columns, so columns are found by header.
 *
 * Layout decision (see docs/design/tracking-workbook.md): the task table has ONE ROW PER (task, lead agency).
 * A task with two leads has two rows sharing the same `key`; each agency filters on
 * "Đơn vị chủ trì" and fills its own rows. The task's own status is derived from its rows.
 * A collective lead ("Các Sở, ban, ngành") is expanded into one row per member agency existing on
 * the report date (Agency.memberOf, lead-expansion.ts); "Các đơn vị chủ trì" keeps the plan's leads.
 * Lead and partners are the agencies existing on the report date (a superseded agency's row is
 * its successor's, per the "Đơn vị kế thừa" column); "Các đơn vị chủ trì" and "Phối hợp theo
 * kế hoạch" keep the plan's names, visible and printed.
 */

export const TEMPLATE_VERSION = 1;

export const SHEETS = {
  info: "Thông tin",
  tasks: "Nhiệm vụ",
  agencies: "Đơn vị",
  summary: "Tổng hợp",
  history: "Lịch sử",
  meta: "_phuluc",
  /** One line per expected agency per consolidation of a year (INTAKE_COLUMNS; issue 6/7 contract). */
  intake: "Tiếp nhận",
  /** What partner agencies reported they contributed, per (year, task, agency). */
  contributions: "Phối hợp báo cáo",
  /** Hidden: the tracked values the last consolidation left (core/exchange/baseline-sheet.ts). */
  baseline: "_phuluc_tonghop",
} as const;

export const TABLES = {
  tasks: "NhiemVu",
  agencies: "DonVi",
  history: "LichSu",
  intake: "TiepNhan",
  contributions: "PhoiHopBaoCao",
} as const;

/**
 * Columns of "Tiếp nhận" (table TiepNhan), written by `phuluc consolidate` and the pane: one row
 * per agency expected to report for "Năm báo cáo", per consolidation (re-running replaces that
 * year's rows). Reports read it to list the agencies that did not report.
 */
export const INTAKE_COLUMNS = {
  year: "Năm báo cáo",
  agency: "Đơn vị",
  file: "Tệp",
  reportDate: "Ngày báo cáo",
  matchedRows: "Số dòng khớp",
  outcome: "Kết quả",
  consolidatedAt: "Thời điểm tổng hợp",
  /** The agency's words that landed in no task row (notes under its table, rows it added). */
  outside: "Nội dung chưa tổng hợp",
} as const;

/** Values of INTAKE_COLUMNS.outcome. */
export const INTAKE_OUTCOMES = {
  received: "Đã nhận",
  /** A file came back with nothing filled in (as distributed, or no value at all). */
  receivedEmpty: "Đã nhận, chưa điền gì",
  missing: "Chưa nhận",
  rejected: "Bị từ chối",
} as const;

/** Columns of "Phối hợp báo cáo" (table PhoiHopBaoCao). */
export const CONTRIBUTION_COLUMNS = {
  year: "Năm báo cáo",
  key: "Mã nhiệm vụ",
  title: "Nhiệm vụ",
  lead: "Đơn vị chủ trì",
  agency: "Đơn vị phối hợp",
  contribution: "Nội dung phối hợp đã thực hiện",
  evidence: "Văn bản, minh chứng",
  file: "Tệp",
} as const;

/** Workbook names (defined names) for the inputs on the info sheet. */
export const NAMES = {
  reportYear: "NamBaoCao",
  reportDate: "NgayBaoCao",
  dueSoonDays: "SoNgaySapDenHan",
  /** The directory's name column (to a generous row bound): source of the lead dropdown. */
  agencyList: "DsDonVi",
} as const;

/** Columns of the task table, in the order they are written. Extra plan columns follow. */
export const TASK_COLUMNS = {
  key: "Mã nhiệm vụ",
  stt: "STT",
  group: "Nhóm",
  groupTitle: "Tên nhóm",
  title: "Nhiệm vụ",
  lead: "Đơn vị chủ trì",
  allLeads: "Các đơn vị chủ trì",
  partners: "Đơn vị phối hợp",
  timeText: "Thời gian thực hiện",
  years: "Các năm thực hiện",
  deadline: "Hạn hoàn thành",
  /**
   * Hidden helper: the task's per-year deadlines as ";2024=20241231;2026=20260630;" (full dates:
   * a multi-year task's entries all hold its final deadline; "00000000" = due that year with no
   * deadline; empty = every year, no deadline; format in schedule-code.ts). "Hạn hoàn thành" and
   * "Tình trạng" are formulas over it, so changing Năm báo cáo re-derives them (see formulas.ts).
   */
  scheduleCode: "Mã lịch hạn",
  // Tracking columns, filled by the lead agency for the reporting year:
  status: "Trạng thái",
  completedOn: "Ngày hoàn thành",
  progress: "Tiến độ (%)",
  result: "Kết quả thực hiện",
  evidence: "Văn bản, minh chứng",
  difficulties: "Khó khăn, vướng mắc",
  proposals: "Đề xuất, kiến nghị",
  updatedOn: "Ngày cập nhật",
  // Derived by formula from the above and the report date:
  derived: "Tình trạng",
  /** Task-level status across its lead rows, by formula: "1/2 đơn vị hoàn thành". */
  taskProgress: "Tình trạng nhiệm vụ",
  /**
   * The plan's partners as it names them ("Đơn vị phối hợp" holds the agencies of the report
   * date). Last, so the letters of the columns before it stay those of earlier workbooks.
   */
  planPartners: "Phối hợp theo kế hoạch",
  /**
   * "Giao thực hiện" or "Đề nghị" (KIND_LABELS): requests are tracked but counted apart in
   * "Tổng hợp". After the columns of earlier workbooks, so their letters stay.
   */
  kind: "Loại nhiệm vụ",
  /**
   * Hidden helper, by formula: on the task's first row only, the task's status for its partners
   * (the least advanced status of its lead rows, formulas.ts PARTNER_STATUS_ORDER), so "Tổng
   * hợp" counts partner work once per task, whatever the number of lead rows.
   */
  partnerStatus: "Tình trạng cho đơn vị phối hợp",
  /**
   * Hidden: the plan's lead and partner cells word for word (Task.leadText/partnersText), what
   * the printed phụ lục shows, with the plan's commas, "và" and line breaks. Empty for a task
   * added by hand (the appendix then names "Các đơn vị chủ trì" / "Phối hợp theo kế hoạch").
   * Last, so the letters of the columns before them stay those of earlier workbooks.
   */
  leadText: "Chủ trì (nguyên văn kế hoạch)",
  partnersText: "Phối hợp (nguyên văn kế hoạch)",
} as const;

export type TaskColumnId = keyof typeof TASK_COLUMNS;

/** The columns a year of tracking fills in; roll-over archives them into history. */
export const TRACKED_COLUMNS = [
  "status",
  "completedOn",
  "progress",
  "result",
  "evidence",
  "difficulties",
  "proposals",
  "updatedOn",
] as const satisfies readonly TaskColumnId[];

/** "Loại nhiệm vụ": an empty or unknown cell reads as an assignment (older workbooks). */
export const KIND_LABELS = {
  assignment: "Giao thực hiện",
  request: "Đề nghị",
} as const;

/** What an officer enters in "Trạng thái". */
export const STATUS_VALUES = [
  "Chưa triển khai",
  "Đang thực hiện",
  "Hoàn thành",
  "Không thực hiện",
] as const;
export type StatusValue = (typeof STATUS_VALUES)[number];

/** What the workbook derives ("Tình trạng") for the reporting year and report date. */
export const DERIVED_STATUS = {
  doneOnTime: "Hoàn thành đúng hạn",
  doneLate: "Hoàn thành quá hạn",
  /** Done, no completion date, deadline already past on the report date: timing unknown. */
  doneUndated: "Hoàn thành chưa ghi ngày",
  inProgress: "Đang thực hiện trong hạn",
  overdue: "Quá hạn",
  notDue: "Chưa đến hạn",
  noDeadline: "Thường xuyên",
  notThisYear: "Không thuộc năm báo cáo",
  notDone: "Không thực hiện",
  /**
   * Done in an earlier year the task was due in (a multi-year task completed in 2026, still
   * listed in 2027): that year's result, kept in "Lịch sử", outside this year's figures.
   */
  doneEarlier: "Hoàn thành năm trước",
} as const;

/** Columns of the agency directory table. */
export const AGENCY_COLUMNS = {
  name: "Tên đơn vị",
  shortNames: "Tên viết tắt",
  aliases: "Tên gọi khác",
  kind: "Loại",
  successor: "Đơn vị kế thừa",
  effective: "Ngày hiệu lực",
  /** Collectives the agency belongs to, "; "-separated (Agency.memberOf): who a collective lead expands to. */
  memberOf: "Thuộc nhóm",
  /**
   * Agency.since: the date an agency created by a reorganization exists from; a year before it
   * has no rows, files or partner lines for it (a 2018 distribution sends nothing to an agency
   * founded in 2025). Last, so the letters of earlier workbooks stay.
   */
  since: "Thành lập từ",
} as const;
