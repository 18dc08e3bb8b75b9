/**
 * Excel mode without Excel: a tracking workbook rendered by the real Office renderer into the
 * stateful Office fake (test/fakes), `Excel.run` pointed at it, and the pane rendered with
 * PaneContext in Excel mode. The backend is the pane's Excel backend on that fake, wrapped so a
 * test can make a job fail or hold it open (to see the busy state).
 */
import * as React from "react";
import { render } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { SHEETS } from "../../src/core/workbook/columns";
import { excelBackend, type TrackingBackend } from "../../src/taskpane/tracking-backend";
import { PaneProvider, type PaneContextValue } from "../../src/taskpane/pane-context";
import { excelImportBackend, type ImportBackend } from "../../src/taskpane/import-backend";
import { FakeExcel } from "../fakes/office-fake";
import { PLAN } from "../helpers/small-plan";
import { renderedTracking, useFake } from "../helpers/tracking-in-fake";

export { PLAN, useFake };

/** The open workbook: the plan's tracking workbook, report year 2026. */
export async function openWorkbookInFake(): Promise<FakeExcel> {
  const fake = await renderedTracking(PLAN);
  useFake(fake);
  return fake;
}

/** The officer types into the "Nhiệm vụ" sheet, as in Excel between two clicks. */
export function typeCell(fake: FakeExcel, address: string, value: string): void {
  fake.sheet(SHEETS.tasks).cells.set(address, { value });
}

export function cellValue(fake: FakeExcel, sheet: string, address: string): unknown {
  return fake.sheet(sheet).cells.get(address)?.value;
}

/** A job held open until `release()`: the pane's busy state can be seen meanwhile. */
export function deferred() {
  let release!: () => void;
  const promise = new Promise<void>((r) => (release = r));
  return { promise, release };
}

export interface PaneOptions {
  mode?: "excel" | "file";
  tracking?: TrackingBackend;
  importing?: ImportBackend;
}

/** The pane's part `ui` (Excel mode unless told), with a status line the test reads. */
export function renderPane(ui: React.ReactElement, o: PaneOptions = {}) {
  const status: string[] = [];
  const value: PaneContextValue = {
    mode: o.mode ?? "excel",
    ready: true,
    onStatus: (t) => status.push(t),
    tracking: o.tracking ?? excelBackend,
    importing: o.importing ?? excelImportBackend,
  };
  const utils = render(
    <FluentProvider theme={webLightTheme}>
      <PaneProvider value={value}>{ui}</PaneProvider>
    </FluentProvider>
  );
  return { ...utils, status };
}

/** What the officer can click: not disabled (Fluent sets the attribute). */
export function enabled(el: HTMLElement): boolean {
  return !el.hasAttribute("disabled") && el.getAttribute("aria-disabled") !== "true";
}

export function text(el: HTMLElement): string {
  return el.textContent ?? "";
}

export function value(el: HTMLElement): string {
  return (el as HTMLInputElement | HTMLSelectElement).value;
}
