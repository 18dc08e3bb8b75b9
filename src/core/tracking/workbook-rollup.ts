/**
 * The one rollup of a tracking workbook that every output shows: `phuluc rollup --json`, the
 * pane's table, consolidation's `rollup` field and the reports' figures. Agencies as the
 * workbook's own "Đơn vị" sheet knows them: superseded agencies under their successor on the
 * report date, other spellings under the agency they fit — as the live "Tổng hợp" sheet counts.
 */
import { AgencyDirectory } from "../agency/directory";
import type { TrackingWorkbook } from "../workbook/tracking-model";
import { rollup, type Rollup } from "./rollup";

export function workbookRollup(wb: TrackingWorkbook, year: number, date: string): Rollup {
  return rollup(wb, year, date, {
    directory: new AgencyDirectory(wb.agencies),
    spellings: wb.agencies,
  });
}
