/**
 * What every part of the pane needs, given once by App instead of passed down section by
 * section: Excel or file mode, where the work goes (the backends), the live status line.
 * Component tests give their own value (a fake backend, Excel mode without Excel).
 */
import * as React from "react";
import { createContext, useContext } from "react";
import type { TrackingBackend } from "./tracking-backend";
import { excelImportBackend, fileImportBackend, type ImportBackend } from "./import-backend";

export interface PaneContextValue {
  /** Excel: the open workbook; file: files the officer picks and downloads. */
  mode: "excel" | "file";
  /** False while the host is still being detected. */
  ready: boolean;
  /** The pane's live status line (announced to screen readers). */
  onStatus: (text: string) => void;
  /**
   * Where the "Theo dõi" tab's work goes; unset, the tab takes the mode's own (loaded with the
   * tab's lazy chunk, so the pane's first chunk stays small).
   */
  tracking?: TrackingBackend;
  /** Where the tab "Nhập kế hoạch" writes the workbook; unset, the mode's own. */
  importing?: ImportBackend;
}

const PaneContext = createContext<PaneContextValue | null>(null);

/** The import backend of a mode: Office.js in Excel, files otherwise. */
export function importBackendFor(mode: "excel" | "file"): ImportBackend {
  return mode === "excel" ? excelImportBackend : fileImportBackend;
}

export function PaneProvider({
  value,
  children,
}: {
  value: PaneContextValue;
  children: React.ReactNode;
}) {
  return <PaneContext.Provider value={value}>{children}</PaneContext.Provider>;
}

export function usePane(): PaneContextValue & { inExcel: boolean } {
  const v = useContext(PaneContext);
  if (!v) throw new Error("usePane outside PaneProvider");
  return { ...v, inExcel: v.mode === "excel" };
}
