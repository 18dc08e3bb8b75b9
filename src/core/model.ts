/**
 * The domain model shared by every part of Phụ Lục (core, renderers, task pane, CLI).
 * Pure data: no Office, no I/O. See docs/ARCHITECTURE.md and ../shared/DOMAIN.md.
 */

/** A provincial plan (Kế hoạch số N/KH-UBND) as read from its document. */
export interface Plan {
  /** "4784/KH-UBND"; empty when the document leaves the number blank. */
  number: string;
  /** Issue date, ISO "2024-06-13", or null when not found. */
  issuedOn: string | null;
  /** "UBND tỉnh Lâm Đồng". */
  issuer: string;
  /** "Lâm Đồng". */
  province: string;
  /** The plan's title (KẾ HOẠCH …) on one line. */
  title: string;
  /** The appendix title (DANH MỤC …), if any. */
  appendixTitle: string;
  /** Years the plan covers, read from title/body ("đến năm 2030"), not from the issue date. */
  period: { from: number; to: number } | null;
  /**
   * The phụ lục's own column headers as the plan writes them ("TT", "ĐƠN VỊ CHỦ TRÌ", "Thời gian
   * hoàn thành"), by column: the printed appendix uses them.
   */
  headers?: PlanHeaders;
  /** Who signed the plan (its signature block), when found: papers default to it. */
  signer?: PlanSigner;
}

export type PlanHeaders = Partial<Record<"stt" | "title" | "lead" | "partners" | "time", string>>;

/** "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH", and the name under the signature. */
export interface PlanSigner {
  titles: string[];
  name: string;
}

/** A group row of the phụ lục ("1", "I"): only a title, the tasks below belong to it. */
export interface Group {
  /** STT as written ("1", "I", "01"). */
  stt: string;
  title: string;
  /** Row in the source table (1-based), for findings and "go to source". */
  sourceRow: number;
}

/** Where an agency came from in the plan text, and what it matched. */
export interface AgencyRef {
  /** Canonical name from the directory when matched, else the text as written. */
  name: string;
  /** The text as written in the plan. */
  written: string;
  matched: boolean;
  /** For unmatched names: the closest directory name, if any is close. */
  suggestion?: string;
  /**
   * A phrase naming no agency ("các đơn vị có liên quan", agency/vague-phrase.ts): kept as the
   * plan's words, never sent a file, counted or reported.
   */
  vague?: boolean;
}

export type ScheduleKind =
  | "year" // "2024", "Năm 2024"
  | "years" // "2024, 2026, 2028"
  | "range" // "2024 - 2030"
  | "until" // "Đến năm 2030"
  | "annual" // "Hằng năm", "Cả năm"
  | "quarter" // "Quý II", "Quý II, III"
  | "periodic" // "Hàng quý", "Hàng tháng, quý"
  | "month" // "Tháng 6/2025"
  | "continuous" // "Thường xuyên"
  | "on-guidance" // "Khi có hướng dẫn"
  | "unknown";

/** The parsed "Thời gian thực hiện": which years a task is due in, and when inside each. */
export interface Schedule {
  text: string;
  kind: ScheduleKind;
  /** Years the task is due in; null when the text could not be understood. */
  years: number[] | null;
  /** Deadline per due year (ISO date), or null for tasks with no deadline (thường xuyên). */
  deadlines: Record<number, string | null>;
  /** The final deadline of the task (ISO), null when none or unknown. */
  finalDeadline: string | null;
  /** Multi-year tasks ("2024 - 2030") report progress each year and finish at the end. */
  multiYear: boolean;
}

/**
 * "assignment": the plan gives the task to an agency of the UBND. "request": the plan asks a
 * body it cannot direct ("Đề nghị Ban Tuyên giáo Tỉnh ủy …"): tracked, but counted apart.
 */
export type TaskKind = "assignment" | "request";

