/**
 * The yearly reports as văn bản to sign, and the công văn đôn đốc, on real files: the Lâm Đồng
 * plan imported by the CLI, then typed into by openpyxl as agencies' returned texts would land
 * (results, difficulties, proposals, a long text, a text two agencies repeat; a "Tiếp nhận"
 * sheet of a consolidation; partners' "Phối hợp báo cáo"). The .docx is read back by
 * python-docx (every part), printed by LibreOffice and read by poppler (pages); the narrative
 * is checked to invent nothing: every paragraph of parts II–V is a figure of `phuluc rollup`, a
 * heading or row of the workbook, a text typed in a cell, or one fixed line saying a part is empty.
 */
import path from "node:path";
import { existsSync } from "node:fs";
import { importLamDong, phuluc } from "../helpers/phuluc-cli";
import { readPdf } from "../helpers/pdf-paper";
import { itWithTools, runPython, sofficeConvertAll, tempDir } from "../helpers/tools";

/** Types what agencies would return; prints what was typed (the test's independent truth). */
const EDIT = `
import sys, json, datetime, openpyxl
src, dst = sys.argv[1], sys.argv[2]
wb = openpyxl.load_workbook(src)
ws = wb["Nhiệm vụ"]
head = {c.value: c.column for c in ws[1]}
def cell(r, h): return ws.cell(r, head[h])
typed, n = [], 0
LONG = "Đã triển khai đồng bộ nhiều hoạt động. " * 30 + "Kết thúc bằng câu riêng DÀI-01."
def due(r):  # the schedule code's contract (schedule-code.ts): empty = every year
    code = cell(r, "Mã lịch hạn").value or ""
    return code == "" or ";2026=" in code
for r in range(2, ws.max_row + 1):
    lead = cell(r, "Đơn vị chủ trì").value
    if not lead or not due(r): continue
    t = {"row": r, "key": cell(r, "Mã nhiệm vụ").value, "lead": lead, "title": cell(r, "Nhiệm vụ").value}
    k = n % 5
    if k == 0:
        cell(r, "Trạng thái").value = "Hoàn thành"
        cell(r, "Ngày hoàn thành").value = datetime.datetime(2026, 6, 30)
        t["result"] = LONG if n == 0 else ("Đã ban hành văn bản hướng dẫn chung." if n in (5, 10) else f"KQ-{n}: đã tổ chức {n} hội nghị tuyên truyền.")
    elif k == 1:
        cell(r, "Trạng thái").value = "Đang thực hiện"
        cell(r, "Tiến độ (%)").value = 40
        t["result"] = f"KQ-{n}: đang xây dựng dự thảo."
        t["difficulties"] = f"KK-{n}: thiếu kinh phí và nhân lực."
    elif k == 2:
        cell(r, "Hạn hoàn thành").value = datetime.datetime(2026, 6, 30)
        cell(r, "Tiến độ (%)").value = 20
        t["proposals"] = f"Đề nghị UBND tỉnh bổ sung kinh phí KN-{n}." if n % 2 else f"Kiến nghị Bộ Văn hóa, Thể thao và Du lịch hướng dẫn KN-{n}."
        t["overdue"] = True
    for f, h in (("result", "Kết quả thực hiện"), ("difficulties", "Khó khăn, vướng mắc"), ("proposals", "Đề xuất, kiến nghị")):
        if f in t: cell(r, h).value = t[f]
    typed.append(t)
    n += 1
# A partner's contribution, as consolidation writes "Phối hợp báo cáo".
part = None
for r in range(2, ws.max_row + 1):
    names = [x.strip() for x in (cell(r, "Đơn vị phối hợp").value or "").split(";")]
    named = [x for x in names if x.startswith("Sở ")]
    if named and due(r) and cell(r, "Mã nhiệm vụ").value:
        part = {"key": cell(r, "Mã nhiệm vụ").value, "agency": named[0], "lead": cell(r, "Đơn vị chủ trì").value, "title": cell(r, "Nhiệm vụ").value}
        break
c = wb.create_sheet("Phối hợp báo cáo")
c.append(["Năm báo cáo", "Mã nhiệm vụ", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Nội dung phối hợp đã thực hiện", "Văn bản, minh chứng", "Tệp"])
part["text"] = "PH-01: đã cung cấp số liệu và cử cán bộ tham gia đoàn kiểm tra."
c.append([2026, part["key"], part["title"], part["lead"], part["agency"], part["text"], None, "phoi-hop.xlsx"])
t = wb.create_sheet("Tiếp nhận")
t.append(["Năm báo cáo", "Đơn vị", "Tệp", "Ngày báo cáo", "Số dòng khớp", "Kết quả", "Thời điểm tổng hợp"])
t.append([2026, "Sở Y tế", "y-te.xlsx", None, 2, "Đã nhận", "2026-11-20 15:30"])
t.append([2026, "Sở Nội vụ", "noi-vu.xlsx", None, 4, "Đã nhận", "2026-11-20 15:30"])
t.append([2026, "Sở Tư pháp", "", None, 0, "Chưa nhận", "2026-11-20 15:30"])
t.append([2026, "Công an tỉnh", "ca.xlsx", None, 0, "Bị từ chối", "2026-11-20 15:30"])
wb.save(dst)
print(json.dumps({"typed": typed, "partner": part}))
`;

