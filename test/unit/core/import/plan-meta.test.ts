/** Plan metadata from the real seeds and from variants seen in practice. */
import { readFileSync } from "fs";
import { readPlanMeta, readPeriod } from "../../../../src/core/import/plan-meta";
import { readPastedText } from "../../../../src/core/readers/text-reader";
import { seedPath } from "../../../helpers/shared-paths";

const seed = (name: string) => {
  const r = readPastedText(readFileSync(seedPath(name), "utf8"));
  return readPlanMeta(r.bodyText, r.tables[0]?.context ?? "");
};

test("seed 004 Lâm Đồng: number, date over two lines, issuer from the two-line header, titles, period", () => {
  const { plan, findings } = seed("004_e647c3720ac1e613.txt");
  expect(plan).toEqual({
    number: "4784/KH-UBND",
    issuedOn: "2024-06-13",
    issuer: "UBND tỉnh Lâm Đồng",
    province: "Lâm Đồng",
    title:
      "TRIỂN KHAI THỰC HIỆN NGHỊ QUYẾT SỐ 47/NQ-CP NGÀY 15/4/2024 CỦA CHÍNH PHỦ VỀ CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA " +
      "CHÍNH PHỦ ĐẾN NĂM 2030 THỰC HIỆN KẾT LUẬN SỐ 57-KL/TW NGÀY 15/6/2023 CỦA BỘ CHÍNH TRỊ VỀ TIẾP TỤC NÂNG CAO " +
      "CHẤT LƯỢNG, HIỆU QUẢ CÔNG TÁC THÔNG TIN ĐỐI NGOẠI TRONG TÌNH HÌNH MỚI TRÊN ĐỊA BÀN TỈNH LÂM ĐỒNG",
    appendixTitle: "DANH MỤC CÁC NHÓM NHIỆM VỤ THÔNG TIN ĐỐI NGOẠI",
    period: { from: 2024, to: 2030 },
    // The signature block, its first title broken over two lines in the text.
    signer: {
      titles: ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
      name: "Võ Ngọc Hiệp",
    },
  });
  expect(findings).toEqual([]);
});

test("seed 000 Đồng Nai: no issuer header, province from the date line; title is one line", () => {
  const { plan } = seed("000_154b8362fb7d49e0.txt");
  expect(plan.number).toBe("281/KH-UBND");
  expect(plan.issuedOn).toBe("2024-08-21");
  expect(plan.province).toBe("Đồng Nai");
  expect(plan.issuer).toBe("UBND tỉnh Đồng Nai");
  expect(plan.title).toMatch(
    /^TRIỂN KHAI THỰC HIỆN NGHỊ QUYẾT SỐ 47\/NQ-CP .* TRONG TÌNH HÌNH MỚI$/
  );
  expect(plan.period).toEqual({ from: 2024, to: 2030 });
});

test("seed 002 Bắc Giang: blank number and blank day (a draft) are empty, not guessed", () => {
  const { plan, findings } = seed("002_d63d4383b1337089.txt");
  expect(plan.number).toBe("");
  expect(plan.issuedOn).toBeNull();
  expect(plan.province).toBe("Bắc Giang");
  expect(plan.title).toMatch(/^Triển khai Chương trình hành động .* trong tình hình mới$/);
  expect(plan.period).toEqual({ from: 2024, to: 2030 });
  expect(findings.map((f) => f.code).sort()).toEqual(["ISSUE_DATE_MISSING", "PLAN_NUMBER_MISSING"]);
  expect(findings.find((f) => f.code === "PLAN_NUMBER_MISSING")!.message).toContain("để trống");
});

test("a plan for 2018 issued in December 2017 covers 2018 only", () => {
  const body = [
    "ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI",
    "Số: 11920/KH-UBND",
    "Đồng Nai, ngày 28 tháng 12 năm 2017",
    "KẾ HOẠCH",
    "THÔNG TIN ĐỐI NGOẠI NĂM 2018",
    "I. MỤC ĐÍCH, YÊU CẦU",
  ].join("\n");
  const { plan } = readPlanMeta(body);
  expect(plan.issuedOn).toBe("2017-12-28");
  expect(plan.issuer).toBe("UBND tỉnh Đồng Nai");
  expect(plan.title).toBe("THÔNG TIN ĐỐI NGOẠI NĂM 2018");
  expect(plan.period).toEqual({ from: 2018, to: 2018 });
});

test("number and date from the appendix heading when the body has none", () => {
  const context =
    "PHỤ LỤC\nDANH MỤC NHIỆM VỤ\n(Ban hành kèm theo Kế hoạch số 4784/KH-UBND ngày 13 tháng 6 năm 2024 của UBND tỉnh Lâm Đồng)";
  const { plan } = readPlanMeta("", context);
  expect(plan.number).toBe("4784/KH-UBND");
  expect(plan.issuedOn).toBe("2024-06-13");
  expect(plan.issuer).toBe("UBND tỉnh Lâm Đồng");
  expect(plan.appendixTitle).toBe("DANH MỤC NHIỆM VỤ");
});

