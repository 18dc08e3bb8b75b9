/**
 * Webpack plugin: the offline page, ONE self-contained HTML file (dist/phuluc.html) for offices
 * whose Excel cannot run add-ins. The compilation it runs in bundles everything into one script
 * (output.asyncChunks: false: the lazy chunks too); this plugin inlines that script, the page's
 * styles and its icon (as a data: URL), drops the Office.js tag (file mode only), and sets a CSP
 * that allows no request at all: the inline script by its hash, inline styles (Fluent/Griffel),
 * data:/blob: images; connect-src 'none'. Opened by double-click (file://) it needs no server.
 */
const { createHash } = require("node:crypto");
const { readFileSync } = require("node:fs");

const PLUGIN = "SingleFilePagePlugin";

class SingleFilePagePlugin {
  /** @param {{ template: string, icon: string, filename: string }} options */
  constructor(options) {
    this.options = options;
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(PLUGIN, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: PLUGIN, stage: Compilation.PROCESS_ASSETS_STAGE_REPORT },
        (assets) => {
          const scripts = Object.keys(assets).filter((n) => /\.js$/.test(n));
          if (scripts.length !== 1)
            throw new Error(`${PLUGIN}: expected one script, got ${scripts.join(", ") || "none"}`);
          // The minimizer's extracted licence texts travel inside the page, as a comment.
          const licences = Object.keys(assets)
            .filter((n) => n.endsWith(".LICENSE.txt"))
            .map((n) => assets[n].source().toString().replace(/--/g, "- -"))
            .join("\n");
          // "</script" or "<!--" inside the code would end or confuse the inline element.
          const code = assets[scripts[0]]
            .source()
            .toString()
            .replace(
              /For license information please see \S+\.LICENSE\.txt/,
              "Licences: see the top of this page"
            )
            .replace(/<\/script/gi, "<\\/script")
            .replace(/<!--/g, "<\\!--");
          for (const name of Object.keys(assets)) compilation.deleteAsset(name);
          const hash = createHash("sha256").update(code, "utf8").digest("base64");
          const csp = [
            "default-src 'none'",
            `script-src 'sha256-${hash}'`,
            "style-src 'unsafe-inline'",
            "img-src data: blob:",
            "font-src data:",
            "connect-src 'none'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
          ].join("; ");
          const icon = `data:image/png;base64,${readFileSync(this.options.icon).toString("base64")}`;
          const html = readFileSync(this.options.template, "utf8")
            // The template is html-webpack-plugin's: its one EJS tag is the CSP.
            .replace("<%= htmlWebpackPlugin.options.csp %>", csp)
            .replace(/<!--(?:(?!-->)[\s\S])*-->\s*<script[^>]*id="office-js"[\s\S]*?<\/script>/, "")
            // Function replacements: "$&", "$'"… in the code must stay as they are.
            .replace("<!doctype html>", () => `<!doctype html>\n<!--\n${licences}\n-->`)
            .replace('href="assets/icon-32.png"', () => `href="${icon}"`)
            .replace("</body>", () => `<script>${code}</script>\n  </body>`);
          if (/<%|office\.js|src="http/.test(html))
            throw new Error(`${PLUGIN}: the template has parts this plugin does not handle`);
          // Already minified: keep the minimizer (which may run again on added assets) off it.
          compilation.emitAsset(this.options.filename, new sources.RawSource(html), {
            minimized: true,
          });
        }
      );
    });
  }
}

module.exports = { SingleFilePagePlugin };
