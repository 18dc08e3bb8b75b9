/**
 * What every part of the Office.js fake shares: the workbook state, the errors Excel throws, the
 * host each proxy queues its operations on, and Excel's typing rules for cell input.
 */
import { parseRange, type RangeRef } from "../../src/core/spec/a1";

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(`${code}: ${message}`);
    this.name = "OfficeExtension.Error";
  }
}

export type FakeValue = string | number | boolean | null;

export interface FakeCell {
  value: FakeValue;
  formula?: string;
  numberFormat?: string;
  /** Set when text was entered with a leading apostrophe. */
  quotePrefix?: boolean;
}

export interface FakeSheet {
  id: number;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  cells: Map<string, FakeCell>;
  /** Format assignments in order: the last one covering a cell wins. */
  formats: { range: RangeRef; key: string; value: unknown }[];
  merges: string[];
  validations: { range: string; props: Record<string, unknown> }[];
  conditionalFormats: { range: string; type: string; props: Record<string, unknown> }[];
  freeze?: { rows: number; columns: number };
  pageLayout: Record<string, unknown>;
  /** Rows before which a manual page break was added (horizontalPageBreaks.add). */
  rowBreaks?: number[];
  tabColor?: string;
  active?: boolean;
  /** Charts added through worksheet.charts (extension for insert-chart). */
  charts?: FakeChart[];
}

export interface FakeChart {
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  props: Record<string, unknown>;
  deletedSeries: number[];
}

export interface FakeTable {
  name: string;
  sheet: FakeSheet;
  range: string;
  headers: string[];
  props: Record<string, unknown>;
}

export interface FakeWorkbookState {
  sheets: FakeSheet[];
  tables: FakeTable[];
  names: { name: string; formula: string }[];
}

export interface FakeOptions {
  /** 1-based sync that fails after running `fraction` of its operations (default half). */
  failAtSync?: number;
  /** Further syncs that fail entirely (e.g. a rollback), as in a lost connection. */
  failAlsoAt?: number[];
  fraction?: number;
  /** Error code of the injected failures (default GeneralException). */
  failCode?: string;
  /**
   * What a formula cell reads back as its value (Excel calculates; the fake does not). Default:
   * 0, so code that reads `values` of a formula cell gets a value, never null, as in Excel.
   */
  calculate?: (formula: string, sheet: string, address: string) => FakeValue;
  /** Excel on the web's limit on a request and on a response (bytes); default 5 MB. */
  payloadLimit?: number;
}

export type Op = () => void;
export type Ref<T> = { get(): T };

/** The FakeExcel members the proxies use. */
export interface FakeHost {
  readonly state: FakeWorkbookState;
  readonly options: FakeOptions;
  /** Queues an operation; `payload` is what Office.js would serialise into the request. */
  enqueue(op: Op, payload?: unknown): void;
  /** Counts a navigation (getItem, getRange…): Office.js sends each as an object path. */
  charge(payload: unknown): void;
  /**
   * Called by a load when it runs: what Excel sends back; `deliver` makes it readable once the
   * whole response has arrived (not when the response is refused as too large).
   */
  respond(data: unknown, deliver?: () => void): void;
  newSheet(name: string): FakeSheet;
  findSheet(name: string): FakeSheet;
  checkSheetName(name: string, except?: FakeSheet): void;
}

export const FULL_SHEET = "A1:XFD1048576";
const WHOLE_COLS = /^\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$/i;
const WHOLE_ROWS = /^\$?(\d+):\$?(\d+)$/;

export function toRangeRef(address: string): RangeRef {
  const c = WHOLE_COLS.exec(address);
  if (c) return { ...parseRange(`${c[1]}1:${c[2]}1`), top: 1, bottom: 1048576 };
  const r = WHOLE_ROWS.exec(address);
  if (r) return { top: Number(r[1]), bottom: Number(r[2]), left: 1, right: 16384 };
  return parseRange(address);
}

