/**
 * A PDF plan is read without losing or doubling any task's text, or says where it could not
 * be sure (make_nolose.py: tables drawn by reportlab where the test chooses the page breaks,
 * rules and text items; python-docx plans printed by LibreOffice).
 */
import "../helpers/integration-timeout";
import path from "node:path";
import { importJson, type JsonTask } from "../helpers/import-json";
import { requireTool } from "../helpers/tools";
import { generatePlans, importDocx, type WrittenTask } from "../helpers/generated-plans";

const MAKE = path.join(__dirname, "pdf", "make_nolose.py");

const squash = (s: string) => s.replace(/\s+/g, " ").trim();
const view = (t: JsonTask) => ({ ...t, title: squash(t.title) });
/** What a task row holds, as compared with what was written (agencies as the plan wrote them). */
const row = (t: JsonTask) => [t.stt, squash(t.title), t.lead.join("; "), t.timeText];
const wrote = (t: WrittenTask) => [t.stt, t.title, t.lead, t.time];

const ok = (["soffice", "python3-openpyxl"] as const).every((t) => requireTool(t));
const describeIf = ok ? describe : describe.skip;

describeIf("PDF plans: no task text lost or doubled, or a finding that says where", () => {
  let dir = "";
  let written: Record<string, WrittenTask[]> = {};

  beforeAll(() => {
    ({ dir, written } = generatePlans(MAKE, "pdf-nolose"));
  });

  const read = (name: string) => importJson(path.join(dir, `${name}.pdf`));

  it("no borders, portrait, the header repeated and centred over a wide title: every column", () => {
    const pdf = read("khong-vien-doc-lap");
    const want = written["khong-vien-doc-lap"];
    expect(pdf.tasks.map(row)).toEqual(want.map(wrote));
    expect(pdf.tasks.every((t) => t.partners.length > 0)).toBe(true);
  });

  it.each(["cau-qua-trang-ke", "cau-qua-trang-khong-vien"])(
    "%s: a page break between two sentences of a task joins them, no extra task",
    (name) => {
      const pdf = read(name);
      expect(pdf.tasks.map(row)).toEqual(written[name].map(wrote));
      expect(pdf.findings.map((f) => f.code)).not.toContain("STT_EMPTY");
    }
  );

  it("a time wider than its column, and a note beside the table: read, and said", () => {
    const pdf = read("chu-lech");
    expect(pdf.tasks.map(row)).toEqual(written["chu-lech"].map(wrote));
    expect(pdf.tasks.map((t) => t.timeText)).toContain("01/2026-12/2026");
    const outside = pdf.findings.filter((f) => f.code === "PDF_TEXT_OUTSIDE_CELLS");
    expect(outside.map((f) => f.message)).toEqual([
      'Trang 2: văn bản "(bổ sung)" nằm trong vùng bảng nhưng không thuộc ô nào nên không được ' +
        "nhập vào nhiệm vụ; hãy xem lại trang này và bổ sung nếu cần.",
    ]);
  });

  it("no borders, a note across the columns between tasks: its own row, not a task's words", () => {
    const pdf = read("ghi-chu-giua-bang");
    expect(pdf.tasks.map(row)).toEqual(written["ghi-chu-giua-bang"].map(wrote));
    const notes = pdf.findings.filter((f) => f.code === "NOTE_ROW");
    expect(notes).toHaveLength(1);
    expect(notes[0].message).toContain("Ghi chú: các nhiệm vụ dưới đây");
  });

  it("no borders, a heading centred across the columns: the tasks under it still read", () => {
    const pdf = read("tieu-de-giua-bang");
    const titles = pdf.tasks.map((t) => squash(t.title));
    // Every task written, in order; the heading is a row without STT or lead, and said so.
    expect(titles.filter((t) => t.startsWith("Nhiệm vụ số"))).toEqual(
      written["tieu-de-giua-bang"].map((t) => t.title)
    );
    const heading = pdf.tasks.filter((t) => !t.title.startsWith("Nhiệm vụ số"));
    expect(heading.map((t) => squash(t.title))).toEqual([
      "Nhiệm vụ bổ sung theo Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị",
    ]);
    expect(pdf.findings.map((f) => f.code)).toEqual(
      expect.arrayContaining(["STT_EMPTY", "LEAD_MISSING"])
    );
  });

  it("no borders, two header rows: every column, the header's words no finding", () => {
    const pdf = read("hai-dong-tieu-de");
    expect(pdf.tasks.map(row)).toEqual(written["hai-dong-tieu-de"].map(wrote));
    expect(pdf.tasks.every((t) => t.partners.length > 0)).toBe(true);
    expect(pdf.findings.map((f) => f.code)).not.toContain("PDF_TEXT_OUTSIDE_CELLS");
  });

  it("no borders, group headings without a number: groups, not words of the task above", () => {
    const pdf = read("nhom-khong-so");
    expect(pdf.tasks.map(row)).toEqual(written["nhom-khong-so"].map(wrote));
    expect(pdf.groups.map((g) => g.title)).toEqual([
      "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
      "PHÁT TRIỂN HẠ TẦNG SỐ",
      "ĐÀO TẠO NGUỒN NHÂN LỰC",
    ]);
  });

  it("partners merged over tasks, one of them alone on the next page: carried, and said", async () => {
    const pdf = read("phoi-hop-gop-cat");
    const want = written["phoi-hop-gop-cat"];
    expect(pdf.tasks.map((t) => [t.stt, t.partners.join("; ")])).toEqual(
      want.map((t) => [t.stt, t.partners.replace(/, /g, "; ")])
    );
    const docx = await importDocx(path.join(dir, "phoi-hop-gop-cat.docx"));
    expect(pdf.tasks.map(view)).toEqual(docx.tasks.map(view));
    // The cell on the new page could also have been empty on purpose: the officer is told.
    const carried = pdf.findings.filter((f) => f.code === "PDF_CELL_CARRIED");
    expect(carried.map((f) => f.message)).toEqual(
      [
        [2, 6, "Sở Y tế, Sở Giáo dục và Đào tạo"],
        [4, 21, "Sở Tư pháp; Sở Nội vụ"],
        [6, 36, "Công an tỉnh"],
      ].map(
        ([page, stt, text]) =>
          `Trang ${page}, cột "Cơ quan phối hợp": ô của nhiệm vụ ${stt} ở đầu trang để trống, ` +
          `ngay dưới một ô gộp bị ngắt trang: đã lấy chữ của ô gộp "${text}". ` +
          "Nếu ô này vốn để trống, hãy xóa ở bảng theo dõi."
      )
    );
  });
});