/** Every paragraph (body and table cells), sections' orientation, and the first table's cells. */
const READ_DOCX = `
import sys, json, docx
d = docx.Document(sys.argv[1])
def cells(t):
    out, seen = [], set()
    for r in t.rows:
        row = []
        for c in r.cells:
            if id(c._tc) in seen: continue
            seen.add(id(c._tc)); row.append(c.text)
        out.append(row)
    return out
body = []
for block in d.element.body.iterchildren():
    tag = block.tag.split('}')[1]
    if tag == 'p':
        text = ''.join(t.text or '' for t in block.iter('{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t'))
        if text: body.append(text)
print(json.dumps({
  "body": body,
  "sections": [{"landscape": s.orientation == 1, "w": round(s.page_width.mm), "h": round(s.page_height.mm)} for s in d.sections],
  "tables": [cells(t) for t in d.tables],
}))
`;

/** Every cell of the workbook's sheets as text (what any sentence may quote). */
const READ_CELLS = `
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
texts = set()
for ws in wb.worksheets:
    for row in ws.iter_rows(values_only=True):
        for v in row:
            if isinstance(v, str) and v.strip(): texts.add(v.strip())
print(json.dumps(sorted(texts)))
`;

interface Typed {
  row: number;
  key: string;
  lead: string;
  title: string;
  result?: string;
  difficulties?: string;
  proposals?: string;
  overdue?: boolean;
}
interface Docx {
  body: string[];
  sections: { landscape: boolean; w: number; h: number }[];
  tables: string[][][];
}
interface Para {
  kind: string;
  text: string;
  attribution?: string;
  sources?: { agency: string; task: string; column?: string }[];
}

const TOOLS = ["python3-openpyxl"] as const;

