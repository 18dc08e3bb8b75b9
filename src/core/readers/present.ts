/**
 * Index reads the code has just proved in range, under noUncheckedIndexedAccess: a missing
 * value is a bug in the reader, thrown as one rather than read on as "" or 0.
 */
export function present<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`internal error: no ${what}`);
  return value;
}

/** `list[index]` where the caller's arithmetic keeps `index` in range (grid edges, rows). */
export function nth<T>(list: ArrayLike<T>, index: number): T {
  const value = list[index];
  if (value === undefined) throw new Error(`internal error: index ${index} of ${list.length}`);
  return value;
}
