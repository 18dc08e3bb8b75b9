/** Codes of InputError (import stops) and of findings (import goes on), for machines and tests. */

export const INPUT_ERRORS = {
  FILE_CORRUPT: "FILE_CORRUPT",
  LEGACY_DOC: "LEGACY_DOC",
  ENCRYPTED: "ENCRYPTED",
  TOO_LARGE: "TOO_LARGE",
  NO_TABLE: "NO_TABLE",
  EMPTY_TABLE: "EMPTY_TABLE",
} as const;

export const FINDINGS = {
  /** Several phụ lục tables that are not one continued table: only the first is imported. */
  EXTRA_TABLE_IGNORED: "EXTRA_TABLE_IGNORED",
  /** A task row with an empty STT: numbered automatically. */
  STT_EMPTY: "STT_EMPTY",
  /** Two rows with the same STT. */
  STT_DUPLICATE: "STT_DUPLICATE",
  /** A task above the first group row. */
  TASK_WITHOUT_GROUP: "TASK_WITHOUT_GROUP",
  /** A bullet row whose other cells do not hold one bullet per task. */
  BULLET_MISMATCH: "BULLET_MISMATCH",
  /** A task row with no lead agency. */
  LEAD_MISSING: "LEAD_MISSING",
  AGENCY_UNKNOWN: "AGENCY_UNKNOWN",
  SCHEDULE_UNPARSED: "SCHEDULE_UNPARSED",
  /** A cell starting with "=" or "@": kept as text, never as a formula. */
  FORMULA_LIKE_TEXT: "FORMULA_LIKE_TEXT",
  PLAN_NUMBER_MISSING: "PLAN_NUMBER_MISSING",
  ISSUE_DATE_MISSING: "ISSUE_DATE_MISSING",
  PERIOD_MISSING: "PERIOD_MISSING",
} as const;

export type InputErrorCode = (typeof INPUT_ERRORS)[keyof typeof INPUT_ERRORS];
export type FindingCode = (typeof FINDINGS)[keyof typeof FINDINGS];
