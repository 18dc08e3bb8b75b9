/**
 * The signer is read from the lines of the signature block, whichever reader produced them:
 * body paragraphs, a borderless table read column by column, or a PDF's two columns.
 */
import { readSigner } from "../../../../src/core/import/plan-signer";
import { readPlanMeta } from "../../../../src/core/import/plan-meta";
import { columnLines } from "../../../../src/core/table/column-lines";

const RECIPIENTS = "Nơi nhận:\n- Như trên;\n- TT Tỉnh ủy, TT HĐND tỉnh;\n- Lưu: VT, KGVX.";

describe("readSigner", () => {
  it.each([
    [
      ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "", "Cao Tường Huy"],
      ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
      "Cao Tường Huy",
    ],
    [
      ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Võ Ngọc Hiệp"],
      ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
      "Võ Ngọc Hiệp",
    ],
    [
      ["TM. ỦY BAN NHÂN", "DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Bùi Đình Long"],
      ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
      "Bùi Đình Long",
    ],
    // Lines a reader ran together.
    [
      ["KT. CHỦ TỊCH PHÓ CHỦ TỊCH", "Hoàng Quốc Khánh"],
      ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
      "Hoàng Quốc Khánh",
    ],
    [
      ["TM. ỦY BAN NHÂN DÂN CHỦ TỊCH", "Phạm Anh Tuấn"],
      ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
      "Phạm Anh Tuấn",
    ],
    [
      ["TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH", "Lê Văn Hòa"],
      ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
      "Lê Văn Hòa",
    ],
  ])("%j", (lines, titles, name) => {
    expect(readSigner(lines)).toEqual({ titles, name });
  });

  it("finds nobody in body text without a signature block", () => {
    expect(readSigner(["KẾ HOẠCH", "Triển khai cải cách hành chính", "Nơi nhận:"])).toBeUndefined();
  });
});

describe("the signature block as a borderless table", () => {
  const table = {
    rows: [
      [RECIPIENTS, "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\n"],
      ["", "Phạm Thiện Nghĩa"],
    ],
  };

  it("is read column by column, as a PDF gives its two columns", () => {
    expect(columnLines(table)).toEqual([
      ...RECIPIENTS.split("\n"),
      "TM. ỦY BAN NHÂN DÂN",
      "KT. CHỦ TỊCH",
      "PHÓ CHỦ TỊCH",
      "Phạm Thiện Nghĩa",
    ]);
  });

  it("gives the plan its signer; body text that has one wins", () => {
    const body = "KẾ HOẠCH\nTriển khai cải cách hành chính năm 2025";
    const layout = columnLines(table).join("\n");
    expect(readPlanMeta(body, "", "x.docx", layout).plan.signer).toEqual({
      titles: ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
      name: "Phạm Thiện Nghĩa",
    });
    const signedInBody = `${body}\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nCao Tường Huy`;
    expect(readPlanMeta(signedInBody, "", "x.docx", layout).plan.signer?.name).toBe(
      "Cao Tường Huy"
    );
  });

  it("gives the number, date and issuer of a letterhead table when the body has none", () => {
    const letterhead = columnLines({
      rows: [
        [
          "ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN",
          "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
        ],
        ["Số: 102/KH-UBND", "Nghệ An, ngày 20 tháng 5 năm 2025"],
      ],
    }).join("\n");
    const { plan } = readPlanMeta(
      "KẾ HOẠCH\nCải cách hành chính năm 2025",
      "",
      "x.docx",
      letterhead
    );
    expect([plan.number, plan.issuedOn, plan.issuer]).toEqual([
      "102/KH-UBND",
      "2025-05-20",
      "UBND tỉnh Nghệ An",
    ]);
  });
});
