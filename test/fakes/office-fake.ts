/**
 * A stateful fake of the Excel JS API subset the add-in uses. Like real Office:
 *  - calls only queue operations; context.sync() runs them in order, a failing operation stops
 *    the batch (earlier ones stay applied);
 *  - a load brings back only the fields it names; reading anything not loaded and synced throws
 *    PropertyNotLoaded; formula cells read back a value;
 *  - each sync's request (the queued operations and their arguments, as JSON) and response
 *    (what the loads return) are measured, and over Excel on the web's 5 MB the sync fails with
 *    RequestPayloadSizeLimitExceeded (nothing runs) or ResponsePayloadSizeLimitExceeded;
 *  - `syncCount` and `requestBytes` are the fake's own counters: tests and the bench read
 *    sync counts here, never from what the code under test says about itself.
 * Tests assert on `state`, the workbook as it ends up. Range/used range: fake-range.ts;
 * worksheets and tables: fake-worksheet.ts; shared types and rules: fake-core.ts.
 */
import { parseRange, rangesOverlap } from "../../src/core/spec/a1";
import {
  fail,
  FakeOfficeError,
  jsonBytes,
  lazy,
  loadFields,
  snapshotOf,
  type FakeHost,
  type FakeOptions,
  type FakeSheet,
  type FakeValue,
  type FakeWorkbookState,
  type Op,
} from "./fake-core";
import { usedRange } from "./fake-range";
import { tableProxy, worksheetProxy } from "./fake-worksheet";

export {
  FakeOfficeError,
  toRangeRef,
  type FakeCell,
  type FakeChart,
  type FakeOptions,
  type FakeSheet,
  type FakeTable,
  type FakeValue,
  type FakeWorkbookState,
} from "./fake-core";

/** Excel on the web refuses a request or a response larger than this. */
export const EXCEL_WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** What Office.js adds around each queued action (object path, action type, ids). */
const ACTION_OVERHEAD = 40;

export interface InitialSheet {
  name: string;
  visibility?: FakeSheet["visibility"];
  cells?: Record<string, FakeValue>;
  tables?: { name: string; range: string }[];
}

export class FakeExcel implements FakeHost {
  readonly state: FakeWorkbookState = { sheets: [], tables: [], names: [] };
  syncCount = 0;
  /** Request bytes of each sync, in order. */
  readonly requestBytes: number[] = [];
  /** Response bytes of each sync, in order. */
  readonly responseBytes: number[] = [];
  private queue: Op[] = [];
  private pendingBytes = 0;
  private response = 0;
  private deliveries: (() => void)[] = [];
  private nextId = 1;
  readonly context: Excel.RequestContext;

  constructor(
    initial: { sheets: InitialSheet[]; names?: { name: string; formula: string }[] },
    readonly options: FakeOptions = {}
  ) {
    for (const s of initial.sheets) {
      const sheet = this.newSheet(s.name);
      sheet.visibility = s.visibility ?? "Visible";
      for (const [addr, v] of Object.entries(s.cells ?? {})) sheet.cells.set(addr, { value: v });
      for (const t of s.tables ?? [])
        this.state.tables.push({ name: t.name, sheet, range: t.range, headers: [], props: {} });
      this.state.sheets.push(sheet);
    }
    this.state.names = [...(initial.names ?? [])];
    this.context = {
      workbook: this.workbook(),
      sync: () => this.sync(),
    } as unknown as Excel.RequestContext;
  }

  /** Starts counting afresh (a test's "from here on"). */
  resetCounters(): void {
    this.syncCount = 0;
    this.requestBytes.length = 0;
    this.responseBytes.length = 0;
  }

  /** Requests and responses together (bytes) since the last reset. */
  get totalBytes(): number {
    let n = 0;
    for (const b of this.requestBytes) n += b;
    for (const b of this.responseBytes) n += b;
    return n;
  }

  /**
   * The most syncs an action may take: its fixed number plus one per ~4 MB it moved (3 MB here:
   * batches are cut before they would overflow, so they are never quite full).
   */
  syncBound(fixed: number): number {
    return fixed + Math.ceil(this.totalBytes / (3 * 1024 * 1024));
  }

  /** The largest request (bytes) of any sync so far. */
  get largestRequest(): number {
    return Math.max(0, ...this.requestBytes);
  }

