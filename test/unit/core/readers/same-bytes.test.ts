import { sameBytes } from "../../../../src/core/readers/same-bytes";

describe("sameBytes", () => {
  const bytes = (...b: number[]) => new Uint8Array(b);

  it("is true for equal bytes, whatever the arrays", () => {
    expect(sameBytes(bytes(1, 2, 3), bytes(1, 2, 3))).toBe(true);
    expect(sameBytes(bytes(), bytes())).toBe(true);
    expect(sameBytes(bytes(9, 1, 2).subarray(1), bytes(1, 2))).toBe(true);
  });

  it("is false for another length or any byte that differs", () => {
    expect(sameBytes(bytes(1, 2), bytes(1, 2, 3))).toBe(false);
    expect(sameBytes(bytes(1, 2, 3), bytes(1, 2, 4))).toBe(false);
    expect(sameBytes(bytes(0, 2, 3), bytes(1, 2, 3))).toBe(false);
  });
});
