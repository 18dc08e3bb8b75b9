/**
 * HTML as Word puts it on the clipboard (and saves it as a web page): the table's cells keep
 * their paragraphs, "mso-list" bullets and <br>, so a two-row phụ lục stays two rows. The plain
 * text Word puts beside it cannot: it is the fallback only.
 */
import { readFileSync } from "fs";
import path from "path";
import { importPlan } from "../../../../src/core/import/import-plan";
import { readHtml } from "../../../../src/core/readers/html-reader";
import { decodeEntities } from "../../../../src/core/readers/html-tokens";
import { decodeHtml, openPlanFile } from "../../../../src/app/open-plan-file";
import { TEST_FIXTURES } from "../../../helpers/repo-paths";

const FIXTURES = path.join(TEST_FIXTURES, "html");
const wordHtml = readFileSync(path.join(FIXTURES, "word-clipboard.html"), "utf8");
const wordText = readFileSync(path.join(FIXTURES, "word-clipboard.txt"), "utf8");

test("Word's clipboard HTML: cells with paragraphs, bullets and <br> stay cells", () => {
  const { tables, paragraphs } = readHtml(wordHtml, "(dán)");
  expect(tables).toHaveLength(1);
  const rows = tables[0].rows;
  expect(rows).toHaveLength(3);
  expect(rows[0]).toEqual([
    "STT",
    "Nhiệm vụ",
    "Cơ quan chủ trì",
    "Cơ quan phối hợp",
    "Thời gian thực hiện",
  ]);
  expect(rows[1][1]).toBe(
    "Tuyên truyền Kết luận số 57-KL/TW:\n- Tổ chức hội nghị quán triệt cho cán bộ chủ chốt\n- Đăng tải chuyên mục trên Cổng thông tin điện tử tỉnh"
  );
  expect(rows[1][3]).toBe("Sở Nội vụ,\nCông an tỉnh");
  expect(rows[2][3]).toBe("");
  expect(tables[0].context).toContain("Kèm theo Kế hoạch số 90/KH-UBND");
  // The style sheet and Word's <xml> block are not text of the plan.
  expect(paragraphs?.map((p) => p.text).join(" ")).not.toMatch(/mso-|OfficeDocumentSettings/);
});

test("imported from HTML: the bullet row is two tasks with their own lead and time", async () => {
  const r = await importPlan({ kind: "html", html: wordHtml, fileName: "(dán)" });
  expect(r.tasks.map((t) => [t.numbered, t.lead.map((a) => a.name), t.timeText])).toEqual([
    ["1a", ["Sở Văn hóa, Thể thao và Du lịch"], "Quý III/2025"],
    ["1b", ["Sở Thông tin và Truyền thông"], "Hằng năm"],
    ["2", ["Sở Tài chính", "Sở Nội vụ", "Công an tỉnh"], "2025 – 2030"],
  ]);
  expect(r.tasks[0].title).toBe(
    "Tuyên truyền Kết luận số 57-KL/TW: Tổ chức hội nghị quán triệt cho cán bộ chủ chốt"
  );
  expect(r.tasks[0].partners.map((a) => a.name)).toEqual(["Sở Nội vụ", "Công an tỉnh"]);
  expect(r.tasks[2].title).toBe("Xây dựng chuyên mục đối ngoại\ntrên sóng phát thanh, truyền hình");
  expect(r.plan.number).toBe("90/KH-UBND");
  expect(r.plan.province).toBe("Nam Định");
});

test("the same paste as Word's plain text breaks the rows: why the HTML is read first", async () => {
  const r = await importPlan({ kind: "text", text: wordText, fileName: "(dán)" });
  expect(r.tasks.map((t) => t.numbered)).not.toEqual(["1a", "1b", "2"]);
});

test("entities: named, Latin-1 letters, numeric; a charset declared by a Word web page", async () => {
  expect(decodeEntities("S&#7903; T&agrave;i ch&iacute;nh &amp; &#x110;&agrave;i")).toBe(
    "Sở Tài chính & Đài"
  );
  const page =
    '<html><head><meta http-equiv=Content-Type content="text/html; charset=windows-1252"></head>' +
    "<body><p>K&#7870; HO&#7840;CH</p><table><tr><td>STT</td><td>Nhi&#7879;m v&#7909;</td>" +
    "<td>C&#417; quan ch&#7911; tr&igrave;</td><td>Th&#7901;i gian th&#7921;c hi&#7879;n</td></tr>" +
    "<tr><td>1</td><td>Qu&#7843;ng b&aacute; \xe9</td><td>S&#7903; T&agrave;i ch&iacute;nh</td><td>2025</td></tr></table></body></html>";
  const bytes = Uint8Array.from([...page].map((c) => c.charCodeAt(0)));
  expect(decodeHtml(bytes)).toContain("b&aacute; é"); // 0xE9 read as windows-1252
  const input = await openPlanFile(bytes, "ke-hoach.htm");
  expect(input.kind).toBe("html");
  const r = await importPlan(input);
  expect(r.tasks.map((t) => [t.title, t.lead[0].name])).toEqual([["Quảng bá é", "Sở Tài chính"]]);
});

test("colspan/rowspan become merges; a group row merged across stays a group", async () => {
  const html =
    "<table><tr><th>STT</th><th>Nội dung</th><th>Đơn vị chủ trì</th><th>Thời gian</th></tr>" +
    '<tr><td>I</td><td colspan="3"><b>TUYÊN TRUYỀN</b></td></tr>' +
    '<tr><td>1</td><td>Hội nghị</td><td rowspan="2">Sở Nội vụ</td><td>2025</td></tr>' +
    "<tr><td>2</td><td>Tập huấn</td><td>2026</td></tr></table>";
  const { tables } = readHtml(html, "x");
  expect(tables[0].merges).toEqual([
    { top: 1, left: 1, bottom: 1, right: 3 },
    { top: 2, left: 2, bottom: 3, right: 2 },
  ]);
  expect(tables[0].rows[3]).toEqual(["2", "Tập huấn", "", "2026"]);
  const r = await importPlan({ kind: "html", html, fileName: "x.html" });
  expect(r.groups.map((g) => [g.stt, g.title])).toEqual([["I", "TUYÊN TRUYỀN"]]);
  expect(r.tasks.map((t) => t.timeText)).toEqual(["2025", "2026"]);
});

