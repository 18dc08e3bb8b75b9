/**
 * Worksheet and table proxies of the Office.js fake: naming rules, visibility rules (the last
 * visible sheet stays), freeze panes, page layout, charts, and tables whose rows.add inserts
 * (cells below the table move down, as in Excel) instead of overwriting.
 */
import { parseRange, type RangeRef } from "../../src/core/spec/a1";
import {
  cellKey,
  fail,
  FakeOfficeError,
  FULL_SHEET,
  recorder,
  toRangeRef,
  typeInto,
  type FakeCell,
  type FakeChart,
  type FakeHost,
  type FakeSheet,
  type FakeTable,
  type FakeValue,
  type Ref,
} from "./fake-core";
import { range, usedRange } from "./fake-range";

const overlaps = (a: RangeRef, b: RangeRef) =>
  a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

export function worksheetProxy(fake: FakeHost, ref: Ref<FakeSheet>): Excel.Worksheet {
  const ws = {
    set name(v: string) {
      fake.enqueue(
        () => {
          const s = ref.get();
          fake.checkSheetName(v, s);
          s.name = v;
        },
        { name: v }
      );
    },
    get name(): string {
      throw new FakeOfficeError("PropertyNotLoaded", "worksheet.name");
    },
    set visibility(v: FakeSheet["visibility"]) {
      fake.enqueue(
        () => {
          const s = ref.get();
          if (
            v !== "Visible" &&
            fake.state.sheets.filter((x) => x !== s && x.visibility === "Visible").length === 0
          ) {
            throw new FakeOfficeError("InvalidOperation", "cannot hide the last visible sheet");
          }
          s.visibility = v;
        },
        { visibility: v }
      );
    },
    set tabColor(v: string) {
      fake.enqueue(() => (ref.get().tabColor = v), { tabColor: v });
    },
    getRange: (address?: string) => {
      fake.charge({ getRange: address ?? null });
      return range(fake, ref, address ?? FULL_SHEET);
    },
    getUsedRange: (valuesOnly?: boolean) => usedRange(fake, () => ref.get(), valuesOnly),
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
    pageLayout: recorder(
      (path, value) => fake.enqueue(() => (ref.get().pageLayout[path] = value), { [path]: value }),
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
    charts: charts(fake, ref),
    tables: {
      add: (address: string, hasHeaders: boolean) => {
        let table: FakeTable | undefined;
        fake.enqueue(
          () => {
            const s = ref.get();
            const r = toRangeRef(address);
            if (!hasHeaders) throw new Error("fake supports header tables only");
            if (fake.state.tables.some((t) => t.sheet === s && overlaps(toRangeRef(t.range), r)))
              throw new FakeOfficeError("InvalidOperation", "tables overlap");
            if (s.merges.some((m) => overlaps(toRangeRef(m), r)))
              throw new FakeOfficeError("InvalidOperation", "table over merged cells");
            const headers: string[] = [];
            for (let c = r.left; c <= r.right; c++)
              headers.push(String(s.cells.get(cellKey(r.top, c))?.value ?? ""));
            let n = fake.state.tables.length + 1;
            while (fake.state.tables.some((t) => t.name === `Table${n}`)) n++;
            table = { name: `Table${n}`, sheet: s, range: address, headers, props: {} };
            fake.state.tables.push(table);
          },
          { address }
        );
        return tableProxy(fake, { get: () => table ?? fail("table not created") });
      },
    },
  };
  return ws as unknown as Excel.Worksheet;
}

function charts(fake: FakeHost, ref: Ref<FakeSheet>) {
  return {
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
      return recorder(
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
  };
}

export function tableProxy(fake: FakeHost, ref: Ref<FakeTable>) {
  return new Proxy({} as Record<string, unknown>, {
    get(_, prop) {
      if (prop === "then") return undefined;
      if (prop === "getRange")
        return () => {
          let box: RangeRef | undefined;
          const obj = {
            load: () => {
              fake.enqueue(() => {
                const b = toRangeRef(ref.get().range);
                fake.respond({ rowIndex: b.top, rowCount: b.bottom, columnIndex: b.left }, () => {
                  box = b;
                });
              });
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
      if (prop === "rows") return { add: rowsAdd(fake, ref) };
      throw new FakeOfficeError("PropertyNotLoaded", `table.${String(prop)}`);
    },
    set(_, prop, value) {
      fake.enqueue(
        () => {
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
        },
        { [String(prop)]: value }
      );
      return true;
    },
  });
}

/**
 * TableRowCollection.add(index, values): inserts rows at `index` (null: after the last), moving
 * the cells below them (within the table's columns) down, and grows the table.
 */
function rowsAdd(fake: FakeHost, ref: Ref<FakeTable>) {
  return (index: number | null | undefined, values: unknown[][]) =>
    fake.enqueue(
      () => {
        const t = ref.get();
        const r = toRangeRef(t.range);
        const dataRows = r.bottom - r.top;
        const at = index === null || index === undefined ? dataRows : index;
        if (at < 0 || at > dataRows)
          throw new FakeOfficeError("InvalidArgument", `row index ${at} outside the table`);
        const first = r.top + 1 + at; // sheet row of the first inserted row
        const n = values.length;
        const s = t.sheet;
        const moved = new Map<string, FakeCell>();
        for (const [k, cell] of s.cells) {
          const c = parseRange(k);
          if (c.left >= r.left && c.left <= r.right && c.top >= first)
            moved.set(cellKey(c.top + n, c.left), cell);
          else moved.set(k, cell);
        }
        s.cells = moved;
        values.forEach((row, i) => {
          if (row.length !== r.right - r.left + 1)
            throw new FakeOfficeError("InvalidArgument", "row width does not match the table");
          row.forEach((v, j) => {
            const cell: FakeCell = { value: null };
            const key = cellKey(first + i, r.left + j);
            typeInto(cell, v, (f) => (fake.options.calculate?.(f, s.name, key) ?? 0) as FakeValue);
            s.cells.set(key, cell);
          });
        });
        t.range = `${cellKey(r.top, r.left)}:${cellKey(r.bottom + n, r.right)}`;
      },
      { rows: values }
    );
}
