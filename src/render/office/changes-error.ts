import { PhuLucError } from "../../core/errors/phuluc-error";

/** A write of cell changes (apply or undo) that failed; says whether the workbook was put back. */
export class ChangesError extends PhuLucError {
  constructor(
    message: string,
    readonly rolledBack: boolean,
    readonly cause: unknown
  ) {
    super("CHANGES_FAILED", message);
    this.name = "ChangesError";
  }
}
