/**
 * Range and used range of the Office.js fake. Like Excel: a load brings back only the fields
 * it names (reading another throws PropertyNotLoaded), a formula cell reads back a value, and
 * getUsedRange(valuesOnly) leaves out formatted-only cells only when asked to.
 */
import { parseRange } from "../../src/core/spec/a1";
import {
  cellKey,
  FakeOfficeError,
  loadFields,
  recorder,
  toRangeRef,
  typeInto,
  type FakeCell,
  type FakeHost,
  type FakeSheet,
  type FakeValue,
  type Ref,
} from "./fake-core";

const RANGE_FIELDS = [
  "values",
  "formulas",
  "numberFormat",
  "text",
  "address",
  "rowIndex",
  "columnIndex",
  "rowCount",
  "columnCount",
  "cellCount",
] as const;
type RangeField = (typeof RANGE_FIELDS)[number];

export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The fields of a rectangle, as Excel returns them (empty cells: ""). */
export function rangeFields(
  s: FakeSheet,
  box: Box,
  fields: readonly RangeField[]
): Partial<Record<RangeField, unknown>> {
  const out: Partial<Record<RangeField, unknown>> = {};
  const rows = box.bottom - box.top + 1;
  const cols = box.right - box.left + 1;
  const grid = (f: (c: FakeCell | undefined) => unknown) => {
    const g: unknown[][] = [];
    for (let r = box.top; r <= box.bottom; r++) {
      const line: unknown[] = [];
      for (let c = box.left; c <= box.right; c++) line.push(f(s.cells.get(cellKey(r, c))));
      g.push(line);
    }
    return g;
  };
  for (const f of fields) {
    if (f === "values") out.values = grid((c) => c?.value ?? "");
    else if (f === "formulas") out.formulas = grid((c) => c?.formula ?? c?.value ?? "");
    else if (f === "text") out.text = grid((c) => String(c?.value ?? ""));
    else if (f === "numberFormat") out.numberFormat = grid((c) => c?.numberFormat ?? "General");
    else if (f === "address")
      out.address = `${s.name}!${cellKey(box.top, box.left)}:${cellKey(box.bottom, box.right)}`;
    else if (f === "rowIndex") out.rowIndex = box.top - 1;
    else if (f === "columnIndex") out.columnIndex = box.left - 1;
    else if (f === "rowCount") out.rowCount = rows;
    else if (f === "columnCount") out.columnCount = cols;
    else if (f === "cellCount") out.cellCount = rows * cols;
  }
  return out;
}

function fieldsOf(arg: unknown): RangeField[] {
  const asked = loadFields(arg);
  if (!asked) return [...RANGE_FIELDS];
  for (const f of asked)
    if (!(RANGE_FIELDS as readonly string[]).includes(f))
      throw new Error(`fake: range field "${f}" is not modelled`);
  return asked as RangeField[];
}

/** Getters for the loaded fields; any other read throws, as in Excel. */
function loadedGetters(
  target: Record<string, unknown>,
  what: string,
  get: () => Partial<Record<RangeField, unknown>> | undefined
): void {
  for (const f of RANGE_FIELDS) {
    const writable = Object.getOwnPropertyDescriptor(target, f)?.set;
    Object.defineProperty(target, f, {
      set: writable,
      get() {
        const loaded = get();
        if (!loaded || !(f in loaded))
          throw new FakeOfficeError("PropertyNotLoaded", `${what}.${f} was not loaded`);
        return loaded[f];
      },
      configurable: true,
    });
  }
}

/** Worksheet.getUsedRange(OrNullObject): the bounding box of the cells in use at sync time. */
export function usedRange(
  fake: FakeHost,
  sheet: () => FakeSheet | undefined,
  valuesOnly = false
): Excel.Range {
  let loaded: Partial<Record<RangeField, unknown>> | undefined;
  let isNull: boolean | undefined;
  const obj: Record<string, unknown> = {
    load(arg?: unknown) {
      const fields = fieldsOf(arg);
      fake.enqueue(
        () => {
          const s = sheet();
          const used = s
            ? [...s.cells.entries()].filter(
                ([, c]) =>
                  c.value !== null ||
                  c.formula !== undefined ||
                  (!valuesOnly && c.numberFormat !== undefined)
              )
            : [];
          if (!s || used.length === 0) {
            fake.respond({ isNullObject: true }, () => {
              isNull = true;
              loaded = {};
            });
            return;
          }
          const box = { top: Infinity, left: Infinity, bottom: 0, right: 0 };
          for (const [k] of used) {
            const c = parseRange(k);
            box.top = Math.min(box.top, c.top);
            box.left = Math.min(box.left, c.left);
            box.bottom = Math.max(box.bottom, c.bottom);
            box.right = Math.max(box.right, c.right);
          }
          const data = rangeFields(s, box, fields);
          fake.respond(data, () => {
            isNull = false;
            loaded = data;
          });
        },
        { load: fields }
      );
      return obj;
    },
  };
  Object.defineProperty(obj, "isNullObject", {
    get() {
      if (isNull === undefined) throw new FakeOfficeError("PropertyNotLoaded", "usedRange");
      return isNull;
    },
  });
  loadedGetters(obj, "usedRange", () => loaded);
  return obj as unknown as Excel.Range;
}

