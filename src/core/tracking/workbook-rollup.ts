/**
 * The one rollup of a tracking workbook that every output shows: `phuluc rollup --json`, the
 * pane's table, consolidation's `rollup` field and the reports' figures. Agencies as the
 * workbook's own "Đơn vị" sheet knows them (agency/resolve-agency.ts): superseded agencies under
 * their successor on the report date, other spellings under the agency they fit — as the live
 * "Tổng hợp" sheet counts.
 */
import type { TrackingWorkbook } from "../workbook/tracking-model";
import { rollup, type Rollup } from "./rollup";

export function workbookRollup(wb: TrackingWorkbook, year: number, date: string): Rollup {
  return rollup(wb, year, date, { agencies: wb.agencies });
}
