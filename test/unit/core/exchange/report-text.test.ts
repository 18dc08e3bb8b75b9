/**
 * The text side of consolidation: legacy encodings (TCVN3, VNI) detected per file and converted,
 * the header names officers give columns, task texts compared after shortening or paraphrase.
 * Expected values are written by hand from the encodings' tables and the officers' wordings.
 */
import { detectLegacyEncoding, fromLegacy } from "../../../../src/core/text/legacy-encoding";
import {
  fieldOfHeader,
  findHeader,
  HEADER_SYNONYMS,
  PLAN_FIELDS,
  type ReportField,
} from "../../../../src/core/exchange/report-headers";
import { foldVietnamese } from "../../../../src/core/text/fold";
import { readReport } from "../../../../src/core/exchange/read-report";
import { reportFileName, safeFileName } from "../../../../src/core/exchange/report-file-name";
import { similarity, sttKey, taskText } from "../../../../src/core/exchange/task-similarity";

describe("legacy encodings", () => {
  test("TCVN3 (.VnTime) strings of a file are detected and converted", () => {
    const file = ["Së Y tÕ", "B¸o c¸o kÕt qu¶ thùc hiÖn", "§ang thùc hiÖn", "Hoµn thµnh"];
    expect(detectLegacyEncoding(file)).toBe("tcvn3");
    expect(file.map((s) => fromLegacy(s, "tcvn3"))).toEqual([
      "Sở Y tế",
      "Báo cáo kết quả thực hiện",
      "Đang thực hiện",
      "Hoàn thành",
    ]);
  });

  test("VNI (VNI-Times) strings are detected and converted", () => {
    const file = ["Sôû Y teá", "Ñang thöïc hieän", "Hoaøn thaønh", "Tuyeân truyeàn quaûng baù"];
    expect(detectLegacyEncoding(file)).toBe("vni");
    expect(file.map((s) => fromLegacy(s, "vni"))).toEqual([
      "Sở Y tế",
      "Đang thực hiện",
      "Hoàn thành",
      "Tuyên truyền quảng bá",
    ]);
  });

  test("Unicode Vietnamese (capitals with Ê, Ô, Õ included) is left alone", () => {
    const file = ["SỞ Y TẾ", "TÊN NHIỆM VỤ", "Hoàn thành", "Ông Võ Văn Ô", "Đà Lạt"];
    expect(detectLegacyEncoding(file)).toBeNull();
    expect(fromLegacy("Sở Y tế", "tcvn3")).toBe("Sở Y tế");
  });
});

