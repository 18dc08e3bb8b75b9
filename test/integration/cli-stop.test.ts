/**
 * Stopping `phuluc` stops the work: Ctrl-C (SIGINT) or SIGTERM sent to the process an officer
 * started ends it with a Vietnamese sentence and exit 128 + signal, and nothing is written, then
 * or later (bin/phuluc.js runs the CLI in its own process: no child goes on in the background).
 * The run is caught while it reads a plan from standard input: once 1 MB has gone through the
 * pipe (64 KB deep), the CLI is reading, so its handlers are installed and the signal arrives
 * mid-run, never before.
 */
import "../helpers/integration-timeout";
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "../helpers/phuluc-cli";
import { tempDir } from "../helpers/tools";
import { SEED_LAM_DONG } from "../helpers/shared-paths";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test.each([
  ["SIGINT", 130, /Ctrl-C/],
  ["SIGTERM", 143, /SIGTERM/],
] as const)(
  "%s while importing: exit %d, a Vietnamese sentence, no output now or later",
  async (signal, code, how) => {
    const dir = tempDir("stop");
    const out = path.join(dir, "theo-doi.xlsx");
    const child = spawn(
      process.execPath,
      [path.join(REPO_ROOT, "bin", "phuluc.js"), "import", "-", "-o", out, "--year", "2026"],
      { cwd: dir, stdio: ["pipe", "pipe", "pipe"] }
    );
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<[number | null, string | null]>((resolve) =>
      child.on("exit", (c, s) => resolve([c, s]))
    );
    // Plan text, 1 MB of it, without the end of input: the run waits for more.
    const text = readFileSync(SEED_LAM_DONG, "utf8");
    const chunk = text.repeat(Math.ceil((1024 * 1024) / text.length));
    await new Promise<void>((resolve, reject) =>
      child.stdin.write(chunk, (err) => (err ? reject(err) : resolve()))
    );
    child.kill(signal);
    const [exitCode, bySignal] = await exited;
    expect(bySignal).toBeNull();
    expect(exitCode).toBe(code);
    expect(stderr).toMatch(/^phuluc: đã dừng theo yêu cầu/);
    expect(stderr).toMatch(how);
    expect(stderr).toMatch(/Không ghi tệp kết quả nào/);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
    await sleep(1500);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  }
);
