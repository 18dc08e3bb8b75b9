/**
 * A paper as a new, print-ready sheet of the open workbook (render/office, 2 syncs). A sheet of
 * the same name (printed earlier, maybe edited by hand) is kept under a backup name, never
 * overwritten.
 */
import type { WorkbookSpec } from "../core/spec/sheet-spec";

export async function paperSheetInExcel(
  spec: WorkbookSpec
): Promise<{ sheet: string; backups: string[] }> {
  const { renderToOffice } = await import(
    /* webpackChunkName: "office-render" */ "../render/office/render-workbook"
  );
  return Excel.run(async (context) => {
    const r = await renderToOffice(context, spec, { onConflict: async () => "backup" });
    // renderToOffice refuses a spec without sheets (assertValidSpec).
    const [paper] = spec.sheets;
    if (!paper) throw new Error("paper spec without a sheet");
    return { sheet: paper.name, backups: r.backups };
  });
}
