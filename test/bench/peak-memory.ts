/**
 * Peak memory of reading the largest inputs the zip limits accept, each in its own Node process
 * (the OS's maxRSS of that process, minus the same process that only loads the modules): what
 * an officer's machine or browser tab must hold. Used by run-bench.ts; run directly as a child:
 * `node --import tsx test/bench/peak-memory.ts <docx|xlsx|xlsx-tables|none> <file>`.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

export interface PeakMemory {
  peakMb: number;
  ms: number;
}

async function child(kind: string, file: string): Promise<void> {
  const { importPlan } = await import("../../src/core/import/import-plan");
  const { readWorkbookCells, readWorkbookTables } = await import("../../src/xlsx");
  const { readTracking } = await import("../../src/core/tracking/read-tracking");
  const bytes = kind === "none" ? new Uint8Array(0) : new Uint8Array(readFileSync(file));
  const t = performance.now();
  if (kind === "docx") await importPlan({ kind: "docx", bytes, fileName: path.basename(file) });
  if (kind === "xlsx") readTracking(await readWorkbookCells(bytes, file), file);
  if (kind === "xlsx-tables") await readWorkbookTables(bytes, file);
  const ms = performance.now() - t;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ peakMb, ms }));
}

function run(kind: string, file: string): PeakMemory {
  const r = spawnSync(process.execPath, ["--import", "tsx", __filename, kind, file], {
    encoding: "utf8",
    cwd: path.resolve(__dirname, "..", ".."),
  });
  if (r.status !== 0) throw new Error(`peak-memory ${kind} ${file}: ${r.stderr}`);
  return JSON.parse(r.stdout) as PeakMemory;
}

/** Peak RSS growth (MB) and time of reading `file`, over a process that reads nothing. */
export function peakMemory(kind: "docx" | "xlsx" | "xlsx-tables", file: string): PeakMemory {
  const base = run("none", file);
  const m = run(kind, file);
  return { peakMb: m.peakMb - base.peakMb, ms: m.ms };
}

if (require.main === module) {
  const [kind, file] = process.argv.slice(2);
  child(kind, file).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
