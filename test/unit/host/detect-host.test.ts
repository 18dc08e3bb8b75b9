import { detectHost, HostInfo, OfficeLike, ScriptLike } from "../../../src/host/detect-host";

/** A fake <script> whose load/error events the test fires by hand. */
function fakeScript() {
  const listeners: Record<string, Array<() => void>> = { load: [], error: [] };
  const script: ScriptLike = { addEventListener: (type, fn) => listeners[type].push(fn) };
  return { script, fire: (type: "load" | "error") => listeners[type].forEach((fn) => fn()) };
}

function office(result: Promise<{ host: string | null; platform: string | null }>): OfficeLike {
  return { onReady: () => result };
}

describe("detectHost", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  type Ready = { host: string | null; platform: string | null };

  it.each<[string, () => Promise<Ready>, HostInfo]>([
    [
      "reports Excel when Office.js is already there and onReady says Excel",
      () => Promise.resolve({ host: "Excel", platform: "PC" }),
      { mode: "excel", platform: "PC" },
    ],
    [
      "falls back to file mode when onReady reports no host (plain browser)",
      () => Promise.resolve({ host: null, platform: null }),
      { mode: "file", reason: "no-host" },
    ],
    [
      "treats another Office host as file mode",
      () => Promise.resolve({ host: "Word", platform: "PC" }),
      { mode: "file", reason: "other-host" },
    ],
    [
      "a rejected onReady is file mode, not a crash",
      () => Promise.reject(new Error("x")),
      { mode: "file", reason: "office-unavailable" },
    ],
  ])("%s", async (_, ready, expected) => {
    const info = await detectHost({ getOffice: () => office(ready()), officeScript: null });
    expect(info).toEqual(expected);
  });

  it("goes to file mode at once when the script fails to load (offline, blocked)", async () => {
    const { script, fire } = fakeScript();
    const pending = detectHost({ getOffice: () => undefined, officeScript: script });
    fire("error");
    await expect(pending).resolves.toEqual({ mode: "file", reason: "office-unavailable" });
  });

  it("goes to file mode when there is no office.js script at all", async () => {
    await expect(detectHost({ getOffice: () => undefined, officeScript: null })).resolves.toEqual({
      mode: "file",
      reason: "office-unavailable",
    });
  });

  it("never hangs: a script that neither loads nor fails ends in file mode after the timeout", async () => {
    const { script } = fakeScript();
    const pending = detectHost({
      getOffice: () => undefined,
      officeScript: script,
      scriptTimeoutMs: 1500,
    });
    jest.advanceTimersByTime(1499);
    let done: HostInfo | null = null;
    pending.then((i) => (done = i));
    await Promise.resolve();
    expect(done).toBeNull();
    jest.advanceTimersByTime(1);
    await expect(pending).resolves.toEqual({ mode: "file", reason: "timeout" });
  });

  it("never hangs: an onReady that never resolves ends in file mode after the ready timeout", async () => {
    const pending = detectHost({
      getOffice: () => office(new Promise(() => undefined)),
      officeScript: null,
      readyTimeoutMs: 3000,
    });
    jest.advanceTimersByTime(3000);
    await expect(pending).resolves.toEqual({ mode: "file", reason: "timeout" });
  });

  it("does not wait the full timeout when the request already failed before we listened", async () => {
    const { script } = fakeScript();
    const pending = detectHost({
      getOffice: () => undefined,
      officeScript: script,
      scriptRequestFinished: () => true,
      finishedGraceMs: 250,
      scriptTimeoutMs: 1500,
    });
    jest.advanceTimersByTime(250);
    await expect(pending).resolves.toEqual({ mode: "file", reason: "timeout" });
  });

  it("a finished request whose script then runs still reaches Excel", async () => {
    const { script, fire } = fakeScript();
    let officeGlobal: OfficeLike | undefined;
    const pending = detectHost({
      getOffice: () => officeGlobal,
      officeScript: script,
      scriptRequestFinished: () => true,
    });
    officeGlobal = office(Promise.resolve({ host: "Excel", platform: "Mac" }));
    fire("load");
    await expect(pending).resolves.toEqual({ mode: "excel", platform: "Mac" });
  });

  it("waits for the script's load event, then asks onReady", async () => {
    const { script, fire } = fakeScript();
    let officeGlobal: OfficeLike | undefined;
    const pending = detectHost({ getOffice: () => officeGlobal, officeScript: script });
    officeGlobal = office(Promise.resolve({ host: "Excel", platform: "OfficeOnline" }));
    fire("load");
    await expect(pending).resolves.toEqual({ mode: "excel", platform: "OfficeOnline" });
  });

  /** A CDN so slow that detection times out; arrive() then delivers Office.js after all. */
  function slowCdn() {
    const { script, fire } = fakeScript();
    let officeGlobal: OfficeLike | undefined;
    const late = jest.fn();
    const pending = detectHost({
      getOffice: () => officeGlobal,
      officeScript: script,
      onLateExcel: late,
    });
    jest.advanceTimersByTime(DEFAULT_TIMEOUT);
    const arrive = async (ready: Ready) => {
      officeGlobal = office(Promise.resolve(ready));
      fire("load");
      await Promise.resolve();
      await Promise.resolve();
    };
    return { pending, late, arrive };
  }

  it("reports Excel late when a slow CDN delivers Office.js after the timeout", async () => {
    const { pending, late, arrive } = slowCdn();
    await expect(pending).resolves.toEqual({ mode: "file", reason: "timeout" });
    await arrive({ host: "Excel", platform: "PC" });
    expect(late).toHaveBeenCalledWith({ mode: "excel", platform: "PC" });
  });

  it("does not call onLateExcel when the late host is not Excel", async () => {
    const { pending, late, arrive } = slowCdn();
    await pending;
    await arrive({ host: null, platform: null });
    expect(late).not.toHaveBeenCalled();
  });
});

const DEFAULT_TIMEOUT = 1500;
