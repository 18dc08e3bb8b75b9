/**
 * One job of the pane at a time, the same way everywhere: the busy flag (which job), the status
 * line said when it starts, try/finally written once, and a failure turned into the pane's
 * error bar (Vietnamese, from error-text.ts) and announced on the status line.
 */
import { useCallback, useRef, useState } from "react";
import type { ErrorText } from "./error-text";

export interface ActionOptions<S extends string> {
  /** The pane's live status line. */
  onStatus: (text: string) => void;
  /** What the error bar says for a failure of `stage`. */
  describe: (e: unknown, stage: S) => ErrorText;
  /** Where the error goes when the bar is not this hook's (a section reporting to its panel). */
  onError?: (text: ErrorText) => void;
}

export interface Action<S extends string> {
  /** The job running now, or null. */
  busy: S | null;
  /** The last failure, until dismissed or the next job starts (when `onError` is not given). */
  error: ErrorText | null;
  dismissError: () => void;
  /** A failure a section reported (its own job): shown in this hook's bar. */
  showError: (text: ErrorText) => void;
  /** Runs `work` as the job `stage`, saying `status` first; never throws. */
  run: (stage: S, status: string, work: () => Promise<void>) => Promise<void>;
  /** A failure outside `run` (a correction of the preview): the same bar and status line. */
  fail: (e: unknown, stage: S) => void;
}

export function useAction<S extends string>(options: ActionOptions<S>): Action<S> {
  const [busy, setBusy] = useState<S | null>(null);
  const [error, setError] = useState<ErrorText | null>(null);
  // The latest options without making `run` change on every render.
  const opts = useRef(options);
  opts.current = options;

  const fail = useCallback((e: unknown, stage: S) => {
    console.error(e);
    const { describe, onError, onStatus } = opts.current;
    const text = describe(e, stage);
    if (onError) onError(text);
    else setError(text);
    onStatus(`${text.title}: ${text.message}`);
  }, []);

  const run = useCallback(
    async (stage: S, status: string, work: () => Promise<void>) => {
      setBusy(stage);
      setError(null);
      opts.current.onStatus(status);
      try {
        await work();
      } catch (e) {
        fail(e, stage);
      } finally {
        setBusy(null);
      }
    },
    [fail]
  );

  const dismissError = useCallback(() => setError(null), []);
  return { busy, error, dismissError, showError: setError, run, fail };
}
