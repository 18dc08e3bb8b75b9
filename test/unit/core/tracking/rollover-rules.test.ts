/**
 * One roll-over rule (core/tracking/rollover-rules.ts) for its three users: `phuluc rollover`,
 * the pane's file mode and the roll-over in the open workbook refuse the same workbooks with the
 * same words, and nothing is written when they do.
 */
import type { ImportResult, Task } from "../../../../src/core/model";
import {
  openErrorsBeforeRollover,
  rolloverRefusal,
  RolloverRefused,
} from "../../../../src/core/tracking/rollover-rules";
import { SHEETS } from "../../../../src/core/workbook/columns";
import type { TrackingWorkbook } from "../../../../src/core/workbook/tracking-model";
import { buildTrackingWorkbook } from "../../../../src/core/workbook/tracking-workbook";
import type { WorkbookSpec } from "../../../../src/core/spec/sheet-spec";
import { openTrackingBytes, rebuiltSpec } from "../../../../src/app/tracking-file";
import { runRollover } from "../../../../src/cli/commands/rollover-command";
import type { CliIo } from "../../../../src/cli/cli-io";
import { renderToOffice } from "../../../../src/render/office/render-workbook";
import { rolloverInOffice } from "../../../../src/render/office/rollover-office";
import { rolledFile } from "../../../../src/taskpane/tracking-actions";
import { writeWorkbook } from "../../../../src/xlsx/index";
import { FakeExcel } from "../../../fakes/office-fake";
import { AGENCIES } from "../../../helpers/tracking-fixtures";
import { lamDongPlan } from "../../../helpers/small-plan";

const task = (i: number, lead: string, time: string, years: number[], multi: boolean): Task =>
  ({
    key: `T${i}`,
    stt: `1.${i}`,
    numbered: `1.${i}`,
    group: "1",
    title: `Nhiệm vụ ${i}`,
    lead: [{ name: lead, written: lead, matched: true }],
    partners: [],
    timeText: time,
    schedule: {
      text: time,
      kind: multi ? "range" : "annual",
      years,
      deadlines: Object.fromEntries(years.map((y) => [y, multi ? "2027-12-31" : `${y}-12-31`])),
      finalDeadline: "2027-12-31",
      multiYear: multi,
    },
    extra: {},
    sourceRow: i + 1,
  }) as Task;

const YEARS = [2025, 2026, 2027];
const plan: ImportResult = lamDongPlan(
  { number: "12/KH-UBND", issuedOn: "2025-01-10", period: { from: 2025, to: 2027 } },
  "Nhóm",
  [
    task(1, "Sở Nội vụ", "Hằng năm", YEARS, false),
    task(2, "Công an tỉnh", "2025 - 2027", YEARS, true),
  ]
);

const spec2026 = (): WorkbookSpec =>
  buildTrackingWorkbook(plan, { reportYear: 2026, reportDate: "2026-11-21", directory: AGENCIES });

/** An in-memory CLI world: files by name, what was written, what was said. */
function memoryIo(files: Record<string, Uint8Array>) {
  const out = { stdout: "", stderr: "", written: [] as string[] };
  const io: CliIo = {
    stdout: (t) => void (out.stdout += t),
    stderr: (t) => void (out.stderr += t),
    readFile: async (f) => {
      if (!(f in files)) throw Object.assign(new Error("ENOENT"), { code: "ENOENT" });
      return files[f];
    },
    readStdin: async () => new Uint8Array(),
    exists: async (f) => f in files,
    writeFileAtomic: async (f, bytes) => {
      files[f] = bytes;
      out.written.push(f);
    },
    today: () => "2026-12-30",
  };
  return { io, out };
}

const workbook = (reportYear: number | null, historyYears: number[]): TrackingWorkbook => ({
  plan: {},
  reportYear,
  reportDate: null,
  dueSoonDays: 15,
  templateVersion: 1,
  taskSheet: SHEETS.tasks,
  rows: [],
  extraColumns: [],
  agencies: [],
  history: historyYears.map((year) => ({ year, key: "T1", lead: "Sở A", values: {} })),
});

