/** A write of cell changes (apply or undo) that failed; says whether the workbook was put back. */
export class ChangesError extends Error {
  constructor(
    message: string,
    readonly rolledBack: boolean,
    readonly cause: unknown
  ) {
    super(message);
    this.name = "ChangesError";
  }
}
