/**
 * The papers in core (appendix, reports, their layout on a sheet) on the Lâm Đồng rows, and
 * the Office.js and Word renderers of the same papers (the stateful Office fake; the .docx
 * package opened with jszip).
 */
import JSZip from "jszip";
import { appendixPaper, tasksOf } from "../../../../src/core/papers/appendix";
import { agencyReportPaper } from "../../../../src/core/papers/agency-report";
import { safeFileName, uniqueNames } from "../../../../src/core/papers/file-names";
import { isTable, type Paper, type PaperTable } from "../../../../src/core/papers/paper";
import { MAX_ROW_LINES, paperSheet, splitTallRow } from "../../../../src/core/papers/paper-sheet";
import { checkPaperYear } from "../../../../src/core/papers/paper-year";
import {
  dateInWords,
  defaultPrintTexts,
  readPrintTexts,
  withEdits,
} from "../../../../src/core/papers/print-texts";
import { provinceReportPaper } from "../../../../src/core/papers/province-report";
import {
  findAgency,
  reportAgencies,
  reportContext,
} from "../../../../src/core/papers/report-context";
import { checkSpec } from "../../../../src/core/spec/check-spec";
import { wrapLines } from "../../../../src/core/workbook/row-heights";
import { paperWorkbookSpec } from "../../../../src/app/papers";
import { writePaperDocx } from "../../../../src/docx";
import { renderToOffice } from "../../../../src/render/office/render-workbook";
import { FakeExcel } from "../../../fakes/office-fake";
import { codeFor, rowOf, seedRows, seedWorkbook } from "../../../helpers/tracking-fixtures";

const texts = defaultPrintTexts({
  number: "4784/KH-UBND",
  issuedOn: "2024-06-13",
  issuer: "UBND tỉnh Lâm Đồng",
  appendixTitle: "Danh mục các nhóm nhiệm vụ thông tin đối ngoại",
});
const tableOf = (p: Paper, n = 0): PaperTable => p.blocks.filter(isTable)[n];
const words = (s: string) => s.split(/\s+/).filter(Boolean);

describe("print texts (Nghị định 30/2020)", () => {
  test("defaults from the plan's issuer, the date written out with the decree's zeros", () => {
    expect(texts.heading).toBe("Phụ lục");
    expect(texts.title).toBe("DANH MỤC CÁC NHÓM NHIỆM VỤ THÔNG TIN ĐỐI NGOẠI");
    expect(texts.attachedTo).toBe(
      "(Kèm theo Kế hoạch số 4784/KH-UBND ngày 13 tháng 6 năm 2024 của Ủy ban nhân dân tỉnh Lâm Đồng)"
    );
    expect(texts.signerTitles).toEqual(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]);
    expect(texts.recipients[texts.recipients.length - 1]).toMatch(/^- Lưu: VT/);
    expect(dateInWords("2025-02-05")).toBe("ngày 05 tháng 02 năm 2025");
    expect(dateInWords("2025-11-25")).toBe("ngày 25 tháng 11 năm 2025");
    expect(defaultPrintTexts({ issuer: "Sở Tư pháp" }).signerTitles).toEqual([
      "THỦ TRƯỞNG CƠ QUAN",
    ]);
  });

  test("'Nơi nhận' names the local committees that exist on the paper's date (districts end 1/7/2025)", () => {
    const plan = { issuer: "UBND tỉnh Nghệ An" };
    expect(defaultPrintTexts(plan, "2024-12-31").recipients).toContain(
      "- UBND các huyện, thành phố;"
    );
    const after = defaultPrintTexts(plan, "2026-11-25").recipients;
    expect(after).toContain("- UBND các xã, phường;");
    expect(after.join(" ")).not.toMatch(/huyện/);
  });

  test("the 'Mẫu in' sheet overrides the defaults, run options override the sheet", () => {
    const cells = {
      sheets: [
        {
          name: "Mau in", // typed without accents
          rows: [
            ["Mục", "Nội dung"],
            ["Người ký", "Nguyễn Văn A"],
            ["Nơi nhận", "- Bộ Ngoại giao;"],
            [null, "- Lưu: VT, KGVX."],
            ["Chức danh người ký", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH"],
            ["Không phải khóa", "bỏ qua"],
          ],
        },
      ],
    };
    const sheet = readPrintTexts(cells);
    expect(sheet).toEqual({
      signerName: "Nguyễn Văn A",
      recipients: ["- Bộ Ngoại giao;", "- Lưu: VT, KGVX."],
      signerTitles: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
    });
    const t = withEdits(texts, sheet, { signerName: "Trần Thị B", recipients: [] });
    expect(t.signerName).toBe("Trần Thị B");
    expect(t.recipients).toEqual(["- Bộ Ngoại giao;", "- Lưu: VT, KGVX."]);
    expect(t.heading).toBe("Phụ lục");
    expect(readPrintTexts({ sheets: [] })).toEqual({});
  });
});

