import { nth, present } from "../../../../src/core/readers/present";

describe("present", () => {
  it("gives back a value that is there, falsy ones included", () => {
    expect(present("", "text")).toBe("");
    expect(present(0, "number")).toBe(0);
    expect(present(null, "node")).toBeNull();
  });

  it("throws an internal error (not an officer's InputError) when the value is missing", () => {
    expect(() => present(undefined, "line of a cell")).toThrow("internal error: no line of a cell");
  });
});

describe("nth", () => {
  it("reads an index in range, of arrays and typed arrays alike", () => {
    expect(nth([3, 0, 5], 1)).toBe(0);
    expect(nth(new Uint8Array([7, 8]), 1)).toBe(8);
  });

  it("throws an internal error for an index out of range", () => {
    expect(() => nth(["a"], 1)).toThrow("internal error: index 1 of 1");
    expect(() => nth(["a"], -1)).toThrow("internal error: index -1 of 1");
  });
});
