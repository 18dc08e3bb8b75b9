/**
 * Excel without Excel: a plan's tracking workbook rendered by the real Office renderer into the
 * stateful Office fake (test/fakes), and `Excel.run` pointed at a fake.
 */
import type { ImportResult } from "../../src/core/model";
import { buildTrackingWorkbook } from "../../src/core/workbook/tracking-workbook";
import { renderToOffice } from "../../src/render/office/render-workbook";
import { FakeExcel } from "../fakes/office-fake";
import { AGENCIES } from "./tracking-fixtures";

/** The plan's tracking workbook, report year 2026 as of 21/11/2026, in a new fake. */
export async function renderedTracking(plan: ImportResult): Promise<FakeExcel> {
  const fake = new FakeExcel({ sheets: [{ name: "Sheet1" }] });
  const spec = buildTrackingWorkbook(plan, {
    reportYear: 2026,
    reportDate: "2026-11-21",
    directory: AGENCIES,
  });
  await renderToOffice(fake.context, spec, { onConflict: async () => "backup" });
  return fake;
}

/** Excel.run on the fake, as Office.js runs it in Excel. */
export function useFake(fake: FakeExcel): void {
  (globalThis as unknown as { Excel: unknown }).Excel = {
    run: (fn: (c: unknown) => Promise<unknown>) => fn(fake.context),
  };
}
