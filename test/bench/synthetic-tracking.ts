/** Tracking workbooks made up for the benchmarks: any number of tasks and lead agencies. */
import {
  emptyTrackingRow,
  type TrackingRow,
  type TrackingWorkbook,
} from "../../src/core/workbook/tracking-model";
import { STATUS_VALUES } from "../../src/core/workbook/columns";

/** `tasks` rows, lead agencies taken in turn from `agencies`, statuses spread over every case. */
export function syntheticTracking(tasks: number, agencies: number): TrackingWorkbook {
  const rows = [];
  for (let i = 0; i < tasks; i++) {
    const g = Math.floor(i / 50) + 1;
    rows.push(
      emptyTrackingRow({
        key: `T${g}.${(i % 50) + 1}`,
        stt: `${g}.${(i % 50) + 1}`,
        group: String(g),
        title: `Nhiệm vụ số ${i + 1} về thông tin đối ngoại`,
        lead: `Sở số ${(i % agencies) + 1}`,
        partners: [`Sở số ${((i + 7) % agencies) + 1}`, `Sở số ${((i + 13) % agencies) + 1}`],
        timeText: "Hằng năm",
        scheduleCode: ";2025=20251231;2026=20261231;",
        status: STATUS_VALUES[i % STATUS_VALUES.length],
        completedOn: i % 4 === 2 ? "2026-10-01" : null,
        sheetRow: i + 2,
      })
    );
  }
  return benchWorkbook(rows, agencies, {}, "2026-12-15");
}

/**
 * A workbook of year 2026 as of `reportDate` holding `rows`, its directory the `agencies` lead
 * agencies the rows name ("Sở số 1", …).
 */
export function benchWorkbook(
  rows: TrackingRow[],
  agencies: number,
  plan: TrackingWorkbook["plan"],
  reportDate: string
): TrackingWorkbook {
  return {
    plan,
    reportYear: 2026,
    reportDate,
    dueSoonDays: 15,
    templateVersion: 1,
    taskSheet: "Nhiệm vụ",
    rows,
    extraColumns: [],
    agencies: Array.from({ length: agencies }, (_, i) => ({
      name: `Sở số ${i + 1}`,
      shortNames: [],
      aliases: [],
      kind: "department" as const,
    })),
    history: [],
  };
}
