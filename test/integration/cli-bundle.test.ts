/**
 * The CLI runs from one bundle (build/cli/phuluc.cjs, scripts/build-cli.cjs) made from src/ at
 * `npm ci`; bin/phuluc.js rebuilds it when any source it lists is newer, so what the integration
 * tests run is the code in src/, never a stale build.
 */
import "../helpers/integration-timeout";
import { readFileSync, statSync, utimesSync } from "node:fs";
import path from "node:path";
import { phuluc, REPO_ROOT } from "../helpers/phuluc-cli";

const build = require(path.join(REPO_ROOT, "scripts", "build-cli.cjs")) as {
  isFresh(): boolean;
  BUNDLE: string;
};

test("a bundle older than a source it was built from is rebuilt before it runs", () => {
  expect(phuluc(["help"]).code).toBe(0); // built (or fresh) now
  const inputs = JSON.parse(
    readFileSync(path.join(path.dirname(build.BUNDLE), "inputs.json"), "utf8")
  ).inputs as string[];
  expect(inputs).toEqual(
    expect.arrayContaining(["src/cli/run.ts", "src/cli/main.ts", "package-lock.json"])
  );
  expect(inputs.some((p) => p.startsWith("src/core/"))).toBe(true);
  expect(build.isFresh()).toBe(true);

  // The bundle made long before its sources: stale.
  const old = new Date("2000-01-01T00:00:00Z");
  utimesSync(build.BUNDLE, old, old);
  expect(build.isFresh()).toBe(false);
  const r = phuluc(["help"]);
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/^phuluc — công cụ dòng lệnh/);
  expect(statSync(build.BUNDLE).mtimeMs).toBeGreaterThan(old.getTime());
  expect(build.isFresh()).toBe(true);
});
