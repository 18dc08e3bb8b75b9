/**
 * Reading a plan's signer from its signature block, and whom a proposal asks: the small readers
 * behind the printed papers (plan-signer.ts, addressee.ts), on the shapes documents give them.
 */
import { readSigner } from "../../../../src/core/import/plan-signer";
import { addresseeOf } from "../../../../src/core/papers/addressee";
import { agencyCode } from "../../../../src/core/papers/letterhead";

describe("the plan's signer", () => {
  test("a title broken over two lines is joined; the name under it is read", () => {
    const lines = [
      "- Lưu: VT, NV1, NV4.",
      "TM. ỦY BAN NHÂN",
      "DÂN",
      "KT. CHỦ TỊCH",
      "PHÓ CHỦ TỊCH",
      "Võ Ngọc Hiệp",
      "",
      "PHỤ LỤC",
    ];
    expect(readSigner(lines)).toEqual({
      titles: ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
      name: "Võ Ngọc Hiệp",
    });
  });
  test("a chairman signing himself, no name typed yet", () => {
    expect(readSigner(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "PHỤ LỤC"])).toEqual({
      titles: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
      name: "",
    });
  });
  test("capitals in the body that are no signature are not taken for one", () => {
    expect(
      readSigner(["KT. là viết tắt", "TM. ỦY BAN NHÂN DÂN TỈNH", "Nơi nhận:"])
    ).toBeUndefined();
    expect(readSigner(["Kính gửi các sở", "Không có chữ ký"])).toBeUndefined();
  });
});

describe("whom a proposal asks", () => {
  test.each([
    ["Đề nghị Bộ Y tế hướng dẫn thực hiện.", "central"],
    ["Kiến nghị Chính phủ sớm ban hành nghị định.", "central"],
    ["Đề nghị UBND tỉnh bổ sung kinh phí.", "province"],
    ["Kiến nghị Ủy ban nhân dân tỉnh chỉ đạo các ngành.", "province"],
    ["Đề nghị Sở Tài chính bố trí kinh phí.", "agencies"],
    // "bổ sung" is not "Bộ"; nobody named.
    ["Cần bổ sung kinh phí và nhân lực.", "unnamed"],
    ["Đề nghị Sở Tài chính tham mưu UBND tỉnh bố trí kinh phí.", "agencies"],
  ])("%s → %s", (text, who) => {
    expect(addresseeOf(text)).toBe(who);
  });
});

test("an agency's code in its number: its words' initials", () => {
  expect(agencyCode("Sở Y tế")).toBe("SYT");
  expect(agencyCode("Sở Văn hóa, Thể thao và Du lịch")).toBe("SVHTTDL");
  expect(agencyCode("Sở Giáo dục và Đào tạo")).toBe("SGDĐT");
});