describe("header synonyms", () => {
  test.each([
    ["Nội dung công việc", "title"],
    ["NHIỆM VỤ", "title"],
    ["Tên nhiệm vụ", "title"],
    ["TT", "stt"],
    ["Số TT", "stt"],
    ["Tình trạng", "status"],
    ["trang thai", "status"],
    ["Kết quả đạt được", "result"],
    ["Thời gian hoàn thành", "completedOn"],
    ["Tỷ lệ hoàn thành (%)", "progress"],
    ["Khó khăn, vướng mắc", "difficulties"],
    ["Kiến nghị, đề xuất", "proposals"],
    ["Mã nhiệm vụ", "key"],
    ["Cơ quan chủ trì", "lead"],
    ["Nội dung phối hợp", "contribution"],
  ])("%s → %s", (header, field) => expect(fieldOfHeader(header)).toBe(field));

  test.each([
    ["Thời gian thực hiện", "timeText"],
    ["Đơn vị phối hợp", "partners"],
    ["Hạn hoàn thành", "deadline"],
  ])("%s is a plan column (known, not landed)", (header, field) => {
    expect(fieldOfHeader(header)).toBe(field);
    expect(PLAN_FIELDS).toContain(field);
  });

  test.each(["Ghi chú", "Người thực hiện", "Điện thoại liên hệ"])("%s has no meaning", (header) =>
    expect(fieldOfHeader(header)).toBeUndefined()
  );

  // One test per synonym of THE table: as written, in capitals, without diacritics, and with
  // what officers add after it ("(*)", a trailing year, a colon).
  const every = (Object.entries(HEADER_SYNONYMS) as [ReportField, string[]][]).flatMap(
    ([field, list]) => list.map((s): [string, ReportField] => [s, field])
  );
  test.each(every)("synonym %s → %s", (written, field) => {
    expect(fieldOfHeader(written)).toBe(field);
    expect(fieldOfHeader(written.toUpperCase())).toBe(field);
    expect(fieldOfHeader(foldVietnamese(written))).toBe(field);
    expect(fieldOfHeader(`${written} (*)`)).toBe(field);
    expect(fieldOfHeader(`${written}:`)).toBe(field);
  });

  test("Tình hình thực hiện holding statuses beside Kết quả thực hiện: status and result both land", () => {
    const grid = [
      [
        "TT",
        "Nội dung",
        "Tình hình thực hiện",
        "Kết quả thực hiện",
        "Khó khăn",
        "Vướng mắc",
        "Ghi chú",
      ],
      [
        "1",
        "Tuyên truyền đối ngoại",
        "Hoàn thành",
        "Đăng 20 tin bài",
        "Thiếu người",
        "Chậm kinh phí",
        "x",
      ],
      ["2", "Hội chợ du lịch", "Đang thực hiện", "Chuẩn bị gian hàng", null, null, null],
    ];
    const r = readReport({ sheets: [{ name: "BC", rows: grid }] } as never, "bc.xlsx");
    expect(r.rows[0].values).toMatchObject({
      status: "Hoàn thành",
      result: "Đăng 20 tin bài",
      difficulties: "Thiếu người\nChậm kinh phí",
    });
    expect(r.ignoredColumns).toEqual([{ sheet: "BC", column: "G", header: "Ghi chú" }]);
  });

  test("table under a title block, two-row header and a numbering row", () => {
    const grid = [
      ["UBND TỈNH LÂM ĐỒNG"],
      ["SỞ Y TẾ"],
      [],
      [null, "TT", "Nội dung", "Kết quả thực hiện", null],
      [null, null, null, "Tình trạng", "Ngày hoàn thành"],
      [null, "(1)", "(2)", "(3)", "(4)"],
      [null, "1", "Tuyên truyền", "Hoàn thành", "05/10/2026"],
    ];
    const h = findHeader(grid)!;
    expect(h.headerRow).toBe(5);
    expect(h.firstDataRow).toBe(7);
    expect(h.col).toMatchObject({ stt: 1, title: 2, status: 3, completedOn: 4 });
  });
});

describe("task text similarity", () => {
  const plan = taskText(
    "Tổ chức tuyên truyền, quảng bá hình ảnh tỉnh Lâm Đồng trên các phương tiện thông tin đại chúng trong nước và quốc tế"
  );
  test("a shortened copy scores high, an unrelated task low", () => {
    expect(
      similarity(
        taskText("Tuyên truyền, quảng bá hình ảnh tỉnh Lâm Đồng trên các phương tiện thông tin"),
        plan
      )
    ).toBeGreaterThan(0.75);
    expect(
      similarity(taskText("tuyen truyen quang ba hinh anh tinh lam dong"), plan)
    ).toBeGreaterThan(0.7);
    expect(
      similarity(taskText("Tổ chức giải chạy việt dã vì sức khỏe cộng đồng"), plan)
    ).toBeLessThan(0.3);
  });
  test("a two-word text says too little to be sure", () => {
    expect(similarity(taskText("Tuyên truyền"), plan)).toBeLessThan(0.6);
  });
  test("STT as written", () => {
    expect(sttKey("01.2.")).toBe("1.2");
    expect(sttKey(" I.1 ")).toBe("i.1");
  });
});

