/** importPlan on small .docx inputs written by python-docx (test/fixtures/import/make_fixtures.py). */
import { readFileSync } from "fs";
import { importPlan } from "../../../../src/core/import/import-plan";
import type { ImportResult } from "../../../../src/core/model";
import { inputError } from "../../../helpers/input-error";
import { TEST_FIXTURES } from "../../../helpers/repo-paths";

const FIX = `${TEST_FIXTURES}/import`;
const docx = (name: string) =>
  importPlan({
    kind: "docx",
    bytes: new Uint8Array(readFileSync(`${FIX}/${name}`)),
    fileName: name,
  });
const codes = (r: ImportResult) => r.findings.map((f) => f.code);

test("a document without a phụ lục table -> NO_TABLE naming the file", async () => {
  const e = await inputError(docx("no-phu-luc.docx"));
  expect(e.code).toBe("NO_TABLE");
  expect(e.message).toBe(
    'Không tìm thấy bảng phụ lục (cần các cột STT, Nhiệm vụ, Đơn vị chủ trì…) trong tệp "no-phu-luc.docx", ' +
      'cũng không có phần "TỔ CHỨC THỰC HIỆN" / "PHÂN CÔNG NHIỆM VỤ" giao việc cho từng cơ quan.'
  );
});

test("pasted text with no table -> NO_TABLE", async () => {
  const e = await inputError(importPlan({ kind: "text", text: "KẾ HOẠCH\nkhông có bảng" }));
  expect(e.code).toBe("NO_TABLE");
  expect(e.file).toBe("(văn bản dán)");
});

test("a header with no rows -> EMPTY_TABLE", async () => {
  const e = await inputError(docx("empty-table.docx"));
  expect(e.code).toBe("EMPTY_TABLE");
  expect(e.message).toContain("chỉ có dòng tiêu đề");
});

test("truncated and legacy files reach the caller as InputError", async () => {
  const full = readFileSync(`${FIX}/bullets.docx`);
  const cut = importPlan({
    kind: "docx",
    bytes: new Uint8Array(full.subarray(0, 3000)),
    fileName: "cut.docx",
  });
  expect((await inputError(cut)).code).toBe("FILE_CORRUPT");
  expect((await inputError(docx("legacy.doc"))).code).toBe("LEGACY_DOC");
});

test("header on the 2nd row under a merged title row, column numbers skipped, Roman groups with 1..n", async () => {
  const r = await docx("header-second-row.docx");
  expect(r.groups).toEqual([
    { stt: "I", title: "CÔNG TÁC TUYÊN TRUYỀN", sourceRow: 4 },
    { stt: "II", title: "CÔNG TÁC ĐỐI NGOẠI", sourceRow: 7 },
  ]);
  expect(r.tasks.map((t) => [t.key, t.stt, t.numbered, t.group])).toEqual([
    ["T1", "01", "1", "I"],
    ["T2", "02", "2", "I"],
    ["T3", "03", "3", "II"],
  ]);
  expect(r.extraColumns).toEqual(["Sản phẩm"]);
  expect(r.tasks[0].extra).toEqual({ "Sản phẩm": "Chuyên mục" });
  expect(r.tasks[0].timeText).toBe("Quý II");
  expect(r.plan.period).toEqual({ from: 2025, to: 2027 });
});

test("a header typed again after a page break is skipped; extra column kept", async () => {
  const r = await docx("repeated-header.docx");
  expect(r.tasks.map((t) => t.key)).toEqual(["T1.1", "T1.2"]);
  expect(r.tasks[1].extra).toEqual({ "Ghi chú": "Ưu tiên" });
  expect(r.tasks[1].sourceRow).toBe(5);
});

test("a table continued in a second table (same header) and a third (no header, same width)", async () => {
  const r = await docx("continued-table.docx");
  expect(r.groups.map((g) => g.stt)).toEqual(["1", "2"]);
  expect(r.tasks.map((t) => [t.key, t.group])).toEqual([
    ["T1.1", "1"],
    ["T1.2", "1"],
    ["T2.1", "2"],
  ]);
  expect(
    r.findings.find((f) => f.location.table === 3 && f.code !== "SCHEDULE_UNPARSED")
  ).toBeUndefined();
});

