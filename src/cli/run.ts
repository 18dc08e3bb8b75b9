/** Process entry of the CLI (bundled into build/cli/phuluc.mjs, which bin/phuluc.js runs). */
import { main } from "./main";
import { nodeIo, StoppedError } from "./cli-io";
import { stopOnSignals } from "./stop-on-signal";

const io = nodeIo();
stopOnSignals(io);
main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // A write abandoned on Ctrl-C/SIGTERM: stop-on-signal says so and sets the exit code.
    if (err instanceof StoppedError) return;
    process.stderr.write(
      `phuluc: lỗi không mong đợi: ${err instanceof Error ? err.stack : String(err)}\n`
    );
    process.exitCode = 70;
  }
);
