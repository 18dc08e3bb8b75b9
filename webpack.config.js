/**
 * Webpack build of the task pane.
 *
 * - One entry (src/taskpane/index.tsx) → dist/taskpane.html + taskpane.[contenthash].js, and
 *   (production) the same app as ONE offline file, dist/phuluc.html (see offlinePage()).
 * - dist/manifest.xml: the localhost manifest, or with `--env url=https://host/path/` one whose
 *   URLs all lie under that base; validated offline after the build (scripts/deploy-manifest.cjs).
 * - Heavy code (exceljs, jszip, saxes, the importer) is reached only through dynamic import(),
 *   so it lands in lazy chunks and the first paint of the pane stays small.
 * - No eval-based devtool in any mode: the pane's CSP has no 'unsafe-eval' (see taskpane.html).
 * - ts-loader runs with transpileOnly (type checking is `npm run typecheck`) and with
 *   module=esnext, because the repo's tsconfig says commonjs (for jest/node) and commonjs would
 *   turn import() into require(), which silently defeats code splitting.
 */
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const { SingleFilePagePlugin } = require("./scripts/single-file-page.cjs");
const {
  manifestForBase,
  normaliseBase,
  ValidateManifestPlugin,
} = require("./scripts/deploy-manifest.cjs");

const DEV_PORT = Number(process.env.PHULUC_PORT || 3000);

/**
 * A node_modules installed before pdfjs-dist was added (run `npm ci`): build the pane without
 * it rather than fail; only reading a PDF then fails.
 */
