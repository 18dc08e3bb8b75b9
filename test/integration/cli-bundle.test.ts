/**
 * The CLI runs from one bundle (build/cli/phuluc.mjs and its chunks, scripts/build-cli.cjs) made from src/ at
 * `npm ci`; bin/phuluc.js rebuilds it when any source it lists is newer, so what the integration
 * tests run is the code in src/, never a stale build.
 */
import "../helpers/integration-timeout";
import { readdirSync, readFileSync, statSync, utimesSync } from "node:fs";
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

/** The files a module loads before it runs: itself and its static imports, transitively. */
function staticClosure(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/^(?:import|export)\b[^;]*?["'](\.{1,2}\/[^"']+\.mjs)["']/gms))
      visit(path.resolve(path.dirname(file), m[1]));
  };
  visit(entry);
  return [...seen];
}

test("a command parses only what it uses: help and import never load pdfjs, exceljs or jszip", () => {
  expect(phuluc(["help"]).code).toBe(0); // built (or fresh) now
  const chunks = path.join(path.dirname(build.BUNDLE), "chunks");
  const all = readdirSync(chunks).map((f) => path.join(chunks, f));
  // esbuild names each package's modules in a comment: the markers this test looks for.
  const holding = (pkg: string) =>
    all.filter((f) => readFileSync(f, "utf8").includes(`node_modules/${pkg}/`));
  const files = new Map(["pdfjs-dist", "exceljs", "jszip"].map((pkg) => [pkg, holding(pkg)]));
  for (const [, held] of files) expect(held.length).toBeGreaterThan(0);

  // The import command's chunk, as this build's entry names it (older builds' chunks linger).
  const named = /import\("\.\/(chunks\/import-command-[^"]+\.mjs)"\)/.exec(
    readFileSync(build.BUNDLE, "utf8")
  );
  expect(named).not.toBeNull();
  const importCommand = path.join(path.dirname(build.BUNDLE), named![1]);
  const cases: [string, string[]][] = [
    [build.BUNDLE, ["pdfjs-dist", "exceljs", "jszip"]],
    [importCommand, ["pdfjs-dist", "exceljs", "jszip"]],
  ];
  for (const [entry, packages] of cases) {
    const loaded = staticClosure(entry);
    expect(loaded.length).toBeGreaterThan(1);
    for (const pkg of packages) {
      const held = files.get(pkg) ?? [];
      expect({ entry, pkg, loaded: loaded.filter((f) => held.includes(f)) }).toEqual({
        entry,
        pkg,
        loaded: [],
      });
    }
  }
});
