#!/usr/bin/env node
// `npm start`: run the task pane the best way this machine allows.
//
// - Windows/macOS with Office: print the exact commands to sideload into Excel desktop
//   (scripts/sideload-help.mjs: a trusted localhost certificate, the https dev server, a trusted
//   catalog); they change the machine's trust settings, so we never run them silently.
// - Everywhere (and only this, on Linux): build dist/ if it is missing or older than the sources,
//   then serve it on http://localhost:3000 with the pane's CSP header, in FILE MODE (no Excel):
//   no GUI, no sudo, no internet needed.
//
// Options: --port N (or PHULUC_PORT), --rebuild (always build first), --no-build (serve as is).
// Also imported by the browser tests (serveDist) so they exercise the same server.
import { createServer } from "node:http";
import { spawnSync } from "node:child_process";
import { createReadStream, existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { sideloadHelp } from "./sideload-help.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const { CSP } = createRequire(import.meta.url)("../src/taskpane/csp.cjs");

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce(
    (max, name) => Math.max(max, newestMtime(join(path, name))),
    st.mtimeMs
  );
}

export function distIsStale() {
  const built = join(dist, "taskpane.html");
  // A production build also writes the offline page; a dist/ without it is from before.
  if (!existsSync(built) || !existsSync(join(dist, "phuluc.html"))) return true;
  const sources = ["src", "assets", "manifest.xml", "webpack.config.js", "package.json"].map((p) =>
    newestMtime(join(root, p))
  );
  return Math.max(...sources) > statSync(built).mtimeMs;
}

export function build() {
  console.log("Đang build bản production (npm run build)…");
  const r = spawnSync("npm", ["run", "build", "--silent"], {
    cwd: root,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  if (r.status !== 0) throw new Error("Build thất bại");
}

/** Serves dist/ with the CSP header. Resolves to the http.Server once it listens. */
export function serveDist({ port = 3000, host = "localhost", quiet = false } = {}) {
  const server = createServer((req, res) => {
    // Any web page can make the browser ask for any URL here: a malformed one is a 400, never
    // an exception that takes the server down.
    let url;
    let pathname;
    try {
      url = new URL(req.url ?? "/", "http://localhost");
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("Địa chỉ không hợp lệ");
      return;
    }
    if (url.pathname === "/") {
      res.writeHead(302, { Location: "/taskpane.html" });
      res.end();
      return;
    }
    // Decode and normalise, then refuse anything that escapes dist/ ("../").
    const file = normalize(join(dist, pathname));
    if (!file.startsWith(dist + sep) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("Không tìm thấy");
      return;
    }
    const ext = extname(file);
    res.writeHead(200, {
      "Content-Type": MIME[ext] ?? "application/octet-stream",
      "Content-Security-Policy": CSP,
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
      // Hashed bundles can be cached for good; the page itself must always be fresh.
      "Cache-Control":
        ext === ".html" || ext === ".xml" ? "no-store" : "public, max-age=31536000, immutable",
    });
    if (req.method === "HEAD") return res.end();
    // A file removed between the check and the read ends the response, not the server.
    createReadStream(file)
      .on("error", () => res.destroy())
      .pipe(res);
  });
  return new Promise((resolveListen, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      if (!quiet)
        console.log(`Mở http://${host}:${port}/taskpane.html — chế độ tệp (không có Excel)`);
      resolveListen(server);
    });
  });
}

function arg(name) {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
}

function printSideloadHelp(platform) {
  for (const line of sideloadHelp(platform)) console.log(line);
  console.log("\nTrong lúc đó, ngăn tác vụ vẫn chạy được ở chế độ tệp ngay trong trình duyệt:\n");
}

async function main() {
  // `--sideload-help win32|darwin`: print the Excel desktop commands for that system and stop.
  if (process.argv.includes("--sideload-help")) {
    const lines = sideloadHelp(arg("--sideload-help") ?? process.platform);
    console.log(
      lines.length ? lines.join("\n") : "Excel trên máy tính chỉ có trên Windows và macOS."
    );
    return;
  }
  const port = Number(arg("--port") ?? process.env.PHULUC_PORT ?? 3000);
  if (process.platform === "win32" || process.platform === "darwin")
    printSideloadHelp(process.platform);
  if (!process.argv.includes("--no-build") && (process.argv.includes("--rebuild") || distIsStale()))
    build();
  else if (!existsSync(join(dist, "taskpane.html")))
    throw new Error("Chưa có dist/: chạy npm run build");
  await serveDist({ port });
  console.log("Nhấn Ctrl+C để dừng.");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((e) => {
    console.error(e.message ?? e);
    process.exit(1);
  });
}
