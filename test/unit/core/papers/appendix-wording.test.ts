/**
 * The appendix names a task's agencies in the plan's words: the import keeps each cell as
 * written (Task.leadText/partnersText), the workbook carries it ("Chủ trì / Phối hợp (nguyên văn
 * kế hoạch)"), the appendix prints it once per task, lines kept, spaces collapsed; a task added
 * by hand, an older workbook or agencies retyped by the officer fall back to the names joined.
 */
import { importPlan } from "../../../../src/core/import/import-plan";
import { editTask, replaceAgency } from "../../../../src/core/import/edit-result";
import { defaultDirectory } from "../../../../src/core/agency/default-directory";
import { appendixPaper, wordingOf } from "../../../../src/core/papers/appendix";
import { isTable } from "../../../../src/core/papers/paper";
import { defaultPrintTexts } from "../../../../src/core/papers/print-texts";
import { taskRows } from "../../../../src/core/workbook/task-rows";
import { rowFromTracking } from "../../../../src/core/workbook/from-tracking";
import {
  emptyTrackingRow,
  type TrackingRow,
  type TrackingWorkbook,
} from "../../../../src/core/workbook/tracking-model";

// A pasted table (tabs): lead cells with a collective, "và", a quoted two-line cell.
const TABLE = [
  "STT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian thực hiện",
  "1\tTuyên truyền\tCác sở, ngành liên quan\tUBND các huyện,  thành phố\t2025",
  "2\tCơ sở dữ liệu\tSở Y tế và Sở Giáo dục và Đào tạo\tSở Tài chính, Sở Nội vụ\t2025",
  '3\tAn toàn thông tin\t"Công an tỉnh\nSở Nội vụ"\t"- Sở Tư pháp\n- Báo Lâm Đồng"\t2025',
].join("\n");

const workbook = (rows: TrackingRow[]): TrackingWorkbook => ({
  plan: { issuer: "UBND tỉnh Lâm Đồng" },
  reportYear: 2025,
  reportDate: "2025-11-20",
  dueSoonDays: 15,
  templateVersion: 1,
  taskSheet: "Nhiệm vụ",
  extraColumns: [],
  agencies: [],
  history: [],
  rows: rows.map((r, i) => ({ ...r, sheetRow: i + 2 })),
});

/** [title, lead cell, partner cell] of each printed task. */
function printed(rows: TrackingRow[]): string[][] {
  const table = appendixPaper(workbook(rows), { texts: defaultPrintTexts({}) }).blocks.find(
    isTable
  )!;
  return table.rows
    .filter((r) => r.kind !== "group")
    .map((r) => [r.cells[1], r.cells[2], r.cells[3]]);
}

test("import keeps each lead and partner cell as written, lines kept, spaces collapsed", async () => {
  const r = await importPlan({ kind: "text", text: TABLE, fileName: "bang.txt" });
  expect(r.tasks.map((t) => [t.leadText, t.partnersText])).toEqual([
    ["Các sở, ngành liên quan", "UBND các huyện, thành phố"],
    ["Sở Y tế và Sở Giáo dục và Đào tạo", "Sở Tài chính, Sở Nội vụ"],
    ["Công an tỉnh\nSở Nội vụ", "- Sở Tư pháp\n- Báo Lâm Đồng"],
  ]);
  // The directory's reading is another thing: two leads matched out of "… và …".
  expect(r.tasks[1].lead.map((a) => a.name)).toEqual(["Sở Y tế", "Sở Giáo dục và Đào tạo"]);
  // The workbook's rows carry the words, each lead row of the task the same.
  const rows = taskRows(r);
  expect(rows.filter((x) => x.key === r.tasks[1].key).map((x) => [x.lead, x.leadText])).toEqual([
    ["Sở Y tế", "Sở Y tế và Sở Giáo dục và Đào tạo"],
    ["Sở Giáo dục và Đào tạo", "Sở Y tế và Sở Giáo dục và Đào tạo"],
  ]);
});

test("agencies retyped in the preview are no longer the plan's words; a name fixed still is", async () => {
  const r = await importPlan({ kind: "text", text: TABLE, fileName: "bang.txt" });
  const key = r.tasks[0].key;
  const edited = editTask(r, key, { lead: "Sở Tài chính" }, defaultDirectory()).tasks[0];
  expect(edited.leadText).toBeUndefined();
  expect(edited.partnersText).toBe("UBND các huyện, thành phố");
  const fixed = replaceAgency(r, "Các sở, ngành liên quan", "Sở Tài chính", defaultDirectory());
  expect(fixed.tasks[0].leadText).toBe("Các sở, ngành liên quan");
});

test("a task of two lead rows prints once, in the plan's words, whichever row comes first", () => {
  const row = (lead: string, leadText?: string) =>
    emptyTrackingRow({
      key: "T2",
      stt: "2",
      title: "Cơ sở dữ liệu",
      lead,
      allLeads: ["Sở Y tế", "Sở Giáo dục và Đào tạo"],
      partners: ["Sở Tài chính"],
      planPartners: ["Sở Tài chính"],
      leadText,
      partnersText: leadText ? "Sở Tài chính,   Sở Nội vụ" : leadText,
    });
  const words = "Sở Y tế và Sở Giáo dục và Đào tạo";
  expect(printed([row("Sở Y tế", words), row("Sở Giáo dục và Đào tạo", words)])).toEqual([
    ["Cơ sở dữ liệu", words, "Sở Tài chính, Sở Nội vụ"],
  ]);
  // Sorted by the officer: the first row found has lost nothing.
  expect(printed([row("Sở Y tế", ""), row("Sở Giáo dục và Đào tạo", words)])[0][1]).toBe(words);
  // An older workbook (no such column) and a task added by hand: the names, joined.
  for (const r of [row("Sở Y tế"), row("Sở Y tế", "")])
    expect(printed([r])).toEqual([
      ["Cơ sở dữ liệu", "Sở Y tế; Sở Giáo dục và Đào tạo", "Sở Tài chính"],
    ]);
});

test("the plan's words as printed: NFC, spaces collapsed per line, lines kept, one-line bullet off", () => {
  const of = (leadText: string) => wordingOf([emptyTrackingRow({ leadText })], "leadText");
  expect(of("Sở  Khoa học\u00a0và Công nghệ")).toBe("Sở Khoa học và Công nghệ");
  expect(of("So\u031b\u0309 Y te\u0302\u0301")).toBe("Sở Y tế");
  expect(of("Công an tỉnh\n\n  Sở Nội vụ ")).toBe("Công an tỉnh\nSở Nội vụ");
  expect(of("- Sở Tài chính")).toBe("Sở Tài chính");
  expect(of("- Sở Tư pháp\n- Báo Lâm Đồng")).toBe("- Sở Tư pháp\n- Báo Lâm Đồng");
  expect(of("   ")).toBeUndefined();
});

test("a workbook rebuilt (fix, roll-over) keeps the plan's words", () => {
  const row = emptyTrackingRow({ key: "T1", leadText: "Các sở, ngành", partnersText: "" });
  expect(rowFromTracking(row, [])).toMatchObject({ leadText: "Các sở, ngành", partnersText: "" });
  expect(rowFromTracking(emptyTrackingRow({ key: "T1" }), [])).toMatchObject({ leadText: "" });
});