test("period: explicit range, 'đến năm' from the issue year or from an explicit 'giai đoạn', none", () => {
  expect(readPeriod("KẾ HOẠCH GIAI ĐOẠN 2021 - 2025", "", 2021)).toEqual({ from: 2021, to: 2025 });
  expect(readPeriod("Chương trình đến năm 2030", "", 2024)).toEqual({ from: 2024, to: 2030 });
  expect(readPeriod("Chương trình đến năm 2030", "thực hiện giai đoạn 2025 - 2030", 2024)).toEqual({
    from: 2025,
    to: 2030,
  });
  expect(readPeriod("Kết luận ngày 15 tháng 6 năm 2023", "", 2024)).toBeNull();
  const { findings } = readPlanMeta("KẾ HOẠCH\nVề việc gì đó", "", "x.docx");
  expect(findings.find((f) => f.code === "PERIOD_MISSING")!.location).toEqual({ file: "x.docx" });
});

test("the title stops before body sentences and the appendix heading: it sets the period", () => {
  const body = [
    "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN",
    "Số: 512/KH-UBND",
    "Nghệ An, ngày 20 tháng 12 năm 2017",
    "KẾ HOẠCH",
    "Thông tin đối ngoại tỉnh Nghệ An năm 2018",
    "Định kỳ hằng năm, các đơn vị báo cáo UBND tỉnh (qua Sở Thông tin và Truyền thông) trước ngày 15/11.",
    "PHỤ LỤC",
    "DANH MỤC NHIỆM VỤ ĐẾN NĂM 2030",
    "(Kèm theo Kế hoạch số 512/KH-UBND ngày 20/12/2017 của UBND tỉnh Nghệ An)",
  ].join("\n");
  const { plan } = readPlanMeta(body);
  expect(plan.title).toBe("Thông tin đối ngoại tỉnh Nghệ An năm 2018");
  expect(plan.period).toEqual({ from: 2018, to: 2018 });
  // A body sentence right after a two-line title is not glued to it.
  const two = readPlanMeta(
    [
      "KẾ HOẠCH",
      "Phát triển du lịch",
      "tỉnh Phú Thọ giai đoạn 2026 - 2030",
      "Các sở thực hiện kế hoạch đến năm 2035.",
    ].join("\n")
  );
  expect(two.plan.title).toBe("Phát triển du lịch tỉnh Phú Thọ giai đoạn 2026 - 2030");
  expect(two.plan.period).toEqual({ from: 2026, to: 2030 });
});

describe("a web page or news item naming its plan in one line", () => {
  test("a heading: number, date, issuer and title", () => {
    const { plan, findings } = readPlanMeta(
      "Cổng thông tin điện tử\nKế hoạch số 90/KH-UBND ngày 21/6/2024 của UBND tỉnh Quảng Trị về nâng cao chất lượng thông tin đối ngoại đến năm 2030\nNội dung kế hoạch như sau."
    );
    expect(plan).toMatchObject({
      number: "90/KH-UBND",
      issuedOn: "2024-06-21",
      province: "Quảng Trị",
      issuer: "UBND tỉnh Quảng Trị",
      title: "Nâng cao chất lượng thông tin đối ngoại đến năm 2030",
      period: { from: 2024, to: 2030 },
    });
    expect(findings.map((f) => f.code)).toEqual([]);
  });

  test("a news item: '… ban hành Kế hoạch số …', not the plans it cites", () => {
    const { plan } = readPlanMeta(
      "08:37, 22/06/2024\nNgày 21/6, UBND tỉnh ban hành Kế hoạch số 90/KH-UBND về triển khai Nghị quyết 47/NQ-CP\nThực hiện Kế hoạch số 116/KH-TU ngày 2/8/2023 của Ban Thường vụ Tỉnh ủy."
    );
    expect(plan.number).toBe("90/KH-UBND");
    expect(plan.title).toBe("Triển khai Nghị quyết 47/NQ-CP");
    const cites = readPlanMeta("Thực hiện Kế hoạch số 116/KH-UBND ngày 2/8/2023 của UBND tỉnh.");
    expect(cites.plan.number).toBe("");
  });

  test("the document's own 'Số:' line wins over a line naming a plan", () => {
    const { plan } = readPlanMeta(
      "Số: 4784/KH-UBND\nLâm Đồng, ngày 13 tháng 6 năm 2024\nKế hoạch số 90/KH-UBND ngày 21/6/2024 của UBND tỉnh Quảng Trị về việc khác"
    );
    expect(plan.number).toBe("4784/KH-UBND");
    expect(plan.issuedOn).toBe("2024-06-13");
  });
});
