/**
 * "Đơn vị": the agency directory as an Excel table. Its name column feeds the lead dropdown
 * through the name DsDonVi, which reaches GROWTH_MARGIN rows below the table so agencies added
 * at the end appear in the list (in Excel and LibreOffice; a table reference would not survive
 * LibreOffice, a bounded range does).
 */
import type { Agency, AgencyKind } from "../model";
import type { CellValue, SheetSpec } from "../spec/sheet-spec";
import { quoteSheetName } from "../spec/a1";
import { AGENCY_COLUMNS, NAMES, SHEETS, TABLES } from "./columns";
import { fullStyle } from "./sheet-style";
import { readableSheet } from "./print-width";
import { BODY_STYLE, DATE_STYLE, HEADER_STYLE, printLayout } from "./styles";
import { GROWTH_MARGIN } from "./task-layout";

/** Vietnamese labels of AgencyKind, as shown in "Loại" (readers map them back). */
export const AGENCY_KIND_LABELS: Record<AgencyKind, string> = {
  department: "Sở",
  board: "Ban",
  office: "Văn phòng",
  "people-committee": "UBND",
  police: "Công an",
  military: "Quân sự",
  media: "Báo, Đài",
  center: "Trung tâm",
  collective: "Nhiều đơn vị",
  other: "Khác",
};

const HEADERS = Object.values(AGENCY_COLUMNS);
export const AGENCY_MAX_LINES = 4;

function agencyRow(a: Agency): CellValue[] {
  return [
    a.name,
    a.shortNames.join("; "),
    a.aliases.join("; "),
    AGENCY_KIND_LABELS[a.collective ? "collective" : a.kind],
    a.successor?.name ?? "",
    // A directory read back from a workbook may hold a successor without a readable date.
    a.successor?.effective ? { date: a.successor.effective } : null,
    (a.memberOf ?? []).join("; "),
    a.since ? { date: a.since } : null,
  ];
}

/** The name the lead dropdown uses: the name column from the first data row to the margin. */
export function agencyListName(directory: Agency[]): { name: string; refersTo: string } {
  const bottom = 1 + Math.max(directory.length, 1) + GROWTH_MARGIN;
  return {
    name: NAMES.agencyList,
    refersTo: `${quoteSheetName(SHEETS.agencies)}!$A$2:$A$${bottom}`,
  };
}

export function agenciesSheet(directory: Agency[]): SheetSpec {
  const rows =
    directory.length > 0 ? directory.map(agencyRow) : [HEADERS.map((): CellValue => null)];
  const last = 1 + rows.length;
  return readableSheet(
    {
      name: SHEETS.agencies,
      visibility: "visible",
      columns: [
        { width: 42 },
        { width: 22 },
        { width: 40 },
        { width: 14 },
        { width: 36 },
        { width: 14 },
        { width: 30 },
        { width: 14 },
      ],
      blocks: [{ address: "A1", values: [HEADERS, ...rows] }],
      styles: [
        { range: "A1:H1", style: fullStyle(HEADER_STYLE) },
        { range: `A2:H${last}`, style: fullStyle(BODY_STYLE) },
        { range: `F2:F${last}`, style: fullStyle(BODY_STYLE, DATE_STYLE) },
        { range: `H2:H${last}`, style: fullStyle(BODY_STYLE, DATE_STYLE) },
      ],
      merges: [],
      tables: [
        {
          name: TABLES.agencies,
          range: `A1:H${last}`,
          columns: HEADERS,
          style: "TableStyleLight1",
          showRowStripes: true,
        },
      ],
      validations: [],
      conditionalFormats: [],
      freeze: { rows: 1, columns: 0 },
      // Printed like the other tables; the agency name repeats when it prints two pages wide.
      pageLayout: printLayout("1:1", "A:A"),
    },
    // "Tên gọi khác" can hold hundreds of generated variants (Báo An Giang; Báo Bà Rịa…): a row
    // shows the first lines, not a page of them.
    { maxLines: AGENCY_MAX_LINES }
  );
}
