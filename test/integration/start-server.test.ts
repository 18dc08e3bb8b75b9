/**
 * `npm start`'s server (scripts/start.mjs) answers what any web page can make a browser ask:
 * a malformed URL ("/%E0%A4%A", one image tag away) is a 400 and the server stays up.
 */
import "../helpers/integration-timeout";
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { REPO_ROOT } from "../helpers/phuluc-cli";

const PORT = Number(process.env.PHULUC_TEST_PORT ?? 3204) + 50;
let server: ChildProcess;

function get(pathname: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port: PORT, path: pathname }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on("error", reject);
  });
}

beforeAll(async () => {
  const start = path.join(REPO_ROOT, "scripts", "start.mjs");
  server = spawn(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      `const m = await import(${JSON.stringify(start)}); await m.serveDist({ port: ${PORT}, host: "127.0.0.1", quiet: true }); console.log("ready");`,
    ],
    { stdio: ["ignore", "pipe", "inherit"] }
  );
  await new Promise<void>((resolve) => server.stdout!.once("data", () => resolve()));
});

afterAll(() => {
  server.kill();
});

test("a malformed URL is a 400 and the server keeps answering", async () => {
  for (const bad of ["/%E0%A4%A", "/%", "/%C0%AF", "/a%ZZ"]) {
    const r = await get(bad);
    expect(r.status).toBe(400);
    expect(r.body).toBe("Địa chỉ không hợp lệ");
  }
  expect((await get("/khong-co.js")).status).toBe(404);
  expect((await get("/%2e%2e/package.json")).status).toBe(404);
  expect(server.exitCode).toBeNull();
});
