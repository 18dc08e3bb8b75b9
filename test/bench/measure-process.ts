/**
 * One command run as its own Node process, measured from inside (usage-reporter.cjs): CPU time
 * (user + system) and peak resident memory, plus the wall time seen from here. What an officer's
 * machine spends on `phuluc validate …`, start-up included.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(__dirname, "..", "..");

export interface ProcessUsage {
  cpuMs: number;
  wallMs: number;
  peakMb: number;
}

/** `node <args>` from the repository root; throws with its stderr when it fails. */
export function measureProcess(args: string[], okCodes = [0, 1]): ProcessUsage {
  const dir = mkdtempSync(path.join(os.tmpdir(), "phuluc-usage-"));
  const out = path.join(dir, "usage.json");
  try {
    const t = performance.now();
    const r = spawnSync(
      process.execPath,
      ["--require", path.join(__dirname, "usage-reporter.cjs"), ...args],
      {
        cwd: root,
        encoding: "utf8",
        env: { ...process.env, PHULUC_BENCH_USAGE: out },
        maxBuffer: 256 * 1024 * 1024,
      }
    );
    const wallMs = performance.now() - t;
    if (r.status === null || !okCodes.includes(r.status))
      throw new Error(`node ${args.join(" ")}: exit ${r.status}\n${r.stderr}`);
    return { ...(JSON.parse(readFileSync(out, "utf8")) as Omit<ProcessUsage, "wallMs">), wallMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The median run of `runs` (by CPU time), after one warm-up (disk cache) when runs > 1. */
export function medianProcess(runs: number, args: string[], okCodes?: number[]): ProcessUsage {
  if (runs > 1) measureProcess(args, okCodes);
  const all = Array.from({ length: runs }, () => measureProcess(args, okCodes));
  all.sort((a, b) => a.cpuMs - b.cpuMs);
  return all[Math.floor(runs / 2)];
}

export const PHULUC = path.join(root, "bin", "phuluc.js");
export const OPEN_WITH_EXCELJS = path.join(__dirname, "open-with-exceljs.cjs");
