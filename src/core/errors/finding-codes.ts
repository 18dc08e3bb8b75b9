/** Codes of InputError (import stops) and of findings (import goes on), for machines and tests. */

export const INPUT_ERRORS = {
  FILE_CORRUPT: "FILE_CORRUPT",
  LEGACY_DOC: "LEGACY_DOC",
  ENCRYPTED: "ENCRYPTED",
  TOO_LARGE: "TOO_LARGE",
  /** A text plan in an encoding we cannot tell: the message names it and asks for UTF-8. */
  ENCODING: "ENCODING",
  /** A PDF whose pages are pictures (a scan): no text to read. */
  SCANNED_PDF: "SCANNED_PDF",
  NO_TABLE: "NO_TABLE",
  EMPTY_TABLE: "EMPTY_TABLE",
  /** A phụ lục (or prose) was found but no task row in it: never an empty import. */
  NO_TASKS: "NO_TASKS",
  /** No phụ lục table, and the "Tổ chức thực hiện" section names no agency. */
  PROSE_NO_AGENCIES: "PROSE_NO_AGENCIES",
  /** The open workbook changed since it was checked: the finding to fix is no longer there. */
  WORKBOOK_CHANGED: "WORKBOOK_CHANGED",
  /** A finding's cell cannot be selected (its sheet was renamed or deleted). */
  CELL_NOT_FOUND: "CELL_NOT_FOUND",
} as const;

export const FINDINGS = {
  /** A later phụ lục (Phụ lục II…) with no task row: nothing imported from it. */
  EXTRA_TABLE_IGNORED: "EXTRA_TABLE_IGNORED",
  /** A later phụ lục (Phụ lục II…) imported too, under groups of its own. */
  EXTRA_APPENDIX_IMPORTED: "EXTRA_APPENDIX_IMPORTED",
  /** A task row with an empty STT: numbered automatically. */
  STT_EMPTY: "STT_EMPTY",
  /** Two rows with the same STT. */
  STT_DUPLICATE: "STT_DUPLICATE",
  /** A task above the first group row. */
  TASK_WITHOUT_GROUP: "TASK_WITHOUT_GROUP",
  /** A bullet row whose other cells do not hold one bullet per task. */
  BULLET_MISMATCH: "BULLET_MISMATCH",
  /** A bullet row split into tasks although no other cell has one bullet per task. */
  BULLETS_SPLIT: "BULLETS_SPLIT",
  /** Words of a phụ lục cell that reached no task, group or finding: named, never dropped. */
  TEXT_NOT_IMPORTED: "TEXT_NOT_IMPORTED",
  /** A row of the table that is a note or a total ("Ghi chú: …", "Tổng cộng"): not imported. */
  NOTE_ROW: "NOTE_ROW",
  /** A sub-item row ("a)", "1.1") with no details of its own: a line of the task above. */
  SUBITEM_IN_TASK: "SUBITEM_IN_TASK",
  /** A task row with no lead agency. */
  LEAD_MISSING: "LEAD_MISSING",
  AGENCY_UNKNOWN: "AGENCY_UNKNOWN",
  SCHEDULE_UNPARSED: "SCHEDULE_UNPARSED",
  /** A cell starting with "=" or "@": kept as text, never as a formula. */
  FORMULA_LIKE_TEXT: "FORMULA_LIKE_TEXT",
  PLAN_NUMBER_MISSING: "PLAN_NUMBER_MISSING",
  ISSUE_DATE_MISSING: "ISSUE_DATE_MISSING",
  PERIOD_MISSING: "PERIOD_MISSING",
  /** The tasks were read from the plan's prose (no phụ lục table): check them. */
  PROSE_READ: "PROSE_READ",
  /** "Phối hợp với Sở X …" under another agency's heading: X leads. */
  PROSE_LEAD_SWAPPED: "PROSE_LEAD_SWAPPED",
  /** An agency heading with no task under it. */
  PROSE_HEADING_EMPTY: "PROSE_HEADING_EMPTY",
  /** Paragraphs of the section that belong to no agency (or the plan's closing): not tasks. */
  PROSE_TEXT_SKIPPED: "PROSE_TEXT_SKIPPED",
  /** Prose tasks naming no time: recurring over the plan's period. */
  PROSE_TIME_ASSUMED: "PROSE_TIME_ASSUMED",
  /** "Đề nghị …" tasks: tracked apart from assignments. */
  PROSE_REQUESTS: "PROSE_REQUESTS",
  /** Prose tasks the phụ lục table does not have: offered as additions. */
  PROSE_ADDITIONS: "PROSE_ADDITIONS",
  /** Pages of a PDF that are pictures (scanned): their tasks, if any, were not read. */
  SCANNED_PAGES: "SCANNED_PAGES",
  /**
   * A PDF cell at the top of a page left empty under a merged cell cut by the page break: the
   * merged cell's text was taken (the rest of the merge and a cell empty on purpose look alike).
   */
  PDF_CELL_CARRIED: "PDF_CELL_CARRIED",
  /** Text of a PDF inside a table's area that no cell took: said, with the text, not dropped. */
  PDF_TEXT_OUTSIDE_CELLS: "PDF_TEXT_OUTSIDE_CELLS",
} as const;
