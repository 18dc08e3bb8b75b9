/**
 * A stateful fake of the Excel JS API subset the Office renderer uses. Like real Office:
 * calls only queue operations; context.sync() runs them in order, a failing operation stops
 * the batch (earlier ones stay applied), and reading a property that was not loaded and synced
 * throws PropertyNotLoaded. Tests assert on `state`, the workbook as it ends up.
 */
import { parseRange, rangesOverlap, type RangeRef } from "../../src/core/spec/a1";

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

export interface InitialSheet {
  name: string;
  visibility?: FakeSheet["visibility"];
  cells?: Record<string, FakeValue>;
  tables?: { name: string; range: string }[];
}

export interface FakeOptions {
  /** 1-based sync that fails after running `fraction` of its operations (default half). */
  failAtSync?: number;
  /** Further syncs that fail entirely (e.g. a rollback), as in a lost connection. */
  failAlsoAt?: number[];
  fraction?: number;
}

type Op = () => void;
type Ref<T> = { get(): T };

const FULL_SHEET = "A1:XFD1048576";
const WHOLE_COLS = /^\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$/i;
const WHOLE_ROWS = /^\$?(\d+):\$?(\d+)$/;

export function toRangeRef(address: string): RangeRef {
  const c = WHOLE_COLS.exec(address);
  if (c) return { ...parseRange(`${c[1]}1:${c[2]}1`), top: 1, bottom: 1048576 };
  const r = WHOLE_ROWS.exec(address);
  if (r) return { top: Number(r[1]), bottom: Number(r[2]), left: 1, right: 16384 };
  return parseRange(address);
}

export class FakeExcel {
  readonly state: FakeWorkbookState = { sheets: [], tables: [], names: [] };
  syncCount = 0;
  private queue: Op[] = [];
  private nextId = 1;
  readonly context: Excel.RequestContext;

  constructor(
    initial: { sheets: InitialSheet[]; names?: { name: string; formula: string }[] },
    private options: FakeOptions = {}
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
    this.queue = [];
    if (this.options.failAlsoAt?.includes(this.syncCount))
      throw new FakeOfficeError("GeneralException", `injected failure at sync ${this.syncCount}`);
    const failing = this.options.failAtSync === this.syncCount;
    const limit = failing ? Math.floor(ops.length * (this.options.fraction ?? 0.5)) : ops.length;
    for (let i = 0; i < limit; i++) ops[i](); // a throwing op rejects the sync, like Office
    if (failing)
      throw new FakeOfficeError("GeneralException", `injected failure at sync ${this.syncCount}`);
  }

  private enqueue(op: Op): void {
    this.queue.push(op);
  }

