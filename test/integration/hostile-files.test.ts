/**
 * Hostile and oversized packages, written by Python (zipfile, openpyxl, python-docx): every
 * zip-based reader refuses them as "too large" (not "corrupt") before spending the memory, and
 * entity expansion is refused by both XML parsers (saxes in the .docx reader and in exceljs).
 */
import "../helpers/integration-timeout";
import { readFileSync } from "fs";
import { join } from "path";
import { readDocx } from "../../src/core/readers/docx-reader";
import { readZipDirectory } from "../../src/core/readers/zip-directory";
import { ZIP_LIMITS } from "../../src/core/readers/zip-package";
import { readWorkbookCells, readWorkbookTables, XlsxReadError } from "../../src/xlsx";
import { inputError } from "../helpers/input-error";
import { LAM_DONG_DOCX } from "../helpers/shared-paths";
import { itWithTools, runPython, tempDir } from "../helpers/tools";

const MAKE = String.raw`
import json, sys, zipfile, struct, openpyxl, docx
out, lam_dong = sys.argv[1], sys.argv[2]
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

def copy_docx(name, document_xml, force_zip64=False):
    with zipfile.ZipFile(lam_dong) as src, zipfile.ZipFile(f"{out}/{name}", "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            if item.filename == "word/document.xml":
                with dst.open("word/document.xml", "w", force_zip64=force_zip64) as f:
                    for piece in document_xml:
                        f.write(piece)
            else:
                dst.writestr(item, src.read(item.filename))

def bomb_body(mb):
    yield f'<?xml version="1.0"?><w:document {W}><w:body><w:p><w:r><w:t>'.encode()
    chunk = b"<!-- " + b"A" * (1024 * 1024 - 9) + b" -->"
    for _ in range(mb):
        yield chunk
    yield b"</w:t></w:r></w:p></w:body></w:document>"

# 1. An honest bomb: 300 MB of document.xml, a few hundred KB on disk, sizes declared truthfully.
copy_docx("bom.docx", bomb_body(300), force_zip64=True)

# 2. The same bomb whose central directory and local header claim 2 KB.
copy_docx("bom-noi-doi.docx", bomb_body(100))
data = bytearray(open(f"{out}/bom-noi-doi.docx", "rb").read())
name = b"word/document.xml"
i = data.find(b"PK\x01\x02")
while i >= 0:
    n = struct.unpack_from("<H", data, i + 28)[0]
    if bytes(data[i + 46:i + 46 + n]) == name:
        struct.pack_into("<I", data, i + 24, 2048)
        local = struct.unpack_from("<I", data, i + 42)[0]
        struct.pack_into("<I", data, local + 22, 2048)
    i = data.find(b"PK\x01\x02", i + 4)
open(f"{out}/bom-noi-doi.docx", "wb").write(data)

# 3. A paragraph of 3 MB of text (no tags in it).
copy_docx("doan-dai.docx", [f'<?xml version="1.0"?><w:document {W}><w:body><w:p><w:r><w:t>'.encode(),
                            "Nhiệm vụ ".encode() * 300000, b"</w:t></w:r></w:p></w:body></w:document>"])

# 4. Billion laughs in a .docx and in an .xlsx.
laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
          + "".join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">' for i in range(1, 10))
          + f']><w:document {W}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>')
copy_docx("entity.docx", [laughs.encode()])

wb = openpyxl.Workbook(); wb.active.title = "Nhiệm vụ"; wb.active["A1"] = "x"; wb.save(f"{out}/ok.xlsx")
with zipfile.ZipFile(f"{out}/ok.xlsx") as src, zipfile.ZipFile(f"{out}/entity.xlsx", "w", zipfile.ZIP_DEFLATED) as dst:
    for item in src.infolist():
        body = src.read(item.filename)
        if item.filename == "xl/worksheets/sheet1.xml":
            body = body.replace(b"<?xml version=\"1.0\"?>", b"").replace(b"<worksheet", laughs.split("]>")[0].replace("<?xml version=\"1.0\"?>", "").encode() + b"]><worksheet", 1)
            body = body.replace(b"<v>", b"<v>&lol9;", 1) if b"<v>" in body else body.replace(b"<t>x</t>", b"<t>&lol9;</t>")
        dst.writestr(item, body)

# 5. A sheet of 120,000 used rows (openpyxl write-only), and one cell of 2 MB.
wb = openpyxl.Workbook(write_only=True)
ws = wb.create_sheet("Dữ liệu lớn")
for r in range(120000):
    ws.append([r + 1, "Sở Tài chính"])
wb.save(f"{out}/nhieu-dong.xlsx")
wb = openpyxl.Workbook(); wb.active.title = "Nhiệm vụ"; wb.active["A1"] = "ô lớn"; wb.save(f"{out}/o-lon-goc.xlsx")
with zipfile.ZipFile(f"{out}/o-lon-goc.xlsx") as src, zipfile.ZipFile(f"{out}/o-lon.xlsx", "w", zipfile.ZIP_DEFLATED) as dst:
    for item in src.infolist():
        body = src.read(item.filename)
        # openpyxl writes the text inline, as character references
        dst.writestr(item, body.replace(b"&#244; l&#7899;n", b"&#244; l&#7899;n " * 300000))
with zipfile.ZipFile(f"{out}/bom.docx") as z:
    print(json.dumps({"bomb": z.getinfo("word/document.xml").file_size}))
`;

