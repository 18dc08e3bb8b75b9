/**
 * Statuses as officers and agencies type them (the master's "Trạng thái" and returned files
 * read by one table), each expected value decided by hand: what names one status is read as
 * it; what could be two is ambiguous; what is no status stays unknown; a percentage and
 * further words are handed back so nothing typed is lost.
 */
import { readStatus, statusOf } from "../../../../src/core/tracking/status-wording";

describe("readStatus: what officers really type", () => {
  test.each([
    // The list's words, with the officer's case, spacing, punctuation, Unicode form.
    ["hoan thanh", "Hoàn thành", "wording"],
    ["HOÀN THÀNH", "Hoàn thành", "wording"],
    ["Hoàn thành.", "Hoàn thành", "wording"],
    ["  Hoàn   thành ", "Hoàn thành", "wording"],
    ["Hoàn thành!", "Hoàn thành", "wording"],
    ["- Hoàn thành;", "Hoàn thành", "wording"],
    ["Đã hoàn thành (100%)", "Hoàn thành", "wording"],
    ["Hoàn thành 100 %", "Hoàn thành", "wording"],
    ["dang thuc hien", "Đang thực hiện", "wording"],
    ["Đang thực hiện trong hạn", "Đang thực hiện", "wording"],
    ["  chưa   triển khai ", "Chưa triển khai", "wording"],
    ["Chu\u0300a trie\u0302\u0309n khai", "Chưa triển khai", "wording"], // NFD
    ["không thực hiện", "Không thực hiện", "wording"],
    // Other words for one status.
    ["xong rồi", "Hoàn thành", "wording"],
    ["Đã xong rồi.", "Hoàn thành", "wording"],
    ["Hoàn thành đúng hạn", "Hoàn thành", "wording"],
    ["Hoàn thành quá hạn", "Hoàn thành", "wording"],
    ["đang triển khai", "Đang thực hiện", "wording"],
    ["Đang triển khai thực hiện", "Đang thực hiện", "wording"],
    ["chưa thực hiện", "Chưa triển khai", "wording"],
    ["Chưa triển khai thực hiện", "Chưa triển khai", "wording"],
    ["Không triển khai", "Không thực hiện", "wording"],
    // Abbreviations.
    ["HT", "Hoàn thành", "wording"],
    ["Đã HT", "Hoàn thành", "wording"],
    ["Đang TH", "Đang thực hiện", "wording"],
    ["đang th.", "Đang thực hiện", "wording"],
    ["Chưa TK", "Chưa triển khai", "wording"],
    ["Chưa TH", "Chưa triển khai", "wording"],
    ["Không TH", "Không thực hiện", "wording"],
    // Slips: one letter off a long word, keyboard leftovers (Telex, VNI).
    ["Hoàn thànhh", "Hoàn thành", "typo"],
    ["Hoàn thàn", "Hoàn thành", "typo"],
    ["Đang thưc hiên", "Đang thực hiện", "wording"], // a mark missing folds away
    ["dang thuc hein", "Đang thực hiện", "typo"],
    ["Chưa triên khia", "Chưa triển khai", "typo"],
    ["hoanf thanhf", "Hoàn thành", "typo"],
    ["ddang thuwcj hieenj", "Đang thực hiện", "typo"],
    ["chuwa trieenr khai", "Chưa triển khai", "typo"],
    ["khoong thuwcj hieenj", "Không thực hiện", "typo"],
    ["hoa2n tha2nh", "Hoàn thành", "typo"],
    ["ddax xong", "Hoàn thành", "typo"],
  ])("%s → %s (%s)", (typed, value, how) => {
    expect(readStatus(typed)).toMatchObject({ value, how, rest: "" });
  });

  test.each([
    // Could be two statuses: never guessed.
    ["Chưa hoàn thành", "đang thực hiện hay chưa triển khai"],
    ["chua xong", "đang thực hiện hay chưa triển khai"],
    ["Chưa HT", "đang thực hiện hay chưa triển khai"],
    ["Quá hạn", "hoàn thành muộn hay chưa hoàn thành"],
    ["quá hạn.", "hoàn thành muộn hay chưa hoàn thành"],
    ["Trễ hạn", "hoàn thành muộn hay chưa hoàn thành"],
    ["Chưa đến hạn", "đang thực hiện hay chưa triển khai"],
    ["Đã TH", "đã hoàn thành hay còn đang thực hiện"],
    ["Chưa thực hiện xong", "đang thực hiện hay chưa triển khai"],
    ["chưa triển khai xong.", "đang thực hiện hay chưa triển khai"],
    ["Đã triển khai", "đã hoàn thành hay còn đang thực hiện"],
    ["Cơ bản hoàn thành", "đã hoàn thành hay còn đang thực hiện"],
    ["Tạm dừng", "không thực hiện hay còn đang thực hiện"],
    // One letter from two meanings: "đang thực hiện" or "đã thực hiện".
    ["dan thuc hien", "gõ gần giống"],
    ["Chưa triển khai (30%)", "ghi chưa triển khai nhưng có 30%"],
  ])("%s is ambiguous (%s)", (typed, why) => {
    expect(readStatus(typed)).toMatchObject({
      value: null,
      how: "ambiguous",
      why: expect.stringContaining(why),
    });
  });

  test.each([
    ["Tốt"],
    ["Đạt"],
    ["Không"],
    ["Chưa"],
    ["Đang"],
    ["Đã"],
    ["Hoàn"],
    ["x"],
    ["Có"],
    ["TH"],
    ["song"], // one letter from "xong", too short to be read as a slip
    ["Đóng"],
    ["Thường xuyên"],
    ["Quý IV"],
    ["Không rõ"],
    ["Chưa có thông tin"],
    ["Sở Y tế"],
    ["Hoàn thiện"],
    ["Đã hoàn thiện"], // two letters from "đang hoàn thiện": no guess
    ["Hoàn trả"],
    ["Thanh toán"],
    ["80%"],
    ["2026"],
  ])("%s is no status", (typed) => {
    expect(readStatus(typed)).toMatchObject({ value: null, how: "unknown" });
  });

  test("the list's words as typed are exact; empty is nothing; numbers are no status", () => {
    for (const s of ["Chưa triển khai", "Đang thực hiện", "Hoàn thành", "Không thực hiện"])
      expect(readStatus(s)).toMatchObject({ value: s, how: "exact" });
    expect(readStatus(null)).toMatchObject({ value: null, how: "empty" });
    expect(readStatus("  ")).toMatchObject({ value: null, how: "empty" });
    expect(readStatus(80)).toMatchObject({ value: null, how: "unknown" });
    expect(readStatus({ formula: "A1", result: "xong" })).toMatchObject({ value: "Hoàn thành" });
    expect(statusOf("Chưa hoàn thành")).toBeNull();
    expect(statusOf("HT")).toBe("Hoàn thành");
  });
});

