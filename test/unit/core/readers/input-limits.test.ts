/**
 * The one table of bounds and its documentation agree: every bound of INPUT_LIMITS is a row of
 * docs/design/hostile-input.md with its value as written there.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { fmtCount, INPUT_LIMITS } from "../../../../src/core/readers/input-limits";
import { REPO_ROOT } from "../../../helpers/repo-paths";

const doc = readFileSync(join(REPO_ROOT, "docs/design/hostile-input.md"), "utf8");

test.each(Object.entries(INPUT_LIMITS))("%s is listed with its value", (name, value) => {
  const row = doc.split("\n").find((l) => l.startsWith("| ") && l.includes(`\`${name}\``));
  expect(row).toBeDefined();
  const written = name.endsWith("Bytes")
    ? `${value / (1024 * 1024)} MB`
    : value.toLocaleString("en-US");
  expect(row).toContain(written);
  expect(fmtCount(value)).toMatch(/^\d{1,3}(\.\d{3})*$/);
});

test("a text plan over maxTextFileBytes is too large, before it is decoded", async () => {
  const { openPlanFile } = await import("../../../../src/app/open-plan-file");
  const bytes = new Uint8Array(INPUT_LIMITS.maxTextFileBytes + 1).fill(0x41);
  await expect(openPlanFile(bytes, "lon.txt")).rejects.toMatchObject({
    code: "TOO_LARGE",
    message: expect.stringMatching(
      /^Tệp "lon.txt" quá lớn để đọc an toàn: tệp văn bản lớn hơn 64 MB/
    ),
  });
  const html = new TextEncoder().encode("<html><body><table><tr><td>x</td></tr></table>");
  await expect(openPlanFile(html, "nho.html")).resolves.toMatchObject({ kind: "html" });
});
