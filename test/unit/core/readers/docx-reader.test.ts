/** .docx reader on files written by python-docx / LibreOffice, and on broken inputs. */
import { readFileSync } from "fs";
import JSZip from "jszip";
import { readDocx, MAX_DOCX_BYTES } from "../../../../src/core/readers/docx-reader";
import { LAM_DONG_DOCX } from "../../../helpers/shared-paths";
import { inputError } from "../../../helpers/input-error";
import { encryptedOle } from "../../../helpers/encrypted-ole";
import { TEST_FIXTURES } from "../../../helpers/repo-paths";

const FIX = `${TEST_FIXTURES}/import`;
const LAM_DONG = LAM_DONG_DOCX;
const bytes = (name: string) => new Uint8Array(readFileSync(`${FIX}/${name}`));

test("tables in document order, body text outside tables one paragraph per line", async () => {
  const r = await readDocx(new Uint8Array(readFileSync(LAM_DONG)), "lam-dong.docx");
  expect(r.tables).toHaveLength(1);
  expect(r.tables[0].rows).toHaveLength(35);
  expect(r.tables[0].rows[0]).toEqual([
    "STT",
    "NHIỆM VỤ",
    "ĐƠN VỊ CHỦ TRÌ",
    "ĐƠN VỊ PHỐI HỢP",
    "THỜI GIAN THỰC HIỆN",
  ]);
  expect(r.tables[0].source).toBe("lam-dong.docx");
  expect(r.tables[0].context).toMatch(/^[\s\S]*PHỤ LỤC\nDANH MỤC/);
  const lines = r.bodyText.split("\n");
  expect(lines).toContain("Số: 4784/KH-UBND");
  expect(r.bodyText).not.toContain("Phổ biến, quán triệt nội dung Nghị quyết");
});

test("cell paragraphs joined with \\n; gridSpan and vMerge become merges with text top-left", async () => {
  const r = await readDocx(bytes("merges.docx"), "merges.docx");
  const t = r.tables[0];
  expect(t.rows[1]).toEqual(["I", "NHÓM MỘT", "", "", ""]);
  expect(t.rows[2][2]).toBe("Sở Tài chính");
  expect(t.rows[3][2]).toBe("");
  expect(t.merges).toEqual(
    expect.arrayContaining([
      { top: 1, left: 1, bottom: 1, right: 4 },
      { top: 2, left: 2, bottom: 3, right: 2 },
      { top: 4, left: 0, bottom: 4, right: 4 },
    ])
  );
  const b = await readDocx(bytes("bullets.docx"), "bullets.docx");
  expect(b.tables[0].rows[2][1]).toBe("- Tổ chức hội nghị;\n- Xuất bản ấn phẩm");
});

test("tabs and breaks inside runs; NFD text comes out NFC; a nested table's text kept in its cell", async () => {
  const zip = await JSZip.loadAsync(readFileSync(`${FIX}/empty-table.docx`));
  const xml = await zip.file("word/document.xml")!.async("string");
  const w = (s: string) => `<w:p><w:r><w:t xml:space="preserve">${s}</w:t></w:r></w:p>`;
  const nested =
    `<w:tbl><w:tr><w:tc>${w("lồng")}</w:tc><w:tc>${w("Quý II")}</w:tc></w:tr>` +
    `<w:tr><w:tc>${w("hai")}${w("dòng")}</w:tc><w:tc>${w("")}</w:tc></w:tr></w:tbl>`;
  const extra =
    `<w:p><w:r><w:t>A</w:t><w:tab/><w:t>B</w:t><w:br/><w:t>${"Hòa".normalize("NFD")}</w:t></w:r></w:p>` +
    `<w:tbl><w:tr><w:tc>${w("x")}${nested}${w("y")}</w:tc></w:tr></w:tbl>`;
  zip.file("word/document.xml", xml.replace("<w:body>", `<w:body>${extra}`));
  const r = await readDocx(await zip.generateAsync({ type: "uint8array" }), "t.docx");
  expect(r.bodyText.split("\n")[0]).toBe("A\tB");
  expect(r.bodyText.split("\n")[1]).toBe("Hòa".normalize("NFC"));
  // One line per nested row, its cells joined: no task text lost, no table of its own.
  expect(r.tables[0].rows).toEqual([["x\nlồng | Quý II\nhai dòng\ny"]]);
  expect(r.tables).toHaveLength(2);
});

test("truncated zip -> FILE_CORRUPT naming the file", async () => {
  const full = readFileSync(LAM_DONG);
  const e = await inputError(
    readDocx(new Uint8Array(full.subarray(0, full.length / 2)), "ke-hoach.docx")
  );
  expect(e.code).toBe("FILE_CORRUPT");
  expect(e.file).toBe("ke-hoach.docx");
  expect(e.message).toContain('Tệp "ke-hoach.docx" bị hỏng hoặc không phải tệp Word (.docx)');
});

