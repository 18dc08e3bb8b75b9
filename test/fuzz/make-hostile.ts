/**
 * The fuzz corpus: every hostile file of docs/design/hostile-input.md, each a few KB, written by
 * hand as an attacker or a clumsy sender would (JSZip for the packages; a real python-docx file
 * and a real tracking workbook as bases where a reader needs one). Each case says which command
 * reads it, and what must happen: the exit code and the message, under a memory ceiling
 * (test/integration/hostile-bounds.test.ts runs them). Run alone to look at the files:
 *   npx tsx test/fuzz/make-hostile.ts <folder> [tracking.xlsx]
 */
import { mkdirSync, readFileSync, writeFileSync } from "fs";
import path from "path";
import JSZip from "jszip";

export interface HostileCase {
  /** File name in the corpus folder. */
  file: string;
  /** The bound of INPUT_LIMITS (or the rule) it tests. */
  bound: string;
  /** import (a plan), validate (a tracking workbook) or consolidate (a returned workbook). */
  command: "import" | "validate" | "consolidate";
  /** Expected exit code (consolidate: 0, the file listed as refused). */
  exit: number;
  /** What stderr (import/validate) or the refusal (consolidate) must say. */
  message: RegExp;
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const SS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const DOCX_BASE = path.join(__dirname, "..", "fixtures", "import", "empty-table.docx");

const HEADER = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"];
const TASKS = [
  ["1", "Xây dựng kế hoạch chuyển đổi số", "Sở Tài chính", "Sở Nội vụ", "Năm 2026"],
  ["2", "Tổ chức hội nghị sơ kết", "Sở Y tế", "", "Quý II/2026"],
];

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
const col = (n: number) => {
  let s = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26))
    s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
};

/** The phụ lục table as sheet rows (inline strings), starting at row 1. */
function planRows(): string {
  return [HEADER, ...TASKS]
    .map(
      (cells, r) =>
        `<row r="${r + 1}">` +
        cells
          .map((v, c) => `<c r="${col(c + 1)}${r + 1}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`)
          .join("") +
        "</row>"
    )
    .join("");
}

/** The zip's bytes, deflated at the strongest level as Office and python write them. */
const deflated = (zip: JSZip) =>
  zip.generateAsync({
    type: "uint8array",
    compression: "DEFLATE",
    compressionOptions: { level: 9 },
  });

/** The part's text replaced by `change(text)`. */
async function editPart(zip: JSZip, part: string, change: (text: string) => string) {
  zip.file(part, change(await zip.file(part)!.async("string")));
}

/** `bytes`, a zip, changed by `edit` and zipped again (default deflate level, or stored). */
async function rezip(
  bytes: Promise<Uint8Array>,
  edit: (zip: JSZip) => Promise<void> | void,
  compression: "DEFLATE" | "STORE" = "DEFLATE"
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await bytes);
  await edit(zip);
  return zip.generateAsync({ type: "uint8array", compression });
}