describe("readStatus: agencies' returned files", () => {
  test.each([
    ["Hoàn thành", "Hoàn thành", "exact"],
    ["HOAN THANH", "Hoàn thành", "wording"],
    ["Đã xong", "Hoàn thành", "wording"],
    ["Xong", "Hoàn thành", "wording"],
    ["Đã hoàn thành", "Hoàn thành", "wording"],
    ["da hoan thanh", "Hoàn thành", "wording"],
    ["Hoàn thành đúng hạn", "Hoàn thành", "wording"],
    ["Đang làm", "Đang thực hiện", "wording"],
    ["chưa triển khai", "Chưa triển khai", "wording"],
    ["Chưa thực hiện.", "Chưa triển khai", "wording"],
    ["Không phát sinh", "Không thực hiện", "wording"],
    ["Hoan thnah", "Hoàn thành", "typo"],
    ["Đang thưc hiên", "Đang thực hiện", "wording"],
    ["dang thuc hein", "Đang thực hiện", "typo"],
  ])("%s → %s (%s)", (typed, value, how) => {
    expect(readStatus(typed)).toMatchObject({ value, how, rest: "", percent: null });
  });

  test("a percentage is handed back; under 100% 'hoàn thành' is still in progress", () => {
    expect(readStatus("hoàn thành 100%")).toMatchObject({
      value: "Hoàn thành",
      percent: 100,
    });
    expect(readStatus("Đang thực hiện (80%)")).toMatchObject({
      value: "Đang thực hiện",
      percent: 80,
      rest: "",
    });
    expect(readStatus("Hoàn thành 80%")).toMatchObject({
      value: "Đang thực hiện",
      percent: 80,
    });
    expect(readStatus("Chưa hoàn thành (60%)")).toMatchObject({ value: "Đang thực hiện" });
  });

  test("what could be two statuses is ambiguous, with why", () => {
    for (const t of [
      "Chưa hoàn thành",
      "Cơ bản hoàn thành",
      "Đã thực hiện",
      "Tạm dừng",
      "Chưa triển khai (30%)",
    ])
      expect(readStatus(t)).toMatchObject({
        value: null,
        how: "ambiguous",
        why: expect.any(String),
      });
  });

  test("words beyond the status are handed back as typed", () => {
    expect(readStatus("Đang thực hiện, chờ kinh phí")).toMatchObject({
      value: "Đang thực hiện",
      rest: "chờ kinh phí",
    });
  });

  test("no status: numbers, percentages alone, other words, too short to be a typo", () => {
    for (const t of [80, "80%", "Tốt", "Đạt", "Đã mở 3 lớp tập huấn"])
      expect(readStatus(t)).toMatchObject({ value: null, how: "unknown" });
  });
});