describe("report and remind as văn bản", () => {
  const dir = tempDir("report-letter");
  let wb = "";
  let typed: Typed[] = [];
  let partner: { key: string; agency: string; lead: string; title: string; text: string };
  let province = "";
  let json: {
    figures: { province: Record<string, number | null> };
    narrative: { id: string; title: string; paragraphs: Para[] }[];
  };
  let doc: Docx;

  beforeAll(() => {
    const generated = importLamDong(path.join(dir, "theo-doi.xlsx"));
    wb = path.join(dir, "edited.xlsx");
    ({ typed, partner } = runPython<{ typed: Typed[]; partner: typeof partner }>(EDIT, [
      generated,
      wb,
    ]));
    province = path.join(dir, "tinh.docx");
    const r = phuluc(["report", wb, "--province", "--year", "2026", "-o", province, "--json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    json = JSON.parse(r.stdout);
    doc = runPython<Docx>(READ_DOCX, [province]);
  });

  itWithTools(
    [...TOOLS],
    "first page per ND 30: issuer, number, national header, trích yếu",
    async () => {
      const head = doc.tables[0][0];
      expect(head[0].split("\n")).toEqual([
        "ỦY BAN NHÂN DÂN",
        "TỈNH LÂM ĐỒNG",
        "",
        "Số:      /BC-UBND",
      ]);
      expect(head[1].split("\n").filter(Boolean)).toEqual([
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Lâm Đồng, ngày      tháng      năm 2026",
      ]);
      const at = doc.body.indexOf("BÁO CÁO");
      expect(at).toBeGreaterThanOrEqual(0);
      expect(doc.body[at + 1]).toBe(
        "Kết quả thực hiện Kế hoạch số 4784/KH-UBND ngày 13/6/2024 của UBND tỉnh năm 2026"
      );
      // Parts in order, then the closing line; the body portrait, the appendix landscape.
      const parts = ["I. ", "II. ", "III. ", "IV. ", "V. "].map((p) =>
        doc.body.findIndex((t) => t.startsWith(p) && t === t.toLocaleUpperCase("vi"))
      );
      expect(parts.every((p, i) => p > at && (i === 0 || p > parts[i - 1]))).toBe(true);
      expect(doc.sections).toEqual([
        { landscape: false, w: 210, h: 297 },
        { landscape: true, w: 297, h: 210 },
      ]);
      const appendix = doc.body.indexOf("Phụ lục");
      expect(appendix).toBeGreaterThan(parts[4]);
      expect(doc.body).toContain(
        "(Kèm theo Báo cáo số      /BC-UBND ngày      tháng      năm 2026 của Ủy ban nhân dân tỉnh Lâm Đồng)"
      );
      // Signature and "Nơi nhận" side by side, the signer's space blank.
      const sig = doc.tables.find((t) => t[0][0].startsWith("Nơi nhận:"))!;
      expect(sig[0][1].split("\n").slice(0, 3)).toEqual([
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
      ]);
      // Part I from "Tiếp nhận": received 2 of 4, who did not.
      const partI = doc.body.slice(parts[0], parts[1]).join("\n");
      expect(partI).toContain("đã nhận báo cáo của 2/4 đơn vị");
      expect(partI).toContain("Chưa nhận được báo cáo của 1 đơn vị: Sở Tư pháp.");
      expect(partI).toContain("Công an tỉnh (tệp ca.xlsx)");
    }
  );

  itWithTools([...TOOLS], "texts typed by openpyxl appear whole, attributed, once", async () => {
    const body = doc.body;
    const results = typed.filter((t) => t.result);
    expect(results.length).toBeGreaterThan(10);
    for (const t of results.filter((x) => x.result !== "Đã ban hành văn bản hướng dẫn chung."))
      expect(body).toContain(`${t.lead}: ${t.result}`);
    // The long text whole (one paragraph), the repeated one once naming both agencies.
    expect(body.filter((p) => p.endsWith("Kết thúc bằng câu riêng DÀI-01."))).toHaveLength(1);
    const shared = results.filter((t) => t.result === "Đã ban hành văn bản hướng dẫn chung.");
    const sharedLines = body.filter((p) => p.endsWith(": Đã ban hành văn bản hướng dẫn chung."));
    expect(sharedLines).toHaveLength(1);
    for (const t of shared) expect(sharedLines[0]).toContain(t.lead);
    // The partner's contribution, attributed as partner.
    expect(body).toContain(`${partner.agency} (phối hợp): ${partner.text}`);
    // Difficulties in III, proposals in V under whom they ask.
    const iii = body.findIndex((p) => p.startsWith("III. "));
    const iv = body.findIndex((p) => p.startsWith("IV. "));
    const v = body.findIndex((p) => p.startsWith("V. "));
    for (const t of typed.filter((x) => x.difficulties))
      expect(body.slice(iii, iv)).toContain(`${t.lead}: ${t.difficulties}`);
    const partV = body.slice(v);
    const province = partV.indexOf("Đối với Ủy ban nhân dân tỉnh", 0);
    const central = partV.findIndex((p) =>
      p.endsWith("Đối với Chính phủ, các bộ, ngành Trung ương")
    );
    expect(central).toBeGreaterThan(0);
    for (const t of typed.filter((x) => x.proposals)) {
      const at = partV.findIndex((p) => p.endsWith(`: ${t.proposals}`));
      expect(at).toBeGreaterThan(0);
      expect(partV[at]).toContain(t.lead);
      // Under its subhead: "Bộ …" before the province's subhead, "UBND tỉnh" after it.
      const underProvince = partV.findIndex((p) => p.endsWith("Đối với Ủy ban nhân dân tỉnh"));
      expect(t.proposals!.includes("UBND tỉnh") ? at > underProvince : at < underProvince).toBe(
        true
      );
      void province;
    }
    // Sources in --json: agency and task of each quoted text.
    const quotes = json.narrative.flatMap((p) => p.paragraphs).filter((p) => p.kind === "quote");
    for (const t of results.filter((x) => x.result !== "Đã ban hành văn bản hướng dẫn chung.")) {
      const q = quotes.find((p) => p.text === t.result);
      expect(q?.sources).toContainEqual({
        agency: t.lead,
        task: t.key,
        stt: expect.any(String),
        column: "Kết quả thực hiện",
      });
    }
  });

  itWithTools([...TOOLS], "nothing invented: parts II–V trace to cells or figures", async () => {
    const cells = new Set(runPython<string[]>(READ_CELLS, [wb]));
    const rollup = JSON.parse(
      phuluc(["rollup", wb, "--year", "2026", "--date", "2026-11-21", "--json"]).stdout
    ) as { province: Record<string, number>; groups: Record<string, number>[] };
    const figures = new Set<string>(["2026", "2027"]);
    for (const f of [rollup.province, ...rollup.groups]) {
      for (const x of Object.values(f)) if (typeof x === "number") figures.add(String(x));
      figures.add(String(f.done_on_time + f.done_late + f.done_undated));
    }
    const agencies = new Set(typed.map((t) => t.lead));
    agencies.add(partner.agency);
    const titles = new Set(typed.map((t) => t.title));
    const FIXED = new Set([
      "Các đơn vị chưa ghi kết quả thực hiện nhiệm vụ của nhóm này.",
      "Chưa có đơn vị nào ghi kết quả thực hiện.",
      "Không có nhiệm vụ quá hạn hoặc không thực hiện.",
      "Khó khăn, vướng mắc các đơn vị nêu:",
      "Các đơn vị không nêu khó khăn, vướng mắc.",
      "Các đơn vị không có đề xuất, kiến nghị.",
    ]);
    const start = doc.body.findIndex((p) => p.startsWith("II. "));
    const end = doc.body.findIndex((p) => p.startsWith("Trên đây là báo cáo"));
    const unexplained: string[] = [];
    const names = (s: string) =>
      s
        .split("; ")
        .map((a) => a.replace(/ \(phối hợp\)$/, ""))
        .every((a) => agencies.has(a) || cells.has(a));
    const numbersKnown = (s: string) =>
      (s.match(/\d+(?:,\d+)?%?/g) ?? []).every(
        (n) => figures.has(n) || /%$/.test(n) || /\d{2}\/\d{2}\/\d{4}/.test(s)
      );
    const part = doc.body.slice(start, end);
    part.forEach((p, i) => {
      // "Năm 2027, theo kế hoạch có N nhiệm vụ…": N is the count of the task lines listed.
      const listed = /^Năm \d{4}, theo kế hoạch có (\d+) nhiệm vụ/u.exec(p);
      if (listed) {
        const next = part.findIndex((x, j) => j > i && /^V\. /.test(x));
        const items = part.slice(i, next < 0 ? undefined : next).filter((x) => x.startsWith("- "));
        expect(items).toHaveLength(Number(listed[1]));
        figures.add(listed[1]);
      }
    });
    for (const p of part) {
      if (FIXED.has(p)) continue;
      if (/^(II|III|IV|V)\. [A-ZĐÀ-Ỹ ,0-9]+$/u.test(p)) continue; // part headings
      let m: RegExpMatchArray | null;
      if (
        (m = /^\d+\. (.+)$/u.exec(p)) &&
        (cells.has(m[1]) || /^Đối với|^Đề xuất, kiến nghị chưa nêu/.test(m[1]))
      )
        continue; // a group of the plan (its STT and title) or an addressee
      if ((m = /^- (.+):$/u.exec(p)) && titles.has(m[1])) continue; // a task
      if ((m = /^- (.+) \((?:hạn [^;]+; chủ trì: (.+)|(.+) chủ trì; .+)\)$/u.exec(p))) {
        if (titles.has(m[1]) || cells.has(m[1])) continue; // an overdue task or next year's
      }
      if ((m = /^(.+?): (.+)$/su.exec(p)) && names(m[1]) && cells.has(m[2].trim())) continue;
      if (
        /^(Năm \d{4}, kế hoạch có|Nhóm có|Đến ngày \d{2}\/\d{2}\/\d{4} còn|\d+ nhiệm vụ không thực hiện:|Năm \d{4}, theo kế hoạch có|Kế hoạch kết thúc năm)/u.test(
          p
        ) &&
        numbersKnown(p)
      )
        continue; // a sentence of figures
      unexplained.push(p);
    }
    expect(unexplained).toEqual([]);
  });

  itWithTools(
    ["python3-openpyxl", "soffice", "pdftotext"],
    "printed: signature with the body's last lines; no date or rate cut in a cell",
    async () => {
      const [pdf] = sofficeConvertAll(province, "pdf");
      const pages = readPdf(pdf);
      const at = pages.findIndex((p) => p.lines.some((l) => l.text.startsWith("Nơi nhận:")));
      expect(at).toBeGreaterThanOrEqual(0);
      const onPage = pages[at].lines.map((l) => l.text);
      const sigLine = onPage.findIndex((t) => t.startsWith("Nơi nhận:"));
      // The closing line of the body prints above the signature, on its page.
      expect(onPage.slice(0, sigLine).join(" ")).toContain("Trên đây là báo cáo");
      expect(pages[at].width).toBeLessThan(pages[at].height); // portrait
      // The appendix: landscape, after the signature.
      const appendix = pages.slice(at + 1);
      expect(appendix.length).toBeGreaterThan(0);
      for (const p of appendix) expect(p.width).toBeGreaterThan(p.height);
      // Every date and rate of the tables prints whole on one line.
      const tableText = doc.tables.slice(2).flat(2).join("\n");
      const wanted = (tableText.match(/\d{2}\/\d{2}\/\d{4}|\d+,\d{2}%/g) ?? []).length;
      const printed = appendix
        .flatMap((p) => p.lines.map((l) => l.text))
        .join("\n")
        .match(/\d{2}\/\d{2}\/\d{4}|\d+,\d{2}%/g);
      expect(wanted).toBeGreaterThan(10);
      expect(printed?.length ?? 0).toBeGreaterThanOrEqual(wanted);
    }
  );

  itWithTools(
    [...TOOLS],
    "agency report: its issuer under the UBND, its partner words",
    async () => {
      const out = path.join(dir, "don-vi.docx");
      const r = phuluc(["report", wb, "--agency", partner.agency, "-o", out, "--json"]);
      expect(r.code).toBe(0);
      const d = runPython<Docx>(READ_DOCX, [out]);
      expect(d.tables[0][0][0].split("\n").slice(0, 2)).toEqual([
        "UBND TỈNH LÂM ĐỒNG",
        partner.agency.toLocaleUpperCase("vi"),
      ]);
      expect(d.body).toContain("Kính gửi: Ủy ban nhân dân tỉnh Lâm Đồng.");
      expect(d.body).toContain(`Nội dung phối hợp: ${partner.text}`);
      // Its partner table shows what it wrote, not the lead's result.
      const partnerTable = d.tables.find((t) => t[0].includes("Nội dung phối hợp đã thực hiện"))!;
      const row = partnerTable.find((cells) =>
        cells.some((c) => c.startsWith(partner.title.slice(0, 40)))
      );
      expect(row).toContain(partner.text);
      // Its lead tasks with its own texts.
      for (const t of typed.filter((x) => x.lead === partner.agency && x.result))
        expect(d.body).toContain(`Kết quả: ${t.result}`);
      const narrative = JSON.parse(r.stdout).narrative as { id: string }[];
      expect(narrative.map((p) => p.id)).toEqual(["I", "II", "III", "IV"]);
    }
  );

  itWithTools([...TOOLS], "remind: a công văn per late agency; --one-letter; --json", async () => {
    const out = path.join(dir, "don-doc");
    const r = phuluc([
      "remind",
      wb,
      "--year",
      "2026",
      "--date",
      "2026-11-21",
      "--deadline",
      "2026-12-05",
      "-o",
      out,
      "--json",
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(["year", "agencies", "files"]);
    expect(j.year).toBe(2026);
    for (const a of j.agencies) expect(Object.keys(a)).toEqual(["agency", "reason", "tasks"]);
    const by = new Map<string, { reason: string; tasks: { key: string; title: string }[] }>(
      j.agencies.map((a: { agency: string }) => [a.agency, a])
    );
    expect(by.get("Sở Tư pháp")?.reason).toBe("not_reported");
    expect(by.get("Công an tỉnh")?.reason).toBe("not_reported");
    expect(by.has("Sở Y tế") && by.get("Sở Y tế")!.reason !== "not_reported").toBe(
      typed.some((t) => t.lead === "Sở Y tế" && t.overdue)
    );
    // Every agency with an overdue task typed is reminded of exactly those tasks.
    const overdue = new Map<string, string[]>();
    for (const t of typed.filter((x) => x.overdue))
      overdue.set(t.lead, [...(overdue.get(t.lead) ?? []), t.key]);
    for (const [agency, keys] of overdue)
      expect(
        by
          .get(agency)
          ?.tasks.map((t) => t.key)
          .sort()
      ).toEqual(keys.sort());
    expect(j.files).toHaveLength(j.agencies.length);
    for (const f of j.files) expect(existsSync(f)).toBe(true);

    const tuPhap = j.files.find((f: string) => f.includes("Sở Tư pháp"));
    const d = runPython<Docx>(READ_DOCX, [tuPhap]);
    const left = d.tables[0][0][0];
    expect(left).toContain("Số:      /UBND-VX");
    expect(left).toMatch(/V\/v đôn đốc báo cáo.* Kế hoạch số 4784\/KH-UBND/);
    expect(d.body).toContain("Kính gửi: Sở Tư pháp.");
    const text = d.body.join("\n");
    expect(text).toContain("chưa nhận được báo cáo kết quả thực hiện năm 2026 của Sở Tư pháp");
    expect(text).toContain("trước ngày 05/12/2026./.");
    for (const key of overdue.get("Sở Tư pháp") ?? []) {
      const t = typed.find((x) => x.key === key && x.lead === "Sở Tư pháp")!;
      expect(text).toContain(`- ${t.title} (hạn 30/06/2026; tiến độ 20%)`);
    }
    expect(d.tables.find((t) => t[0][0].startsWith("Nơi nhận:"))![0][0]).toContain("- Như trên;");

    // One letter to all, the list attached, in a .zip.
    const zip = path.join(dir, "don-doc.zip");
    const one = phuluc([
      "remind",
      wb,
      "--year",
      "2026",
      "--date",
      "2026-11-21",
      "-o",
      zip,
      "--one-letter",
      "--json",
    ]);
    expect(one.code).toBe(0);
    const oj = JSON.parse(one.stdout);
    expect(oj.files).toHaveLength(1);
    const names = runPython<string[]>(
      "import sys, json, zipfile\nprint(json.dumps(zipfile.ZipFile(sys.argv[1]).namelist()))",
      [zip]
    );
    expect(names).toEqual(["Đôn đốc 2026 - các đơn vị.docx"]);
    const extracted = path.join(dir, "one.docx");
    runPython(
      "import sys, json, zipfile\nopen(sys.argv[2], 'wb').write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[3]))\nprint('1')",
      [zip, extracted, names[0]]
    );
    const od = runPython<Docx>(READ_DOCX, [extracted]);
    expect(od.body).toContain("Kính gửi:");
    for (const a of oj.agencies) expect(od.body.join("\n")).toContain(a.agency);
    expect(od.sections.map((s) => s.landscape)).toEqual([false, true]);
    expect(od.body.some((p) => p.startsWith("(Kèm theo Công văn số      /UBND-VX"))).toBe(true);
  });
});
