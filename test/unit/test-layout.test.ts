/**
 * Unit tests mirror src/: the test of `src/core/agency/x.ts` lives in
 * `test/unit/core/agency/x.test.ts`, so the tests of a module are found where the module is.
 * Every file under test/unit sits in a folder that exists under src/; at the top sit only the
 * tests of the tree as a whole (layers, folder graph, this layout). Helpers go to test/helpers.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT, SRC_DIR } from "../helpers/repo-paths";

const UNIT_DIR = path.join(REPO_ROOT, "test", "unit");
const WHOLE_TREE_TESTS = [
  "folder-graph.test.ts",
  "layers-lint.slow.test.ts",
  "test-layout.test.ts",
];

/** Files under `dir`, as paths relative to `base` with "/" separators. */
function filesUnder(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return filesUnder(full, base);
    return [path.relative(base, full).split(path.sep).join("/")];
  });
}

/** What is wrong with one file's place under test/unit (relative path), or undefined. */
export function misplaced(rel: string, srcDir = SRC_DIR): string | undefined {
  const folder = path.posix.dirname(rel);
  if (!rel.endsWith(".test.ts") && !rel.endsWith(".test.tsx"))
    return `${rel}: không phải tệp kiểm thử (trợ giúp đặt ở test/helpers)`;
  if (folder === ".")
    return WHOLE_TREE_TESTS.includes(rel)
      ? undefined
      : `${rel}: đặt vào thư mục con tương ứng với src/ (ví dụ core/agency/)`;
  if (!existsSync(path.join(srcDir, folder)) || !statSync(path.join(srcDir, folder)).isDirectory())
    return `${rel}: không có thư mục src/${folder}`;
  return undefined;
}

test("every unit test sits in a folder that mirrors one under src/", () => {
  const files = filesUnder(UNIT_DIR);
  // The walk sees the tree (not a vacuous pass).
  expect(files.length).toBeGreaterThan(60);
  expect(files.map((f) => misplaced(f)).filter(Boolean)).toEqual([]);
});

test("the check names a flat test, a folder src/ lacks, and a helper among tests", () => {
  expect(misplaced("agency-match.test.ts")).toMatch(/agency-match\.test\.ts: đặt vào/);
  expect(misplaced("core/agencies/match.test.ts")).toMatch(/không có thư mục src\/core\/agencies/);
  expect(misplaced("core/tracking/fixtures.ts")).toMatch(/không phải tệp kiểm thử/);
  expect(misplaced("core/agency/match-agencies.test.ts")).toBeUndefined();
  expect(misplaced("layers-lint.slow.test.ts")).toBeUndefined();
});