  private newSheet(name: string): FakeSheet {
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

  private findSheet(name: string): FakeSheet {
    const s = this.state.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw new FakeOfficeError("ItemNotFound", `worksheet "${name}"`);
    return s;
  }

  private checkSheetName(name: string, except?: FakeSheet): void {
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
    wrap: (item: T, fields: string[]) => unknown
  ) {
    const fake = this;
    let items: unknown[] | undefined;
    const coll = {
      load(fields: string) {
        const paths = fields.split(",").map((f) => f.trim().replace(/^items\//, ""));
        fake.enqueue(() => {
          items = list().map((x) => wrap(x, paths));
        });
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
      (s, fields) => snapshotOf(s, fields)
    );
    return Object.assign(coll, {
      add: (name: string) => {
        let created: FakeSheet | undefined;
        this.enqueue(() => {
          this.checkSheetName(name);
          created = this.newSheet(name);
          this.state.sheets.push(created);
        });
        return this.worksheet({ get: () => created ?? fail("worksheet not created") });
      },
      getItem: (name: string) => this.worksheet(lazy(() => this.findSheet(name))),
      getItemOrNullObject: (name: string) => this.nullableWorksheet(name),
    });
  }

  /** worksheets.getItemOrNullObject: isNullObject after a sync; other members as a worksheet. */
  private nullableWorksheet(name: string): Excel.Worksheet {
    const fake = this;
    let isNull: boolean | undefined;
    this.enqueue(() => {
      isNull = !this.state.sheets.some((x) => x.name.toLowerCase() === name.toLowerCase());
    });
    const ws = this.worksheet(lazy(() => this.findSheet(name))) as unknown as Record<
      string,
      unknown
    >;
    return new Proxy(ws, {
      get(target, prop) {
        if (prop === "isNullObject") {
          if (isNull === undefined)
            throw new FakeOfficeError("PropertyNotLoaded", "worksheet.isNullObject");
          return isNull;
        }
        if (prop === "getUsedRangeOrNullObject")
          return (valuesOnly?: boolean) =>
            fake.usedRange(
              () => fake.state.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase()),
              valuesOnly
            );
        return Reflect.get(target, prop);
      },
      set(target, prop, value) {
        return Reflect.set(target, prop, value);
      },
    }) as unknown as Excel.Worksheet;
  }

  /** Worksheet.getUsedRangeOrNullObject: the bounding box of non-empty cells at sync time. */
  private usedRange(sheet: () => FakeSheet | undefined, _valuesOnly?: boolean) {
    const fake = this;
    let loaded:
      | {
          isNull: boolean;
          values: unknown[][];
          formulas: unknown[][];
          rowIndex: number;
          columnIndex: number;
        }
      | undefined;
    const need = () => loaded ?? fail("PropertyNotLoaded: usedRange");
    const obj = {
      load(_fields?: unknown) {
        fake.enqueue(() => {
          const s = sheet();
          const used = s
            ? [...s.cells.entries()].filter(([, c]) => c.value !== null || c.formula)
            : [];
          if (!s || used.length === 0) {
            loaded = { isNull: true, values: [], formulas: [], rowIndex: 0, columnIndex: 0 };
            return;
          }
          const refs = used.map(([k]) => parseRange(k));
          const top = Math.min(...refs.map((r) => r.top));
          const left = Math.min(...refs.map((r) => r.left));
          const bottom = Math.max(...refs.map((r) => r.bottom));
          const right = Math.max(...refs.map((r) => r.right));
          const grid = fake.grid(s, top, left, bottom, right);
          loaded = { isNull: false, ...grid, rowIndex: top - 1, columnIndex: left - 1 };
        });
        return obj;
      },
      get isNullObject() {
        return need().isNull;
      },
      get values() {
        return need().values;
      },
      get formulas() {
        return need().formulas;
      },
      get rowIndex() {
        return need().rowIndex;
      },
      get columnIndex() {
        return need().columnIndex;
      },
      get rowCount() {
        return need().values.length;
      },
    };
    return obj;
  }

  /** Values (formula cells: null, the fake does not calculate) and formulas of a rectangle. */
  grid(s: FakeSheet, top: number, left: number, bottom: number, right: number) {
    const values: unknown[][] = [];
    const formulas: unknown[][] = [];
    for (let r = top; r <= bottom; r++) {
      const vr: unknown[] = [];
      const fr: unknown[] = [];
      for (let c = left; c <= right; c++) {
        const cell = s.cells.get(cellKey(r, c));
        const v = cell?.value ?? "";
        vr.push(v);
        fr.push(cell?.formula ?? v);
      }
      values.push(vr);
      formulas.push(fr);
    }
    return { values, formulas };
  }

  private tables() {
    const coll = this.collection(
      "tables",
      () => this.state.tables,
      (t, fields) => snapshotOf({ name: t.name, worksheet: { name: t.sheet.name } }, fields)
    );
    return Object.assign(coll, {
      getItem: (name: string) => {
        const ref = lazy(
          () =>
            this.state.tables.find((t) => t.name.toLowerCase() === name.toLowerCase()) ??
            fail(`ItemNotFound: table ${name}`)
        );
        return this.tableProxy(ref);
      },
    });
  }

  private names() {
    const coll = this.collection(
      "names",
      () => this.state.names,
      (n, fields) => snapshotOf(n, fields)
    );
    return Object.assign(coll, {
      add: (name: string, reference: string) => {
        this.enqueue(() => {
          if (this.state.names.some((n) => n.name.toLowerCase() === name.toLowerCase()))
            throw new FakeOfficeError("ItemAlreadyExists", `name ${name}`);
          if (!reference.startsWith("="))
            throw new FakeOfficeError("InvalidArgument", `reference must start with =`);
          this.state.names.push({ name, formula: reference });
        });
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

  private tableProxy(ref: Ref<FakeTable>) {
    const fake = this;
    return new Proxy({} as Record<string, unknown>, {
      get(_, prop) {
        if (prop === "then") return undefined;
        if (prop === "getRange")
          return () => {
            let box: RangeRef | undefined;
            const obj = {
              load: () => {
                fake.enqueue(() => (box = toRangeRef(ref.get().range)));
                return obj;
              },
              get rowIndex() {
                return (box ?? fail("PropertyNotLoaded: table range")).top - 1;
              },
              get rowCount() {
                const b = box ?? fail("PropertyNotLoaded: table range");
                return b.bottom - b.top + 1;
              },
              get columnIndex() {
                return (box ?? fail("PropertyNotLoaded: table range")).left - 1;
              },
            };
            return obj;
          };
        if (prop === "rows")
          return {
            /** Appends below the table's last row and grows it (nothing is below in tests). */
            add: (_index: number | null, values: unknown[][]) =>
              fake.enqueue(() => {
                const t = ref.get();
                const r = toRangeRef(t.range);
                values.forEach((row, i) => {
                  if (row.length !== r.right - r.left + 1)
                    throw new FakeOfficeError(
                      "InvalidArgument",
                      "row width does not match the table"
                    );
                  row.forEach((v, j) => {
                    const cell: FakeCell = { value: null };
                    typeInto(cell, v);
                    t.sheet.cells.set(cellKey(r.bottom + 1 + i, r.left + j), cell);
                  });
                });
                t.range = `${cellKey(r.top, r.left)}:${cellKey(r.bottom + values.length, r.right)}`;
              }),
          };
        throw new FakeOfficeError("PropertyNotLoaded", `table.${String(prop)}`);
      },
      set(_, prop, value) {
        fake.enqueue(() => {
          const t = ref.get();
          if (prop === "name") {
            if (
              fake.state.tables.some(
                (o) => o !== t && o.name.toLowerCase() === String(value).toLowerCase()
              )
            )
              throw new FakeOfficeError("InvalidArgument", `table name ${value} taken`);
            t.name = String(value);
          } else t.props[String(prop)] = value;
        });
        return true;
      },
    });
  }

  private worksheet(ref: Ref<FakeSheet>): Excel.Worksheet {
    const fake = this;
    const ws = {
      set name(v: string) {
        fake.enqueue(() => {
          const s = ref.get();
          fake.checkSheetName(v, s);
          s.name = v;
        });
      },
      get name(): string {
        throw new FakeOfficeError("PropertyNotLoaded", "worksheet.name");
      },
      set visibility(v: FakeSheet["visibility"]) {
        fake.enqueue(() => {
          const s = ref.get();
          if (
            v !== "Visible" &&
            fake.state.sheets.filter((x) => x !== s && x.visibility === "Visible").length === 0
          ) {
            throw new FakeOfficeError("InvalidOperation", "cannot hide the last visible sheet");
          }
          s.visibility = v;
        });
      },
      set tabColor(v: string) {
        fake.enqueue(() => (ref.get().tabColor = v));
      },
      getRange: (address?: string) => fake.range(ref, address ?? FULL_SHEET),
      getUsedRange: (valuesOnly?: boolean) => fake.usedRange(() => ref.get(), valuesOnly),
      delete: () =>
        fake.enqueue(() => {
          const s = ref.get();
          if (s.visibility === "VeryHidden")
            throw new FakeOfficeError("InvalidOperation", "cannot delete a very hidden sheet");
          if (
            s.visibility === "Visible" &&
            fake.state.sheets.filter((x) => x.visibility === "Visible").length === 1
          ) {
            throw new FakeOfficeError("InvalidOperation", "cannot delete the last visible sheet");
          }
          fake.state.sheets.splice(fake.state.sheets.indexOf(s), 1);
          fake.state.tables = fake.state.tables.filter((t) => t.sheet !== s);
        }),
      activate: () =>
        fake.enqueue(() => {
          fake.state.sheets.forEach((x) => (x.active = false));
          ref.get().active = true;
        }),
      freezePanes: {
        freezeRows: (n: number) => fake.enqueue(() => (ref.get().freeze = { rows: n, columns: 0 })),
        freezeColumns: (n: number) =>
          fake.enqueue(() => (ref.get().freeze = { rows: 0, columns: n })),
        freezeAt: (r: { __address: string }) =>
          fake.enqueue(() => {
            const a = toRangeRef(r.__address);
            ref.get().freeze = { rows: a.bottom, columns: a.right };
          }),
      },
      pageLayout: fake.recorder(
        (path, value) => fake.enqueue(() => (ref.get().pageLayout[path] = value)),
        {
          setPrintTitleRows: (rows: string) =>
            fake.enqueue(() => (ref.get().pageLayout.printTitleRows = rows)),
          setPrintTitleColumns: (columns: string) =>
            fake.enqueue(() => (ref.get().pageLayout.printTitleColumns = columns)),
        }
      ),
      horizontalPageBreaks: {
        add: (at: string | { __address: string }) =>
          fake.enqueue(() => {
            const a = toRangeRef(typeof at === "string" ? at : at.__address);
            (ref.get().rowBreaks ??= []).push(a.top);
          }),
      },
      charts: {
        add: (type: string, source: { __address: string }, seriesBy: string) => {
          const chart: FakeChart = {
            name: "",
            type,
            source: source.__address,
            seriesBy,
            props: {},
            deletedSeries: [],
          };
          fake.enqueue(() => {
            const s = ref.get();
            (s.charts ??= []).push(chart);
            chart.name = `Chart ${s.charts.length}`;
          });
          return fake.recorder(
            (path, value) =>
              fake.enqueue(() =>
                path === "name" ? (chart.name = String(value)) : (chart.props[path] = value)
              ),
            {
              setPosition: (start: string, end?: string) =>
                fake.enqueue(() => (chart.props.position = [start, end])),
              series: {
                getItemAt: (i: number) => ({
                  delete: () => fake.enqueue(() => chart.deletedSeries.push(i)),
                  set name(v: string) {
                    fake.enqueue(() => (chart.props[`series${i}.name`] = v));
                  },
                }),
              },
            }
          );
        },
        getItemOrNullObject: (name: string) => {
          let isNull: boolean | undefined;
          fake.enqueue(() => (isNull = !(ref.get().charts ?? []).some((c) => c.name === name)));
          return {
            get isNullObject() {
              if (isNull === undefined)
                throw new FakeOfficeError("PropertyNotLoaded", "chart.isNullObject");
              return isNull;
            },
            delete: () =>
              fake.enqueue(() => {
                const s = ref.get();
                const i = (s.charts ?? []).findIndex((c) => c.name === name);
                if (i < 0) throw new FakeOfficeError("ItemNotFound", `chart ${name}`);
                s.charts!.splice(i, 1);
              }),
          };
        },
      },
      tables: {
        add: (address: string, hasHeaders: boolean) => {
          let table: FakeTable | undefined;
          fake.enqueue(() => {
            const s = ref.get();
            const r = toRangeRef(address);
            if (!hasHeaders) throw new Error("fake supports header tables only");
            if (
              fake.state.tables.some((t) => t.sheet === s && rangesOverlap(toRangeRef(t.range), r))
            )
              throw new FakeOfficeError("InvalidOperation", "tables overlap");
            if (s.merges.some((m) => rangesOverlap(toRangeRef(m), r)))
              throw new FakeOfficeError("InvalidOperation", "table over merged cells");
            const headers: string[] = [];
            for (let c = r.left; c <= r.right; c++)
              headers.push(String(s.cells.get(cellKey(r.top, c))?.value ?? ""));
            let n = fake.state.tables.length + 1;
            while (fake.state.tables.some((t) => t.name === `Table${n}`)) n++;
            table = { name: `Table${n}`, sheet: s, range: address, headers, props: {} };
            fake.state.tables.push(table);
          });
          return fake.tableProxy({ get: () => table ?? fail("table not created") });
        },
      },
    };
    return ws as unknown as Excel.Worksheet;
  }

  private range(sheetRef: Ref<FakeSheet>, address: string): Excel.Range {
    const fake = this;
    const r = toRangeRef(address);
    const size = { rows: r.bottom - r.top + 1, cols: r.right - r.left + 1 };
    const checkShape = (m: unknown[][], what: string) => {
      if (
        !Array.isArray(m) ||
        m.length !== size.rows ||
        m.some((row) => !Array.isArray(row) || row.length !== size.cols)
      ) {
        throw new FakeOfficeError("InvalidArgument", `${what}: array does not match ${address}`);
      }
    };
    const forCells = (m: unknown[][], fn: (cell: FakeCell, v: unknown) => void) => {
      const s = sheetRef.get();
      m.forEach((row, i) =>
        row.forEach((v, j) => {
          const key = cellKey(r.top + i, r.left + j);
          const cell = s.cells.get(key) ?? { value: null };
          fn(cell, v);
          s.cells.set(key, cell);
        })
      );
    };
    let loaded: { values: unknown[][]; formulas: unknown[][] } | undefined;
    const formatSink = (path: string, value: unknown) =>
      fake.enqueue(() =>
        sheetRef.get().formats.push({ range: r, key: path.replace(/^format\./, ""), value })
      );
    const base = {
      __address: address,
      set values(m: unknown[][]) {
        fake.enqueue(() => {
          checkShape(m, "values");
          forCells(m, (cell, v) => typeInto(cell, v));
        });
      },
      set formulas(m: unknown[][]) {
        fake.enqueue(() => {
          checkShape(m, "formulas");
          forCells(m, (cell, v) => typeInto(cell, v));
        });
      },
      set numberFormat(m: unknown[][]) {
        fake.enqueue(() => {
          checkShape(m, "numberFormat");
          forCells(m, (cell, v) => (cell.numberFormat = String(v)));
        });
      },
      set columnHidden(v: boolean) {
        formatSink("columnHidden", v);
      },
      load(_fields?: unknown) {
        fake.enqueue(() => {
          loaded = fake.grid(sheetRef.get(), r.top, r.left, r.bottom, r.right);
        });
        return base;
      },
      get values(): unknown {
        if (!loaded) throw new FakeOfficeError("PropertyNotLoaded", "range.values");
        return loaded.values;
      },
      get formulas(): unknown {
        if (!loaded) throw new FakeOfficeError("PropertyNotLoaded", "range.formulas");
        return loaded.formulas;
      },
      /** Range.delete("Up"): cells below move up; a table whose rows these are shrinks. */
      delete: (shift: string) =>
        fake.enqueue(() => {
          if (shift !== "Up") throw new Error("fake supports delete Up only");
          const s = sheetRef.get();
          const n = r.bottom - r.top + 1;
          const moved = new Map<string, FakeCell>();
          for (const [k, cell] of s.cells) {
            const c = parseRange(k);
            if (c.left < r.left || c.left > r.right || c.top < r.top) moved.set(k, cell);
            else if (c.top > r.bottom) moved.set(cellKey(c.top - n, c.left), cell);
          }
          s.cells = moved;
          for (const t of fake.state.tables.filter((x) => x.sheet === s)) {
            const tr = toRangeRef(t.range);
            if (tr.bottom >= r.top && tr.left >= r.left && tr.right <= r.right)
              t.range = `${cellKey(tr.top, tr.left)}:${cellKey(Math.max(tr.top + 1, tr.bottom - Math.min(n, tr.bottom - r.top + 1)), tr.right)}`;
          }
        }),
      merge: () =>
        fake.enqueue(() => {
          const s = sheetRef.get();
          if (s.merges.some((m) => rangesOverlap(toRangeRef(m), r)))
            throw new FakeOfficeError("InvalidOperation", "merge overlaps a merge");
          s.merges.push(address);
        }),
      format: fake.recorder((path, value) => formatSink(path, value), {}, "", {
        borders: {
          getItem: (edge: string) =>
            fake.recorder((path, value) => formatSink(`borders.${edge}.${path}`, value)),
        },
      }),
      dataValidation: fake.recorder((path, value) =>
        fake.enqueue(() => {
          const s = sheetRef.get();
          let dv = s.validations.find((v) => v.range === address);
          if (!dv) s.validations.push((dv = { range: address, props: {} }));
          dv.props[path] = value;
        })
      ),
      conditionalFormats: {
        add: (type: string) => {
          const cf = { range: address, type, props: {} as Record<string, unknown> };
          fake.enqueue(() => sheetRef.get().conditionalFormats.push(cf));
          return fake.recorder((path, value) => fake.enqueue(() => (cf.props[path] = value)));
        },
      },
    };
    return base as unknown as Excel.Range;
  }

  /**
   * An object whose property writes (at any depth) are reported as ("a.b.c", value) and whose
   * leaf reads throw PropertyNotLoaded; `methods` and `children` add explicit members.
   */
  private recorder(
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

/** Excel's typing rules for Range.values/formulas, enough to catch text that would be reinterpreted. */
function typeInto(cell: FakeCell, v: unknown): void {
  cell.quotePrefix = false;
  cell.formula = undefined;
  if (typeof v === "string") {
    if (v.startsWith("'")) {
      cell.value = v.slice(1);
      cell.quotePrefix = true;
    } else if (/^[=+-]/.test(v) && !/^[+-]?\d+(\.\d+)?$/.test(v)) {
      cell.formula = v.startsWith("=") ? v : `=${v}`;
      cell.value = null; // the fake does not calculate
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

function cellKey(row: number, col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${row}`;
}

function lazy<T>(resolve: () => T): Ref<T> {
  let cached: T | undefined;
  return { get: () => (cached ??= resolve()) };
}

function fail(message: string): never {
  throw new FakeOfficeError("ItemNotFound", message);
}

/** A loaded copy of `obj` exposing only `fields` ("name", "worksheet/name"); others throw. */
function snapshotOf(obj: object, fields: string[]): unknown {
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

/** Cell text as a test wants to see it. */
export function cellOf(fake: FakeExcel, sheet: string, address: string): FakeCell | undefined {
  return fake.sheet(sheet).cells.get(address);
}
