/**
 * An input we cannot read at all (corrupt file, legacy .doc, no phụ lục table…).
 * Distinct from findings: the import stops, and the CLI exits with code 2.
 */
export class InputError extends Error {
  /** Machine-readable reason, one of INPUT_ERRORS. */
  readonly code: string;
  /** The file name as the user gave it. */
  readonly file: string;

  constructor(code: string, file: string, message: string) {
    super(message);
    this.name = "InputError";
    this.code = code;
    this.file = file;
    // Keep instanceof working when compiled to ES5-style classes.
    Object.setPrototypeOf(this, InputError.prototype);
  }
}

export function isInputError(e: unknown): e is InputError {
  return e instanceof InputError;
}
