/**
 * An input we cannot read at all (corrupt file, legacy .doc, no phụ lục table…).
 * Distinct from findings: the import stops, and the CLI exits with code 2.
 */
import type { Location } from "../model";
import { PhuLucError } from "./phuluc-error";

export class InputError extends PhuLucError {
  /** The file name as the user gave it. */
  readonly file: string;

  /** `code`: one of INPUT_ERRORS (or a refusal's code); `message`: Vietnamese, names the file. */
  constructor(code: string, file: string, message: string, place?: Location) {
    super(code, message, { place: file ? { file, ...place } : place });
    this.name = "InputError";
    this.file = file;
  }
}

export function isInputError(e: unknown): e is InputError {
  return e instanceof InputError;
}
