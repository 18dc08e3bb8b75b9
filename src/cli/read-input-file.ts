/** Reading the user's file and turning expected failures into exit code 2 with a clear message. */
import type { CliIo } from "./cli-io";
import { UsageError } from "./args";
import { isPhuLucError } from "../core/errors/phuluc-error";

export async function readInputFile(io: CliIo, file: string): Promise<Uint8Array> {
  try {
    return await io.readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT" ? "không tồn tại" : code === "EISDIR" ? "là một thư mục" : "không đọc được";
    throw new UsageError(`tệp "${file}" ${why}.`);
  }
}

/**
 * Every PhuLucError → exit 2 with its Vietnamese sentence: usage errors, unreadable input
 * (InputError, XlsxReadError), a refused roll-over (a workbook that lost its input cells), an
 * output that cannot be written. Anything else is a bug and goes on up (exit 70, stack trace).
 */
export function reportInputError(command: string, err: unknown, io: CliIo): number {
  if (isPhuLucError(err)) {
    io.stderr(`phuluc ${command}: ${err.message}\n`);
    return 2;
  }
  throw err;
}
