/**
 * Decides, quickly and without ever hanging, whether the pane runs inside Excel or in
 * "file mode" (a plain browser, or Office.js unreachable: offline, blocked by a proxy).
 *
 * Office.js is loaded async from Microsoft's CDN by taskpane.html. Three things can happen:
 * - it loads and Office.onReady reports Excel → "excel";
 * - it loads and onReady reports no host / another host → "file";
 * - it fails (script error) or never arrives (a black-holed connection) → "file" after a short
 *   timeout. The error may even have fired before this code ran (the bundle is deferred, the
 *   CDN script async), which is why the timeout, not the error event, is the guarantee.
 *
 * To avoid that wait when the error came first, the browser's resource timing tells whether the
 * script's request has already finished: if it has and Office is still undefined, a short grace
 * (for a script that downloaded but has not run yet) replaces the full timeout.
 *
 * A slow CDN inside real Excel must not strand the user in file mode: when the decision was made
 * by a timeout, we keep listening, and `onLateExcel` fires if Excel turns up after all.
 *
 * Everything the browser provides is injected, so unit tests drive every branch with fakes.
 */

export type FileModeReason = "office-unavailable" | "no-host" | "other-host" | "timeout";

export type HostInfo =
  | { mode: "excel"; platform: string | null }
  | { mode: "file"; reason: FileModeReason };

/** The part of Office.js this module touches. */
export interface OfficeLike {
  onReady(): Promise<{ host: string | null; platform: string | null }>;
}

/** The <script> element that loads Office.js (only its events are used). */
export interface ScriptLike {
  addEventListener(type: "load" | "error", listener: () => void): void;
}

export interface DetectHostDeps {
  /** The global Office object, once office.js has run. */
  getOffice: () => OfficeLike | undefined;
  /** The office.js <script> element, or null when the page has none. */
  officeScript: ScriptLike | null;
  /** True when the office.js request has already completed (loaded or failed) before we listened. */
  scriptRequestFinished?: () => boolean;
  /** Wait after a finished request for the script to run and define Office (ms). */
  finishedGraceMs?: number;
  /** How long to wait for office.js to arrive at all (ms). */
  scriptTimeoutMs?: number;
  /** How long to wait for Office.onReady once office.js has run (ms). */
  readyTimeoutMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /** Called at most once, when a timeout chose file mode but Excel became ready later. */
  onLateExcel?: (info: HostInfo & { mode: "excel" }) => void;
}

const DEFAULT_SCRIPT_TIMEOUT_MS = 1500;
const DEFAULT_READY_TIMEOUT_MS = 3000;
const DEFAULT_FINISHED_GRACE_MS = 250;

/** Office.HostType.Excel, compared as a string so nothing here needs Office.js to be loaded. */
const EXCEL_HOST = "Excel";

function classify(info: { host: string | null; platform: string | null }): HostInfo {
  if (info.host === EXCEL_HOST) return { mode: "excel", platform: info.platform ?? null };
  return { mode: "file", reason: info.host ? "other-host" : "no-host" };
}

export function detectHost(deps: DetectHostDeps): Promise<HostInfo> {
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = deps.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const scriptTimeoutMs = deps.scriptTimeoutMs ?? DEFAULT_SCRIPT_TIMEOUT_MS;
  const readyTimeoutMs = deps.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS;

  return new Promise<HostInfo>((resolve) => {
    let settled = false;
    let timedOut = false;
    let timer: unknown = null;
    let waitingForReady = false;

    const settle = (info: HostInfo) => {
      if (timer !== null) clearTimer(timer);
      timer = null;
      if (!settled) {
        settled = true;
        resolve(info);
        return;
      }
      // Already answered "file" by a timeout: only a late Excel is worth reporting.
      if (timedOut && info.mode === "excel") {
        timedOut = false;
        deps.onLateExcel?.(info);
      }
    };

    const startTimer = (ms: number) => {
      if (timer !== null) clearTimer(timer);
      timer = setTimer(() => {
        timer = null;
        if (!settled) {
          timedOut = true;
          settle({ mode: "file", reason: "timeout" });
        }
      }, ms);
    };

    const waitForReady = (office: OfficeLike) => {
      if (waitingForReady) return;
      waitingForReady = true;
      startTimer(readyTimeoutMs);
      let ready: Promise<{ host: string | null; platform: string | null }>;
      try {
        ready = office.onReady();
      } catch {
        settle({ mode: "file", reason: "office-unavailable" });
        return;
      }
      ready.then(
        (info) => settle(classify(info ?? { host: null, platform: null })),
        () => settle({ mode: "file", reason: "office-unavailable" })
      );
    };

    const present = deps.getOffice();
    if (present) {
      waitForReady(present);
      return;
    }
    if (!deps.officeScript) {
      settle({ mode: "file", reason: "office-unavailable" });
      return;
    }
    deps.officeScript.addEventListener("load", () => {
      const office = deps.getOffice();
      if (office) waitForReady(office);
      else settle({ mode: "file", reason: "office-unavailable" });
    });
    deps.officeScript.addEventListener("error", () =>
      settle({ mode: "file", reason: "office-unavailable" })
    );
    const finished = safely(deps.scriptRequestFinished);
    startTimer(finished ? (deps.finishedGraceMs ?? DEFAULT_FINISHED_GRACE_MS) : scriptTimeoutMs);
  });
}

function safely(probe: (() => boolean) | undefined): boolean {
  try {
    return probe ? probe() : false;
  } catch {
    return false;
  }
}

/** Has the browser finished the request for `src` (success or network error)? Resource timing knows. */
function requestFinished(src: string | undefined): boolean {
  if (!src || typeof performance === "undefined" || !performance.getEntriesByName) return false;
  return performance
    .getEntriesByName(src, "resource")
    .some((e) => (e as PerformanceResourceTiming).responseEnd > 0);
}

/** The real browser wiring: the page's office.js <script id="office-js"> and window.Office. */
export function detectBrowserHost(onLateExcel?: DetectHostDeps["onLateExcel"]): Promise<HostInfo> {
  const script = document.getElementById("office-js") as HTMLScriptElement | null;
  return detectHost({
    getOffice: () => (window as unknown as { Office?: OfficeLike }).Office,
    officeScript: script,
    scriptRequestFinished: () => requestFinished(script?.src),
    onLateExcel,
  });
}
