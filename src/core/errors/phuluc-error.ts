/**
 * The one base of every error whose message is written for the officer: a Vietnamese sentence
 * naming the file (and sheet, row, column when there is one), and a machine-readable `code`.
 * The CLI turns these into exit code 2 and the pane shows the message as it is; anything else
 * thrown is a bug (a stack trace, "lỗi không mong muốn"). Recognised with `instanceof` /
 * `isPhuLucError`, never by `name`: names are kept only for logs and console output.
 */
import type { Location } from "../model";

export abstract class PhuLucError extends Error {
  /** Machine-readable reason (INPUT_ERRORS, "CORRUPT", "ROLLOVER_REFUSED"…). */
  readonly code: string;
  /** Where in the user's input, when the error is about one place. */
  readonly place?: Location;

  protected constructor(
    code: string,
    message: string,
    options: { place?: Location; cause?: unknown } = {}
  ) {
    super(message);
    this.code = code;
    if (options.place) this.place = options.place;
    if (options.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
    // Keep instanceof working when compiled to ES5-style classes.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

export function isPhuLucError(e: unknown): e is PhuLucError {
  return e instanceof PhuLucError;
}