test("a phụ lục that goes on in a second table (header typed again) imports whole, as from .docx", async () => {
  const header =
    "<tr><td>STT</td><td>Nhiệm vụ</td><td>Đơn vị chủ trì</td><td>Đơn vị phối hợp</td><td>Thời gian thực hiện</td></tr>";
  const html = `<html><body>
    <p>Số: 12/KH-UBND</p><p>Lâm Đồng, ngày 5 tháng 3 năm 2025</p>
    <p>PHỤ LỤC</p><p>DANH MỤC NHIỆM VỤ</p>
    <table>${header}
      <tr><td>I</td><td colspan="4">CÔNG TÁC CHỈ ĐẠO</td></tr>
      <tr><td>1</td><td>Xây dựng kế hoạch</td><td>Sở Nội vụ</td><td></td><td>2025</td></tr>
    </table>
    <p></p>
    <table>${header}
      <tr><td>II</td><td colspan="4">HẠ TẦNG SỐ</td></tr>
      <tr><td>1</td><td>Nâng cấp trung tâm dữ liệu</td><td>Sở Tài chính</td><td></td><td>2026</td></tr>
    </table></body></html>`;
  const { tables } = readHtml(html, "ke-hoach.html");
  expect(tables).toHaveLength(2);
  // The second table's context is the text since the first one, not the "PHỤ LỤC" heading.
  expect(tables[1].context).toBe("");
  const r = await importPlan({ kind: "html", html, fileName: "ke-hoach.html" });
  expect(r.groups.map((g) => g.stt)).toEqual(["I", "II"]);
  expect(r.tasks.map((t) => [t.group, t.title])).toEqual([
    ["I", "Xây dựng kế hoạch"],
    ["II", "Nâng cấp trung tâm dữ liệu"],
  ]);
  expect(r.findings.map((f) => f.code)).not.toContain("EXTRA_TABLE_IGNORED");
});

describe("a plan on a portal's web page (layout tables around it)", () => {
  const page = readFileSync(path.join(FIXTURES, "portal-page.html"), "utf8");

  test("the frame tables are the page's flow; the appendix is the one table", () => {
    const { tables, paragraphs } = readHtml(page, "trang.html");
    expect(tables).toHaveLength(1);
    const rows = tables[0]!.rows;
    expect(rows[0]).toEqual([
      "TT",
      "Nội dung nhiệm vụ",
      "Cơ quan chủ trì",
      "Cơ quan phối hợp",
      "Thời gian hoàn thành",
    ]);
    expect(rows).toHaveLength(7);
    // A small table inside a task cell stays that cell's lines, one per row (as in a .docx).
    expect(rows[5]![1]).toBe(
      "Triển khai hệ thống quản lý văn bản liên thông\nCấp tỉnh | Quý I\nCấp xã | Quý III"
    );
    expect(tables[0]!.context).toContain("PHỤ LỤC");
    const text = paragraphs!.map((p) => p.text);
    // The menu, the heading and the text after the table, in the page's order.
    expect(text.indexOf("Trang chủ")).toBeLessThan(
      text.findIndex((t) => t.startsWith("Kế hoạch số 123/KH-UBND"))
    );
    expect(text).toContain("Nguồn: Văn phòng UBND tỉnh");
    expect(text.join(" ")).toContain("Bản quyền © Cổng thông tin điện tử tỉnh Quảng Trị");
  });

  test("imported: every task, and the plan named by the page's heading", async () => {
    const r = await importPlan({ kind: "html", html: page, fileName: "trang.html" });
    expect(r.tasks.map((t) => [t.stt, t.lead.map((a) => a.name), t.timeText])).toEqual([
      ["1", ["Sở Khoa học và Công nghệ"], "Quý II/2025"],
      ["2", ["Sở Khoa học và Công nghệ"], "Tháng 9/2025"],
      ["3", ["Văn phòng UBND tỉnh"], "Năm 2025"],
      ["4", ["Sở Nội vụ"], "Thường xuyên"],
    ]);
    expect(r.plan).toMatchObject({
      number: "123/KH-UBND",
      issuedOn: "2025-03-05",
      province: "Quảng Trị",
      issuer: "UBND tỉnh Quảng Trị",
      title: "Chuyển đổi số năm 2025",
      period: { from: 2025, to: 2025 },
    });
    expect(r.findings.map((f) => f.code)).not.toContain("PLAN_NUMBER_MISSING");
  });
});

test("a spreadsheet's HTML is not rows as written (its rows may be a cell's lines); a document's is", () => {
  const table = '<table><tr><td rowspan="2">1</td><td>a</td></tr><tr><td>b</td></tr></table>';
  const excel =
    '<html xmlns:x="urn:schemas-microsoft-com:office:excel"><body>' + table + "</body></html>";
  const calc = table.replace("<td>a</td>", '<td sdval="1" sdnum="1033;">a</td>');
  expect(readHtml(excel, "x").tables[0]?.rowsAsWritten).toBeUndefined();
  expect(readHtml(calc, "x").tables[0]?.rowsAsWritten).toBeUndefined();
  expect(readHtml(`<html><body>${table}</body></html>`, "x").tables[0]?.rowsAsWritten).toBe(true);
});
