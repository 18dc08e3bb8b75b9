/**
 * Deployment: `npm run build -- --env url=https://host/path/` gives a manifest whose every URL
 * lies under that base, valid against the offline schemas (xmllint); without it, the localhost
 * manifest. Checked on the webpack config's own copy step (what the build writes), then with the
 * validator the build runs. `npm start --sideload-help` prints the exact Excel desktop commands.
 */
import "../helpers/integration-timeout";
import { spawnSync } from "child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { tempDir } from "../helpers/tools";
import { SHARED_DIR } from "../helpers/shared-paths";

const ROOT = join(__dirname, "..", "..");
const SOURCE = readFileSync(join(ROOT, "manifest.xml"), "utf8");
const webpackConfig = require(join(ROOT, "webpack.config.js"));

/** The manifest the production build would write for `env`. */
function builtManifest(env: Record<string, string>): string {
  const [pane] = webpackConfig(env, { mode: "production" });
  const copy = pane.plugins.find(
    (p: { constructor: { name: string } }) => p.constructor.name === "CopyPlugin"
  );
  const pattern = copy.patterns.find((p: { from: string }) => p.from === "manifest.xml");
  return String(pattern.transform(Buffer.from(SOURCE), "manifest.xml"));
}

function validate(xml: string, base?: string): { ok: boolean; out: string } {
  const file = join(tempDir("manifest"), "manifest.xml");
  writeFileSync(file, xml);
  const r = spawnSync(
    process.execPath,
    [join(ROOT, "scripts", "validate-manifest.mjs"), file, ...(base ? ["--base", base] : [])],
    { encoding: "utf8" }
  );
  return { ok: r.status === 0, out: `${r.stdout}${r.stderr}` };
}

const urls = (xml: string) =>
  [...xml.matchAll(/(?:DefaultValue="|<AppDomain>)(https?:\/\/[^"<]+)/g)].map((m) => m[1]);

describe("deployment manifest", () => {
  test.each([
    ["https://so-tttt.lamdong.gov.vn/phuluc/", "https://so-tttt.lamdong.gov.vn/phuluc/"],
    [
      "https://intranet.ubnd.example/add-ins/phu-luc",
      "https://intranet.ubnd.example/add-ins/phu-luc/",
    ],
    ["https://phuluc.example.vn", "https://phuluc.example.vn/"],
    ["https://host.example:8443/a--b/", "https://host.example:8443/a--b/"],
  ])("--env url=%s: every URL under the base, schema-valid", (url, base) => {
    const xml = builtManifest({ url });
    const all = urls(xml);
    expect(all.length).toBeGreaterThanOrEqual(9);
    expect(xml).not.toMatch(/localhost/);
    for (const u of all) expect(u === new URL(base).origin || u.startsWith(base)).toBe(true);
    expect(xml).toContain(`<SourceLocation DefaultValue="${base}taskpane.html"/>`);
    expect(xml).toContain(`<AppDomain>${new URL(base).origin}</AppDomain>`);
    const v = validate(xml, base);
    expect(v.out).toMatch(/^✓/);
    expect(v.ok).toBe(true);
    // The same file checked against the dev server's base is refused: the check can fail.
    expect(validate(xml).ok).toBe(false);
  });

  test("without --env url the localhost manifest, unchanged", () => {
    expect(builtManifest({})).toBe(SOURCE);
    expect(validate(SOURCE).ok).toBe(true);
  });

  test("a base Office would not load is refused at build time", () => {
    expect(() => builtManifest({ url: "http://so.example.vn/phuluc/" })).toThrow(/https/);
    expect(() => builtManifest({ url: "so.example.vn/phuluc" })).toThrow(/URL/);
    expect(() => builtManifest({ url: "https://so.example.vn/?a=1" })).toThrow(/\?/);
  });
});

describe("the schemas the build validates against", () => {
  const VENDORED = join(ROOT, "vendor", "manifest-schemas");
  const SHARED = join(SHARED_DIR, "manifest-schemas");

  test("the vendored copy is the team's shared copy, byte for byte", () => {
    const xsd = (dir: string) =>
      readdirSync(dir)
        .filter((f) => f.endsWith(".xsd"))
        .sort();
    expect(existsSync(SHARED)).toBe(true);
    expect(xsd(VENDORED)).toEqual(xsd(SHARED));
    for (const f of xsd(SHARED))
      expect(readFileSync(join(VENDORED, f)).equals(readFileSync(join(SHARED, f)))).toBe(true);
  });

  test("a clone of this repository alone (no ../shared) validates a built manifest", () => {
    // The repository's files the build's validation reads, copied where no ../shared exists.
    const clone = join(tempDir("clone"), "phuluc");
    mkdirSync(clone, { recursive: true });
    for (const p of ["scripts", "vendor", "assets"])
      cpSync(join(ROOT, p), join(clone, p), { recursive: true });
    expect(existsSync(join(clone, "..", "shared"))).toBe(false);
    const base = "https://so-tttt.lamdong.gov.vn/phuluc/";
    const file = join(clone, "manifest.xml");
    writeFileSync(file, builtManifest({ url: base }));
    const run = (xml: string) => {
      writeFileSync(file, xml);
      return spawnSync(
        process.execPath,
        [join(clone, "scripts", "validate-manifest.mjs"), file, "--base", base],
        { encoding: "utf8" }
      );
    };
    const ok = run(builtManifest({ url: base }));
    expect(`${ok.stdout}${ok.stderr}`).toMatch(/^✓ .*XSD/);
    expect(ok.status).toBe(0);
    // The schema check is live there too: an element the schema does not allow is refused.
    const bad = run(builtManifest({ url: base }).replace("<Hosts>", "<Hosts><Khong/>"));
    expect(bad.stderr).toMatch(/không hợp lệ theo lược đồ/);
    expect(bad.status).not.toBe(0);
  });
});

describe("sideloading from npm start", () => {
  test.each([
    [
      "win32",
      [
        /New-SelfSignedCertificate/,
        /Cert:\\CurrentUser\\Root/,
        /PHULUC_HTTPS_PFX/,
        /WEF\\TrustedCatalogs/,
        /npm run dev-server/,
      ],
    ],
    [
      "darwin",
      [/openssl req -x509/, /security add-trusted-cert/, /Documents\/wef/, /PHULUC_HTTPS_CERT/],
    ],
  ])("%s: the exact commands", (platform, patterns) => {
    const r = spawnSync(
      process.execPath,
      [join(ROOT, "scripts", "start.mjs"), "--sideload-help", platform as string],
      { encoding: "utf8" }
    );
    expect(r.status).toBe(0);
    for (const p of patterns as RegExp[]) expect(r.stdout).toMatch(p);
    expect(r.stdout).not.toMatch(/office-addin-debugging/);
  });
});
