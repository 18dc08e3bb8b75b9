/**
 * A cell's lines → its text (core/readers/pdf-lines.ts): in a narrow agency column a line may
 * end short enough that the next agency's first word would not have fit, so the short-line rule
 * cannot see an agency typed on its own line; the agency heads and the directory decide.
 */
import { joinLines, toLines } from "../../../../src/core/readers/pdf-lines";
import type { PdfTextItem } from "../../../../src/core/readers/pdf-page";

const SIZE = 12;
const item = (text: string, y: number): PdfTextItem => ({
  text,
  x: 0,
  y,
  width: text.length * SIZE * 0.5,
  size: SIZE,
});
/** One line a string, 15 pt apart; the column's text ends at `right`. */
const cell = (texts: string[], right: number) =>
  joinLines(toLines(texts.map((t, i) => item(t, 100 + 15 * i))), right);

test("an agency typed on its own line stays its own line, though its first word would not fit", () => {
  // "Công an tỉnh" is 72 wide, "Sở" 12: the line is full enough for the short-line rule.
  expect(cell(["Công an tỉnh", "Sở Nội vụ"], 84)).toBe("Công an tỉnh\nSở Nội vụ");
  // After ";" the line wraps as in the .docx; the ";" tells the agencies apart.
  expect(cell(["Sở Công Thương;", "UBND các huyện"], 96)).toBe("Sở Công Thương; UBND các huyện");
  expect(cell(["Công an tỉnh", "Bộ Chỉ huy Quân sự", "tỉnh"], 114)).toBe(
    "Công an tỉnh\nBộ Chỉ huy Quân sự tỉnh"
  );
});

test("a name wrapped over lines is joined: continuation words, and joins the directory knows", () => {
  expect(cell(["Sở Khoa học và", "Công nghệ"], 90)).toBe("Sở Khoa học và Công nghệ");
  expect(cell(["Sở Văn hóa, Thể", "thao và Du lịch"], 96)).toBe("Sở Văn hóa, Thể thao và Du lịch");
  // "Đoàn" heads a name, but "Văn phòng Đoàn ĐBQH và HĐND tỉnh" is one the directory knows.
  expect(cell(["Văn phòng", "Đoàn ĐBQH và", "HĐND tỉnh"], 78)).toBe(
    "Văn phòng Đoàn ĐBQH và HĐND tỉnh"
  );
});

test("a task's title is never cut at an agency's name", () => {
  expect(cell(["Phối hợp với Công an tỉnh", "Sở Tư pháp tổ chức tuyên truyền"], 156)).toBe(
    "Phối hợp với Công an tỉnh Sở Tư pháp tổ chức tuyên truyền"
  );
});
