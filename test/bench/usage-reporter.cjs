// Preloaded (node --require) into a process the benchmarks run: at exit, writes the process's
// own CPU time and peak memory to the file named by PHULUC_BENCH_USAGE.
"use strict";
const fs = require("node:fs");
const out = process.env.PHULUC_BENCH_USAGE;
if (out)
  process.on("exit", () => {
    const u = process.resourceUsage();
    fs.writeFileSync(
      out,
      JSON.stringify({
        cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000,
        peakMb: u.maxRSS / 1024,
      })
    );
  });