describe("the appendix", () => {
  test("one row per task (not per lead), groups as rows, the plan's columns", () => {
    const wb = seedWorkbook();
    const t = tableOf(appendixPaper(wb, { texts }));
    const taskRows = t.rows.filter((r) => r.kind !== "group");
    expect(taskRows.map((r) => r.cells[0])).toEqual(tasksOf(wb).map((rows) => rows[0].stt));
    expect(new Set(taskRows.map((r) => r.cells[0])).size).toBe(taskRows.length);
    expect(t.rows.filter((r) => r.kind === "group").map((r) => r.cells[0])).toEqual([
      "1",
      "2",
      "3",
      "4",
    ]);
    const r43 = taskRows.find((r) => r.cells[0] === "4.3")!;
    expect(r43.cells[2]).toBe(rowOf(wb.rows, "T4.3").allLeads.join("; "));
    expect(t.columns.map((c) => c.header)).toEqual([
      "STT",
      "Nhiệm vụ",
      "Cơ quan chủ trì",
      "Cơ quan phối hợp",
      "Thời gian thực hiện",
    ]);
  });

  test("agencies as the plan names them: its leads and its partners, not their successors", () => {
    const rows = seedRows().map((r) =>
      r.key === "T2.3"
        ? {
            ...r,
            partners: ["Sở Văn hóa, Thể thao và Du lịch"],
            planPartners: ["Sở Thông tin và Truyền thông"],
          }
        : r
    );
    const t = tableOf(appendixPaper(seedWorkbook(rows), { texts }));
    expect(t.rows.find((r) => r.cells[0] === "2.3")!.cells[3]).toBe("Sở Thông tin và Truyền thông");
  });

  test("with status: a task of two leads counts its lead rows; results name their agency", () => {
    const rows = seedRows();
    const [a, b] = rows.filter((r) => r.key === "T4.3");
    Object.assign(a, { status: "Hoàn thành", result: "Đã tổ chức 3 hội nghị" });
    Object.assign(b, { status: "Đang thực hiện" });
    const t = tableOf(
      appendixPaper(seedWorkbook(rows), { texts, status: { year: 2026, date: "2026-12-15" } })
    );
    const r = t.rows.find((x) => x.cells[0] === "4.3")!;
    expect(r.cells[5]).toBe("1/2 đơn vị hoàn thành");
    expect(r.cells[6]).toBe(`${a.lead}: Đã tổ chức 3 hội nghị`);
    expect(t.rows.find((x) => x.cells[0] === "1.1")!.cells[5]).toBe("Không thuộc năm 2026");
  });

  test("on a sheet: heading rows, bordered table, header row repeated, page numbers, one page wide", () => {
    const sheet = paperSheet(appendixPaper(seedWorkbook(), { texts }));
    expect(
      checkSpec({ sheets: [sheet], defaultFont: { name: "Times New Roman", size: 12 } })
    ).toEqual([]);
    const values = sheet.blocks[0].values;
    expect(values.slice(0, 3).map((r) => r[0])).toEqual([
      texts.heading,
      texts.title,
      texts.attachedTo,
    ]);
    // Row 4: the short rule under "(Kèm theo …)" (a bottom border, no text).
    expect(values[3].every((v) => v === null)).toBe(true);
    expect(
      sheet.styles.some((s) => /^[A-Z]+4:[A-Z]+4$/.test(s.range) && s.style.borderBottom === "thin")
    ).toBe(true);
    expect(values[5].slice(0, 2)).toEqual(["STT", "Nhiệm vụ"]);
    expect(sheet.pageLayout).toMatchObject({
      orientation: "landscape",
      paper: "A4",
      printTitleRows: "6:6",
      fitToWidth: true,
      header: { center: "&P", differentFirst: true },
    });
    expect(sheet.columns.reduce((s, c) => s + c.width, 0)).toBeLessThanOrEqual(118);
    const signer = values.findIndex((r) => r.includes("TM. ỦY BAN NHÂN DÂN"));
    expect(values[signer][0]).toBe("Nơi nhận:");
  });

  test("a task longer than a page is cut into rows that each fit one; no word is lost", () => {
    const long = Array.from({ length: 400 }, (_, i) => `đoạn${i + 1} nội dung`).join(" ");
    const partners = Array.from({ length: 40 }, (_, i) => `Phòng số ${i + 1}`).join("; ");
    const parts = splitTallRow(
      { cells: ["1.1", long, "Sở A", partners, "2026"] },
      [36, 300, 132, 162, 78]
    );
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts)
      expect(wrapLines(p.cells[1], 300, { size: 12 }).length).toBeLessThanOrEqual(MAX_ROW_LINES);
    expect(words(parts.map((p) => p.cells[1]).join(" "))).toEqual(words(long));
    expect(words(parts.map((p) => p.cells[3]).join(" "))).toEqual(words(partners));
    expect(parts[0].cells[0]).toBe("1.1");
    expect(parts[1].cells[0]).toBe("");

    const rows = seedRows();
    rows[0].title = long;
    const sheet = paperSheet(appendixPaper(seedWorkbook(rows), { texts }));
    expect(Math.max(...Object.values(sheet.rowHeights ?? {}))).toBeLessThanOrEqual(409);
    const text = sheet.blocks[0].values
      .flat()
      .filter((v) => typeof v === "string")
      .join(" ");
    for (const w of ["đoạn1", "đoạn200", "đoạn400"]) expect(words(text)).toContain(w);
  });
});

