/** Awaits a promise that must fail with the importer's InputError, and returns that error. */
import { InputError } from "../../src/core/errors/input-error";

export async function inputError(p: Promise<unknown>): Promise<InputError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error("expected an InputError");
}
