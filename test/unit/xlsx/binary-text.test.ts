import { binaryToBytes, bytesToBinary, utf8Binary } from "../../../src/xlsx/binary-text";

test("a part's bytes round-trip through a binary string; text goes in as its UTF-8", () => {
  const text = `<c r="A1" t="inlineStr"><is><t>Sở Tài chính — đã “xong” 😀</t></is></c>`;
  const bytes = new TextEncoder().encode(text);
  const binary = bytesToBinary(bytes);
  expect(binary).toHaveLength(bytes.length);
  expect(binaryToBytes(binary)).toEqual(bytes);
  expect(utf8Binary(text)).toBe(binary);
  expect(utf8Binary("<v>12</v>")).toBe("<v>12</v>");
  expect(new TextDecoder().decode(binaryToBytes(`<t>${utf8Binary("Đơn vị")}</t>`))).toBe(
    "<t>Đơn vị</t>"
  );
});

test("text put in without its UTF-8 bytes is refused, never written truncated", () => {
  expect(() => binaryToBytes("<t>Đơn vị</t>")).toThrow(/past 255/);
});