  /** The largest response (bytes) of any sync so far. */
  get largestResponse(): number {
    return Math.max(0, ...this.responseBytes);
  }

  /** A deep copy of the observable state, to compare "before" with "after". */
  snapshot(): unknown {
    return {
      sheets: this.state.sheets.map((s) => ({
        name: s.name,
        visibility: s.visibility,
        cells: [...s.cells.entries()].sort(),
        merges: [...s.merges],
        formats: s.formats.length,
        validations: s.validations.length,
        cfs: s.conditionalFormats.length,
      })),
      tables: this.state.tables.map((t) => ({ name: t.name, sheet: t.sheet.name, range: t.range })),
      names: this.state.names.map((n) => ({ ...n })),
    };
  }

  sheet(name: string): FakeSheet {
    const s = this.state.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  /** The last value assigned to `key` ("font.bold", "fill.color"…) by a format op covering `address`. */
  formatAt(sheet: string, address: string, key: string): unknown {
    const cell = parseRange(address);
    const hits = this.sheet(sheet).formats.filter(
      (f) => f.key === key && rangesOverlap(f.range, cell)
    );
    return hits.length ? hits[hits.length - 1].value : undefined;
  }

  async sync(): Promise<void> {
    this.syncCount++;
    const ops = this.queue;
    const request = this.pendingBytes;
    this.queue = [];
    this.pendingBytes = 0;
    this.requestBytes.push(request);
    const limit = this.options.payloadLimit ?? EXCEL_WEB_PAYLOAD_LIMIT;
    if (request > limit) {
      this.responseBytes.push(0);
      throw new FakeOfficeError(
        "RequestPayloadSizeLimitExceeded",
        `request of ${request} bytes at sync ${this.syncCount}`
      );
    }
    const code = this.options.failCode ?? "GeneralException";
    if (this.options.failAlsoAt?.includes(this.syncCount)) {
      this.responseBytes.push(0);
      throw new FakeOfficeError(code, `injected failure at sync ${this.syncCount}`);
    }
    const failing = this.options.failAtSync === this.syncCount;
    const count = failing ? Math.floor(ops.length * (this.options.fraction ?? 0.5)) : ops.length;
    this.response = 0;
    this.deliveries = [];
    try {
      for (let i = 0; i < count; i++) ops[i](); // a throwing op rejects the sync, like Office
    } finally {
      this.responseBytes.push(this.response);
    }
    if (failing) throw new FakeOfficeError(code, `injected failure at sync ${this.syncCount}`);
    if (this.response > limit)
      throw new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `response of ${this.response} bytes at sync ${this.syncCount}`
      );
    for (const d of this.deliveries) d();
  }

  enqueue(op: Op, payload?: unknown): void {
    this.queue.push(op);
    this.pendingBytes += ACTION_OVERHEAD + (payload === undefined ? 0 : jsonBytes(payload));
  }

  charge(payload: unknown): void {
    this.pendingBytes += ACTION_OVERHEAD + jsonBytes(payload);
  }

  respond(data: unknown, deliver?: () => void): void {
    this.response += ACTION_OVERHEAD + jsonBytes(data);
    if (deliver) this.deliveries.push(deliver);
  }

  newSheet(name: string): FakeSheet {
    return {
      id: this.nextId++,
      name,
      visibility: "Visible",
      cells: new Map(),
      formats: [],
      merges: [],
      validations: [],
      conditionalFormats: [],
      pageLayout: {},
    };
  }

  findSheet(name: string): FakeSheet {
    const s = this.state.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw new FakeOfficeError("ItemNotFound", `worksheet "${name}"`);
    return s;
  }

  checkSheetName(name: string, except?: FakeSheet): void {
    if (name.length < 1 || name.length > 31 || /[[\]:*?/\\]/.test(name))
      throw new FakeOfficeError("InvalidArgument", `bad sheet name "${name}"`);
    if (
      this.state.sheets.some((s) => s !== except && s.name.toLowerCase() === name.toLowerCase())
    ) {
      throw new FakeOfficeError("ItemAlreadyExists", `worksheet "${name}"`);
    }
  }

  private workbook() {
    return {
      worksheets: this.worksheets(),
      tables: this.tables(),
      names: this.names(),
    };
  }