export function range(fake: FakeHost, sheetRef: Ref<FakeSheet>, address: string): Excel.Range {
  const r = toRangeRef(address);
  const size = { rows: r.bottom - r.top + 1, cols: r.right - r.left + 1 };
  const calc = (sheet: FakeSheet, key: string) => (formula: string) =>
    (fake.options.calculate ?? (() => 0))(formula, sheet.name, key) as FakeValue;
  const checkShape = (m: unknown[][], what: string) => {
    if (
      !Array.isArray(m) ||
      m.length !== size.rows ||
      m.some((row) => !Array.isArray(row) || row.length !== size.cols)
    ) {
      throw new FakeOfficeError("InvalidArgument", `${what}: array does not match ${address}`);
    }
  };
  const forCells = (m: unknown[][], fn: (cell: FakeCell, v: unknown, key: string) => void) => {
    const s = sheetRef.get();
    m.forEach((row, i) =>
      row.forEach((v, j) => {
        const key = cellKey(r.top + i, r.left + j);
        const cell = s.cells.get(key) ?? { value: null };
        fn(cell, v, key);
        s.cells.set(key, cell);
      })
    );
  };
  const write = (what: string, m: unknown[][]) =>
    fake.enqueue(
      () => {
        checkShape(m, what);
        const s = sheetRef.get();
        forCells(m, (cell, v, key) => typeInto(cell, v, calc(s, key)));
      },
      { [what]: m }
    );
  let loaded: Partial<Record<RangeField, unknown>> | undefined;
  const formatSink = (path: string, value: unknown) =>
    fake.enqueue(
      () => sheetRef.get().formats.push({ range: r, key: path.replace(/^format\./, ""), value }),
      { [path]: value }
    );
  const base: Record<string, unknown> = {
    __address: address,
    set values(m: unknown[][]) {
      write("values", m);
    },
    set formulas(m: unknown[][]) {
      write("formulas", m);
    },
    set numberFormat(m: unknown[][]) {
      fake.enqueue(
        () => {
          checkShape(m, "numberFormat");
          forCells(m, (cell, v) => (cell.numberFormat = String(v)));
        },
        { numberFormat: m }
      );
    },
    set columnHidden(v: boolean) {
      formatSink("columnHidden", v);
    },
    load(arg?: unknown) {
      const fields = fieldsOf(arg);
      fake.enqueue(
        () => {
          const data = rangeFields(sheetRef.get(), r, fields);
          fake.respond(data, () => (loaded = { ...loaded, ...data }));
        },
        { load: fields }
      );
      return base;
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
        if (s.merges.some((m) => overlaps(toRangeRef(m), r)))
          throw new FakeOfficeError("InvalidOperation", "merge overlaps a merge");
        s.merges.push(address);
      }),
    format: recorder((path, value) => formatSink(path, value), {}, "", {
      borders: {
        getItem: (edge: string) =>
          recorder((path, value) => formatSink(`borders.${edge}.${path}`, value)),
      },
    }),
    dataValidation: recorder((path, value) =>
      fake.enqueue(
        () => {
          const s = sheetRef.get();
          let dv = s.validations.find((v) => v.range === address);
          if (!dv) s.validations.push((dv = { range: address, props: {} }));
          dv.props[path] = value;
        },
        { [path]: value }
      )
    ),
    conditionalFormats: {
      add: (type: string) => {
        const cf = { range: address, type, props: {} as Record<string, unknown> };
        fake.enqueue(() => sheetRef.get().conditionalFormats.push(cf), { add: type });
        return recorder((path, value) =>
          fake.enqueue(() => (cf.props[path] = value), { [path]: value })
        );
      },
    },
  };
  loadedGetters(base, "range", () => loaded);
  return base as unknown as Excel.Range;
}

function overlaps(a: Box, b: Box): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}
