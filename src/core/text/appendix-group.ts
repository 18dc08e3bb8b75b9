/**
 * A plan with several phụ lục tables (Phụ lục I, II…) has its groups written "PL I – I.",
 * "PL II – I." in the group column, so the appendices' groups never mix; the import writes them
 * and the workbook's checks read the group's own number back.
 */

/**
 * "PL II – 1." for group "1." of Phụ lục II, "PL II" for the appendix itself; a later task table
 * under no "PHỤ LỤC" heading is "Bảng 2".
 */
export function appendixGroup(appendix: string, stt?: string): string {
  return stt ? `${appendix} – ${stt}` : appendix;
}

/** The group's own number: "PL II – 1." and "1." are both group 1 (of "1.1"). */
export function groupNumber(group: string): string {
  return group
    .trim()
    .replace(/^(?:PL [IVXLC\d]+|Bảng \d+) – /, "")
    .replace(/[.)]$/, "");
}