describe("roll-over rule", () => {
  test("refusals by case", () => {
    const code = (wb: TrackingWorkbook, to?: number) => rolloverRefusal(wb, to)?.code ?? null;
    expect(code(workbook(null, []))).toBe("NO_REPORT_YEAR");
    expect(code(workbook(2026, []), 2026)).toBe("SAME_YEAR");
    expect(code(workbook(2026, []), 2025)).toBe("BACKWARDS");
    expect(code(workbook(2026, []), 2028)).toBe("NOT_NEXT_YEAR");
    expect(code(workbook(2026, [2025, 2026]))).toBe("YEAR_IN_HISTORY");
    expect(code(workbook(2026, [2024, 2025]), 2027)).toBeNull();
    expect(code(workbook(2026, []))).toBeNull();
    expect(rolloverRefusal(workbook(2026, []), 2028)?.message).toMatch(/năm kế tiếp \(2027\)/);
  });

  test("a workbook rolled to 2027 and set back to 2026 by hand is refused alike by CLI, pane and Excel", async () => {
    // Roll 2026 → 2027 in file mode, then write the year back to 2026 (history keeps 2026).
    const first = await openTrackingBytes(await writeWorkbook(spec2026()), "so-2026.xlsx");
    expect(rolloverRefusal(first.workbook)).toBeNull();
    const rolled = await rolledFile(first, first.workbook, 2027, [], "2026-12-30");
    const at2027 = await openTrackingBytes(rolled.bytes, "so-2027.xlsx");
    expect(at2027.workbook.history.some((h) => h.year === 2026)).toBe(true);
    const { spec: backSpec } = rebuiltSpec(
      at2027,
      { ...at2027.workbook, reportYear: 2026 },
      {
        reportYear: 2026,
        reportDate: "2026-12-31",
        today: "2026-12-30",
        changes: [],
        batchPrefix: "test",
      }
    );
    const backBytes = await writeWorkbook(backSpec);
    const back = await openTrackingBytes(backBytes, "so-lui.xlsx");
    expect(back.workbook.reportYear).toBe(2026);
    const words = /Lịch sử" đã có số liệu năm 2026: sổ đã được chuyển năm rồi/;

    // Pane, file mode.
    const pane = rolledFile(back, back.workbook, 2027, [], "2026-12-30");
    await expect(pane).rejects.toBeInstanceOf(RolloverRefused);
    await expect(pane).rejects.toThrow(words);

    // CLI: exit 2, nothing written.
    const { io, out } = memoryIo({ "so-lui.xlsx": backBytes });
    const code = await runRollover(["so-lui.xlsx", "--to", "2027", "-o", "moi.xlsx"], io);
    expect(code).toBe(2);
    expect(out.stderr).toMatch(words);
    expect(out.written).toEqual([]);

    // Open workbook: refused after the read, nothing changed.
    const fake = new FakeExcel({ sheets: [{ name: "Sheet1" }] });
    await renderToOffice(fake.context, backSpec, { onConflict: async () => "backup" });
    const snap = fake.snapshot();
    fake.syncCount = 0;
    const excel = rolloverInOffice(fake.context, 2027, { force: true });
    await expect(excel).rejects.toThrow(words);
    expect(fake.syncCount).toBe(2); // the read (sheet extents, then cells): nothing written
    expect(fake.snapshot()).toEqual(snap);
  });

  test("errors open in the finished year: listed by the rule; Excel goes on only when forced", async () => {
    const fake = new FakeExcel({ sheets: [{ name: "Sheet1" }] });
    await renderToOffice(fake.context, spec2026(), { onConflict: async () => "backup" });
    // Done on a date after the report date (21/11/2026): an error, not a completion.
    const tasks = fake.sheet(SHEETS.tasks);
    tasks.cells.set("M2", { value: "Hoàn thành" });
    tasks.cells.set("N2", { value: "15/12/2026" });
    const first = await openTrackingBytes(await writeWorkbook(spec2026()), "so.xlsx");
    expect(openErrorsBeforeRollover(first.workbook, first.readFindings)).toEqual([]);

    const snap = fake.snapshot();
    fake.syncCount = 0;
    const refused = rolloverInOffice(fake.context, 2027);
    await expect(refused).rejects.toMatchObject({
      code: "ROLLOVER_REFUSED",
      reason: "OPEN_ERRORS",
    });
    await expect(refused).rejects.toThrow(/Năm 2026 còn 1 lỗi/);
    expect(fake.syncCount).toBe(2); // the read (sheet extents, then cells): nothing written
    expect(fake.snapshot()).toEqual(snap);

    const done = await rolloverInOffice(fake.context, 2027, { force: true });
    expect(done).toMatchObject({ from: 2026, to: 2027 });
    expect(fake.sheet(SHEETS.info).cells.get("B14")?.value).toBe(2027);
  });
});
