/**
 * Statuses as agencies write them in returned files, each expected value decided by hand: what
 * names one status is read as it; what could be two is ambiguous; a percentage and further
 * words are handed back so nothing the agency wrote is lost.
 */
import { readAgencyStatus } from "../../../../src/core/exchange/agency-status";

describe("readAgencyStatus", () => {
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
    expect(readAgencyStatus(typed)).toMatchObject({ value, how, rest: "", percent: null });
  });

  test("a percentage is handed back; under 100% 'hoàn thành' is still in progress", () => {
    expect(readAgencyStatus("hoàn thành 100%")).toMatchObject({
      value: "Hoàn thành",
      percent: 100,
    });
    expect(readAgencyStatus("Đang thực hiện (80%)")).toMatchObject({
      value: "Đang thực hiện",
      percent: 80,
      rest: "",
    });
    expect(readAgencyStatus("Hoàn thành 80%")).toMatchObject({
      value: "Đang thực hiện",
      percent: 80,
    });
    expect(readAgencyStatus("Chưa hoàn thành (60%)")).toMatchObject({ value: "Đang thực hiện" });
  });

  test("what could be two statuses is ambiguous, with why", () => {
    for (const t of [
      "Chưa hoàn thành",
      "Cơ bản hoàn thành",
      "Đã thực hiện",
      "Tạm dừng",
      "Chưa triển khai (30%)",
    ])
      expect(readAgencyStatus(t)).toMatchObject({
        value: null,
        how: "ambiguous",
        why: expect.any(String),
      });
  });

  test("words beyond the status are handed back as typed", () => {
    expect(readAgencyStatus("Đang thực hiện, chờ kinh phí")).toMatchObject({
      value: "Đang thực hiện",
      rest: "chờ kinh phí",
    });
  });

  test("no status: numbers, percentages alone, other words, too short to be a typo", () => {
    for (const t of [80, "80%", "Tốt", "Đạt", "Đã mở 3 lớp tập huấn"])
      expect(readAgencyStatus(t)).toMatchObject({ value: null, how: "unknown" });
  });
});