describe("reports", () => {
  test("a year with nothing due says so instead of empty tables", () => {
    const rows = seedRows().map((r) => ({ ...r, scheduleCode: codeFor([2024]) }));
    const ctx = reportContext(seedWorkbook(rows), 2027, "2027-12-15");
    const province = provinceReportPaper(ctx, { sheets: [] }, texts);
    const texts2 = province.blocks.flatMap((b) => (b.kind === "text" ? [b.text] : []));
    expect(texts2).toContain(
      "Năm 2027 không có nhiệm vụ nào của kế hoạch phải thực hiện. Không có gì để tổng hợp."
    );
    const results = province.blocks.filter(isTable).pop()!;
    expect(results.rows).toEqual([]);
    expect(results.emptyText).toBe("Năm 2027 không có nhiệm vụ nào của kế hoạch phải thực hiện.");
    const agency = agencyReportPaper(ctx, "Công an tỉnh");
    expect(tableOf(agency, 1).rows).toEqual([]);
    expect(tableOf(agency, 1).emptyText).toMatch(/không chủ trì nhiệm vụ nào/);
    // Printed: the sentence, not an empty table.
    const sheetText = paperSheet(agency).blocks[0].values.flat().join(" ");
    expect(sheetText).toContain("Năm 2027 không có nhiệm vụ nào của kế hoạch phải thực hiện");
  });

  test("the tables say a task with several leads counts for each, where one has", () => {
    const asOf = (paper: { blocks: { kind: string }[] }) =>
      paper.blocks.flatMap((b) =>
        "text" in b && typeof b.text === "string" && b.text.startsWith("(Số liệu") ? [b.text] : []
      );
    const rule = "nhiệm vụ có nhiều đơn vị chủ trì được tính cho từng đơn vị";
    const ctx = reportContext(seedWorkbook(), 2026, "2026-12-15");
    expect(asOf(provinceReportPaper(ctx, { sheets: [] }, texts))[0]).toContain(rule);
    // An agency's own tables count its rows: no such line.
    expect(asOf(agencyReportPaper(ctx, "Công an tỉnh"))[0]).not.toContain(rule);
    // One lead a task: nothing to say.
    const rows = seedRows();
    const single = rows.filter((r, i) => rows.findIndex((x) => x.key === r.key) === i);
    const one = reportContext(seedWorkbook(single), 2026, "2026-12-15");
    expect(asOf(provinceReportPaper(one, { sheets: [] }, texts))[0]).not.toContain(rule);
  });

  test("agencies are found by any spelling and reported under their successor", () => {
    const ctx = reportContext(seedWorkbook(), 2026, "2026-12-15");
    expect(findAgency(ctx, "Sở TT&TT")).toBe("Sở Khoa học và Công nghệ");
    expect(findAgency(ctx, "so van hoa, the thao va du lich")).toBe(
      "Sở Văn hóa, Thể thao và Du lịch"
    );
    expect(() => findAgency(ctx, "Sở Không Có")).toThrow(/không có đơn vị "Sở Không Có"/);
    const t = tableOf(agencyReportPaper(ctx, "Sở Khoa học và Công nghệ"), 1);
    expect(t.rows.length).toBeGreaterThan(0);
    for (const r of t.rows)
      expect(r.cells[1]).toMatch(/\(Kế hoạch giao: Sở Thông tin và Truyền thông\)$/);
  });

  test("every agency gets a report, collectives named as a whole do not", () => {
    const ctx = reportContext(seedWorkbook(), 2026, "2026-12-15");
    const names = reportAgencies(ctx);
    expect(names).toContain("Sở Khoa học và Công nghệ");
    expect(names).toContain("Công an tỉnh");
    expect(names).not.toContain("Các Sở, ban, ngành, UBND các huyện, thành phố");
    expect(new Set(names).size).toBe(names.length);
  });

  test("a year outside the plan's period is refused, naming the file and the period", () => {
    expect(() => checkPaperYear(seedWorkbook(), 2031)).toThrow(
      'Tệp "theo-doi-4784.xlsx", trang "Thông tin": năm 2031 nằm ngoài giai đoạn của kế hoạch 4784/KH-UBND (2024–2030).'
    );
    expect(() => checkPaperYear(seedWorkbook(), 2030)).not.toThrow();
  });
});

