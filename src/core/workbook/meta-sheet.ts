/**
 * "_phuluc" (very hidden): what wrote this workbook, for readers. A reader compares the
 * template version, and finds moved or renamed columns through the id → header map.
 */
import type { CellValue, SheetSpec } from "../spec/sheet-spec";
import { SHEETS, TABLES, TEMPLATE_VERSION } from "./columns";
import type { TaskLayout } from "./task-layout";
import type { PlanHeaders, PlanSigner } from "../model";

export const META_KEYS = {
  templateVersion: "templateVersion",
  planNumber: "planNumber",
  generatedOn: "generatedOn",
  reportYear: "reportYear",
  source: "source",
  taskTable: "taskTable",
  /** The plan's signer read at import, as JSON {titles, name}: papers default to it. */
  planSigner: "planSigner",
  /** The phụ lục's column headers as the plan writes them, JSON (after the column map). */
  planHeaders: "planHeaders",
} as const;

/** Row where the column map starts (its header row): id | header | letter. */
const META_COLUMNS_ROW = 9;

export function metaSheet(
  layout: TaskLayout,
  info: {
    planNumber: string;
    generatedOn: string;
    reportYear: number;
    source: string;
    planSigner?: PlanSigner;
    planHeaders?: PlanHeaders;
  }
): SheetSpec {
  const pairs: [string, CellValue][] = [
    [META_KEYS.templateVersion, TEMPLATE_VERSION],
    [META_KEYS.planNumber, info.planNumber],
    [META_KEYS.generatedOn, info.generatedOn],
    [META_KEYS.reportYear, info.reportYear],
    [META_KEYS.source, info.source],
    [META_KEYS.taskTable, TABLES.tasks],
    // Row 8, the last before the column map.
    [META_KEYS.planSigner, info.planSigner ? JSON.stringify(info.planSigner) : null],
  ];
  const columnMap = layout.columns.map((c): CellValue[] => [c.id, c.header, c.letter]);
  return {
    name: SHEETS.meta,
    visibility: "veryHidden",
    columns: [{ width: 18 }, { width: 30 }, { width: 8 }],
    blocks: [
      { address: "A1", values: [["key", "value"], ...pairs.map(([k, v]) => [k, v])] },
      { address: `A${META_COLUMNS_ROW}`, values: [["column", "header", "letter"], ...columnMap] },
      // Key/value pairs after the map are read as pairs too (read-meta-sheet.ts).
      ...(info.planHeaders
        ? [
            {
              address: `A${META_COLUMNS_ROW + columnMap.length + 2}`,
              values: [[META_KEYS.planHeaders, JSON.stringify(info.planHeaders)]],
            },
          ]
        : []),
    ],
    styles: [],
    merges: [],
    tables: [],
    validations: [],
    conditionalFormats: [],
  };
}