  private collection<T>(
    kind: string,
    list: () => T[],
    wrap: (item: T, fields: string[]) => unknown,
    plain: (item: T) => unknown
  ) {
    const fake = this;
    let items: unknown[] | undefined;
    const coll = {
      load(arg: unknown) {
        const paths = (loadFields(arg) ?? []).map((f) => f.replace(/^items\//, ""));
        fake.enqueue(
          () => {
            const now = list();
            fake.respond(
              now.map((x) => plain(x)),
              () => (items = now.map((x) => wrap(x, paths)))
            );
          },
          { load: paths }
        );
        return coll;
      },
      get items(): unknown[] {
        if (!items) throw new FakeOfficeError("PropertyNotLoaded", `${kind}.items was not loaded`);
        return items;
      },
    };
    return coll;
  }

  private worksheets() {
    const coll = this.collection(
      "worksheets",
      () => this.state.sheets,
      (s, fields) => snapshotOf(s, fields),
      (s) => ({ name: s.name, visibility: s.visibility })
    );
    return Object.assign(coll, {
      add: (name: string) => {
        let created: FakeSheet | undefined;
        this.enqueue(
          () => {
            this.checkSheetName(name);
            created = this.newSheet(name);
            this.state.sheets.push(created);
          },
          { add: name }
        );
        return worksheetProxy(this, { get: () => created ?? fail("worksheet not created") });
      },
      getItem: (name: string) => {
        this.charge({ getItem: name });
        return worksheetProxy(
          this,
          lazy(() => this.findSheet(name))
        );
      },
      getItemOrNullObject: (name: string) => this.nullableWorksheet(name),
    });
  }

  /** worksheets.getItemOrNullObject: isNullObject after a sync; other members as a worksheet. */
  private nullableWorksheet(name: string): Excel.Worksheet {
    const fake = this;
    let isNull: boolean | undefined;
    const find = () => this.state.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    this.enqueue(() => {
      const missing = !find();
      this.respond({ isNullObject: missing }, () => (isNull = missing));
    });
    const ws = worksheetProxy(
      this,
      lazy(() => this.findSheet(name))
    ) as unknown as Record<string, unknown>;
    return new Proxy(ws, {
      get(target, prop) {
        if (prop === "isNullObject") {
          if (isNull === undefined)
            throw new FakeOfficeError("PropertyNotLoaded", "worksheet.isNullObject");
          return isNull;
        }
        if (prop === "getUsedRangeOrNullObject")
          return (valuesOnly?: boolean) => usedRange(fake, find, valuesOnly);
        return Reflect.get(target, prop);
      },
      set(target, prop, value) {
        return Reflect.set(target, prop, value);
      },
    }) as unknown as Excel.Worksheet;
  }

  private tables() {
    const coll = this.collection(
      "tables",
      () => this.state.tables,
      (t, fields) => snapshotOf({ name: t.name, worksheet: { name: t.sheet.name } }, fields),
      (t) => ({ name: t.name, worksheet: t.sheet.name })
    );
    return Object.assign(coll, {
      getItem: (name: string) => {
        this.charge({ getItem: name });
        return tableProxy(
          this,
          lazy(
            () =>
              this.state.tables.find((t) => t.name.toLowerCase() === name.toLowerCase()) ??
              fail(`ItemNotFound: table ${name}`)
          )
        );
      },
    });
  }

  private names() {
    const coll = this.collection(
      "names",
      () => this.state.names,
      (n, fields) => snapshotOf(n, fields),
      (n) => n
    );
    return Object.assign(coll, {
      add: (name: string, reference: string) => {
        this.enqueue(
          () => {
            if (this.state.names.some((n) => n.name.toLowerCase() === name.toLowerCase()))
              throw new FakeOfficeError("ItemAlreadyExists", `name ${name}`);
            if (!reference.startsWith("="))
              throw new FakeOfficeError("InvalidArgument", `reference must start with =`);
            this.state.names.push({ name, formula: reference });
          },
          { name, reference }
        );
      },
      getItem: (name: string) => ({
        delete: () =>
          this.enqueue(() => {
            const i = this.state.names.findIndex(
              (n) => n.name.toLowerCase() === name.toLowerCase()
            );
            if (i < 0) throw new FakeOfficeError("ItemNotFound", `name ${name}`);
            this.state.names.splice(i, 1);
          }),
      }),
    });
  }
}

/** Cell text as a test wants to see it. */
export function cellOf(fake: FakeExcel, sheet: string, address: string) {
  return fake.sheet(sheet).cells.get(address);
}
