/**
 * The manifest for a deployment: `npm run build -- --env url=https://host/path/` puts every URL
 * of manifest.xml under that base (the source manifest points at https://localhost:3000/), and
 * the build validates the result offline (scripts/validate-manifest.mjs: XSD + URL checks).
 */
const { spawnSync } = require("node:child_process");
const path = require("node:path");

const DEV_BASE = "https://localhost:3000/";

/** "https://host/path" → "https://host/path/"; refuses anything Office would not load. */
function normaliseBase(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`--env url: "${url}" không phải địa chỉ URL (ví dụ https://may-chu/phuluc/)`);
  }
  if (u.protocol !== "https:")
    throw new Error(`--env url: Office chỉ nạp phần bổ trợ qua https, không phải "${u.protocol}"`);
  if (u.search || u.hash) throw new Error(`--env url: không được có ? hoặc # ("${url}")`);
  return `${u.origin}${u.pathname.replace(/\/?$/, "/")}`;
}

/** manifest.xml text with the dev server's URLs moved under `base`, and the AppDomain set. */
function manifestForBase(xml, base) {
  const b = normaliseBase(base);
  const origin = new URL(b).origin;
  const out = xml
    // The source's comment is about the dev server; say what this copy is for instead.
    .replace(
      /<!--(?:(?!-->)[\s\S])*-->/,
      // ("--" may not appear inside an XML comment.)
      `<!-- Phụ Lục: manifest built for ${b.replace(/-(?=-)/g, "- ")} (npm run build, env url). -->`
    )
    .split(DEV_BASE)
    .join(b)
    .replace(
      /<AppDomain>https:\/\/localhost:3000<\/AppDomain>/,
      `<AppDomain>${origin}</AppDomain>`
    );
  const left = out.match(/https?:\/\/localhost[^"<\s]*/g);
  if (left) throw new Error(`manifest.xml còn URL localhost: ${left.join(", ")}`);
  return out;
}

/** Webpack plugin: after emit, validates dist/manifest.xml (a failure fails the build). */
class ValidateManifestPlugin {
  constructor(base) {
    this.base = base;
  }

  apply(compiler) {
    compiler.hooks.afterEmit.tap("ValidateManifestPlugin", (compilation) => {
      const script = path.join(__dirname, "validate-manifest.mjs");
      const file = path.join(compilation.outputOptions.path, "manifest.xml");
      const r = spawnSync(process.execPath, [script, file, "--base", this.base ?? DEV_BASE], {
        encoding: "utf8",
      });
      const out = `${r.stdout}${r.stderr}`.trim();
      if (r.status === 0) console.log(out);
      else if (/xmllint/.test(out) && /Không chạy được/.test(out))
        compilation.warnings.push(new Error(`Chưa kiểm tra manifest: ${out}`));
      else compilation.errors.push(new Error(`dist/manifest.xml không hợp lệ:\n${out}`));
    });
  }
}

module.exports = { DEV_BASE, manifestForBase, normaliseBase, ValidateManifestPlugin };
