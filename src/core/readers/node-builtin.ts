/**
 * A Node built-in module where the platform has one, found without an import: core and xlsx/
 * load in the task pane too, where a `require("node:…")` would be followed by the bundler.
 * Node ≥ 20.16 hands its modules out through process.getBuiltinModule; a browser has no `process`.
 */
export function nodeBuiltin<T>(id: `node:${string}`): T | undefined {
  const p = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return p?.getBuiltinModule?.(id) as T | undefined;
}
