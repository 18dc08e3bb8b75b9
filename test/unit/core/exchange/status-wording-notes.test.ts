/** One note per file, sheet and wording, its rows in runs: expected lines written by hand. */
import { wordingNotes } from "../../../../src/core/exchange/status-wording-notes";

test("an agency's wordings are said once each, with their rows", () => {
  const at = (row: number, wrote: string, value = "Hoàn thành", typo = false) => ({
    file: "a.xlsx",
    sheet: "Chủ trì",
    row,
    wrote,
    value,
    typo,
  });
  expect(
    wordingNotes([
      at(6, "Xong"),
      at(7, "Xong"),
      at(8, "Xong"),
      at(9, "Đang làm", "Đang thực hiện"),
      at(12, "Xong"),
      at(13, "Hoan thnah", "Hoàn thành", true),
    ])
  ).toEqual([
    'Tệp "a.xlsx", trang "Chủ trì", cột "Trạng thái": đơn vị ghi "Xong" (dòng 6–8, 12), hiểu là "Hoàn thành".',
    'Tệp "a.xlsx", trang "Chủ trì", cột "Trạng thái": đơn vị ghi "Đang làm" (dòng 9), hiểu là "Đang thực hiện".',
    'Tệp "a.xlsx", trang "Chủ trì", cột "Trạng thái": đơn vị ghi "Hoan thnah" (dòng 13), hiểu là "Hoàn thành" (sửa lỗi gõ).',
  ]);
});
