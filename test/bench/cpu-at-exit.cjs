// Preloaded into a CLI run by the bench (node -r): writes the process's CPU time (ms, user +
// system) to $PHULUC_CPU_FILE at exit, so a loaded machine's wall time can be told from our work.
"use strict";
process.on("exit", () => {
  const u = process.cpuUsage();
  if (process.env.PHULUC_CPU_FILE)
    require("node:fs").writeFileSync(
      process.env.PHULUC_CPU_FILE,
      String((u.user + u.system) / 1000)
    );
});