/** A minimal .xlsx, as other programs write one; `sheet` is the worksheet XML's inside. */
async function xlsx(
  sheetData: string,
  after = "",
  target = "worksheets/sheet1.xml"
): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      "</Types>"
  );
  zip.file(
    "_rels/.rels",
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
  );
  zip.file(
    "xl/workbook.xml",
    `<workbook ${SS} ${R}><sheets><sheet name="Phụ lục" sheetId="1" r:id="rId1"/></sheets></workbook>`
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="${target}"/></Relationships>`
  );
  zip.file(
    "xl/worksheets/sheet1.xml",
    `<worksheet ${SS}><sheetData>${sheetData}</sheetData>${after}</worksheet>`
  );
  return deflated(zip);
}

/** A python-docx .docx whose body is replaced. */
async function docx(body: string | Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(readFileSync(DOCX_BASE));
  zip.file(
    "word/document.xml",
    typeof body === "string" ? `<w:document ${W}><w:body>${body}</w:body></w:document>` : body
  );
  return deflated(zip);
}

const p = (s: string) => `<w:p><w:r><w:t>${esc(s)}</w:t></w:r></w:p>`;
const tc = (s: string, span?: number) =>
  `<w:tc>${span ? `<w:tcPr><w:gridSpan w:val="${span}"/></w:tcPr>` : ""}${p(s)}</w:tc>`;
const docxTable = (extraRow = "") =>
  `<w:tbl><w:tblGrid>${"<w:gridCol/>".repeat(5)}</w:tblGrid>` +
  `<w:tr>${HEADER.map((h) => tc(h)).join("")}</w:tr>${extraRow}` +
  TASKS.map((t) => `<w:tr>${t.map((v) => tc(v)).join("")}</w:tr>`).join("") +
  "</w:tbl>";

/** A tracking workbook (made by `phuluc import`) with its task sheet edited. */
async function editedTracking(
  base: Uint8Array,
  edit: (xml: string) => string
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(base);
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const wbXml = await zip.file("xl/workbook.xml")!.async("string");
  const id = /<sheet [^>]*name="Nhiệm vụ"[^>]*r:id="([^"]+)"/.exec(wbXml)![1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(
    rels
  )!;
  await editPart(zip, "xl/" + (target[1] ?? target[2]).replace(/^\/?(xl\/)?/, ""), edit);
  return deflated(zip);
}

/** Rows of cells typed in column XFD, below the sheet's last row. */
function xfdRows(from: number, count: number): string {
  let s = "";
  for (let r = from; r < from + count; r++)
    s += `<row r="${r}"><c r="XFD${r}" t="inlineStr"><is><t>x</t></is></c></row>`;
  return s;
}

/** Read as any file: exit 0, nothing on stderr. */
const reads = (file: string, bound: string, command: HostileCase["command"]): HostileCase => ({
  file,
  bound,
  command,
  exit: 0,
  message: /^$/,
});

/** Refused with `message`: exit 2, or for consolidate exit 0 with the file listed as refused. */
const refused = (
  file: string,
  bound: string,
  command: HostileCase["command"],
  message: RegExp
): HostileCase => ({ file, bound, command, exit: command === "consolidate" ? 0 : 2, message });

const TOO_LARGE = (detail: string) => new RegExp(`quá lớn để đọc an toàn: .*${detail}`);
const DAMAGED = /bị hỏng/;

/** Writes every hostile file into `dir`; `tracking` is a tracking workbook to build on. */
export async function writeHostileCorpus(
  dir: string,
  tracking: Uint8Array
): Promise<HostileCase[]> {
  mkdirSync(dir, { recursive: true });
  const cases: HostileCase[] = [];
  const put = async (c: HostileCase, bytes: Uint8Array | Promise<Uint8Array>) => {
    writeFileSync(path.join(dir, c.file), await bytes);
    cases.push(c);
  };
  const plan = planRows();

  // .xlsx plans (import, through exceljs).
  await put(
    reads("gop-o-het-trang.xlsx", "merge clipped to the used range", "import"),
    xlsx(plan, '<mergeCells count="1"><mergeCell ref="A20:XFD1048576"/></mergeCells>')
  );
  await put(
    reads("cot-rong-ty.xlsx", "<col> span clipped", "import"),
    rezip(xlsx(plan), (z) =>
      editPart(z, "xl/worksheets/sheet1.xml", (x) =>
        x.replace(
          "<sheetData>",
          '<cols><col min="1" max="2000000000" width="9"/></cols><sheetData>'
        )
      )
    )
  );
  await put(
    refused(
      "5000-o-cot-xfd.xlsx",
      "maxGridCells",
      "import",
      TOO_LARGE("trải tới ô XFD\\d+, hơn 4\\.000\\.000 ô")
    ),
    xlsx(plan + xfdRows(10, 5000))
  );
  await put(
    refused(
      "o-ngoai-excel.xlsx",
      "excelColumns",
      "import",
      /bị hỏng: trang tính "Phụ lục" có ô "ZZZZZZZ20" nằm ngoài trang tính Excel/
    ),
    xlsx(plan + '<row r="20"><c r="ZZZZZZZ20"><v>1</v></c></row>')
  );
  await put(
    refused(
      "dong-2-ty.xlsx",
      "excelRows",
      "import",
      /bị hỏng: .*ô "2000000000" nằm ngoài trang tính Excel/
    ),
    xlsx(plan + '<row r="2000000000"><c><v>1</v></c></row>')
  );
  await put(
    refused(
      "dong-500000.xlsx",
      "maxSheetRows (row number)",
      "import",
      TOO_LARGE("có dữ liệu ở dòng 500\\.000, quá 100\\.000 dòng")
    ),
    xlsx(plan + '<row r="500000"><c r="A500000"><v>1</v></c></row>')
  );
  await put(
    refused(
      "120000-dong.xlsx",
      "maxSheetRows",
      "import",
      TOO_LARGE("có hơn 100\\.000 dòng được dùng")
    ),
    xlsx(plan + "<row/>".repeat(120_000))
  );
  await put(
    refused("2-trieu-o.xlsx", "maxCells", "import", TOO_LARGE("hơn 2\\.000\\.000 ô được dùng")),
    xlsx(plan + `<row>${"<c/>".repeat(100)}</row>`.repeat(20_001))
  );
  await put(
    refused("o-2mb.xlsx", "maxTextRunBytes", "import", TOO_LARGE("dài hơn 1 MB")),
    xlsx(
      plan +
        `<row r="4"><c r="A4" t="inlineStr"><is><t>${"Nhiệm vụ ".repeat(200_000)}</t></is></c></row>`
    )
  );
  await put(
    refused("bom-70mb.xlsx", "maxPartBytes", "import", TOO_LARGE("khi giải nén vượt quá 64 MB")),
    xlsx(plan + `<!-- ${" ".repeat(70 * 1024 * 1024)} -->`)
  );
  await put(
    refused("11000-phan.xlsx", "maxEntries", "import", TOO_LARGE("gồm hơn 10\\.000 phần")),
    rezip(
      xlsx(plan),
      (z) => {
        for (let i = 0; i < 10_001; i++) z.file(`x/${i}`, "");
      },
      "STORE"
    )
  );

  // .docx plans.
  await put(
    reads("gridspan-tram-trieu.docx", "maxTableColumns (gridSpan capped at the grid)", "import"),
    docx(docxTable(`<w:tr>${tc("I", 100_000_000)}</w:tr><w:tr>${tc("II", 1_000_000)}</w:tr>`))
  );
  const nested = (n: number) =>
    "<w:sdt><w:sdtContent>".repeat(n) + docxTable() + "</w:sdtContent></w:sdt>".repeat(n);
  await put(
    refused("8000-sdt-long-nhau.docx", "maxNesting", "import", TOO_LARGE("lồng nhau quá 256 cấp")),
    docx(nested(8_000))
  );
  await put(
    refused(
      "200000-sdt-long-nhau.docx",
      "maxNesting",
      "import",
      TOO_LARGE("lồng nhau quá 256 cấp")
    ),
    docx(nested(200_000))
  );
  const laughs =
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' +
    Array.from(
      { length: 9 },
      (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ""};`.repeat(10)}">`
    ).join("") +
    `]><w:document ${W}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>`;
  await put(
    refused("entity-laughs.docx", "DTD entities refused", "import", DAMAGED),
    docx(new TextEncoder().encode(laughs))
  );

  // Tracking workbooks (validate, through exceljs).
  await put(
    reads("theo-doi-mot-o-xfd.xlsx", "ragged rows (one value in XFD reads)", "validate"),
    editedTracking(tracking, (x) => x.replace("</sheetData>", `${xfdRows(2000, 1)}</sheetData>`))
  );
  await put(
    refused("theo-doi-3000-o-xfd.xlsx", "maxGridCells", "validate", TOO_LARGE("trải tới ô XFD")),
    editedTracking(tracking, (x) => x.replace("</sheetData>", `${xfdRows(2000, 3000)}</sheetData>`))
  );
  await put(
    reads("theo-doi-gop-het.xlsx", "merge clipped to the used range", "validate"),
    editedTracking(tracking, (x) =>
      x.includes("<mergeCells")
        ? x.replace(/<mergeCells[^>]*>/, (m) => `${m}<mergeCell ref="A60:XFD1048576"/>`)
        : x.replace(
            "</sheetData>",
            '</sheetData><mergeCells count="1"><mergeCell ref="A60:XFD1048576"/></mergeCells>'
          )
    )
  );

  // Returned workbooks (consolidate, the values-only reader): each is that file's refusal.
  await put(
    refused("tra-ve-o-ngoai-excel.xlsx", "excelColumns", "consolidate", DAMAGED),
    xlsx(plan + '<row r="20"><c r="ZZZZZZZ20"><v>1</v></c></row>')
  );
  await put(
    refused("tra-ve-dong-2-ty.xlsx", "excelRows", "consolidate", DAMAGED),
    xlsx(plan + '<row r="2000000000"><c><v>1</v></c></row>')
  );
  await put(
    refused("tra-ve-5-trieu-dong.xlsx", "maxSheetRows", "consolidate", /quá lớn/),
    xlsx(plan + "<row/>".repeat(5_000_000))
  );
  await put(
    refused("tra-ve-bom.xlsx", "maxPartBytes", "consolidate", /quá lớn/),
    xlsx(plan + `<!-- ${" ".repeat(80 * 1024 * 1024)} -->`)
  );
  await put(
    refused("tra-ve-regex.xlsx", "part lookup by exact name", "consolidate", DAMAGED),
    rezip(xlsx(plan, "", `worksheets/${"a".repeat(34)}`), (z) =>
      editPart(z, "xl/_rels/workbook.xml.rels", (rels) =>
        rels.replace(/Target="[^"]*"/, 'Target="worksheets/(a+)+b"')
      )
    )
  );
  await put(
    refused("tra-ve-3000-o-xfd.xlsx", "maxGridCells", "consolidate", /quá lớn/),
    xlsx(plan + xfdRows(10, 3000))
  );
  return cases;
}

if (require.main === module) {
  const [dir, tracking] = process.argv.slice(2);
  if (!dir || !tracking) {
    process.stderr.write(
      "cách dùng: npx tsx test/fuzz/make-hostile.ts <thư-mục> <theo-dõi.xlsx>\n"
    );
    process.exit(2);
  }
  void writeHostileCorpus(dir, new Uint8Array(readFileSync(tracking))).then((cases) => {
    for (const c of cases) process.stdout.write(`${c.file}\t${c.command}\t${c.bound}\n`);
  });
}
