/** The Theo dõi tab's Excel adapter: a finding selects its cell in ONE sync, best effort. */
import { selectCell } from "../../../src/host/tracking-excel";
import { findingCell } from "../../../src/taskpane/tracking-view";
import type { Finding } from "../../../src/core/model";
import { cellFinding } from "../../../src/core/tracking/tracking-findings";

function installFakeExcel(sheets: string[]) {
  const log: string[] = [];
  let syncs = 0;
  let pending: string[] = [];
  const context = {
    workbook: {
      worksheets: {
        getItem: (name: string) => {
          pending.push(`sheet ${name}`);
          return {
            activate: () => pending.push(`activate ${name}`),
            getRange: (address: string) => ({
              select: () => pending.push(`select ${name}!${address}`),
            }),
          };
        },
      },
    },
    sync: async () => {
      syncs++;
      const ops = pending;
      pending = [];
      const missing = ops.find((op) => op.startsWith("sheet ") && !sheets.includes(op.slice(6)));
      if (missing) throw Object.assign(new Error("ItemNotFound"), { code: "ItemNotFound" });
      log.push(...ops.filter((op) => !op.startsWith("sheet ")));
    },
  };
  (globalThis as unknown as { Excel: unknown }).Excel = {
    run: (fn: (c: unknown) => Promise<unknown>) => fn(context),
  };
  return { log, syncs: () => syncs };
}

const statusFinding: Finding = cellFinding(
  "STATUS_NONCANONICAL",
  "warning",
  { sheet: "Nhiệm vụ", row: 5, column: "status" },
  '"hoan thanh" được hiểu là "Hoàn thành".'
);

describe("selecting a finding's cell in Excel", () => {
  test("column from the header row read with the workbook, then one sync", async () => {
    // Columns moved by the officer: "Trạng thái" is in C here, not M as the builder wrote it.
    const cells = [{ name: "Nhiệm vụ", rows: [["Mã nhiệm vụ", "Nhiệm vụ", "Trạng thái"]] }];
    const target = findingCell(cells, statusFinding, "Nhiệm vụ")!;
    expect(target).toEqual({ sheet: "Nhiệm vụ", address: "C5" });
    const fake = installFakeExcel(["Nhiệm vụ"]);
    await expect(selectCell(target.sheet, target.address)).resolves.toBe(true);
    expect(fake.syncs()).toBe(1);
    expect(fake.log).toEqual(["activate Nhiệm vụ", "select Nhiệm vụ!C5"]);
  });

  test("a sheet renamed or deleted since: false, nothing thrown", async () => {
    const fake = installFakeExcel(["Khác"]);
    await expect(selectCell("Nhiệm vụ", "C5")).resolves.toBe(false);
    expect(fake.syncs()).toBe(1);
    expect(fake.log).toEqual([]);
  });
});
