/**
 * The one table of bounds and its documentation agree: every bound of INPUT_LIMITS is a row of
 * docs/design/hostile-input.md with its value as written there.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { fmtCount, INPUT_LIMITS } from "../../src/core/readers/input-limits";

const doc = readFileSync(join(__dirname, "../../docs/design/hostile-input.md"), "utf8");

test.each(Object.entries(INPUT_LIMITS))("%s is listed with its value", (name, value) => {
  const row = doc.split("\n").find((l) => l.startsWith("| ") && l.includes(`\`${name}\``));
  expect(row).toBeDefined();
  const written = name.endsWith("Bytes")
    ? `${value / (1024 * 1024)} MB`
    : value.toLocaleString("en-US");
  expect(row).toContain(written);
  expect(fmtCount(value)).toMatch(/^\d{1,3}(\.\d{3})*$/);
});