export function cellKey(row: number, col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${row}`;
}

export function lazy<T>(resolve: () => T): Ref<T> {
  let cached: T | undefined;
  return { get: () => (cached ??= resolve()) };
}

export function fail(message: string): never {
  throw new FakeOfficeError("ItemNotFound", message);
}

/** Bytes of `x` as JSON in UTF-8: how the fake measures a request's or response's payload. */
export function jsonBytes(x: unknown): number {
  const s = JSON.stringify(x);
  if (s === undefined) return 0;
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) n += c >= 0x800 && (c < 0xd800 || c > 0xdfff) ? 2 : 1;
  }
  return n;
}

/** Excel's typing rules for Range.values/formulas, enough to catch text that would be reinterpreted. */
export function typeInto(
  cell: FakeCell,
  v: unknown,
  calculate: (formula: string) => FakeValue
): void {
  cell.quotePrefix = false;
  cell.formula = undefined;
  if (typeof v === "string") {
    if (v.startsWith("'")) {
      cell.value = v.slice(1);
      cell.quotePrefix = true;
    } else if (/^[=+-]/.test(v) && !/^[+-]?\d+(\.\d+)?$/.test(v)) {
      cell.formula = v.startsWith("=") ? v : `=${v}`;
      cell.value = calculate(cell.formula);
    } else if (v.startsWith("@")) {
      throw new FakeOfficeError("InvalidArgument", `"${v}" is not a valid formula`);
    } else if (/^\s*[+-]?\d+(\.\d+)?\s*$/.test(v)) {
      cell.value = Number(v);
    } else if (/^(true|false)$/i.test(v)) {
      cell.value = v.toLowerCase() === "true";
    } else {
      cell.value = v === "" ? null : v;
    }
  } else {
    cell.value = (v as FakeValue) ?? null;
  }
}

/** A loaded copy of `obj` exposing only `fields` ("name", "worksheet/name"); others throw. */
export function snapshotOf(obj: object, fields: string[]): unknown {
  const make = (src: Record<string, unknown>, paths: string[], pre: string): unknown => {
    const direct = new Set(paths.filter((p) => !p.includes("/")));
    const nested = new Map<string, string[]>();
    for (const p of paths.filter((x) => x.includes("/"))) {
      const [head, ...rest] = p.split("/");
      nested.set(head, [...(nested.get(head) ?? []), rest.join("/")]);
    }
    return new Proxy(
      {},
      {
        get(_, prop) {
          if (typeof prop === "symbol" || prop === "then" || prop === "toJSON") return undefined;
          if (direct.has(prop)) return src[prop];
          if (nested.has(prop))
            return make(
              src[prop] as Record<string, unknown>,
              nested.get(prop) as string[],
              `${pre}${prop}/`
            );
          throw new FakeOfficeError("PropertyNotLoaded", `${pre}${prop} was not loaded`);
        },
      }
    );
  };
  return make({ ...(obj as Record<string, unknown>) }, fields, "");
}

/** The field names of a load() argument: "a,b", ["a", "b"], { select: "a,b" }; none → null (all). */
export function loadFields(arg: unknown): string[] | null {
  if (arg === undefined || arg === null) return null;
  if (typeof arg === "string") return arg.split(",").map((f) => f.trim());
  if (Array.isArray(arg)) return arg.map(String);
  const select = (arg as { select?: unknown }).select;
  return select === undefined ? null : loadFields(select);
}

const NAVIGATION = new Set([
  "font",
  "fill",
  "custom",
  "rule",
  "format",
  "dataBar",
  "positiveFormat",
  "headersFooters",
  "defaultForAllPages",
  "firstPage",
  "title",
  "legend",
]);

/**
 * An object whose property writes (at any depth) are reported as ("a.b.c", value) and whose
 * leaf reads throw PropertyNotLoaded; `methods` and `children` add explicit members.
 */
export function recorder(
  sink: (path: string, value: unknown) => void,
  methods: Record<string, unknown> = {},
  prefix = "",
  children: Record<string, unknown> = {}
): never {
  const make = (pre: string): unknown =>
    new Proxy({} as Record<string, unknown>, {
      get(_, prop) {
        if (typeof prop === "symbol" || prop === "then" || prop === "toJSON") return undefined;
        if (pre === prefix && prop in methods) return methods[prop];
        if (pre === prefix && prop in children) return children[prop];
        if (/^[a-z]/.test(prop) && NAVIGATION.has(prop)) return make(`${pre}${prop}.`);
        throw new FakeOfficeError("PropertyNotLoaded", `${pre}${prop} was not loaded`);
      },
      set(_, prop, value) {
        sink(`${pre}${String(prop)}`, value);
        return true;
      },
    });
  return make(prefix) as never;
}
