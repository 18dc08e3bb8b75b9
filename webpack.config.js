/**
 * Webpack build of the task pane.
 *
 * - One entry (src/taskpane/index.tsx) → dist/taskpane.html + taskpane.[contenthash].js.
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

const DEV_PORT = Number(process.env.PHULUC_PORT || 3000);

module.exports = (_env, argv) => {
  const production = argv.mode !== "development";
  return {
    mode: production ? "production" : "development",
    target: "web",
    entry: { taskpane: "./src/taskpane/index.tsx" },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: production ? "chunks/[name].[contenthash:8].js" : "chunks/[name].js",
      clean: true,
      publicPath: "auto",
    },
    // Never "eval*": the CSP forbids eval. Source maps are separate files, fetched only by devtools.
    devtool: production ? "source-map" : "cheap-module-source-map",
    resolve: {
      extensions: [".tsx", ".ts", ".js", ".mjs"],
      // Core modules are shared with the CLI; if one of them mentions a Node built-in on a path the
      // pane never takes, it must not break the browser bundle.
      fallback: {
        fs: false,
        path: false,
        os: false,
        crypto: false,
        stream: false,
        buffer: false,
        util: false,
      },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              compilerOptions: { module: "esnext", moduleResolution: "node", sourceMap: true },
            },
          },
        },
      ],
    },
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
          { from: "manifest.xml", to: "manifest.xml" },
        ],
      }),
    ],
    devServer: {
      port: DEV_PORT,
      host: "localhost",
      // Plain http on this machine: no certificates, no prompts. Office desktop needs https; see scripts/start.mjs.
      server: process.env.PHULUC_HTTPS ? "https" : "http",
      static: false,
      hot: false,
      liveReload: true,
      client: { overlay: { errors: true, warnings: false } },
      headers: { "Content-Security-Policy": require("./src/taskpane/csp.cjs").CSP },
      open: false,
    },
  };
};