const withoutPdfjs = require("node:fs").existsSync(
  path.join(__dirname, "node_modules", "pdfjs-dist", "package.json")
)
  ? []
  : [new (require("webpack").IgnorePlugin)({ resourceRegExp: /^pdfjs-dist\// })];

/** TypeScript through ts-loader (transpile only; module esnext so import() splits). */
const tsRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: {
    loader: "ts-loader",
    options: {
      transpileOnly: true,
      compilerOptions: { module: "esnext", moduleResolution: "node", sourceMap: true },
    },
  },
};

// Core modules are shared with the CLI; if one of them mentions a Node built-in on a path the
// pane never takes, it must not break the browser bundle.
const resolve = {
  extensions: [".tsx", ".ts", ".js", ".mjs"],
  fallback: {
    fs: false,
    path: false,
    os: false,
    crypto: false,
    stream: false,
    buffer: false,
    util: false,
  },
};

/**
 * The offline page (dist/phuluc.html): the same pane bundled into one script with no lazy
 * chunks, inlined into one HTML file with its styles and icon (scripts/single-file-page.cjs).
 */
function offlinePage() {
  return {
    name: "offline",
    mode: "production",
    target: "web",
    entry: { phuluc: "./src/taskpane/index.tsx" },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "phuluc.js",
      asyncChunks: false,
      clean: false,
      publicPath: "",
    },
    devtool: false,
    resolve,
    module: { rules: [tsRule] },
    optimization: { splitChunks: false, runtimeChunk: false },
    performance: { hints: false },
    plugins: [
      ...withoutPdfjs,
      new SingleFilePagePlugin({
        template: path.resolve(__dirname, "src/taskpane/taskpane.html"),
        icon: path.resolve(__dirname, "assets/icon-32.png"),
        filename: "phuluc.html",
      }),
    ],
  };
}

function devServerTransport() {
  const e = process.env;
  if (e.PHULUC_HTTPS_PFX)
    return {
      type: "https",
      options: { pfx: e.PHULUC_HTTPS_PFX, passphrase: e.PHULUC_HTTPS_PASSPHRASE ?? "" },
    };
  if (e.PHULUC_HTTPS_CERT && e.PHULUC_HTTPS_KEY)
    return { type: "https", options: { cert: e.PHULUC_HTTPS_CERT, key: e.PHULUC_HTTPS_KEY } };
  return e.PHULUC_HTTPS ? "https" : "http";
}

module.exports = (env = {}, argv = {}) => {
  const production = argv.mode !== "development";
  // `npm run build -- --env url=https://host/path/`: a manifest for that server.
  const base = env.url ? normaliseBase(env.url) : undefined;
  const pane = {
    name: "pane",
    mode: production ? "production" : "development",
    target: "web",
    entry: { taskpane: "./src/taskpane/index.tsx" },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: production ? "chunks/[name].[contenthash:8].js" : "chunks/[name].js",
      // Keep the offline page: the other compilation of the same build writes it.
      clean: { keep: /^phuluc\.html$/ },
      publicPath: "auto",
    },
    // Never "eval*": the CSP forbids eval. Source maps are separate files, fetched only by devtools.
    devtool: production ? "source-map" : "cheap-module-source-map",
    resolve,
    module: { rules: [tsRule] },
    optimization: {
      // The runtime (chunk map) changes with every lazy chunk; on its own, it keeps the big
      // React/Fluent entry chunk cacheable across releases.
      runtimeChunk: "single",
      splitChunks: {
        chunks: "async",
        cacheGroups: {
          // The workbook writer/reader: by far the heaviest part, needed only on confirm (file mode)
          // or when the user picks an .xlsx.
          exceljs: {
            test: /[\\/]node_modules[\\/]exceljs[\\/]/,
            name: "exceljs",
            chunks: "async",
            priority: 30,
            enforce: true,
          },
          // The .docx container reader; shared by the importer and (inside exceljs' bundle) the writer.
          jszip: {
            test: /[\\/]node_modules[\\/](jszip|pako|lie|setimmediate|readable-stream)[\\/]/,
            name: "jszip",
            chunks: "async",
            priority: 20,
            enforce: true,
          },
          // The PDF reader (pdfjs and its worker code, run on the main thread): only for .pdf plans.
          pdfjs: {
            test: /[\\/]node_modules[\\/]pdfjs-dist[\\/]/,
            name: "pdfjs",
            chunks: "async",
            priority: 30,
            enforce: true,
          },
          saxes: {
            test: /[\\/]node_modules[\\/](saxes|xmlchars)[\\/]/,
            name: "saxes",
            chunks: "async",
            priority: 20,
            enforce: true,
          },
        },
      },
    },
    performance: {
      // Only the initial chunk matters for the pane's start; lazy chunks are allowed to be big.
      // React + Fluent UI v9 is ~450 KiB minified (~130 KiB gzip); warn only if it grows well beyond.
      assetFilter: (file) => /^(taskpane|runtime)\..*\.js$/.test(file),
      maxEntrypointSize: 520 * 1024,
      maxAssetSize: 520 * 1024,
      hints: production ? "warning" : false,
    },
    plugins: [
      ...withoutPdfjs,
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["runtime", "taskpane"],
        scriptLoading: "defer",
        csp: require("./src/taskpane/csp.cjs").CSP,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets", noErrorOnMissing: true },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) =>
              base ? manifestForBase(content.toString(), base) : content.toString(),
          },
        ],
      }),
      ...(production ? [new ValidateManifestPlugin(base)] : []),
    ],
    devServer: {
      port: DEV_PORT,
      host: "localhost",
      // Plain http on this machine: no certificates, no prompts. Office desktop needs https with a
      // trusted certificate: PHULUC_HTTPS_PFX(+_PASSPHRASE) or PHULUC_HTTPS_CERT + _KEY (see
      // scripts/sideload-help.mjs); PHULUC_HTTPS=1 alone uses webpack's self-signed one.
      server: devServerTransport(),
      static: false,
      hot: false,
      liveReload: true,
      client: { overlay: { errors: true, warnings: false } },
      headers: { "Content-Security-Policy": require("./src/taskpane/csp.cjs").CSP },
      open: false,
    },
  };
  return production ? [pane, offlinePage()] : pane;
};
