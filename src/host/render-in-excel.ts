/**
 * Writes the tracking workbook into the open Excel workbook. The renderer (src/render/office)
 * is loaded lazily: it is only needed on confirm, and only inside Excel.
 */
import type { WorkbookSpec } from "../core/spec/sheet-spec";

export type ConflictChoice = "backup" | "cancel";

export async function renderInExcel(
  spec: WorkbookSpec,
  onConflict: (existing: string[]) => Promise<ConflictChoice>
): Promise<{ syncs: number; backups: string[]; cancelled?: boolean }> {
  const { renderToOffice } = await import(
    /* webpackChunkName: "office-render" */ "../render/office/render-workbook"
  );
  return Excel.run((context) => renderToOffice(context, spec, { onConflict }));
}