describe("file names from agency names", () => {
  test("characters file systems refuse are replaced; reserved names and duplicates avoided", () => {
    expect(safeFileName('Ban "Dân tộc": A/B*?')).toBe("Ban -Dân tộc-- A-B--");
    expect(safeFileName("Sở Văn hóa, Thể thao và Du lịch")).toBe("Sở Văn hóa, Thể thao và Du lịch");
    expect(safeFileName("CON")).toBe("_CON");
    expect(safeFileName(" ..  ")).toBe("don-vi");
    expect(safeFileName("A\u0000B\tC")).toBe("A-B-C");
    expect(safeFileName("x".repeat(300)).length).toBe(200); // MAX_STEM_BYTES
    expect(safeFileName("Sở Y te\u0302\u0301")).toBe("Sở Y tế"); // NFD in, NFC out
    const name = uniqueNames();
    expect([name("A", "docx"), name("a", "docx"), name("A", "docx")]).toEqual([
      "A.docx",
      "a (2).docx",
      "A (3).docx",
    ]);
  });
});

describe("renderers of a paper", () => {
  test("Office.js: printing again keeps the officer's earlier sheet as a backup", async () => {
    const fake = new FakeExcel({
      sheets: [{ name: "Phụ lục in", cells: { A1: "bản cũ đã sửa" } }],
    });
    const spec = paperWorkbookSpec(appendixPaper(seedWorkbook(), { texts }));
    let asked: string[] = [];
    const r = await renderToOffice(fake.context, spec, {
      onConflict: async (names) => ((asked = names), "backup"),
    });
    expect(asked).toEqual(["Phụ lục in"]);
    expect(r.backups).toHaveLength(1);
    expect(fake.sheet(r.backups[0]).cells.get("A1")?.value).toBe("bản cũ đã sửa");
  });

  test("Word: landscape A4, header rows repeated, rows kept whole, PAGE field from page 2", async () => {
    const bytes = await writePaperDocx(appendixPaper(seedWorkbook(), { texts }));
    const zip = await JSZip.loadAsync(bytes);
    const doc = await zip.file("word/document.xml")!.async("string");
    expect(doc).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    expect(doc).toContain("<w:titlePg/>");
    expect(doc).toContain("<w:tblHeader/>");
    expect(doc).toContain("<w:cantSplit/>");
    expect(doc).toContain(texts.attachedTo);
    const headers = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^word\/header\d+\.xml$/.test(f))
        .map((f) => zip.file(f)!.async("string"))
    );
    expect(headers.some((h) => /PAGE/.test(h))).toBe(true);
    // Times New Roman by default.
    const styles = await zip.file("word/styles.xml")!.async("string");
    expect(styles).toContain('w:ascii="Times New Roman"');
  });
});

