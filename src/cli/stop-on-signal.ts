/**
 * Ctrl-C (SIGINT), SIGTERM and SIGHUP stop a run: no new output is started, a write in
 * progress is finished into its temporary file and removed (never renamed into place), and the
 * officer is told in Vietnamese what was and was not written. Exit 128 + the signal number,
 * as a shell expects of a stopped program.
 */
import type { NodeIo } from "./cli-io";

const SIGNALS: [NodeJS.Signals, number, string][] = [
  ["SIGINT", 130, "Ctrl-C"],
  ["SIGTERM", 143, "tín hiệu SIGTERM"],
  ["SIGHUP", 129, "đóng cửa sổ dòng lệnh (SIGHUP)"],
];

export function stopOnSignals(io: NodeIo): void {
  for (const [signal, code, how] of SIGNALS) {
    process.on(signal, () => {
      if (io.outputs.stopping) return; // a second Ctrl-C while finishing: already stopping
      io.outputs.stopping = true;
      void Promise.allSettled([...io.outputs.pending]).then(() => {
        const done = io.outputs.written;
        io.stderr(
          `phuluc: đã dừng theo yêu cầu (${how}). ` +
            (done.length
              ? `Các tệp đã ghi xong trước khi dừng: ${done.join(", ")}; không có tệp nào ghi dở.\n`
              : "Không ghi tệp kết quả nào.\n")
        );
        process.exit(code);
      });
    });
  }
}
