/**
 * The layout of an agency's report workbook (made by `distribute`, read back by `consolidate`):
 * sheet names and column headers. Columns are found by header when reading, like the tracking
 * workbook's, so an agency that moves or hides one still reports correctly.
 */
import { TASK_COLUMNS } from "../workbook/columns";

export const REPORT_SHEETS = {
  guide: "Hướng dẫn",
  lead: "Chủ trì",
  partner: "Phối hợp",
} as const;

/** The lead sheet: plan columns (locked), then the tracked columns the agency fills. */
export const LEAD_REPORT_COLUMNS = {
  key: TASK_COLUMNS.key,
  stt: TASK_COLUMNS.stt,
  title: TASK_COLUMNS.title,
  timeText: TASK_COLUMNS.timeText,
  deadline: TASK_COLUMNS.deadline,
  partners: TASK_COLUMNS.partners,
  status: TASK_COLUMNS.status,
  completedOn: TASK_COLUMNS.completedOn,
  progress: TASK_COLUMNS.progress,
  result: TASK_COLUMNS.result,
  evidence: TASK_COLUMNS.evidence,
  difficulties: TASK_COLUMNS.difficulties,
  proposals: TASK_COLUMNS.proposals,
  updatedOn: TASK_COLUMNS.updatedOn,
} as const;

export const PARTNER_REPORT_COLUMNS = {
  key: TASK_COLUMNS.key,
  stt: TASK_COLUMNS.stt,
  title: TASK_COLUMNS.title,
  lead: TASK_COLUMNS.allLeads,
  timeText: TASK_COLUMNS.timeText,
  deadline: TASK_COLUMNS.deadline,
  contribution: "Nội dung phối hợp đã thực hiện",
  evidence: TASK_COLUMNS.evidence,
} as const;

/** Label of the report-date input on the instructions sheet. */
export const REPORT_DATE_LABEL = "Ngày báo cáo";
/** Row of the column headers on the lead and partner sheets (a title block above). */
export const REPORT_HEADER_ROW = 5;