test("bullets: equal counts split one-to-one, a single value goes to all, a mismatch is flagged", async () => {
  const r = await docx("bullets.docx");
  const byKey = Object.fromEntries(r.tasks.map((t) => [t.key, t]));
  expect(byKey["T1.1a"].title).toBe("Tổ chức hội nghị");
  expect(byKey["T1.1a"].lead.map((a) => a.name)).toEqual(["Sở Nội vụ"]);
  expect(byKey["T1.1b"].lead.map((a) => a.name)).toEqual(["Sở Tài chính"]);
  expect([byKey["T1.1a"].timeText, byKey["T1.1b"].timeText]).toEqual(["2025", "2026"]);

  expect(["T1.2a", "T1.2b", "T1.2c"].map((k) => byKey[k].title)).toEqual([
    "Các việc sau: Việc A",
    "Các việc sau: Việc B",
    "Các việc sau: Việc C",
  ]);
  for (const k of ["T1.2a", "T1.2b", "T1.2c"]) {
    expect(byKey[k].lead.map((a) => a.name)).toEqual(["Sở Thông tin và Truyền thông"]);
    expect(byKey[k].needsReview).toBeUndefined();
  }

  // 2 tasks, 3 leads: never guess; both tasks keep the whole cell and need review.
  for (const k of ["T1.3a", "T1.3b"]) {
    expect(byKey[k].needsReview).toBe(true);
    expect(byKey[k].lead.map((a) => a.name)).toEqual(["Sở Nội vụ", "Sở Tài chính", "Công an tỉnh"]);
  }
  const mismatch = r.findings.filter((f) => f.code === "BULLET_MISMATCH");
  expect(mismatch).toHaveLength(1);
  expect(mismatch[0].location).toEqual({
    file: "bullets.docx",
    table: 1,
    row: 5,
    column: "Đơn vị chủ trì",
  });
  expect(mismatch[0].severity).toBe("warning");

  // The row with an empty STT is a task, numbered automatically and flagged.
  const auto = r.tasks[r.tasks.length - 1];
  expect([auto.stt, auto.numbered, auto.key, auto.group]).toEqual(["", "1.(4)", "T1.(4)", "1"]);
  expect(auto.title).toBe("Nhiệm vụ chưa đánh số");
  expect(codes(r)).toContain("STT_EMPTY");
});

test("merged cells: group row merged across, 'II. TITLE' in a merged STT cell, one lead merged over two tasks", async () => {
  const r = await docx("merges.docx");
  expect(r.groups.map((g) => [g.stt, g.title])).toEqual([
    ["I", "NHÓM MỘT"],
    ["II", "NHÓM HAI"],
  ]);
  expect(r.tasks.map((t) => [t.key, t.group, t.lead.map((a) => a.name).join("|")])).toEqual([
    ["T1", "I", "Sở Tài chính"],
    ["T2", "I", "Sở Tài chính"],
    ["T3", "II", "Công an tỉnh"],
  ]);
  expect(codes(r)).not.toContain("LEAD_MISSING");
});

test("every finding has a code, a severity, a Vietnamese message and a location in the file", async () => {
  const r = await docx("bullets.docx");
  expect(r.findings.length).toBeGreaterThan(0);
  for (const f of r.findings) {
    expect(f.code).toMatch(/^[A-Z_]+$/);
    expect(["error", "warning", "info"]).toContain(f.severity);
    expect(f.message).toMatch(/[ạảãàáâậầấẩẫăắằặẳẵêềếểễệôồốổỗộơờớởỡợưừứửữựđ]/i);
    expect(f.location.file).toBe("bullets.docx");
  }
});

test("a phụ lục with a header and group rows but no task row -> NO_TASKS, never 0 tasks", async () => {
  const text = [
    "STT\tNhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian",
    "I\tCÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH\t\t\t",
    "II\tHOÀN THIỆN THỂ CHẾ, CHÍNH SÁCH\t\t\t",
  ].join("\n");
  const e = await inputError(importPlan({ kind: "text", text, fileName: "chi-nhom.txt" }));
  expect(e.code).toBe("NO_TASKS");
  expect(e.message).toContain('Không tìm thấy nhiệm vụ nào trong tệp "chi-nhom.txt"');
});