describe("the open workbook's print texts (Office.js)", () => {
  test("'Mẫu in' is read with the tracking sheets, in the same read (extents, then cells)", async () => {
    const { readTrackingFromOffice } = await import(
      "../../../../src/render/office/read-tracking-office"
    );
    const fake = new FakeExcel({
      sheets: [
        { name: "Nhiệm vụ", cells: { A1: "Mã nhiệm vụ", B1: "Nhiệm vụ" } },
        {
          name: "Mẫu in",
          cells: { A1: "Người ký", B1: "Lê Văn C", A2: "Nơi nhận", B2: "- Như trên;" },
        },
      ],
    });
    const { cells } = await readTrackingFromOffice(fake.context);
    expect(fake.syncCount).toBe(2);
    expect(readPrintTexts(cells)).toEqual({ signerName: "Lê Văn C", recipients: ["- Như trên;"] });
  });
});

describe("the pane's papers (taskpane/paper-actions)", () => {
  test("an agency's report becomes a sheet named for it, valid in Excel, written in 2 syncs", async () => {
    const { makePaper, paperSpec, reportSheetName } = await import(
      "../../../../src/taskpane/paper-actions"
    );
    const wb = seedWorkbook();
    const opened = { source: "s.xlsx", cells: { sheets: [] }, workbook: wb, readFindings: [] };
    const agency = "Sở Văn hóa, Thể thao và Du lịch";
    const paper = makePaper(opened, wb, { kind: "agency", year: 2026, date: "2026-12-15", agency });
    expect(paper.name).toBe(reportSheetName(agency));
    expect(paper.name.length).toBeLessThanOrEqual(31);
    expect(reportSheetName('Ban "A": [B]/C*?')).toBe('BC Ban "A"- -B--C--');
    const fake = new FakeExcel({ sheets: [{ name: "Nhiệm vụ" }] });
    const r = await renderToOffice(fake.context, paperSpec(paper), {
      onConflict: async () => "backup",
    });
    expect(r.syncs).toBe(2);
    const cells = [...fake.sheet(paper.name).cells.values()].map((c) => c.value);
    expect(cells).toContain(`Đơn vị: ${agency}`);
    expect(() =>
      makePaper(opened, wb, { kind: "province", year: 2040, date: "2040-12-15" })
    ).toThrow(/năm 2040 nằm ngoài giai đoạn/);
  });
});

describe("the 'Mẫu in' sheet", () => {
  test("written with the texts in use, edited by the officer, read back for the next print", async () => {
    const { printTextsSpec } = await import("../../../../src/taskpane/paper-actions");
    const { readTrackingFromOffice } = await import(
      "../../../../src/render/office/read-tracking-office"
    );
    const wb = {
      ...seedWorkbook(),
      plan: { number: "4784/KH-UBND", issuer: "UBND tỉnh Lâm Đồng" },
    };
    const opened = { source: "s.xlsx", cells: { sheets: [] }, workbook: wb, readFindings: [] };
    const spec = printTextsSpec(opened, wb, { signerName: "Nguyễn Văn A" });
    expect(checkSpec(spec)).toEqual([]);
    const fake = new FakeExcel({ sheets: [{ name: "Nhiệm vụ" }] });
    expect(
      (await renderToOffice(fake.context, spec, { onConflict: async () => "backup" })).syncs
    ).toBe(2);
    // The officer adds a recipient on an empty-keyed row below the list and changes the name.
    const sheet = fake.sheet("Mẫu in");
    const rowOfKey = (key: string) =>
      Number([...sheet.cells.entries()].find(([, c]) => c.value === key)![0].slice(1));
    sheet.cells.set(`B${rowOfKey("Người ký")}`, { value: "Trần Thị B" });
    const { cells } = await readTrackingFromOffice(fake.context);
    const read = readPrintTexts(cells);
    expect(read.signerName).toBe("Trần Thị B");
    expect(read.signerTitles).toEqual(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]);
    // The seed workbook reports on 2026: the districts are gone.
    expect(read.recipients).toEqual([
      "- Các Sở, ban, ngành;",
      "- UBND các xã, phường;",
      "- Lưu: VT.",
    ]);
    expect(read.attachedTo).toBe(defaultPrintTexts(wb.plan).attachedTo);
  });
});