let dir = "";
let made = { bomb: 0 };
const file = (name: string) => new Uint8Array(readFileSync(join(dir, name)));

async function xlsxError(p: Promise<unknown>): Promise<XlsxReadError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(XlsxReadError);
    return e as XlsxReadError;
  }
  throw new Error("expected an XlsxReadError");
}

describe("hostile packages", () => {
  beforeAll(() => {
    dir = tempDir("phuluc-hostile-");
    made = runPython(MAKE, [dir, LAM_DONG_DOCX]);
  });

  itWithTools(
    ["python3-openpyxl"],
    "a .docx declaring 300 MB of text is refused from its directory, before inflating",
    async () => {
      const bytes = file("bom.docx");
      expect(bytes.length).toBeLessThan(2 * 1024 * 1024);
      const declared = readZipDirectory(bytes)!.find((e) => e.name === "word/document.xml")!;
      expect(made.bomb).toBeGreaterThan(300 * 1024 * 1024);
      expect(declared.uncompressedSize).toBe(made.bomb); // zip64 sizes read
      const e = await inputError(readDocx(bytes, "bom.docx"));
      expect(e.code).toBe("TOO_LARGE");
      expect(e.message).toMatch(/^Tệp "bom.docx" quá lớn/);
      expect(e.message).toContain("word/document.xml");
      expect(e.message).not.toMatch(/hỏng/);
    }
  );

  itWithTools(
    ["python3-openpyxl"],
    "a .docx whose headers lie about its size is stopped while inflating",
    async () => {
      const bytes = file("bom-noi-doi.docx");
      expect(
        readZipDirectory(bytes)!.find((e) => e.name === "word/document.xml")!.uncompressedSize
      ).toBe(2048);
      const before = process.memoryUsage().rss;
      const e = await inputError(readDocx(bytes, "bom-noi-doi.docx"));
      expect(e.code).toBe("TOO_LARGE");
      expect(e.message).toContain("bom-noi-doi.docx");
      // 100 MB would have been inflated (and 200 MB as a string) without the streaming check.
      expect(process.memoryUsage().rss - before).toBeLessThan(60 * 1024 * 1024);
    }
  );

  itWithTools(
    ["python3-openpyxl"],
    "a paragraph of megabytes is refused as too large",
    async () => {
      const e = await inputError(readDocx(file("doan-dai.docx"), "doan-dai.docx"));
      expect(e.code).toBe("TOO_LARGE");
      expect(e.message).toContain("dài hơn 1 MB");
    }
  );

  itWithTools(
    ["python3-openpyxl"],
    "entity expansion is refused: .docx → corrupt, .xlsx → corrupt",
    async () => {
      const e = await inputError(readDocx(file("entity.docx"), "entity.docx"));
      expect(e.code).toBe("FILE_CORRUPT");
      // The untouched workbook reads; the one with entities does not.
      expect(
        (await readWorkbookCells(file("ok.xlsx"), "ok.xlsx")).sheets[0].cells[0][0].value
      ).toBe("x");
      const x = await xlsxError(readWorkbookCells(file("entity.xlsx"), "entity.xlsx"));
      expect(x.code).toBe("CORRUPT");
    }
  );

  itWithTools(
    ["python3-openpyxl"],
    "a sheet with more used rows than the limit is refused, naming the sheet",
    async () => {
      expect(ZIP_LIMITS.maxSheetRows).toBeLessThan(120000);
      const e = await xlsxError(readWorkbookTables(file("nhieu-dong.xlsx"), "nhieu-dong.xlsx"));
      expect(e.code).toBe("TOO_LARGE");
      expect(e.message).toContain('trang tính "Dữ liệu lớn"');
      expect(e.message).toContain("nhieu-dong.xlsx");
    }
  );

  itWithTools(["python3-openpyxl"], "a cell of megabytes is refused as too large", async () => {
    expect(
      (await readWorkbookCells(file("o-lon-goc.xlsx"), "o.xlsx")).sheets[0].cells[0][0].value
    ).toBe("ô lớn");
    const e = await xlsxError(readWorkbookCells(file("o-lon.xlsx"), "o-lon.xlsx"));
    expect(e.code).toBe("TOO_LARGE");
    expect(e.message).toMatch(/"xl\/worksheets\/sheet1.xml" có một ô hoặc đoạn văn dài hơn 1 MB/);
  });
});
