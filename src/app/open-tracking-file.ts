/** Bytes of a tracking workbook (.xlsx) → the core's TrackingWorkbook, for the CLI and the pane. */
import { readTracking, type ReadTrackingResult } from "../core/tracking/read-tracking";

export async function openTrackingFile(
  bytes: Uint8Array,
  fileName: string
): Promise<ReadTrackingResult> {
  const { readWorkbookCells } = await import("../xlsx/index");
  return readTracking(await readWorkbookCells(bytes, fileName), fileName);
}
