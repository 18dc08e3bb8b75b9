/** Reading the user's file and turning expected failures into exit code 2 with a clear message. */
import { CliIo, OutputError } from "./cli-io";
import { UsageError } from "./args";
import { InputError } from "../core/errors/input-error";
import { XlsxReadError } from "../xlsx/read-errors";
import { RolloverRefused } from "../core/tracking/rollover-rules";

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
 * Usage errors, unreadable input (InputError, XlsxReadError: both carry a code) and a refused
 * roll-over (a workbook that lost its input cells), an output that cannot be written → exit 2.
 */
export function reportInputError(command: string, err: unknown, io: CliIo): number {
  if (
    err instanceof UsageError ||
    err instanceof InputError ||
    err instanceof XlsxReadError ||
    err instanceof RolloverRefused ||
    err instanceof OutputError
  ) {
    io.stderr(`phuluc ${command}: ${(err as Error).message}\n`);
    return 2;
  }
  throw err;
}