test("not a zip at all, and a zip that is not a Word document -> FILE_CORRUPT", async () => {
  expect((await inputError(readDocx(new TextEncoder().encode("hello"), "a.docx"))).code).toBe(
    "FILE_CORRUPT"
  );
  const zip = new JSZip();
  zip.file("xl/workbook.xml", "<workbook/>");
  const e = await inputError(readDocx(await zip.generateAsync({ type: "uint8array" }), "b.docx"));
  expect(e.code).toBe("FILE_CORRUPT");
});

test("legacy Word 97-2003 .doc (written by LibreOffice) -> LEGACY_DOC", async () => {
  const e = await inputError(readDocx(bytes("legacy.doc"), "ke-hoach.doc"));
  expect(e.code).toBe("LEGACY_DOC");
  expect(e.message).toContain('Tệp "ke-hoach.doc" là định dạng Word cũ (.doc)');
  expect(e.message).toContain("lưu lại dưới dạng .docx");
});

test("password-protected OOXML (OLE2 with an EncryptionInfo stream) -> ENCRYPTED", async () => {
  const e = await inputError(readDocx(encryptedOle(), "mat-khau.docx"));
  expect(e.code).toBe("ENCRYPTED");
  expect(e.message).toContain("được bảo vệ bằng mật khẩu");
  expect(e.message).toContain("mat-khau.docx");
});

test("a 20 MB document (mostly images) is read quickly; above the limit it is refused", async () => {
  const zip = await JSZip.loadAsync(readFileSync(LAM_DONG));
  const image = new Uint8Array(20 * 1024 * 1024);
  for (let i = 0; i < image.length; i += 4) image[i] = (i * 2654435761) >>> 24; // incompressible-ish
  zip.file("word/media/image1.png", image, { compression: "STORE" });
  const big = await zip.generateAsync({ type: "uint8array" });
  expect(big.length).toBeGreaterThan(20 * 1024 * 1024);
  const start = Date.now();
  const r = await readDocx(big, "big.docx");
  const ms = Date.now() - start;
  expect(r.tables[0].rows).toHaveLength(35);
  expect(ms).toBeLessThan(3000);

  const tooBig = new Uint8Array(MAX_DOCX_BYTES + 1);
  tooBig.set([0x50, 0x4b, 3, 4]);
  const e = await inputError(readDocx(tooBig, "qua-lon.docx"));
  expect(e.code).toBe("TOO_LARGE");
  expect(e.message).toContain("qua-lon.docx");
});

test("a paragraph's text reads a table inside it; rows in content controls; gridBefore", async () => {
  // Paragraphs and rows are read as they close (docx-reader's collapse); one inside a paragraph
  // stays part of that paragraph's text.
  const zip = await JSZip.loadAsync(readFileSync(`${FIX}/empty-table.docx`));
  const xml = await zip.file("word/document.xml")!.async("string");
  const w = (s: string) => `<w:p><w:r><w:t xml:space="preserve">${s}</w:t></w:r></w:p>`;
  const inner = `<w:tbl><w:tr><w:tc>${w("trong bảng")}</w:tc></w:tr></w:tbl>`;
  const box = `<w:txbxContent>${w("hộp 1")}${w("hộp 2")}</w:txbxContent>`;
  const extra =
    `<w:p><w:r><w:t>A</w:t></w:r><w:customXml>${inner}</w:customXml></w:p>` +
    `<w:p><w:r><w:t>B</w:t></w:r><w:r><w:pict>${box}</w:pict></w:r></w:p>` +
    `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>` +
    `<w:tr><w:tc>${w("1")}</w:tc><w:tc>${w("2")}</w:tc><w:tc>${w("3")}</w:tc></w:tr>` +
    `<w:sdt><w:sdtContent><w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>` +
    `<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>${w("gộp")}</w:tc></w:tr></w:sdtContent></w:sdt>` +
    `</w:tbl>`;
  zip.file("word/document.xml", xml.replace("<w:body>", `<w:body>${extra}`));
  const r = await readDocx(await zip.generateAsync({ type: "uint8array" }), "t.docx");
  expect(r.bodyText.split("\n").slice(0, 4)).toEqual(["Atrong bảng", "B", "hộp 1", "hộp 2"]);
  expect(r.tables[0].rows).toEqual([
    ["1", "2", "3"],
    ["", "gộp", ""],
  ]);
  expect(r.tables[0].merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 2 }]);
  expect(r.paragraphs?.slice(0, 2).map((p) => p.text)).toEqual(["Atrong bảng", "B\nhộp 1\nhộp 2"]);
});
