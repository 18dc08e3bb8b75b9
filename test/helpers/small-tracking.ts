/** The small plan's tracking workbook as a file, opened as the pane's file mode opens it. */
import { buildTrackingWorkbook } from "../../src/core/workbook/tracking-workbook";
import { writeWorkbook } from "../../src/xlsx";
import { openTrackingBytes, type OpenedTracking } from "../../src/taskpane/tracking-actions";
import type { TrackingState } from "../../src/taskpane/tracking-backend";
import { AGENCIES } from "./tracking-fixtures";
import { PLAN } from "./small-plan";

export async function smallTracking(
  reportYear = 2026,
  reportDate = "2026-11-21"
): Promise<TrackingState> {
  const spec = buildTrackingWorkbook(PLAN, { reportYear, reportDate, directory: AGENCIES });
  const opened: OpenedTracking = await openTrackingBytes(await writeWorkbook(spec), "so.xlsx");
  return { opened, wb: opened.workbook, applied: [] };
}
