/**
 * deadlineFromCode remembers its answers by year and code: the remembered answer is the one a
 * first reading gives, for every year, after the memory fills and is cleared, and a caller
 * cannot change what the next caller is told.
 */
import { deadlineFromCode } from "../../../../src/core/workbook/schedule-code";

const CODES = [
  "",
  ";2024=20241231;2026=20260630;",
  ";****=****1115;",
  ";****=00000000;",
  ";2025=00000000;",
  ";2026=2026xx30;",
  ";2026=20260231;", // 31/2 rolls over to 3/3, as DATE() does
];

test("the same answer every time, across years and past the memory's bound", () => {
  const first = new Map<string, unknown>();
  for (const code of CODES)
    for (const year of [2024, 2025, 2026, 2027])
      first.set(`${year}|${code}`, { ...deadlineFromCode(code, year) });
  expect(first.get("2026|;2026=20260231;")).toEqual({ due: true, deadline: "2026-03-03" });
  expect(first.get("2027|;****=****1115;")).toEqual({ due: true, deadline: "2027-11-15" });
  expect(first.get("2025|;2024=20241231;2026=20260630;")).toEqual({ due: false, deadline: null });
  // 5,000 distinct codes: the memory fills and starts again.
  for (let i = 0; i < 5000; i++) {
    const day = String((i % 28) + 1).padStart(2, "0");
    expect(
      deadlineFromCode(`;${2000 + (i % 50)}=2031${"12"}${day};`, 2000 + (i % 50)).deadline
    ).toBe(`2031-12-${day}`);
  }
  for (const code of CODES)
    for (const year of [2024, 2025, 2026, 2027])
      expect(deadlineFromCode(code, year)).toEqual(first.get(`${year}|${code}`));
});

test("an answer cannot be changed by the caller it was given to", () => {
  const a = deadlineFromCode(";2026=20260630;", 2026) as { deadline: string | null };
  expect(() => {
    a.deadline = "1999-01-01";
  }).toThrow();
  expect(deadlineFromCode(";2026=20260630;", 2026).deadline).toBe("2026-06-30");
});
