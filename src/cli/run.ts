/** Process entry of the CLI (bin/phuluc.js runs this with tsx). */
import { main } from "./main";

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(
      `phuluc: lỗi không mong đợi: ${err instanceof Error ? err.stack : String(err)}\n`
    );
    process.exitCode = 70;
  }
);
