/** Runs the real `phuluc` CLI (bin/phuluc.js) as an officer would, from the repository root. */
import { spawnSync } from "node:child_process";
import path from "node:path";

export const REPO_ROOT = path.resolve(__dirname, "..", "..");

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `input` is piped to standard input (for `phuluc import -`); `cwd` defaults to the repo root. */
export function phuluc(args: string[], input?: string, cwd = REPO_ROOT): CliRun {
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, "bin", "phuluc.js"), ...args], {
    cwd,
    input,
    encoding: "utf8",
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
