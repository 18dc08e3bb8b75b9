/**
 * The appendix keeps the plan's further columns ("Sản phẩm", "Ghi chú"), with what each task's
 * row holds in them, and still fits one A4 landscape page across.
 */
import { appendixPaper } from "../../../../src/core/papers/appendix";
import { isTable, PAGE_CHARS } from "../../../../src/core/papers/paper";
import { defaultPrintTexts } from "../../../../src/core/papers/print-texts";
import {
  emptyTrackingRow,
  type TrackingWorkbook,
} from "../../../../src/core/workbook/tracking-model";

const wb = (extraColumns: string[]): TrackingWorkbook => ({
  plan: { issuer: "UBND tỉnh Lâm Đồng" },
  reportYear: 2026,
  reportDate: "2026-11-21",
  dueSoonDays: 15,
  templateVersion: 1,
  taskSheet: "Nhiệm vụ",
  extraColumns,
  agencies: [],
  history: [],
  rows: [
    emptyTrackingRow({
      key: "T1",
      stt: "1",
      title: "Xây dựng quy chế",
      lead: "Sở Tư pháp",
      timeText: "2026",
      extra: { "Sản phẩm": "Quyết định của UBND tỉnh", "Ghi chú": "" },
      sheetRow: 2,
    }),
  ],
});

test.each([[[]], [["Sản phẩm"]], [["Sản phẩm", "Ghi chú"]]])(
  "plan columns %j: headers and cells kept, one page across",
  (extras: string[]) => {
    for (const status of [undefined, { year: 2026, date: "2026-11-21" }]) {
      const paper = appendixPaper(wb(extras), { texts: defaultPrintTexts({}), status });
      expect(paper.grid.reduce((a, b) => a + b, 0)).toBe(PAGE_CHARS);
      const table = paper.blocks.find(isTable)!;
      expect(table.columns.slice(5, 5 + extras.length).map((c) => c.header)).toEqual(extras);
      if (extras.includes("Sản phẩm"))
        expect(table.rows[0].cells[5]).toBe("Quyết định của UBND tỉnh");
      expect(paper.grid.length).toBe(table.columns.length);
    }
  }
);

describe("the appendix prints the plan's STT and bullets as written", () => {
  const row = (key: string, stt: string, title: string, group = "01") =>
    emptyTrackingRow({ key, stt, group, title, lead: "Sở Tư pháp", sheetRow: 2 });
  const printed = (rows: ReturnType<typeof row>[]) => {
    const w = wb([]);
    w.rows = rows.map((r, i) => ({ ...r, sheetRow: i + 2 }));
    const table = appendixPaper(w, { texts: defaultPrintTexts({}) }).blocks.find(isTable)!;
    return table.rows.filter((r) => r.kind !== "group").map((r) => [r.cells[0], r.cells[1]]);
  };
  test("a row split at its bullets shows its STT once", () => {
    expect(
      printed([
        row("T01a", "01", "Nội dung A"),
        row("T01b", "01", "Nội dung B"),
        row("T02", "02", "C"),
      ])
    ).toEqual([
      ["01", "Nội dung A"],
      ["", "Nội dung B"],
      ["02", "C"],
    ]);
  });
  test("numbers the import made up for unnumbered rows are not printed", () => {
    expect(
      printed([row("T(2)a", "(2)a", "A"), row("T1.(3)", "1.(3)", "B"), row("T(4)", "(4)", "C")])
    ).toEqual([
      ["", "A"],
      ["", "B"],
      ["(4)", "C"],
    ]);
  });
  test("a stray bullet before a one-line title goes; a list's lines stay", () => {
    expect(
      printed([row("T1", "1", "- Tổ chức hội nghị"), row("T2", "2", "Gồm:\n- A\n- B")])
    ).toEqual([
      ["1", "Tổ chức hội nghị"],
      ["2", "Gồm:\n- A\n- B"],
    ]);
  });
});

test("headers as the plan names them; the usual ones when the plan's are unknown", () => {
  const w = wb(["Sản phẩm"]);
  w.plan = {
    ...w.plan,
    headers: { stt: "TT", title: "Nội dung nhiệm vụ", time: "Thời gian hoàn thành" },
  };
  const table = appendixPaper(w, { texts: defaultPrintTexts({}) }).blocks.find(isTable)!;
  expect(table.columns.map((c) => c.header)).toEqual([
    "TT",
    "Nội dung nhiệm vụ",
    "Cơ quan chủ trì",
    "Cơ quan phối hợp",
    "Thời gian hoàn thành",
    "Sản phẩm",
  ]);
});
