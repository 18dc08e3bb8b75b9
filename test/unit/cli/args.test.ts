/** The CLI's shared argument checks. */
import { onePositional, UsageError } from "../../../src/cli/args";

describe("onePositional", () => {
  const message = "cần đúng một tệp sổ theo dõi (.xlsx).";

  it("gives the one file", () => {
    expect(onePositional(["theo-doi.xlsx"], message)).toBe("theo-doi.xlsx");
  });

  it.each([[[]], [["a.xlsx", "b.xlsx"]]])("refuses %j with the command's message", (given) => {
    expect(() => onePositional(given, message)).toThrow(UsageError);
    expect(() => onePositional(given, message)).toThrow(message);
  });
});
