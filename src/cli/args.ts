/** Argument parsing shared by the sub-commands: node's parseArgs, with Vietnamese usage errors. */
import { parseArgs, ParseArgsConfig } from "node:util";
import { PhuLucError } from "../core/errors/phuluc-error";
import { isIsoDate } from "../core/text/dates";

/** Wrong arguments: a Vietnamese sentence and exit code 2. */
export class UsageError extends PhuLucError {
  constructor(message: string) {
    super("USAGE", message);
    this.name = "UsageError";
  }
}

type Options = NonNullable<ParseArgsConfig["options"]>;

export function parseCommandArgs<T extends Options>(argv: string[], options: T) {
  try {
    return parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>({
      args: argv,
      options,
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    throw new UsageError(`tham số không hợp lệ: ${(err as Error).message}`);
  }
}

export function parseYear(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d{4}$/.test(value))
    throw new UsageError(`--year phải là năm có 4 chữ số, không phải "${value}".`);
  return Number(value);
}

export function parseIsoDate(value: string | undefined, fallback: string): string {
  if (value === undefined) return fallback;
  if (!isIsoDate(value)) {
    throw new UsageError(
      `--date phải có dạng YYYY-MM-DD (ví dụ 2026-12-15), không phải "${value}".`
    );
  }
  return value;
}

/** The one file a command works on; none or more than one is a usage error saying `message`. */
export function onePositional(positionals: string[], message: string): string {
  const [only] = positionals;
  if (only === undefined || positionals.length !== 1) throw new UsageError(message);
  return only;
}