describe("file names", () => {
  test("officers' name; characters invalid in Windows file names replaced", () => {
    expect(reportFileName(2026, "Sở Y tế", "4784/KH-UBND")).toBe(
      "2026 - Sở Y tế - Báo cáo KH 4784.xlsx"
    );
    expect(reportFileName(2026, 'Ban "A/B": C?', "12/KH")).toBe(
      "2026 - Ban -A-B-- C- - Báo cáo KH 12.xlsx"
    );
    expect(safeFileName("x".repeat(300))).toHaveLength(200); // MAX_STEM_BYTES
  });

  test("a long name is cut on a character boundary and keeps its suffix", () => {
    const bytes = (s: string) => new TextEncoder().encode(s).length;
    const long = "Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp ".repeat(
      5
    );
    expect(long.length).toBeGreaterThan(300);
    const name = reportFileName(2026, long, "4784/KH-UBND");
    expect(name).toMatch(/^2026 - Ban Quản lý dự án .* - Báo cáo KH 4784\.xlsx$/);
    expect(bytes(name)).toBeLessThanOrEqual(205);
    expect(name).not.toMatch(/\s - Báo cáo/); // cut head trimmed
    expect(name.normalize("NFC")).toBe(name);
    // Emoji, a family joined by ZWJ, a flag, decomposed tone marks: never half of one.
    const emoji = "Sở Y tế 👨‍👩‍👧‍👦🇻🇳 Việt Nam ".repeat(12);
    for (const agency of [emoji, "e\u0302\u0301".repeat(150), "😀".repeat(100)]) {
      const n = reportFileName(2026, agency, "12/KH");
      expect(n.endsWith(" - Báo cáo KH 12.xlsx")).toBe(true);
      expect(bytes(n)).toBeLessThanOrEqual(205);
      expect(n).not.toMatch(
        /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/
      );
      expect(n).not.toMatch(/\u200d(?: |$)/); // no dangling joiner
    }
    const family = reportFileName(2026, emoji, "12/KH");
    const head = family.replace(/ - Báo cáo KH 12\.xlsx$/, "");
    // Only whole families: each one that starts, ends.
    expect((head.match(/👨/g) ?? []).length).toBe((head.match(/👦/g) ?? []).length);
    expect((head.match(/🇻/g) ?? []).length).toBe((head.match(/🇳/g) ?? []).length);
  });
});

describe("a status column the header does not name", () => {
  const sheet = (head: string[], ...data: unknown[][]) => ({
    sheets: [
      {
        name: "Báo cáo",
        rows: [
          ["SỞ NỘI VỤ"],
          ["Báo cáo kết quả thực hiện KH số 512/KH-UBND năm 2026"],
          head,
          ...data,
        ],
      },
    ],
  });

  test("'Tình hình thực hiện' beside 'Kết quả đạt được', holding status words, is the status", () => {
    const read = readReport(
      sheet(
        ["Mã NV", "Nội dung", "Kết quả đạt được", "Tình hình thực hiện", "Tỷ lệ (%)"],
        ["t6", "Đào tạo cán bộ", "Mở 3 lớp", "Hoàn thành", "100%"],
        ["t7", "Thông tin đầu tư", "Đăng 2 bản tin", "dang thuc hien", "50%"]
      ),
      "Noi vu.xlsx"
    );
    expect(read.rows.map((r) => [r.values.status, r.values.result])).toEqual([
      ["Hoàn thành", "Mở 3 lớp"],
      ["dang thuc hien", "Đăng 2 bản tin"],
    ]);
  });

  test("a lone 'Tình hình thực hiện' of status words is the status; of sentences, the result", () => {
    const status = readReport(
      sheet(["STT", "Nhiệm vụ", "Tình hình thực hiện"], ["1", "Đào tạo cán bộ", "Đã hoàn thành"]),
      "a.xlsx"
    );
    expect(status.rows[0].values).toEqual({ status: "Đã hoàn thành" });
    const prose = readReport(
      sheet(["STT", "Nhiệm vụ", "Tình hình thực hiện"], ["1", "Đào tạo cán bộ", "Đã mở 3 lớp"]),
      "a.xlsx"
    );
    expect(prose.rows[0].values).toEqual({ result: "Đã mở 3 lớp" });
  });

  test("a lone column of words that could be two statuses is the result; with one sure, the status", () => {
    const only = readReport(
      sheet(
        ["STT", "Nhiệm vụ", "Tình hình thực hiện"],
        ["1", "Đào tạo cán bộ", "Đã thực hiện"],
        ["2", "Thông tin đầu tư", "Đã thực hiện"]
      ),
      "a.xlsx"
    );
    expect(only.rows.map((r) => r.values)).toEqual([
      { result: "Đã thực hiện" },
      { result: "Đã thực hiện" },
    ]);
    const mixed = readReport(
      sheet(
        ["STT", "Nhiệm vụ", "Kết quả", "Ghi chú"],
        ["1", "Đào tạo cán bộ", "Mở 1 lớp", "Chưa hoàn thành"],
        ["2", "Thông tin đầu tư", "Đăng 2 bản tin", "Xong"]
      ),
      "a.xlsx"
    );
    expect(mixed.rows.map((r) => r.values)).toEqual([
      { result: "Mở 1 lớp", status: "Chưa hoàn thành" },
      { result: "Đăng 2 bản tin", status: "Xong" },
    ]);
  });
});
