import { foldVietnamese, normalizeText } from "../../../../src/core/text/fold";

describe("normalizeText", () => {
  it.each([
    [
      "NBSP and line breaks from a wrapped cell",
      "Sở Thông tin và\nTruyền\u00a0thông ",
      "Sở Thông tin và Truyền thông",
    ],
    ["NFD input comes out NFC", "Hằng năm".normalize("NFD"), "Hằng năm".normalize("NFC")],
    ["zero-width space dropped", "Sở\u200b Nội vụ", "Sở Nội vụ"],
    ["narrow NBSP and tabs", "Năm\u202f2024\t", "Năm 2024"],
  ])("%s", (_label, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
    expect(normalizeText(input).normalize("NFC")).toBe(normalizeText(input));
  });
});

describe("foldVietnamese", () => {
  it.each([
    ["Sở Văn hóa, Thể thao và Du lịch", "so van hoa, the thao va du lich"],
    ["ĐÀI PHÁT THANH – TRUYỀN HÌNH", "dai phat thanh - truyen hinh"],
    ["Ủy ban nhân dân", "uy ban nhan dan"],
    ["Uỷ ban nhân dân", "uy ban nhan dan"],
    ["Sở KH&ĐT", "so kh&dt"],
    ["Hằng năm", "hang nam"],
    ["Hàng năm", "hang nam"],
  ])("%s -> %s", (input, expected) => {
    expect(foldVietnamese(input)).toBe(expected);
  });

  it("folds NFC and NFD spellings to the same text", () => {
    const name = "Bộ Chỉ huy quân sự tỉnh Lâm Đồng";
    expect(foldVietnamese(name.normalize("NFD"))).toBe(foldVietnamese(name.normalize("NFC")));
  });

  it("stays position-aligned with normalizeText, so folded matches map back to what was written", () => {
    const written = "Phòng Ngoại vụ - Văn\nphòng UBND tỉnh, Báo Lâm\u00a0Đồng".normalize("NFD");
    const n = normalizeText(written);
    const f = foldVietnamese(written);
    expect(f.length).toBe(n.length);
    const at = f.indexOf("bao lam dong");
    expect(n.slice(at, at + "bao lam dong".length)).toBe("Báo Lâm Đồng");
  });
});