/** One task of the phụ lục. */
export interface Task {
  /** Stable key: survives re-import and sorting ("T1.1", "T3.2b" for split bullets). */
  key: string;
  /** STT as written; empty when the plan left it empty (then `numbered` is what we gave it). */
  stt: string;
  numbered: string;
  /** STT of the group the task belongs to, or "" when outside any group. */
  group: string;
  title: string;
  lead: AgencyRef[];
  partners: AgencyRef[];
  /**
   * The plan's lead and partner cells as written ("Các sở, ban, ngành, UBND các huyện", "Sở Y tế
   * chủ trì"), spaces normalised, line breaks kept: the printed appendix keeps the plan's wording
   * (`lead`/`partners` are what it names, matched). Absent for tasks not read from a phụ lục
   * table (prose has no cell), or whose agencies the officer retyped.
   */
  leadText?: string;
  partnersText?: string;
  timeText: string;
  schedule: Schedule;
  /** Extra columns of the plan (Sản phẩm, Kinh phí, Ghi chú…), by their header text. */
  extra: Record<string, string>;
  sourceRow: number;
  /** Set when a bullet row was split and the cells could not be aligned: review by hand. */
  needsReview?: boolean;
  /** Absent means "assignment" (every table plan before prose reading existed). */
  kind?: TaskKind;
  /** "prose" when read from the plan's text (Tổ chức thực hiện), not from a phụ lục table. */
  origin?: "table" | "prose";
}

export function taskKind(task: Pick<Task, "kind">): TaskKind {
  return task.kind ?? "assignment";
}

export type AgencyKind =
  | "department" // Sở
  | "board" // Ban
  | "office" // Văn phòng
  | "people-committee" // UBND
  | "police"
  | "military"
  | "media" // Báo, Đài
  | "center" // Trung tâm
  | "collective" // "Các Sở, ban, ngành" …
  | "other";

/** An agency of the directory (editable by the user). */
export interface Agency {
  /** Canonical name: "Sở Thông tin và Truyền thông". */
  name: string;
  /** Short names used in reports: "Sở TT&TT". */
  shortNames: string[];
  /** Other spellings seen in plans: "Sở TT-TT", "Sở Thông tin Truyền thông". */
  aliases: string[];
  kind: AgencyKind;
  /** Set when the agency was merged/renamed (2025 reorganization). */
  successor?: { name: string; effective: string };
  /** Set for agencies created by the reorganization (ISO date): no rows before that date. */
  since?: string;
  /** Collectives stand for many agencies ("Các Sở, ban, ngành"). */
  collective?: boolean;
  /**
   * Names of the collectives this agency belongs to ("Các Sở, ban, ngành"), in any spelling the
   * directory knows. A collective's members are the agencies naming it here: a task led by the
   * collective gets one row per member existing on the report date. Edited by the officer in
   * the "Thuộc nhóm" column of the "Đơn vị" sheet.
   */
  memberOf?: string[];
  /**
   * Only some provinces have this body (Sở Du lịch): the built-in directory knows the name, but
   * a plan's workbook lists it only when the plan names it, so it is nobody's member elsewhere.
   */
  someProvincesOnly?: boolean;
}

export type Severity = "error" | "warning" | "info";

export interface Location {
  file?: string;
  sheet?: string;
  /** A PDF's page (1-based), as its viewer numbers it. */
  page?: number;
  /** 1-based index of the table in the document. */
  table?: number;
  /** 1-based row in the source (table row, sheet row or text line). */
  row?: number;
  /** Column header or letter, as the user sees it. */
  column?: string;
  /** The task's STT as written, when the finding is about one task. */
  task?: string;
}

/**
 * Every problem found anywhere: code for machines, Vietnamese message for people. The place
 * is data (`location`), never part of `message`: `core/finding-place.ts` says it for every reader.
 */
export interface Finding {
  code: string;
  severity: Severity;
  /** Vietnamese, WITHOUT the place ("nhiệm vụ chưa có nội dung."); may start lower case. */
  message: string;
  location: Location;
  /** A safe, automatic fix, when there is one. */
  fix?: { description: string; value: string };
  /** What the finding is about, as written (an unknown agency's name, a time text): findings group by it. */
  subject?: string;
}

/** What an import yields: the plan, its structure, and everything worth telling the user. */
export interface ImportResult {
  plan: Plan;
  groups: Group[];
  tasks: Task[];
  /** Header texts of the plan's extra columns, in order. */
  extraColumns: string[];
  findings: Finding[];
  /** Source file name as given by the user. */
  source: string;
  /** Where the tasks were read: the phụ lục table, or the plan's prose (no table). */
  origin?: "table" | "prose";
  /**
   * Tasks assigned in the prose that the phụ lục table does not have: offered to the officer,
   * never merged silently. Empty or absent when there are none.
   */
  additions?: { groups: Group[]; tasks: Task[] };
}
