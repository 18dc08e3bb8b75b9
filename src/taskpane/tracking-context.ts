/**
 * What the sections of the "Theo dõi" tab share, given by TrackingPanel: the backend, the
 * workbook as the pane knows it (the open workbook, or the file in memory), the year and date
 * typed, whether another job runs, undo, the tab's error bar. A section takes only its own props.
 */
import { createContext, useContext } from "react";
import type { ErrorText } from "./error-text";
import type { TrackingBackend, TrackingState } from "./tracking-backend";

export interface TrackingContextValue {
  backend: TrackingBackend;
  inExcel: boolean;
  /** The workbook as the pane knows it. */
  tracking: TrackingState;
  year: string;
  date: string;
  onYear: (v: string) => void;
  onDate: (v: string) => void;
  /** Both year and date are valid. */
  inputsOk: boolean;
  /** Another job of the tab is running: the buttons wait. */
  disabled: boolean;
  /** The workbook as it is now (Excel: read again; the tab shows it). */
  current: () => Promise<TrackingState>;
  /** A section changed the open workbook (consolidation in Excel): the tab shows it. */
  changed: (tracking: TrackingState, undoBatch?: string | null) => void;
  /** Given when the last change can be undone. */
  undo?: () => void;
  /** A section's failure, in the tab's error bar. */
  showError: (text: ErrorText) => void;
  onStatus: (text: string) => void;
}

const TrackingContext = createContext<TrackingContextValue | null>(null);

export const TrackingProvider = TrackingContext.Provider;

export function useTracking(): TrackingContextValue {
  const v = useContext(TrackingContext);
  if (!v) throw new Error("useTracking outside TrackingPanel");
  return v;
}
